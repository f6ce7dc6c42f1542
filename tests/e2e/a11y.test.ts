// An axe-core audit of every page in the light and the dark theme, and of the figure states
// the classroom features create (present mode, an embed): no serious or critical violation.
// axe is injected from node_modules (no CDN), as the rest of the site is.
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import config from "../../observablehq.config.ts";
import { launch, open } from "./browser.ts";

interface Entry {
  name: string;
  path?: string;
  pages?: Entry[];
}
const paths = [
  "/",
  ...(config.pages as Entry[]).flatMap((e) => (e.pages ? e.pages.map((p) => p.path!) : [e.path!])),
];
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Serious and critical violations, one line each (rule, count, first targets). */
async function audit(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id} (${v.nodes.length}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
}

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
        const found = await audit(page);
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
      const found = await audit(page);
      await context.close();
      expect(found).toEqual([]);
    });

    it(`an embedded figure with its share panel open (${colorScheme})`, async () => {
      const { page, context } = await open(browser, "/lessons/3?embed=ci-width", { colorScheme });
      await page.locator("#fig-ci-width").waitFor();
      await page.locator("#fig-ci-width [data-action=share]").click();
      const found = await audit(page);
      await context.close();
      expect(found).toEqual([]);
    });
  }
});
