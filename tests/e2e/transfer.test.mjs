// Export and import: a plan leaves as a file and comes back identical in another browser; bad
// files change nothing; script payloads stay text; replace, keep both and skip do what they
// say; and a full disk or a lost database leads back to the last exported file.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import {
  ROOT,
  createPlan,
  dumpDatabase,
  failWrites,
  importFile,
  openApp,
  screenshot,
  waitSaved,
  withApp,
} from "./harness.mjs";

const HOSTILE = join(ROOT, "tests/fixtures/hostile");
const FORMAT_V1 = join(ROOT, "tests/fixtures/format-v1");

function scratch() {
  return mkdtempSync(join(tmpdir(), "kehoach-transfer-"));
}

/** Types into the header form of the open editor and waits for the save. */
async function fillPlan(page, fields) {
  for (const [name, value] of Object.entries(fields)) {
    await page.locator(`[data-testid=field-${name}]`).fill(String(value));
  }
  await waitSaved(page);
}

async function backToList(page) {
  await page.click("[data-testid=back-to-list]");
  await page.waitForSelector("[data-testid=plan-list]");
}

/** Clicks `selector` and saves the download it starts into `folder`; returns path and name. */
async function download(page, selector, folder) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  const name = file.suggestedFilename();
  const path = join(folder, name);
  await file.saveAs(path);
  return { path, name };
}

/** Waits until `selector` matches `count` elements: the list reloads after the store. */
async function waitCount(page, selector, count) {
  await page.waitForFunction(
    ({ selector, count }) => document.querySelectorAll(selector).length === count,
    { selector, count },
  );
}

async function confirmImport(page) {
  await page.click("[data-testid=import-confirm]");
  await page.waitForSelector("[data-testid=import-dialog]", { state: "detached" });
  await page.waitForSelector("[data-testid=transfer-notice]");
}

/** The plans of an exported file, the part that must survive a round trip. */
function plansOf(path) {
  return JSON.parse(readFileSync(path, "utf8")).payload.plans;
}

