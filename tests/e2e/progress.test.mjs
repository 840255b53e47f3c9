// The year after signing (issue #21), on the 10-inch tablet held upright: Tịnh Minh's 2024 plan
// is followed through quarter I — statuses marked by touch, a result, evidence and a reason
// written, the period's counts checked against the plan's own tasks, the «Cần chú ý» filter,
// the quarter I report drafted with a part written and a figure refused then accepted — and all
// of it is still there after a reload, which returns to the follow-up.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, axeViolations, eventually, openApp, seedPlan } from "./harness.mjs";

const WIDTH = 800;
const HEIGHT = 1280;
const PLAN = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/plans/tinh-minh-commune-2024.json"), "utf8"));

/** Tasks counted straight from the fixture: the areas' and sub-areas' tasks, and appendices' own rows. */
function tasksInPlan(plan) {
  const list = (value, key) => value?.[key] ?? [];
  const inGroups = (groups, sub) =>
    groups.reduce((sum, g) => sum + list(g, "tasks").length + list(g, sub).reduce((s, x) => s + list(x, "tasks").length, 0), 0);
  const own = list(plan, "appendices").reduce((sum, table) => sum + inGroups(table.rows?.groups ?? [], "sub_groups"), 0);
  return inGroups(list(plan, "areas"), "sub_areas") + own;
}

/** The number in «… (N)» of a filter chip, 0 when there is none. */
async function chipCount(page, key) {
  const chip = page.locator(`[data-testid=filter-${key}]`);
  if ((await chip.count()) === 0) return 0;
  return Number((await chip.textContent()).match(/\((\d+)\)/)[1]);
}

const SAVED = () => document.querySelector("[data-testid=save-status]")?.textContent.startsWith("Đã lưu lúc");

