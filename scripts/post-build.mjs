// Trunk's post_build hook (Trunk.toml), run with TRUNK_STAGING_DIR set: first the split wasm
// (scripts/build-wasm.mjs: Trunk's own Rust pipeline cannot split it), then the stylesheets
// joined into one, the wasm's size, the precache list and the build's version
// (scripts/precache.mjs), which must see every file of the build. One hook doing both in turn,
// because Trunk runs the hooks of one stage at the same time.
import { buildWasm } from "./build-wasm.mjs";
import { finishBuild } from "./precache.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("post-build: run by Trunk (trunk build), which sets TRUNK_STAGING_DIR");
  process.exit(2);
}
await buildWasm(dir, { release: process.env.TRUNK_PROFILE !== "debug" });
finishBuild(dir);
