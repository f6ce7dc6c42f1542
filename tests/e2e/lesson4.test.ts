// Lesson 4's four figures answer every input, and the numbers they show are the ones the
// simulations and the statistics core give for the same inputs (computed here, in Node).
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { compareCalibration } from "../../src/components/figures/reliabilityDiagram.ts";
import { evalSizeAnswer } from "../../src/components/figures/taskEvalSize.ts";
import { stagePlan, stagesNotice } from "../../src/components/figures/threeStages.ts";
import {
  calibrationSentence,
  evalSizeFacts,
  evalSizeSentence,
  shiftRows,
  shiftSentence,
} from "../../src/components/lessons/lesson4.ts";
import {
  defaultShiftModels,
  rankFlips,
  shiftedAccuracies,
} from "../../src/components/sim/distributionShift.ts";
import { halfWidth } from "../../src/components/stats/intervals.ts";
import { power, sampleSizeTwoProportions } from "../../src/components/stats/power.ts";
import { axisTicks, fromTicks, open, readout, setRange, textsCrossed, useBrowser } from "./browser.ts";
import { mainPathText, mainPathWords } from "./mainPath.ts";

const browser = useBrowser();
let page: Page;
let problems: string[];

beforeAll(async () => {
  ({ page, problems } = await open(browser, "/lessons/4"));
  await page.locator("#fig-l4-stages").waitFor({ state: "attached" });
});

const slider = (fig: string, key: string) => `${fig} input[type=range][data-key="${key}"]`;
const box = (fig: string, key: string) => `${fig} input[data-key="${key}-number"]`;
async function typeNumber(fig: string, key: string, value: number) {
  await page.fill(box(fig, key), String(value));
  await page.press(box(fig, key), "Enter");
}
async function pick(fig: string, key: string, value: number | string) {
  await page.locator(`${fig} input[type=radio][data-key="${key}"][value="${value}"]`).check();
}
async function renderMs(fig: string, times: number[]) {
  times.push(Number(await page.locator(fig).getAttribute("data-render-ms")));
}
const times: Record<string, number[]> = { shift: [], size: [], calibration: [], stages: [] };

