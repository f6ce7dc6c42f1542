// Real paired data: the prefix sums give, for any first-n subsample, exactly what brute force
// and the statistics core give on the same questions.
import { describe, expect, it } from "vitest";
import {
  pairedAnalysisAt,
  preparePairedData,
  questionsNeeded,
  separationCurve,
} from "../../../src/components/compare/pairedRealData.ts";
import {
  countsAt,
  modelAt,
  pairPrefix,
  questionOrder,
} from "../../../src/components/compare/pairedSubsample.ts";
import type { DecodedMatrix } from "../../../src/components/data/mmluProMatrix.ts";
import {
  mcnemarTest,
  pairedDifference,
  proportionInterval,
  seededRandom,
  twoProportionTest,
} from "../../../src/components/stats/index.ts";

function randomMatrix(n: number, seed: number): DecodedMatrix {
  const rng = seededRandom(seed);
  const a = Int8Array.from({ length: n }, () => (rng() < 0.6 ? 1 : 0));
  // B agrees with A most of the time; some of B's results are missing.
  const b = Int8Array.from(a, (x) => (rng() < 0.05 ? -1 : rng() < 0.8 ? x : rng() < 0.5 ? 1 : 0));
  const count = (r: Int8Array) => ({
    items: r.filter((x) => x >= 0).length,
    correct: r.filter((x) => x === 1).length,
  });
  return {
    questions: n,
    models: [
      { name: "A", ...count(a), results: a },
      { name: "B", ...count(b), results: b },
    ],
  };
}

describe("questionOrder", () => {
  it("is a seeded permutation", () => {
    const o = questionOrder(1000, 5);
    expect([...o].sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect([...questionOrder(1000, 5)]).toEqual([...o]);
    expect([...questionOrder(1000, 6)]).not.toEqual([...o]);
  });
});

describe("prefix sums vs brute force", () => {
  const matrix = randomMatrix(2000, 11);
  const data = preparePairedData(matrix, 42);
  const [a, b] = matrix.models;

  it("count the first m questions exactly, skipping missing results", () => {
    const pair = pairPrefix(a!.results, b!.results, data.order);
    for (const m of [0, 1, 2, 17, 500, 1999, 2000, 5000]) {
      const ids = [...data.order.slice(0, Math.min(m, 2000))];
      const shared = ids.filter((q) => a!.results[q]! >= 0 && b!.results[q]! >= 0);
      const c = countsAt(pair, m);
      expect(c.n).toBe(shared.length);
      expect(c.onlyA).toBe(shared.filter((q) => a!.results[q] === 1 && b!.results[q] === 0).length);
      expect(c.onlyB).toBe(shared.filter((q) => a!.results[q] === 0 && b!.results[q] === 1).length);
      expect(modelAt(data.model("B"), m).n).toBe(ids.filter((q) => b!.results[q]! >= 0).length);
    }
  });

  it("give the core's paired difference, McNemar test and independent test", () => {
    for (const m of [60, 400, 2000]) {
      const r = pairedAnalysisAt(data, "A", "B", m);
      const ids = [...data.order.slice(0, m)].filter((q) => a!.results[q]! >= 0 && b!.results[q]! >= 0);
      const ref = pairedDifference(
        ids.map((q) => a!.results[q]!),
        ids.map((q) => b!.results[q]!),
      );
      expect(r.paired.diff).toBeCloseTo(ref.meanDiff, 12);
      expect(r.paired.se).toBeCloseTo(ref.se, 12);
      expect(r.paired.correlation).toBeCloseTo(ref.correlation, 10);
      expect(r.paired.pValue).toBeCloseTo(mcnemarTest(ref.discordant.onlyX, ref.discordant.onlyY).pValue, 12);
      const t = twoProportionTest(r.a, r.b);
      expect(r.independent.pValue).toBe(t.pValue);
      expect(r.a.interval).toEqual(proportionInterval(r.a.k, r.a.n));
    }
  });

  it("the curve's paired interval at full size is the readout's", () => {
    const curve = separationCurve(data, "A", "B");
    const last = curve[curve.length - 1]!;
    expect(last.m).toBe(2000);
    const r = pairedAnalysisAt(data, "A", "B", 2000);
    expect(last.parLower).toBeCloseTo(r.paired.lower, 12);
    expect(last.indUpper - last.indLower).toBeGreaterThan(last.parUpper - last.parLower);
  });

  it("projects fewer questions for the paired analysis when the models agree", () => {
    const need = questionsNeeded(data, "A", "B");
    expect(need.paired).toBeLessThan(need.independent);
  });

  it("names an unknown model", () => {
    expect(() => data.model("C")).toThrow(/no model named "C"/);
  });
});
