// A long plan (300 tasks) opens unfolded: the task forms near the screen are drawn, the others
// are plain text until they come near, and every task can still be found, jumped to, focused,
// edited and saved.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, eventually, openApp, seedPlan, waitSaved } from "./harness.mjs";

const FIXTURE = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/plans/tinh-minh-commune-2024.json"), "utf8"));
const TASKS = 300;

/** Tịnh Minh's plan grown to `TASKS` tasks spread over its areas, each with its own content. */
function longPlan() {
  const originals = FIXTURE.areas.flatMap((area) => area.tasks ?? []);
  const areas = FIXTURE.areas.map((area) => ({ ...area, tasks: [], sub_areas: [] }));
  for (let n = 0; n < TASKS; n += 1) {
    const task = { ...originals[n % originals.length], id: `dai-${n}`, content: `${originals[n % originals.length].content} (việc ${n + 1})` };
    areas[n % areas.length].tasks.push(task);
  }
  // One task near the end has no lead unit: the checks list it, and jump to it.
  const last = areas[areas.length - 1];
  last.tasks[30] = { ...last.tasks[30], lead_units: [] };
  return { ...FIXTURE, id: "ke-hoach-dai", areas, appendices: [] };
}

const LAST_AREA = FIXTURE.areas.length - 1;

async function openLongPlan(viewport) {
  const app = await openApp(viewport ? { viewport } : undefined);
  await app.page.goto(app.url);
  await seedPlan(app.page, longPlan());
  await app.page.click("[data-testid=open-plan]");
  await app.page.waitForSelector("#plan-title");
  return app;
}

test("a 300-task plan opens unfolded, drawing the task forms near the screen", async () => {
  const app = await openLongPlan();
  try {
    const { page } = app;
    // Scrolled to, an area's tasks are full forms, not folded lines.
    await page.locator("#area-1").evaluate((el) => el.scrollIntoView());
    await page.waitForSelector("#area-1-task-0-content");
    assert.equal(await page.locator("#area-1-task-0").count(), 0, "no placeholder left for a drawn task");
    assert.match(await page.inputValue("#area-1-task-0-content"), /\(việc 2\)$/);
    // Far tasks wait as text, the start of it shown and the rest hidden until found, which
    // find-in-page searches.
    const drawn = await page.locator("textarea[id$=-content][id^=area-]").count();
    const waiting = await page.locator(".task-placeholder").count();
    assert.ok(drawn > 0 && drawn < TASKS / 2, `${drawn} task forms drawn`);
    assert.equal(drawn + waiting, TASKS);
    const findable = await page.evaluate(
      (needle) =>
        [...document.querySelectorAll(".task-placeholder")].some(
          (button) =>
            button.textContent.includes(needle) &&
            [...button.querySelectorAll("[hidden]")].every((hidden) => hidden.getAttribute("hidden") === "until-found"),
        ),
      `(việc ${TASKS})`,
    );
    assert.ok(findable, "the last task's text is in the page, findable");

    // The keyboard: a waiting task that gets the focus is drawn, with the cursor in its content.
    const far = `area-${LAST_AREA}-task-20`;
    await page.locator(`#${far}`).focus();
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), `${far}-content`));

    // The checks jump to a task that was never drawn, through its placeholder.
    const missing = `area-${LAST_AREA}-task-30`;
    assert.equal(await page.locator(`#${missing}-lead-add`).count(), 0);
    await page.locator("[data-testid=issue-link]", { hasText: "Chưa có cơ quan chủ trì" }).first().click();
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), `${missing}-lead-add`));
    await page.screenshot({ path: join(ROOT, "test-output/screenshots/large-plan-jump-1280x800.png") });

    // What is typed there is saved and there after a reload.
    await page.fill(`#${missing}-content`, "Nhiệm vụ sửa ở cuối kế hoạch dài");
    await waitSaved(page);
    await page.reload();
    await page.waitForSelector("#plan-title");
    await page.locator(`#area-${LAST_AREA}`).evaluate((el) => el.scrollIntoView());
    await page.locator(`#${missing}`).scrollIntoViewIfNeeded().catch(() => {});
    await page.locator(`#${missing}-content`).waitFor();
    assert.equal(await page.inputValue(`#${missing}-content`), "Nhiệm vụ sửa ở cuối kế hoạch dài");
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test("a long plan on a phone: screenshots of drawn and waiting tasks", async () => {
  const app = await openLongPlan({ width: 412, height: 915 });
  try {
    const { page } = app;
    await page.locator("#area-2").evaluate((el) => el.scrollIntoView());
    await page.waitForSelector("#area-2-task-0-content");
    await page.screenshot({ path: join(ROOT, "test-output/screenshots/large-plan-task-412x915.png") });
    // Far ahead at once: the tasks there are drawn too.
    await page.evaluate(() => window.scrollTo(0, document.getElementById("area-6").offsetTop + 20000));
    await page.waitForTimeout(500);
    assert.ok((await page.locator("[data-near]").count()) > 0, "some tasks still wait");
    await page.screenshot({ path: join(ROOT, "test-output/screenshots/large-plan-far-412x915.png") });
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});
