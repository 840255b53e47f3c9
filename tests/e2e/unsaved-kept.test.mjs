// Typing that could not be saved because another tab saved the plan first is kept as a
// revision, never dropped: both when a read-only tab catches up, and when a tab closed before
// saving left its typing in the journal and another tab has saved since.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createPlan, dumpDatabase, failWrites, openPage, waitSaved, withApp } from "./harness.mjs";

/** The kept revisions of the database, with their reason and the title they hold. */
async function revisions(page) {
  const dump = JSON.parse(await dumpDatabase(page));
  return dump.revisions.values.map((record) => ({
    reason: record.reason,
    revision: record.revision,
    title: JSON.parse(record.json).title,
  }));
}

test("a read-only tab catching up keeps what it typed and could not save as a revision", async () => {
  await withApp(async (app) => {
    await createPlan(app.page);
    await waitSaved(app.page);
    const second = await openPage(app.context, app.url);
    const secondTitle = second.locator("[data-testid=field-title]");
    await secondTitle.waitFor();
    // The second tab's saves fail (its disk is full), so what it types stays unsaved.
    await failWrites(second);
    await secondTitle.fill("Gõ ở thẻ thứ hai, chưa lưu được");
    await second.waitForFunction(() =>
      document.querySelector("[data-testid=save-status]")?.textContent.startsWith("Bộ nhớ"),
    );
    // The first tab saves; the second turns read-only with its typing still unsaved.
    await app.page.locator("[data-testid=field-title]").fill("Bản đã lưu ở thẻ thứ nhất");
    await waitSaved(app.page);
    await second.waitForSelector("[data-testid=locked-banner]");
    assert.equal(await secondTitle.inputValue(), "Gõ ở thẻ thứ hai, chưa lưu được");
    assert.equal((await revisions(second)).filter((r) => r.reason === "unsaved").length, 0);

    await second.evaluate(() => window.__restoreDisk());
    await second.click("[data-testid=reload-latest]");
    await second.waitForSelector("[data-testid=kept-unsaved]");
    await second.waitForSelector("[data-testid=locked-banner]", { state: "detached" });
    assert.equal(await secondTitle.inputValue(), "Bản đã lưu ở thẻ thứ nhất");
    const kept = (await revisions(second)).filter((r) => r.reason === "unsaved");
    assert.deepEqual(kept.map((r) => r.title), ["Gõ ở thẻ thứ hai, chưa lưu được"]);
  });
});

test("typing left by a closed tab after another tab saved is kept as a revision", async () => {
  await withApp(async (app) => {
    const page = app.page;
    await createPlan(page);
    await waitSaved(page);
    const id = JSON.parse(await dumpDatabase(page)).plans.values[0].id;
    const journal = () => page.evaluate((id) => localStorage.getItem(`ke-hoach-cchc.unsaved.${id}`), id);
    // A second tab types but cannot save (its disk is full), and is closed: its typing goes
    // to the journal.
    const closing = await openPage(app.context, app.url);
    await closing.locator("[data-testid=field-title]").waitFor();
    await failWrites(closing);
    await closing.locator("[data-testid=field-title]").fill("Gõ ở thẻ đã đóng trước khi lưu");
    await closing.waitForFunction(() =>
      document.querySelector("[data-testid=save-status]")?.textContent.startsWith("Bộ nhớ"),
    );
    await closing.close();
    assert.match(await journal(), /Gõ ở thẻ đã đóng trước khi lưu/);
    // This tab saves since: the closed tab's journal is not its own, so it stays.
    await page.locator("[data-testid=field-title]").fill("Bản đã lưu sau đó");
    await waitSaved(page);
    assert.match(await journal(), /Gõ ở thẻ đã đóng trước khi lưu/);

    // Opening the plan again keeps the closed tab's typing as a revision and says so.
    await page.reload();
    await page.waitForSelector("[data-testid=kept-unsaved]");
    assert.equal(await page.locator("[data-testid=field-title]").inputValue(), "Bản đã lưu sau đó");
    const kept = (await revisions(page)).filter((r) => r.reason === "unsaved");
    assert.deepEqual(kept.map((r) => r.title), ["Gõ ở thẻ đã đóng trước khi lưu"]);
    assert.equal(await journal(), null, "the journal is dropped once kept");
    // Opening again keeps nothing twice.
    await page.reload();
    await page.waitForSelector("[data-testid=field-title]");
    assert.equal(await page.locator("[data-testid=kept-unsaved]").count(), 0);
    assert.equal((await revisions(page)).filter((r) => r.reason === "unsaved").length, 1);
    assert.ok(app.errors.every((error) => /Quota/i.test(error)), app.errors.join("\n"));
  });
});
