// Where am I in the plan, and how do I get to another part (issue #20): beside the form on a
// landscape tablet the outline marks the place at the top of the form; on a tablet held upright
// and on a phone, where the outline would push the form down, the editor's toolbar has a part
// switcher that says which part is in view and goes to any other, areas included. The first
// screen shows a field to fill at every size, the toolbar keeps to one line on a phone and, on
// a tablet, opens the print view from anywhere in the form.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { OUTPUT, createPlan, eventually, openApp } from "./harness.mjs";

const SIZES = [
  { width: 800, height: 1280 },
  { width: 1280, height: 800 },
  { width: 412, height: 915 },
];

/** Opens a new plan made from the app's template at `viewport` (touch). */
async function newPlan(viewport) {
  const app = await openApp({ viewport, touch: true });
  await app.page.goto(app.url);
  await createPlan(app.page, { name: "Tịnh Minh", superior: "tỉnh Quảng Ngãi", year: 2026 });
  await app.page.waitForSelector("#part-appendices");
  return app;
}

/** Where `selector` stands against the toolbar's bottom and the window's height. */
function placeOf(page, selector) {
  return page.evaluate((selector) => {
    const box = document.querySelector(selector).getBoundingClientRect();
    const bar = document.querySelector("[data-testid=editor-toolbar]").getBoundingClientRect();
    return { top: box.top, bottom: box.bottom, under: bar.bottom, height: innerHeight };
  }, selector);
}

for (const viewport of SIZES) {
  const size = `${viewport.width}x${viewport.height}`;
  test(`the first editor screen shows a field to fill, and the toolbar keeps to one line (${size}, touch)`, async () => {
    const app = await newPlan(viewport);
    try {
      const { page } = app;
      await page.evaluate(() => window.scrollTo(0, 0));
      const field = await page.evaluate(() =>
        [...document.querySelectorAll("#part-header input, #part-header select, #part-header textarea")].some(
          (field) => {
            const box = field.getBoundingClientRect();
            return box.height > 0 && box.top >= 0 && box.bottom <= innerHeight;
          },
        ),
      );
      assert.ok(field, "no field of «Thông tin chung» whole on the first screen");
      const toolbar = await page.locator("[data-testid=editor-toolbar]").boundingBox();
      assert.ok(toolbar.height <= 72, `toolbar ${toolbar.height} px high`);
      for (const name of ["Hoàn tác", "Làm lại"]) {
        const button = await page.getByRole("button", { name, exact: true }).boundingBox();
        assert.ok(button.width >= 44 && button.height >= 44, `«${name}» ${button.width}×${button.height}`);
      }
      // The whole document is a tap away from deep in the form, but on a phone.
      const print = page.locator("[data-testid=toolbar-print]");
      assert.equal(await print.isVisible(), viewport.width >= 600);
      if (viewport.width >= 600) {
        await page.locator("#part-signer").evaluate((part) => part.scrollIntoView());
        await print.tap();
        await page.waitForSelector("[data-testid=print-document] .doc-nation");
      }
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });
}

for (const viewport of [SIZES[0], SIZES[2]]) {
  const size = `${viewport.width}x${viewport.height}`;
  test(`the toolbar's part switcher says which part is in view and goes to any other (${size}, touch)`, async () => {
    const app = await newPlan(viewport);
    try {
      const { page } = app;
      const switcher = page.locator("[data-testid=part-switcher]");
      assert.equal(await page.locator("[data-testid=outline-nav]").isVisible(), false);
      assert.ok(await switcher.isVisible());
      const box = await switcher.boundingBox();
      assert.ok(box.height >= 44, `switcher ${box.height} px high`);
      await eventually(async () => assert.equal(await switcher.inputValue(), "part-header"));

      // Every part is there, and the areas under theirs, in the order of the form.
      const options = await switcher.locator("option").evaluateAll((options) =>
        options.map((option) => [option.value, option.textContent.trim()]),
      );
      const parts = await page.$$eval(".form-part[id^=part-]", (parts) => parts.map((part) => part.id));
      assert.deepEqual(
        options.map(([value]) => value).filter((value) => value.startsWith("part-")),
        parts,
      );
      const areas = options.findIndex(([value]) => value === "part-areas");
      assert.deepEqual(options[areas + 1], ["area-0", "1. Công tác chỉ đạo, điều hành"]);

      // A part chosen: its heading just below the toolbar, its section focused, the switcher on it.
      await switcher.selectOption("part-funding");
      assert.equal(await page.evaluate(() => document.activeElement?.id), "part-funding");
      await eventually(async () => {
        const place = await placeOf(page, "#part-funding-title");
        assert.ok(place.top >= place.under && place.top <= place.under + 48, JSON.stringify(place));
      });
      await eventually(async () => assert.equal(await switcher.inputValue(), "part-funding"));
      await page.screenshot({ path: join(OUTPUT, "screenshots", `part-switcher-funding-${size}.png`) });

      // An area chosen, then the page scrolled by hand: the switcher follows.
      await switcher.selectOption("area-2");
      await eventually(async () => assert.equal(await switcher.inputValue(), "area-2"));
      const place = await placeOf(page, "[id='area-2']");
      assert.ok(place.top >= place.under, JSON.stringify(place));
      await page.locator("#part-bases").evaluate((part) => part.scrollIntoView());
      await eventually(async () => assert.equal(await switcher.inputValue(), "part-bases"));
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await eventually(async () => assert.equal(await switcher.inputValue(), "part-appendices"));
      await page.evaluate(() => window.scrollTo(0, 0));
      await eventually(async () => assert.equal(await switcher.inputValue(), "part-header"));
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });
}

test("beside the form, the outline marks the part at the top of the form (1280x800, touch)", async () => {
  const app = await newPlan(SIZES[1]);
  try {
    const { page } = app;
    assert.equal(await page.locator("[data-testid=part-switcher]").isVisible(), false);
    const outline = page.getByRole("navigation", { name: "Mục lục kế hoạch" });
    const marked = () =>
      outline.locator("a[aria-current=location]").evaluateAll((links) => links.map((link) => link.textContent));
    await eventually(async () => assert.deepEqual(await marked(), ["Thông tin chung"]));
    await outline.getByRole("link", { name: "Kinh phí", exact: true }).tap();
    await eventually(async () => assert.deepEqual(await marked(), ["Kinh phí"]));
    await eventually(async () => {
      const place = await placeOf(page, "#part-funding-title");
      assert.ok(place.top >= place.under && place.top <= place.under + 48, JSON.stringify(place));
    });
    // The marked link stays in sight inside the outline, which scrolls on its own. Parts drawn
    // as they come near the screen make the page longer: to the bottom again until it stays.
    await eventually(async () => {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      assert.deepEqual(await marked(), ["Phụ lục"]);
    });
    await eventually(async () => {
      const seen = await outline.locator("a[aria-current]").evaluate((link) => {
        const box = link.getBoundingClientRect();
        return link.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2));
      });
      assert.ok(seen, "the marked link is hidden");
    });
    await page.screenshot({ path: join(OUTPUT, "screenshots", "outline-marked-1280x800.png") });
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});
