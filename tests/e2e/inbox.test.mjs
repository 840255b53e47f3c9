// The province's inbox (issue #22) on a laptop: 150 generated commune files taken in at once —
// plans, plans sent again, quarter I reports, a duplicate, a damaged file and one from a newer
// app — each counted where it belongs; the senders matched against a pasted list written in
// other spellings; a resubmission compared; the round's workbook saved and read back by
// LibreOffice; a received plan printed read only and copied into one's own plans; and nothing of
// the inbox among the plans written here, or the reverse.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { OUTPUT, ROOT, axeViolations, dumpDatabase, openApp, seedPlan } from "./harness.mjs";
import { run } from "./pdf.mjs";

const FOLDER = join(OUTPUT, "inbox");
const FILES = join(FOLDER, "files");
const PLAN = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/plans/tinh-minh-commune-2024.json"), "utf8"));

/** Writes the generated communes' files (examples/commune_files.rs) and returns their paths. */
function communeFiles(communes) {
  rmSync(FILES, { recursive: true, force: true });
  execFileSync("cargo", ["run", "--quiet", "--example", "commune_files", String(communes), "100", FILES, "--odd"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
  return readdirSync(FILES)
    .sort()
    .map((name) => join(FILES, name));
}

/** Tasks of a plan's body, sub-areas' with their area, as the round's table counts them. */
const bodyTasks = (plan) =>
  plan.areas.reduce((sum, area) => sum + (area.tasks?.length ?? 0) + (area.sub_areas ?? []).reduce((s, sub) => s + (sub.tasks?.length ?? 0), 0), 0);

/** «UBND xã Tịnh Minh» written as a province's list might: in full, or without accents. */
function otherSpelling(name, at) {
  const full = name.replace(/^UBND /, "Ủy ban nhân dân ");
  return at % 2 ? full : full.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
}

test("150 commune files taken in at once are filed, checked, compared and consolidated, apart from one's own plans", async () => {
  const paths = communeFiles(103);
  const names = paths.map((path) => path.split("/").pop());
  const kinds = {
    duplicate: names.filter((n) => n.includes(" (1)")).length,
    refused: names.filter((n) => n.includes("-hong") || n.includes("-phien-ban-moi")).length,
  };
  const readable = paths.filter((path, at) => !/ \(1\)|-hong|-phien-ban-moi/.test(names[at])).map((path) => JSON.parse(readFileSync(path, "utf8")));
  const plans = readable.filter((file) => file.scope === "plan").map((file) => file.payload.plans[0]);
  const reports = readable.filter((file) => file.scope === "report");
  const senders = [...new Set(plans.map((plan) => plan.issuing_body))];
  const resent = plans.length - senders.length;
  assert.equal(paths.length, 150);
  assert.ok(resent > 0 && reports.length > 0 && kinds.duplicate === 1 && kinds.refused === 2);

  const app = await openApp({ viewport: { width: 1280, height: 800 } });
  try {
    const { page } = app;
    await page.goto(app.url);
    await seedPlan(page, PLAN);
    const own = JSON.parse(await dumpDatabase(page));
    await page.locator("[data-testid=open-inbox]").click();
    await page.waitForSelector("[data-testid=inbox-empty]");
    await page.setInputFiles("[data-testid=inbox-files]", paths);
    const summary = page.locator("[data-testid=inbox-summary]");
    await summary.waitFor({ timeout: 120_000 });
    assert.match(
      await summary.locator("p").first().textContent(),
      new RegExp(`^Đã đọc 150 tệp: lưu ${plans.length} kế hoạch và ${reports.length} báo cáo; 1 tệp trùng với hồ sơ đã nhận, không lưu lại; 2 tệp bị từ chối\\.$`),
    );
    assert.match(await summary.textContent(), /-hong\.json.*Tệp bị cắt cụt hoặc hỏng/s);
    assert.match(await summary.textContent(), /-phien-ban-moi\.json.*phiên bản mới hơn/s);

    // The plans' round, against a pasted list that spells every commune otherwise and names two
    // that sent nothing.
    const counts = page.locator("[data-testid=inbox-counts]");
    assert.equal(
      await counts.textContent(),
      `Đã nhận: ${senders.length} · Chưa gửi: 0 · Gửi lại: ${resent} · Bị từ chối: 0 · Ngoài danh sách: ${senders.length}`,
    );
    await page.locator("[data-testid=inbox-expected] summary").click();
    const pasted = [...senders.map(otherSpelling), "UBND xã Chưa Gửi Một", "UBND phường Chưa Gửi Hai"].map((name, at) => `${at + 1}.\t${name}`).join("\n");
    await page.fill("[data-testid=inbox-expected-list]", pasted);
    await page.locator("[data-testid=inbox-expected-list]").blur();
    await page.waitForFunction(
      (text) => document.querySelector("[data-testid=inbox-counts]")?.textContent === text,
      `Phải gửi: ${senders.length + 2} · Đã nhận: ${senders.length} · Chưa gửi: 2 · Gửi lại: ${resent} · Bị từ chối: 0 · Ngoài danh sách: 0`,
      { timeout: 5_000 },
    );
    const rows = page.locator("[data-testid=inbox-sender]");
    assert.equal(await rows.count(), senders.length + 2);
    assert.equal(await rows.first().getAttribute("data-standing"), "missing");
    const someone = senders[8];
    await page.fill("[data-testid=inbox-search]", someone.split(" ").slice(-2).join(" ").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase());
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=inbox-sender]").length === 1);
    // Shown as the list writes it, and as expected.
    assert.equal(await rows.first().locator("th").textContent(), otherSpelling(someone, 8));
    assert.equal(await rows.first().locator("td").first().textContent(), "Đã nhận");
    await page.screenshot({ path: join(FOLDER, "inbox-senders-1280x800.png"), fullPage: false });

    // A resubmission, compared with the version before it.
    await page.locator("[data-testid=inbox-tab-files]").click();
    const resentRow = page.locator("[data-testid=inbox-file][data-resent=true]").first();
    await resentRow.waitFor();
    await page.waitForFunction(() => ![...document.querySelectorAll("[data-testid=inbox-file-state]")].some((s) => s.textContent === "Đang kiểm tra…"), null, { timeout: 60_000 });
    assert.equal(await page.locator("[data-testid=inbox-file][data-resent=true]").count(), resent);
    await resentRow.locator("[data-testid=inbox-file-open]").click();
    const changes = resentRow.locator("[data-testid=inbox-changes]");
    await changes.waitFor();
    assert.match(await changes.textContent(), /So với bản gửi trước/);
    assert.ok((await changes.locator("li").count()) > 0, "the resubmission's changes are listed");
    assert.deepEqual(await axeViolations(page), []);

    // The round's table and its workbook, read back by LibreOffice.
    await page.locator("[data-testid=inbox-tab-consolidated]").click();
    await page.waitForSelector("[data-testid=inbox-consolidated]", { timeout: 60_000 });
    assert.equal(await page.locator("[data-testid=inbox-commune-row]").count(), senders.length);
    const latest = new Map(plans.map((plan) => [plan.issuing_body, plan]));
    const total = [...latest.values()].reduce((sum, plan) => sum + bodyTasks(plan), 0);
    const totalRow = await page.locator("[data-testid=inbox-total-row] td").allTextContents();
    assert.equal(Number(totalRow[totalRow.length - 3]), total);
    mkdirSync(FOLDER, { recursive: true });
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("[data-testid=inbox-save-xlsx]").click()]);
    const xlsx = join(FOLDER, download.suggestedFilename());
    await download.saveAs(xlsx);
    const out = join(FOLDER, "csv");
    rmSync(out, { recursive: true, force: true });
    run("libreoffice", [`-env:UserInstallation=file://${join(FOLDER, "profile")}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", out, xlsx]);
    const csv = readFileSync(join(out, readdirSync(out)[0]), "utf8");
    const totalLine = csv.split("\n").find((line) => line.includes("Tổng cộng"));
    // LibreOffice writes the cells as shown: «10,300».
    const cells = [...(totalLine ?? "").matchAll(/"([^"]*)"|([^,]+)/g)].map((m) => (m[1] ?? m[2]).replace(/,/g, ""));
    assert.ok(cells.includes(String(total)), `the workbook's total row has ${total} tasks: ${totalLine}`);

    // The reports' round.
    const reportRound = await page.locator("[data-testid=inbox-round] option", { hasText: "Báo cáo quý I" }).getAttribute("value");
    await page.selectOption("[data-testid=inbox-round]", reportRound);
    await page.waitForSelector("[data-testid=inbox-report-table]", { timeout: 60_000 });
    assert.equal(await page.locator("[data-testid=inbox-report-row]").count(), reports.length);

    // A received plan, printed read only, then copied into one's own plans.
    await page.selectOption("[data-testid=inbox-round]", await page.locator("[data-testid=inbox-round] option").first().getAttribute("value"));
    await page.locator("[data-testid=inbox-tab-files]").click();
    const first = page.locator("[data-testid=inbox-file]").last();
    await first.locator("[data-testid=inbox-file-print]").click();
    await page.waitForSelector(".sheet", { timeout: 20_000 });
    const printed = await page.textContent(".print-document");
    assert.ok(printed.includes(plans[0].title), `the print view shows «${plans[0].title}»`);
    await page.locator("[data-testid=print-back]").click();
    await page.waitForSelector("[data-testid=inbox-round]");

    // Files dropped on the inbox come into it, and do not open the plan import as well.
    const dropped = readFileSync(join(ROOT, "tests/fixtures/format-v2/son-chau-commune-2022-bao-cao-9-thang.json"), "utf8");
    await page.locator("section.inbox").evaluate((section, text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], "son-chau-bao-cao-9-thang.json", { type: "application/json" }));
      section.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
      section.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    }, dropped);
    await page.waitForFunction(() => /^Đã đọc 1 tệp: lưu 0 kế hoạch và 1 báo cáo\.$/.test(document.querySelector("[data-testid=inbox-summary] p")?.textContent ?? ""), null, { timeout: 20_000 });
    assert.equal(await page.locator("[data-testid=import-dialog]").count(), 0, "the plan import stays closed");

    // Nothing of the inbox is among the plans written here; a reload keeps the inbox.
    const stored = JSON.parse(await dumpDatabase(page));
    assert.deepEqual(stored.plans, own.plans);
    assert.deepEqual(stored.plan_texts, own.plan_texts);
    assert.equal(stored.inbox.keys.length, plans.length + reports.length + kinds.refused + 1);
    await page.reload();
    await page.locator("[data-testid=open-inbox]").click();
    await page.waitForSelector("[data-testid=inbox-round]");
    await page.locator("[data-testid=inbox-tab-files]").click();
    await page.locator("[data-testid=inbox-file]").last().locator("[data-testid=inbox-file-copy]").waitFor({ timeout: 60_000 });
    await page.locator("[data-testid=inbox-file]").last().locator("[data-testid=inbox-file-copy]").click();
    await page.waitForSelector("text=Đã chép vào «Kế hoạch trên máy này».");
    await page.locator("[data-testid=inbox-back]").click();
    await page.waitForSelector(".plan-card");
    assert.equal(await page.locator(".plan-card").count(), 2);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});
