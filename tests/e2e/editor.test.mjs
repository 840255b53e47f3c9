// The plan form: Tịnh Minh's 2024 plan typed in through every part of the editor, found again
// after a reload, its key-task appendix totalled; lists reordered and undone; the checks jump
// to their field; and no accessibility violation that axe-core can see.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, axeViolations, createPlan, eventually, openApp, screenshot, waitSaved, withApp } from "./harness.mjs";

const FIXTURE = JSON.parse(
  readFileSync(join(ROOT, "tests/fixtures/plans/tinh-minh-commune-2024.json"), "utf8"),
);

// Tịnh Minh's plan gives no budgets and no targets; these are made up for the test, in the
// notations real plans use. Only the first task of each area is a key task, with a budget.
const BUDGETS = ["15", "3.773", "1,5", "20", "120", "45,5", "10", "8"];
const TOTAL = "3.993";
const TARGET = "Phấn đấu 100% hồ sơ thủ tục hành chính được tiếp nhận, giải quyết đúng hạn";

/** The tasks to type for area `index` of the fixture: its first two. */
function tasksOf(index) {
  return FIXTURE.areas[index].tasks.slice(0, 2);
}

async function fillTask(page, area, index, task, { budget, key }) {
  const id = `area-${area}-task-${index}`;
  await page.click(`#area-${area}-task-add`);
  await page.fill(`#${id}-content`, task.content);
  await page.click(`#${id}-lead-add`);
  await page.fill(`#${id}-lead-0`, task.lead_units[0]);
  await page.click(`#${id}-partner-add`);
  await page.fill(`#${id}-partner-0`, task.partner_units[0]);
  await page.fill(`#${id}-deadline`, typeof task.deadline === "string" ? task.deadline : task.deadline.text);
  if (budget) await page.fill(`#${id}-budget`, budget);
  if (key) await page.check(`#${id}-key`);
}

