// Chart text never collides: in every figure on every page, at a phone, a laptop and a projector
// width, no two pieces of SVG text (tick labels, axis labels, annotations, model names) overlap by
// more than a sliver. Found this way and fixed: an axis label on top of its tick labels (three
// stages, benchmark reference), tick labels run together on a phone (arena, calibration,
// contamination), two panels' headings on top of each other (arena vs accuracy).
import { describe, expect, it } from "vitest";
import { open, useBrowser } from "./browser.ts";

const browser = useBrowser();

const pages = ["/lessons/1", "/lessons/2", "/lessons/3", "/lessons/4", "/tools/benchmarks", "/tools/compare"];
const sizes = [
  [412, 823],
  [1280, 800],
  [1920, 1080],
] as const;

/** Pairs of text elements in one figure's SVGs whose boxes overlap by more than 2 × 3 px. */
async function collisions(path: string, width: number, height: number): Promise<string[]> {
  const { page, context } = await open(browser, path, { viewport: { width, height } });
  await page.waitForTimeout(400);
  const found = await page.evaluate(() => {
    const out: string[] = [];
    // Figures (explorables) and the compare tool's drawing.
    for (const fig of document.querySelectorAll<HTMLElement>("[data-explorable], .compare-tool")) {
      for (const svg of fig.querySelectorAll("svg")) {
        const texts = [...svg.querySelectorAll("text")]
          .map((t) => ({ text: (t.textContent ?? "").trim(), r: t.getBoundingClientRect() }))
          .filter((x) => x.text !== "" && x.r.width > 0 && x.r.height > 0);
        for (let i = 0; i < texts.length; i++)
          for (let j = i + 1; j < texts.length; j++) {
            const a = texts[i]!.r;
            const b = texts[j]!.r;
            const ox = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const oy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (ox > 2 && oy > 3)
              out.push(
                `${fig.dataset.explorable ?? fig.className}: "${texts[i]!.text.slice(0, 40)}" × "${texts[j]!.text.slice(0, 40)}"`,
              );
          }
      }
    }
    return out;
  });
  await context.close();
  return found;
}

describe("no two labels in a chart overlap", () => {
  for (const [width, height] of sizes) {
    it.each(pages)(`%s at ${width}×${height}`, async (path) => {
      expect(await collisions(path, width, height)).toEqual([]);
    });
  }
});
