// The plan list as a drafter uses it: new plans from the templates of each level, search
// without accents, Vietnamese order, duplicate, and next year's plan (new, or into the plan of
// that year already there, overwriting nothing).
import assert from "node:assert/strict";
import { test } from "node:test";
import { createPlan, openApp, screenshot, waitSaved, withApp } from "./harness.mjs";

const titles = (page) => page.locator("[data-testid=plan-list] .plan-card-title").allTextContents();

async function backToList(page) {
  await page.click("[data-testid=back-to-list]");
  await page.waitForSelector("[data-testid=plan-list]");
}

test("plans made from templates are found without accents and ordered the Vietnamese way", async () => {
  await withApp(async ({ page, errors }) => {
    await page.waitForSelector("[data-testid=no-plans]");
    await page.click("[data-testid=new-plan]");
    await page.waitForSelector("[data-testid=new-plan-form]");
    await screenshot(page, "new-plan-form");
    await page.setViewportSize({ width: 412, height: 915 });
    await screenshot(page, "new-plan-form-phone");
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.click("[data-testid=cancel-new-plan]");

    await createPlan(page, { kind: "commune-three-level", name: "Tịnh Minh", superior: "huyện Sơn Tịnh", year: 2024 });
    assert.equal(await page.inputValue("[data-testid=field-title]"), "Cải cách hành chính năm 2024 xã Tịnh Minh");
    assert.equal(await page.inputValue("[data-testid=field-issuing-body]"), "ỦY BAN NHÂN DÂN XÃ TỊNH MINH");
    assert.equal(await page.inputValue("[data-testid=field-year]"), "2024");
    await backToList(page);
    await createPlan(page, { kind: "district-three-level", name: "Sơn Tây", superior: "tỉnh Quảng Ngãi", year: 2023 });
    assert.equal(await page.inputValue("[data-testid=field-issuing-body]"), "ỦY BAN NHÂN DÂN HUYỆN SƠN TÂY");
    await backToList(page);
    await createPlan(page, { name: "Đông Sơn", superior: "tỉnh Thanh Hóa", year: 2026 });
    assert.equal(await page.inputValue("[data-testid=field-issuing-body]"), "ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN");
    await backToList(page);

    const search = async (query) => {
      await page.fill("[data-testid=plan-search]", query);
      return (await page.locator("[data-testid=plan-card]").count()) === 0 ? [] : titles(page);
    };
    assert.deepEqual(await search("tinh minh"), ["Cải cách hành chính năm 2024 xã Tịnh Minh"]);
    assert.equal((await search("cai cach")).length, 3);
    assert.deepEqual(await search("dong son"), ["Cải cách hành chính năm 2026 xã Đông Sơn"]);
    assert.deepEqual(await search("huyen 2023"), ["Cải cách hành chính năm 2023 huyện Sơn Tây"]);
    // The list stays in the page, hidden, while nothing matches, and comes back as it was.
    await page.$eval("[data-testid=plan-list]", (list) => (list.dataset.seen = "before-search"));
    assert.deepEqual(await search("không có kế hoạch này"), []);
    assert.match(await page.textContent("[data-testid=no-match]"), /Không có kế hoạch nào khớp/);
    assert.deepEqual(
      await page.$eval("[data-testid=plan-list]", (list) => [list.hidden, getComputedStyle(list).display]),
      [true, "none"],
    );
    await search("");
    assert.equal(await page.getAttribute("[data-testid=plan-list]", "data-seen"), "before-search");

    // By name: HUYỆN before XÃ, and within XÃ, Đ after D-less letters but before T.
    await page.selectOption("[data-testid=plan-order]", "name");
    assert.deepEqual(await titles(page), [
      "Cải cách hành chính năm 2023 huyện Sơn Tây",
      "Cải cách hành chính năm 2026 xã Đông Sơn",
      "Cải cách hành chính năm 2024 xã Tịnh Minh",
    ]);
    await page.selectOption("[data-testid=plan-order]", "year");
    assert.deepEqual((await titles(page)).map((t) => t.match(/\d{4}/)[0]), ["2026", "2024", "2023"]);
    await screenshot(page, "plan-list-sorted");
    assert.deepEqual(errors, []);
  });
});

