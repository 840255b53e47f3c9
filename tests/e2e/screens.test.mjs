// Every screen of the app at the tablet (1280×800) and phone (412×915) sizes, walked through as a
// person would: first visit, new-plan form, plan list, the editor part by part, print view,
// revision history, import preview, next year's choice and trash. Each one is screenshot to
// test-output/screenshots/screen-NAME-WxH.png (to be looked at), scrolls only up and down, and
// has no accessibility violation that axe-core finds. Beside the form, the outline ends inside
// the window wherever the page is scrolled; the print preview's sheets fit a phone's width.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { OUTPUT, ROOT, axeViolations, eventually, importFile, openApp, seedPlan } from "./harness.mjs";

const SON_CHAU = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/plans/son-chau-commune-2022.json"), "utf8"));
const BACKUP = join(ROOT, "tests/fixtures/format-v1/tinh-minh-commune-2024.json");

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 412, height: 915 },
]) {
  const size = `${viewport.width}x${viewport.height}`;

  test(`every screen at ${size} fits, reads and passes axe-core`, async () => {
    const app = await openApp({ viewport });
    const { page } = app;
    // What is wrong, screen by screen, reported together at the end so one run shows all of it.
    const problems = [];
    /** Screenshots what the screen shows now, and notes what fails the checks of every screen. */
    const look = async (name, { element } = {}) => {
      // Parts of the editor painted as they come into view change the height of what is above
      // the target: scroll, let them paint, and scroll again.
      for (let pass = 0; pass < 2; pass += 1) {
        if (element) await page.locator(element).first().evaluate((el) => el.scrollIntoView());
        else await page.evaluate(() => window.scrollTo(0, 0));
        await page.waitForTimeout(200);
      }
      // The picture first: a notice that times out may be gone once axe-core has run.
      await page.screenshot({ path: join(OUTPUT, "screenshots", `screen-${name}-${size}.png`) });
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      if (wide > viewport.width) problems.push(`${name}: ${wide} px wide in a ${viewport.width} px window`);
      for (const problem of await page.evaluate(outlineProblems)) problems.push(`${name}: ${problem}`);
      // The frame of the print preview scrolls by itself: nothing in it may be wider than it.
      const frame = await page.evaluate(() => {
        const frame = document.querySelector("[data-testid=print-document]");
        return frame && { scroll: frame.scrollWidth, client: frame.clientWidth };
      });
      if (frame && frame.scroll > frame.client) {
        problems.push(`${name}: the print preview is ${frame.scroll} px wide in a ${frame.client} px frame`);
      }
      for (const violation of await axeViolations(page)) problems.push(`${name}: ${violation}`);
    };
    try {
      await page.goto(app.url);
      await page.waitForSelector("[data-testid=no-plans]");
      await look("first-visit");
      await page.click("[data-testid=new-plan]");
      await page.waitForSelector("[data-testid=new-plan-form]");
      await look("new-plan-form");
      await page.click("[data-testid=cancel-new-plan]");

      await seedPlan(page, SON_CHAU);
      await page.waitForSelector("[data-testid=plan-list]");
      await look("plan-list");

      await page.click("[data-testid=open-plan]");
      await page.waitForSelector("[data-testid=field-title]");
      // Sơn Châu's units are in its own appendix rows: what is left to look at again is the
      // three rows without a lead and the two deadlines in 2021 (it was 46).
      await eventually(async () =>
        assert.equal(await page.textContent("#issue-summary-title"), "Cần xem lại (5)"),
      );
      await look("editor-top");
      await reachLastOutlineLink(page, viewport, problems);
      await look("editor-purposes", { element: "#part-purposes" });
      await look("editor-areas", { element: "#part-areas" });
      await page.locator("#area-0-task-0-content").first().focus();
      await look("editor-task", { element: "#area-0-task-item-0" });
      await look("editor-implementation", { element: "#part-implementation" });
      await look("editor-extras", { element: "#part-extras" });
      await look("editor-appendix", { element: "#part-appendices" });
      await page.click("#area-0-task-0-remove");
      await page.waitForSelector("[data-testid=undo-notice] button");
      await look("editor-undo-notice");
      // The notice may be gone after the checks on a slow machine; the undo bar's button stays.
      await page.click("[data-testid=undo]");
      await page.click("[data-testid=revision-history] summary");
      await page.locator("[data-testid=revision]").first().waitFor();
      await look("revision-history", { element: "[data-testid=revision-history]" });

      await page.click("[data-testid=open-print]");
      await page.waitForSelector("[data-testid=print-document]");
      await look("print-view");
      await look("print-appendix", { element: ".sheet.landscape, .sheet:last-child" });
      await page.click("[data-testid=print-back]");
      await page.waitForSelector("[data-testid=back-to-list]");
      await page.click("[data-testid=back-to-list]");
      await page.waitForSelector("[data-testid=plan-list]");

      await importFile(page, BACKUP);
      await page.waitForSelector("[data-testid=import-dialog]");
      await look("import-preview");
      await page.keyboard.press("Escape");
      await page.waitForSelector("[data-testid=import-dialog]", { state: "detached" });

      await page.click("[data-testid=next-year-plan]");
      await page.waitForSelector("[data-testid=field-title]");
      await page.click("[data-testid=back-to-list]");
      await page.waitForSelector("[data-testid=plan-list]");
      const original = page.locator("[data-testid=plan-card]", { hasText: "2022" });
      await original.locator("[data-testid=next-year-plan]").click();
      await page.waitForSelector("[data-testid=next-year-choice]");
      await look("next-year-choice", { element: "[data-testid=next-year-choice]" });
      await page.click("[data-testid=next-year-new]");
      await page.waitForSelector("[data-testid=field-title]");
      await page.click("[data-testid=back-to-list]");
      await page.waitForSelector("[data-testid=plan-list]");

      await original.locator("[data-testid=delete-plan]").click();
      await page.click("[data-testid=trash] summary");
      await page.locator("[data-testid=trashed-plan]").first().waitFor();
      await look("trash", { element: "[data-testid=trash]" });
      assert.deepEqual(problems, []);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });
}

/**
 * In the page: what is wrong with the editor's outline where it stands beside the form (none on
 * other screens, or above the form on a narrow one): it must end inside the window, and each
 * of its cards inside it, so that no part of it is cut off by the window's edge.
 */
function outlineProblems() {
  const outline = document.querySelector(".plan-outline");
  if (!outline || getComputedStyle(outline).position !== "sticky") return [];
  const box = outline.getBoundingClientRect();
  // Scrolled past the end of the form, the outline leaves with it, as it should.
  if (box.bottom <= 0) return [];
  const problems = [];
  if (box.bottom > innerHeight + 0.5) problems.push(`the outline ends at ${box.bottom} px in a ${innerHeight} px window`);
  for (const card of outline.children) {
    const bottom = card.getBoundingClientRect().bottom;
    if (bottom > box.bottom + 0.5) problems.push(`${card.className} is cut off at ${box.bottom} px, ending at ${bottom} px`);
  }
  return problems;
}

/**
 * The outline's last link («Phụ lục») can be brought into view where the outline stands, then
 * seen and clicked there, and it goes to the appendices. On a phone the outline is folded above
 * the form and opens first.
 */
async function reachLastOutlineLink(page, viewport, problems) {
  const nav = page.locator("[data-testid=outline-nav]");
  const folded = await nav.evaluate((nav) => nav.querySelector("details")?.open === false);
  if (folded !== viewport.width < 1000) problems.push(`outline folded: ${folded} at ${viewport.width} px`);
  if (folded) await nav.locator("summary").click();
  const last = nav.getByRole("link", { name: "Phụ lục", exact: true });
  await last.scrollIntoViewIfNeeded();
  const seen = await last.evaluate((link) => {
    const box = link.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    return box.top >= 0 && box.bottom <= innerHeight && link.contains(document.elementFromPoint(x, y));
  });
  if (!seen) problems.push("the outline's last link cannot be seen where it stands");
  await last.click();
  const focused = await page.evaluate(() => document.activeElement?.id);
  if (focused !== "part-appendices") problems.push(`the outline's last link went to ${focused}`);
}

