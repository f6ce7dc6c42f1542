// The "Going deeper" pages on format sensitivity, pass@k and LLM judges: each loads clean (no
// console error, no request to another host), every input moves its figure with the values the
// pure functions give in Node on the same data, and the lessons' "Go deeper" links land here.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { deriveFormatSpread, formatRows } from "../../src/components/figures/formatSpread.ts";
import { deriveJudgeLength } from "../../src/components/figures/judgeLength.ts";
import { deriveLengthBias } from "../../src/components/figures/lengthBiasJudge.ts";
import { derivePassAtK } from "../../src/components/figures/passAtKCurves.ts";
import { readAlpacaEval2, readHumanEvalRuns } from "../../src/data/deeperTables.ts";
import { readPublishedScores } from "../../src/data/tables.ts";
import { axisTicks, fromTicks, open, readout, setRange, useBrowser } from "./browser.ts";

const browser = useBrowser();

const attr = async (page: Page, selector: string, name: string) =>
  Number(await page.locator(selector).first().getAttribute(name));

describe("/deeper/pass-at-k", () => {
  const runs = readHumanEvalRuns();
  const fig = "#fig-pass-at-k";
  it("loads clean; k and the model move pass@k, the naive estimate and pass^k as derivePassAtK says", async () => {
    const { page, problems } = await open(browser, "/deeper/pass-at-k");
    await page.locator(fig).waitFor();
    for (const model of ["gpt-4", "codellama-34b-instruct", "gpt-3.5-turbo"]) {
      await page.locator(`${fig} input[type=radio][data-key="model"][value="${model}"]`).check();
      let previousHat = Number.POSITIVE_INFINITY;
      for (const k of [1, 3, 6, 10]) {
        await setRange(page, `${fig} input[type=range][data-key="k"]`, k);
        const m = derivePassAtK(runs, { model, k });
        expect(await readout(page, fig, "pass-at-k")).toBeCloseTo(m.here.passAt.mean, 9);
        expect(await readout(page, fig, "naive")).toBeCloseTo(m.here.naive, 9);
        const hat = await readout(page, fig, "pass-hat-k");
        expect(hat).toBeCloseTo(m.here.passHat.mean, 9);
        expect(hat).toBeLessThanOrEqual(previousHat);
        previousHat = hat;
        expect(await readout(page, fig, "always")).toBe(m.always);
        // The drawing agrees: read back through its axes' tick labels, the three dots sit on k at
        // the naive estimate, pass@k and pass^k (within half a pixel of the labels' offset).
        const curves = `${fig} svg.pass-at-k-curves`;
        const pct = fromTicks(await axisTicks(page, `${curves} g.y`, "y"));
        const share = (py: number) => pct(py) / 100;
        const kAt = (await axisTicks(page, `${curves} g.x`, "x")).find((t) => t.label === String(k))!.at;
        const drawn = await page.locator(curves).evaluate((svg) => ({
          dots: [...svg.querySelectorAll("g.dots path")].map((d) =>
            /translate\(([-\d.]+),([-\d.]+)\)/.exec(d.getAttribute("transform")!)!.slice(1).map(Number),
          ),
        }));
        expect(drawn.dots.map(([x]) => Math.abs(x! - kAt) < 0.01)).toEqual([true, true, true]);
        const want = [m.here.naive, m.here.passAt.mean, m.here.passHat.mean];
        drawn.dots.forEach(([, py], i) => {
          expect(Math.abs(share(py!) - want[i]!)).toBeLessThan(0.003);
        });
      }
      // The bars' labels count the problems passed in exactly c of the 10 runs, from the raw runs.
      const counts = runs.find((r) => r.model === model)!.counts;
      const byC = Array.from({ length: 11 }, (_, c) => String(counts.filter((x) => x === c).length));
      expect(await page.locator(`${fig} svg.pass-at-k-counts g.values text`).allTextContents()).toEqual(byC);
    }
    await expect
      .poll(() => page.locator('[data-live="pass-at-k"]').textContent())
      .toContain("gpt-3.5-turbo at k = 10");
    expect(problems).toEqual([]);
  });
});

