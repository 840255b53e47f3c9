// Nothing deleted or overwritten is gone for good: earlier revisions of a plan can be restored,
// and a deleted plan waits in the trash.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createPlan, screenshot, waitSaved, withApp } from "./harness.mjs";

test("an earlier revision can be restored, and the replaced text is kept too", async () => {
  await withApp(async (app) => {
    const page = app.page;
    await createPlan(page);
    const title = page.locator("[data-testid=field-title]");
    const original = await title.inputValue();
    await title.fill("Bản sửa cần bỏ");
    await waitSaved(page);
    await page.click("[data-testid=revision-history] summary");
    // The plan's first save, made when it was created, is the one revision so far.
    const restoreButtons = page.locator("[data-testid=restore-revision]");
    await restoreButtons.first().waitFor();
    assert.equal(await restoreButtons.count(), 1);
    await restoreButtons.first().click();
    await page.waitForFunction(
      (expected) => document.querySelector("[data-testid=field-title]")?.value === expected,
      original,
    );
    // The text it replaced became a revision of its own, and can come back.
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=revision]").length === 2);
    assert.match(await page.locator("[data-testid=revision]").first().textContent(), /bản trước khi khôi phục/);
    await screenshot(page, "revision-history-1280x800");
    await restoreButtons.first().click();
    await page.waitForFunction(
      () => document.querySelector("[data-testid=field-title]")?.value === "Bản sửa cần bỏ",
    );
    await page.reload();
    await page.waitForSelector("[data-testid=field-title]");
    assert.equal(await title.inputValue(), "Bản sửa cần bỏ");
    assert.deepEqual(app.errors, []);
  });
});

test("the revision history is read only while its panel is open", async () => {
  await withApp(async (app) => {
    const page = app.page;
    // Counts the reads of kept revisions: each holds a whole plan, and forty of a long plan are
    // megabytes, too much to read again after every save of typing.
    await page.addInitScript(() => {
      window.__revisionReads = 0;
      for (const kind of [IDBObjectStore, IDBIndex]) {
        for (const method of ["openCursor", "getAll"]) {
          const original = kind.prototype[method];
          kind.prototype[method] = function (...args) {
            const store = this instanceof IDBIndex ? this.objectStore : this;
            if (store.name === "revisions") window.__revisionReads += 1;
            return original.apply(this, args);
          };
        }
      }
    });
    await page.reload();
    await createPlan(page);
    const title = page.locator("[data-testid=field-title]");
    for (const text of ["Bản một", "Bản hai", "Bản ba"]) {
      await title.fill(text);
      await waitSaved(page);
    }
    assert.equal(await page.evaluate(() => window.__revisionReads), 0);
    await page.click("[data-testid=revision-history] summary");
    await page.locator("[data-testid=revision]").first().waitFor();
    const whenOpened = await page.evaluate(() => window.__revisionReads);
    assert.ok(whenOpened >= 1);
    // Open, it follows the saves; closed again, it stops reading.
    await title.fill("Bản bốn");
    await waitSaved(page);
    await page.waitForFunction((before) => window.__revisionReads > before, whenOpened);
    await page.click("[data-testid=revision-history] summary");
    const whenClosed = await page.evaluate(() => window.__revisionReads);
    await title.fill("Bản năm");
    await waitSaved(page);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__revisionReads), whenClosed);
    assert.deepEqual(app.errors, []);
  });
});

/** Makes a plan titled `title`, goes back to the list and deletes it from its card. */
async function createAndDelete(page, title) {
  await createPlan(page);
  await page.locator("[data-testid=field-title]").fill(title);
  await waitSaved(page);
  await page.click("[data-testid=back-to-list]");
  await page.waitForSelector("[data-testid=plan-list]");
  await page.click("[data-testid=delete-plan]");
  await page.waitForSelector("[data-testid=no-plans]");
}

test("a deleted plan goes to the trash and comes back from it", async () => {
  await withApp(async (app) => {
    const page = app.page;
    await createAndDelete(page, "Kế hoạch sẽ xóa");
    await page.click("[data-testid=trash] summary");
    assert.match(await page.textContent("[data-testid=trashed-plan]"), /Kế hoạch sẽ xóa/);
    await screenshot(page, "trash-1280x800");
    await page.click("[data-testid=restore-plan]");
    await page.waitForSelector("[data-testid=plan-list]");
    assert.match(await page.textContent("[data-testid=plan-list]"), /Kế hoạch sẽ xóa/);
    assert.equal(await page.locator("[data-testid=trash]").count(), 0);
    assert.deepEqual(app.errors, []);
  });
});

test("a delete says where the plan went and «Hoàn tác» brings it back at once", async () => {
  await withApp(async (app) => {
    const page = app.page;
    await createAndDelete(page, "Kế hoạch xóa nhầm");
    const notice = page.locator("[data-testid=deleted-notice]");
    assert.equal(await notice.textContent(), "Đã chuyển «Kế hoạch xóa nhầm» vào Thùng rác. Hoàn tác");
    await screenshot(page, "deleted-notice-1280x800");
    await page.click("[data-testid=undo-delete]");
    await page.waitForSelector("[data-testid=plan-list]");
    assert.match(await page.textContent("[data-testid=plan-list]"), /Kế hoạch xóa nhầm/);
    assert.equal(await notice.count(), 0);
    assert.equal(await page.locator("[data-testid=trash]").count(), 0);
    // Opened again, it is the plan as it was.
    await page.click("[data-testid=open-plan]");
    assert.equal(await page.inputValue("[data-testid=field-title]"), "Kế hoạch xóa nhầm");
    assert.deepEqual(app.errors, []);
  });
});
