// Revisions of the follow-up (issue #21): the report's parts written in two sessions, the first
// session's end restored from «Lịch sử phiên bản của phần theo dõi» and the restore undone from
// the revision it kept; typing another tab refused is kept there too, marked as such.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, axeViolations, openApp, seedPlan } from "./harness.mjs";

const PLAN = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/plans/tinh-minh-commune-2024.json"), "utf8"));
const SAVED = () => document.querySelector("[data-testid=save-status]")?.textContent.startsWith("Đã lưu lúc");

/** Opens the quarter I report of the plan followed on `page`, drafting it when there is none. */
async function openReport(page) {
  await page.waitForSelector("[data-testid=progress-summary]", { timeout: 20_000 });
  await page.locator("[data-testid=period-q1]").click();
  await page.locator("[data-testid=tab-report]").click();
  const draft = page.locator("[data-testid=report-draft]");
  if (await draft.count()) await draft.click();
  await page.waitForSelector("[data-testid=report-form]");
}

/** Writes `text` as the report's part III and waits for it to be saved. */
async function writeAssessment(page, text) {
  await page.fill("[data-testid=report-assessment]", text);
  await page.waitForFunction(SAVED, null, { timeout: 5_000 });
}

/** Opens the follow-up's history and returns the text of each kept revision, newest first. */
async function history(page) {
  const panel = page.locator("[data-testid=tracking-history]");
  if (!(await panel.evaluate((details) => details.open))) await panel.locator("summary").click();
  await panel.locator("[data-testid=revision]").first().waitFor();
  return panel.locator("[data-testid=revision]").allTextContents();
}

test("a report part written over in a new session comes back from the follow-up's history, and so does what the restore replaced", async () => {
  const app = await openApp({ viewport: { width: 1280, height: 800 } });
  try {
    const { page } = app;
    await page.goto(app.url);
    await seedPlan(page, PLAN);
    await page.locator("[data-testid=follow-plan]").first().click();
    await openReport(page);
    await writeAssessment(page, "Bản viết ở lần làm việc thứ nhất.");

    // A reload is a new session: its first save keeps where the first one ended.
    await page.reload();
    await openReport(page);
    assert.equal(await page.inputValue("[data-testid=report-assessment]"), "Bản viết ở lần làm việc thứ nhất.");
    await writeAssessment(page, "Bản viết đè ở lần làm việc thứ hai.");
    const kept = await history(page);
    assert.match(kept[0], /^Bản \d+ · .* · khi bắt đầu soạn/);
    assert.deepEqual(await axeViolations(page), []);

    await page.locator("[data-testid=tracking-history] [data-testid=restore-revision]").first().click();
    await page.waitForFunction(
      () => document.querySelector("[data-testid=report-assessment]")?.value === "Bản viết ở lần làm việc thứ nhất.",
      null,
      { timeout: 5_000 },
    );
    // What the restore replaced is kept, newest.
    const after = await history(page);
    assert.equal(after.length, kept.length + 1);
    assert.match(after[0], /bản trước khi khôi phục hoặc nhập tệp/);

    // Stored, not only shown.
    await page.reload();
    await openReport(page);
    assert.equal(await page.inputValue("[data-testid=report-assessment]"), "Bản viết ở lần làm việc thứ nhất.");
    await history(page);
    await page.locator("[data-testid=tracking-history] [data-testid=restore-revision]").first().click();
    await page.waitForFunction(
      () => document.querySelector("[data-testid=report-assessment]")?.value === "Bản viết đè ở lần làm việc thứ hai.",
      null,
      { timeout: 5_000 },
    );
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test("typing refused because another tab saved the follow-up first is kept in its history", async () => {
  const app = await openApp({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, context } = app;
    await page.goto(app.url);
    await seedPlan(page, PLAN);
    await page.locator("[data-testid=follow-plan]").first().click();
    await openReport(page);
    await writeAssessment(page, "Thẻ thứ nhất.");

    const other = await context.newPage();
    // A second tab opens where the first one is: the follow-up.
    await other.goto(app.url);
    await openReport(other);
    await writeAssessment(other, "Thẻ thứ hai lưu trước.");

    await page.fill("[data-testid=report-assessment]", "Thẻ thứ nhất gõ tiếp, không lưu được.");
    await page.waitForSelector("[data-testid=progress-conflict]", { timeout: 5_000 });
    assert.match(await page.textContent("[data-testid=progress-conflict]"), /đã được giữ lại trong lịch sử phiên bản/);
    const kept = await history(page);
    assert.match(kept[0], /phần gõ chưa lưu được vì thẻ khác đã lưu trước/);
    // Taking the other tab's state, then restoring the kept typing over it.
    await page.locator("[data-testid=progress-conflict] button").click();
    await page.waitForFunction(
      () => document.querySelector("[data-testid=report-assessment]")?.value === "Thẻ thứ hai lưu trước.",
      null,
      { timeout: 5_000 },
    );
    await page.waitForFunction(SAVED, null, { timeout: 5_000 });
    await page.locator("[data-testid=tracking-history] [data-testid=restore-revision]").first().click();
    await page.waitForFunction(
      () => document.querySelector("[data-testid=report-assessment]")?.value === "Thẻ thứ nhất gõ tiếp, không lưu được.",
      null,
      { timeout: 5_000 },
    );
    await other.close();
  } finally {
    await app.close();
  }
});
