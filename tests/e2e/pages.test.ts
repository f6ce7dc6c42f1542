// Every page in the sidebar loads with no console error, no failed request and no request
// to another host; every sidebar link leads to a page that exists.
import { describe, expect, it } from "vitest";
import { baseUrl, open, useBrowser } from "./browser.ts";
import { sitePaths as paths } from "./site.ts";

const browser = useBrowser();

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
      "/deeper/",
      "/deeper/format-sensitivity",
      "/deeper/pass-at-k",
      "/deeper/llm-judge",
      "/deeper/label-errors",
      "/deeper/signal-and-noise",
      "/deeper/best-of-k",
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
      // No :has() rule in the page's style sheets: while one is there, Chromium re-checks style
      // after every DOM change (scripts/vendorStyle.ts: 1.8 ms for 20 labels of a redrawn chart).
      const hasRules = await page.evaluate(() => {
        const found: string[] = [];
        const walk = (rules: CSSRuleList) => {
          for (const rule of rules) {
            if (rule instanceof CSSStyleRule && rule.selectorText.includes(":has("))
              found.push(rule.selectorText);
            if ("cssRules" in rule) walk((rule as CSSGroupingRule).cssRules);
          }
        };
        for (const sheet of document.styleSheets) walk(sheet.cssRules);
        return found;
      });
      expect(hasRules).toEqual([]);
      await context.close();
    });
  }
});

describe("a page that does not exist", () => {
  for (const path of ["/quizzes/5", "/nope"]) {
    it(`${path}: a 404 page with the course menu and links back to home, the lessons and the tools`, async () => {
      const { page, context, problems } = await open(browser, path);
      await page.waitForTimeout(300);
      // The server answers 404 for the page itself; nothing else on it fails.
      expect(
        problems.filter((p) => !p.endsWith(path) && !p.includes("the server responded with a status of 404")),
      ).toEqual([]);
      expect(problems.length).toBeLessThanOrEqual(2);
      expect(await page.locator("main h1").textContent()).toBe("Page not found");
      expect(await page.locator("#observablehq-sidebar a[href]").count()).toBeGreaterThanOrEqual(
        paths.length - 1,
      );
      const links = await page
        .locator(".not-found-links a")
        .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(links).toEqual([
        "/",
        "/lessons/1",
        "/lessons/2",
        "/lessons/3",
        "/lessons/4",
        "/test",
        "/tools/compare",
        "/tools/your-results",
        "/tools/benchmarks",
      ]);
      // A link leads where it says, even from a nested address (the page sets <base href="/">).
      await page.locator('.not-found-links a[href="./lessons/3"]').click();
      await page.waitForURL(/\/lessons\/3$/);
      expect(await page.locator("main h1").textContent()).toMatch(/Comparing scores/);
      await context.close();
    });
  }
});

describe("storage blocked by a browser setting", () => {
  it("every storage access throws: the sidebar still shows, no uncaught error, and progress says it cannot be kept", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // As a browser that blocks site data does: reaching either storage throws a SecurityError.
    await context.addInitScript(() => {
      for (const name of ["localStorage", "sessionStorage"]) {
        Object.defineProperty(window, name, {
          configurable: true,
          get() {
            throw new DOMException("The operation is insecure.", "SecurityError");
          },
        });
      }
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (err) => problems.push(`uncaught: ${err.message}`));
    page.on("console", (msg) => {
      if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
    });
    for (const path of ["/", "/lessons/1", "/quizzes/1"]) {
      await page.goto(baseUrl() + path, { waitUntil: "networkidle" });
      await page.waitForTimeout(300);
      expect(await page.locator("#observablehq-sidebar").isVisible(), path).toBe(true);
      expect(await page.locator("#observablehq-sidebar a").first().isVisible(), path).toBe(true);
    }
    expect(problems).toEqual([]);
    // localStorage is still refused (only Framework's sessionStorage is replaced, in memory), so the
    // progress store knows nothing will be kept.
    expect(await page.evaluate(() => document.documentElement.dataset.storage)).toBe("blocked");
    await page.goto(baseUrl() + "/", { waitUntil: "networkidle" });
    await page.locator("[data-progress-notice]").waitFor({ state: "visible" });
    await context.close();
  });
});