test("a plan exported in one browser imports identical in a fresh one", async () => {
  const folder = scratch();
  const first = await openApp();
  const second = await openApp();
  try {
    let page = first.page;
    await page.goto(first.url);
    await createPlan(page);
    await fillPlan(page, {
      "issuing-body": "ỦY BAN NHÂN DÂN XÃ SƠN CHÂU",
      number: "06",
      symbol: "KH-UBND",
      place: "Sơn Châu",
      year: 2025,
      title: "Cải cách hành chính năm 2025 xã Sơn Châu",
    });
    await backToList(page);
    assert.equal(await page.textContent("[data-testid=last-exported]"), "Chưa xuất tệp lần nào");
    assert.match(await page.textContent("[data-testid=backup-reminder]"), /1 kế hoạch chưa xuất tệp lần nào/);
    const exported = await download(page, "[data-testid=export-plan]", folder);
    assert.match(exported.name, /^Ke-hoach-CCHC-2025-UBND-xa-Son-Chau-\d{4}-\d{2}-\d{2}\.json$/);
    // Exporting is remembered, and the reminder has nothing left to ask for.
    await page.waitForSelector("[data-testid=backup-reminder]", { state: "detached" });
    await page.waitForFunction(() =>
      document.querySelector("[data-testid=last-exported]")?.textContent.startsWith("Xuất tệp lần cuối"),
    );
    assert.match(await page.textContent("[data-testid=last-exported]"), /^Xuất tệp lần cuối: \d\d:\d\d \d\d\/\d\d\/\d{4}$/);
    // The card changed only that line: its export button, clicked, keeps the focus.
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "export-plan");
    assert.match(await page.textContent("[data-testid=transfer-notice]"), /Đã xuất tệp «Ke-hoach-CCHC-2025/);
    const file = JSON.parse(readFileSync(exported.path, "utf8"));
    assert.equal(file.kind, "ke-hoach-cchc");
    assert.equal(file.scope, "plan");
    assert.equal(file.exported_by, "ỦY BAN NHÂN DÂN XÃ SƠN CHÂU");
    assert.deepEqual(file.period, { from_year: 2025, to_year: 2025 });

    page = second.page;
    await page.goto(second.url);
    await page.waitForSelector("[data-testid=no-plans]");
    // The browser's own SHA-256 checks the checksum: a file changed by hand is read with a
    // warning, and the same file as exported without one (below).
    const changed = join(folder, "changed.json");
    writeFileSync(changed, readFileSync(exported.path, "utf8").replace("năm 2025 xã Sơn Châu", "năm 2025 xã Sơn Châu (sửa tay)"));
    // Chosen through «Nhập tệp…», as a person does: closing the dialog gives the button back
    // its focus.
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click("[data-testid=import-file]")]);
    await chooser.setFiles(changed);
    await page.waitForSelector("[data-testid=import-facts]");
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "import-dialog");
    assert.match(await page.textContent("[data-testid=import-report]"), /Mã kiểm tra của tệp không khớp/);
    await page.click("[data-testid=import-cancel]");
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "import-file");
    await importFile(page, exported.path);
    assert.equal(await page.textContent("[data-testid=import-exported-by]"), "ỦY BAN NHÂN DÂN XÃ SƠN CHÂU");
    assert.match(await page.textContent("[data-testid=import-plan]"), /Cải cách hành chính năm 2025 xã Sơn Châu/);
    assert.equal(await page.locator("[data-testid=import-report-clean]").count(), 1);
    await confirmImport(page);
    assert.match(await page.textContent("[data-testid=transfer-notice]"), /Đã nhập 1 kế hoạch/);
    assert.match(await page.textContent("[data-testid=plan-list]"), /Cải cách hành chính năm 2025 xã Sơn Châu/);
    const again = await download(page, "[data-testid=export-plan]", join(folder, "again-"));
    assert.deepEqual(plansOf(again.path), plansOf(exported.path));
    assert.deepEqual(first.errors, []);
    assert.deepEqual(second.errors, []);
  } finally {
    await first.close();
    await second.close();
    rmSync(folder, { recursive: true, force: true });
  }
});

test("every hostile file leaves the stored data byte for byte as it was", async () => {
  const folder = scratch();
  await withApp(async (app) => {
    const page = app.page;
    await createPlan(page);
    await fillPlan(page, { title: "Kế hoạch phải còn nguyên" });
    await backToList(page);
    await importFile(page, join(FORMAT_V1, "tinh-minh-commune-2024.json"));
    await confirmImport(page);
    const before = await dumpDatabase(page);
    assert.match(before, /Kế hoạch phải còn nguyên/);
    // A file above the 32 MB limit is refused before it is read.
    const huge = join(folder, "huge.json");
    writeFileSync(huge, Buffer.alloc(33 * 1024 * 1024, 0x20));
    const files = [...readdirSync(HOSTILE).map((name) => join(HOSTILE, name)), huge];
    const refused = [];
    for (const path of files) {
      await importFile(page, path);
      const error = page.locator("[data-testid=import-error]");
      if (await error.count()) {
        const message = await error.textContent();
        assert.match(message, /[àáảãạăâđêôơưạ-ỹ]/, `${path}: ${message}`);
        // The refusal has the focus, so a screen reader reads it.
        assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "import-dialog", path);
        refused.push([path.split("/").pop(), message]);
        await page.click("[data-testid=import-close]");
      } else {
        // Read with repairs: the preview shows the report (or that there was none) and
        // nothing is stored unless confirmed.
        const report = page.locator("[data-testid=import-report], [data-testid=import-report-clean]");
        assert.equal(await report.count(), 1, path);
        await page.click("[data-testid=import-cancel]");
      }
      await page.waitForSelector("[data-testid=import-dialog]", { state: "detached" });
      assert.equal(await dumpDatabase(page), before, `${path} changed the stored data`);
    }
    const messageOf = (name) => refused.find(([file]) => file === name)?.[1];
    assert.match(messageOf("future-version.json"), /phiên bản mới hơn/);
    assert.match(messageOf("truncated.json"), /cắt cụt hoặc hỏng/);
    assert.match(messageOf("huge.json"), /Tệp quá lớn \(33 MB\)/);
    assert.match(messageOf("not-json-png.png"), /không phải|UTF-8/);
    assert.ok(refused.length >= 10, `only ${refused.length} files refused`);
    assert.deepEqual(app.errors, []);
  });
  rmSync(folder, { recursive: true, force: true });
});

