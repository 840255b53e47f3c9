// The appendix editor (phụ lục): a table of its own rows built, reordered across groups,
// pruned and undone, found again after a reload with its numbers and totals; and a key-task
// table narrowed to some areas, without its budget column, on portrait pages, as printed.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, axeViolations, createPlan, eventually, openApp, seedPlan, waitSaved, withApp } from "./harness.mjs";
import { normalise, pageSizes, pageText, printToPdf } from "./pdf.mjs";

/** The rows of table 0 as shown: [TT, task content]. */
async function gridRows(page) {
  return page.$$eval("#appendix-0 [data-testid=grid-row]", (rows) =>
    rows.map((row) => [row.querySelector(".grid-tt").textContent.trim(), row.querySelector(".grid-content textarea").value]),
  );
}

/** The group headings of table 0 as shown: [label, title]. */
async function gridGroups(page) {
  return page.$$eval("#appendix-0 [data-testid=grid-group]", (groups) =>
    groups.map((group) => [
      group.querySelector(".grid-tt").textContent.trim(),
      group.querySelector(".grid-group-title textarea")?.value ?? group.querySelector(".grid-group-title").textContent.trim(),
    ]),
  );
}

const text = async (page, selector) => (await page.locator(selector).textContent()).trim();
const button = (page, name) => page.getByRole("button", { name, exact: true });

/** Adds a row to the own group `group` (a slot key) and types its content and budget. */
async function addRow(page, group, index, content, budget) {
  await page.click(`#${group}-add-row`);
  const row = `${group}-task-${index}`;
  await page.fill(`#${row}-content`, content);
  await page.fill(`#${row}-budget`, budget);
}

test("an appendix's own rows and groups are added, reordered, removed and undone, and kept", async () => {
  await withApp(async (app) => {
    const { page } = app;
    await createPlan(page);
    await page.click("#appendices-add-own");
    await page.waitForSelector("#appendix-0-group-0-title");
    await addRow(page, "appendix-0-group-0", 0, "Dòng A", "10");
    await addRow(page, "appendix-0-group-0", 1, "Dòng B", "20");
    await addRow(page, "appendix-0-group-0", 2, "Dòng C", "1,5");
    await page.click("#appendix-0-add-group");
    await page.fill("#appendix-0-group-1-title", "CẢI CÁCH THỂ CHẾ");
    await addRow(page, "appendix-0-group-1", 0, "Dòng D", "5");
    await button(page, "Thêm nhóm con vào nhóm I").click();
    // The new sub-group's title has the focus, as a person would type it next.
    assert.equal(await page.evaluate(() => document.activeElement?.id), "appendix-0-group-0-0-title");
    await page.keyboard.type("Ứng dụng công nghệ thông tin");
    await addRow(page, "appendix-0-group-0-0", 0, "Dòng E", "2");
    assert.deepEqual(await gridRows(page), [["1", "Dòng A"], ["2", "Dòng B"], ["3", "Dòng C"], ["4", "Dòng E"], ["5", "Dòng D"]]);
    // Totals catch up once typing pauses.
    await eventually(async () => assert.equal(await text(page, "#appendix-0 [data-testid=appendix-total]"), "38,5"));

    // The last row of group I goes down into its sub-group A; A and B swap by keyboard.
    await button(page, "Đưa dòng 3 xuống").click();
    await page.focus("#appendix-0-group-0-task-0-down");
    await page.keyboard.press("Enter");
    // The first row of group II goes up, across the heading, to the end of sub-group A, and
    // the focus stays with it.
    await button(page, "Đưa dòng 5 lên").click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "appendix-0-group-0-0-task-2-up");
    assert.deepEqual(await gridRows(page), [["1", "Dòng B"], ["2", "Dòng A"], ["3", "Dòng C"], ["4", "Dòng E"], ["5", "Dòng D"]]);
    assert.equal(await button(page, "Đưa dòng 1 lên").isDisabled(), true);

    // Removing a row says so and can be taken back; then it is removed for good.
    await button(page, "Xóa dòng 2").click();
    assert.match(await text(page, "[data-testid=undo-notice]"), /Đã xóa dòng 2/);
    assert.deepEqual((await gridRows(page)).map(([, content]) => content), ["Dòng B", "Dòng C", "Dòng E", "Dòng D"]);
    await page.locator("[data-testid=undo-notice] button").click();
    assert.deepEqual((await gridRows(page)).map(([, content]) => content), ["Dòng B", "Dòng A", "Dòng C", "Dòng E", "Dòng D"]);
    await button(page, "Xóa dòng 1").click();

    // Group II, now empty, goes first, then is removed and brought back with Ctrl+Z.
    await button(page, "Đưa nhóm II lên").click();
    assert.deepEqual(await gridGroups(page), [["I", "CẢI CÁCH THỂ CHẾ"], ["II", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"], ["A", "Ứng dụng công nghệ thông tin"]]);
    await button(page, "Xóa nhóm I").click();
    assert.match(await text(page, "[data-testid=undo-notice]"), /Đã xóa nhóm I/);
    assert.equal((await gridGroups(page)).length, 2);
    await page.keyboard.press("Control+z");
    assert.equal((await gridGroups(page)).length, 3);
    await button(page, "Xóa nhóm I").click();

    const expected = [["1", "Dòng A"], ["2", "Dòng C"], ["3", "Dòng E"], ["4", "Dòng D"]];
    assert.deepEqual(await gridRows(page), expected);
    await eventually(async () =>
      assert.deepEqual(
        await page.$$eval("#appendix-0 [data-testid=group-total]", (cells) => cells.map((c) => c.textContent.trim())),
        ["18,5", "8,5"],
      ),
    );
    // Totals catch up once typing pauses.
    await eventually(async () => assert.equal(await text(page, "#appendix-0 [data-testid=appendix-total]"), "18,5"));
    assert.deepEqual(await axeViolations(page), []);
    await waitSaved(page);

    await page.reload();
    await page.waitForSelector("#appendix-0-group-0-title");
    assert.deepEqual(await gridRows(page), expected);
    assert.deepEqual(await gridGroups(page), [["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"], ["A", "Ứng dụng công nghệ thông tin"]]);
    // Totals catch up once typing pauses.
    await eventually(async () => assert.equal(await text(page, "#appendix-0 [data-testid=appendix-total]"), "18,5"));

    await page.locator("#appendix-0").evaluate((el) => el.scrollIntoView());
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ROOT, "test-output/screenshots/appendix-own-1280x800.png") });
    await page.setViewportSize({ width: 412, height: 915 });
    await page.locator("#appendix-0-group-0-0-title").evaluate((el) => el.scrollIntoView());
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ROOT, "test-output/screenshots/appendix-own-412x915.png") });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 412);
    assert.deepEqual(app.errors, []);
  });
});

