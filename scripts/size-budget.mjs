// Fails when what a user downloads has grown past the budget in size-budget.json: the total
// brotli bytes of dist/. The budget is raised only on purpose, in a commit of its own that says
// why. Usage: node scripts/size-budget.mjs [dir]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { measure, totals } from "./size-report.mjs";

const ROOT = join(import.meta.dirname, "..");
const dir = process.argv[2] ?? join(ROOT, "dist");
const budget = JSON.parse(readFileSync(join(ROOT, "size-budget.json"), "utf8"));
const limit = budget.total_brotli_bytes;
if (!Number.isInteger(limit) || limit <= 0) {
  console.error("size-budget.json: total_brotli_bytes must be a positive whole number");
  process.exit(2);
}
const total = totals(measure(dir)).brotli;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
if (total > limit) {
  console.error(
    `Size budget exceeded: dist/ is ${total} bytes brotli (${kib(total)}), the budget is ` +
      `${limit} (${kib(limit)}). Make it smaller, or raise size-budget.json in a commit of its own.`,
  );
  process.exit(1);
}
console.log(`Size budget: ${kib(total)} of ${kib(limit)} brotli (${limit - total} bytes to spare).`);
