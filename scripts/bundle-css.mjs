// Joins the build's stylesheets into one file, in the order index.html links them, and links that
// one instead. The sources stay separate files (style/*.css) to be read and edited; the browser
// gets one request instead of eight. On a slow line each request costs a round trip (2 s on
// "3G"), and an HTTP/1.1 host serves at most six at once, so eight stylesheets held the first
// paint and the wasm behind a second round; from the service worker each is one more fetch
// event before the first paint.
//
// The comments and the indentation of the sources are left out (about 2.3 KB of 7.6 KB
// brotli); each part keeps its source's name as a comment.
//
// Run from scripts/precache.mjs (Trunk's post_build hook) before the precache list is made.
// Running it on its own output changes nothing: one stylesheet is left as it is.
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const INDEX = "index.html";
/** A stylesheet link as Trunk writes it: `<link rel="stylesheet" href="…" integrity="…"/>`. */
const STYLESHEET = /<link rel="stylesheet" href="([^"]+\.css)"[^>]*>\s*/g;

/** `css` without its comments; a quoted string is copied whole, whatever it holds. */
function withoutComments(css) {
  let out = "";
  for (let at = 0; at < css.length; ) {
    const char = css[at];
    if (char === "/" && css[at + 1] === "*") {
      const end = css.indexOf("*/", at + 2);
      if (end < 0) throw new Error("bundle-css: a comment is not closed");
      at = end + 2;
    } else if (char === '"' || char === "'") {
      let end = at + 1;
      while (end < css.length && css[end] !== char) end += css[end] === "\\" ? 2 : 1;
      out += css.slice(at, end + 1);
      at = end + 1;
    } else {
      out += char;
      at += 1;
    }
  }
  return out;
}

/** `css` without its comments, its lines' leading and trailing spaces and its empty lines. */
export function compact(css) {
  return withoutComments(css)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join("\n");
}

/** The file a link's `href` names inside the build: the public base ("/" or "./") taken off. */
const fileOf = (href) => href.replace(/^(\.?\/)+/, "");

/**
 * Joins the stylesheets of the build in `dir` into `app-<hash>.css`; returns its name, or null
 * when there was at most one stylesheet.
 */
export function bundleStylesheets(dir) {
  const indexPath = join(dir, INDEX);
  const index = readFileSync(indexPath, "utf8");
  const links = [...index.matchAll(STYLESHEET)];
  if (links.length < 2) return null;
  for (const [link] of links) {
    if (/\bmedia=/.test(link)) {
      throw new Error(`bundle-css: a stylesheet link this script does not know how to join: ${link}`);
    }
  }
  const parts = links.map(([, href]) => {
    const file = fileOf(href);
    const text = compact(readFileSync(join(dir, file), "utf8"));
    if (/@import|@charset/.test(text)) {
      throw new Error(`bundle-css: ${file} has @import or @charset, which only work at the top of a file`);
    }
    // The source's name, without Trunk's hash, to find a rule's file when reading the bundle.
    // Trunk writes the hash (64 bits) in hex without leading zeros: one in sixteen has 15
    // digits, and «editor-edf53102ececf45.css» kept its hash.
    return `/* ${file.replace(/-[0-9a-f]{12,16}\.css$/, ".css")} */\n${text}\n`;
  });
  const bundle = Buffer.from(parts.join(""), "utf8");
  const name = `app-${createHash("sha256").update(bundle).digest("hex").slice(0, 16)}.css`;
  const integrity = `sha384-${createHash("sha384").update(bundle).digest("base64")}`;
  writeFileSync(join(dir, name), bundle);
  const base = links[0][1].slice(0, links[0][1].length - fileOf(links[0][1]).length);
  const link = `<link rel="stylesheet" href="${base}${name}" integrity="${integrity}"/>\n    `;
  let first = true;
  writeFileSync(
    indexPath,
    index.replace(STYLESHEET, () => {
      const replacement = first ? link : "";
      first = false;
      return replacement;
    }),
  );
  for (const [, href] of links) rmSync(join(dir, fileOf(href)));
  return name;
}
