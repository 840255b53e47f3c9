// What a real plan needs from the task form and the printed document (issue #20): a task's own
// labels and role order, folded away until needed, printed as set; unit fields that show whole
// names and fill from the unit directory in one tap, upright on a tablet and on a phone;
// template text marked until kept or edited, and listed in the checks; the plan file exported
// from the editor's bar with what was just typed.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { OUTPUT, axeViolations, createPlan, eventually, openApp, waitSaved, withApp } from "./harness.mjs";

const TASK = "area-0-task-0";
mkdirSync(join(OUTPUT, "screenshots"), { recursive: true });

/** Saves what the screen shows with `selector`'s element in the middle, as screenshots/NAME.png. */
async function screenAround(page, selector, name) {
  await page.locator(selector).first().evaluate((element) => element.scrollIntoView({ block: "center" }));
  await page.screenshot({ path: join(OUTPUT, "screenshots", `${name}.png`) });
}

/** Adds a first task to the first area with its content. */
async function addTask(page, content) {
  await page.click("#area-0-task-add");
  await page.fill(`#${TASK}-content`, content);
}

test("a task's own labels and role order are folded away, kept and printed as set", async () => {
  await withApp(async (app) => {
    const { page } = app;
    await createPlan(page);
    await addTask(page, "Tự kiểm tra công tác cải cách hành chính");
    await page.click(`#${TASK}-lead-add`);
    await page.fill(`#${TASK}-lead-0`, "Văn phòng HĐND và UBND xã");
    await page.click(`#${TASK}-partner-add`);
    await page.fill(`#${TASK}-partner-0`, "Các đơn vị");
    await page.fill(`#${TASK}-deadline`, "Tháng 11/2026");
    const roles = page.locator(`#${TASK}-roles`).locator("xpath=ancestor::details");
    await roles.locator("summary").click();
    await page.click(`#${TASK}-roles-add`);
    await page.fill(`#${TASK}-roles-0`, "Cơ quan thực hiện");
    await page.click(`#${TASK}-roles-0-units-add`);
    await page.fill(`#${TASK}-roles-0-units-0`, "Các công chức chuyên môn");

    // Folded by default: the print settings take no room until opened.
    const settings = page.locator(`[aria-label="Nhiệm vụ a)"] [data-testid=task-print-settings]`);
    assert.equal(await settings.evaluate((details) => details.open), false);
    assert.equal(await page.isVisible(`#${TASK}-label-lead`), false);
    await settings.locator("summary").click();
    // Empty, a label shows what prints instead: the plan's, else the standard one.
    assert.equal(await page.getAttribute(`#${TASK}-label-lead`, "placeholder"), "Cơ quan chủ trì");
    await page.fill(`#${TASK}-label-lead`, "Cơ quan chủ trì tham mưu");
    await page.fill(`#${TASK}-label-deadline`, "Thời gian hoàn thành");
    const lines = settings.locator("[data-testid=role-order-line]");
    await eventually(async () =>
      assert.deepEqual(await lines.allInnerTexts().then((t) => t.map((l) => l.split("\n")[0].trim())), [
        "Cơ quan chủ trì tham mưu",
        "Cơ quan thực hiện",
        "Cơ quan phối hợp",
      ]),
    );
    // «Cơ quan thực hiện» first, as the plan wrote it.
    await page.click(`#${TASK}-role-order-1-up`);
    assert.equal(await page.evaluate(() => document.activeElement?.id), `${TASK}-role-order-0-down`);
    assert.match(await lines.first().innerText(), /^Cơ quan thực hiện/);
    await screenAround(page, `#${TASK}-role-order`, "task-print-settings-1280x800");
    await waitSaved(page);

    await page.reload();
    await page.waitForSelector(`#${TASK}-label-lead`, { state: "attached" });
    assert.equal(await page.inputValue(`#${TASK}-label-lead`), "Cơ quan chủ trì tham mưu");
    await page.click("[data-testid=open-print]");
    const printed = await page.locator("[data-testid=print-document]").innerText();
    const at = printed.indexOf("Tự kiểm tra công tác cải cách hành chính");
    assert.ok(at >= 0, printed);
    const lines_ = printed.slice(at).split("\n").map((line) => line.trim()).filter(Boolean).slice(1, 5);
    assert.deepEqual(lines_, [
      "- Cơ quan thực hiện: Các công chức chuyên môn.",
      "- Cơ quan chủ trì tham mưu: Văn phòng HĐND và UBND xã.",
      "- Cơ quan phối hợp: Các đơn vị.",
      "- Thời gian hoàn thành: Tháng 11/2026.",
    ]);
    assert.deepEqual(app.errors, []);
  });
});