test("script payloads in a file are imported and shown as text, and nothing runs", async () => {
  const folder = scratch();
  await withApp(async (app) => {
    const page = app.page;
    const dialogs = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const payload = {
      "issuing-body": `<script>window.__pwned = "script"</script>ỦY BAN`,
      title: `<img src=x onerror="window.__pwned='img'"> javascript:window.__pwned='url'`,
      place: `"><svg onload="window.__pwned='svg'">`,
    };
    await createPlan(page);
    await fillPlan(page, payload);
    await backToList(page);
    const exported = await download(page, "[data-testid=export-plan]", folder);
    await page.click("[data-testid=delete-plan]");
    await page.waitForSelector("[data-testid=no-plans]");
    await importFile(page, exported.path);
    const plan = page.locator("[data-testid=import-plan]");
    assert.match(await plan.textContent(), /<img src=x onerror="window.__pwned='img'">/);
    await screenshot(page, "import-payload-preview-1280x800");
    await confirmImport(page);
    await importFile(page, join(HOSTILE, "script-payloads.json"));
    assert.match(await page.textContent("[data-testid=import-dialog]"), /SƠN CHÂU/);
    await confirmImport(page);
    const card = await page.textContent("[data-testid=plan-list]");
    assert.ok(card.includes(payload.title), card);
    assert.ok(card.includes(payload["issuing-body"]), card);
    // Open both plans: the editor shows the texts as values, never as markup.
    await page.locator("[data-testid=open-plan]").filter({ hasText: "<img" }).click();
    assert.equal(await page.inputValue("[data-testid=field-title]"), payload.title);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator("#app img, #app svg, #app script").count(), 0);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(app.errors, []);
  });
  rmSync(folder, { recursive: true, force: true });
});

/** The plans in the list, by title, as the database holds them. */
async function storedTitles(page) {
  const dump = JSON.parse(await dumpDatabase(page));
  return dump.plans.values.map((record) => [record.id, record.title]).sort();
}

