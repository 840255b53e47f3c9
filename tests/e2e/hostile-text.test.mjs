// Text from a received file cannot break the screens that show it (issue 23): a 420-letter
// word in the title, the issuing body, a task and a unit makes no screen scroll sideways and
// no printed part clip, and a right-to-left override (U+202E) left open in the issuing body
// does not turn round the app's own words after it on the plan's card. When the journal of
// unsaved typing cannot be written (localStorage full), the save indicator says so.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import {
  OUTPUT,
  ROOT,
  createPlan,
  dumpDatabase,
  eventually,
  holdPlansStore,
  openApp,
  screenshot,
  seedPlan,
  waitSaved,
} from "./harness.mjs";

const VIEWPORT = { width: 800, height: 1280 };
/** One word of 420 letters, no space, no hyphen. */
const WORD = "CHUỖIDÀI".repeat(53).slice(0, 420);
const RLO = "\u202E";
const PDF = "\u202C";

/**
 * Sơn Châu's plan as a hostile sender might send it: long words everywhere, an override closed
 * at the end of the title (which a sanitiser may keep), and one left open in the issuing body.
 * The plan list reads the issuing body from the stored record as it is.
 */
function hostilePlan() {
  const plan = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/plans/son-chau-commune-2022.json"), "utf8"));
  plan.id = "hostile-text";
  plan.title = `Thực hiện ${WORD} năm 2022 ${RLO}Sơn Châu${PDF}`;
  plan.issuing_body = `ỦY BAN NHÂN DÂN XÃ ${WORD} ${RLO}SƠN CHÂU`;
  plan.areas[0].title = `Công tác ${WORD}`;
  const task = plan.areas[0].tasks[0];
  task.content = `Chỉ đạo ${WORD} ${task.content}`;
  task.lead_units = [WORD];
  // Read as no deadline: the checks quote it.
  task.deadline = WORD;
  const row = plan.appendices[0].rows.groups[0].tasks[0];
  row.content = `${WORD} ${row.content}`;
  row.lead_units = [WORD];
  return plan;
}

/** What is wrong if the page is wider than the window (it would scroll sideways). */
async function sidewaysScroll(page, where) {
  const { wide, window } = await page.evaluate(() => ({
    wide: document.documentElement.scrollWidth,
    window: innerWidth,
  }));
  return wide > window ? [`${where}: the page is ${wide} px wide in a ${window} px window`] : [];
}