test("Tịnh Minh's 2024 plan typed in through the forms is all there after a reload", async () => {
  await withApp(async (app) => {
    const { page } = app;
    await createPlan(page);

    // Thông tin chung.
    await page.fill("#plan-locality-name", FIXTURE.locality.name);
    await page.fill("#plan-issuing-body", FIXTURE.issuing_body);
    await page.fill("#plan-symbol", "KH-UBND");
    await page.fill("#plan-place", FIXTURE.place);
    await page.fill("#plan-date-day", "26");
    await page.fill("#plan-date-month", "12");
    await page.fill("#plan-date-year", "2023");
    await page.fill("#plan-year", "2024");
    await page.fill("#plan-title", FIXTURE.title);

    // The checks: the number is still blank, and the summary jumps to it.
    const summary = page.locator("[data-testid=issue-summary]");
    await page.locator("[data-testid=issue-link]", { hasText: "Chưa có số văn bản" }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "plan-number");
    assert.match(await page.locator("#plan-number-issue").textContent(), /Chưa có số văn bản/);
    await page.fill("#plan-number", FIXTURE.number.number);
    await eventually(async () =>
      assert.equal(await page.locator("[data-testid=issue-link]", { hasText: "Chưa có số văn bản" }).count(), 0),
    );

    // Căn cứ, mục đích, yêu cầu, chỉ tiêu.
    const bases = FIXTURE.form.legal_bases.slice(0, 2);
    for (const [index, basis] of bases.entries()) {
      await page.click("#bases-add");
      await page.fill(`#bases-${index}`, basis.text);
    }
    for (const [index, purpose] of FIXTURE.purposes.slice(0, 2).entries()) {
      await page.click("#purposes-add");
      await page.fill(`#purposes-${index}`, purpose.text);
    }
    await page.click("#requirements-add");
    await page.fill("#requirements-0", FIXTURE.requirements[0].text);
    await page.click("#targets-add");
    await page.fill("#targets-0", TARGET);
    await page.fill("#targets-0-figure", "100");
    await page.fill("#targets-0-figure-unit", "%");

    // Areas as Tịnh Minh orders them: the template's "Công tác chỉ đạo, điều hành" moves from
    // first to last, after a local area added for PAR INDEX.
    await page.click("#areas-add");
    await page.fill("#area-7-title", FIXTURE.areas[6].title);
    for (let index = 0; index < 7; index++) await page.click(`#areas-${index}-down`);
    for (const [index, area] of FIXTURE.areas.entries()) {
      await page.fill(`#area-${index}-title`, area.title);
      for (const [t, task] of tasksOf(index).entries()) {
        await fillTask(page, index, t, task, t === 0 ? { budget: BUDGETS[index], key: true } : {});
      }
    }
    await page.fill("#signer-name", FIXTURE.form.signer.name);
    await page.fill("#signer-title", FIXTURE.form.signer.title);

    // The deadline and the budget show how they were read.
    assert.match(await page.locator("#area-0-task-0-budget ~ [data-testid=budget-reading]").textContent(), /= 15 triệu đồng/);
    assert.match(await page.locator("#area-1-task-0-budget ~ [data-testid=budget-reading]").textContent(), /= 3.773 triệu đồng/);
    assert.match(await page.locator("#area-2-task-0-deadline ~ [data-testid=deadline-reading]").textContent(), /Hiểu là: thường xuyên/);

    // Key-task appendix: one row per key task, totalled.
    await page.click("#appendices-add");
    await page.locator("[data-testid=appendix-total]").waitFor();
    assert.equal(await page.locator("[data-testid=grid-row]").count(), FIXTURE.areas.length);
    assert.equal((await page.locator("[data-testid=appendix-total]").textContent()).trim(), TOTAL);
    // Like a spreadsheet: Enter goes to the cell below, and a budget typed there counts as soon
    // as typing pauses.
    await page.focus("#grid-0-area-0-task-0-content");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "grid-0-area-1-task-0-content");
    await page.fill("#grid-0-area-1-task-0-budget", "3.774");
    await eventually(async () =>
      assert.equal((await page.locator("[data-testid=appendix-total]").textContent()).trim(), "3.994"),
    );
    assert.equal(await page.inputValue("#area-1-task-0-budget"), "3.774");
    await page.fill("#grid-0-area-1-task-0-budget", BUDGETS[1]);
    await waitSaved(page);

    await page.reload();
    await page.waitForSelector("#plan-title");
    assert.equal(await page.inputValue("#plan-title"), FIXTURE.title);
    assert.equal(await page.inputValue("#plan-number"), "479");
    assert.equal(await page.inputValue("#plan-issuing-body"), FIXTURE.issuing_body);
    assert.equal(await page.inputValue("#plan-date-day"), "26");
    assert.equal(await page.inputValue("#bases-1"), bases[1].text);
    assert.equal(await page.inputValue("#purposes-1"), FIXTURE.purposes[1].text);
    assert.equal(await page.inputValue("#requirements-0"), FIXTURE.requirements[0].text);
    assert.equal(await page.inputValue("#targets-0"), TARGET);
    assert.equal(await page.inputValue("#targets-0-figure"), "100");
    assert.equal(await page.inputValue("#signer-name"), FIXTURE.form.signer.name);
    for (const [index, area] of FIXTURE.areas.entries()) {
      assert.equal(await page.inputValue(`#area-${index}-title`), area.title);
      for (const [t, task] of tasksOf(index).entries()) {
        const id = `area-${index}-task-${t}`;
        assert.equal(await page.inputValue(`#${id}-content`), task.content);
        assert.equal(await page.inputValue(`#${id}-lead-0`), task.lead_units[0]);
        assert.equal(await page.inputValue(`#${id}-partner-0`), task.partner_units[0]);
        const deadline = typeof task.deadline === "string" ? task.deadline : task.deadline.text;
        assert.equal(await page.inputValue(`#${id}-deadline`), deadline);
        assert.equal(await page.isChecked(`#${id}-key`), t === 0);
        assert.equal(await page.inputValue(`#${id}-budget`), t === 0 ? BUDGETS[index] : "");
      }
    }
    assert.equal((await page.locator("[data-testid=appendix-total]").textContent()).trim(), TOTAL);
    assert.match(await summary.locator("h3").textContent(), /^Cần xem lại \(\d+\)$/);

    // Screenshots of the parts, wide.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ROOT, "test-output/screenshots/editor-top-1280x800.png") });
    await page.locator("#area-1").scrollIntoViewIfNeeded();
    await page.locator("#area-1-task-0-content").focus();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ROOT, "test-output/screenshots/editor-task-1280x800.png") });
    await page.locator("#part-appendices").evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: join(ROOT, "test-output/screenshots/editor-appendix-1280x800.png") });
    await screenshot(page, "editor-full-1280");

    // Next December: next year's plan from this one has its years moved on, tasks carried.
    await page.click("[data-testid=back-to-list]");
    await page.locator("[data-testid=plan-card]", { hasText: FIXTURE.title }).locator("[data-testid=next-year-plan]").click();
    await page.waitForSelector("#plan-title");
    assert.equal(await page.inputValue("#plan-year"), "2025");
    assert.equal(await page.inputValue("#plan-title"), FIXTURE.title.replace("2024", "2025"));
    assert.equal(await page.inputValue("#plan-number"), "");
    let moved = 0;
    for (const [index] of FIXTURE.areas.entries()) {
      for (const [t, task] of tasksOf(index).entries()) {
        const id = `area-${index}-task-${t}`;
        assert.equal(await page.inputValue(`#${id}-content`), task.content.replaceAll("năm 2024", "năm 2025"));
        const deadline = typeof task.deadline === "string" ? task.deadline : task.deadline.text;
        const next = await page.inputValue(`#${id}-deadline`);
        assert.ok(!/\/2024|năm 2024/.test(next), `deadline «${next}» moved on`);
        if (deadline !== next) moved += 1;
        assert.equal(await page.inputValue(`#${id}-budget`), t === 0 ? BUDGETS[index] : "");
      }
    }
    assert.ok(moved >= 2, "some deadlines named the year and moved on");
    assert.equal((await page.locator("[data-testid=appendix-total]").textContent()).trim(), TOTAL);
    assert.deepEqual(app.errors, []);
  });
});