test("keep both, replace and skip do what they say", async () => {
  const folder = scratch();
  await withApp(async (app) => {
    const page = app.page;
    await createPlan(page);
    await fillPlan(page, { title: "Bản gốc" });
    await backToList(page);
    const exported = await download(page, "[data-testid=export-plan]", folder);
    await page.click("[data-testid=open-plan]");
    await fillPlan(page, { title: "Bản sửa trên máy" });
    await backToList(page);
    const [[id]] = await storedTitles(page);

    // Escape closes the preview, which has the focus, and stores nothing.
    const before = await dumpDatabase(page);
    await importFile(page, exported.path);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "import-dialog");
    await page.keyboard.press("Escape");
    await page.waitForSelector("[data-testid=import-dialog]", { state: "detached" });
    assert.equal(await dumpDatabase(page), before);

    // Bỏ qua: nothing changes.
    await importFile(page, exported.path);
    assert.match(await page.textContent("[data-testid=import-plan]"), /Trên máy đã có kế hoạch này \(«Bản sửa trên máy»/);
    assert.ok(await page.isChecked("[data-testid=choice-keep-both]"), "keeping both is the default");
    await screenshot(page, "import-preview-1280x800");
    await page.setViewportSize({ width: 412, height: 915 });
    await screenshot(page, "import-preview-412x915");
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.check("[data-testid=choice-skip]");
    assert.equal(await page.textContent("[data-testid=import-confirm]"), "Nhập 0 kế hoạch");
    await confirmImport(page);
    assert.match(await page.textContent("[data-testid=transfer-notice]"), /Không nhập kế hoạch nào/);
    assert.equal(await dumpDatabase(page), before);

    // Giữ cả hai: the file's plan arrives under a new id beside the edited one.
    await importFile(page, exported.path);
    await confirmImport(page);
    let titles = await storedTitles(page);
    assert.equal(titles.length, 2);
    assert.deepEqual(titles.find(([key]) => key === id), [id, "Bản sửa trên máy"]);
    assert.ok(titles.some(([key, title]) => key !== id && title === "Bản gốc"));
    await waitCount(page, "[data-testid=open-plan]", 2);

    // Thay thế: the stored plan takes the file's content; its own becomes a revision.
    await importFile(page, exported.path);
    await page.check("[data-testid=choice-replace]");
    await confirmImport(page);
    titles = await storedTitles(page);
    assert.equal(titles.length, 2);
    assert.deepEqual(titles.find(([key]) => key === id), [id, "Bản gốc"]);
    const revisions = JSON.parse(await dumpDatabase(page)).revisions.values;
    assert.ok(
      revisions.some((revision) => revision.plan_id === id && revision.json.includes("Bản sửa trên máy")),
      "the replaced state is kept as a revision",
    );
    assert.deepEqual(app.errors, []);
  });
  rmSync(folder, { recursive: true, force: true });
});

test("a backup bundle restores every plan, dropped onto the page", async () => {
  const folder = scratch();
  const first = await openApp();
  const second = await openApp({ viewport: { width: 412, height: 915 } });
  try {
    let page = first.page;
    await page.goto(first.url);
    for (const title of ["Kế hoạch thứ nhất", "Kế hoạch thứ hai"]) {
      await createPlan(page);
      await fillPlan(page, { title, year: 2026 });
      await backToList(page);
    }
    const backup = await download(page, "[data-testid=backup-all]", folder);
    assert.match(backup.name, /^Sao-luu-ke-hoach-CCHC-\d{4}-\d{2}-\d{2}\.json$/);
    assert.equal(JSON.parse(readFileSync(backup.path, "utf8")).scope, "bundle");
    // The download starts before both plans are marked as exported; the list follows.
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll("[data-testid=last-exported]")].filter((e) =>
          e.textContent.startsWith("Xuất tệp lần cuối"),
        ).length === 2,
    );

    page = second.page;
    await page.goto(second.url);
    await page.waitForSelector("[data-testid=no-plans]");
    const text = readFileSync(backup.path, "utf8");
    await page.evaluate(
      ({ text, name }) => {
        const data = new DataTransfer();
        data.items.add(new File([text], name, { type: "application/json" }));
        const target = document.querySelector("[data-testid=no-plans]");
        target.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
        target.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      { text, name: backup.name },
    );
    await page.waitForSelector("[data-testid=import-facts]");
    assert.equal(await page.locator("[data-testid=import-plan]").count(), 2);
    await confirmImport(page);
    await waitCount(page, "[data-testid=open-plan]", 2);
    const again = await download(page, "[data-testid=backup-all]", join(folder, "again-"));
    const byId = (plans) => [...plans].sort((a, b) => a.id.localeCompare(b.id));
    assert.deepEqual(byId(plansOf(again.path)), byId(plansOf(backup.path)));
    assert.deepEqual(first.errors, []);
    assert.deepEqual(second.errors, []);
  } finally {
    await first.close();
    await second.close();
    rmSync(folder, { recursive: true, force: true });
  }
});

