// The installable, offline app: Chromium finds nothing missing to install it; after the first
// visit it opens with no network at all and with its plans; a new version installs in the
// background, waits for the person's "Tải lại", never while an edit is unsaved; and the
// Content-Security-Policy blocks every other site while the app itself never trips it.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { test } from "node:test";
import { startServer } from "../../scripts/serve.mjs";
import { writePrecache } from "../../scripts/precache.mjs";
import { DIST, OUTPUT, createPlan, holdPlansStore, openApp, openPage, screenshot, waitSaved, withApp } from "./harness.mjs";

const TITLE = "Cải cách hành chính năm 2027 xã Sơn Châu";
const OTHER_TITLE = "Cải cách hành chính năm 2027 xã Tịnh Minh";

/** The version of the build in `dir`, as scripts/precache.mjs wrote it into index.html. */
function versionOf(dir) {
  const match = readFileSync(join(dir, "index.html"), "utf8").match(/name="kehoach-version" content="([0-9a-f]{12})"/);
  assert.ok(match, `no build version in ${dir}/index.html`);
  return match[1];
}

/**
 * A second build, "version 2": dist/ copied, one of its files really changed, every file that
 * carries the build's hash in its name (the wasm-bindgen glue, the chunk loader, the first wasm
 * and every chunk) renamed to a new hash with every mention of it, as a new build of the split
 * wasm does, and the precache script run again over it, exactly as the build hook runs it.
 */
function makeVersion2() {
  const dir = mkdtempSync(join(tmpdir(), "kehoach-v2-"));
  cpSync(DIST, dir, { recursive: true });
  appendFileSync(join(dir, "start.js"), "// Phiên bản 2 của bản dựng thử.\n");
  const hashed = readdirSync(dir).filter((name) => /-[0-9a-f]{16}(_bg)?\.(js|wasm)$/.test(name));
  const [oldHash] = hashed[0].match(/[0-9a-f]{16}/);
  const newHash = createHash("sha256").update(`v2 ${oldHash}`).digest("hex").slice(0, 16);
  for (const name of hashed) renameSync(join(dir, name), join(dir, name.replace(oldHash, newHash)));
  for (const name of readdirSync(dir).filter((name) => /\.(js|html)$/.test(name))) {
    const text = readFileSync(join(dir, name), "utf8");
    writeFileSync(join(dir, name), text.split(oldHash).join(newHash));
  }
  // The preload links' integrity follows the files whose contents changed.
  const index = readFileSync(join(dir, "index.html"), "utf8").replace(
    /href="\/([^"]+)"([^>]*?) integrity="sha384-[^"]*"/g,
    (_, path, between) =>
      `href="/${path}"${between} integrity="sha384-${createHash("sha384").update(readFileSync(join(dir, path))).digest("base64")}"`,
  );
  writeFileSync(join(dir, "index.html"), index);
  const { version } = writePrecache(dir);
  return { dir, version, chunks: hashed.filter((name) => /^(split|chunk)_/.test(name)).length };
}

/** Waits until the page's service worker is active with every file of the build cached. */
async function waitForWorker(page) {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active.state;
  });
}

