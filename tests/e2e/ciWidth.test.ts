// The CI-width figure answers its sliders: the half-width shown matches halfWidth() from the
// statistics core, the interval matches proportionInterval(), and the five-benchmark table is live.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { halfWidth, proportionInterval } from "../../src/components/stats/intervals.ts";
import { minimumDetectableDifference } from "../../src/components/stats/power.ts";
import { axisTicks, fromTicks, open, readout, setRange, useBrowser } from "./browser.ts";

const fig = "#fig-ci-width";
const browser = useBrowser();
let page: Page;
let problems: string[];

beforeAll(async () => {
  ({ page, problems } = await open(browser, "/lessons/3"));
  await page.locator(fig).waitFor();
});

/** The accuracy the p slider currently holds. */
const p = async () => Number(await page.locator(slider("p")).inputValue());
const slider = (key: string) => `${fig} input[type=range][data-key="${key}"]`;

describe("CI width vs N", () => {
  it("starts at GSM8K's N and 80%, showing ±2.16 pp", async () => {
    expect(await readout(page, fig, "half-width")).toBeCloseTo(100 * halfWidth(0.8, 1319), 4);
  });

  it("dragging N on the log slider moves the half-width as halfWidth() says", async () => {
    let previous = Number.POSITIVE_INFINITY;
    for (const log10n of [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]) {
      await setRange(page, slider("n"), log10n);
      const n = Math.round(10 ** log10n);
      const shown = await readout(page, fig, "half-width");
      expect(shown).toBeCloseTo(100 * halfWidth(0.8, n), 4);
      expect(shown).toBeLessThan(previous);
      previous = shown;
    }
  });

  it("dragging p moves the half-width, widest at 50%", async () => {
    await page.fill(`${fig} input[data-key="n-number"]`, "1319");
    await page.press(`${fig} input[data-key="n-number"]`, "Enter");
    const at = async (p: number) => {
      await setRange(page, slider("p"), p);
      return readout(page, fig, "half-width");
    };
    const w50 = await at(0.5);
    const w80 = await at(0.8);
    const w93 = await at(0.93);
    expect(w50).toBeCloseTo(100 * halfWidth(0.5, 1319), 4);
    expect(w93).toBeCloseTo(100 * halfWidth(0.93, 1319), 4);
    expect(w50).toBeGreaterThan(w80);
    expect(w80).toBeGreaterThan(w93);
    // "±1.4 pp at typical performance" is GSM8K near 93%.
    expect(w93).toBeCloseTo(1.38, 1);
  });

  it("the interval follows the chosen method", async () => {
    await setRange(page, slider("n"), Math.log10(20));
    await setRange(page, slider("p"), 0.97);
    await page.selectOption(`${fig} select[data-key="method"]`, "wald");
    const el = page.locator(`${fig} [data-readout="interval"]`);
    const wald = proportionInterval(Math.round(0.97 * 20), 20, { method: "wald" });
    expect(Number(await el.getAttribute("data-lower"))).toBeCloseTo(wald.lower, 9);
    expect(Number(await el.getAttribute("data-upper"))).toBeCloseTo(wald.upper, 9);
    await page.selectOption(`${fig} select[data-key="method"]`, "clopper-pearson");
    const cp = proportionInterval(Math.round(0.97 * 20), 20, { method: "clopper-pearson" });
    expect(Number(await el.getAttribute("data-lower"))).toBeCloseTo(cp.lower, 9);
    expect(Number(await el.getAttribute("data-upper"))).toBeCloseTo(cp.upper, 9);
  });

  it("the five-benchmark table is recomputed live and, at 80%, agrees with the seed's printed values", async () => {
    await setRange(page, slider("p"), 0.8);
    const printed: Record<string, [number, number]> = {
      MMLU: [0.66, 14042],
      GSM8K: [2.15, 1319],
      HumanEval: [6.1, 164],
      HellaSwag: [0.78, 10042],
      "ARC-Challenge": [2.3, 1172],
    };
    const rows = page.locator(`${fig} tr[data-benchmark]`);
    expect(await rows.count()).toBe(5);
    for (const [name, [value, n]] of Object.entries(printed)) {
      const row = `${fig} tr[data-benchmark="${name}"]`;
      const live = Number(
        await page.locator(`${row} [data-readout="table-half-width"]`).getAttribute("data-value"),
      );
      expect(live).toBeCloseTo(100 * halfWidth(0.8, n), 6);
      // Within one unit of the printed value's last digit (GSM8K's 2.159 is printed 2.15).
      const decimals = String(value).split(".")[1]!.length;
      expect(Math.abs(live - value)).toBeLessThanOrEqual(10 ** -decimals + 1e-9);
      // The printed value is a quiet data attribute, not a verdict shown to the reader.
      expect(Number(await page.locator(`${row} [data-printed]`).getAttribute("data-printed"))).toBe(value);
      expect(await page.locator(row).textContent()).not.toMatch(/✓|✗/);
      const mdd = Number(
        await page.locator(`${row} [data-readout="mdd-independent"]`).getAttribute("data-value"),
      );
      expect(mdd).toBeCloseTo(100 * minimumDetectableDifference(0.8, n), 6);
      const mddPaired = Number(
        await page.locator(`${row} [data-readout="mdd-paired"]`).getAttribute("data-value"),
      );
      expect(mddPaired).toBeCloseTo(
        100 * minimumDetectableDifference(0.8, n, { paired: true, correlation: 0.5 }),
        6,
      );
    }
    // The rule of thumb for the smallest meaningful gap is shown beside what a test needs.
    expect(
      await page.locator(`${fig} tr[data-benchmark="HumanEval"] [data-rule-of-thumb]`).textContent(),
    ).toBe("~10");
    expect(await page.locator(`${fig} table`).textContent()).not.toMatch(/course/i);
    await setRange(page, slider("p"), 0.5);
    const mmlu = Number(
      await page
        .locator(`${fig} tr[data-benchmark="MMLU"] [data-readout="table-half-width"]`)
        .getAttribute("data-value"),
    );
    expect(mmlu).toBeCloseTo(100 * halfWidth(0.5, 14042), 4);
  });

  it("the N slider steps by about 12% per arrow key and a quarter decade per Page Up", async () => {
    await page.fill(`${fig} input[data-key="n-number"]`, "1000");
    await page.press(`${fig} input[data-key="n-number"]`, "Enter");
    await page.focus(slider("n"));
    await page.keyboard.press("ArrowRight");
    expect(await readout(page, fig, "half-width")).toBeCloseTo(100 * halfWidth(await p(), 1122), 4);
    await page.keyboard.press("PageUp");
    expect(await readout(page, fig, "half-width")).toBeCloseTo(
      100 * halfWidth(await p(), Math.round(1122 * 10 ** 0.25)),
      4,
    );
    await page.keyboard.press("Home");
    expect(await readout(page, fig, "half-width")).toBeCloseTo(100 * halfWidth(await p(), 10), 4);
  });

  it("the confidence level changes the half-width", async () => {
    await page.fill(`${fig} input[data-key="n-number"]`, "1319");
    await page.press(`${fig} input[data-key="n-number"]`, "Enter");
    await setRange(page, slider("p"), 0.8);
    await page.locator(`${fig} input[data-key="confidence"][value="0.99"]`).check({ force: true });
    expect(await readout(page, fig, "half-width")).toBeCloseTo(100 * halfWidth(0.8, 1319, 0.99), 4);
    await page.locator(`${fig} input[data-key="confidence"][value="0.95"]`).check({ force: true });
    expect(await readout(page, fig, "half-width")).toBeCloseTo(100 * halfWidth(0.8, 1319), 4);
  });

  it("the GSM8K presets show ±2.16 at 80% and ±1.4 at 93%: the half-width depends on p", async () => {
    await page.getByRole("button", { name: /GSM8K at 80%/ }).click();
    expect(await readout(page, fig, "half-width")).toBeCloseTo(100 * halfWidth(0.8, 1319), 4);
    await page.getByRole("button", { name: /GSM8K at 93%/ }).click();
    expect(await readout(page, fig, "half-width")).toBeCloseTo(100 * halfWidth(0.93, 1319), 4);
    expect((await readout(page, fig, "half-width")).toFixed(1)).toBe("1.4");
  });

  it("the Wald preset shows Wald failing where Clopper–Pearson does not", async () => {
    await page.getByRole("button", { name: /Wald fails/ }).click();
    const el = page.locator(`${fig} [data-readout="interval"]`);
    const wald = proportionInterval(19, 20, { method: "wald" });
    expect(Number(await el.getAttribute("data-upper"))).toBeCloseTo(wald.upper, 9);
    expect(wald.upper).toBe(1);
    expect(await page.locator(fig).textContent()).toContain("reaches 100%");
  });

  it("a preset sets the inputs and the URL records the state", async () => {
    await page.getByRole("button", { name: /HumanEval at 80%/ }).click();
    expect(await readout(page, fig, "half-width")).toBeCloseTo(100 * halfWidth(0.8, 164), 4);
    await page.waitForTimeout(400);
    expect(page.url()).toContain("ci-width.n=164");
  });

  it("redraws within a frame of an input change", async () => {
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      await setRange(page, slider("n"), 1 + (4 * i) / 19);
      times.push(Number(await page.locator(fig).getAttribute("data-render-ms")));
    }
    times.sort((a, b) => a - b);
    // Reported, not a timing budget: the benchmark script measures this properly.
    console.log(`ci-width render ms: median ${times[10]}, max ${times[19]}`);
    expect(times.every((t) => Number.isFinite(t))).toBe(true);
  });

  it("each redraw is one SVG per chart, its axes and marks on the same scale, at any width", async () => {
    const main = `${fig} .explorable-figure svg[aria-label*="half-width against N"]`;
    /** The horizontal centre of the first element matching `selector`, in px. */
    const centre = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((e) => {
          const r = e.getBoundingClientRect();
          return r.left + r.width / 2;
        });
    const check = async (level: string) => {
      expect(await page.locator(`${fig} .explorable-figure > div > svg`).count()).toBe(2);
      expect(await page.locator(`${fig} .explorable-figure svg style`).count()).toBe(0);
      for (const axis of ["x-axis tick label", "y-axis tick label", "x-axis label", "y-axis label"])
        expect(await page.locator(`${main} g[aria-label="${axis}"]`).count()).toBe(1);
      // Log ticks are labelled at each decade (and at 2× and 5× when the chart is wide enough).
      expect(await page.locator(`${main} g[aria-label="x-axis tick label"] text`).allTextContents()).toEqual(
        expect.arrayContaining(["10", "100", "1k", "10k", "100k"]),
      );
      expect(await page.locator(`${main} g[aria-label="y-axis label"]`).textContent()).toContain(
        `${level} interval half-width`,
      );
      // The two curves and the benchmarks' diamonds, moved in place over the frame.
      expect(await page.locator(`${main} g.ci-width-curve path`).count()).toBe(3);
      expect(await page.locator(`${main} g.ci-width-curve text`).count()).toBe(5);
      expect(await page.locator(`${main} g.ci-width-n line`).count()).toBe(1);
      // The chosen-N rule sits on the "1k" tick: the marks and the axis share one x scale.
      const rule = await centre(`${main} g.ci-width-n line`);
      const tick = await centre(`${main} g[aria-label="x-axis tick label"] text:text-is("1k")`);
      expect(Math.abs(rule - tick)).toBeLessThan(1);
      // The chosen N's point sits at its half-width on the log y axis: log10(pp) decades above the "1" tick.
      const y = await page.locator(main).evaluate((svg) => {
        const middle = (e: Element) => {
          const r = e.getBoundingClientRect();
          return r.top + r.height / 2;
        };
        const tick = (t: string) => [...svg.querySelectorAll("text")].find((e) => e.textContent === t)!;
        const dot = [...svg.querySelectorAll("circle")].find((c) => c.closest('[fill="#D55E00"]'))!;
        return { dot: middle(dot), y1: middle(tick("1")), y10: middle(tick("10")) };
      });
      const here = await page.locator(`${fig} [data-readout="interval"]`).evaluate((e) => ({
        lower: Number(e.getAttribute("data-lower")),
        upper: Number(e.getAttribute("data-upper")),
      }));
      const pp = (100 * (here.upper - here.lower)) / 2;
      expect(Math.abs(y.dot - (y.y1 + (y.y10 - y.y1) * Math.log10(pp)))).toBeLessThan(1.5);
      const shown = await page.locator(`${main} g.ci-width-n text`).textContent();
      const method = await page.locator(`${fig} select[data-key="method"]`).inputValue();
      const confidence = Number(level.replace("%", "")) / 100;
      const pNow = await p();
      const ci = proportionInterval(Math.round(pNow * 1000), 1000, {
        confidence,
        method: method as "wilson",
      });
      expect(shown).toContain(`N = 1,000: ±${((100 * (ci.upper - ci.lower)) / 2).toFixed(2)} pp`);
      // The strip below, read back through its own tick labels: each method's bar spans the
      // interval proportionInterval gives at N = 1,000, and only the chosen method's bar is blue.
      const value = fromTicks(await axisTicks(page, `${fig} svg.interval-strip`, "x"));
      const strip = await page.locator(`${fig} svg.interval-strip`).evaluate((svg) => ({
        names: [...svg.querySelectorAll("g.is-y-names text")].map((t) => t.textContent),
        bars: [...svg.querySelectorAll("g.is-bars line")].map((l) => ({
          x1: Number(l.getAttribute("x1")),
          x2: Number(l.getAttribute("x2")),
          stroke: l.getAttribute("stroke"),
        })),
      }));
      const methods = ["wald", "wilson", "wilson-cc", "agresti-coull", "clopper-pearson"] as const;
      expect(strip.names).toEqual(["Wald", "Wilson", "Wilson (cc)", "Agresti–Coull", "Clopper–Pearson"]);
      methods.forEach((id, i) => {
        const want = proportionInterval(Math.round(pNow * 1000), 1000, { confidence, method: id });
        const bar = strip.bars[i]!;
        expect(Math.abs(value(bar.x1) - 100 * want.lower)).toBeLessThan(0.02);
        expect(Math.abs(value(bar.x2) - 100 * want.upper)).toBeLessThan(0.02);
        expect(bar.stroke === "#0072B2").toBe(id === method);
      });
    };
    for (const [pValue, method] of [
      [0.3, "wald"],
      [0.62, "clopper-pearson"],
      [0.8, "wilson"],
    ] as const) {
      await setRange(page, slider("p"), pValue);
      await page.selectOption(`${fig} select[data-key="method"]`, method);
      await page.fill(`${fig} input[data-key="n-number"]`, "1000");
      await page.press(`${fig} input[data-key="n-number"]`, "Enter");
      await check("95%");
    }
    await page.locator(`${fig} input[data-key="confidence"][value="0.99"]`).check({ force: true });
    await check("99%");
    // A narrower window redraws at the new width, with axes drawn for that width.
    const before = await page.locator(main).getAttribute("width");
    await page.setViewportSize({ width: 900, height: 800 });
    await page.waitForFunction(
      (w) => document.querySelector(`svg[aria-label*="half-width against N"]`)?.getAttribute("width") !== w,
      before,
    );
    await check("99%");
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator(`${fig} input[data-key="confidence"][value="0.95"]`).check({ force: true });
  });

  it("had no console errors or failed requests", () => {
    expect(problems).toEqual([]);
  });
});
