// The follow-up screen by keyboard and screen reader (the accessibility review of «Theo dõi thực
// hiện»): the periods and the two halves are tablists (one Tab stop each, the arrow keys move and
// select); each task's «Tình trạng» and «Kết quả, văn bản» say which task they are for; an
// evidence document's «Xóa» names it and leaves the focus on the next «Xóa» or on «Thêm»; after
// drafting, closing and reopening a report the focus is where the work goes on, not lost.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, axeViolations, eventually, openApp, seedPlan } from "./harness.mjs";

const PLAN = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/plans/tinh-minh-commune-2024.json"), "utf8"));

/** The focused element's id, test id and accessible name as the page has them. */
const focused = (page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    return { id: active?.id, testid: active?.dataset.testid, label: active?.getAttribute("aria-label") };
  });

/** Presses `key` and waits until the focus is on the element with id `id`. */
async function pressTo(page, key, id) {
  await page.keyboard.press(key);
  await eventually(async () => assert.equal((await focused(page)).id, id, `${key} focuses #${id}`));
}

/** The tabs of the tablist named `name`: id, selected, tabindex, and the panel each controls. */
const tabsOf = (page, name) =>
  page.$$eval(`[role=tablist][aria-label="${name}"] > *`, (tabs) =>
    tabs.map((tab) => ({
      role: tab.getAttribute("role"),
      id: tab.id,
      selected: tab.getAttribute("aria-selected"),
      tabindex: tab.getAttribute("tabindex"),
      controls: tab.getAttribute("aria-controls"),
    })),
  );

/** Checks that exactly the tab `id` of tablist `name` is selected and tabbable, and its panel is labelled by it. */
async function selectedTab(page, name, id) {
  const tabs = await tabsOf(page, name);
  assert.ok(tabs.length >= 2, `the tablist «${name}» has its tabs`);
  for (const tab of tabs) {
    assert.equal(tab.role, "tab", `#${tab.id} is a tab`);
    assert.equal(tab.selected, String(tab.id === id), `#${tab.id} aria-selected`);
    assert.equal(tab.tabindex, tab.id === id ? "0" : "-1", `only the selected tab is in the tab order (#${tab.id})`);
  }
  const panel = tabs.find((tab) => tab.id === id).controls;
  assert.equal(await page.getAttribute(`#${panel}`, "role"), "tabpanel");
  assert.equal(await page.getAttribute(`#${panel}`, "aria-labelledby"), id);
}

