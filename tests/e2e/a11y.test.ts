// An axe-core audit of every page in the light and the dark theme, and of the figure states
// the classroom features create (present mode, an embed): no serious or critical violation.
// axe is injected from node_modules (no CDN), as the rest of the site is.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launch, open } from "./browser.ts";
import { sitePaths as paths } from "./site.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("axe-core over every page", () => {
  it("covers the whole sidebar", () => {
    expect(paths.length).toBeGreaterThanOrEqual(17);
  });

  for (const colorScheme of ["light", "dark"] as const) {
    for (const path of paths) {
      it(`${path} (${colorScheme}): no serious or critical violation`, async () => {
        const { page, context } = await open(browser, path, { colorScheme });
        await page.waitForTimeout(500);
        const found = await axeViolations(page);
        await context.close();
        expect(found).toEqual([]);
      });
    }
  }
});

describe("axe-core over the classroom states", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    it(`present mode (${colorScheme})`, async () => {
      const { page, context } = await open(browser, "/lessons/3", {
        colorScheme,
        viewport: { width: 1920, height: 1080 },
      });
      await page.locator("#fig-ci-width").waitFor();
      await page.locator("#fig-ci-width [data-action=present]").click();
      expect(await page.evaluate(() => document.documentElement.classList.contains("presenting"))).toBe(true);
      const found = await axeViolations(page);
      await context.close();
      expect(found).toEqual([]);
    });

    it(`an embedded figure with its share panel open (${colorScheme})`, async () => {
      const { page, context } = await open(browser, "/lessons/3?embed=ci-width", { colorScheme });
      await page.locator("#fig-ci-width").waitFor();
      await page.locator("#fig-ci-width [data-action=share]").click();
      const found = await axeViolations(page);
      await context.close();
      expect(found).toEqual([]);
    });
  }
});
