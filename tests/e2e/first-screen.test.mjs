// The first screen: the static skeleton paints, then the Leptos app mounts over it.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openApp, screenshot } from "./harness.mjs";

let app;
before(async () => {
  app = await openApp();
});
after(async () => {
  await app?.close();
});

test("the skeleton shows the app's name before any wasm has run, and says so if the app cannot load", async () => {
  // Block the wasm so that only index.html's static skeleton can paint.
  await app.context.route("**/*.wasm", (route) => route.abort());
  await app.page.goto(app.url);
  await assert.doesNotReject(app.page.waitForSelector("h1"));
  assert.equal(await app.page.textContent("h1"), "Soạn Kế hoạch cải cách hành chính");
  await app.page.waitForFunction(() =>
    document.querySelector("[role=status]")?.textContent.startsWith("Không tải được ứng dụng"),
  );
  assert.match(await app.page.textContent("[role=status]"), /kiểm tra kết nối mạng rồi tải lại trang/);
  await app.context.unroute("**/*.wasm");
  app.errors.length = 0;
});

test("on a slow first visit the loading line counts the download, then the app mounts", async () => {
  const slow = await openApp();
  try {
    // What the status line said, as it changed.
    await slow.context.addInitScript(() => {
      window.__said = [];
      new MutationObserver(() => {
        const text = document.querySelector("#app [role=status]")?.textContent;
        if (text && text !== window.__said.at(-1)) window.__said.push(text);
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    const cdp = await slow.context.newCDPSession(slow.page);
    await cdp.send("Network.enable");
    // 1.5 MB at 400 KB/s: a few seconds, a few progress steps.
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 20,
      downloadThroughput: 400_000,
      uploadThroughput: 400_000,
    });
    await slow.page.goto(slow.url);
    await slow.page.waitForSelector("#app[data-mounted=true] [data-testid=app-title]", { timeout: 30_000 });
    const said = await slow.page.evaluate(() => window.__said);
    const percents = said.map((text) => text.match(/^Đang tải ứng dụng… (\d+)%$/)).filter(Boolean).map((m) => Number(m[1]));
    assert.ok(percents.some((p) => p > 0 && p < 100), `progress between 0 and 100%: ${JSON.stringify(said)}`);
    assert.deepEqual(percents, [...percents].sort((a, b) => a - b), "progress never goes back");
    assert.equal(percents.at(-1), 100);
    assert.equal(await slow.page.locator(".app-progress").count(), 0, "the app took the skeleton's place");
    assert.deepEqual(slow.errors, []);
  } finally {
    await slow.close();
  }
});

test("the app mounts over the skeleton with its Vietnamese heading", async () => {
  await app.page.goto(app.url);
  await app.page.waitForSelector("#app[data-mounted=true] [data-testid=app-title]");
  const heading = await app.page.textContent("[data-testid=app-title]");
  assert.equal(heading, "Soạn Kế hoạch cải cách hành chính");
  assert.equal(await app.page.getAttribute("html", "lang"), "vi");
  // The skeleton's loading line is gone once the app has taken its place.
  // (The header's own status line, whether the app is ready for offline use, stays.)
  assert.equal(await app.page.locator(".app-loading").count(), 0);
  assert.equal(await app.page.locator("h1").count(), 1);
  const path = await screenshot(app.page, "first-screen-1280x800");
  console.log(`screenshot: ${path}`);
  assert.deepEqual(app.errors, []);
});
