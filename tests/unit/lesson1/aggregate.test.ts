// Micro vs macro averages: a hand-worked example, MMLU's real subject sizes, and the often-printed error (small subtasks dominating a micro-average).
import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import {
  averages,
  macroAverage,
  macroWeights,
  microAverage,
  microWeights,
  tiltedAccuracies,
} from "../../../src/components/scoring/aggregate.ts";

const mmlu = csvParse(readFileSync(new URL("../../../data/mmlu_subjects.csv", import.meta.url), "utf8")).map(
  (r) => ({
    subject: r.subject!,
    n: Number(r.n_test),
  }),
);

describe("micro and macro averages", () => {
  it("match a hand-computed example", () => {
    // Subject X: 900 questions at 90%; subject Y: 100 questions at 50%.
    // Micro = (810 + 50) / 1000 = 0.86; macro = (0.9 + 0.5) / 2 = 0.70.
    const s = [
      { n: 900, accuracy: 0.9 },
      { n: 100, accuracy: 0.5 },
    ];
    expect(microAverage(s)).toBeCloseTo(0.86, 12);
    expect(macroAverage(s)).toBeCloseTo(0.7, 12);
    const a = averages(s);
    expect(a.difference).toBeCloseTo(-0.16, 12);
    // SEs: micro √(0.9²·0.09/900 + 0.1²·0.25/100); macro ½√(0.09/900 + 0.25/100).
    expect(a.microSe).toBeCloseTo(Math.sqrt(0.81 * (0.09 / 900) + 0.01 * (0.25 / 100)), 12);
    expect(a.macroSe).toBeCloseTo(0.5 * Math.sqrt(0.09 / 900 + 0.25 / 100), 12);
    expect(a.totalN).toBe(1000);
  });

  it("on MMLU's 57 real subjects, equal accuracies give equal averages", () => {
    expect(mmlu).toHaveLength(57);
    expect(mmlu.reduce((s, x) => s + x.n, 0)).toBe(14042);
    for (const p of [0.25, 0.6, 0.93]) {
      const a = averages(mmlu.map((s) => ({ n: s.n, accuracy: p })));
      expect(a.micro).toBeCloseTo(p, 12);
      expect(a.macro).toBeCloseTo(p, 12);
      // With equal accuracies the micro SE is the familiar √(p(1−p)/N).
      expect(a.microSe).toBeCloseTo(Math.sqrt((p * (1 - p)) / 14042), 12);
    }
  });

  it("large subjects dominate the micro-average; every subject weighs 1/57 in the macro-average (the often-printed table has it backwards)", () => {
    const wMicro = microWeights(mmlu);
    const wMacro = macroWeights(mmlu);
    const largest = mmlu.reduce((a, b) => (b.n > a.n ? b : a));
    const smallest = mmlu.reduce((a, b) => (b.n < a.n ? b : a));
    expect(largest.subject).toBe("professional_law");
    expect(wMicro[mmlu.indexOf(largest)]).toBeCloseTo(1534 / 14042, 12);
    expect(wMicro[mmlu.indexOf(smallest)]).toBeCloseTo(smallest.n / 14042, 12);
    for (const w of wMacro) expect(w).toBeCloseTo(1 / 57, 12);
    // Moving only the largest subject by 30 pp moves micro by 30·1534/14042 pp, macro by 30/57 pp.
    const base = mmlu.map((s) => ({ n: s.n, accuracy: 0.7 }));
    const moved = base.map((s, i) => (i === mmlu.indexOf(largest) ? { ...s, accuracy: 1 } : s));
    expect(microAverage(moved) - 0.7).toBeCloseTo((0.3 * 1534) / 14042, 12);
    expect(macroAverage(moved) - 0.7).toBeCloseTo(0.3 / 57, 12);
    expect(microAverage(moved) - 0.7).toBeGreaterThan(macroAverage(moved) - 0.7);
    // The smallest subject: the macro-average moves more.
    const movedSmall = base.map((s, i) => (i === mmlu.indexOf(smallest) ? { ...s, accuracy: 1 } : s));
    expect(macroAverage(movedSmall) - 0.7).toBeGreaterThan(microAverage(movedSmall) - 0.7);
  });

  it("a model strong on large subjects has micro > macro; strong on small ones, macro > micro", () => {
    const sizes = mmlu.map((s) => s.n);
    const strongLarge = tiltedAccuracies(sizes, { base: 0.7, tilt: 0.1 });
    const strongSmall = tiltedAccuracies(sizes, { base: 0.7, tilt: -0.1 });
    const up = averages(sizes.map((n, i) => ({ n, accuracy: strongLarge[i]! })));
    const down = averages(sizes.map((n, i) => ({ n, accuracy: strongSmall[i]! })));
    expect(up.micro).toBeGreaterThan(up.macro);
    expect(down.macro).toBeGreaterThan(down.micro);
    // Tilt 0: every subject at the base.
    expect(new Set(tiltedAccuracies(sizes, { base: 0.55, tilt: 0 }))).toEqual(new Set([0.55]));
  });

  it("rejects bad input with a clear message", () => {
    expect(() => averages([])).toThrow(/no subjects/);
    expect(() => averages([{ n: 0, accuracy: 0.5 }])).toThrow(/positive integer/);
    expect(() => averages([{ n: 10, accuracy: 1.5 }])).toThrow(/outside 0–1/);
  });
});
