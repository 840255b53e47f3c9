// Builds the app's wasm split into chunks, into a staged build (Trunk's post_build hook, through
// scripts/post-build.mjs). Trunk's own Rust pipeline cannot split (the split must run between
// the linker and wasm-bindgen), so this script does the whole of it:
//
//   1. rustc (`cargo rustc`), keeping the relocations the splitter reads (--emit-relocs);
//   2. `wasm-split-cli` (crate wasm_split_cli_support 0.2.4, installed by scripts/setup.sh):
//      the first wasm, one wasm per split point of src/app/chunks.rs, the chunks they share,
//      and `__wasm_split.js`, which fetches and links them;
//   3. wasm-bindgen on the first wasm (keeping the exports the chunks link against);
//   4. wasm-opt -Oz on every module, two at a time;
//   5. every file named with one hash of the whole build (a chunk works only with the build
//      that made it, so they change names together), the references between them rewritten;
//   6. the app's <script> element and preload links written into index.html.
//
// Usage: node scripts/build-wasm.mjs DIR [--debug]   (DIR is the staged build)
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const NAME = "kehoach";
/** The marker in index.html that this script replaces with the app's script element. */
const SCRIPT_MARKER = "<!-- app-script: written by scripts/build-wasm.mjs -->";
/** What wasm-split-cli calls its loader, and the name the build gives it. */
const LINK_FILE = "__wasm_split.js";
/** KEHOACH_UNSPLIT=1 builds the same app in one wasm (the split points as plain calls), only to
 * compare the two in a benchmark; the app is always shipped split. */
const UNSPLIT = process.env.KEHOACH_UNSPLIT === "1";
const LINK_NAME = "split";

// binaryen 132 from npm first: Debian's wasm-opt 108 corrupts wasm-bindgen's externref table.
process.env.PATH = `${join(ROOT, "node_modules", ".bin")}:${process.env.PATH}`;