test("a 420-letter word and an open U+202E neither widen nor turn round the list, the editor or the print view", async () => {
  const app = await openApp({ viewport: VIEWPORT });
  const { page } = app;
  // What is wrong, screen by screen, reported together at the end so one run shows all of it.
  const problems = [];
  try {
    await page.goto(app.url);
    await seedPlan(page, hostilePlan());
    await page.waitForSelector("[data-testid=plan-card]");
    await screenshot(page, "hostile-plan-list-800x1280");
    problems.push(...(await sidewaysScroll(page, "plan list")));

    const card = await page.$eval(".plan-card-meta", (meta) => {
      // The element that holds the issuing body alone, if any.
      const holder = [...meta.querySelectorAll("*")].find(
        (element) => element.textContent.includes("ỦY BAN") && !element.textContent.includes("năm 2022"),
      );
      // Where «năm 2022», the app's own words after it, is drawn: first letter, last digit.
      const walker = document.createTreeWalker(meta, NodeFilter.SHOW_TEXT);
      let node;
      while ((node = walker.nextNode()) && !node.data.includes("năm 2022"));
      const start = node.data.indexOf("năm 2022");
      const left = (offset) => {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        return range.getClientRects()[0].left;
      };
      return {
        isolated: holder ? holder.tagName === "BDI" || getComputedStyle(holder).unicodeBidi === "isolate" : false,
        first: left(start),
        last: left(start + "năm 2022".length - 1),
      };
    });
    if (!card.isolated) problems.push("card: the issuing body is not isolated (<bdi> or unicode-bidi: isolate)");
    if (!(card.first < card.last)) {
      problems.push(`card: «năm 2022» is drawn right to left (first letter at ${card.first}, last at ${card.last})`);
    }

    await page.click("[data-testid=open-plan]");
    await page.waitForSelector("[data-testid=field-title]");
    // The areas and the appendix are drawn as they come into view: each part is looked at
    // where it stands (the whole editor is some 40,000 px long).
    for (const [name, part] of [
      ["top", "#app"],
      ["outline", "[data-testid=part-switcher]"],
      ["areas", "#part-areas"],
      ["task", "#area-0-task-item-0"],
      ["appendix", "#part-appendices"],
    ]) {
      for (let pass = 0; pass < 2; pass += 1) {
        await page.locator(part).first().evaluate((element) => element.scrollIntoView());
        await page.waitForTimeout(200);
      }
      await page.screenshot({ path: join(OUTPUT, "screenshots", `hostile-editor-${name}-800x1280.png`) });
      problems.push(...(await sidewaysScroll(page, `editor at ${part}`)));
    }

    await page.click("[data-testid=open-print]");
    await page.waitForSelector("[data-testid=print-document] .doc-nation");
    for (const media of ["screen", "print"]) {
      await page.emulateMedia({ media });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(OUTPUT, "screenshots", `hostile-print-view-${media}-800x1280.png`) });
      problems.push(...(await sidewaysScroll(page, `print view (${media})`)));
      const clipped = await page.evaluate(() => {
        const problems = [];
        const frame = document.querySelector("[data-testid=print-document]");
        if (frame.scrollWidth > frame.clientWidth) {
          problems.push(`the frame is ${frame.scrollWidth} px wide in ${frame.clientWidth} px`);
        }
        const nation = document.querySelector(".doc-nation");
        if (!nation.textContent.includes("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) problems.push("no national title");
        const sheet = nation.closest(".sheet");
        const box = nation.getBoundingClientRect();
        const paper = sheet.getBoundingClientRect();
        if (box.left < paper.left - 0.5 || box.right > paper.right + 0.5) {
          problems.push(`«CỘNG HÒA…» spans ${box.left}–${box.right} px on a sheet of ${paper.left}–${paper.right} px`);
        }
        for (let element = nation; element !== sheet.parentElement; element = element.parentElement) {
          if (element.scrollWidth > element.clientWidth + 1) {
            problems.push(`${element.className || element.tagName} is ${element.scrollWidth} px wide in ${element.clientWidth} px`);
          }
        }
        for (const paragraph of frame.querySelectorAll(".sheet p, .sheet td")) {
          if (paragraph.scrollWidth > paragraph.clientWidth + 1) {
            problems.push(`«${paragraph.textContent.slice(0, 40)}…» is ${paragraph.scrollWidth} px wide in ${paragraph.clientWidth} px`);
          }
        }
        return problems.slice(0, 8);
      });
      problems.push(...clipped.map((problem) => `print view (${media}): ${problem}`));
    }
    await page.emulateMedia({ media: "screen" });

    // In the trash the title is followed by the app's words too.
    await page.click("[data-testid=print-back]");
    await page.click("[data-testid=back-to-list]");
    await page.click("[data-testid=delete-plan]");
    await page.click("[data-testid=trash] summary");
    await page.locator("[data-testid=trashed-plan]").waitFor();
    await screenshot(page, "hostile-trash-800x1280");
    problems.push(...(await sidewaysScroll(page, "trash")));
    assert.deepEqual(problems, []);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test("when the journal of unsaved typing cannot be written, the save indicator says the typing is not yet safe", async () => {
  const app = await openApp({ viewport: VIEWPORT });
  const { page } = app;
  try {
    await page.goto(app.url);
    await createPlan(page);
    await waitSaved(page);
    await page.evaluate(() => {
      // localStorage is full, as it is for a plan of 17 MB.
      Storage.prototype.setItem = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    });
    // The save waits behind a transaction of the test's own, as a slow save of a long plan
    // would, until it is released.
    const held = await holdPlansStore(app.context, app.url);
    const typed = "Gõ khi bộ nhớ tạm đã đầy";
    await page.locator("[data-testid=field-title]").fill(typed);
    // The tablet switches to another app: the page is hidden and the journal written at once.
    await page.evaluate(() => {
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
      document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
      delete document.visibilityState;
    });
    const status = page.locator("[data-testid=save-status]");
    await eventually(async () =>
      assert.equal(
        await status.textContent(),
        "Phần vừa gõ chưa được lưu an toàn: nếu đóng trang lúc này, phần đó có thể bị mất.",
      ),
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(OUTPUT, "screenshots", "journal-not-written-800x1280.png") });
    // The save to IndexedDB still happens, and then the indicator says so.
    await held.release();
    await waitSaved(page);
    assert.ok((await dumpDatabase(page)).includes(typed), "the typing was not saved to IndexedDB");
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});
