// Renders the app's PNG icons from public/icon.svg in the system Chromium, so the installable
// app (manifest.webmanifest, apple-touch-icon) has the same picture at every size. Run it again
// after changing icon.svg and commit the PNGs:   node scripts/make-icons.mjs
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, ROOT, chromiumPath } from "../tests/e2e/harness.mjs";

const SVG = readFileSync(join(ROOT, "public/icon.svg"), "utf8");
const BACKGROUND = "#8b1a1a";

/** The icon as it is: rounded corners, transparent outside them. */
function plain() {
  return SVG;
}

/**
 * The maskable variant: a full square of the background colour, and the drawing shrunk to 85 %
 * around the centre, so that every corner of the page lies inside the central circle of 40 % radius
 * that a launcher's mask (circle, squircle, teardrop) always keeps: the page's corner, 27.2 units
 * from the centre of 64, ends 23.1 units (36 %) from it.
 */
function maskable() {
  const inner = SVG.replace(/^<svg[^>]*>/, "").replace(/<\/svg>\s*$/, "");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">` +
    `<rect width="64" height="64" fill="${BACKGROUND}"/>` +
    `<g transform="translate(32 32) scale(0.85) translate(-32 -32)">${inner}</g></svg>`
  );
}

const ICONS = [
  { file: "icon-192.png", size: 192, svg: plain },
  { file: "icon-512.png", size: 512, svg: plain },
  { file: "icon-maskable-512.png", size: 512, svg: maskable },
  // iOS puts its own rounded mask on the home-screen icon and fills transparency with black.
  { file: "apple-touch-icon.png", size: 180, svg: maskable },
];

const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  for (const { file, size, svg } of ICONS) {
    await page.setViewportSize({ width: size, height: size });
    const markup = svg().replace("<svg ", `<svg width="${size}" height="${size}" `);
    await page.setContent(`<!doctype html><body style="margin:0">${markup}</body>`);
    const path = join(ROOT, "public/icons", file);
    await page.screenshot({ path, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    console.log(`${path} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