test("the follow-up screen by keyboard: tablists, each task's controls, evidence and report focus", async (t) => {
  const app = await openApp();
  try {
    const { page } = app;
    await page.goto(app.url);
    await seedPlan(page, PLAN);
    await page.locator("[data-testid=follow-plan]").first().click();
    await page.waitForSelector("[data-testid=progress-list][aria-busy=false]", { timeout: 20_000 });

    await t.test("periods and halves are tablists: one Tab stop each, arrow keys move and select", async () => {
      await page.locator("[data-testid=progress-back]").focus();
      await page.keyboard.press("Tab");
      const period = (await focused(page)).id;
      assert.match(period, /^period-/, "Tab goes from «Quay lại» to the period chosen");
      await selectedTab(page, "Kỳ báo cáo", period);
      await pressTo(page, "Tab", "tab-progress");
      await selectedTab(page, "Nội dung", "tab-progress");
      await pressTo(page, "Shift+Tab", period);

      await pressTo(page, "Home", "period-q1");
      await selectedTab(page, "Kỳ báo cáo", "period-q1");
      assert.equal(await page.textContent("[data-testid=progress-data-period]"), "Số liệu tính từ 15/12/2023 đến hết 14/3/2024");
      await pressTo(page, "ArrowRight", "period-6m");
      await selectedTab(page, "Kỳ báo cáo", "period-6m");
      assert.match(await page.textContent("[data-testid=progress-data-period]"), /đến hết 14\/6\/2024$/);
      await pressTo(page, "End", "period-year");
      await selectedTab(page, "Kỳ báo cáo", "period-year");
      await pressTo(page, "ArrowRight", "period-q1");
      await pressTo(page, "ArrowLeft", "period-year");
      await pressTo(page, "ArrowLeft", "period-9m");
      await pressTo(page, "Home", "period-q1");
      await selectedTab(page, "Kỳ báo cáo", "period-q1");

      await pressTo(page, "Tab", "tab-progress");
      await pressTo(page, "ArrowRight", "tab-report");
      await selectedTab(page, "Nội dung", "tab-report");
      await page.waitForSelector("#panel-report [data-testid=report-none]");
      await pressTo(page, "ArrowRight", "tab-progress");
      await pressTo(page, "End", "tab-report");
      await pressTo(page, "Home", "tab-progress");
      await selectedTab(page, "Nội dung", "tab-progress");
      await page.waitForSelector("#panel-progress [data-testid=progress-list][aria-busy=false]");
      assert.deepEqual(await axeViolations(page), [], "the tablists and their panels");
    });

    await t.test("each task's «Tình trạng» and «Kết quả, văn bản» are described by the task", async () => {
      const rows = await page.$$eval("[data-testid=progress-task]", (tasks) =>
        tasks.map((task) => {
          const described = (testid) => {
            const ids = task.querySelector(`[data-testid=${testid}]`).getAttribute("aria-describedby") ?? "";
            return ids.split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" ").trim();
          };
          return {
            number: task.querySelector(".progress-task-number").textContent,
            content: task.querySelector(".progress-task-content").textContent,
            status: described("progress-status"),
            more: described("progress-more"),
          };
        }),
      );
      assert.ok(rows.length > 20, "the whole list is there");
      for (const row of rows) {
        assert.ok(row.status.startsWith(row.number), `«Tình trạng» of ${row.number} is described by its task: «${row.status}»`);
        assert.equal(row.status, row.content);
        assert.equal(row.more, row.content, `«Kết quả, văn bản» of ${row.number} is described by its task`);
      }
      assert.equal(new Set(rows.map((row) => row.status)).size, rows.length, "no two status controls say the same");
    });

    await t.test("an evidence document's «Xóa» names it; the focus goes to the next «Xóa», then to «Thêm»", async () => {
      const task = page.locator("[data-testid=progress-task]").first();
      await task.locator("[data-testid=progress-more]").focus();
      await page.keyboard.press("Enter");
      const add = task.locator("[data-testid=progress-add-evidence]");
      for (let i = 0; i < 3; i += 1) {
        await add.focus();
        await page.keyboard.press("Enter");
      }
      const documents = task.locator("[data-testid=progress-evidence]");
      await eventually(async () => assert.equal(await documents.count(), 3));
      await documents.nth(0).locator("[data-testid=evidence-number]").fill("05/QĐ-UBND");
      await documents.nth(2).locator("[data-testid=evidence-number]").fill("12/QĐ-UBND");
      const remove = task.locator("[data-testid=evidence-remove]");
      assert.deepEqual(
        await remove.evaluateAll((buttons) => buttons.map((b) => b.getAttribute("aria-label"))),
        ["Xóa văn bản số 05/QĐ-UBND", "Xóa văn bản kiểm chứng thứ 2", "Xóa văn bản số 12/QĐ-UBND"],
      );

      // The middle one: the focus is on the «Xóa» of the one that took its place.
      await remove.nth(1).focus();
      await page.keyboard.press("Enter");
      await eventually(async () => {
        assert.equal(await documents.count(), 2);
        assert.deepEqual(await focused(page), { id: "", testid: "evidence-remove", label: "Xóa văn bản số 12/QĐ-UBND" });
      });
      // The last one: the focus is on «Thêm văn bản kiểm chứng».
      await page.keyboard.press("Enter");
      await eventually(async () => {
        assert.equal(await documents.count(), 1);
        assert.equal((await focused(page)).testid, "progress-add-evidence");
      });
      assert.equal(await documents.nth(0).locator("[data-testid=evidence-number]").inputValue(), "05/QĐ-UBND");
      assert.deepEqual(await axeViolations(page), [], "the list with a task opened");
    });

    await t.test("after «Soạn», «Chốt» and «Mở lại để sửa» the focus is where the work goes on", async () => {
      await page.locator("[data-testid=tab-report]").click();
      await page.locator("[data-testid=report-draft]").focus();
      await page.keyboard.press("Enter");
      await page.waitForSelector("[data-testid=report-form]");
      await eventually(async () => assert.equal((await focused(page)).id, "report-number", "drafted: the report's first field"));
      await page.keyboard.type("31");

      await page.locator("[data-testid=report-close]").focus();
      await page.keyboard.press("Enter");
      await page.waitForSelector("[data-testid=report-closed]");
      await eventually(async () => assert.equal((await focused(page)).id, "report-closed-note", "closed: the line that says so"));
      assert.match(await page.textContent("#report-closed-note"), /^Đã chốt ngày/);
      assert.deepEqual(await axeViolations(page), [], "the closed report");

      page.once("dialog", (dialog) => dialog.accept());
      await page.locator("[data-testid=report-reopen]").focus();
      await page.keyboard.press("Enter");
      await eventually(async () => assert.equal((await focused(page)).id, "report-number", "reopened: the first field, open to typing"));
      assert.equal(await page.isDisabled("#report-number"), false);
      assert.equal(await page.inputValue("#report-number"), "31");
      assert.deepEqual(await axeViolations(page), [], "the report reopened");
    });
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});
