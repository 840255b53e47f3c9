// Every screen of the app at the sizes people hold (a touch tablet upright, 800×1280, and
// sideways, 1280×800, and a phone, 412×915), walked through as a person would: first visit,
// new-plan form, plan list, the editor part by part, print view, revision history, inbox, import
// preview, next year's choice and trash. Each one is screenshot to test-output/screenshots/
// (screen-NAME-WxH.png; each part of the editor editor-PART-WxH.png), to be looked at, scrolls
// only up and down, and has no accessibility violation that axe-core finds. On each screen no
// control is covered by another, too small to tap on touch, or a cell cut off, and every
// column heading of a table can be brought into view. Beside the form, the outline ends
// inside the window wherever the page is scrolled; the print preview's sheets fit a phone.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { OUTPUT, ROOT, axeViolations, eventually, importFile, openApp, seedPlan } from "./harness.mjs";

const SON_CHAU = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/plans/son-chau-commune-2022.json"), "utf8"));
const BACKUP = join(ROOT, "tests/fixtures/format-v1/tinh-minh-commune-2024.json");

// The sizes people hold: a 10-inch tablet upright and sideways (touch only, device scale 1.5, so
// that `(pointer: coarse)` matches as on the device) and a phone.
const SIZES = [
  { viewport: { width: 800, height: 1280 }, touch: true },
  { viewport: { width: 1280, height: 800 }, touch: true },
  { viewport: { width: 412, height: 915 }, touch: false },
];

