// Run after each build by scripts/post-build.mjs, once the split wasm is in place: first joins the stylesheets into one (scripts/bundle-css.mjs)
// and writes the wasm's size into index.html (for the first download's progress), then writes into the staged build the list of files the service
// worker precaches, with each file's SHA-256, and the build's version, a hash of every file's
// contents. The version goes into sw.js, so that any change to the build gives browsers a new
// worker, and into index.html's <meta name="kehoach-version">, which the app shows.
//
// Usage: run by Trunk with TRUNK_STAGING_DIR set, or by hand:  node scripts/precache.mjs DIR
// Running it again on its own output gives the same result, so a test can change one file of a
// built dist/ and rerun it to make a genuinely different build.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { bundleStylesheets } from "./bundle-css.mjs";

const WORKER = "sw.js";
const INDEX = "index.html";
/** The line of sw.js this script rewrites, and its value before any build. */
const BUILD_LINE = /^const BUILD = .*;$/m;
const BUILD_TEMPLATE = 'const BUILD = { version: "dev", files: [] };';
/** The meta element of index.html that carries the version, and its value before any build. */
const VERSION_META = /<meta name="kehoach-version" content="[^"]*"/;
const VERSION_TEMPLATE = '<meta name="kehoach-version" content="dev"';

/** Every file under `dir`, as sorted paths relative to it with "/" between folders. */
function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}

const sha256 = (bytes) => createHash("sha256").update(bytes);

/** The build's contents as they were before this script touched them. */
function pristine(path, bytes) {
  if (path === WORKER) return Buffer.from(bytes.toString("utf8").replace(BUILD_LINE, BUILD_TEMPLATE));
  if (path === INDEX) return Buffer.from(bytes.toString("utf8").replace(VERSION_META, VERSION_TEMPLATE));
  return bytes;
}

/** The app's script element as scripts/build-wasm.mjs writes it. */
const APP_SCRIPT = /<script type="module" src="[^"]*start\.js" data-app-js="[^"]*" data-app-wasm="([^"]*)"( data-app-wasm-bytes="\d*")?/;

/**
 * Writes the wasm's size in bytes into the app's script element (data-app-wasm-bytes), for
 * public/start.js to show the first download's progress: over the network the file comes
 * compressed, so its Content-Length is not the size the browser counts.
 */
export function writeWasmSize(dir) {
  const indexPath = join(dir, INDEX);
  const index = readFileSync(indexPath, "utf8");
  const match = index.match(APP_SCRIPT);
  if (!match) throw new Error(`precache: ${INDEX} has no app script element with data-app-wasm`);
  const bytes = statSync(join(dir, match[1].replace(/^(\.?\/)+/, ""))).size;
  const annotated = match[0].replace(/( data-app-wasm-bytes="\d*")?$/, ` data-app-wasm-bytes="${bytes}"`);
  writeFileSync(indexPath, index.replace(match[0], annotated));
  return bytes;
}

/** Writes the version and the precache list into the build in `dir`; returns what it wrote. */
export function writePrecache(dir) {
  const files = listFiles(dir);
  for (const required of [WORKER, INDEX]) {
    if (!files.includes(required)) throw new Error(`precache: ${required} is missing from ${dir}`);
  }
  const whole = createHash("sha256");
  for (const path of files) {
    const digest = sha256(pristine(path, readFileSync(join(dir, path)))).digest("hex");
    whole.update(`${path}\0${digest}\n`);
  }
  const version = whole.digest("hex").slice(0, 12);

  const indexPath = join(dir, INDEX);
  const index = readFileSync(indexPath, "utf8");
  if (!VERSION_META.test(index)) throw new Error(`precache: ${INDEX} has no <meta name="kehoach-version">`);
  writeFileSync(indexPath, index.replace(VERSION_META, `<meta name="kehoach-version" content="${version}"`));

  const precached = files
    .filter((path) => path !== WORKER)
    .map((path) => [path, `sha256-${sha256(readFileSync(join(dir, path))).digest("base64")}`]);
  const workerPath = join(dir, WORKER);
  const worker = readFileSync(workerPath, "utf8");
  if (!BUILD_LINE.test(worker)) throw new Error(`precache: ${WORKER} has no "const BUILD = …;" line`);
  const build = `const BUILD = ${JSON.stringify({ version, files: precached })};`;
  writeFileSync(workerPath, worker.replace(BUILD_LINE, () => build));
  return { version, files: precached.map(([path]) => path) };
}

/** Joins the stylesheets, writes the wasm's size, then the precache list and the version. */
export function finishBuild(dir) {
  const bundle = bundleStylesheets(dir);
  if (bundle) console.log(`precache: stylesheets joined into ${bundle}`);
  writeWasmSize(dir);
  const { version, files } = writePrecache(dir);
  console.log(`precache: version ${version}, ${files.length} files`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error("usage: node scripts/precache.mjs DIR (or run by Trunk with TRUNK_STAGING_DIR)");
    process.exit(2);
  }
  finishBuild(dir);
}