/** Saves what the viewport shows (not the full page) as test-output/screenshots/NAME.png. */
async function viewportShot(page, name) {
  const folder = join(OUTPUT, "screenshots");
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name}.png`) });
}

/** Stops the server of `app` so that not even a refused connection reaches it. */
async function stopServer(server) {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

/** The port the app is served on; a new server must reuse it to stay the same origin. */
const portOf = (url) => Number(new URL(url).port);

test("Chromium finds the app installable: manifest, icons and a service worker, nothing missing", async () => {
  await withApp(async (app) => {
    await app.page.waitForSelector("#app[data-mounted=true]");
    await waitForWorker(app.page);
    const cdp = await app.context.newCDPSession(app.page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    assert.deepEqual(installabilityErrors, []);
    const manifest = await cdp.send("Page.getAppManifest");
    assert.deepEqual(manifest.errors, []);
    assert.match(manifest.url, /\/manifest\.webmanifest$/);

    const parsed = JSON.parse(readFileSync(join(DIST, "manifest.webmanifest"), "utf8"));
    assert.equal(parsed.lang, "vi");
    assert.equal(parsed.name, "Soạn Kế hoạch cải cách hành chính");
    assert.equal(parsed.display, "standalone");
    assert.equal(parsed.start_url, "./");
    assert.equal(parsed.scope, "./");
    const themeInHtml = readFileSync(join(DIST, "index.html"), "utf8").match(/name="theme-color" content="([^"]+)"/)[1];
    assert.equal(parsed.theme_color, themeInHtml);
    assert.deepEqual(parsed.file_handlers, [{ action: "./", accept: { "application/json": [".json"] } }]);

    // Each PNG icon is the size the manifest says, and the maskable one keeps its drawing inside
    // the central circle of 40 % radius that any launcher mask leaves visible.
    for (const icon of parsed.icons.filter((icon) => icon.type === "image/png")) {
      const report = await app.page.evaluate(async ({ src, maskable }) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        const canvas = document.createElement("canvas");
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalHeight;
        const context = canvas.getContext("2d");
        context.drawImage(image, 0, 0);
        const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
        const pixel = (x, y) => Array.from(data.slice((y * width + x) * 4, (y * width + x) * 4 + 4));
        let outsideSafeZone = 0;
        let drawingOutside = 0;
        if (maskable) {
          const background = pixel(0, 0);
          for (let y = 0; y < height; y++) {
            for (let x = 0; x < width; x++) {
              if (Math.hypot(x + 0.5 - width / 2, y + 0.5 - height / 2) <= 0.4 * width) continue;
              outsideSafeZone++;
              const p = pixel(x, y);
              if (p.some((value, i) => Math.abs(value - background[i]) > 2)) drawingOutside++;
            }
          }
        }
        return { width, height, corner: pixel(0, 0), outsideSafeZone, drawingOutside };
      }, { src: icon.src, maskable: icon.purpose === "maskable" });
      assert.equal(`${report.width}x${report.height}`, icon.sizes, icon.src);
      if (icon.purpose === "maskable") {
        assert.deepEqual(report.corner, [0x8b, 0x1a, 0x1a, 255], "the maskable icon fills its square");
        assert.ok(report.outsideSafeZone > 0);
        assert.equal(report.drawingOutside, 0, "nothing but background outside the safe zone");
      }
    }
    assert.deepEqual(app.errors, []);
  });
});

test("after the first visit the app opens with no network at all, with its plans", async () => {
  const app = await openApp();
  try {
    await app.page.goto(app.url);
    await createPlan(app.page);
    await app.page.locator("[data-testid=field-title]").fill(TITLE);
    await waitSaved(app.page);
    await waitForWorker(app.page);

    await stopServer(app.server);
    await app.context.setOffline(true);
    const started = performance.now();
    await app.page.reload();
    await app.page.waitForSelector("[data-testid=field-title]");
    const offlineReloadMs = performance.now() - started;
    console.log(`offline reload: ${offlineReloadMs.toFixed(0)} ms`);
    // The server is gone: only the service worker can have answered.
    assert.equal(await app.page.evaluate(() => navigator.onLine), false);
    assert.equal(await app.page.evaluate(() => navigator.serviceWorker.controller !== null), true);
    assert.equal(await app.page.locator("[data-testid=field-title]").inputValue(), TITLE);
    await app.page.click("[data-testid=back-to-list]");
    await app.page.waitForSelector("[data-testid=plan-list]");
    assert.match(await app.page.textContent("[data-testid=plan-list]"), /Sơn Châu/);
    assert.match(await app.page.textContent("[data-testid=app-version]"), new RegExp(versionOf(DIST)));
    await screenshot(app.page, "offline-plan-list-1280x800");
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test("a new version waits for 'Tải lại', then runs with every plan kept, even after offline use", async () => {
  const app = await openApp();
  const v1 = versionOf(DIST);
  const v2 = makeVersion2();
  let server2;
  try {
    assert.notEqual(v2.version, v1);
    await app.page.goto(app.url);
    for (const title of [OTHER_TITLE, TITLE]) {
      if (title !== OTHER_TITLE) await app.page.click("[data-testid=back-to-list]");
      await createPlan(app.page);
      await app.page.locator("[data-testid=field-title]").fill(title);
      await waitSaved(app.page);
    }
    await waitForWorker(app.page);

    // Offline: the app still opens.
    await stopServer(app.server);
    await app.context.setOffline(true);
    await app.page.reload();
    await app.page.waitForSelector("[data-testid=field-title]");
    assert.equal(await app.page.locator("[data-testid=update-banner]").count(), 0);

    // Version 2 appears on the server; the network comes back.
    ({ server: server2 } = await startServer(v2.dir, portOf(app.url)));
    await app.context.setOffline(false);
    const banner = app.page.locator("[data-testid=update-banner]");
    await banner.waitFor({ timeout: 15_000 });
    assert.equal((await banner.innerText()).replace(/\s+/g, " ").trim(), "Đã có phiên bản mới — Tải lại");
    // Still version 1, until the person agrees: after a reload too, with every chunk of
    // version 1 from its cache although the server now has only version 2's.
    assert.ok(v2.chunks >= 6, `version 2 renamed ${v2.chunks} chunks`);
    assert.match(await app.page.textContent("[data-testid=app-version]"), new RegExp(v1));
    const notFound = [];
    app.page.on("response", (response) => response.status() >= 400 && notFound.push(response.url()));
    await app.page.reload();
    await app.page.click("[data-testid=open-print]");
    await app.page.waitForSelector("[data-testid=print-document]");
    await app.page.click("[data-testid=print-back]");
    await app.page.waitForSelector("[data-testid=field-title]");
    assert.match(await app.page.textContent("[data-testid=app-version]"), new RegExp(v1));
    assert.deepEqual(notFound, []);
    await banner.waitFor({ timeout: 15_000 });
    // What the person sees on the screen (the banner floats over the page's bottom edge).
    await viewportShot(app.page, "update-banner-1280x800");
    await app.page.setViewportSize({ width: 412, height: 915 });
    await viewportShot(app.page, "update-banner-412x915");
    await app.page.setViewportSize({ width: 1280, height: 800 });

    await Promise.all([app.page.waitForEvent("load"), app.page.click("[data-testid=update-reload]")]);
    await app.page.waitForSelector("[data-testid=field-title]");
    assert.match(await app.page.textContent("[data-testid=app-version]"), new RegExp(v2.version));
    assert.equal(await app.page.locator("[data-testid=field-title]").inputValue(), TITLE);
    assert.deepEqual(await app.page.evaluate(() => caches.keys()), [`kehoach-${v2.version}`]);
    // Version 2's own chunks: the print view opens from them.
    await app.page.click("[data-testid=open-print]");
    await app.page.waitForSelector("[data-testid=print-document]");
    assert.deepEqual(notFound, []);
    await app.page.click("[data-testid=print-back]");
    assert.equal(await app.page.locator("[data-testid=update-banner]").count(), 0);
    await app.page.click("[data-testid=back-to-list]");
    await app.page.waitForSelector("[data-testid=plan-list]");
    const list = await app.page.textContent("[data-testid=plan-list]");
    assert.ok(list.includes(TITLE) && list.includes(OTHER_TITLE), list);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
    server2?.closeAllConnections();
    server2?.close();
    rmSync(v2.dir, { recursive: true, force: true });
  }
});

test("an update is not applied while an edit is unsaved, and is once it is saved", async () => {
  const app = await openApp();
  const v1 = versionOf(DIST);
  const v2 = makeVersion2();
  let server2;
  try {
    await app.page.goto(app.url);
    await createPlan(app.page);
    await waitSaved(app.page);
    await waitForWorker(app.page);
    await app.page.reload();
    await app.page.waitForSelector("[data-testid=field-title]");

    await stopServer(app.server);
    ({ server: server2 } = await startServer(v2.dir, portOf(app.url)));
    // The browser looks for a new worker when the page is loaded.
    await app.page.reload();
    await app.page.locator("[data-testid=update-banner]").waitFor({ timeout: 15_000 });

    const held = await holdPlansStore(app.context, app.url);
    await app.page.locator("[data-testid=field-title]").fill(TITLE);
    await app.page.click("[data-testid=update-reload]");
    await app.page.waitForFunction(() =>
      document.querySelector("[data-testid=update-banner]")?.textContent.includes("ngay khi lưu xong"),
    );
    await viewportShot(app.page, "update-waiting-for-save-1280x800");
    await app.page.waitForTimeout(1_500);
    // Nothing moved: the same page, still version 1, the new worker still waiting.
    assert.match(await app.page.textContent("[data-testid=app-version]"), new RegExp(v1));
    assert.notEqual(await app.page.textContent("[data-testid=save-status]"), "");
    assert.doesNotMatch(await app.page.textContent("[data-testid=save-status]"), /^Đã lưu/);
    assert.equal(
      await app.page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting !== null),
      true,
    );

    // The save goes through; then, and only then, the page moves to version 2.
    await Promise.all([app.page.waitForEvent("load", { timeout: 15_000 }), held.release()]);
    await app.page.waitForSelector("[data-testid=field-title]");
    assert.match(await app.page.textContent("[data-testid=app-version]"), new RegExp(v2.version));
    assert.equal(await app.page.locator("[data-testid=field-title]").inputValue(), TITLE);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
    server2?.closeAllConnections();
    server2?.close();
    rmSync(v2.dir, { recursive: true, force: true });
  }
});

test("every open tab moves to the new version, each only once its own edits are saved", async () => {
  const app = await openApp();
  const v1 = versionOf(DIST);
  const v2 = makeVersion2();
  let server2;
  try {
    await app.page.goto(app.url);
    await createPlan(app.page);
    await waitSaved(app.page);
    await waitForWorker(app.page);
    // Tab B edits the plan; tab A, the one that accepts the update, shows the list.
    const tabB = await openPage(app.context, app.url);
    await tabB.waitForSelector("[data-testid=field-title]");
    await app.page.click("[data-testid=back-to-list]");
    await app.page.reload();
    await app.page.waitForSelector("[data-testid=plan-list]");

    await stopServer(app.server);
    ({ server: server2 } = await startServer(v2.dir, portOf(app.url)));
    await app.page.reload();
    await app.page.locator("[data-testid=update-banner]").waitFor({ timeout: 15_000 });
    await tabB.locator("[data-testid=update-banner]").waitFor({ timeout: 15_000 });

    const held = await holdPlansStore(app.context, app.url);
    await tabB.locator("[data-testid=field-title]").fill(TITLE);
    await Promise.all([app.page.waitForEvent("load"), app.page.click("[data-testid=update-reload]")]);
    // (Its plan list waits for the held store; the footer does not.)
    await app.page.waitForSelector("[data-testid=app-version]");
    assert.match(await app.page.textContent("[data-testid=app-version]"), new RegExp(v2.version));

    // Tab B keeps its version and its text while its save waits, and says why.
    await tabB.waitForFunction(() =>
      document.querySelector("[data-testid=update-banner]")?.textContent.includes("ngay khi lưu xong"),
    );
    await tabB.waitForTimeout(1_000);
    assert.match(await tabB.textContent("[data-testid=app-version]"), new RegExp(v1));
    assert.equal(await tabB.locator("[data-testid=field-title]").inputValue(), TITLE);

    await Promise.all([tabB.waitForEvent("load", { timeout: 15_000 }), held.release()]);
    // Tab A showed the list last, so B reopens on the list (the last screen is shared).
    await tabB.click("[data-testid=open-plan]");
    await tabB.waitForSelector("[data-testid=field-title]");
    assert.match(await tabB.textContent("[data-testid=app-version]"), new RegExp(v2.version));
    assert.equal(await tabB.locator("[data-testid=field-title]").inputValue(), TITLE);
    await app.page.waitForSelector("[data-testid=plan-list]");
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
    server2?.closeAllConnections();
    server2?.close();
    rmSync(v2.dir, { recursive: true, force: true });
  }
});

test("a new version whose files do not match its list is never installed; the old one stays whole and offline", async () => {
  const app = await openApp();
  const v1 = versionOf(DIST);
  const broken = makeVersion2();
  // The server changed a file after the list was made (a deploy caught half-way).
  appendFileSync(join(broken.dir, "start.js"), "// changé après coup\n");
  let server2;
  try {
    await app.page.goto(app.url);
    await createPlan(app.page);
    await app.page.locator("[data-testid=field-title]").fill(TITLE);
    await waitSaved(app.page);
    await waitForWorker(app.page);
    await app.page.reload();
    await app.page.waitForSelector("[data-testid=field-title]");

    await stopServer(app.server);
    ({ server: server2 } = await startServer(broken.dir, portOf(app.url)));
    const outcome = await app.page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration.update();
      const worker = registration.installing ?? registration.waiting;
      if (worker && worker.state !== "redundant") {
        await new Promise((resolve) => worker.addEventListener("statechange", () => worker.state === "redundant" && resolve()));
      }
      return { state: worker?.state, waiting: registration.waiting !== null, caches: await caches.keys() };
    });
    assert.deepEqual(outcome, { state: "redundant", waiting: false, caches: [`kehoach-${v1}`] });
    await app.page.waitForTimeout(300);
    assert.equal(await app.page.locator("[data-testid=update-banner]").count(), 0);

    // Version 1 still opens, whole, with no network.
    await stopServer(server2);
    server2 = undefined;
    await app.context.setOffline(true);
    await app.page.reload();
    await app.page.waitForSelector("[data-testid=field-title]");
    assert.equal(await app.page.locator("[data-testid=field-title]").inputValue(), TITLE);
    assert.match(await app.page.textContent("[data-testid=app-version]"), new RegExp(v1));
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
    server2?.closeAllConnections();
    server2?.close();
    rmSync(broken.dir, { recursive: true, force: true });
  }
});

test("the Content-Security-Policy blocks other sites and inline script; the app never trips it", async () => {
  await withApp(async (app) => {
    const requests = [];
    app.page.on("request", (request) => requests.push(request.url()));
    await app.page.addInitScript(() => {
      globalThis.cspViolations = [];
      document.addEventListener("securitypolicyviolation", (event) =>
        globalThis.cspViolations.push(`${event.effectiveDirective} ${event.blockedURI}`),
      );
    });
    await app.page.reload();
    await createPlan(app.page);
    await app.page.locator("[data-testid=field-title]").fill(TITLE);
    await waitSaved(app.page);
    await app.page.click("[data-testid=back-to-list]");
    await app.page.waitForSelector("[data-testid=plan-list]");
    await waitForWorker(app.page);
    assert.deepEqual(await app.page.evaluate(() => globalThis.cspViolations), []);
    assert.deepEqual(app.errors, []);
    // Every file the app asked for came from its own origin.
    assert.ok(requests.length > 0);
    assert.deepEqual(requests.filter((url) => !url.startsWith(app.url)), []);

    // The policy itself, as the page has it: nothing loosened.
    const policy = await app.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
    const directives = new Map(policy.split(";").map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(" ")]));
    assert.deepEqual(Object.fromEntries(directives), {
      "default-src": "'self'",
      "script-src": "'self' 'wasm-unsafe-eval'",
      "style-src": "'self'",
      "img-src": "'self' data: blob:",
      "connect-src": "'self'",
      "worker-src": "'self'",
      "manifest-src": "'self'",
      "object-src": "'none'",
      "base-uri": "'self'",
      "form-action": "'none'",
    });

    // Now the things the policy is there to stop.
    const other = await startServer(DIST, 0);
    try {
      const outcome = await app.page.evaluate(async (otherUrl) => {
        let fetched = "allowed";
        try {
          await fetch(otherUrl);
        } catch {
          fetched = "blocked";
        }
        const script = document.createElement("script");
        script.textContent = "globalThis.inlineRan = true;";
        document.head.append(script);
        const image = new Image();
        image.src = `${otherUrl}icon.svg`;
        await new Promise((resolve) => {
          image.onerror = resolve;
          image.onload = resolve;
        });
        await new Promise((resolve) => setTimeout(resolve, 100));
        return { fetched, inlineRan: globalThis.inlineRan === true, violations: globalThis.cspViolations };
      }, other.url);
      assert.equal(outcome.fetched, "blocked");
      assert.equal(outcome.inlineRan, false);
      assert.ok(outcome.violations.some((v) => v.startsWith(`connect-src ${other.url}`)), outcome.violations.join("; "));
      assert.ok(outcome.violations.some((v) => v.startsWith("script-src-elem inline")), outcome.violations.join("; "));
      assert.ok(outcome.violations.some((v) => v.startsWith(`img-src ${other.url}icon.svg`)), outcome.violations.join("; "));
    } finally {
      other.server.close();
    }
  });
});

test("the precache list names every file of the build with its hash, and its version follows the contents", async () => {
  const worker = readFileSync(join(DIST, "sw.js"), "utf8");
  const build = JSON.parse(worker.match(/^const BUILD = (.*);$/m)[1]);
  assert.equal(build.version, versionOf(DIST));
  const listed = build.files.map(([path]) => path).sort();
  const expected = readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(DIST, join(entry.parentPath, entry.name)))
    .filter((path) => path !== "sw.js")
    .sort();
  assert.deepEqual(listed, expected);
  for (const [path, integrity] of build.files) {
    const digest = createHash("sha256").update(readFileSync(join(DIST, path))).digest("base64");
    assert.equal(integrity, `sha256-${digest}`, path);
  }

  const copy = mkdtempSync(join(tmpdir(), "kehoach-precache-"));
  try {
    cpSync(DIST, copy, { recursive: true });
    assert.equal(writePrecache(copy).version, build.version, "running it again changes nothing");
    assert.equal(readFileSync(join(copy, "sw.js"), "utf8"), worker);
    appendFileSync(join(copy, "icon.svg"), "\n");
    assert.notEqual(writePrecache(copy).version, build.version, "a changed file is a new version");
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

test("the build links one stylesheet holding every source stylesheet, in index.html's order", () => {
  const index = readFileSync(join(DIST, "index.html"), "utf8");
  const links = [...index.matchAll(/<link rel="stylesheet" href="\/?([^"]+)" integrity="([^"]+)"/g)];
  assert.equal(links.length, 1, "one stylesheet link");
  const [, file, integrity] = links[0];
  const bundle = readFileSync(join(DIST, file));
  assert.equal(integrity, `sha384-${createHash("sha384").update(bundle).digest("base64")}`);
  // Trunk's input names them; the bundle keeps each source's name and its rules, in that order.
  const sources = [...readFileSync(new URL("../../index.html", import.meta.url), "utf8").matchAll(/rel="css" href="style\/([^"]+)"/g)].map((m) => m[1]);
  assert.ok(sources.length > 1, "index.html lists the stylesheets");
  const text = bundle.toString("utf8");
  let from = 0;
  for (const source of sources) {
    const at = text.indexOf(`/* ${source} */`, from);
    assert.ok(at >= from, `${source} is in the bundle after the ones before it`);
    const firstRule = readFileSync(new URL(`../../style/${source}`, import.meta.url), "utf8")
      .split("\n")
      .find((line) => line.includes("{") && !/^\s*(\/\*|\*)/.test(line))
      .trim();
    const next = text.indexOf("/* ", at + 1);
    const part = text.slice(at, next < 0 ? text.length : next);
    assert.ok(part.includes(firstRule), `${source}'s first rule is in its part of the bundle`);
    from = at;
  }
  // Shipped without the sources' comments and indentation: only each part's name is a comment.
  assert.equal(text.match(/\/\*/g).length, sources.length);
  assert.ok(!/^\s/m.test(text), "no line starts with white space");
  assert.ok(text.includes('content: "⚠ ";'), "strings are kept whole");
  assert.deepEqual(
    readdirSync(DIST).filter((name) => name.endsWith(".css")),
    [file],
    "the joined sources are not shipped as well",
  );
});