describe("/deeper/format-sensitivity", () => {
  const rows = formatRows(readPublishedScores());
  const fig = "#fig-format-spread";
  it("loads clean; both model pickers move the spread, the order table and the flip verdict", async () => {
    const { page, problems } = await open(browser, "/deeper/format-sensitivity");
    await page.locator(fig).waitFor();
    for (const [a, b] of [
      ["llama-65b", "tiiuae/falcon-40b"],
      ["llama-7b", "llama-13b"],
      ["EleutherAI/gpt-neox-20b", "tiiuae/falcon-7b"],
    ] as const) {
      await page.selectOption(`${fig} select[data-key="a"]`, a);
      await page.selectOption(`${fig} select[data-key="b"]`, b);
      const m = deriveFormatSpread(rows, { a, b });
      expect(await readout(page, fig, "spread")).toBeCloseTo(m.rowA.spread, 9);
      expect(await readout(page, fig, "half-width")).toBeCloseTo(m.halfWidthA, 9);
      const gaps = await page
        .locator(`${fig} [data-readout="order"]`)
        .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-gap"))));
      expect(gaps).toHaveLength(3);
      for (const [i, g] of gaps.entries()) expect(g).toBeCloseTo(m.order[i]!.gap, 9);
      expect(await page.locator(`${fig} [data-readout="pair-flips"]`).getAttribute("data-value")).toBe(
        String(m.pairFlips),
      );
      expect(await attr(page, `${fig} [data-readout="flip-share"]`, "data-flipped")).toBe(5);
      await expect
        .poll(() => page.locator('[data-live="format-spread"]').textContent())
        .toContain(m.rowA.label);
      // Each of model A's marks sits where its score falls between the axis ticks 40 and 60.
      const marks = await page
        .locator(`${fig} g[data-model="${a}"] path`)
        .evaluateAll((els) =>
          els.map((e) => Number(/translate\(([-\d.]+)/.exec(e.getAttribute("transform")!)![1])),
        );
      const tick = (t: string) =>
        page
          .locator(`${fig} svg.format-spread-chart text`, { hasText: new RegExp(`^${t}$`) })
          .evaluate((e) => Number(e.getAttribute("x")));
      const [x40, x60] = [await tick("40"), await tick("60")];
      expect(marks).toHaveLength(3);
      for (const [i, x] of marks.entries())
        expect(x).toBeCloseTo(x40 + ((m.rowA.parts[i]!.score - 40) / 20) * (x60 - x40), 1);
      // The two chosen rows, and only they, are marked; the chart is the one drawn first.
      const names = await page
        .locator(`${fig} svg.format-spread-chart g[text-anchor="end"] text`)
        .allTextContents();
      expect(names.filter((t) => t.startsWith("▶ "))).toHaveLength(2);
      expect(
        await page.locator(`${fig} svg.format-spread-chart`).evaluate((el) => {
          const w = window as unknown as { __chart?: Element };
          w.__chart ??= el;
          return w.__chart === el;
        }),
      ).toBe(true);
    }
    expect(problems).toEqual([]);
  });
});

describe("/deeper/llm-judge", () => {
  const board = readAlpacaEval2();
  it("loads clean; the view and the followed model move the ranks as in the CSV", async () => {
    const fig = "#fig-judge-length";
    const { page, problems } = await open(browser, "/deeper/llm-judge");
    await page.locator(fig).waitFor();
    for (const view of ["verified", "all"] as const) {
      await page.locator(`${fig} input[type=radio][data-key="view"][value="${view}"]`).check();
      for (const model of ["gpt4_1106_preview_verbose", "gpt4_1106_preview_concise", "gpt4", "NullModel"]) {
        await page.selectOption(`${fig} select[data-key="model"]`, model);
        const m = deriveJudgeLength(board, { view, model });
        expect(await readout(page, fig, "raw")).toBeCloseTo(m.chosen.winRate, 9);
        expect(await attr(page, `${fig} [data-readout="raw"]`, "data-rank")).toBe(m.chosen.rawRank);
        expect(await attr(page, `${fig} [data-readout="lc"]`, "data-rank")).toBe(m.chosen.lcRank);
        expect(await readout(page, fig, "rho")).toBeCloseTo(m.rho, 9);
        // The followed model's ring and name, read back through the axes' own tick labels, sit at
        // its two win rates from the CSV.
        const spot = await page.locator(`${fig} g.judge-followed`).evaluate((g) => {
          const svg = (g as SVGGElement).ownerSVGElement!;
          const centre = (e: Element) => {
            const r = e.getBoundingClientRect();
            return [r.left + r.width / 2, r.top + r.height / 2] as const;
          };
          const ticks = (axis: string) =>
            [...svg.querySelectorAll(`g[aria-label="${axis}-axis tick label"] text`)].map((t) => ({
              v: Number(t.textContent),
              c: centre(t),
            }));
          const [xs, ys] = [ticks("x"), ticks("y")];
          const value = (px: number, t: typeof xs, i: 0 | 1) => {
            const [a, b] = [t[0]!, t[t.length - 1]!];
            return a.v + ((px - a.c[i]) * (b.v - a.v)) / (b.c[i] - a.c[i]);
          };
          const [cx, cy] = centre(g.querySelector("circle")!);
          return { raw: value(cx, xs, 0), lc: value(cy, ys, 1), name: g.querySelector("text")!.textContent };
        });
        expect(spot.name).toBe(model);
        expect(Math.abs(spot.raw - m.chosen.winRate)).toBeLessThan(0.4);
        expect(Math.abs(spot.lc - m.chosen.lcWinRate)).toBeLessThan(0.4);
      }
    }
    const sim = "#fig-length-bias-judge";
    let previous = -1;
    for (const bias of [0, 0.25, 0.5, 1, 1.5]) {
      await setRange(page, `${sim} input[type=range][data-key="bias"]`, bias);
      const m = deriveLengthBias(board, { bias });
      const changed = await readout(page, sim, "changed");
      expect(changed).toBe(m.changed);
      expect(await readout(page, sim, "rho")).toBeCloseTo(m.rho, 9);
      expect(changed).toBeGreaterThanOrEqual(previous);
      previous = changed;
    }
    // The live region speaks once the hand stops (a settle delay), so wait for it.
    await expect
      .poll(() => page.locator('[data-live="length-bias"]').textContent())
      .toContain("1.50 log-odds");
    expect(problems).toEqual([]);
  });
});

describe("the lessons' Go deeper links land on these pages", () => {
  for (const [lesson, href, heading] of [
    ["/lessons/1", "/deeper/format-sensitivity", "Prompt format and run-to-run variance"],
    ["/lessons/1", "/deeper/pass-at-k", "pass@k and pass^k"],
    ["/lessons/2", "/deeper/llm-judge", "When a model is the judge"],
  ] as const) {
    it(`${lesson} → ${href}`, async () => {
      const { page, problems } = await open(browser, lesson);
      expect(problems).toEqual([]);
      await page.locator(`.go-deeper-link a[href$="${href}"]`).click();
      await page.waitForURL(`**${href}`);
      await expect(page.locator("h1").first().textContent()).resolves.toBe(heading);
      // Leaving the lesson cancels the data requests it had started as the link scrolled into view
      // (net::ERR_ABORTED); everything else after the click is a real problem.
      expect(problems.filter((p) => !p.includes("net::ERR_ABORTED"))).toEqual([]);
    });
  }
});