test("tasks move with Lên/Xuống, keep their lettering, and come back after removal", async () => {
  await withApp(async (app) => {
    const { page } = app;
    await createPlan(page);
    const [first, second] = tasksOf(1);
    await fillTask(page, 0, 0, first, {});
    await fillTask(page, 0, 1, second, {});
    await page.click("#area-0-task-0-down");
    assert.equal(await page.inputValue("#area-0-task-0-content"), second.content);
    assert.equal(await page.inputValue("#area-0-task-1-content"), first.content);
    assert.equal(await page.locator("#area-0-task-item-1 .task-letter").textContent(), "Nhiệm vụ b)");
    // Focus followed the task that moved, so it can be moved back from the keyboard.
    assert.equal(await page.evaluate(() => document.activeElement?.id), "area-0-task-1-up");
    await page.keyboard.press("Enter");
    assert.equal(await page.inputValue("#area-0-task-0-content"), first.content);

    await page.click("#area-0-task-1-remove");
    assert.equal(await page.locator("#area-0-task-item-1").count(), 0);
    assert.match(await page.locator("[data-testid=undo-notice]").textContent(), /Đã xóa nhiệm vụ b/);
    await page.locator("[data-testid=undo-notice] button").click();
    assert.equal(await page.inputValue("#area-0-task-1-content"), second.content);

    // Ctrl+Z takes back typing too.
    await page.fill("#plan-title", "Tiêu đề nhầm");
    await page.click("#part-header-title");
    await page.keyboard.press("Control+z");
    assert.notEqual(await page.inputValue("#plan-title"), "Tiêu đề nhầm");
    assert.deepEqual(app.errors, []);
  });
});

test("a budget that is not a number and an unreadable deadline are shown where they are", async () => {
  await withApp(async (app) => {
    const { page } = app;
    await createPlan(page);
    await page.click("#area-0-task-add");
    await page.fill("#area-0-task-0-budget", "3.77.3");
    await page.fill("#area-0-task-0-deadline", "lúc nào rảnh");
    await eventually(async () => {
      assert.match(await page.locator("#area-0-task-0-budget-issue").textContent(), /không đọc được thành số/);
      assert.match(await page.locator("#area-0-task-0-deadline-issue").textContent(), /Chưa hiểu được thời hạn/);
    });
    // Correct the reading by hand: it is kept, and the issue goes.
    await page.selectOption("#area-0-task-0-deadline-reading", "quarter-2");
    assert.match(await page.locator("#area-0-task-0-deadline ~ [data-testid=deadline-reading]").textContent(), /Đã chọn: quý II/);
    assert.equal(await page.locator("#area-0-task-0-deadline-issue").isHidden(), true);
    await page.locator("[data-testid=issue-link]", { hasText: "Chưa có cơ quan chủ trì" }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "area-0-task-0-lead-add");
    // The outline goes to a whole part (its heading takes the focus) and to an area's title.
    const outline = page.getByRole("navigation", { name: "Mục lục kế hoạch" });
    await outline.getByRole("link", { name: "Phụ lục", exact: true }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "part-appendices");
    assert.ok(await page.locator("#part-appendices-title").isVisible());
    await outline.getByRole("link", { name: "Kinh phí", exact: true }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "part-funding");
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ROOT, "test-output/screenshots/editor-checks-1280x800.png") });
    assert.deepEqual(app.errors, []);
  });
});

