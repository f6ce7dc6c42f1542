// Present mode on a 1920×1080 projector: row-per-model charts shrink their rows (to a readable
// minimum) so that the whole chart sits above the present bar, with nothing to scroll to.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { open, useBrowser } from "./browser.ts";

const browser = useBrowser();
let page: Page;
beforeAll(async () => {
  ({ page } = await open(browser, "/lessons/2", { viewport: { width: 1920, height: 1080 } }));
  await page.locator("#fig-l2-categories [data-readout]").first().waitFor();
  // The Arena figure sits in a "go deeper" disclosure: open them all, as a learner reading on would.
  await page.evaluate(() => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>("details.go-deeper")) d.open = true;
  });
});

/** Present `id`, then measure its main chart against the present bar, in screen px. */
async function presented(id: string) {
  await page.locator(`#fig-${id}`).scrollIntoViewIfNeeded();
  await page.locator(`#fig-${id}`).focus();
  if (!(await page.evaluate(() => document.documentElement.classList.contains("presenting"))))
    await page.keyboard.press("p");
  while (
    (await page.evaluate(() => document.querySelector<HTMLElement>(".is-presented")?.id)) !== `fig-${id}`
  )
    await page.keyboard.press("ArrowRight");
  await page.waitForTimeout(200);
  return page.evaluate((fig) => {
    const root = document.querySelector(fig)!;
    const svg = [...root.querySelectorAll(".explorable-figure svg")].find(
      (s) => s.getBoundingClientRect().height > 100,
    )!;
    const texts = [...svg.querySelectorAll("text")]
      .map((t) => t.getBoundingClientRect().height)
      .filter((h) => h > 0);
    return {
      chartBottom: svg.getBoundingClientRect().bottom,
      barTop: document.querySelector(".present-bar")!.getBoundingClientRect().top,
      smallestText: Math.min(...texts),
    };
  }, `#fig-${id}`);
}

describe("present mode fits row-per-model charts on one screen", () => {
  for (const id of ["l2-arena", "l2-contamination", "l2-categories"]) {
    it(`${id}: the whole chart is above the present bar, its text still large`, async () => {
      const m = await presented(id);
      expect(m.chartBottom).toBeLessThanOrEqual(m.barTop);
      // 12–13 px chart text at the projector zoom (1.8) is ≥ 18 screen px.
      expect(m.smallestText).toBeGreaterThanOrEqual(18);
    });
  }

  it("on the page the rows keep their normal height (the chart is taller than in present mode)", async () => {
    const inPresent = await page.evaluate(
      () => document.querySelector("#fig-l2-arena .explorable-figure svg")!.getBoundingClientRect().height,
    );
    await page.keyboard.press("Escape");
    await page.waitForTimeout(200);
    const onPage = await page.evaluate(() => {
      const svg = document.querySelector("#fig-l2-arena .explorable-figure svg")!;
      return Number(svg.getAttribute("height"));
    });
    // Top 20 at 26 px a row plus 60 px of axes.
    expect(onPage).toBe(60 + 20 * 26);
    expect(inPresent / 1.8).toBeLessThan(onPage);
  });
});
