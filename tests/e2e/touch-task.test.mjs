// A whole key task written by touch on a 10-inch tablet held upright (issue #20): last year's
// plan, imported and opened once, has taught the unit directory its units; in a new plan the
// task is added in its area and filled with taps and typing only (its lead picked from the
// directory), ticked a key task and put in a key-task appendix; it survives a reload, and the
// printed PDF carries every value, in the body and in the appendix table.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { OUTPUT, ROOT, createPlan, eventually, openApp, screenshot, waitSaved } from "./harness.mjs";
import { normalise, pageSizes, pageText, printToPdf } from "./pdf.mjs";
import { Finger, addTaskByTouch } from "./touch.mjs";

const WIDTH = 800;
const HEIGHT = 1280;
/** Last year's plan, as it came by email: Tịnh Minh names «Ban chỉ đạo Chuyển đổi số xã». */
const LAST_YEAR = join(ROOT, "tests/fixtures/format-v1/tinh-minh-commune-2024.json");

/** Area 7, «Xây dựng và phát triển Chính quyền điện tử, Chính quyền số», the last on the form. */
const TASK = {
  area: 6,
  content: "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công xã",
  output: "Hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa, lưu trữ điện tử",
  // Typed without accents, as a quick drafter does; the directory offers the whole name.
  leadQuery: "chuyen doi so",
  lead: "Ban chỉ đạo Chuyển đổi số xã",
  partner: "Tổ công nghệ số cộng đồng các thôn",
  deadline: "Quý II/2026",
  budget: "12,5",
  key: true,
};

/** The values of the task's fields as the form shows them. */
async function shownTask(page, key) {
  const value = (name) => page.locator(`#${key}-${name}`).inputValue();
  return {
    content: await value("content"),
    output: await value("output-0"),
    lead: await value("lead-0"),
    partner: await value("partner-0"),
    deadline: await value("deadline"),
    budget: await value("budget"),
    key: await page.locator(`#${key}-key`).isChecked(),
  };
}

const expectedShown = {
  content: TASK.content,
  output: TASK.output,
  lead: TASK.lead,
  partner: TASK.partner,
  deadline: TASK.deadline,
  budget: TASK.budget,
  key: true,
};