describe("figure 1: distribution shift", () => {
  const fig = "#fig-l4-shift";
  const transfers = Object.fromEntries(defaultShiftModels.map((m) => [m.name.slice(-1), m.transfer]));
  const state = { shift: 0.6, seed: 1 };
  const expected = () =>
    shiftedAccuracies(
      defaultShiftModels.map((m) => ({ ...m, transfer: transfers[m.name.slice(-1)]! })),
      state,
    );
  async function check() {
    const rows = expected();
    for (const r of rows) {
      const cell = page.locator(`${fig} [data-readout="task"][data-model="${r.name}"]`);
      expect(Number(await cell.getAttribute("data-value"))).toBeCloseTo(100 * r.task, 4);
      const rank = page.locator(`${fig} [data-readout="task-rank"][data-model="${r.name}"]`);
      expect(Number(await rank.getAttribute("data-value"))).toBe(r.taskRank);
    }
    expect(await readout(page, fig, "flips")).toBe(rankFlips(rows).length);
    // The drawing agrees: the bump chart's right column lists the models in task order, and each
    // task diamond, read back through the dumbbell's tick labels, sits at the model's task accuracy.
    const val = fromTicks(await axisTicks(page, `${fig} svg.l4-dumbbell g.axis`, "x"));
    const px = await page.locator(fig).evaluate((root) => {
      const right = [...root.querySelectorAll("svg.l4-bump g.right text")]
        .map((t) => ({ y: Number(t.getAttribute("y")), text: t.textContent! }))
        .sort((a, b) => a.y - b.y)
        .map((t) => t.text);
      const task = [...root.querySelectorAll("svg.l4-dumbbell g.task path")].map((d) =>
        Number(/translate\(([-\d.]+)/.exec(d.getAttribute("transform")!)![1]),
      );
      return { right, task };
    });
    const drawn = { right: px.right, task: px.task.map(val) };
    expect(drawn.right.map((t) => t.split(". ")[1]!.split("\u00a0")[0])).toEqual(
      [...rows].sort((x, y) => x.taskRank - y.taskRank).map((r) => r.name),
    );
    rows.forEach((r, i) => {
      expect(Math.abs(drawn.task[i]! - 100 * r.task)).toBeLessThan(0.02);
    });
    await renderMs(fig, times.shift!);
    return rows;
  }

  it("starts with the benchmark leader losing first place (3 flips)", async () => {
    const rows = await check();
    expect(await readout(page, fig, "flips")).toBe(3);
    expect(await readout(page, fig, "leader-benchmark-rank")).toBe(3);
    expect(rows.find((r) => r.benchmarkRank === 1)!.taskRank).toBe(3);
  });

  it("the shift slider: at zero shift the rankings agree (no flips, tau 1)", async () => {
    for (const shift of [0.2, 0.4, 0.8, 1, 0]) {
      await setRange(page, slider(fig, "shift"), shift);
      state.shift = shift;
      await check();
    }
    expect(await readout(page, fig, "flips")).toBe(0);
    expect(await readout(page, fig, "tau")).toBe(1);
    expect(await page.locator(`${fig} .explorable-notice`).textContent()).toContain("With no shift");
  });

  it("each model's transfer slider moves that model's task accuracy", async () => {
    await setRange(page, slider(fig, "shift"), 0.7);
    state.shift = 0.7;
    for (const letter of ["A", "B", "C", "D", "E"]) {
      const before = Number(
        await page
          .locator(`${fig} [data-readout="task"][data-model="Model ${letter}"]`)
          .getAttribute("data-value"),
      );
      const value = transfers[letter] === 1 ? 0.2 : 1;
      await setRange(page, slider(fig, `t${letter}`), value);
      transfers[letter] = value;
      await check();
      const after = Number(
        await page
          .locator(`${fig} [data-readout="task"][data-model="Model ${letter}"]`)
          .getAttribute("data-value"),
      );
      expect(after).not.toBeCloseTo(before, 3);
    }
  });

  it("the draw slider redraws the untested skills", async () => {
    for (const seed of [2, 7, 30]) {
      await setRange(page, slider(fig, "seed"), seed);
      state.seed = seed;
      await check();
    }
  });

  it("presets: everything transfers keeps the order; the leader that transfers worst loses first place", async () => {
    await page.locator(fig).getByRole("button", { name: "Everything transfers" }).click();
    for (const l of Object.keys(transfers)) transfers[l] = 1;
    await check();
    expect(await readout(page, fig, "flips")).toBe(0);
    await page
      .locator(fig)
      .getByRole("button", { name: /leader transfers worst/ })
      .click();
    Object.assign(transfers, { A: 0.1, B: 0.7, C: 0.6, D: 0.9, E: 0.7 });
    Object.assign(state, { shift: 0.8, seed: 1 });
    await check();
    expect(await readout(page, fig, "leader-benchmark-rank")).toBeGreaterThan(1);
  });
});

describe("figure 2: how many task examples", () => {
  const fig = "#fig-l4-eval-size";
  const v = { p: 0.8, gap: 5, n: 100, target: 0.8 };
  async function check() {
    const a = evalSizeAnswer(v);
    expect(await readout(page, fig, "half-width")).toBeCloseTo(100 * halfWidth(v.p, v.n), 4);
    expect(await readout(page, fig, "power")).toBeCloseTo(100 * power(v.p, v.p - v.gap / 100, v.n), 3);
    expect(await readout(page, fig, "n-needed")).toBe(
      sampleSizeTwoProportions(v.p, Number((v.p - v.gap / 100).toFixed(10)), { power: v.target }),
    );
    expect(await readout(page, fig, "mdd")).toBeCloseTo(a.mddPp, 4);
    expect(await readout(page, fig, "mdd-paired")).toBeCloseTo(a.mddPairedPp, 4);
    expect(await readout(page, fig, "verdict")).toBe(a.power >= v.target ? 1 : 0);
    // The drawing agrees, read back through its own axes: the chosen N's dot sits at N (log axis:
    // its decade labels 10, 100, 1k, …) and at the power; the N-needed square at that N and the
    // wanted power; the strip's bars span R-checked Wilson intervals (model: taskEvalSize.test.ts).
    const nAt = fromTicks(await axisTicks(page, `${fig} svg.power-curve g.x`, "x"), { log: true });
    const pctAt = fromTicks(await axisTicks(page, `${fig} svg.power-curve g.y`, "y"));
    const drawn = await page.locator(`${fig} svg.power-curve`).evaluate((svg) => {
      const dot = svg.querySelector("g.here circle")!;
      const squares = [...svg.querySelectorAll("g.squares rect")].map((r) => [
        Number(r.getAttribute("x")) + 4.5,
        Number(r.getAttribute("y")) + 4.5,
      ]);
      return { dot: [Number(dot.getAttribute("cx")), Number(dot.getAttribute("cy"))], squares };
    });
    expect(nAt(drawn.dot[0]!) / v.n).toBeCloseTo(1, 2);
    expect(pctAt(drawn.dot[1]!)).toBeCloseTo(100 * a.power, 0);
    const needed = drawn.squares.at(-1)!;
    expect(nAt(needed[0]!) / a.nNeeded).toBeCloseTo(1, 2);
    expect(pctAt(needed[1]!)).toBeCloseTo(100 * v.target, 0);
    const val = fromTicks(await axisTicks(page, `${fig} svg.interval-strip`, "x"));
    const bars = (
      await page
        .locator(`${fig} svg.interval-strip`)
        .evaluate((svg) =>
          [...svg.querySelectorAll("g.is-bars line")].map((l) => [
            Number(l.getAttribute("x1")),
            Number(l.getAttribute("x2")),
          ]),
        )
    ).map((ends) => ends.map(val));
    expect(bars).toHaveLength(2);
    bars.forEach(([lo, hi], i) => {
      expect(lo!).toBeCloseTo(100 * a.intervals[i]!.lower, 1);
      expect(hi!).toBeCloseTo(100 * a.intervals[i]!.upper, 1);
    });
    // No mark's name, and not N's label, is crossed by the curve.
    expect(
      await textsCrossed(page, `${fig} svg.power-curve`, "g.names text, g.here text", "g.curve path"),
    ).toEqual([]);
    await renderMs(fig, times.size!);
    return a;
  }

  it("at 100 examples: ±7.8 pp, 13% power, 1,094 needed — shortlist, not separate", async () => {
    await check();
    expect(await readout(page, fig, "half-width")).toBeCloseTo(7.84, 2);
    expect(await readout(page, fig, "power")).toBeCloseTo(13.2, 1);
    expect(await readout(page, fig, "n-needed")).toBe(1094);
    expect(await readout(page, fig, "verdict")).toBe(0);
  });

  it("the accuracy slider: ±9.8 pp at 50%", async () => {
    for (const p of [0.5, 0.65, 0.9, 0.97, 0.8]) {
      await setRange(page, slider(fig, "p"), p);
      v.p = p;
      const a = await check();
      if (p === 0.5) expect(a.halfWidthPp).toBeCloseTo(9.8, 2);
    }
  });

  it("the gap slider", async () => {
    for (const gap of [1, 2.5, 10, 15, 20, 5]) {
      await setRange(page, slider(fig, "gap"), gap);
      v.gap = gap;
      await check();
    }
  });

  it("the N slider (log) and the number box; at 1,094 the verdict turns", async () => {
    for (const log10n of [1.5, 2.5, 3, 3.5, 4.3]) {
      await setRange(page, slider(fig, "n"), log10n);
      v.n = Math.round(10 ** log10n);
      await check();
    }
    await typeNumber(fig, "n", 1094);
    v.n = 1094;
    await check();
    expect(await readout(page, fig, "verdict")).toBe(1);
    await typeNumber(fig, "n", 1093);
    v.n = 1093;
    await check();
    expect(await readout(page, fig, "verdict")).toBe(0);
  });

  it("the power choice: 90% needs 1,464", async () => {
    await pick(fig, "target", 0.9);
    v.target = 0.9;
    await check();
    expect(await readout(page, fig, "n-needed")).toBe(1464);
    await pick(fig, "target", 0.8);
    v.target = 0.8;
    await check();
  });

  it("a preset sets the inputs and the URL records them", async () => {
    await page
      .locator(fig)
      .getByRole("button", { name: /Shortlisting/ })
      .click();
    Object.assign(v, { p: 0.8, gap: 15, n: 100 });
    await check();
    await page.waitForTimeout(400);
    expect(page.url()).toContain("l4-eval-size.gap=15");
  });
});

describe("figure 3: calibration", () => {
  const fig = "#fig-l4-calibration";
  const v = { accuracy: 0.75, overconfidence: 3, n: 1000, bins: 10, seed: 1 };
  async function check() {
    const [cal, over] = compareCalibration(v);
    expect(await readout(page, fig, "accuracy")).toBeCloseTo(100 * cal!.accuracy, 4);
    expect(cal!.accuracy).toBe(over!.accuracy);
    expect(await readout(page, fig, "ece-calibrated")).toBeCloseTo(100 * cal!.ece, 4);
    expect(await readout(page, fig, "ece-overconfident")).toBeCloseTo(100 * over!.ece, 4);
    // The diagrams agree: one bar per non-empty bin, calibrated first, each bar's top read back
    // through the y axis's tick labels at the bin's share right, and the count bars likewise.
    const read = async (svg: string) => {
      // The y axis writes a tick's label half a pixel below its line (lines sit on the pixel grid).
      const ticks = await axisTicks(page, `${fig} ${svg} g.y`, "y");
      const val = fromTicks(ticks.map((t) => ({ ...t, at: t.at - 0.5 })));
      const tops = await page
        .locator(`${fig} ${svg}`)
        .evaluate((e) => [...e.querySelectorAll("g.bars rect")].map((r) => Number(r.getAttribute("y"))));
      return tops.map(val);
    };
    const drawn = {
      shares: await read("svg.reliability-diagram"),
      counts: await read("svg.reliability-counts"),
    };
    const bins = [cal!, over!].flatMap((c) => c.bins.filter((b) => b.count > 0));
    expect(drawn.shares).toHaveLength(bins.length);
    drawn.shares.forEach((share, i) => {
      expect(Math.abs(share - 100 * bins[i]!.accuracy)).toBeLessThan(0.3);
    });
    const most = Math.max(...bins.map((b) => b.count));
    drawn.counts.forEach((count, i) => {
      expect(Math.abs(count - bins[i]!.count)).toBeLessThan(most / 100);
    });
    await renderMs(fig, times.calibration!);
    return [cal!, over!] as const;
  }

  it("starts with equal accuracy and a far larger ECE for the over-confident model", async () => {
    const [cal, over] = await check();
    expect(over.ece).toBeGreaterThan(3 * cal.ece);
    expect(await readout(page, fig, "sure-wrong-overconfident")).toBeGreaterThan(
      await readout(page, fig, "sure-wrong-calibrated"),
    );
  });

  it("the over-confidence slider: k = 1 makes the two models identical", async () => {
    for (const k of [1.5, 5, 1]) {
      await setRange(page, slider(fig, "overconfidence"), k);
      v.overconfidence = k;
      await check();
    }
    expect(await readout(page, fig, "ece-overconfident")).toBe(await readout(page, fig, "ece-calibrated"));
  });

  it("the accuracy slider, the N slider and box, the bins and the draw", async () => {
    await setRange(page, slider(fig, "overconfidence"), 3);
    v.overconfidence = 3;
    for (const accuracy of [0.5, 0.9, 0.75]) {
      await setRange(page, slider(fig, "accuracy"), accuracy);
      v.accuracy = accuracy;
      await check();
    }
    await setRange(page, slider(fig, "n"), 4);
    v.n = 10_000;
    await check();
    await typeNumber(fig, "n", 250);
    v.n = 250;
    await check();
    for (const bins of [5, 15, 20, 10]) {
      await pick(fig, "bins", bins);
      v.bins = bins;
      await check();
    }
    for (const seed of [4, 20]) {
      await setRange(page, slider(fig, "seed"), seed);
      v.seed = seed;
      await check();
    }
  });
});

describe("figure 4: the three stages, fed by figure 2", () => {
  const fig = "#fig-l4-stages";
  const s = { candidates: 20, shortlist: 3, requests: 2000, share: 0.05, days: 14 };
  const e = { p: 0.8, gap: 15, n: 100, target: 0.8 }; // figure 2 was left on the "Shortlisting" preset
  async function check() {
    const plan = stagePlan(s, e);
    expect(await readout(page, fig, "stage2-n")).toBe(e.n);
    expect(await readout(page, fig, "stage2-half-width")).toBeCloseTo(plan.stages[1].halfWidthPp, 4);
    expect(await readout(page, fig, "stage2-power")).toBeCloseTo(100 * plan.stages[1].power!, 4);
    expect(await readout(page, fig, "stage2-n-needed")).toBe(plan.nNeeded);
    expect(await readout(page, fig, "pilot-total")).toBe(plan.pilotTotal);
    expect(await readout(page, fig, "pilot-per-arm")).toBe(plan.pilotPerArm);
    expect(await readout(page, fig, "stage3-half-width")).toBeCloseTo(plan.stages[2].halfWidthPp, 4);
    expect(await readout(page, fig, "stage3-power")).toBeCloseTo(100 * plan.stages[2].power!, 4);
    expect(await page.locator(`${fig} [data-stage="filter"]`).textContent()).toContain(
      `Which ${plan.stages[0].remaining} of ${s.candidates} models`,
    );
    // The drawings agree, read back through their own axes: the funnel's blue bars stand at the
    // models left after each stage, the grey ones at the models before it; the evidence bars end
    // (6 px inset) at each stage's items per model on the log axis (decade names 10, 100, 1k, …).
    const models = fromTicks(await axisTicks(page, `${fig} svg.stages-funnel g.y`, "y"));
    const items = fromTicks(await axisTicks(page, `${fig} svg.stages-evidence g.x`, "x"), { log: true });
    const drawn = await page.locator(fig).evaluate((root) => {
      const funnel = root.querySelector("svg.stages-funnel")!;
      const evidence = root.querySelector("svg.stages-evidence")!;
      const heights = (g: string) =>
        [...funnel.querySelectorAll(`g.${g} rect`)].map((r) => Number(r.getAttribute("y")));
      const ends = [...evidence.querySelectorAll("g.bars rect")].map(
        (r) => Number(r.getAttribute("x")) + Number(r.getAttribute("width")) + 6,
      );
      return {
        after: heights("after"),
        before: heights("before"),
        ends,
      };
    });
    const finalists = plan.stages[1].remaining;
    expect(drawn.after.map((py) => Math.round(models(py)))).toEqual([s.shortlist, finalists, 1]);
    expect(drawn.before.map((py) => Math.round(models(py)))).toEqual([s.candidates, s.shortlist, finalists]);
    drawn.ends.forEach((px, i) => {
      expect(items(px) / plan.stages[i]!.itemsPerModel).toBeCloseTo(1, 2);
    });
    await renderMs(fig, times.stages!);
    return plan;
  }

  it("shows figure 2's current state in stage 2 (inside its go-deeper disclosure)", async () => {
    const details = page.locator("details.go-deeper", { has: page.locator(fig) });
    expect(await details.count()).toBe(1);
    await details.locator("> summary").click();
    expect(await details.getAttribute("open")).not.toBeNull();
    await check();
  });

  it("follows figure 2's sliders, number box and presets", async () => {
    const f2 = "#fig-l4-eval-size";
    await typeNumber(f2, "n", 400);
    e.n = 400;
    await check();
    await setRange(page, slider(f2, "gap"), 5);
    e.gap = 5;
    await check();
    await setRange(page, slider(f2, "p"), 0.6);
    e.p = 0.6;
    await check();
    await pick(f2, "target", 0.9);
    e.target = 0.9;
    await check();
    await page
      .locator(f2)
      .getByRole("button", { name: /100 examples, 5 pp gap/ })
      .click();
    Object.assign(e, { p: 0.8, gap: 5, n: 100, target: 0.8 });
    const plan = await check();
    expect(plan.nNeeded).toBe(1094);
  });

  it("its own sliders: candidates, shortlist, requests (slider and box), share, days", async () => {
    await setRange(page, slider(fig, "candidates"), 40);
    s.candidates = 40;
    await check();
    await setRange(page, slider(fig, "shortlist"), 5);
    s.shortlist = 5;
    await check();
    await setRange(page, slider(fig, "requests"), 3);
    s.requests = 1000;
    await check();
    await typeNumber(fig, "requests", 300);
    s.requests = 300;
    await check();
    await setRange(page, slider(fig, "share"), 0.2);
    s.share = 0.2;
    await check();
    await setRange(page, slider(fig, "days"), 30);
    s.days = 30;
    const plan = await check();
    expect(plan.pilotTotal).toBe(1800);
  });

  it("opens from a link with figure 2's N and feeds it to stage 2; junk in the URL is ignored", async () => {
    const {
      page: p2,
      context,
      problems: pr,
    } = await open(
      browser,
      "/lessons/4?l4-eval-size.n=500&l4-eval-size.gap=abc&l4-stages.days=-4&l4-shift.shift=NaN",
    );
    await p2.locator("#fig-l4-stages").waitFor({ state: "attached" });
    expect(await readout(p2, "#fig-l4-stages", "stage2-n")).toBe(500);
    expect(await readout(p2, "#fig-l4-eval-size", "half-width")).toBeCloseTo(100 * halfWidth(0.8, 500), 4);
    expect(await readout(p2, "#fig-l4-stages", "pilot-total")).toBe(Math.round(2000 * 0.05 * 1));
    expect(await readout(p2, "#fig-l4-shift", "flips")).toBe(3);
    expect(pr).toEqual([]);
    await context.close();
  });
});

describe("the page", () => {
  const mainText = async () => (await page.locator("#observablehq-main").textContent()) ?? "";

  it("states its numbers computed: ±7.8 / ±9.8 pp at 100 examples, 138 and 1,094 for 80% power", async () => {
    const f = evalSizeFacts(100);
    const text = await mainText();
    expect(text).toContain(
      `±${f.halfWidthAt80Pp.toFixed(1)} pp near 80% and ±${f.halfWidthAt50Pp.toFixed(1)} pp near 50%`,
    );
    expect(text).toContain("takes 138 examples per model for that gap and 1,094 for a 5-point gap");
    expect(text).toContain("1,763 law questions (12.6% of the test)"); // mmlu_subjects.csv
    expect(await page.locator("nav.lesson-footer a").count()).toBe(2);
  });

  it("error 8: TruthfulQA is not taught as a calibration measure; the correction names ECE, Brier and HELM, cited", async () => {
    // Outside the correction note, no sentence puts TruthfulQA and calibration together.
    const outside = await page.locator("#observablehq-main").evaluate((main) => {
      const copy = main.cloneNode(true) as HTMLElement;
      for (const el of copy.querySelectorAll('[data-note="correction"]')) el.remove();
      return copy.textContent ?? "";
    });
    for (const sentence of outside.split(/(?<=[.;:])\s+|\n/)) {
      if (/TruthfulQA/.test(sentence)) expect(sentence).not.toMatch(/calibrat/i);
    }
    // The table's calibration row names measures that exist, not TruthfulQA.
    const calibrationRow = page.locator("#observablehq-main table tr", {
      has: page.locator("td", { hasText: /^Calibration$/ }),
    });
    const row = (await calibrationRow.first().textContent()) ?? "";
    expect(row).toContain("Expected calibration error");
    expect(row).toContain("Brier score");
    expect(row).toContain("HELM");
    expect(row).not.toContain("TruthfulQA");
    const note = page.locator('.caution[data-note="correction"]', { hasText: "TruthfulQA" });
    expect(await note.count()).toBe(1);
    const noteText = (await note.textContent()) ?? "";
    expect(noteText).toContain("imitative falsehoods");
    expect(noteText).toContain("Lin et al., 2021");
    expect(noteText).toMatch(/expected calibration error \(Guo et al\., 2017\)/);
    expect(noteText).toContain("Brier score (Brier, 1950)");
    expect(noteText).toContain("Liang et al., 2022");
    const sources = (await page.locator(".l4-sources").textContent()) ?? "";
    for (const cite of [
      "2109.07958",
      "1706.04599",
      "2211.09110",
      "2207.05221",
      "Monthly Weather Review 78 (1950)",
    ])
      expect(sources).toContain(cite);
  });

  it("error 9: says what power is enough (80%: 138 and 1,094 per model), drops the unsourced claim, marks the legal story untraced", async () => {
    const text = await mainText();
    expect(text).not.toMatch(/enough to drop[^.]*66%/);
    expect(text).toContain("is caught only 66% of the time");
    expect(text).not.toMatch(/keep reporting|consistently report/);
    const untraced = page.locator('.note[data-note="untraced"]');
    expect(await untraced.count()).toBe(1);
    expect(await untraced.textContent()).toContain("Bloomberg");
    expect(await untraced.textContent()).toContain("Med-PaLM 2");
    // Bloomberg appears only in the note and the Sources, never as a fact in the prose.
    const main = await mainPathText(page);
    expect(main.match(/Bloomberg/g)?.length).toBe(1);
    expect(main).toContain("Med-PaLM 2, answered 86.5% of MedQA");
  });

  it("one voice: no 'the course' on the page, figures, notices and presets included", async () => {
    const text = await page.locator("#observablehq-main").evaluate((m) => m.textContent ?? "");
    expect(text).not.toMatch(/\bthe course\b|course's|course text/i);
  });

  it(`keeps its main path within 1,500 words`, async () => {
    const words = await mainPathWords(page);
    console.log(`l4 main path: ${words} words`);
    expect(words).toBeLessThanOrEqual(1500);
    expect(words).toBeGreaterThan(900);
  });

  it("keeps every item of the lesson's material", async () => {
    const text = await mainText();
    for (const item of [
      "invented citations",
      "missed nuances specific to a jurisdiction",
      "broke on documents longer than its context window",
      "distribution shift",
      "US standardised tests",
      "necessary but not sufficient",
      "Med-PaLM 2",
      "USMLE",
      "Following new instructions",
      "Long-context coherence",
      "Reliable tool use",
      "Adversarial robustness",
      "RULER",
      "LongBench",
      "TruthfulQA",
      "MT-Bench",
      "Task-specific evaluation",
      "Filter on the leaderboard",
      "Evaluate on your task",
      "Pilot with real users",
      "100 or more examples",
      "gold standard",
      "The module in one paragraph",
    ])
      expect(text).toContain(item);
    // Call-outs carry their titles in a label attribute.
    expect(await page.locator('.tip[label="The practitioner\'s translation rule"]').count()).toBe(1);
    expect(await page.locator('.note[label="Score interpretation, in one paragraph"]').count()).toBe(1);
  });

  it("each core figure is introduced by a prediction and what to try", async () => {
    for (const fig of ["#fig-l4-shift", "#fig-l4-calibration", "#fig-l4-eval-size"]) {
      const before = await page.locator(fig).evaluate((el) => {
        let node = el.closest(".observablehq")?.previousElementSibling ?? el.previousElementSibling;
        while (node && !/\S/.test(node.textContent ?? "")) node = node.previousElementSibling;
        return node?.textContent ?? "";
      });
      expect(before).toMatch(/^Predict:.*Try:/s);
    }
  });

  it("live sentences restate the figures' current numbers", async () => {
    const live = (name: string) => page.locator(`[data-live="${name}"]`).textContent();
    // Figure 2 (task eval size), wherever the tests above left it: read its value, then move it.
    const f2 = "#fig-l4-eval-size";
    await page
      .locator(f2)
      .getByRole("button", { name: /100 examples, 5 pp gap/ })
      .click();
    await expect
      .poll(() => live("eval-size"))
      .toBe(evalSizeSentence({ p: 0.8, gap: 5, n: 100, target: 0.8 }));
    expect(await live("eval-size")).toContain("±7.8 pp");
    expect(await live("eval-size")).toContain("takes 1,094 examples per model");
    await typeNumber(f2, "n", 1094);
    await expect
      .poll(() => live("eval-size"))
      .toBe(evalSizeSentence({ p: 0.8, gap: 5, n: 1094, target: 0.8 }));
    expect(await live("eval-size")).toContain("this eval can separate the two models");
    // Figure 1 (shift).
    const f1 = "#fig-l4-shift";
    await page.locator(f1).getByRole("button", { name: "No shift" }).click();
    const v1 = (await page
      .locator(f1)
      .evaluate((el) => (el as unknown as { value: Record<string, number> }).value)) as {
      shift: number;
      seed: number;
    } & Record<string, number>;
    await expect.poll(() => live("shift")).toBe(shiftSentence(shiftRows(v1), 0));
    expect(await live("shift")).toContain("no pair of models changes order");
    // Figure 3 (calibration).
    const f3 = "#fig-l4-calibration";
    await setRange(page, slider(f3, "overconfidence"), 1);
    const v3 = (await page
      .locator(f3)
      .evaluate((el) => (el as unknown as { value: unknown }).value)) as Parameters<
      typeof calibrationSentence
    >[0];
    expect(v3.overconfidence).toBe(1);
    await expect.poll(() => live("calibration")).toBe(calibrationSentence(v3));
  });

  it("the stages figure's notice names the stage with the most items, computed", async () => {
    const fig = "#fig-l4-stages";
    const text = () => page.locator(`${fig} .explorable-notice`).textContent();
    await page.locator(fig).getByRole("button", { name: "A typical plan" }).click();
    expect(await text()).toMatch(/^(What to notice: )?Stage 1 rests on the most items per model/);
    await setRange(page, slider(fig, "requests"), 5); // 100,000 a day
    await setRange(page, slider(fig, "share"), 0.5);
    await setRange(page, slider(fig, "days"), 60);
    const f2 = (await page
      .locator("#fig-l4-eval-size")
      .evaluate((el) => (el as unknown as { value: unknown }).value)) as Parameters<typeof stagePlan>[1];
    const plan = stagePlan({ candidates: 20, shortlist: 3, requests: 100_000, share: 0.5, days: 60 }, f2);
    expect(await text()).toContain(stagesNotice(plan));
    expect(stagesNotice(plan)).toMatch(/^Here stage 3 rests on the most items/);
  });

  it("redraws within a frame (reported)", () => {
    for (const [name, list] of Object.entries(times)) {
      const sorted = [...list].sort((a, b) => a - b);
      console.log(
        `l4 ${name} render ms: median ${sorted[Math.floor(sorted.length / 2)]}, max ${sorted.at(-1)} (${sorted.length} renders)`,
      );
      expect(sorted.every((t) => Number.isFinite(t))).toBe(true);
    }
  });

  it("had no console errors or failed requests", () => {
    expect(problems).toEqual([]);
  });
});
