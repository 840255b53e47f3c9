// A person's finger on the app, for the tests and the benchmark of writing by touch (issue #20):
// taps and swipes, each counted, and typing into the field that has the focus. On a page
// without touch (the phone size of screens.test.mjs) a press is a click and a swipe a turn of
// the mouse wheel, counted the same.
import { eventually } from "./harness.mjs";

/** How far one swipe moves the page at most, in screen heights: a comfortable stroke. */
const STROKE = 0.65;

/** A control is in reach when its middle is between these fractions of the screen's height. */
const REACH = [0.15, 0.85];

export class Finger {
  /** `touch`: whether the page has touch (openApp's `touch`). */
  constructor(page, { touch = true } = {}) {
    this.page = page;
    this.touch = touch;
    this.taps = 0;
    this.swipes = 0;
    /** What was tapped, in order. */
    this.tapped = [];
    this.cdp = null;
  }

  /** Swipes the page's content up by `dy` CSS px (down when negative), without a fling. */
  async swipe(dy) {
    this.swipes += 1;
    const { width, height } = this.page.viewportSize();
    if (!this.touch) {
      await this.page.mouse.move(width / 2, height / 2);
      await this.page.mouse.wheel(0, dy);
      await this.page.waitForTimeout(100);
      return;
    }
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    const x = Math.round(width / 2);
    const from = Math.round(dy > 0 ? height * 0.9 : height * 0.1);
    const to = from - dy;
    const steps = Math.max(2, Math.ceil(Math.abs(dy) / 40));
    const touch = (type, y) =>
      this.cdp.send("Input.dispatchTouchEvent", { type, touchPoints: y === undefined ? [] : [{ x, y }] });
    await touch("touchStart", from);
    for (let step = 1; step <= steps; step += 1) await touch("touchMove", Math.round(from - (dy * step) / steps));
    // The finger rests before it lifts, so the page stops where it was taken (no fling).
    await this.page.waitForTimeout(120);
    await touch("touchMove", to);
    await touch("touchEnd");
    await this.page.waitForTimeout(100);
  }

  /**
   * Swipes until `locator`'s middle is in reach, between the fractions `band` of the screen's
   * height (or the page can move no further).
   */
  async bringIntoReach(locator, band = REACH) {
    const height = this.page.viewportSize().height;
    for (let tries = 0; tries < 60; tries += 1) {
      await locator.waitFor({ state: "visible" });
      const box = await locator.boundingBox();
      const middle = box.y + box.height / 2;
      if (middle >= band[0] * height && middle <= band[1] * height) return;
      const wanted = middle - ((band[0] + band[1]) / 2) * height;
      const dy = Math.sign(wanted) * Math.min(Math.abs(wanted), STROKE * height);
      const before = await this.page.evaluate(() => window.scrollY);
      await this.swipe(Math.round(dy));
      if ((await this.page.evaluate(() => window.scrollY)) === before) {
        // At an end of the page: in reach if it is on the screen at all.
        const now = await locator.boundingBox();
        if (now.y >= 0 && now.y + now.height <= height) return;
        break;
      }
    }
    throw new Error(`could not swipe ${locator} into reach`);
  }

  /** Taps `locator`, swiping it into reach first as a person would. */
  async tap(locator) {
    const swipes = this.swipes;
    await this.bringIntoReach(locator);
    this.taps += 1;
    const target = String(locator).replace(/^locator\('(.*)'\)$/, "$1");
    this.tapped.push(this.swipes > swipes ? `(${this.swipes - swipes} swipes) ${target}` : target);
    if (this.touch) await locator.tap();
    else await locator.click();
  }

  /** Types `text` into `field`, tapping it first unless it already has the focus. */
  async typeInto(field, text) {
    const focused = await field.evaluate((element) => element === document.activeElement);
    if (!focused) await this.tap(field);
    await this.page.keyboard.type(text);
  }
}

/** The DOM id prefix of task `index` of area `area` (0-based): "area-6-task-0". */
export const taskKey = (area, index) => `area-${area}-task-${index}`;

/**
 * Adds a task at the end of area `area` (0-based; every task form drawn, as in a short plan)
 * and fills it by touch: `content`, then each of `output`, `lead` (picked from the unit
 * directory's offers after typing `leadQuery`), `partner` (typed), `deadline`, `budget` that is
 * given, and ticks it a key task when `key`. Returns the task's id prefix.
 */
export async function addTaskByTouch(page, finger, task) {
  const { area } = task;
  const index = await page.locator(`#area-${area}-task > li`).count();
  const key = taskKey(area, index);
  const field = (name) => page.locator(`#${key}-${name}`);
  await finger.tap(page.locator(`#area-${area}-task-add`));
  await finger.typeInto(field("content"), task.content);
  if (task.output) {
    await finger.tap(field("output-add"));
    await finger.typeInto(field("output-0"), task.output);
  }
  if (task.lead) {
    await finger.tap(field("lead-add"));
    await finger.typeInto(field("lead-0"), task.leadQuery ?? task.lead);
    const offer = page
      .locator(`#${key}-lead-0-units [data-testid=unit-offer]`)
      .filter({ hasText: new RegExp(`^\\s*${escape(task.lead)}\\s*$`) });
    await eventually(async () => {
      if ((await offer.count()) === 0) throw new Error(`«${task.lead}» is not offered`);
    });
    await finger.tap(offer);
  }
  if (task.partner) {
    await finger.tap(field("partner-add"));
    await finger.typeInto(field("partner-0"), task.partner);
  }
  if (task.deadline) await finger.typeInto(field("deadline"), task.deadline);
  if (task.budget) await finger.typeInto(field("budget"), task.budget);
  if (task.key) await finger.tap(page.locator(`label:has(#${key}-key)`));
  return key;
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
