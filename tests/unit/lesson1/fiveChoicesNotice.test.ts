// Error 3: the five-choices figure's "What to notice" names the choice that costs most in the
// state on screen — never a fixed one. Checked on hand-made waterfalls (independent of the
// simulation) and on the simulation's own states: the old default (shot count −5.2 pp, sampling
// −3.3 pp) and a state where sampling at a high temperature costs more.
import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { changedChoices, fiveChoicesNotice } from "../../../src/components/figures/fiveChoices.ts";
import { fiveChoicesData } from "../../../src/components/figures/fiveChoicesData.ts";
import {
  referenceSetup,
  type SimSetup,
  type WaterfallStep,
} from "../../../src/components/sim/scoreSimulation.ts";

const sizes = csvParse(readFileSync(new URL("../../../data/mmlu_subjects.csv", import.meta.url), "utf8")).map(
  (r) => Number(r.n_test),
);

/** A waterfall from hand-chosen contributions (proportion units), starting at 0.65. */
function steps(deltas: Partial<Record<WaterfallStep["key"], number>>): WaterfallStep[] {
  let score = 0.65;
  const out: WaterfallStep[] = [{ key: "reference", score, delta: 0 }];
  for (const key of ["shots", "decoding", "rule", "aggregation", "contamination"] as const) {
    const delta = deltas[key] ?? 0;
    score += delta;
    out.push({ key, score, delta });
  }
  return out;
}
const final = (score: number, halfWidth = 0.008) => ({
  score,
  lower: score - halfWidth,
  upper: score + halfWidth,
});

const mixed: SimSetup = {
  shots: 0,
  decoding: "sampled",
  temperature: 0.7,
  rule: "lastLetter",
  aggregation: "macro",
  contamination: false,
};
const hot: SimSetup = { ...referenceSetup, shots: 0, decoding: "sampled", temperature: 1.5 };

describe("fiveChoicesNotice: computed from the current state", () => {
  it("mixed setup where the shot count costs most (−5.2 vs −3.3 pp): names 0-shot prompting first, not temperature", () => {
    const s = steps({ shots: -0.052, decoding: -0.033, rule: -0.015, aggregation: 0.016 });
    const notice = fiveChoicesNotice({ setup: mixed, steps: s, final: final(0.566) });
    expect(notice).toMatch(/^Of the 4 choices changed, 0-shot prompting moves the score most \(−5\.2 pp/);
    expect(notice).toContain("then sampling at temperature 0.70 (−3.3 pp)");
    expect(notice).not.toMatch(/temperature[^.]*costs the most/);
  });

  it("a state where sampling at a high temperature costs more: names the temperature first", () => {
    const s = steps({ shots: -0.052, decoding: -0.114 });
    const notice = fiveChoicesNotice({ setup: hot, steps: s, final: final(0.484) });
    expect(notice).toMatch(
      /^Of the 2 choices changed, sampling at temperature 1\.50 moves the score most \(−11\.4 pp/,
    );
    expect(notice).toContain("then 0-shot prompting (−5.2 pp)");
  });

  it("one choice changed: its size against the interval's half-width (5.2 / 0.8 = 6.5 times)", () => {
    const notice = fiveChoicesNotice({
      setup: { ...referenceSetup, shots: 0 },
      steps: steps({ shots: -0.052 }),
      final: final(0.598),
    });
    expect(notice).toBe(
      "Changing one choice, 0-shot prompting, moves the score −5.2 pp: 6.5 times the ±0.8 pp half-width of the score's own 95% interval.",
    );
  });

  it("a change smaller than the half-width is said to be within it", () => {
    const notice = fiveChoicesNotice({
      setup: { ...referenceSetup, aggregation: "macro" },
      steps: steps({ aggregation: 0.004 }),
      final: final(0.654, 0.009),
    });
    expect(notice).toContain("+0.4 pp: within the ±0.9 pp half-width");
  });

  it("the reference recipe names no choice", () => {
    const notice = fiveChoicesNotice({ setup: referenceSetup, steps: steps({}), final: final(0.65) });
    expect(notice).toMatch(/reference recipe, so every bar is zero/);
  });

  it("only changed choices count: greedy decoding ignores the temperature", () => {
    expect(changedChoices({ ...referenceSetup, temperature: 0.3 })).toEqual([]);
    expect(changedChoices({ ...referenceSetup, decoding: "sampled", temperature: 0.3 })).toEqual([
      "decoding",
    ]);
    expect(changedChoices(mixed)).toEqual(["shots", "decoding", "rule", "aggregation"]);
  });
});

describe("fiveChoicesNotice on the simulation's states (seed 1)", () => {
  const largest = (d: ReturnType<typeof fiveChoicesData>) =>
    d.steps.slice(1).reduce((a, b) => (Math.abs(b.delta) > Math.abs(a.delta) ? b : a));

  it("the old default (mixed) state: the shot count (−5.2 pp) costs more than sampling (−3.3 pp), and the notice says so", () => {
    const d = fiveChoicesData(sizes, mixed, 1);
    const byKey = Object.fromEntries(d.steps.map((s) => [s.key, s.delta]));
    // The numbers the issue reports for this state.
    expect(100 * byKey.shots!).toBeCloseTo(-5.2, 1);
    expect(100 * byKey.decoding!).toBeCloseTo(-3.3, 1);
    expect(largest(d).key).toBe("shots");
    expect(fiveChoicesNotice({ setup: mixed, ...d })).toMatch(
      /^Of the 4 choices changed, 0-shot prompting moves the score most/,
    );
  });

  it("0-shot sampled at 1.5: sampling costs more, and the notice names it", () => {
    const d = fiveChoicesData(sizes, hot, 1);
    expect(largest(d).key).toBe("decoding");
    expect(fiveChoicesNotice({ setup: hot, ...d })).toMatch(
      /^Of the 2 choices changed, sampling at temperature 1\.50 moves the score most/,
    );
  });
});