test("the list reminds to back up plans never exported or edited after an old export", async () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 412, height: 915 },
  ]) {
    const app = await openApp({ viewport });
    try {
      const page = app.page;
      await page.goto(app.url);
      for (const title of ["Kế hoạch đã xuất, sửa sau đó", "Kế hoạch chưa xuất", "Kế hoạch đã xuất, chưa sửa"]) {
        await createPlan(page);
        await fillPlan(page, { title, year: 2026 });
        await backToList(page);
      }
      // Back-date two exports by eight days; one plan was edited after its export.
      await page.evaluate(
        () =>
          new Promise((resolve, reject) => {
            const open = indexedDB.open("kehoach-cchc");
            open.onsuccess = () => {
              const db = open.result;
              const transaction = db.transaction("plans", "readwrite");
              const plans = transaction.objectStore("plans");
              const eightDaysAgo = Date.now() - 8 * 24 * 3600 * 1000;
              plans.getAll().onsuccess = (event) => {
                for (const record of event.target.result) {
                  if (record.title === "Kế hoạch đã xuất, sửa sau đó") {
                    plans.put({ ...record, exported_at: eightDaysAgo, saved_at: eightDaysAgo + 3600 * 1000 });
                  } else if (record.title === "Kế hoạch đã xuất, chưa sửa") {
                    plans.put({ ...record, exported_at: eightDaysAgo + 7200 * 1000, saved_at: eightDaysAgo });
                  }
                }
              };
              transaction.oncomplete = () => resolve(db.close());
              transaction.onerror = () => reject(transaction.error);
            };
          }),
      );
      await page.reload();
      await page.waitForSelector("[data-testid=backup-reminder]");
      const reminder = await page.textContent("[data-testid=backup-reminder]");
      assert.match(reminder, /1 kế hoạch chưa xuất tệp lần nào; 1 kế hoạch đã sửa sau lần xuất tệp cách đây hơn 7 ngày/);
      assert.equal(await page.locator(".backup-due").count(), 2);
      await screenshot(page, `plan-list-reminders-${viewport.width}x${viewport.height}`);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  }
});

test("a full disk or a lost database offers the open plan as a file and the import", async () => {
  for (const failure of ["QuotaExceededError", "DataLossError"]) {
    const folder = scratch();
    await withApp(async (app) => {
      const page = app.page;
      await createPlan(page);
      await failWrites(page, failure);
      await page.locator("[data-testid=field-title]").fill("Nội dung chưa lưu được");
      await page.waitForSelector("[data-testid=save-way-back]");
      if (failure === "DataLossError") {
        assert.match(await page.textContent("[data-testid=save-status]"), /làm mất kho dữ liệu/);
      } else {
        assert.match(await page.textContent("[data-testid=save-status]"), /Bộ nhớ của thiết bị đã đầy/);
      }
      await screenshot(page, `way-back-${failure}-1280x800`);
      const saved = await download(page, "[data-testid=download-open-plan]", folder);
      assert.equal(plansOf(saved.path)[0].title, "Nội dung chưa lưu được");
      const [chooser] = await Promise.all([
        page.waitForEvent("filechooser"),
        page.click("[data-testid=save-way-back] [data-testid=way-back-import]"),
      ]);
      // The way back completes: with room again, the saved file is imported beside the plan.
      await page.evaluate(() => window.__restoreDisk());
      await chooser.setFiles(saved.path);
      await page.waitForSelector("[data-testid=import-facts]");
      // Imported while the editor is open: the dialog says so, and the editor stays.
      await page.click("[data-testid=import-confirm]");
      assert.match(await page.textContent("[data-testid=import-done]"), /Đã nhập 1 kế hoạch/);
      await page.click("[data-testid=import-close]");
      await page.click("[data-testid=back-to-list]");
      await page.waitForSelector("[data-testid=plan-list]");
      const titles = (await storedTitles(page)).map(([, title]) => title);
      assert.ok(titles.includes("Nội dung chưa lưu được"), titles.join());
    });
    rmSync(folder, { recursive: true, force: true });
  }
});

