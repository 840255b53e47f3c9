// The year after signing (issue #21), on the 10-inch tablet held upright: Tịnh Minh's 2024 plan
// is followed through quarter I — statuses marked by touch, a result, evidence and a reason
// written, the period's counts checked against the plan's own tasks, the «Cần chú ý» filter,
// the quarter I report drafted with a part written and a figure refused then accepted — and all
// of it is still there after a reload, which returns to the follow-up.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { OUTPUT, ROOT, axeViolations, dumpDatabase, eventually, importFile, openApp, seedPlan } from "./harness.mjs";
import { normalise, pageSizes, pageText, printToPdf, run } from "./pdf.mjs";

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

const FOLDER = join(OUTPUT, "report");

/** Converts `path` with LibreOffice headless to `format` (with its filter options: 76 is UTF-8); returns the new file. */
function convert(path, format) {
  const out = join(FOLDER, `${format.split(":")[0]}-out`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  run("libreoffice", [`-env:UserInstallation=file://${join(FOLDER, "profile")}`, "--headless", "--convert-to", format, "--outdir", out, path]);
  const made = readdirSync(out);
  assert.equal(made.length, 1, `LibreOffice wrote ${made.join(", ") || "nothing"} from ${path}`);
  return join(out, made[0]);
}

/** Clicks `testid` and saves what it downloads under test-output/report/; returns its path and suggested name. */
async function save(page, testid, name) {
  mkdirSync(FOLDER, { recursive: true });
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`[data-testid=${testid}]`).tap()]);
  const path = join(FOLDER, name);
  await download.saveAs(path);
  return { path, suggested: download.suggestedFilename() };
}

/** What the quarter I report must say, whichever reader shows it. */
function expectedReport(total) {
  return [
    "BÁO CÁO",
    "Số: 31/BC-UBND",
    "Kết quả thực hiện công tác cải cách hành chính quý I năm 2024",
    "(Số liệu tính từ ngày 15/12/2023 đến ngày 14/3/2024)",
    ...PLAN.areas.map((area) => area.title),
    "Đã tham mưu ban hành 02 văn bản quy phạm pháp luật",
    "05/QĐ-UBND",
    "Điều chỉnh theo chỉ đạo của huyện",
    "Tồn tại, hạn chế: việc số hóa hồ sơ còn chậm.",
    "KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
    `Tổng cộng: ${total} nhiệm vụ; chưa triển khai: ${total - 3}; đang thực hiện: 0; hoàn thành đúng hạn: 1; hoàn thành chậm: 1; không thực hiện, điều chỉnh: 1`,
    "SỐ LIỆU CẢI CÁCH HÀNH CHÍNH",
  ];
}

