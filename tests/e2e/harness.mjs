// Shared set-up of the end-to-end tests: serve dist/ on 127.0.0.1 and drive the system
// Chromium (never a downloaded browser) through playwright-core, each test with a fresh profile.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

export const ROOT = resolve(import.meta.dirname, "../..");
export const DIST = join(ROOT, "dist");
export const OUTPUT = join(ROOT, "test-output");

// Flags without which Chromium tries to reach Google from a machine that has no route there.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/** The system Chromium (never a downloaded browser). */
export function chromiumPath() {
  return execFileSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).trim();
}

/** Serves dist/ and opens a browser with a new profile (a touch tablet with `touch`); `close()` ends both. */
export async function openApp({ viewport = { width: 1280, height: 800 }, touch = false } = {}) {
  const { server, url } = await startServer(DIST, 0);
  const profile = mkdtempSync(join(tmpdir(), "kehoach-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale: "vi-VN",
    // A tablet: touch only, so `(pointer: coarse)` matches as on the device.
    ...(touch ? { hasTouch: true, isMobile: true, deviceScaleFactor: 1.5 } : {}),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return {
    url,
    server,
    context,
    page,
    errors,
    async close() {
      await context.close();
      server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Runs `body(app)` with the app opened in a fresh browser profile, and closes both after. */
export async function withApp(body) {
  const app = await openApp();
  try {
    await app.page.goto(app.url);
    await body(app);
  } finally {
    await app.close();
  }
}

/** Saves a full-page screenshot as test-output/screenshots/NAME.png and returns its path. */
export async function screenshot(page, name) {
  const folder = join(OUTPUT, "screenshots");
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Starts Chromium as a child process on `profile` (a folder kept across restarts) and connects
 * to it over CDP, so that a test can kill the process without warning, as a crash or a dead
 * battery would. Returns { child, browser, context, page }.
 */
export async function startChromiumProcess(profile) {
  const { spawn } = await import("node:child_process");
  const { existsSync, readFileSync, rmSync: remove } = await import("node:fs");
  const portFile = join(profile, "DevToolsActivePort");
  remove(portFile, { force: true });
  const child = spawn(
    chromiumPath(),
    ["--headless=new", ...CHROMIUM_ARGS, `--user-data-dir=${profile}`, "--remote-debugging-port=0", "about:blank"],
    // Its own process group, so that a kill takes every Chromium process at once.
    { stdio: "ignore", detached: true },
  );
  const deadline = Date.now() + 20_000;
  while (!existsSync(portFile) || readFileSync(portFile, "utf8").split("\n").length < 2) {
    if (Date.now() > deadline) throw new Error("Chromium did not open its debugging port");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const port = readFileSync(portFile, "utf8").split("\n")[0].trim();
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const context = browser.contexts()[0];
  const page = context.pages()[0] ?? (await context.newPage());
  const kill = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", resolve);
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    });
  return { child, browser, context, page, kill };
}

/** Opens a new app page in `context` at `url` and waits for the app to have mounted. */
export async function openPage(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector("#app[data-mounted=true]");
  return page;
}

/**
 * Creates a plan from the plan list through the new-plan form (the default template unless
 * `template` names another: { kind, name, superior, year }) and waits for its editor.
 */
export async function createPlan(page, template = {}) {
  await page.click("[data-testid=new-plan]");
  await page.waitForSelector("[data-testid=new-plan-form]");
  if (template.kind) await page.check(`[data-testid=template-${template.kind}]`);
  if (template.name) await page.fill("[data-testid=new-plan-name]", template.name);
  if (template.superior) await page.fill("[data-testid=new-plan-superior]", template.superior);
  if (template.year) await page.fill("[data-testid=new-plan-year]", String(template.year));
  await page.click("[data-testid=create-plan]");
  await page.waitForSelector("[data-testid=field-title]");
}

/** What axe-core (npm `axe-core`) finds wrong with the page's accessibility, one line each. */
export async function axeViolations(page) {
  // Evaluated through the driver, which the page's Content-Security-Policy does not govern
  // (it rightly refuses an injected <script>).
  await page.evaluate(readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8"));
  return page.evaluate(async () => {
    // Colour contrast of disabled buttons is not a violation, and axe agrees; nothing excluded.
    const { violations } = await window.axe.run(document, { resultTypes: ["violations"] });
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  });
}

/**
 * Makes IndexedDB refuse the page's writes as a full disk (or a lost database, with
 * `DataLossError`) does, until `window.__restoreDisk()`. Chromium's quota override (CDP
 * Storage.overrideQuotaForOrigin) has no effect headless, so the failure is made at the API.
 */
export async function failWrites(page, failure = "QuotaExceededError") {
  await page.evaluate((failure) => {
    const put = IDBObjectStore.prototype.put;
    window.__restoreDisk = () => (IDBObjectStore.prototype.put = put);
    IDBObjectStore.prototype.put = function () {
      throw new DOMException("Storage failed.", failure);
    };
  }, failure);
}

/** Waits until the save indicator says the plan is saved. */
export async function waitSaved(page) {
  await page.waitForFunction(
    () => document.querySelector("[data-testid=save-status]")?.textContent.startsWith("Đã lưu lúc"),
    null,
    { timeout: 5_000 },
  );
}

/**
 * Runs `check` until it passes, for at most 5 s: the checks, the outline and the totals catch up
 * with typing once it pauses (a quarter of a second), not at every keystroke.
 */
export async function eventually(check, timeout = 5_000) {
  const until = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/**
 * Every record of every IndexedDB store of the app, with its key, as one JSON text. A plan's
 * JSON stored as UTF-8 bytes (the `plan_texts` store) is shown as its text.
 */
export async function dumpDatabase(page, name = "kehoach-cchc") {
  return page.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = async () => {
          const db = open.result;
          const read = (request) =>
            new Promise((done, fail) => {
              request.onsuccess = () => done(request.result);
              request.onerror = () => fail(request.error);
            });
          const dump = {};
          for (const store of [...db.objectStoreNames].sort()) {
            const transaction = db.transaction(store, "readonly");
            const objects = transaction.objectStore(store);
            const values = (await read(objects.getAll())).map((value) =>
              value?.json instanceof Uint8Array ? { ...value, json: new TextDecoder().decode(value.json) } : value,
            );
            dump[store] = { keys: await read(objects.getAllKeys()), values };
          }
          db.close();
          resolve(JSON.stringify(dump));
        };
      }),
    name,
  );
}

/** Picks `path` in the import's file input and waits for the import dialog to settle. */
export async function importFile(page, path) {
  await page.setInputFiles("[data-testid=import-input]", path);
  await page.waitForSelector("[data-testid=import-facts], [data-testid=import-error]", { timeout: 30_000 });
}

/**
 * Writes `plan` (a plan object of the file format) into the app's database as
 * src/storage/database.rs stores a plan record, and reloads the page so that the list shows it.
 */
export async function seedPlan(page, plan) {
  await page.waitForSelector("#app[data-mounted=true]");
  await page.evaluate(async (plan) => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open("kehoach-cchc");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise((resolve, reject) => {
      const transaction = db.transaction("plans", "readwrite");
      transaction.objectStore("plans").put({
        id: plan.id,
        json: JSON.stringify(plan),
        revision: 1,
        saved_at: Date.now(),
        exported_at: null,
        title: plan.title,
        issuing_body: plan.issuing_body,
        year: plan.year,
        level: plan.level,
      });
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
    });
    db.close();
  }, plan);
  await page.reload();
}

/**
 * Holds the app's plans store in a read-write transaction from another page of the same origin,
 * so that the app's next save really waits, as on a slow disk, until `release()`.
 */
export async function holdPlansStore(context, url) {
  const holder = await context.newPage();
  await holder.goto(new URL("icon.svg", url).href);
  await holder.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open("kehoach-cchc");
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const store = request.result.transaction(["plans"], "readwrite").objectStore("plans");
          // A transaction lives while it has requests: keep asking until released.
          const spin = () => {
            if (!globalThis.releasePlans) store.get("không có").onsuccess = spin;
          };
          spin();
          resolve();
        };
      }),
  );
  return { release: () => holder.evaluate(() => (globalThis.releasePlans = true)) };
}
