// Rough typing latency of the plan form on a big plan: stores a plan of N tasks (the Tịnh Minh
// tasks repeated) straight into IndexedDB, opens it, and times input events in the page, from
// dispatch until the event loop is free again. Run after `trunk build --release`:
//   node scripts/bench-typing.mjs [tasks=500]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, createPlan, openApp } from "../tests/e2e/harness.mjs";

const TASKS = Number(process.argv[2] ?? 500);
const fixture = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/plans/tinh-minh-commune-2024.json"), "utf8"));
const app = await openApp();
try {
  const { page } = app;
  await page.goto(app.url);
  await createPlan(page);
  await page.waitForFunction(() => document.querySelector("[data-testid=save-status]")?.textContent.startsWith("Đã lưu"));
  const perArea = Math.ceil(TASKS / fixture.areas.length);
  await page.evaluate(async ({ fixture, perArea }) => {
    const db = await new Promise((ok, fail) => {
      const open = indexedDB.open("kehoach-cchc");
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const store = db.transaction("plans", "readwrite").objectStore("plans");
    const records = await new Promise((ok) => { const r = store.getAll(); r.onsuccess = () => ok(r.result); });
    const record = records[0];
    const plan = JSON.parse(record.json);
    let n = 0;
    plan.areas = fixture.areas.map((area, a) => ({
      id: `bench-area-${a}`, kind: "custom", title: area.title,
      tasks: Array.from({ length: perArea }, (_, t) => ({ ...area.tasks[t % area.tasks.length], id: `bench-${n++}`, key_task: t % 3 === 0, budget: { million_vnd: String(t + 1) } })),
    }));
    record.json = JSON.stringify(plan);
    const tx = db.transaction("plans", "readwrite");
    tx.objectStore("plans").put(record);
    await new Promise((ok) => { tx.oncomplete = ok; });
    db.close();
  }, { fixture, perArea });
  const started = Date.now();
  await page.reload();
  // Past 60 tasks, a task's form is drawn as it comes near the screen; a tap draws it at once.
  await page.waitForSelector("#area-3-task-5", { timeout: 120_000 });
  const openMs = Date.now() - started;
  await page.click("#area-3-task-5");
  await page.waitForSelector("#area-3-task-5-content");
  const inputs = await page.locator("input, textarea, select").count();
  const timings = await page.evaluate(async () => {
    const field = document.querySelector("#area-3-task-5-content");
    field.focus();
    const out = [];
    for (let i = 0; i < 30; i++) {
      const start = performance.now();
      field.value += "x";
      field.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((ok) => setTimeout(ok, 0));
      out.push(performance.now() - start);
      await new Promise((ok) => setTimeout(ok, 20));
    }
    return out.sort((a, b) => a - b);
  });
  const frames = await page.evaluate(async () => {
    const entries = [];
    const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
    observer.observe({ type: "long-animation-frame", buffered: false });
    const field = document.querySelector("#area-3-task-5-content");
    for (let i = 0; i < 10; i++) {
      field.value += "y";
      field.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((ok) => setTimeout(ok, 120));
    }
    observer.disconnect();
    return entries.map((e) => ({
      duration: Math.round(e.duration),
      script: Math.round(e.scripts.reduce((sum, s) => sum + s.duration, 0)),
      layout: Math.round(e.startTime + e.duration - e.styleAndLayoutStart),
    }));
  });
  console.log("long frames (ms):", JSON.stringify(frames));
  const median = timings[Math.floor(timings.length / 2)];
  const p90 = timings[Math.floor(timings.length * 0.9)];
  console.log(`${TASKS} tasks, ${inputs} inputs: opened in ${openMs} ms; keystroke median ${median.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms`);
  if (app.errors.length) console.log("errors:", app.errors);
} finally {
  await app.close();
}