/** Tịnh Minh's 2024 plan with the first task of each area a key task, and one key-task table. */
function tinhMinhWithKeyTasks() {
  const plan = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/plans/tinh-minh-commune-2024.json"), "utf8"));
  plan.areas.forEach((area, index) => {
    area.tasks[0].key_task = true;
    area.tasks[0].budget = { million_vnd: String(10 * (index + 1)) };
  });
  plan.appendices = [
    {
      id: "tm-phu-luc",
      heading: "PHỤ LỤC",
      title: "NHIỆM VỤ TRỌNG TÂM CỦA KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH XÃ TỊNH MINH NĂM 2024",
      columns: "lead_and_partner",
      numbering: "run_on",
      rows: { kind: "key_tasks" },
    },
  ];
  return plan;
}

test("a key-task table narrowed to some areas, without budgets, prints on portrait pages", async () => {
  const plan = tinhMinhWithKeyTasks();
  const dropped = plan.areas[1].tasks[0].content;
  const unmarked = plan.areas[0].tasks[0].content;
  const app = await openApp({ viewport: { width: 1280, height: 800 } });
  try {
    const { page } = app;
    await page.goto(app.url);
    await seedPlan(page, plan);
    await page.click("[data-testid=open-plan]");
    await page.waitForSelector("#appendix-0-areas");
    assert.equal(await page.locator("#appendix-0 [data-testid=grid-row]").count(), 8);
    // Totals catch up once typing pauses.
    await eventually(async () => assert.equal(await text(page, "#appendix-0 [data-testid=appendix-total]"), "360"));

    // Area 2 out of the table: its key task leaves the grid and the total.
    await page.getByRole("checkbox", { name: /^2\. Cải cách thủ tục hành chính/ }).uncheck();
    assert.equal(await page.locator("#appendix-0 [data-testid=grid-row]").count(), 7);
    // Totals catch up once typing pauses.
    await eventually(async () => assert.equal(await text(page, "#appendix-0 [data-testid=appendix-total]"), "340"));
    // A key task taken out of the table stays in the body, unmarked; undo puts it back.
    await button(page, "Bỏ khỏi bảng dòng 1").click();
    assert.match(await text(page, "[data-testid=undo-notice]"), /Đã bỏ dòng 1 khỏi bảng/);
    assert.equal(await page.locator("#appendix-0 [data-testid=grid-row]").count(), 6);
    assert.equal(await page.isChecked("#area-0-task-0-key"), false);
    await page.locator("[data-testid=undo-notice] button").click();
    assert.equal(await page.isChecked("#area-0-task-0-key"), true);
    await button(page, "Bỏ khỏi bảng dòng 1").click();
    assert.equal(await page.locator("#appendix-0 [data-testid=grid-row]").count(), 6);
    assert.equal((await gridRows(page))[0][0], "1");

    // No budget column, portrait pages, and a heading of the drafter's own.
    await page.uncheck("#appendix-0-budget-column");
    assert.equal(await page.locator("#appendix-0 [data-testid=appendix-total]").count(), 0);
    assert.equal(await page.locator("#appendix-0 th", { hasText: "Kinh phí" }).count(), 0);
    await page.selectOption("#appendix-0-orientation", "portrait");
    await page.click("#appendix-0 .column-labels summary");
    assert.equal(await page.getAttribute("#appendix-0-label-task", "placeholder"), "Nhiệm vụ");
    await page.fill("#appendix-0-label-task", "Nội dung thực hiện");
    assert.equal(await page.locator("#appendix-0 thead th", { hasText: "Nội dung thực hiện" }).count(), 1);
    assert.deepEqual(await axeViolations(page), []);
    await page.locator("#appendix-0").evaluate((el) => el.scrollIntoView());
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ROOT, "test-output/screenshots/appendix-key-tasks-1280x800.png") });
    await page.locator("#appendix-0 .grid-scroll").evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: join(ROOT, "test-output/screenshots/appendix-key-grid-1280x800.png") });
    // The table fits its frame at 1280×800: every heading in view with nothing pinned over
    // the columns, and the row's tools on a line of the task cell.
    const fit = await page.locator("#appendix-0 .grid-scroll").evaluate((scroller) => {
      scroller.scrollIntoView({ block: "center" });
      const frame = scroller.getBoundingClientRect();
      const heads = [...scroller.querySelectorAll("thead th")].map((th) => th.getBoundingClientRect());
      return {
        wider: scroller.scrollWidth - scroller.clientWidth,
        outside: heads.filter((box) => box.left < frame.left || box.right > frame.right + 0.5).length,
        pinned: [...scroller.querySelectorAll("th, td")].filter((cell) => {
          const style = getComputedStyle(cell);
          return style.position === "sticky" && (style.left !== "auto" || style.right !== "auto");
        }).length,
        tools: scroller.querySelectorAll(".grid-row .grid-content .grid-tools").length,
        rows: scroller.querySelectorAll(".grid-row").length,
      };
    });
    assert.equal(fit.wider, 0, "the table is no wider than its frame at 1280×800");
    assert.equal(fit.outside, 0);
    assert.equal(fit.pinned, 0);
    assert.equal(fit.tools, fit.rows);
    await waitSaved(page);

    await page.click("[data-testid=open-print]");
    await page.waitForSelector("[data-testid=print-document]");
    const sheet = page.locator(".sheet-appendix");
    await sheet.evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: join(ROOT, "test-output/screenshots/appendix-print-portrait-1280x800.png") });
    assert.equal(await sheet.count(), 1);
    assert.match(await sheet.getAttribute("class"), /sheet-portrait/);
    const printed = normalise(await sheet.textContent());
    assert.ok(!printed.includes(normalise(dropped).slice(0, 60)), "the unticked area's task is not printed");
    assert.ok(!printed.includes(normalise(unmarked).slice(0, 60)), "the task taken out is not printed");
    assert.ok(printed.includes(normalise(plan.areas[2].tasks[0].content).slice(0, 60)));
    const heads = await sheet.locator("thead th").allTextContents();
    assert.deepEqual(heads, ["TT", "Nội dung thực hiện", "Kết quả đầu ra, sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]);
    assert.equal(await sheet.locator("[data-testid=print-total]").count(), 0);

    const pdf = await printToPdf(page, "appendix-portrait");
    const sizes = pageSizes(pdf);
    assert.ok(sizes.length >= 2);
    assert.deepEqual(sizes.filter(([w, h]) => !(w === 595 && h === 842)), [], "every page is A4 portrait");
    const pages = sizes.map((_, index) => normalise(pageText(pdf, index + 1)));
    const first = pages.findIndex((page) => page.includes("NHIỆM VỤ TRỌNG TÂM CỦA KẾ HOẠCH"));
    assert.ok(first > 0, "the appendix has pages of its own");
    assert.match(pages[first], /Nội dung thực hiện/);
    for (const page of pages.slice(first)) {
      assert.ok(!/Kinh phí|Tổng cộng/.test(page), "no budget column on the appendix pages");
    }
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test("the appendix editor on a phone: cards, tools and area choice within the screen", async () => {
  const app = await openApp({ viewport: { width: 412, height: 915 } });
  try {
    const { page } = app;
    await page.goto(app.url);
    await seedPlan(page, tinhMinhWithKeyTasks());
    await page.click("[data-testid=open-plan]");
    await page.waitForSelector("#appendix-0-areas");
    await page.locator("#appendix-0-areas").evaluate((el) => el.scrollIntoView());
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ROOT, "test-output/screenshots/appendix-key-tasks-412x915.png") });
    await page.locator("#appendix-0 [data-testid=grid-row]").first().evaluate((el) => el.scrollIntoView());
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ROOT, "test-output/screenshots/appendix-cards-412x915.png") });
    // Every tool is a target of at least 48 by 48 pixels.
    const small = await page.$$eval("#appendix-0 .grid-tools button", (buttons) =>
      buttons.map((b) => b.getBoundingClientRect()).filter((r) => r.width < 48 || r.height < 48).length,
    );
    assert.equal(small, 0);
    // Nothing of the appendix part reaches past the phone's screen. (The whole page is not
    // checked here: a task's long partner units widen the task form on a phone.)
    const past = await page.$$eval("#part-appendices *", (elements) =>
      elements.filter((e) => e.getBoundingClientRect().right > 412).map((e) => e.id || e.className),
    );
    assert.deepEqual(past, []);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test("the «Cơ quan thực hiện» cell edited in the table is the cell that prints", async () => {
  const plan = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/plans/hoang-hoa-district-2023.json"), "utf8"));
  await withApp(async (app) => {
    const { page } = app;
    await seedPlan(page, plan);
    await page.click("[data-testid=open-plan]");
    // Hoàng Hóa's seventh table has one «Cơ quan thực hiện» column; its second row names
    // the executors as a role and four partners.
    const cell = "#appendix-6-group-0-task-1-executor";
    await page.waitForSelector(cell, { state: "attached", timeout: 15_000 });
    // Seven tables, seven landmarks a screen reader can tell apart (axe: landmark-unique).
    const regions = await page.$$eval(".grid-scroll[role=region]", (all) => all.map((r) => r.getAttribute("aria-label")));
    assert.equal(regions.length, 7);
    assert.equal(new Set(regions).size, 7, `landmark names: ${regions.join(" | ")}`);
    await page.locator(cell).scrollIntoViewIfNeeded();
    const lines = (text) => text.split("\n").map((line) => line.trim()).filter(Boolean);
    assert.deepEqual(lines(await page.inputValue(cell)), [
      "phòng Nội vụ; các phòng, ban, ngành cấp huyện; UBND cấp xã",
      "Văn phòng HĐND-UBND huyện; phòng Tư pháp; Tài chính; Văn hóa - TT",
    ]);
    // The cell shows its units whole: its left and right edges under nothing, no line cut.
    const shown = await page.locator(cell).evaluate((area) => {
      area.scrollIntoView({ block: "center" });
      const box = area.getBoundingClientRect();
      const y = box.top + box.height / 2;
      const edges = [box.left + 4, box.right - 4].map((x) => document.elementFromPoint(x, y));
      return {
        covered: edges.some((hit) => hit !== area),
        cut: area.scrollHeight > area.clientHeight + 1 || area.scrollWidth > area.clientWidth + 1,
      };
    });
    await page.screenshot({ path: join(ROOT, "test-output/screenshots/appendix-executor-1280x800.png") });
    assert.deepEqual(shown, { covered: false, cut: false });
    // A unit added to the first line joins the executors; the partners stay partners.
    await page.fill(cell, "phòng Nội vụ; UBND cấp xã; Trung tâm Chính trị\nVăn phòng HĐND-UBND huyện; phòng Tư pháp");
    await waitSaved(page);
    const typed = lines(await page.inputValue(cell));
    await page.click("[data-testid=open-print]");
    await page.waitForSelector("[data-testid=print-document]");
    const printed = await page.$$eval("[data-testid=print-table]", (tables) => {
      const row = [...tables.at(-1).querySelectorAll("tr")].find((tr) => tr.textContent.includes("Đánh giá, chấm điểm"));
      const heads = [...tables.at(-1).querySelectorAll("thead th")].map((th) => th.textContent.trim());
      return row.children[heads.indexOf("Cơ quan thực hiện")].innerText;
    });
    assert.deepEqual(lines(printed), typed);
    assert.deepEqual(typed, [
      "phòng Nội vụ; UBND cấp xã; Trung tâm Chính trị",
      "Văn phòng HĐND-UBND huyện; phòng Tư pháp",
    ]);
    assert.deepEqual(app.errors, []);
  });
});
