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

test("the skeleton shows the app's name before any wasm has run", async () => {
  // Block the wasm so that only index.html's static skeleton can paint.
  await app.context.route("**/*.wasm", (route) => route.abort());
  await app.page.goto(app.url);
  await assert.doesNotReject(app.page.waitForSelector("h1"));
  assert.equal(await app.page.textContent("h1"), "Soạn Kế hoạch cải cách hành chính");
  assert.match(await app.page.textContent("[role=status]"), /Đang tải ứng dụng/);
  await app.context.unroute("**/*.wasm");
  app.errors.length = 0;
});

test("the app mounts over the skeleton with its Vietnamese heading", async () => {
  await app.page.goto(app.url);
  await app.page.waitForSelector("#app[data-mounted=true] [data-testid=app-title]");
  const heading = await app.page.textContent("[data-testid=app-title]");
  assert.equal(heading, "Soạn Kế hoạch cải cách hành chính");
  assert.equal(await app.page.getAttribute("html", "lang"), "vi");
  // The skeleton's loading line is gone once the app has taken its place.
  assert.equal(await app.page.locator("[role=status]").count(), 0);
  assert.equal(await app.page.locator("h1").count(), 1);
  const path = await screenshot(app.page, "first-screen-1280x800");
  console.log(`screenshot: ${path}`);
  assert.deepEqual(app.errors, []);
});
