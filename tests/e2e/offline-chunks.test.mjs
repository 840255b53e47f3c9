// The split build (scripts/build-wasm.mjs, src/app/chunks.rs): the plan list is usable from the
// first download alone, the chunks come after it, the app says when every file is kept for use
// with no network, and from that moment every screen works with the network cut, each chunk
// served by the service worker. A chunk that cannot come is told in words and tried again.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { firstDownload } from "../../scripts/size-report.mjs";
import { DIST, ROOT, createPlan, openApp, screenshot, waitSaved } from "./harness.mjs";

/** The chunk files of the build: every wasm but the first. */
const CHUNK = /\/(split|chunk)_[a-z0-9_]+-[0-9a-f]{16}\.wasm$/;

/** Stops the app's server so that not even a refused connection reaches it. */
async function stopServer(server) {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

/** Clicks `selector` and returns the name of the file the click downloads. */
async function downloadName(page, selector) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  const name = download.suggestedFilename();
  await download.delete();
  return name;
}

test("the list is usable from the first download; the chunks come after it and are all kept for offline use", async () => {
  const app = await openApp();
  try {
    const { page } = app;
    // When the list's place is first drawn, by the page's own clock.
    // And every wording the offline status took.
    await page.addInitScript(() => {
      window.statusTexts = [];
      new MutationObserver(() => {
        if (window.listDrawnAt === undefined && document.querySelector("[data-testid=no-plans], [data-testid=plan-list]")) {
          window.listDrawnAt = performance.now();
        }
        const text = document.querySelector("[data-testid=offline-status]")?.textContent;
        if (text && window.statusTexts.at(-1) !== text) window.statusTexts.push(text);
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await page.goto(app.url);
    await page.waitForSelector("[data-testid=no-plans]");
    const status = page.locator("[data-testid=offline-status]");
    await page.waitForSelector("[data-testid=offline-status][data-state=ready]", { timeout: 60_000 });
    assert.match(await status.innerText(), /Đã sẵn sàng dùng ngoại tuyến/);
    // Before that, it said it was preparing, counting the files the worker had kept.
    const said = await page.evaluate(() => window.statusTexts);
    assert.match(said[0], /^Đang chuẩn bị dùng ngoại tuyến…/);
    assert.ok(said.some((text) => /\(\d+\/\d+ tệp\)/.test(text)), said.join(" | "));

    // Nothing but the first download came before the list was drawn; the chunks came after.
    const fetched = await page.evaluate(() => ({
      listDrawnAt: window.listDrawnAt,
      resources: performance.getEntriesByType("resource").map((entry) => ({ url: entry.name, start: entry.startTime })),
    }));
    const chunks = fetched.resources.filter((resource) => CHUNK.test(resource.url));
    assert.ok(chunks.length > 0, "the editor's chunk is fetched ahead, before it is needed");
    for (const chunk of chunks) {
      assert.ok(chunk.start >= fetched.listDrawnAt, `${chunk.url} started before the list was drawn`);
    }
    const first = firstDownload(DIST);
    const beforeList = fetched.resources
      .filter((resource) => resource.start < fetched.listDrawnAt)
      .map((resource) => new URL(resource.url).pathname.slice(1))
      .filter((path) => /\.(wasm|js|css)$/.test(path));
    for (const path of beforeList) assert.ok(first.has(path), `${path} came before the list but is not in the first download`);

    // Every file of the build is in the worker's cache, the chunks among them.
    const built = readdirSync(DIST, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(DIST.length + 1))
      .filter((path) => path !== "sw.js")
      .sort();
    const cached = await page.evaluate(async () => {
      const [name] = await caches.keys();
      const cache = await caches.open(name);
      return (await cache.keys()).map((request) => new URL(request.url).pathname.slice(1)).sort();
    });
    assert.deepEqual(cached, built);
    assert.ok(built.filter((path) => CHUNK.test(`/${path}`)).length >= 6, built.join(" "));
    await screenshot(page, "offline-ready-1280x800");
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test("cut off as soon as it says it is ready, the app works through every screen from its cache", async () => {
  const app = await openApp();
  const folder = mkdtempSync(join(tmpdir(), "kehoach-offline-"));
  try {
    const { page, context } = app;
    await page.goto(app.url);
    await page.waitForSelector("[data-testid=offline-status][data-state=ready]", { timeout: 60_000 });
    // No network from this moment: the server is gone and the browser is offline.
    await stopServer(app.server);
    await context.setOffline(true);
    const fromNetwork = [];
    page.on("response", (response) => {
      if (!response.fromServiceWorker()) fromNetwork.push(response.url());
    });
    page.on("requestfailed", (request) => fromNetwork.push(`failed: ${request.url()}`));

    // New plan (the template's chunk), the editor (its chunk), typing that is saved.
    await createPlan(page, { name: "Sơn Châu", superior: "huyện Sơn Tịnh", year: 2027 });
    await page.fill("[data-testid=field-title]", "Kế hoạch cải cách hành chính năm 2027 (ngoại tuyến)");
    await waitSaved(page);
    // The print view and its Word writer.
    await page.click("[data-testid=open-print]");
    await page.waitForSelector("[data-testid=print-document]");
    assert.match(await downloadName(page, "[data-testid=save-docx]"), /\.docx$/);
    await page.click("[data-testid=print-back]");
    await page.click("[data-testid=back-to-list]");
    await page.waitForSelector("[data-testid=plan-list]");
    // Export, duplicate and next year from the list.
    assert.match(await downloadName(page, "[data-testid=export-plan]"), /\.json$/);
    await page.click("[data-testid=duplicate-plan]");
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=plan-card]").length === 2);
    await page.locator("[data-testid=plan-card]").first().locator("[data-testid=next-year-plan]").click();
    await page.waitForSelector("[data-testid=field-title]");
    assert.equal(await page.inputValue("[data-testid=field-year]"), "2028");
    await page.click("[data-testid=back-to-list]");
    // Import: reading, the preview and storing.
    await page.setInputFiles("[data-testid=import-input]", join(ROOT, "tests/fixtures/format-v1/son-tay-district-2023.json"));
    await page.waitForSelector("[data-testid=import-facts]");
    await page.click("[data-testid=import-confirm]");
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=plan-card]").length === 4);

    assert.equal(await page.evaluate(() => navigator.onLine), false);
    assert.deepEqual(fromNetwork, []);
    assert.equal(await page.locator("[data-testid=chunk-missing]").count(), 0);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
});

test("a chunk that cannot come is told in Vietnamese, the list stays usable, and the next try loads it", async () => {
  const app = await openApp();
  try {
    const { page } = app;
    // The new-plan form's chunk is refused, as on a line that dropped before it came.
    let refuse = true;
    await page.route(/\/split_new_plan-[0-9a-f]{16}\.wasm$/, (route) => (refuse ? route.abort() : route.continue()));
    await page.goto(app.url);
    await page.waitForSelector("[data-testid=no-plans]");
    await page.click("[data-testid=new-plan]");
    const missing = page.locator("[data-testid=chunk-missing]");
    await missing.waitFor();
    assert.match(await missing.innerText(), /Không tải được phần này của ứng dụng vì chưa có mạng/);
    // The rest of the list is still there.
    assert.equal(await page.locator("[data-testid=no-plans]").count(), 1);

    // The line is back: closing and opening the form again fetches the chunk this time.
    refuse = false;
    await page.click("[data-testid=new-plan]");
    await page.click("[data-testid=new-plan]");
    await page.waitForSelector("[data-testid=new-plan-form]");
    await page.click("[data-testid=create-plan]");
    await page.waitForSelector("[data-testid=field-title]");
    // The refused fetch is the only error the page saw.
    assert.ok(app.errors.every((error) => /split_new_plan|Failed to fetch|failed to load/i.test(error)), app.errors.join("\n"));
  } finally {
    await app.close();
  }
});

test("the shipped first download names only files of the build, and index.html names no chunk", () => {
  const first = firstDownload(DIST);
  for (const path of first) assert.ok(readdirSync(DIST).includes(path), `${path} is not in dist/`);
  const index = readFileSync(join(DIST, "index.html"), "utf8");
  assert.doesNotMatch(index, /(split|chunk)_[a-z0-9_]+-[0-9a-f]{16}\.wasm/);
  assert.ok([...first].some((path) => /^kehoach-[0-9a-f]{16}_bg\.wasm$/.test(path)), [...first].join(" "));
});