for (const [width, height] of [
  [800, 1280],
  [412, 915],
]) {
  test(`unit fields show whole names and fill from the directory in one tap (${width}×${height}, touch)`, async () => {
    const app = await openApp({ viewport: { width, height }, touch: true });
    try {
      const { page } = app;
      await page.goto(app.url);
      await createPlan(page);
      await addTask(page, "Rà soát, công bố thủ tục hành chính");
      await page.tap(`#${TASK}-lead-add`);
      const lead = page.locator(`#${TASK}-lead-0`);
      await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), `${TASK}-lead-0`));
      // While the field has focus, the units of the directory are offered under it …
      const offers = page.locator(`#${TASK}-lead-0-units [data-testid=unit-offer]`);
      await eventually(async () => assert.ok((await offers.count()) > 0));
      await page.keyboard.type("van phong");
      await eventually(async () => assert.match(await offers.first().innerText(), /Văn phòng/));
      for (const box of await offers.evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().toJSON()))) {
        assert.ok(box.height >= 44 && box.right <= width, `offer ${JSON.stringify(box)}`);
      }
      await page.screenshot({ path: join(OUTPUT, "screenshots", `unit-offers-${width}x${height}.png`) });
      // … and one tap fills the field with the whole name.
      const chosen = (await offers.first().innerText()).trim();
      await offers.first().tap();
      assert.equal(await lead.inputValue(), chosen);
      await eventually(async () => assert.equal(await offers.count(), 0));

      // A long name wraps: nothing is cut off sideways, the field grows instead.
      const long = "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thị xã Đức Phổ, tỉnh Quảng Ngãi (bộ phận tổng hợp)";
      await lead.fill(long);
      const size = await lead.evaluate((field) => ({
        scroll: field.scrollWidth,
        client: field.clientWidth,
        height: field.getBoundingClientRect().height,
        lineHeight: parseFloat(getComputedStyle(field).lineHeight),
      }));
      assert.ok(size.scroll <= size.client, `no sideways cut: ${JSON.stringify(size)}`);
      assert.ok(size.height > 2 * size.lineHeight, `grows to show the whole name: ${JSON.stringify(size)}`);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
      await screenAround(page, `#${TASK}-lead`, `unit-field-long-${width}x${height}`);
      assert.deepEqual(await axeViolations(page), []);
      await waitSaved(page);
      await page.reload();
      await page.waitForSelector(`#${TASK}-lead-0`);
      assert.equal(await page.inputValue(`#${TASK}-lead-0`), long);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });
}

test("template text is marked until kept or edited, and the checks list it at its field", async () => {
  const app = await openApp({ viewport: { width: 800, height: 1280 }, touch: true });
  try {
    const { page } = app;
    await page.goto(app.url);
    await createPlan(page, { name: "Tịnh Minh", superior: "tỉnh Quảng Ngãi", year: 2026 });
    const note = (id) => page.locator(`[id="${id}-item-0"] > .list-item-body > [data-testid=template-note]`);
    const issues = page.locator("[data-testid=issue-link]", { hasText: "Còn là nội dung mẫu" });
    await eventually(async () => assert.ok((await issues.count()) >= 8, `${await issues.count()} listed`));
    for (const list of ["bases", "funding", "reporting", "recipients"]) {
      assert.equal(await note(list).count(), 1, `${list} marked`);
    }
    await screenAround(page, "#funding-0", "template-text-800x1280");
    // On a tablet the note shares the line of the item's tools instead of a line of its own.
    const line = await page.locator("[id=bases-item-0]").evaluate((row) => {
      const box = (element) => element.getBoundingClientRect();
      return { note: box(row.querySelector("[data-testid=template-note]")), tools: box(row.querySelector(".item-tools")) };
    });
    assert.ok(line.note.top < line.tools.bottom && line.note.bottom > line.tools.top, JSON.stringify(line));

    // The check jumps to the funding paragraph; «Giữ nội dung mẫu» keeps it as it is. On a
    // tablet held upright the checks start folded under their count.
    await page.locator("[data-testid=issue-summary] summary").tap();
    const before = await issues.count();
    const funding = issues.filter({ has: page.locator(".issue-place", { hasText: /^Kinh phí$/ }) });
    assert.equal(await funding.count(), 1);
    await funding.click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "funding-0");
    await note("funding").locator("[data-testid=keep-template]").tap();
    assert.equal(await note("funding").count(), 0);
    await eventually(async () => assert.equal(await issues.count(), before - 1));
    assert.equal(await funding.count(), 0);
    // Edited, a text is the drafter's own.
    await page.fill("#bases-0", "Thực hiện Kế hoạch số 25/KH-UBND ngày 10/01/2026 của UBND tỉnh Quảng Ngãi;");
    assert.equal(await note("bases").count(), 0);
    await eventually(async () => assert.equal(await issues.count(), before - 2));
    await waitSaved(page);
    await page.reload();
    await page.waitForSelector("#funding-0");
    assert.equal(await note("funding").count(), 0);
    assert.equal(await note("bases").count(), 0);
    assert.equal(await note("reporting").count(), 1);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test("the editor's bar exports the plan file with what was just typed", async () => {
  await withApp(async (app) => {
    const { page } = app;
    await createPlan(page);
    const title = "Cải cách hành chính năm 2026 xã Tịnh Minh (bản gửi Sở Nội vụ)";
    await page.fill("#plan-title", title);
    // At once, before the autosave's pause: the export saves the typing first.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=editor-export]")]);
    const file = JSON.parse(readFileSync(await download.path(), "utf8"));
    assert.equal(file.kind, "ke-hoach-cchc");
    assert.equal(file.payload.plans[0].title, title);
    assert.match(download.suggestedFilename(), /\.json$/);
    const notice = page.locator("[data-testid=editor-export-notice]");
    await eventually(async () => assert.match(await notice.innerText(), /Đã xuất tệp/));
    // In the bar, in the flow of the page: nothing floats over the form.
    const position = await page.locator("[data-testid=editor-export]").evaluate((button) => {
      const bar = button.closest(".editor-bar");
      return bar ? getComputedStyle(bar).position : "none";
    });
    assert.equal(position, "static");
    assert.deepEqual(app.errors, []);
  });
});
