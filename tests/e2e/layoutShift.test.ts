// Text must not jump as figures and widgets draw. Every page is loaded at a phone width (the one
// Lighthouse emulates) and a laptop width, and the browser's own layout-shift entries are summed the
// way Cumulative Layout Shift is. Web Vitals calls ≤ 0.1 good; before the slots in style.css the
// benchmark reference measured 0.71 and the lessons 0.06 (from the "Present" bar under the title).
import { describe, expect, it } from "vitest";
import { baseUrl, buildLazy, useBrowser } from "./browser.ts";
import { sitePaths } from "./site.ts";

const browser = useBrowser();

interface Shift {
  value: number;
  sources: string[];
}

async function layoutShifts(path: string, width: number, height: number): Promise<Shift[]> {
  const context = await browser.newContext({ viewport: { width, height }, reducedMotion: "reduce" });
  await context.addInitScript(() => {
    const w = window as unknown as { __shifts: Shift[] };
    w.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as {
        value: number;
        hadRecentInput: boolean;
        sources: { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
      }[]) {
        if (e.hadRecentInput) continue;
        w.__shifts.push({
          value: e.value,
          sources: e.sources.map(
            (s) =>
              `${(s.node as Element | null)?.tagName ?? "?"}.${(s.node as Element | null)?.className ?? ""} y ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)}`,
          ),
        });
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  const page = await context.newPage();
  await page.goto(baseUrl() + path, { waitUntil: "networkidle" });
  // Let the last figures draw and any late shift be reported.
  await page.waitForTimeout(400);
  const shifts = await page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts);
  await context.close();
  return shifts;
}

describe("layout stability while the page draws", () => {
  for (const [width, height] of [
    [412, 823],
    [1280, 800],
  ] as const) {
    it.each(sitePaths)(`%s at ${width}×${height}: cumulative layout shift ≤ 0.1`, async (path) => {
      const shifts = await layoutShifts(path, width, height);
      const total = shifts.reduce((s, x) => s + x.value, 0);
      expect(total, JSON.stringify(shifts, null, 1)).toBeLessThanOrEqual(0.1);
    });
  }
});

// A figure that is built as the reader comes near holds its place meanwhile (its `reserve`, wide
// and phone). A reserve that no longer matches the built figure moves the text below it when the
// figure arrives, and moves what the reader looks at when it arrives above them (a link to a later
// heading, scrolling back up): each reserve is held within 40 px (about two lines) of the height
// its figure has once built, in its default state with every disclosure open.
describe("each lazy figure's reserved place matches its built height", () => {
  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ] as const) {
    it.each(sitePaths)(`%s at ${width}×${height}`, async (path) => {
      const context = await browser.newContext({ viewport: { width, height }, reducedMotion: "reduce" });
      const page = await context.newPage();
      await page.goto(baseUrl() + path, { waitUntil: "networkidle" });
      await page.evaluate(() => {
        for (const d of document.querySelectorAll("details")) d.open = true;
      });
      await buildLazy(page);
      await page.waitForTimeout(300);
      const figures = await page.evaluate(
        (name) =>
          [...document.querySelectorAll<HTMLElement>(".lazy-figure")].map((e) => ({
            id: e.dataset.lazy,
            reserve: Number.parseFloat(e.style.getPropertyValue(name)),
            built: Math.round(e.getBoundingClientRect().height),
            isBuilt: e.classList.contains("is-built"),
          })),
        width <= 700 ? "--reserve-phone" : "--reserve-wide",
      );
      await context.close();
      for (const f of figures) {
        expect(f.isBuilt, `${f.id} was not built`).toBe(true);
        expect(
          Math.abs(f.built - f.reserve),
          `${f.id}: reserve ${f.reserve} px, built ${f.built} px`,
        ).toBeLessThanOrEqual(40);
      }
    });
  }
});