test(`a plan followed through quarter I at ${WIDTH}×${HEIGHT} by touch keeps every word after a reload`, async () => {
  const app = await openApp({ viewport: { width: WIDTH, height: HEIGHT }, touch: true });
  try {
    const { page } = app;
    await page.goto(app.url);
    await seedPlan(page, PLAN);
    await page.locator(".plan-card-open").first().tap();
    await page.locator("[data-testid=open-progress]").tap();
    await page.waitForSelector("[data-testid=progress-summary]", { timeout: 20_000 });
    await page.locator("[data-testid=period-q1]").tap();
    assert.equal(
      await page.textContent("[data-testid=progress-data-period]"),
      "Số liệu tính từ 15/12/2023 đến hết 14/3/2024",
    );

    // Every task of the plan is counted once, in exactly one class.
    const total = tasksInPlan(PLAN);
    assert.equal(await chipCount(page, "all"), total);
    const classes = ["not-yet-due", "due", "overdue", "done", "done-late", "dropped", "ongoing", "no-fixed-date", "unreadable", "no-deadline"];
    let sum = 0;
    for (const key of classes) sum += await chipCount(page, key);
    assert.equal(sum, total, "the class chips add up to every task");
    assert.equal(await page.locator("[data-testid=progress-task]").count(), total);
    const areaRows = page.locator("[data-testid=progress-area-row]");
    assert.equal(await areaRows.count(), PLAN.areas.length);
    let inAreas = 0;
    for (const row of await areaRows.all()) inAreas += Number(await row.locator("td").first().textContent());
    assert.equal(inAreas, total);

    // Three tasks of the first area, marked by touch.
    const tasks = page.locator("[data-testid=progress-task]");
    const first = tasks.nth(0);
    await first.locator("[data-testid=progress-status]").selectOption({ label: "Hoàn thành đúng hạn" });
    await first.locator("[data-testid=progress-more]").tap();
    await first.locator("[data-testid=progress-result]").tap();
    await page.keyboard.type("Đã tham mưu ban hành 02 văn bản quy phạm pháp luật");
    await first.locator("[data-testid=progress-done-on]").fill("2024-03-01");
    await first.locator("[data-testid=progress-add-evidence]").tap();
    await first.locator("[data-testid=evidence-number]").fill("05/QĐ-UBND");
    await first.locator("[data-testid=evidence-summary]").fill("Ban hành quy chế làm việc");
    const second = tasks.nth(1);
    await second.locator("[data-testid=progress-status]").selectOption({ label: "Hoàn thành chậm" });
    const third = tasks.nth(2);
    await third.locator("[data-testid=progress-status]").selectOption({ label: "Không thực hiện, điều chỉnh" });
    await third.locator("[data-testid=progress-more]").tap();
    await third.locator("[data-testid=progress-reason]").fill("Điều chỉnh theo chỉ đạo của huyện");
    await eventually(async () => {
      assert.equal(await first.getAttribute("data-class"), "done");
      assert.equal(await second.getAttribute("data-class"), "done-late");
      assert.equal(await third.getAttribute("data-class"), "dropped");
      assert.equal(await chipCount(page, "done"), 1);
      assert.equal(await chipCount(page, "done-late"), 1);
      assert.equal(await chipCount(page, "dropped"), 1);
    });
    await page.waitForFunction(SAVED, null, { timeout: 5_000 });

    // «Cần chú ý»: only what is overdue or due by the quarter's end.
    const attention = await chipCount(page, "attention");
    assert.equal(attention, (await chipCount(page, "overdue")) + (await chipCount(page, "due")));
    await page.locator("[data-testid=filter-attention]").tap();
    assert.equal(await tasks.count(), attention);
    for (const task of await tasks.all()) assert.match(await task.getAttribute("data-class"), /^(overdue|due)$/);
    await page.locator("[data-testid=filter-all]").tap();
    assert.equal(await tasks.count(), total);

    // The quarter I report: drafted, a part written, a figure refused then accepted.
    await page.locator("[data-testid=tab-report]").tap();
    assert.match(await page.textContent("[data-testid=report-none]"), /Chưa có báo cáo quý I năm 2024/);
    await page.locator("[data-testid=report-draft]").tap();
    await page.waitForSelector("[data-testid=report-form]");
    assert.equal(await page.inputValue("[data-testid=report-symbol]"), "BC-UBND");
    assert.match(await page.inputValue("[data-testid=report-direction]"), /^Ủy ban nhân dân xã Tịnh Minh ban hành Quyết định số 479\/QĐ-UBND ngày 26\/12\/2023 ban hành Kế hoạch cải cách hành chính năm 2024;/);
    await page.locator("[data-testid=report-assessment]").tap();
    await page.keyboard.type("Tồn tại, hạn chế: việc số hóa hồ sơ còn chậm.");
    await page.fill("[data-testid=report-number]", "31");
    await page.fill("[data-testid=figure-2]", "12,5");
    assert.match(await page.textContent("#figure-2-about"), /Phải là số nguyên, không âm/);
    assert.equal(await page.getAttribute("[data-testid=figure-2]", "aria-invalid"), "true");
    await page.fill("[data-testid=figure-2]", "1.250");
    await page.fill("[data-testid=figure-10]", "98,5");
    assert.equal(await page.getAttribute("[data-testid=figure-2]", "aria-invalid"), "false");
    await page.waitForFunction(SAVED, null, { timeout: 5_000 });
    assert.deepEqual(await axeViolations(page), []);

    // A reload comes back to the follow-up, with everything.
    await page.reload();
    await page.waitForSelector("[data-testid=progress-summary]", { timeout: 20_000 });
    await page.locator("[data-testid=period-q1]").tap();
    assert.equal(await tasks.nth(0).getAttribute("data-class"), "done");
    assert.equal(await tasks.nth(1).getAttribute("data-class"), "done-late");
    assert.equal(await tasks.nth(2).getAttribute("data-class"), "dropped");
    await tasks.nth(0).locator("[data-testid=progress-more]").tap();
    assert.equal(await tasks.nth(0).locator("[data-testid=progress-result]").inputValue(), "Đã tham mưu ban hành 02 văn bản quy phạm pháp luật");
    assert.equal(await tasks.nth(0).locator("[data-testid=progress-done-on]").inputValue(), "2024-03-01");
    assert.equal(await tasks.nth(0).locator("[data-testid=evidence-number]").inputValue(), "05/QĐ-UBND");
    await tasks.nth(2).locator("[data-testid=progress-more]").tap();
    assert.equal(await tasks.nth(2).locator("[data-testid=progress-reason]").inputValue(), "Điều chỉnh theo chỉ đạo của huyện");
    await page.locator("[data-testid=tab-report]").tap();
    assert.equal(await page.inputValue("[data-testid=report-assessment]"), "Tồn tại, hạn chế: việc số hóa hồ sơ còn chậm.");
    assert.equal(await page.inputValue("[data-testid=report-number]"), "31");
    assert.equal(await page.inputValue("[data-testid=figure-2]"), "1.250");
    assert.equal(await page.inputValue("[data-testid=figure-10]"), "98,5");
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});
