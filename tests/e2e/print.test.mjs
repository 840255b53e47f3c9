// The print view: a sample plan stored in IndexedDB is opened from the editor with "In / Lưu
// PDF", printed to PDF by Chromium, and the PDF is checked with poppler-utils: page sizes,
// fonts, page numbers, the date line, and every task and budget in the text layer.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { OUTPUT, ROOT, seedPlan, withApp } from "./harness.mjs";
import { normalise, pageSizes, pageText, printToPdf, run } from "./pdf.mjs";

const FIXTURES = join(ROOT, "tests/fixtures/plans");
// Keep the PDFs and PNGs of earlier runs from being mistaken for this run's.
rmSync(join(OUTPUT, "print"), { recursive: true, force: true });

/** Opens the plan's print view the way a person does: plan list → editor → "In / Lưu PDF". */
async function openPrintView(page) {
  await page.click("[data-testid=open-plan]");
  await page.waitForSelector("[data-testid=open-print]");
  await page.click("[data-testid=open-print]");
  await page.waitForSelector("[data-testid=print-document]");
}

/** The first words of a text: enough to be sure it is printed, short enough to stay on a page. */
const prefix = (text, words = 7) => normalise(text).split(" ").slice(0, words).join(" ");

/** Every task of a fixture: the body's and the appendix tables' own rows. */
function tasksOf(plan) {
  const tasks = [];
  for (const area of plan.areas ?? []) {
    tasks.push(...(area.tasks ?? []));
    for (const sub of area.sub_areas ?? []) tasks.push(...(sub.tasks ?? []));
  }
  for (const table of plan.appendices ?? []) {
    for (const group of table.rows?.groups ?? []) {
      tasks.push(...(group.tasks ?? []));
      for (const sub of group.sub_groups ?? []) tasks.push(...(sub.tasks ?? []));
    }
  }
  return tasks;
}

/** Budgets as the cells print them: amounts in Vietnamese notation, or the note. */
function budgetText(budget) {
  if (!budget) return null;
  if (budget.note) return budget.note;
  const [whole, fraction] = String(budget.million_vnd).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return fraction ? `${grouped},${fraction}` : grouped;
}

/** Renders pages to PNG at 50 dpi under test-output/print/, for looking at. */
function pagesToPng(pdf, name) {
  const stem = join(OUTPUT, "print", name);
  run("pdftoppm", ["-r", "50", "-png", pdf, stem]);
}

/**
 * Each section (the decision, the plan, each appendix: `sections` of them) numbers its own pages:
 * its first page carries no number, the next ones 2, 3, … in the top margin.
 */
function checkPageNumbers(pdf, count, sections) {
  const numbers = [];
  for (let page = 1; page <= count; page += 1) {
    const first = pageText(pdf, page)
      .split("\n")
      .map((line) => line.trim())
      .find(Boolean);
    numbers.push(/^\d+$/.test(first) ? Number(first) : null);
  }
  assert.equal(numbers[0], null, "page 1 carries no number");
  const expected = [];
  let next = null;
  for (const number of numbers) {
    // A page without a number starts a section; the pages after it count on from 2.
    expected.push(number === null ? null : next);
    next = number === null ? 2 : next + 1;
  }
  assert.deepEqual(numbers, expected, "each section's pages are numbered from 2 after its first");
  assert.equal(numbers.filter((number) => number === null).length, sections, "a first page per section");
}

/** Every named font is a serif of the CSS stack: no letter fell back to a sans. Skia writes some
 * accented bold letters as unnamed Type 3 glyphs of the same font; those are let through. */
function checkSerifFonts(pdf) {
  const fonts = run("pdffonts", [pdf])
    .split("\n")
    .slice(2)
    .filter(Boolean)
    .map((line) => line.split(/\s+/)[0])
    .filter((name) => name !== "[none]");
  assert.ok(fonts.length > 0, "the PDF embeds its fonts");
  for (const font of fonts) {
    assert.match(font, /TimesNewRoman|LiberationSerif|Tinos|NotoSerif/, `${font} is a serif of the stack`);
  }
}