for (const { viewport, touch } of SIZES) {
  const size = `${viewport.width}x${viewport.height}`;

  test(`every screen at ${size}${touch ? " (touch)" : ""} fits, can be reached, reads and passes axe-core`, async () => {
    const app = await openApp({ viewport, touch });
    const { page } = app;
    // What is wrong, screen by screen, reported together at the end so one run shows all of it.
    const problems = [];
    /**
     * Screenshots what the screen shows now (as `file`, else screen-NAME-WxH), and notes what
     * fails the checks of every screen. With `reach`, also every control of the whole screen:
     * covered, too small to tap, or a table column that cannot be brought into view.
     */
    const look = async (name, { element, file, reach = false } = {}) => {
      // Parts of the editor painted as they come into view change the height of what is above
      // the target: scroll, let them paint, and scroll again.
      for (let pass = 0; pass < 2; pass += 1) {
        if (element) await page.locator(element).first().evaluate((el) => el.scrollIntoView());
        else await page.evaluate(() => window.scrollTo(0, 0));
        await page.waitForTimeout(200);
      }
      // The picture first: a notice that times out may be gone once axe-core has run.
      await page.screenshot({ path: join(OUTPUT, "screenshots", `${file ?? `screen-${name}`}-${size}.png`) });
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
      if (reach) {
        const found = await page.evaluate(reachProblems, { touch });
        for (const [kind, list] of Object.entries(found)) {
          if (list.length) problems.push(`${name}: ${list.length} ${kind}:\n    ${list.join("\n    ")}`);
        }
        await page.evaluate(() => window.scrollTo(0, 0));
      }
      for (const violation of await axeViolations(page)) problems.push(`${name}: ${violation}`);
    };
    try {
      await page.goto(app.url);
      await page.waitForSelector("[data-testid=no-plans]");
      await look("first-visit", { reach: true });
      await page.click("[data-testid=new-plan]");
      await page.waitForSelector("[data-testid=new-plan-form]");
      await look("new-plan-form", { reach: true });
      await page.click("[data-testid=cancel-new-plan]");

      await seedPlan(page, SON_CHAU);
      await page.waitForSelector("[data-testid=plan-list]");
      await look("plan-list", { reach: true });

      await page.click("[data-testid=open-plan]");
      await page.waitForSelector("[data-testid=field-title]");
      // Sơn Châu's units are in its own appendix rows: what is left to look at again is the
      // three rows without a lead and the two deadlines in 2021 (it was 46).
      await eventually(async () =>
        assert.equal(await page.textContent("#issue-summary-title"), "Cần xem lại (5)"),
      );
      await look("editor-top", { file: "editor-top" });
      await reachLastOutlineLink(page, viewport, problems);
      // A task filled in as a person does it, which also puts «Hoàn tác» on the screen.
      await page.click("#area-0-task-0-deadline");
      await page.fill("#area-0-task-0-deadline", "Quý I/2022");
      await page.locator("#area-0-task-0-content").first().focus();
      // Every part of the editor, each screenshot at the top of the screen.
      const parts = await page.$$eval(".form-part[id^=part-]", (parts) => [
        ...new Set(parts.map((part) => part.id)),
      ]);
      for (const part of parts) {
        await look(`editor-${part.replace(/^part-/, "")}`, { element: `#${part}`, file: `editor-${part.replace(/^part-/, "")}` });
      }
      await look("editor-task", { element: "#area-0-task-item-0", file: "editor-task" });
      await look("editor-appendix-table", { element: "#part-appendices .grid-scroll", file: "editor-appendix-table" });
      await look("editor", { reach: true, file: "editor-whole-top" });
      await page.click("#area-0-task-0-remove");
      await page.waitForSelector("[data-testid=undo-notice] button");
      await look("editor-undo-notice", { file: "editor-undo-notice" });
      // The notice may be gone after the checks on a slow machine; the undo bar's button stays.
      await page.click("[data-testid=undo]");
      await page.click("[data-testid=revision-history] summary");
      await page.locator("[data-testid=revision]").first().waitFor();
      await look("revision-history", { element: "[data-testid=revision-history]" });

      await page.click("[data-testid=open-print]");
      await page.waitForSelector("[data-testid=print-document]");
      await look("print-view", { reach: true });
      await look("print-appendix", { element: ".sheet.landscape, .sheet:last-child" });
      await page.click("[data-testid=print-back]");
      await page.waitForSelector("[data-testid=back-to-list]");

      // Following the plan: counts and every task, a task's details, the period's report.
      await page.click("[data-testid=open-progress]");
      await page.waitForSelector("[data-testid=progress-list][aria-busy=false]", { timeout: 20_000 });
      await page.click("[data-testid=period-q1]");
      await page.waitForSelector("[data-testid=progress-list][aria-busy=false]");
      await look("progress", { reach: true });
      const task = page.locator("[data-testid=progress-task]").first();
      await task.locator("[data-testid=progress-status]").selectOption({ label: "Không thực hiện, điều chỉnh" });
      await task.locator("[data-testid=progress-more]").click();
      await task.locator("[data-testid=progress-add-evidence]").click();
      await look("progress-task", { element: "[data-testid=progress-details]", reach: true });
      await page.click("[data-testid=tab-report]");
      await page.click("[data-testid=report-draft]");
      await page.waitForSelector("[data-testid=report-form]");
      await page.fill("[data-testid=figure-0]", "1,5");
      await look("progress-report", { reach: true });
      await look("progress-figures", { element: "[data-testid=report-figures]" });
      await page.click("[data-testid=report-print]");
      await page.waitForSelector("[data-testid=print-document]");
      await look("report-print-view", { reach: true });
      await page.click("[data-testid=print-back]");
      await page.click("[data-testid=progress-back]");
      await page.waitForSelector("[data-testid=back-to-list]");
      await page.click("[data-testid=back-to-list]");
      await page.waitForSelector("[data-testid=plan-list]");

      await importFile(page, BACKUP);
      await page.waitForSelector("[data-testid=import-dialog]");
      await look("import-preview", { reach: true });
      await page.keyboard.press("Escape");
      await page.waitForSelector("[data-testid=import-dialog]", { state: "detached" });

      await page.click("[data-testid=next-year-plan]");
      await page.waitForSelector("[data-testid=field-title]");
      await page.click("[data-testid=back-to-list]");
      await page.waitForSelector("[data-testid=plan-list]");
      const original = page.locator("[data-testid=plan-card]", { hasText: "2022" });
      await original.locator("[data-testid=next-year-plan]").click();
      await page.waitForSelector("[data-testid=next-year-choice]");
      await look("next-year-choice", { element: "[data-testid=next-year-choice]", reach: true });
      await page.click("[data-testid=next-year-new]");
      await page.waitForSelector("[data-testid=field-title]");
      await page.click("[data-testid=back-to-list]");
      await page.waitForSelector("[data-testid=plan-list]");

      await original.locator("[data-testid=delete-plan]").click();
      await page.click("[data-testid=trash] summary");
      await page.locator("[data-testid=trashed-plan]").first().waitFor();
      await look("trash", { element: "[data-testid=trash]", reach: true });

      // The inbox: the four sample plans and a report received, each round's views.
      await page.click("[data-testid=open-inbox]");
      await page.waitForSelector("[data-testid=inbox-empty]");
      const received = ["format-v1/hoang-hoa-district-2023.json", "format-v1/son-chau-commune-2022.json", "format-v1/son-tay-district-2023.json", "format-v2/son-chau-commune-2022-bao-cao-9-thang.json"];
      await page.setInputFiles("[data-testid=inbox-files]", received.map((name) => join(ROOT, "tests/fixtures", name)));
      await page.waitForSelector("[data-testid=inbox-summary]", { timeout: 30_000 });
      await look("inbox", { reach: true });
      await page.click("[data-testid=inbox-tab-files]");
      await page.locator("[data-testid=inbox-file-open]").first().click();
      await page.waitForSelector("[data-testid=inbox-file-details]");
      await look("inbox-files", { reach: true });
      await page.click("[data-testid=inbox-tab-consolidated]");
      await page.waitForSelector("[data-testid=inbox-consolidated]", { timeout: 30_000 });
      await look("inbox-consolidated", { reach: true });
      assert.deepEqual(problems, []);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });
}

/**
 * In the page: what keeps a person from reaching a control of the whole screen, by kind, each
 * named by its test id, id, label or text.
 * - covered: a focusable element whose centre, scrolled into the middle of the window, and again
 *   to its bottom edge (where Tab brings it), sideways to the nearest edge of its scroller, is
 *   under another element;
 * - column: a table's column heading that cannot be scrolled into its frame, or stays under a
 *   pinned (sticky) column there;
 * - small: on touch, a control under 44×44 CSS px. A link inside a sentence is exempt (its
 *   line is the target, as WCAG 2.5.8 allows); a checkbox or radio counts with its label, which
 *   toggles it too; an input drawn invisible (a styled choice, a file input) is measured by its
 *   label;
 * - cut: a table cell's text cut off (a one-line input holding more than its width, a text
 *   area taller inside than it is drawn).
 */
function reachProblems({ touch }) {
  const name = (el) => {
    const text = (el.getAttribute("aria-label") || el.textContent || el.value || "").trim().replace(/\s+/g, " ");
    const testid = el.getAttribute("data-testid");
    const where = el.id ? `#${el.id}` : el.classList.length ? `.${[...el.classList].join(".")}` : "";
    return `${el.tagName.toLowerCase()}${where}${testid ? `[${testid}]` : ""}${text ? ` «${text.slice(0, 40)}»` : ""}`;
  };
  // Behind an open modal dialog nothing else can be reached, nor has to be.
  const screen = document.querySelector("dialog:modal, [aria-modal=true]") ?? document;
  const tiny = (rect) => rect.width <= 1 || rect.height <= 1;
  const shown = (el) =>
    el.getClientRects().length > 0 &&
    getComputedStyle(el).visibility !== "hidden" &&
    !el.closest("[inert]") &&
    // Folded away: what a closed <details> holds besides its summary.
    ![...document.querySelectorAll("details:not([open])")].some(
      (details) => details.contains(el) && !details.querySelector(":scope > summary")?.contains(el),
    );
  const focusable = [
    ...screen.querySelectorAll('button, input, textarea, select, a[href], summary, [tabindex]:not([tabindex="-1"])'),
  ].filter((el) => !el.disabled && shown(el));
  /** What a finger or a pointer aims at for `el`: the element, or its label if it is drawn invisible. */
  const target = (el) => {
    if (!tiny(el.getBoundingClientRect())) return el;
    const label = el.labels?.[0] ?? el.closest("label");
    return label && !tiny(label.getBoundingClientRect()) ? label : null;
  };
  const found = { covered: [], "columns out of reach": [], "controls under 44×44 px": [], "cut cells": [] };

  for (const el of focusable) {
    const aim = target(el);
    if (!aim) continue;
    for (const block of ["center", "end"]) {
      // Sideways the nearest edge, as the browser brings a focused cell into view.
      aim.scrollIntoView({ block, inline: "nearest" });
      // The middle of what can be seen of it: an element taller than the window or its
      // scroller shows only a part.
      const box = aim.getBoundingClientRect();
      let [left, top, right, bottom] = [Math.max(box.left, 0), Math.max(box.top, 0), Math.min(box.right, innerWidth), Math.min(box.bottom, innerHeight)];
      for (let frame = aim.parentElement; frame && frame !== document.body; frame = frame.parentElement) {
        if (!/auto|scroll|hidden/.test(getComputedStyle(frame).overflow)) continue;
        const f = frame.getBoundingClientRect();
        [left, top, right, bottom] = [Math.max(left, f.left), Math.max(top, f.top), Math.min(right, f.right), Math.min(bottom, f.bottom)];
      }
      const x = (left + right) / 2;
      const y = (top + bottom) / 2;
      const hit = document.elementFromPoint(x, y);
      if (hit && (hit === aim || aim.contains(hit) || hit.contains(aim) && hit.tagName === "LABEL")) continue;
      const where = block === "center" ? "in the middle of the window" : "at the window's bottom edge";
      found.covered.push(`${name(el)} ${where}: under ${hit ? name(hit) : "nothing, out of the window"}`);
      break;
    }
  }

  if (touch) {
    for (const el of focusable) {
      let box = el.getBoundingClientRect();
      if (el.matches("input[type=checkbox], input[type=radio]") || tiny(box)) {
        // The label toggles the choice as well: the two together are the target.
        for (const label of el.labels ?? []) {
          const l = label.getBoundingClientRect();
          if (tiny(box)) box = l;
          else {
            const left = Math.min(box.left, l.left);
            const top = Math.min(box.top, l.top);
            box = new DOMRect(left, top, Math.max(box.right, l.right) - left, Math.max(box.bottom, l.bottom) - top);
          }
        }
      }
      if (tiny(box)) continue;
      const inline =
        el.tagName === "A" &&
        getComputedStyle(el).display === "inline" &&
        [...el.parentElement.childNodes].some((node) => node !== el && node.textContent.trim());
      if (inline) continue;
      if (box.width < 44 - 0.5 || box.height < 44 - 0.5) {
        found["controls under 44×44 px"].push(`${name(el)} ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
  }

  for (const table of screen.querySelectorAll("table")) {
    // A table drawn as cards (on a phone) has its headings only for screen readers.
    const head = table.querySelector("thead");
    if (!shown(table) || !head || tiny(head.getBoundingClientRect())) continue;
    const heads = [...table.querySelectorAll("thead th")].filter((th) => !tiny(th.getBoundingClientRect()));
    const pinned = heads.filter((th) => {
      const style = getComputedStyle(th);
      return style.position === "sticky" && (style.left !== "auto" || style.right !== "auto");
    });
    let scroller = table.parentElement;
    while (scroller && scroller !== document.body && !/auto|scroll|hidden/.test(getComputedStyle(scroller).overflowX)) {
      scroller = scroller.parentElement;
    }
    for (const th of heads) {
      // From the table's start, as far as the browser scrolls to show the heading.
      if (scroller && scroller !== document.body) scroller.scrollLeft = 0;
      th.scrollIntoView({ block: "center", inline: "nearest" });
      const box = th.getBoundingClientRect();
      let left = 0;
      let right = innerWidth;
      if (scroller && scroller !== document.body) {
        const frame = scroller.getBoundingClientRect();
        left = Math.max(left, frame.left + scroller.clientLeft);
        right = Math.min(right, frame.left + scroller.clientLeft + scroller.clientWidth);
      }
      const owner = table.closest("[aria-label]")?.getAttribute("aria-label") ?? table.closest("[id]")?.id;
      const label = `«${th.textContent.trim().slice(0, 30)}» of ${owner}`;
      if (box.left < left - 0.5 || box.right > right + 0.5) {
        found["columns out of reach"].push(`${label}: ${Math.round(box.left)}–${Math.round(box.right)} px in a frame of ${Math.round(left)}–${Math.round(right)} px`);
        continue;
      }
      const under = pinned.find((pin) => {
        if (pin === th) return false;
        const p = pin.getBoundingClientRect();
        return p.left < box.right - 0.5 && p.right > box.left + 0.5;
      });
      if (under) found["columns out of reach"].push(`${label}: under the pinned «${under.textContent.trim()}»`);
    }
  }

  for (const cell of screen.querySelectorAll("table input, table textarea")) {
    if (!shown(cell)) continue;
    const cut = cell.tagName === "INPUT" ? cell.scrollWidth > cell.clientWidth + 1 : cell.scrollHeight > cell.clientHeight + 1;
    if (cut) found["cut cells"].push(`${name(cell)}`);
  }
  return found;
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
 * The last part («Phụ lục») can be reached from where the form's places are listed: the
 * outline's last link, beside the form on a wide screen, brought into view where the outline
 * stands, then seen and tapped there; the toolbar's part switcher on a tablet held upright and
 * on a phone, where the outline is not shown. Either goes to the appendices.
 */
async function reachLastOutlineLink(page, viewport, problems) {
  const nav = page.locator("[data-testid=outline-nav]");
  const switcher = page.locator("[data-testid=part-switcher]");
  const beside = viewport.width >= 1000;
  if ((await nav.isVisible()) !== beside) problems.push(`outline shown: ${!beside} at ${viewport.width} px`);
  if ((await switcher.isVisible()) === beside) problems.push(`part switcher shown: ${beside} at ${viewport.width} px`);
  if (beside) {
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
  } else {
    await switcher.selectOption("part-appendices");
  }
  const focused = await page.evaluate(() => document.activeElement?.id);
  if (focused !== "part-appendices") problems.push(`going to «Phụ lục» went to ${focused}`);
}