test("the editor and the plan list have no accessibility violations; phone screenshots", async () => {
  const app = await openApp({ viewport: { width: 412, height: 915 } });
  try {
    const { page } = app;
    await page.goto(app.url);
    await page.waitForSelector("#app[data-mounted=true]");
    assert.deepEqual(await axeViolations(page), []);
    await createPlan(page);
    const [task] = tasksOf(0);
    await fillTask(page, 0, 0, task, { budget: "3.773", key: true });
    await page.click("#appendices-add");
    await page.locator("[data-testid=appendix-total]").waitFor();
    assert.deepEqual(await axeViolations(page), []);
    // Nothing is wider than the phone: no sideways scrolling.
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 412);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ROOT, "test-output/screenshots/editor-top-412x915.png") });
    await page.locator("#area-0-task-0-content").focus();
    // Tasks off screen are painted when they come into view: let that frame pass.
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ROOT, "test-output/screenshots/editor-task-412x915.png") });
    await page.locator("#part-appendices").evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: join(ROOT, "test-output/screenshots/editor-appendix-412x915.png") });
    await page.locator("[data-testid=issue-summary]").evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: join(ROOT, "test-output/screenshots/editor-checks-412x915.png") });
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test("every fold-out section shows that it folds, and says when it is open", async () => {
  await withApp(async ({ page }) => {
    // An empty list has nothing to back up: «Sao lưu tất cả» does not stand out there.
    await page.waitForSelector("[data-testid=no-plans]");
    assert.equal(await page.locator("[data-testid=backup-all].button-primary").count(), 0);
    await createPlan(page);
    const markers = () =>
      page.$$eval("summary", (all) =>
        all
          .filter((summary) => summary.getClientRects().length > 0)
          .map((summary) => [
            summary.textContent.trim(),
            getComputedStyle(summary, "::before").content,
            summary.parentElement.open ? '"▾"' : '"▸"',
          ]),
      );
    const shown = await markers();
    // «Mục lục» (open on a wide screen), «Tiểu lĩnh vực», «Đoạn mở đầu của lĩnh vực», «Ý nhỏ»,
    // «Lịch sử phiên bản» …
    assert.ok(shown.length >= 5, JSON.stringify(shown));
    for (const [title, marker, expected] of shown) assert.equal(marker, expected, `«${title}»`);
    await page.locator("summary", { hasText: "Lịch sử phiên bản" }).click();
    const open = await page.locator("summary", { hasText: "Lịch sử phiên bản" }).evaluate((s) => getComputedStyle(s, "::before").content);
    assert.equal(open, '"▾"');
    await page.click("[data-testid=back-to-list]");
    await page.waitForSelector("[data-testid=plan-list]");
    assert.equal(await page.locator("[data-testid=backup-all].button-primary").count(), 1);
  });
});

test("each change of screen puts the focus on the new screen's heading", async () => {
  await withApp(async ({ page }) => {
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
    await createPlan(page);
    await eventually(async () => assert.equal(await focused(), "editor-title"));
    await page.click("[data-testid=open-print]");
    await page.waitForSelector("[data-testid=print-document]");
    await eventually(async () => assert.equal(await focused(), "print-title"));
    await page.click("[data-testid=print-back]");
    await eventually(async () => assert.equal(await focused(), "editor-title"));
    await page.click("[data-testid=back-to-list]");
    await page.waitForSelector("[data-testid=plan-list]");
    await eventually(async () => assert.equal(await focused(), "plan-list-title"));
    // The next Tab goes on from the heading, to «Tạo kế hoạch mới», not to the page's end.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "new-plan");
  });
});