test("Sơn Châu prints on A4 with a landscape appendix, page numbers, its date and every task", async () => {
  const plan = JSON.parse(readFileSync(join(FIXTURES, "son-chau-commune-2022.json"), "utf8"));
  await withApp(async (app) => {
    const page = app.page;
    await seedPlan(page, plan);
    await openPrintView(page);
    assert.equal(
      await page.textContent("[data-testid=print-date]"),
      "Sơn Châu, ngày 08 tháng 01 năm 2022",
    );
    // The screen: the first sheet under the bar, as a person sees it before printing.
    mkdirSync(join(OUTPUT, "screenshots"), { recursive: true });
    await page.screenshot({ path: join(OUTPUT, "screenshots", "print-son-chau-1280x800.png") });
    const pdf = await printToPdf(page, "son-chau");
    const sizes = pageSizes(pdf);
    const portrait = sizes.filter(([w, h]) => w === 595 && h === 842).length;
    const landscape = sizes.filter(([w, h]) => w === 842 && h === 595).length;
    assert.equal(portrait + landscape, sizes.length, `only A4 pages: ${JSON.stringify(sizes)}`);
    assert.ok(portrait >= 4 && landscape >= 2, `${portrait} portrait, ${landscape} landscape`);
    // Portrait plan first, then the landscape appendix.
    assert.deepEqual(sizes[0], [595, 842]);
    assert.deepEqual(sizes.at(-1), [842, 595]);
    checkPageNumbers(pdf, sizes.length, await page.locator("[data-testid=print-sheet]").count());
    checkSerifFonts(pdf);

    const pages = sizes.map((_, index) => normalise(pageText(pdf, index + 1)));
    const all = pages.join(" ");
    assert.ok(pages[0].includes("Sơn Châu, ngày 08 tháng 01 năm 2022"));
    assert.ok(pages[0].includes("Số: 06/KH-UBND"));
    assert.ok(pages[0].includes("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    for (const task of tasksOf(plan)) {
      assert.ok(all.includes(prefix(task.content)), `task «${prefix(task.content)}» is printed`);
    }
    const appendix = pages.slice(portrait).join(" ");
    const budgets = tasksOf(plan).map((task) => budgetText(task.budget)).filter(Boolean);
    assert.deepEqual(budgets, ["10", "150", "Theo dự trù kinh phí riêng", "40"]);
    for (const budget of budgets) {
      assert.match(appendix, new RegExp(`(^| )${budget}( |$)`), `budget ${budget} is printed`);
    }
    assert.match(appendix, /Tổng cộng 200/);
    assert.ok(all.includes("TM. ỦY BAN NHÂN DÂN"));
    assert.ok(all.includes("Hồ Phạm Tuấn"));
    pagesToPng(pdf, "son-chau");
    assert.deepEqual(app.errors, []);
  });
});

test("Hoàng Hóa prints its decision, the plan and seven landscape appendices", async () => {
  const plan = JSON.parse(readFileSync(join(FIXTURES, "hoang-hoa-district-2023.json"), "utf8"));
  await withApp(async (app) => {
    const page = app.page;
    await seedPlan(page, plan);
    await openPrintView(page);
    assert.equal(await page.locator("[data-testid=print-sheet]").count(), 9);
    const pdf = await printToPdf(page, "hoang-hoa");
    const sizes = pageSizes(pdf);
    const firstLandscape = sizes.findIndex(([w]) => w === 842);
    assert.ok(firstLandscape > 2, `portrait decision and plan first: ${JSON.stringify(sizes)}`);
    assert.ok(
      sizes.slice(0, firstLandscape).every(([w, h]) => w === 595 && h === 842),
      "decision and plan on portrait A4",
    );
    assert.ok(
      sizes.slice(firstLandscape).every(([w, h]) => w === 842 && h === 595),
      "appendices on landscape A4",
    );
    checkPageNumbers(pdf, sizes.length, 9);
    checkSerifFonts(pdf);
    const pages = sizes.map((_, index) => normalise(pageText(pdf, index + 1)));
    // A draft: the day is left blank for the signer to write.
    assert.match(pages[0], /Hoàng Hoá, ngày\s+tháng 12 năm 2022/);
    assert.ok(pages[0].includes("QUYẾT ĐỊNH"));
    const all = pages.join(" ");
    for (const task of tasksOf(plan)) {
      assert.ok(all.includes(prefix(task.content)), `task «${prefix(task.content)}» is printed`);
    }
    const appendices = pages.slice(firstLandscape).join(" ");
    for (let number = 1; number <= 7; number += 1) {
      assert.ok(appendices.includes(`Phụ lục số 0${number}`), `appendix ${number}`);
    }
    pagesToPng(pdf, "hoang-hoa");
    assert.deepEqual(app.errors, []);
  });
});

test("the print view goes back to the editor of the same plan", async () => {
  const plan = JSON.parse(readFileSync(join(FIXTURES, "son-chau-commune-2022.json"), "utf8"));
  await withApp(async (app) => {
    const page = app.page;
    await seedPlan(page, plan);
    await openPrintView(page);
    await page.click("[data-testid=print-back]");
    await page.waitForSelector("[data-testid=field-title]");
    assert.equal(
      await page.locator("[data-testid=field-title]").inputValue(),
      "Thực hiện công tác cải cách hành chính năm 2022",
    );
    assert.deepEqual(app.errors, []);
  });
});

test("the print view saves the plan as a Word file that unzips and reads back", async () => {
  const plan = JSON.parse(readFileSync(join(FIXTURES, "son-chau-commune-2022.json"), "utf8"));
  await withApp(async (app) => {
    const page = app.page;
    await seedPlan(page, plan);
    await openPrintView(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("[data-testid=save-docx]"),
    ]);
    assert.match(download.suggestedFilename(), /^Ke-hoach-CCHC-2022-UBND-xa-Son-Chau-\d{4}-\d{2}-\d{2}\.docx$/);
    const folder = join(OUTPUT, "print");
    mkdirSync(folder, { recursive: true });
    const path = join(folder, "son-chau.docx");
    await download.saveAs(path);
    assert.match(run("unzip", ["-t", path]), /No errors detected/);
    const xml = run("unzip", ["-p", path, "word/document.xml"]);
    assert.ok(xml.includes("Sơn Châu, ngày 08 tháng 01 năm 2022"));
    assert.ok(xml.includes('w:orient="landscape"'));
    assert.ok(xml.includes("<w:tblHeader/>"));
    for (const task of tasksOf(plan)) {
      const escaped = task.content.trim().replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
      assert.ok(xml.includes(escaped), `task «${prefix(task.content)}» is in the Word file`);
    }
    assert.equal(await page.locator("[data-testid=docx-error]").count(), 0);
    assert.deepEqual(app.errors, []);
  });
});

