// Part headings, the plan's labels of task fields and extra sections (mục bổ sung): typed in the
// editor, kept across a reload, printed where they belong (the standard heading, numbered, where
// left empty); undo and redo (Làm lại) of them; no accessibility violation with them shown.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, axeViolations, createPlan, dumpDatabase, screenshot, waitSaved, withApp } from "./harness.mjs";

const PURPOSES_HEADING = "I. MỤC ĐÍCH VÀ YÊU CẦU CỦA KẾ HOẠCH";
const EXTRA_HEADING = "II. MỤC TIÊU CHUNG";
const EXTRA_TEXT = "Xây dựng nền hành chính phục vụ, chuyên nghiệp, hiện đại.";
const LEAD_LABEL = "Chủ trì thực hiện";
const LEAD_UNIT = "Công chức Văn phòng - Thống kê";
const TASK = "Rà soát, đánh giá thủ tục hành chính thuộc thẩm quyền giải quyết của xã";

/** The plan as stored, parsed from its text. */
async function storedPlan(page) {
  const dump = JSON.parse(await dumpDatabase(page));
  assert.equal(dump.plan_texts.values.length, 1);
  return JSON.parse(dump.plan_texts.values[0].json);
}

/** The printed body's paragraphs, in order, whitespace collapsed. */
async function printedParagraphs(page) {
  const texts = await page.locator("[data-testid=print-document] .doc-p").allTextContents();
  return texts.map((text) => text.replace(/\s+/g, " ").trim());
}

/**
 * Opens, as a person taps it, the folded «Tùy chỉnh khi in» of every part that has one: the
 * wordings are folded away until asked for.
 */
async function openPrintWordings(page) {
  const folds = page.locator("[data-testid=print-wording]");
  assert.ok((await folds.count()) >= 5, "a «Tùy chỉnh khi in» in each part with print wordings");
  for (const fold of await folds.all()) {
    if ((await fold.getAttribute("open")) === null) await fold.locator("summary").click();
  }
}

/** Types a heading, a task label and an extra section after "Mục đích, yêu cầu". */
async function typeWordings(page) {
  await openPrintWordings(page);
  await page.fill("#heading-purposes-and-requirements", PURPOSES_HEADING);
  await page.fill("#task-label-lead", LEAD_LABEL);
  await page.click("#area-0-task-add");
  await page.fill("#area-0-task-0-content", TASK);
  await page.click("#area-0-task-0-lead-add");
  await page.fill("#area-0-task-0-lead-0", LEAD_UNIT);
  await page.click("#extras-add");
  await page.fill("#extras-0", EXTRA_HEADING);
  await page.selectOption("#extras-0-after", "requirements");
  await page.click("#extras-0-paragraphs-add");
  await page.fill("#extras-0-paragraphs-0", EXTRA_TEXT);
}

