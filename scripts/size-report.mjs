// Prints what a user downloads: every file of dist/ with its raw, gzip and brotli bytes, and
// the totals. Usage: node scripts/size-report.mjs [dir]
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
  const width = Math.max(5, ...rows.map((row) => row.file.length));
  const line = (file, raw, gzip, brotli) =>
    `${file.padEnd(width)}  ${String(raw).padStart(9)}  ${String(gzip).padStart(9)}  ${String(brotli).padStart(9)}`;
  console.log(`Shipped bytes of ${dir}/`);
  console.log(line("file", "raw", "gzip", "brotli"));
  for (const row of rows) console.log(line(row.file, row.raw, row.gzip, row.brotli));
  console.log(line("total", total.raw, total.gzip, total.brotli));
  console.log(`total brotli: ${(total.brotli / 1024).toFixed(1)} KiB`);
}