test("the appendix tables save as a workbook and as CSV with their numbers and total", async () => {
  const plan = JSON.parse(readFileSync(join(FIXTURES, "son-chau-commune-2022.json"), "utf8"));
  await withApp(async (app) => {
    const page = app.page;
    await seedPlan(page, plan);
    await openPrintView(page);
    const folder = join(OUTPUT, "print");
    mkdirSync(folder, { recursive: true });
    const save = async (testid, name) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click(`[data-testid=${testid}]`)]);
      const path = join(folder, name);
      await download.saveAs(path);
      return { path, suggested: download.suggestedFilename() };
    };
    const xlsx = await save("save-xlsx", "son-chau.xlsx");
    assert.match(xlsx.suggested, /^Ke-hoach-CCHC-2022-UBND-xa-Son-Chau-\d{4}-\d{2}-\d{2}\.xlsx$/);
    assert.match(run("unzip", ["-t", xlsx.path]), /No errors detected/);
    const sheet = run("unzip", ["-p", xlsx.path, "xl/worksheets/sheet1.xml"]);
    // Row 34 and the total of 200 (million VND) are numbers, not text.
    assert.match(sheet, /<c r="A\d+" s="\d+"><v>34<\/v><\/c>/);
    assert.match(sheet, /<c r="G\d+" s="\d+"><v>200<\/v><\/c>/);
    const csv = await save("save-csv", "son-chau.csv");
    assert.match(csv.suggested, /^Ke-hoach-CCHC-2022-UBND-xa-Son-Chau-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync(csv.path, "utf8");
    assert.ok(text.startsWith("\uFEFF"), "a byte-order mark for Excel");
    assert.ok(text.split("\r\n").some((line) => line.endsWith(",200")), "the total row");
    assert.equal(await page.locator("[data-testid=docx-error]").count(), 0);
    assert.deepEqual(app.errors, []);
  });
});