test("a heading, a task label and an extra section are kept and printed where they belong", async () => {
  await withApp(async (app) => {
    const { page } = app;
    await createPlan(page);
    // Empty headings show the standard wording with the number it will print with.
    const tasksBefore = await page.getAttribute("#heading-tasks", "placeholder");
    assert.match(tasksBefore, /^(I|II|III|IV)\. NHIỆM VỤ VÀ GIẢI PHÁP$/);
    assert.equal(await page.getAttribute("#task-label-lead", "placeholder"), "Cơ quan chủ trì");

    await typeWordings(page);
    assert.equal(
      await page.textContent("[data-testid=heading-purposes-and-requirements-printed]"),
      `Sẽ in: ${PURPOSES_HEADING}`,
    );
    // The extra section takes number II, so the standard parts after it move on by one.
    const numeral = (text) => text.split(".")[0];
    const next = { I: "II", II: "III", III: "IV", IV: "V" };
    const tasksAfter = await page.getAttribute("#heading-tasks", "placeholder");
    assert.equal(numeral(tasksAfter), next[numeral(tasksBefore)]);
    assert.match(await page.textContent("[data-testid=outline-extras]"), /II\. MỤC TIÊU CHUNG/);
    // A Roman number out of order is printed as typed, and the hint says which one fits.
    const funding = await page.getAttribute("#heading-funding", "placeholder");
    await page.fill("#heading-funding", "IX. KINH PHÍ");
    assert.equal(
      await page.textContent("[data-testid=heading-funding-printed]"),
      `Sẽ in: IX. KINH PHÍ (theo thứ tự các phần thì là số ${numeral(funding)})`,
    );
    await page.fill("#heading-funding", "");
    await waitSaved(page);

    await page.reload();
    await page.waitForSelector("[data-testid=field-title]");
    assert.equal(await page.inputValue("#heading-purposes-and-requirements"), PURPOSES_HEADING);
    assert.equal(await page.inputValue("#task-label-lead"), LEAD_LABEL);
    assert.equal(await page.inputValue("#extras-0"), EXTRA_HEADING);
    assert.equal(await page.inputValue("#extras-0-after"), "requirements");
    assert.equal(await page.inputValue("#extras-0-paragraphs-0"), EXTRA_TEXT);
    assert.deepEqual(await axeViolations(page), []);

    await page.locator("#part-purposes").evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: join(ROOT, "test-output/screenshots", "editor-headings-1280x800.png") });
    await page.locator("#part-extras").screenshot({
      path: join(ROOT, "test-output/screenshots", "editor-extras-1280x800.png"),
    });

    await page.click("[data-testid=open-print]");
    await page.waitForSelector("[data-testid=print-document]");
    const printed = await printedParagraphs(page);
    const at = (text) => {
      const index = printed.indexOf(text);
      assert.ok(index >= 0, `«${text}» is printed`);
      return index;
    };
    const purposes = at(PURPOSES_HEADING);
    const requirements = at("2. Yêu cầu");
    const extra = at(EXTRA_HEADING);
    assert.ok(purposes < requirements && requirements < extra, "the extra section follows the requirements");
    assert.equal(printed[extra + 1], EXTRA_TEXT);
    // The next heading is the standard one, numbered after the extra section.
    const nextHeading = printed.slice(extra + 1).find((text) => /^[IVX]+\. /.test(text));
    assert.equal(nextHeading, tasksAfter);
    assert.ok(printed.includes(funding), `the standard «${funding}» where the heading was left empty`);
    assert.ok(printed.includes(`- ${LEAD_LABEL}: ${LEAD_UNIT}.`), "the task's lead under the plan's label");
    assert.ok(!printed.some((text) => text.startsWith("- Cơ quan chủ trì:")), "no standard lead label left");
    await screenshot(page, "print-headings-1280x800");
    assert.deepEqual(app.errors, []);
  });
});

test("undo takes back a typed heading and an added extra section; redo makes both again exactly", async () => {
  await withApp(async (app) => {
    const { page } = app;
    await createPlan(page);
    // Folded away until asked for: a new plan's parts show their own fields first.
    assert.equal(await page.locator("#heading-targets").isVisible(), false);
    await openPrintWordings(page);
    await page.fill("#task-label-deadline", "Thời gian hoàn thành");
    // Typed letter by letter, well within one pause: one step to undo and to redo.
    await page.locator("#heading-targets").pressSequentially("II. CÁC CHỈ TIÊU CỤ THỂ", { delay: 10 });
    await page.click("#extras-add");
    await page.fill("#extras-0", "MỤC TIÊU CHUNG");
    await waitSaved(page);
    const edited = await storedPlan(page);
    assert.equal(edited.headings.targets, "II. CÁC CHỈ TIÊU CỤ THỂ");
    assert.equal(edited.extra_sections[0].heading, "MỤC TIÊU CHUNG");

    const redo = page.locator("[data-testid=redo]");
    assert.equal(await redo.isDisabled(), true);
    await page.click("#part-extras-title");
    await page.keyboard.press("Control+z"); // the extra section's heading
    await page.keyboard.press("Control+z"); // the extra section
    await page.keyboard.press("Control+z"); // the whole typed heading
    assert.equal(await page.locator("#extras-0").count(), 0);
    assert.equal(await page.inputValue("#heading-targets"), "");
    assert.equal(await page.inputValue("#task-label-deadline"), "Thời gian hoàn thành");
    assert.equal(await redo.isDisabled(), false);

    await page.keyboard.press("Control+y");
    assert.equal(await page.inputValue("#heading-targets"), "II. CÁC CHỈ TIÊU CỤ THỂ");
    await page.keyboard.press("Control+Shift+Z");
    assert.equal(await page.locator("#extras-0").count(), 1);
    await redo.click();
    assert.equal(await page.inputValue("#extras-0"), "MỤC TIÊU CHUNG");
    assert.equal(await redo.isDisabled(), true);
    await waitSaved(page);
    assert.deepEqual(await storedPlan(page), edited);

    // A new change after an undo forgets what could be made again.
    await page.click("[data-testid=undo]");
    await page.fill("#heading-funding", "IV. KINH PHÍ");
    assert.equal(await redo.isDisabled(), true);
    await page.screenshot({ path: join(ROOT, "test-output/screenshots", "editor-undo-redo-1280x800.png") });
    assert.deepEqual(app.errors, []);
  });
});
