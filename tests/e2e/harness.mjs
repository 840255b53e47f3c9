// Shared set-up of the end-to-end tests: serve dist/ on 127.0.0.1 and drive the system
// Chromium (never a downloaded browser) through playwright-core, each test with a fresh profile.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
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

function chromiumPath() {
  return execFileSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).trim();
}

/** Serves dist/ and opens a browser with a new profile; `close()` ends both. */
export async function openApp({ viewport = { width: 1280, height: 800 } } = {}) {
  const { server, url } = await startServer(DIST, 0);
  const profile = mkdtempSync(join(tmpdir(), "kehoach-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale: "vi-VN",
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return {
    url,
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

/** Saves a full-page screenshot as test-output/screenshots/NAME.png and returns its path. */
export async function screenshot(page, name) {
  const folder = join(OUTPUT, "screenshots");
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