test("an edit typed just before opening the print view is printed", async () => {
  const plan = JSON.parse(readFileSync(join(FIXTURES, "son-chau-commune-2022.json"), "utf8"));
  await withApp(async (app) => {
    const page = app.page;
    await seedPlan(page, plan);
    await page.click("[data-testid=open-plan]");
    await page.locator("[data-testid=field-title]").fill("Cải cách hành chính năm 2022 xã Sơn Châu");
    // No wait for the autosave timer: the print view must still show what was typed.
    await page.click("[data-testid=open-print]");
    await page.waitForSelector("[data-testid=print-document]");
    assert.equal(
      await page.locator(".doc-subject").first().textContent(),
      "Cải cách hành chính năm 2022 xã Sơn Châu",
    );
    assert.deepEqual(app.errors, []);
  });
});

test("an edit typed while a save is under way is printed too", async () => {
  const plan = JSON.parse(readFileSync(join(FIXTURES, "son-chau-commune-2022.json"), "utf8"));
  await withApp(async (app) => {
    const page = app.page;
    await seedPlan(page, plan);
    await page.click("[data-testid=open-plan]");
    const title = page.locator("[data-testid=field-title]");
    await title.fill("Bản nháp thứ nhất");
    // Let the autosave timer start its save, then type again and print at once.
    await page.waitForFunction(
      () => document.querySelector("[data-testid=save-status]")?.textContent === "Đang lưu…",
      null,
      { polling: 5, timeout: 3_000 },
    );
    await title.fill("Bản cuối cùng");
    await page.click("[data-testid=open-print]");
    await page.waitForSelector("[data-testid=print-document]");
    assert.equal(await page.locator(".doc-subject").first().textContent(), "Bản cuối cùng");
    assert.deepEqual(app.errors, []);
  });
});

for (const [name, dateLine] of [
  ["son-tay-district-2023", "Sơn Tây, ngày 23 tháng 12 năm 2022"],
  ["tinh-minh-commune-2024", "Tĩnh Minh, ngày 26 tháng 12 năm 2023"],
]) {
  test(`${name} prints its decision and plan on portrait A4 with every task`, async () => {
    const plan = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), "utf8"));
    await withApp(async (app) => {
      const page = app.page;
      await seedPlan(page, plan);
      await openPrintView(page);
      const pdf = await printToPdf(page, name);
      const sizes = pageSizes(pdf);
      assert.ok(sizes.length >= 4, `${sizes.length} pages`);
      assert.ok(sizes.every(([w, h]) => w === 595 && h === 842), "every page portrait A4");
      checkPageNumbers(pdf, sizes.length, await page.locator("[data-testid=print-sheet]").count());
      checkSerifFonts(pdf);
      const pages = sizes.map((_, index) => normalise(pageText(pdf, index + 1)));
      assert.ok(pages[0].includes(dateLine), `date line «${dateLine}» on page 1`);
      assert.ok(pages[0].includes("QUYẾT ĐỊNH"));
      const all = pages.join(" ");
      for (const task of tasksOf(plan)) {
        assert.ok(all.includes(prefix(task.content)), `task «${prefix(task.content)}» is printed`);
      }
      pagesToPng(pdf, name);
      assert.deepEqual(app.errors, []);
    });
  });
}
