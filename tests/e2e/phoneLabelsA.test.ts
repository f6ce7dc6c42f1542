// On a phone (390 × 844), no chart label in Lesson 1's extraction-rules and micro/macro figures or
// Lesson 4's reliability diagram runs off its SVG (where the figure's edge would cut it). Found
// this way and fixed: value labels 14–23 px off the extraction chart, the micro/macro weights
// caption 227 px and legend 125 px off, the reliability diagram's "100%" tick 4 px off.
import { describe, expect, it } from "vitest";
import { open, useBrowser } from "./browser.ts";

const browser = useBrowser();

const cases = [
  ["/lessons/1", ["l1-extraction-rules", "l1-micro-macro"]],
  ["/lessons/4", ["l4-calibration"]],
] as const;

/** SVG texts of the given figures that extend more than 1.5 px past their SVG's left or right edge. */
async function overflowing(path: string, ids: readonly string[]): Promise<string[]> {
  const { page, context, problems } = await open(browser, path, { viewport: { width: 390, height: 844 } });
  await page.evaluate(() => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>("details.go-deeper")) d.open = true;
  });
  await page.waitForTimeout(1000);
  const found = await page.evaluate((ids) => {
    const out: string[] = [];
    for (const id of ids) {
      const fig = document.querySelector<HTMLElement>(`[data-explorable="${id}"]`);
      if (!fig) {
        out.push(`${id}: figure not found`);
        continue;
      }
      const svgs = fig.querySelectorAll(".explorable-figure svg");
      if (svgs.length === 0) out.push(`${id}: no SVG drawn`);
      for (const svg of svgs) {
        const sb = svg.getBoundingClientRect();
        for (const t of svg.querySelectorAll("text")) {
          const r = t.getBoundingClientRect();
          if (r.width === 0) continue;
          const over = Math.max(sb.left - r.left, r.right - sb.right);
          if (over > 1.5) out.push(`${id}: "${(t.textContent ?? "").slice(0, 40)}" ${over.toFixed(1)} px`);
        }
      }
    }
    return out;
  }, ids);
  await context.close();
  return [...found, ...problems];
}

describe("phone: no chart label runs off its SVG (extraction rules, micro/macro, calibration)", () => {
  it.each(cases)("%s at 390×844", async (path, ids) => {
    expect(await overflowing(path, ids)).toEqual([]);
  });
});
