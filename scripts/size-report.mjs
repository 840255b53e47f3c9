// Prints what a user downloads: every file of dist/ with its raw, gzip and brotli bytes, the
// totals, and the first download: what the browser fetches before the plan list is usable
// (marked "first"). Usage: node scripts/size-report.mjs [dir]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** Lists every file under `dir` with its raw, gzip (level 9) and brotli (quality 11) sizes. */
export function measure(dir) {
  const files = [];
  const walk = (folder) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(dir);
  return files.map((path) => {
    const bytes = readFileSync(path);
    return {
      file: relative(dir, path),
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
      }).length,
    };
  });
}

/**
 * The files of the first download: index.html and what it makes the browser fetch before the
 * app runs (stylesheets, scripts, module and wasm preloads, the app's glue and first wasm),
 * not the icons and the manifest, which the list does not wait for. Chunks are not named in
 * index.html: they come later.
 */
export function firstDownload(dir) {
  const index = readFileSync(join(dir, "index.html"), "utf8");
  const files = new Set(["index.html"]);
  const tags = index.match(/<(script|link)\b[^>]*>/g) ?? [];
  for (const tag of tags) {
    const rel = tag.match(/\brel="([^"]*)"/)?.[1];
    if (tag.startsWith("<link") && !["stylesheet", "modulepreload", "preload"].includes(rel)) continue;
    for (const [, value] of tag.matchAll(/\b(?:src|href|data-app-js|data-app-wasm)="([^"]+)"/g)) {
      files.add(value.replace(/^(\.?\/)+/, ""));
    }
  }
  return files;
}

export function totals(rows) {
  return rows.reduce(
    (sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop())) {
  const dir = process.argv[2] ?? "dist";
  const rows = measure(dir);
  const total = totals(rows);
  const first = firstDownload(dir);
  const firstTotal = totals(rows.filter((row) => first.has(row.file)));
  const width = Math.max(5, ...rows.map((row) => row.file.length));
  const line = (file, raw, gzip, brotli, mark = "") =>
    `${file.padEnd(width)}  ${String(raw).padStart(9)}  ${String(gzip).padStart(9)}  ${String(brotli).padStart(9)}  ${mark}`;
  console.log(`Shipped bytes of ${dir}/`);
  console.log(line("file", "raw", "gzip", "brotli"));
  for (const row of rows) console.log(line(row.file, row.raw, row.gzip, row.brotli, first.has(row.file) ? "first" : ""));
  console.log(line("first download", firstTotal.raw, firstTotal.gzip, firstTotal.brotli));
  console.log(line("total", total.raw, total.gzip, total.brotli));
  console.log(`first download brotli: ${(firstTotal.brotli / 1024).toFixed(1)} KiB; total brotli: ${(total.brotli / 1024).toFixed(1)} KiB`);
}
