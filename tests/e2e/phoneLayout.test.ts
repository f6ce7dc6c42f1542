// On a phone (390×844) a learner moving a figure's control sees what it changes: the drawing comes
// first and stays at the top of the screen while the controls scroll below it, and nothing widens
// the page. On a laptop the figure keeps its order (controls, then the drawing, which scrolls with
// the page). Figures are found by id ([data-explorable=…]), never by the lessons' prose.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { open, useBrowser } from "./browser.ts";

const browser = useBrowser();

const PHONE = { width: 390, height: 844 };

/** Figures with sliders, chosen to cover a bar chart, a curve, row charts, HTML drawings and a tool. */
const FIGURES: [path: string, id: string][] = [
  ["/lessons/1", "l1-five-choices"],
  ["/lessons/2", "l2-rank-overlap"],
  ["/lessons/2", "l2-arena"],
  ["/lessons/3", "ci-width"],
  ["/lessons/3", "l3-paired"],
  ["/lessons/4", "l4-eval-size"],
  ["/tools/benchmarks", "benchmarks"],
];

interface Seen {
  control: { top: number; bottom: number };
  drawing: { top: number; bottom: number; height: number };
  visible: number;
  viewport: number;
}

/** Focus a figure's `nth` slider, scroll it into view, and measure it against the drawing. */
async function focusSlider(page: Page, id: string, nth: number): Promise<Seen> {
  const slider = page.locator(`[data-explorable="${id}"] .explorable-controls input[type=range]`).nth(nth);
  await slider.focus();
  await slider.evaluate((el) => el.scrollIntoView({ block: "nearest" }));
  await page.waitForTimeout(150);
  return slider.evaluate((el) => {
    const c = el.getBoundingClientRect();
    const d = el.closest(".explorable")!.querySelector(".explorable-figure")!.getBoundingClientRect();
    const visible = Math.max(0, Math.min(d.bottom, innerHeight) - Math.max(d.top, 0)) / d.height;
    return {
      control: { top: c.top, bottom: c.bottom },
      drawing: { top: d.top, bottom: d.bottom, height: d.height },
      visible,
      viewport: innerHeight,
    };
  });
}

describe("phone 390×844: the drawing stays in view while a control moves", () => {
  for (const [path, id] of FIGURES) {
    it(`${path} ${id}: every slider, focused, is on screen below the whole drawing; moving it redraws`, async () => {
      const { page, context, problems } = await open(browser, path, { viewport: PHONE });
      const fig = page.locator(`[data-explorable="${id}"]`);
      // A figure behind a "go deeper" disclosure is opened first, as a reader would.
      await fig.evaluate((el) => {
        const d = el.closest("details");
        if (d) d.open = true;
      });
      await fig.locator(".explorable-figure > *").first().waitFor();
      const sliders = await fig.locator(".explorable-controls input[type=range]").count();
      expect(sliders).toBeGreaterThan(0);
      for (let i = 0; i < sliders; i++) {
        const seen = await focusSlider(page, id, i);
        // The whole drawing is on the screen, and at most about half of it.
        expect(seen.visible, JSON.stringify(seen)).toBeGreaterThanOrEqual(0.98);
        expect(seen.drawing.height).toBeLessThanOrEqual(0.5 * seen.viewport + 16);
        // The control is on the screen too, not hidden under the drawing.
        expect(seen.control.top, JSON.stringify(seen)).toBeGreaterThanOrEqual(seen.drawing.bottom - 1);
        expect(seen.control.bottom).toBeLessThanOrEqual(seen.viewport);
        // A key press moves the slider and redraws the drawing in place, still in view.
        const before = Number(await fig.getAttribute("data-renders"));
        const atMin = await fig
          .locator(".explorable-controls input[type=range]")
          .nth(i)
          .evaluate((el) => (el as HTMLInputElement).value === (el as HTMLInputElement).min);
        await page.keyboard.press(atMin ? "ArrowRight" : "ArrowLeft");
        await expect.poll(async () => Number(await fig.getAttribute("data-renders"))).toBeGreaterThan(before);
        const after = await page.evaluate(
          (sel) => document.querySelector(`${sel} .explorable-figure`)!.getBoundingClientRect().top,
          `[data-explorable="${id}"]`,
        );
        expect(after).toBeGreaterThanOrEqual(-1);
        expect(after).toBeLessThan(seen.viewport / 2);
      }
      // Nothing on the page (figure or prose) is wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it("the rank-overlap chart's model names are not cut at the chart's edge", async () => {
    const { page, context } = await open(browser, "/lessons/2", { viewport: PHONE });
    await page.locator("#fig-l2-rank-overlap .ro-model-label text").first().waitFor();
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll("#fig-l2-rank-overlap .explorable-figure svg text")]
        .filter((t) => {
          const r = t.getBoundingClientRect();
          const s = t.closest("svg")!.getBoundingClientRect();
          return r.width > 0 && (r.left < s.left - 1 || r.right > s.right + 1);
        })
        .map((t) => t.textContent),
    );
    // Before: "2. contaminated_proof_… (2)", "7. free-evo-qwen72b-v0… (2)", "11. Le_Triomphant-ECE-T…" were cut.
    expect(cut).toEqual([]);
    await context.close();
  });

  it("present mode and an embed still work on a phone", async () => {
    const { page, context, problems } = await open(browser, "/lessons/3", { viewport: PHONE });
    await page.locator("#fig-ci-width .explorable-figure svg").first().waitFor();
    await page.locator("#fig-ci-width [data-action=present]").click();
    const presented = await page.evaluate(() => {
      const plot = document.querySelector<HTMLElement>("#fig-ci-width .explorable-figure")!;
      return {
        presenting: document.documentElement.classList.contains("presenting"),
        sticky: getComputedStyle(plot).position,
        fit: plot.dataset.fit ?? null,
      };
    });
    expect(presented).toEqual({ presenting: true, sticky: "static", fit: null });
    await page.keyboard.press("Escape");
    const embed = await open(browser, "/lessons/3?embed=ci-width", { viewport: PHONE });
    await embed.page.locator("#fig-ci-width .explorable-figure svg").first().waitFor();
    const box = await embed.page.locator("#fig-ci-width .explorable-figure").boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
    expect([...problems, ...embed.problems]).toEqual([]);
    await embed.context.close();
    await context.close();
  });
});

describe("laptop 1280×800: the figure keeps its order", () => {
  it("controls above the drawing, which scrolls with the page at its full height", async () => {
    const { page, context } = await open(browser, "/lessons/3");
    await page.locator("#fig-ci-width .explorable-figure svg").first().waitFor();
    const m = await page.evaluate(() => {
      const root = document.querySelector("#fig-ci-width")!;
      const plot = root.querySelector<HTMLElement>(".explorable-figure")!;
      return {
        controls: root.querySelector(".explorable-controls")!.getBoundingClientRect().top,
        drawing: plot.getBoundingClientRect().top,
        position: getComputedStyle(plot).position,
        maxHeight: getComputedStyle(plot).maxHeight,
        fit: plot.dataset.fit ?? null,
      };
    });
    expect(m.controls).toBeLessThan(m.drawing);
    expect({ position: m.position, maxHeight: m.maxHeight, fit: m.fit }).toEqual({
      position: "static",
      maxHeight: "none",
      fit: null,
    });
    await context.close();
  });
});
