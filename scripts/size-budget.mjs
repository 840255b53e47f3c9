// Fails when what a user downloads has grown past the budgets in size-budget.json: the first
// download (what the browser fetches before the plan list is usable: index.html, stylesheet,
// loader scripts and the first wasm) and the whole app (every file of dist/), both in brotli
// bytes. Each budget is raised only on purpose, in a commit of its own that says why.
// Usage: node scripts/size-budget.mjs [dir]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { firstDownload, measure, totals } from "./size-report.mjs";

const ROOT = join(import.meta.dirname, "..");
const dir = process.argv[2] ?? join(ROOT, "dist");
const budget = JSON.parse(readFileSync(join(ROOT, "size-budget.json"), "utf8"));
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

const rows = measure(dir);
const first = firstDownload(dir);
const checks = [
  ["first_download_brotli_bytes", "the first download", totals(rows.filter((row) => first.has(row.file))).brotli],
  ["total_brotli_bytes", "the whole app (dist/)", totals(rows).brotli],
];
let failed = false;
for (const [key, what, bytes] of checks) {
  const limit = budget[key];
  if (!Number.isInteger(limit) || limit <= 0) {
    console.error(`size-budget.json: ${key} must be a positive whole number`);
    process.exit(2);
  }
  if (bytes > limit) {
    console.error(
      `Size budget exceeded: ${what} is ${bytes} bytes brotli (${kib(bytes)}), the budget (${key}) is ` +
        `${limit} (${kib(limit)}). Make it smaller, or raise size-budget.json in a commit of its own.`,
    );
    failed = true;
  } else {
    console.log(`Size budget: ${what} ${kib(bytes)} of ${kib(limit)} brotli (${limit - bytes} bytes to spare).`);
  }
}
if (failed) process.exit(1);