test(`a key task written by touch at ${WIDTH}×${HEIGHT} is kept and printed whole`, async (t) => {
  const app = await openApp({ viewport: { width: WIDTH, height: HEIGHT }, touch: true });
  try {
    const { page } = app;
    await page.goto(app.url);
    await page.waitForSelector("#app[data-mounted=true]");

    // Last year's plan comes in through «Nhập tệp…» and is opened once, then left: the
    // directory learns its units as it is left.
    const setUp = new Finger(page);
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      setUp.tap(page.locator("[data-testid=import-file]")),
    ]);
    await chooser.setFiles(LAST_YEAR);
    await setUp.tap(page.locator("[data-testid=import-confirm]"));
    await page.waitForSelector("[data-testid=import-dialog]", { state: "detached" });
    await page.waitForSelector("[data-testid=transfer-notice]");
    await setUp.tap(page.locator("[data-testid=open-plan]"));
    await page.waitForSelector("[data-testid=field-title]");
    await setUp.tap(page.locator("[data-testid=back-to-list]"));
    await page.waitForSelector("[data-testid=plan-list]");

    await createPlan(page, { name: "Tịnh Minh", superior: "tỉnh Quảng Ngãi", year: 2026 });
    await page.waitForSelector(`#area-${TASK.area}-task-add`);

    // The task, by touch only: every tap counted, and every swipe that brings a control into
    // reach.
    const finger = new Finger(page);
    const key = await addTaskByTouch(page, finger, TASK);
    assert.equal(key, `area-${TASK.area}-task-0`);
    const taskTaps = finger.taps;
    // A key-task appendix, which takes the task of its own accord.
    await finger.tap(page.locator("#appendices-add"));
    t.diagnostic(`taps for the task: ${taskTaps}; with the appendix: ${finger.taps}; swipes: ${finger.swipes}`);
    t.diagnostic(`tapped: ${finger.tapped.join(" → ")}`);
    console.log(`touch-task: ${taskTaps} taps for the task, ${finger.taps} with the appendix, ${finger.swipes} swipes`);
    // One tap for each thing added (the task, its output, lead and partner lines), one for the
    // directory's offer, one for each of the deadline and budget fields and one for the key-task
    // box: the new task's content and each new line take the focus themselves.
    assert.equal(taskTaps, 8, finger.tapped.join("\n"));

    assert.deepEqual(await shownTask(page, key), expectedShown);
    // A unit alone in its list has nowhere to move: «Xóa» alone, on the unit's own line.
    for (const list of ["lead", "partner"]) {
      assert.equal(await page.locator(`#${key}-${list}-0-up, #${key}-${list}-0-down`).count(), 0, list);
      const line = await page.locator(`#${key}-${list}-item-0`).evaluate((row) => {
        const input = row.querySelector("textarea, input").getBoundingClientRect();
        const remove = row.querySelector(".item-tools .button-danger").getBoundingClientRect();
        return { input: [input.top, input.bottom], remove: [remove.top, remove.bottom] };
      });
      assert.ok(line.remove[0] < line.input[1] && line.remove[1] > line.input[0], `${list}: ${JSON.stringify(line)}`);
    }
    const item = page.locator(`#area-${TASK.area}-task-item-0`);
    // textContent: the task is off the screen now, and its box's content skipped
    // (content-visibility), which innerText does not see.
    assert.match(await item.locator("[data-testid=deadline-reading]").textContent(), /Hiểu là: quý II\/2026 \(hạn cuối 30\/06\/2026\)/);
    assert.equal(await item.locator("[data-testid=budget-reading]").textContent(), "= 12,5 triệu đồng");
    // The appendix's only row is this task, with its cells.
    const rows = page.locator("#appendix-0 [data-testid=grid-row]");
    await eventually(async () => assert.equal(await rows.count(), 1));
    const cell = (name) => page.locator(`#grid-0-${key}-${name}`).inputValue();
    assert.equal(await rows.first().locator(".grid-content textarea").inputValue(), TASK.content);
    assert.equal(await cell("deadline"), TASK.deadline);
    await eventually(async () =>
      assert.equal((await page.locator("#appendix-0 [data-testid=appendix-total]").innerText()).trim(), "12,5"),
    );
    await waitSaved(page);

    // What the person sees: the filled task, its heading just under the editor's bar.
    const card = item.locator("article.task-card");
    await finger.bringIntoReach(card.locator(".task-letter"), [0.08, 0.14]);
    await page.screenshot({ path: join(OUTPUT, "screenshots", `touch-task-screen-${WIDTH}x${HEIGHT}.png`) });
    await card.screenshot({ path: join(OUTPUT, "screenshots", `touch-task-card-${WIDTH}x${HEIGHT}.png`) });
    // The whole page too; parts far from the screen come out as empty boxes there, since they
    // are not painted until near it (content-visibility), while a person scrolls to them.
    await screenshot(page, `touch-task-${WIDTH}x${HEIGHT}`);

    await page.reload();
    await page.waitForSelector(`#${key}-content`);
    assert.deepEqual(await shownTask(page, key), expectedShown);

    await setUp.tap(page.locator("[data-testid=open-print]"));
    await page.waitForSelector("[data-testid=print-document]");
    const pdf = await printToPdf(page, `touch-task-${WIDTH}x${HEIGHT}`);
    const pages = pageSizes(pdf).map((_, index) => normalise(pageText(pdf, index + 1)));
    // The plan's pages, then the appendix's.
    const first = pages.findIndex((text) => text.includes("NHIỆM VỤ TRỌNG TÂM CỦA KẾ HOẠCH"));
    assert.ok(first > 0, "the appendix has pages of its own");
    const body = pages.slice(0, first).join(" ");
    // The body: the task under its area, then one line per field, in this order.
    const lines = [
      "7. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
      `a) ${TASK.content}`,
      `- Cơ quan chủ trì: ${TASK.lead}.`,
      `- Cơ quan phối hợp: ${TASK.partner}.`,
      `- Sản phẩm: ${TASK.output}.`,
      `- Thời gian thực hiện: ${TASK.deadline}.`,
      `- Kinh phí: ${TASK.budget} triệu đồng.`,
    ];
    for (const line of lines) assert.ok(body.includes(line), `the body prints «${line}»`);
    assert.ok(body.includes(lines.join(" ")), `the body prints the task's lines in order:\n${body}`);
    const appendix = pages.slice(first).join(" ");
    // Cell by cell along its row, then the total.
    const row = [TASK.content, TASK.output, TASK.lead, TASK.partner, TASK.deadline, TASK.budget].join(" ");
    assert.ok(appendix.includes(`1 ${row}`), `the appendix prints the row «1 ${row}»:\n${appendix}`);
    assert.ok(appendix.includes(`Tổng cộng ${TASK.budget}`), "the appendix prints the total");
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});
