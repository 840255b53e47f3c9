import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, openApp, seedPlan } from "./harness.mjs";
const plan = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/plans/tinh-minh-commune-2024.json"), "utf8"));
for (const [w, h] of [[800, 1280], [1280, 800], [412, 915]]) {
  const app = await openApp({ viewport: { width: w, height: h }, touch: w !== 1280 || true });
  const { page } = app;
  try {
    await page.goto(app.url);
    await seedPlan(page, plan);
    await page.locator(".plan-card-open").first().click();
    await page.click("[data-testid=open-progress]");
    await page.waitForSelector("[data-testid=progress-summary]", { timeout: 20000 });
    await page.click("[data-testid=period-q1]");
    await page.screenshot({ path: `/tmp/smoke/p-${w}.png` });
    const first = page.locator("[data-testid=progress-task]").first();
    await first.locator("[data-testid=progress-more]").click();
    await first.locator("[data-testid=progress-add-evidence]").click();
    await first.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -150));
    await page.screenshot({ path: `/tmp/smoke/t-${w}.png` });
    const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    console.log(w, "overflow", over, app.errors);
  } finally { await app.close(); }
}