/** Stops the build unless `command --version` says `expected` (the versions Trunk.toml pins). */
function checkVersion(command, expected) {
  let said;
  try {
    said = execFileSync(command, ["--version"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error(`build-wasm: ${command} is not installed; run scripts/setup.sh`);
  }
  if (!said.includes(expected)) {
    throw new Error(`build-wasm: ${command} says "${said}", the build needs ${expected}; run scripts/setup.sh`);
  }
}

/** The version of `tool` that Trunk.toml pins. */
function pinned(tool) {
  const match = readFileSync(join(ROOT, "Trunk.toml"), "utf8").match(new RegExp(`^${tool} = "([^"]+)"`, "m"));
  if (!match) throw new Error(`build-wasm: Trunk.toml pins no ${tool}`);
  return match[1];
}

/** Runs `command` with `args`; rejects with its output if it fails. */
function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "inherit", "pipe"], ...options });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
      process.stderr.write(chunk);
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${code}):\n${stderr}`)),
    );
  });
}

/** Runs the `jobs` (functions returning promises) `width` at a time. */
async function inParallel(jobs, width) {
  const queue = [...jobs];
  const worker = async () => {
    while (queue.length) await queue.shift()();
  };
  await Promise.all(Array.from({ length: width }, worker));
}

/** `text` with `from` replaced by `to`, which must occur in it. */
function rewrite(text, from, to, where) {
  if (!text.includes(from)) {
    // A build in one wasm has nothing to link, so its glue names no loader.
    if (UNSPLIT) return text;
    throw new Error(`build-wasm: ${where} does not mention ${from}`);
  }
  return text.split(from).join(to);
}

const integrity = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

/** Builds the split wasm into `staging` and writes its script element into index.html. */
export async function buildWasm(staging, { release = true } = {}) {
  checkVersion("wasm-bindgen", `wasm-bindgen ${pinned("wasm_bindgen")}`);
  checkVersion("wasm-opt", `(${pinned("wasm_opt")})`);
  const targetDir = process.env.CARGO_TARGET_DIR ?? join(ROOT, "target");
  const profile = release ? "release" : "debug";
  console.log(`build-wasm: cargo rustc (${profile})`);
  await run("cargo", [
    "rustc",
    "--locked",
    "--offline",
    "--target=wasm32-unknown-unknown",
    "--bin",
    NAME,
    ...(UNSPLIT ? [] : ["--features=split"]),
    ...(release ? ["--release"] : []),
    "--",
    "-Clink-arg=--emit-relocs",
  ]);

  const work = join(targetDir, "wasm-split", profile);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  await run("wasm-split-cli", [
    join(targetDir, "wasm32-unknown-unknown", profile, `${NAME}.wasm`),
    work,
    "--out-name",
    NAME,
  ]);
  await run("wasm-bindgen", [
    "--target=web",
    "--keep-lld-exports",
    "--no-demangle",
    "--no-typescript",
    `--out-dir=${work}`,
    `--out-name=${NAME}`,
    join(work, `${NAME}.wasm`),
  ]);
  rmSync(join(work, `${NAME}.wasm`));

  const modules = readdirSync(work).filter((file) => file.endsWith(".wasm")).sort();
  if (release) {
    console.log(`build-wasm: wasm-opt -Oz on ${modules.length} modules`);
    await inParallel(
      modules.map((file) => () => run("wasm-opt", ["-Oz", join(work, file), "-o", join(work, file)])),
      2,
    );
  }

  // One hash of the whole build names every file.
  const files = readdirSync(work).sort();
  const whole = createHash("sha256");
  for (const file of files) whole.update(`${file}\0`).update(readFileSync(join(work, file)));
  const hash = whole.digest("hex").slice(0, 16);
  const hashed = (file) =>
    file === LINK_FILE ? `${LINK_NAME}-${hash}.js` : file.replace(/(_bg)?\.(wasm|js)$/, `-${hash}$1.$2`);

  let glue = readFileSync(join(work, `${NAME}.js`), "utf8");
  // Only the module specifiers: the wasm's imports keep the name the wasm was linked with.
  glue = rewrite(glue, `from "./${LINK_FILE}"`, `from "./${hashed(LINK_FILE)}"`, `${NAME}.js`);
  let link = readFileSync(join(work, LINK_FILE), "utf8");
  link = rewrite(link, `from "./${NAME}.js"`, `from "./${hashed(`${NAME}.js`)}"`, LINK_FILE);
  const chunks = modules.filter((file) => file !== `${NAME}_bg.wasm`);
  for (const chunk of chunks) link = rewrite(link, `"./${chunk}"`, `"./${hashed(chunk)}"`, LINK_FILE);

  writeFileSync(join(staging, hashed(`${NAME}.js`)), glue);
  writeFileSync(join(staging, hashed(LINK_FILE)), link);
  for (const module of modules) writeFileSync(join(staging, hashed(module)), readFileSync(join(work, module)));

  const indexPath = join(staging, "index.html");
  const index = readFileSync(indexPath, "utf8");
  const js = hashed(`${NAME}.js`);
  const wasm = hashed(`${NAME}_bg.wasm`);
  const script = [
    `<script type="module" src="/start.js" data-app-js="/${js}" data-app-wasm="/${wasm}"></script>`,
    `<link rel="modulepreload" href="/${js}" crossorigin="anonymous" integrity="${integrity(glue)}">`,
    `<link rel="modulepreload" href="/${hashed(LINK_FILE)}" crossorigin="anonymous" integrity="${integrity(link)}">`,
    `<link rel="preload" href="/${wasm}" crossorigin="anonymous" integrity="${integrity(readFileSync(join(work, `${NAME}_bg.wasm`)))}" as="fetch" type="application/wasm">`,
  ].join("\n    ");
  // The link that kept Trunk from building the wasm itself has done its work.
  const page = rewrite(index, SCRIPT_MARKER, script, "index.html").replace(/\n\s*<link data-trunk rel="rust"[^>]*>/, "");
  writeFileSync(indexPath, page);
  console.log(`build-wasm: ${modules.length} wasm modules (${chunks.join(", ")}), hash ${hash}`);
  return { js, wasm, link: hashed(LINK_FILE), chunks: chunks.map(hashed) };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: node scripts/build-wasm.mjs DIR [--debug]");
    process.exit(2);
  }
  await buildWasm(dir, { release: !process.argv.includes("--debug") });
}
