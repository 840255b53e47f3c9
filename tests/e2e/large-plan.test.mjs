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
    // The rows come into the page a slice at a time after the first paint: wait for all.
    await eventually(async () => {
      const drawn = await page.locator("textarea[id$=-content][id^=area-]").count();
      const waiting = await page.locator(".task-placeholder").count();
      assert.ok(drawn > 0 && drawn < TASKS / 2, `${drawn} task forms drawn`);
      assert.equal(drawn + waiting, TASKS);
    });
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

    // A waiting task is no stop of the Tab order; a tap on it draws it, with the cursor in
    // its content.
    const far = `area-${LAST_AREA}-task-20`;
    assert.equal(await page.locator(`#${far}`).evaluate((el) => el.matches("button, a, [tabindex]")), false);
    await page.locator(`#${far}`).evaluate((el) => el.click());
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

test("Tab and Shift+Tab go through a long plan's task fields in order, never onto a waiting task", async () => {
  const app = await openLongPlan();
  try {
    const { page } = app;
    const list = `area-${LAST_AREA}-task`;
    // From the title of the last area, Tab reaches its first task's content (through the
    // area's own fields) and then every field of that task, up to the next task's content.
    await page.locator(`#area-${LAST_AREA}`).evaluate((el) => el.scrollIntoView());
    const tasks = longPlan().areas[LAST_AREA].tasks.length;
    await eventually(async () => assert.equal(await page.locator(`#${list} > li`).count(), tasks));
    await page.focus(`#area-${LAST_AREA}-title`);
    const path = [];
    for (let step = 0; step < 80 && path.at(-1) !== `${list}-1-content`; step += 1) {
      await page.keyboard.press("Tab");
      path.push(
        await page.evaluate(() => {
          const focused = document.activeElement;
          if (focused?.closest(".task-placeholder, [data-near]")) return "placeholder";
          return focused?.id || focused?.closest("[id]")?.id || focused?.tagName;
        }),
      );
    }
    assert.ok(!path.includes("placeholder"), `the focus went onto a waiting task: ${path.join(" ")}`);
    const first = path.indexOf(`${list}-0-content`);
    assert.ok(first >= 0, `the first task's content was reached: ${path.join(" ")}`);
    assert.equal(path.at(-1), `${list}-1-content`, `the second task's content was reached: ${path.join(" ")}`);
    // In between, only the first task's own fields and tools, in order.
    const between = path.slice(first, -1);
    assert.ok(between.includes(`${list}-0-remove`), `its tools were reached: ${between.join(" ")}`);
    assert.ok(
      between.every((id) => id.startsWith(`${list}-0-`) || id.startsWith(`${list}-item-0`)),
      `only the first task between: ${between.join(" ")}`,
    );

    // Shift+Tab from the area's add button goes back into its last task, not past it.
    const last = tasks - 1;
    await page.locator(`#${list}-add`).scrollIntoViewIfNeeded();
    await page.focus(`#${list}-add`);
    await page.keyboard.press("Shift+Tab");
    await eventually(async () =>
      assert.equal(await page.evaluate(() => document.activeElement?.id), `${list}-${last}-remove`),
    );
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

test("a long key-task table shows its first rows at once and the rest as the browser is idle", async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await page.goto(app.url);
    // Every other task of the long plan is a key task: 150 rows in 10 groups.
    const plan = longPlan();
    plan.areas.forEach((area) => area.tasks.forEach((task, index) => (task.key_task = index % 2 === 0)));
    const keyTasks = plan.areas.flatMap((area) => area.tasks.filter((task) => task.key_task));
    plan.appendices = [
      { id: "dai-phu-luc", heading: "PHỤ LỤC", title: "NHIỆM VỤ TRỌNG TÂM", columns: "lead_and_partner", numbering: "run_on", rows: { kind: "key_tasks" } },
    ];
    await seedPlan(page, plan);
    await page.click("[data-testid=open-plan]");
    await page.waitForSelector("#plan-title");
    // Scroll to the table (again while the plan above it fills in and pushes it down), and
    // look the moment its first rows are there, before an idle moment adds more.
    const first = await page.evaluate(async () => {
      const table = await new Promise((resolve) => {
        const check = () => {
          const found = document.querySelector("#part-appendices table.grid");
          if (found?.querySelector("[data-testid=grid-row]")) return resolve(found);
          document.querySelector("#part-appendices").scrollIntoView();
          requestAnimationFrame(check);
        };
        check();
      });
      // Enter in the last row drawn moves to the cell below it, drawn for it.
      const rows = table.querySelectorAll("[data-testid=grid-row]");
      const lead = rows[rows.length - 1].querySelector("[data-col=lead]");
      lead.focus();
      lead.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
      return {
        rows: rows.length,
        row: Number(lead.dataset.row),
        busy: table.querySelectorAll("tbody[aria-busy=true]").length,
      };
    });
    assert.ok(first.rows > 0 && first.rows <= 12, `${first.rows} rows drawn first`);
    assert.ok(first.busy > 0, "the slices still to come say they are busy");
    await eventually(async () =>
      assert.deepEqual(
        await page.evaluate(() => [document.activeElement?.dataset.col, Number(document.activeElement?.dataset.row)]),
        ["lead", first.row + 1],
      ),
    );
    await page.waitForSelector("#part-appendices table.grid:not(:has(tbody[aria-busy]))", { timeout: 30_000 });
    const rows = await page.$$eval("#part-appendices [data-testid=grid-row]", (rows) =>
      rows.map((row) => [row.querySelector(".grid-tt").textContent.trim(), row.querySelector(".grid-content textarea").value]),
    );
    assert.equal(rows.length, keyTasks.length);
    // Every row in order with its number, each slice in its place.
    const areasInOrder = plan.areas.flatMap((area) => area.tasks.filter((task) => task.key_task).map((task) => task.content));
    assert.deepEqual(rows.map(([number]) => number), areasInOrder.map((_, index) => String(index + 1)));
    assert.deepEqual(rows.map(([, content]) => content), areasInOrder);
    // A cell far down the table is edited like any other, and saved.
    const last = page.locator("#part-appendices [data-testid=grid-row]").last().locator(".grid-content textarea");
    await last.fill("Việc trọng tâm cuối bảng");
    await waitSaved(page);
    // The app opens again on the plan being edited. Tab from the last row drawn, while the
    // rest still waits, goes on into the next row, not out of the table. Once the first rows
    // are there, the browser is kept from being idle, so that no more rows come in on their own.
    await page.reload();
    await page.waitForSelector("#plan-title");
    const tabFrom = await page.evaluate(async () => {
      const table = await new Promise((resolve) => {
        const check = () => {
          const found = document.querySelector("#part-appendices table.grid");
          if (found?.querySelector("tbody[aria-busy=true]") && found.querySelector("[data-testid=grid-row]")) return resolve(found);
          document.querySelector("#part-appendices").scrollIntoView();
          requestAnimationFrame(check);
        };
        check();
      });
      const held = [];
      const idle = window.requestIdleCallback.bind(window);
      window.requestIdleCallback = (callback, options) => (window.__idleHeld === false ? idle(callback, options) : (held.push(callback), 0));
      window.__releaseIdle = () => {
        window.__idleHeld = false;
        for (const callback of held.splice(0)) idle(callback);
      };
      // A slice already asked for comes in meanwhile; none after it.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const rows = table.querySelectorAll("[data-testid=grid-row]");
      // The row's last stop: its last cell (its tools are on a line of its task cell).
      const stops = rows[rows.length - 1].querySelectorAll("button:not([disabled]), input, textarea");
      stops[stops.length - 1].focus();
      return rows.length;
    });
    await page.keyboard.press("Tab");
    const tabbedTo = await page.evaluate(() => {
      const focused = document.activeElement;
      const rows = [...document.querySelectorAll("#part-appendices [data-testid=grid-row]")];
      return rows.findIndex((row) => row.contains(focused));
    });
    assert.ok(tabFrom < keyTasks.length, `${tabFrom} rows drawn before the Tab`);
    assert.equal(tabbedTo, tabFrom, `Tab from row ${tabFrom} of the rows drawn went on into the next row`);
    await page.evaluate(() => window.__releaseIdle());

    // A jump from «Mục lục» to the appendices,
    // before the table has come in, draws every row of it at once.
    await page.reload();
    await page.waitForSelector("#plan-title");
    const jump = await page.evaluate(async () => {
      const table = () => document.querySelector("#part-appendices table.grid");
      const count = () => ({
        rows: table()?.querySelectorAll("[data-testid=grid-row]").length ?? 0,
        busy: table()?.querySelectorAll("tbody[aria-busy=true]").length ?? 0,
      });
      const before = count();
      const link = [...document.querySelectorAll("[data-testid=outline-nav] button, [data-testid=outline-nav] a")].find(
        (element) => element.textContent.trim() === "Phụ lục",
      );
      link.click();
      await new Promise((resolve) => {
        const check = () => (table() ? resolve() : requestAnimationFrame(check));
        requestAnimationFrame(check);
      });
      return { before, first: count() };
    });
    assert.ok(jump.before.rows === 0 || jump.before.busy > 0, "the table was not yet whole before the jump");
    assert.deepEqual(jump.first, { rows: keyTasks.length, busy: 0 });
    assert.equal(await page.locator("#part-appendices [data-testid=grid-row]").last().locator(".grid-content textarea").inputValue(), "Việc trọng tâm cuối bảng");
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});
