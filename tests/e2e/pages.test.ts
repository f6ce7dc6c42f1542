// Every page in the sidebar loads with no console error, no failed request and no request
// to another host; every sidebar link leads to a page that exists.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, open } from "./browser.ts";
import { sitePaths as paths } from "./site.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("every page", () => {
  it("the sidebar lists the course in order", () => {
    expect(paths).toEqual([
      "/",
      "/lessons/1",
      "/quizzes/1",
      "/labs/1",
      "/lessons/2",
      "/quizzes/2",
      "/labs/2",
      "/lessons/3",
      "/quizzes/3",
      "/labs/3",
      "/lessons/4",
      "/quizzes/4",
      "/labs/4",
      "/test",
      "/tools/compare",
      "/tools/your-results",
      "/tools/benchmarks",
    ]);
  });

  for (const path of paths) {
    it(`${path} loads cleanly, in English, zoomable, with a heading`, async () => {
      const { page, context, problems } = await open(browser, path);
      await page.waitForTimeout(300);
      expect(problems).toEqual([]);
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
      expect(await page.locator('meta[name="viewport"]').getAttribute("content")).not.toContain(
        "maximum-scale",
      );
      expect(await page.locator("main h1").count()).toBeGreaterThan(0);
      // Every sidebar link resolves to a page of the site.
      const links = await page
        .locator("#observablehq-sidebar a[href]")
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(links.length).toBeGreaterThanOrEqual(paths.length - 1);
      await context.close();
    });
  }
});