/** Waits until every row of the list is in the page (a long list is drawn a batch at a time). */
const listDrawn = (page) => page.waitForSelector("[data-testid=progress-list][aria-busy=false]", { timeout: 10_000 });

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
    await listDrawn(page);
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
    await listDrawn(page);
    assert.equal(await tasks.count(), attention);
    for (const task of await tasks.all()) assert.match(await task.getAttribute("data-class"), /^(overdue|due)$/);
    await page.locator("[data-testid=filter-all]").tap();
    await listDrawn(page);
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

    // Printed: the PDF, read back with pdftotext, says it all; Phụ lục I is landscape.
    await page.locator("[data-testid=report-print]").tap();
    await page.waitForSelector("[data-testid=print-document]");
    const pdf = await printToPdf(page, "report-q1-tinh-minh");
    const sizes = pageSizes(pdf);
    assert.ok(sizes.some(([w, h]) => w > h), "Phụ lục I is on a landscape page");
    assert.ok(sizes.some(([w, h]) => w < h), "the report itself is portrait");
    const printed = normalise(sizes.map((_, index) => pageText(pdf, index + 1)).join(" "));
    for (const words of expectedReport(total)) assert.ok(printed.includes(normalise(words)), `the PDF says «${words}»`);
    assert.ok(printed.includes("1.250") && printed.includes("98,5"), "the figures are printed");

    // Word, opened by LibreOffice; the workbook's Phụ lục I and figures.
    const docx = await save(page, "save-docx", "report-q1.docx");
    assert.match(docx.suggested, /^Bao-cao-CCHC-quy-I-2024-UBND-xa-Tinh-Minh-\d{4}-\d{2}-\d{2}\.docx$/);
    const fromWord = normalise(readFileSync(convert(docx.path, "txt"), "utf8"));
    for (const words of expectedReport(total)) assert.ok(fromWord.includes(normalise(words)), `the Word file says «${words}»`);
    const xlsx = await save(page, "save-xlsx", "report-q1.xlsx");
    assert.match(xlsx.suggested, /\.xlsx$/);
    const cells = normalise(readFileSync(convert(xlsx.path, "csv:Text - txt - csv (StarCalc):44,34,76"), "utf8"));
    assert.ok(cells.includes("05/QĐ-UBND"), "the evidence is in the workbook");
    assert.ok(cells.includes(`Tổng cộng: ${total} nhiệm vụ`), "the totals row is in the workbook");
    assert.equal(await page.locator("[data-testid=docx-error]").count(), 0);
    // Back where it was left: the quarter I report.
    await page.locator("[data-testid=print-back]").tap();
    await page.waitForSelector("[data-testid=report-form]");
    assert.equal(await page.getAttribute("[data-testid=period-q1]", "aria-selected"), "true");

    // The report as a file, imported into a fresh profile (the province's, or a new tablet).
    const file = await save(page, "report-export", "report-q1.json");
    assert.match(file.suggested, /^Bao-cao-CCHC-quy-I-2024-UBND-xa-Tinh-Minh-\d{4}-\d{2}-\d{2}\.json$/);
    const sent = JSON.parse(readFileSync(file.path, "utf8"));
    assert.equal(sent.scope, "report");
    assert.deepEqual(app.errors, []);
    await app.close();

    const other = await openApp({ viewport: { width: WIDTH, height: HEIGHT }, touch: true });
    try {
      const page = other.page;
      await page.goto(other.url);
      await page.waitForSelector("[data-testid=no-plans]");
      await importFile(page, file.path);
      assert.match(await page.textContent("[data-testid=import-report-row]"), /Báo cáo kết quả thực hiện công tác cải cách hành chính quý I năm 2024/);
      assert.match(await page.textContent("[data-testid=import-report-effect]"), /chưa có trên máy/);
      await page.locator("[data-testid=import-confirm]").tap();
      await page.locator("[data-testid=follow-plan]").first().tap();
      await page.waitForSelector("[data-testid=progress-summary]", { timeout: 20_000 });
      await page.locator("[data-testid=period-q1]").tap();
      const tasks = page.locator("[data-testid=progress-task]");
      assert.equal(await tasks.nth(0).getAttribute("data-class"), "done");
      assert.equal(await tasks.nth(2).getAttribute("data-class"), "dropped");
      await page.locator("[data-testid=tab-report]").tap();
      await page.waitForSelector("[data-testid=report-closed]");
      assert.equal(await page.inputValue("[data-testid=report-assessment]"), "Tồn tại, hạn chế: việc số hóa hồ sơ còn chậm.");
      assert.equal(await page.inputValue("[data-testid=figure-2]"), "1.250");

      // A report file from a newer app, and one whose data period is outside its plan's year:
      // each refused in words, nothing stored changes.
      const before = await dumpDatabase(page);
      for (const [name, change, message] of [
        ["newer", (f) => ({ ...f, format_version: 99 }), /phiên bản mới hơn/],
        ["other-year", (f) => { const g = structuredClone(f); g.payload.reports[0].data_period.cut_off = "2031-03-14"; return g; }, /không thuộc năm 2024 của kế hoạch/],
      ]) {
        const path = join(FOLDER, `hostile-${name}.json`);
        writeFileSync(path, JSON.stringify(change(sent)));
        await importFile(page, path);
        const error = page.locator("[data-testid=import-error]");
        assert.equal(await error.count(), 1, `${name} is refused`);
        assert.match(await error.textContent(), message);
        await page.locator("[data-testid=import-cancel], [data-testid=import-close]").first().tap();
        assert.equal(await dumpDatabase(page), before, `${name} changed nothing stored`);
      }
      assert.deepEqual(other.errors, []);
    } finally {
      await other.close();
    }
  } finally {
    await app.close().catch(() => {});
  }
});

test("next year's plan starts from this year's tasks not done at the year's cut-off", async () => {
  const app = await openApp({ viewport: { width: WIDTH, height: HEIGHT }, touch: true });
  try {
    const { page } = app;
    await page.goto(app.url);
    await seedPlan(page, PLAN);
    // A plan being followed opens from its card, without its editor.
    await page.locator("[data-testid=follow-plan]").first().tap();
    await page.waitForSelector("[data-testid=progress-summary]", { timeout: 20_000 });
    await page.locator("[data-testid=period-year]").tap();
    await listDrawn(page);
    const total = tasksInPlan(PLAN);
    const tasks = page.locator("[data-testid=progress-task]");
    const first = tasks.nth(0);
    const firstContent = await first.locator(".progress-task-content").textContent();
    await first.locator("[data-testid=progress-status]").selectOption({ label: "Hoàn thành đúng hạn" });
    await tasks.nth(1).locator("[data-testid=progress-status]").selectOption({ label: "Không thực hiện, điều chỉnh" });
    await tasks.nth(2).locator("[data-testid=progress-status]").selectOption({ label: "Đang thực hiện" });
    await eventually(async () =>
      assert.match(await page.textContent("[data-testid=next-year-from-undone]"), new RegExp(`^${total - 2} nhiệm vụ chưa hoàn thành`)),
    );
    await page.waitForFunction(SAVED, null, { timeout: 5_000 });
    await page.locator("[data-testid=next-year-undone]").tap();
    await page.waitForSelector("[data-testid=field-title]", { timeout: 20_000 });
    assert.match(await page.inputValue("[data-testid=field-title]"), /2025/);
    // The new plan, followed in its turn, holds the tasks left: the one under way among them.
    await page.locator("[data-testid=open-progress]").tap();
    await page.waitForSelector("[data-testid=progress-summary]", { timeout: 20_000 });
    await listDrawn(page);
    assert.equal(await chipCount(page, "all"), total - 2);
    const contents = await page.locator("[data-testid=progress-task] .progress-task-content").allTextContents();
    assert.ok(!contents.some((text) => text.endsWith(firstContent.replace(/^\S+ \S+ /, ""))), "the task done is not carried");
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});