test("a plan list that cannot be read offers the import, and a database that cannot be opened says what to do", async () => {
  await withApp(async (app) => {
    const page = app.page;
    await page.waitForSelector("[data-testid=no-plans]");
    // Reading a store whole, at once or by cursor, fails as a lost database does.
    await page.evaluate(() => {
      const lost = function () {
        throw new DOMException("The database was lost.", "DataLossError");
      };
      IDBObjectStore.prototype.getAll = lost;
      IDBObjectStore.prototype.openCursor = lost;
    });
    await createPlan(page);
    await page.click("[data-testid=back-to-list]");
    await page.waitForSelector("[data-testid=way-back]");
    assert.match(await page.textContent(".plan-list"), /làm mất kho dữ liệu/);
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.click("[data-testid=way-back] [data-testid=way-back-import]"),
    ]);
    assert.equal(chooser.isMultiple(), false);
  });
  const app = await openApp();
  try {
    await app.context.addInitScript(() => {
      IDBFactory.prototype.open = function () {
        throw new DOMException("Blocked.", "SecurityError");
      };
    });
    await app.page.goto(app.url);
    await app.page.waitForSelector("[data-testid=storage-error]");
    assert.match(await app.page.textContent("[data-testid=storage-error-way-back]"), /bấm «Nhập tệp…» ở đầu danh sách/);
  } finally {
    await app.close();
  }
});

test("a file handed over by the system (launchQueue) opens the import preview", async () => {
  const app = await openApp();
  try {
    const text = readFileSync(join(FORMAT_V1, "son-tay-district-2023.json"), "utf8");
    // Chromium has window.launchQueue, but headless it has no installed app to launch with a
    // file, so the page's queue is replaced by one that hands over a real File as the
    // browser's does (a FileSystemFileHandle's getFile()).
    await app.context.addInitScript((text) => {
      const queue = {
        setConsumer(consumer) {
          const file = new File([text], "son-tay.json", { type: "application/json" });
          setTimeout(() => consumer({ files: [{ kind: "file", getFile: async () => file }] }), 0);
        },
      };
      Object.defineProperty(window, "launchQueue", { value: queue, configurable: true });
    }, text);
    await app.page.goto(app.url);
    await app.page.waitForSelector("[data-testid=import-facts]");
    assert.match(await app.page.textContent("[data-testid=import-plan]"), /SƠN TÂY/i);
    await confirmImport(app.page);
    await waitCount(app.page, "[data-testid=open-plan]", 1);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test("a backup of many plans lists every one of them, its dialog focused only as its face changes", async () => {
  const folder = scratch();
  const app = await openApp();
  try {
    const { page } = app;
    await page.goto(app.url);
    await page.waitForSelector("[data-testid=no-plans]");
    // Fourteen copies of a sample plan, each with its own id and title, in one bundle (its
    // checksum left stale: the import warns of it and reads the plans all the same).
    const file = JSON.parse(readFileSync(join(FORMAT_V1, "tinh-minh-commune-2024.json"), "utf8"));
    const sample = file.payload.plans[0];
    const titles = Array.from({ length: 14 }, (_, index) => `Kế hoạch sao lưu số ${index + 1}`);
    file.scope = "bundle";
    file.payload.plans = titles.map((title, index) => ({ ...sample, id: `sao-luu-${index + 1}`, title }));
    const path = join(folder, "sao-luu.json");
    writeFileSync(path, JSON.stringify(file, null, 2));
    // The dialog is focused as it opens and as the preview comes, so a screen reader reads its
    // title; never at the steps of reading and checking between (each focus forces a layout).
    await page.evaluate(() => {
      window.dialogFocused = 0;
      const focus = HTMLElement.prototype.focus;
      HTMLElement.prototype.focus = function (...options) {
        if (this.dataset.testid === "import-dialog") window.dialogFocused += 1;
        return focus.apply(this, options);
      };
    });
    await importFile(page, path);
    assert.equal(await page.evaluate(() => window.dialogFocused), 2);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "import-dialog");
    await confirmImport(page);
    await waitCount(page, "[data-testid=plan-card]", titles.length);
    const shown = await page.locator("[data-testid=plan-list] .plan-card-title").allTextContents();
    assert.deepEqual([...shown].sort(), [...titles].sort());
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
