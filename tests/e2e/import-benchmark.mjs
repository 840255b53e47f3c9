// Measures the import of a 5 MB backup bundle in the release build: time to the preview, time
// to stored, and the longest main-thread task (PerformanceObserver 'longtask'). Not a test:
// run it by hand after `trunk build --release`:  node tests/e2e/import-benchmark.mjs [MB]
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, importFile, openApp } from "./harness.mjs";

const targetBytes = Number(process.argv[2] ?? 5) * 1024 * 1024;

/** JSON with keys sorted at every level and no spaces: the checksum's canonical form. */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

// A bundle of copies of the four sample plans, each copy with its own id, up to the size.
const samples = ["son-chau-commune-2022", "hoang-hoa-district-2023", "son-tay-district-2023", "tinh-minh-commune-2024"]
  .map((name) => JSON.parse(readFileSync(join(ROOT, `tests/fixtures/format-v1/${name}.json`), "utf8")).payload.plans[0]);
const plans = [];
let size = 0;
while (size < targetBytes) {
  const plan = structuredClone(samples[plans.length % samples.length]);
  plan.id = `${plan.id}-ban-${plans.length + 1}`;
  plans.push(plan);
  // Each plan sits six levels deep in the file, which adds about 38% of indentation.
  size += JSON.stringify(plan, null, 2).length * 1.38;
}
const payload = { plans };
const envelope = {
  kind: "ke-hoach-cchc",
  format_version: 1,
  app_version: "0.1.0",
  scope: "bundle",
  exported_at: "2026-11-23T10:00:00+07:00",
  exported_by: "SỞ NỘI VỤ",
  period: { from_year: 2022, to_year: 2024 },
  checksum: `sha256:${createHash("sha256").update(canonical(payload)).digest("hex")}`,
  payload,
};
const folder = mkdtempSync(join(tmpdir(), "kehoach-bench-"));
const path = join(folder, "Sao-luu-ke-hoach-CCHC-2026-11-23.json");
writeFileSync(path, JSON.stringify(envelope, null, 2));
const bytes = readFileSync(path).length;

const app = await openApp();
try {
  const page = app.page;
  await page.goto(app.url);
  await page.waitForSelector("[data-testid=no-plans]");
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({
      type: "longtask",
    });
  });
  const started = Date.now();
  await importFile(page, path);
  const preview = Date.now() - started;
  const report = await page.locator("[data-testid=import-report]").count();
  const storeStarted = Date.now();
  await page.click("[data-testid=import-confirm]");
  await page.waitForSelector("[data-testid=transfer-notice]", { timeout: 120_000 });
  const stored = Date.now() - storeStarted;
  await page.waitForSelector("[data-testid=plan-list]");
  const listed = Date.now() - started;
  const tasks = await page.evaluate(() => window.__longTasks);
  console.log(
    JSON.stringify(
      {
        file_bytes: bytes,
        plans: plans.length,
        checksum_warning: report > 0,
        ms_to_preview: preview,
        ms_to_store: stored,
        ms_to_listed: listed,
        long_tasks: tasks.length,
        longest_task_ms: Math.round(Math.max(0, ...tasks)),
        long_tasks_ms: tasks.map(Math.round),
        notice: await page.textContent("[data-testid=transfer-notice]"),
        errors: app.errors,
      },
      null,
      2,
    ),
  );
} finally {
  await app.close();
  rmSync(folder, { recursive: true, force: true });
}
