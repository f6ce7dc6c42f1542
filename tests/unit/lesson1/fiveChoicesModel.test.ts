// The five-choices figure's model: the waterfall's bars from a hand-made waterfall (independent of
// the simulation), and the model on the simulation's own states (axis, half-width, total change).
import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import {
  deriveFiveChoices,
  fiveChoicesSummary,
  waterfallBars,
} from "../../../src/components/figures/fiveChoices.ts";
import { fiveChoicesData } from "../../../src/components/figures/fiveChoicesData.ts";
import {
  referenceSetup,
  type SimScore,
  type WaterfallStep,
} from "../../../src/components/sim/scoreSimulation.ts";

const sizes = csvParse(readFileSync(new URL("../../../data/mmlu_subjects.csv", import.meta.url), "utf8")).map(
  (r) => Number(r.n_test),
);
const score = (s: number) => ({ score: s, lower: s - 0.008, upper: s + 0.008 }) as SimScore;

describe("waterfallBars", () => {
  it("each step starts where the previous ended; totals start at the axis (hand-worked)", () => {
    // 65.0 → 0-shot −5.2 → sampling −3.3 → no change → macro +1.6 → no change; final 58.1.
    const steps: WaterfallStep[] = [
      { key: "reference", score: 0.65, delta: 0 },
      { key: "shots", score: 0.598, delta: -0.052 },
      { key: "decoding", score: 0.565, delta: -0.033 },
      { key: "rule", score: 0.565, delta: 0 },
      { key: "aggregation", score: 0.581, delta: 0.016 },
      { key: "contamination", score: 0.581, delta: 0.00001 },
    ];
    const bars = waterfallBars(steps, score(0.581), score(0.65));
    expect(bars.map((b) => b.label)).toEqual([
      "Reference",
      "Shot count",
      "Decoding",
      "Extraction",
      "Aggregation",
      "Contamination",
      "Your setup",
    ]);
    expect(bars.map((b) => b.kind)).toEqual(["total", "down", "down", "none", "up", "none", "total"]);
    const ends = bars.map((b) => [b.y1, b.y2]);
    const expected = [
      [0, 65],
      [65, 59.8],
      [59.8, 56.5],
      [56.5, 56.5],
      [56.5, 58.1],
      [58.1, 58.1],
      [0, 58.1],
    ];
    ends.forEach(([y1, y2], i) => {
      expect(y1).toBeCloseTo(expected[i]![0]!, 9);
      expect(y2).toBeCloseTo(expected[i]![1]!, 9);
    });
    // The last bar carries the setup's total change: 58.1 − 65.0 = −6.9 pp.
    expect(bars.at(-1)!.delta).toBeCloseTo(-0.069, 12);
  });
});

describe("deriveFiveChoices on the simulation", () => {
  const mixed = {
    shots: 0 as const,
    decoding: "sampled" as const,
    temperature: 0.7,
    rule: "lastLetter" as const,
    aggregation: "macro" as const,
    contamination: false,
    seed: 4,
  };

  it("its numbers are the simulation's; the axis is in fives, holds every bar and the interval, 5–10 to spare", () => {
    for (const v of [mixed, { ...referenceSetup, seed: 1 }, { ...mixed, contamination: true, seed: 20 }]) {
      const m = deriveFiveChoices(v, sizes);
      const { seed, ...setup } = v;
      const d = fiveChoicesData(sizes, setup, seed);
      expect(m.final).toBe(d.final);
      expect(m.moved).toBeCloseTo(d.final.score - d.reference.score, 12);
      expect(m.halfWidth).toBeCloseTo((d.final.upper - d.final.lower) / 2, 12);
      const [lo, hi] = m.domain;
      expect(lo % 5).toBe(0);
      expect(hi % 5).toBe(0);
      const values = [
        ...m.bars.flatMap((b) => (b.kind === "total" ? [b.y2] : [b.y1, b.y2])),
        100 * d.final.lower,
        100 * d.final.upper,
      ];
      const least = Math.min(...values);
      const most = Math.max(...values);
      expect(least - lo).toBeGreaterThanOrEqual(lo === 0 ? 0 : 5);
      expect(least - lo).toBeLessThan(10);
      expect(hi - most).toBeGreaterThanOrEqual(hi === 100 ? 0 : 5);
      expect(hi - most).toBeLessThan(10);
    }
  });

  it("the summary states the setup, the score and each contribution with a sign", () => {
    const m = deriveFiveChoices({ ...referenceSetup, seed: 1 }, sizes);
    const text = fiveChoicesSummary(m);
    expect(text).toContain(
      "Setup: 5-shot, greedy decoding, extraction by “answer is (X)”, unreadable = wrong, micro-average, no contamination.",
    );
    // The reference recipe: every contribution is zero, printed one way.
    expect(text).toContain(
      "Contributions: Shot count ±0.0 pp, Decoding ±0.0 pp, Extraction ±0.0 pp, Aggregation ±0.0 pp, Contamination ±0.0 pp.",
    );
  });
});