test("duplicate, and next year's plan made new and then carried into the one that exists", async () => {
  await withApp(async ({ page, errors }) => {
    await createPlan(page, { kind: "commune-three-level", name: "Tịnh Minh", superior: "huyện Sơn Tịnh", year: 2024 });
    await backToList(page);

    const card = (title) => page.locator("[data-testid=plan-card]", { hasText: title });
    await card("năm 2024").locator("[data-testid=duplicate-plan]").click();
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=plan-card]").length === 2);
    assert.ok((await titles(page)).includes("Cải cách hành chính năm 2024 xã Tịnh Minh (bản sao)"));
    // A card is drawn again only when what it shows changed: deleting the copy leaves the
    // original's card, the very element, in place.
    await page.evaluate(() => {
      const original = [...document.querySelectorAll("[data-testid=plan-card]")].find(
        (li) => li.querySelector(".plan-card-title").textContent === "Cải cách hành chính năm 2024 xã Tịnh Minh",
      );
      original.dataset.seen = "before-delete";
    });
    await card("(bản sao)").locator("[data-testid=delete-plan]").click();
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=plan-card]").length === 1);
    assert.equal(await page.getAttribute("[data-testid=plan-card]", "data-seen"), "before-delete");
    // The focus went on to the card left, not back to the top of the page.
    assert.deepEqual(
      await page.evaluate(() => [document.activeElement?.dataset.testid, document.activeElement?.closest("li")?.dataset.seen]),
      ["open-plan", "before-delete"],
    );

    // Next year's plan, new: years moved on, number left blank for the new document.
    await card("năm 2024").locator("[data-testid=next-year-plan]").click();
    await page.waitForSelector("[data-testid=field-title]");
    assert.equal(await page.inputValue("[data-testid=field-title]"), "Cải cách hành chính năm 2025 xã Tịnh Minh");
    assert.equal(await page.inputValue("[data-testid=field-year]"), "2025");
    assert.equal(await page.inputValue("[data-testid=field-number]"), "");
    // The drafter makes the title their own.
    await page.fill("[data-testid=field-title]", "Kế hoạch CCHC năm 2025 (bản đang soạn)");
    await waitSaved(page);
    await backToList(page);
    assert.equal(await page.locator("[data-testid=plan-card]").count(), 2);

    // Again from 2024: the 2025 plan exists, so the app offers to carry into it.
    await card("năm 2024").locator("[data-testid=next-year-plan]").click();
    await page.waitForSelector("[data-testid=next-year-choice]");
    await screenshot(page, "next-year-choice");
    await page.click("[data-testid=next-year-into-existing]");
    await page.waitForSelector("[data-testid=field-title]");
    assert.equal(await page.inputValue("[data-testid=field-title]"), "Kế hoạch CCHC năm 2025 (bản đang soạn)");
    await backToList(page);
    assert.equal(await page.locator("[data-testid=plan-card]").count(), 2);
    assert.deepEqual(errors, []);
  });
});

test("the drag-and-drop hint shows with a mouse and not on a touch tablet", async () => {
  const hint = "text=Có thể kéo thả tệp .json vào trang để nhập.";
  for (const [setup, shown] of [
    [{ viewport: { width: 1280, height: 800 } }, true],
    [{ viewport: { width: 800, height: 1280 }, touch: true }, false],
  ]) {
    const app = await openApp(setup);
    try {
      await app.page.goto(app.url);
      await app.page.waitForSelector("[data-testid=import-file]");
      assert.equal(await app.page.locator(hint).isVisible(), shown, JSON.stringify(setup));
    } finally {
      await app.close();
    }
  }
});

