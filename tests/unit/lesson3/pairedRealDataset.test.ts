// Real paired data: the prefix sums give, for any first-n subsample, exactly what brute force
// and the statistics core give on the same questions.
import { describe, expect, it } from "vitest";
import {
  pairedAnalysisAt,
  pairOverviews,
  preparePairedData,
  questionsNeeded,
  separationCurve,
} from "../../../src/components/compare/pairedRealDataset.ts";
import type { DecodedMatrix } from "../../../src/components/data/mmluProMatrix.ts";
import { proportionInterval } from "../../../src/components/stats/intervals.ts";
import {
  countsAt,
  modelAt,
  pairCache,
  pairPrefix,
  questionOrder,
} from "../../../src/components/stats/pairedSubsample.ts";
import { seededRandom } from "../../../src/components/stats/random.ts";
import { mcnemarTest, pairedDifference, twoProportionTest } from "../../../src/components/stats/tests.ts";

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

describe("memoised per pair (the slider only reads prefix sums)", () => {
  const matrix = randomMatrix(1500, 23);
  const data = preparePairedData(matrix, 7);
  const [a, b] = matrix.models;

  it("pair prefixes: the same pair gives the same arrays back; a new pair is summed, right", () => {
    const results = (name: string) => (name === "A" ? a!.results : b!.results);
    let sums = 0;
    const pair = pairCache(data.order, (name) => {
      sums++;
      return results(name);
    });
    const ab = pair("A", "B");
    expect(pair("A", "B")).toBe(ab);
    expect(sums).toBe(2);
    const ba = pair("B", "A");
    expect(ba).not.toBe(ab);
    expect(sums).toBe(4);
    expect(ba.onlyA).toEqual(ab.onlyB);
    expect(countsAt(ba, 1500)).toEqual(countsAt(pairPrefix(b!.results, a!.results, data.order), 1500));
    expect(data.pair("A", "B")).toBe(data.pair("A", "B"));
  });

  it("pair prefixes: past the limit the oldest pair is dropped and summed again when asked", () => {
    let sums = 0;
    const pair = pairCache(
      data.order,
      (name) => {
        sums++;
        return name === "A" ? a!.results : b!.results;
      },
      1,
    );
    const first = pair("A", "B");
    pair("B", "A");
    const again = pair("A", "B");
    expect(sums).toBe(6);
    expect(again).not.toBe(first);
    expect(again.shared).toEqual(first.shared);
  });

  it("curve and questions needed: same pair → same object; other pair → its own values", () => {
    const overview = pairOverviews(data);
    const ab = overview("A", "B");
    expect(overview("A", "B")).toBe(ab);
    expect(ab.curve).toEqual(separationCurve(data, "A", "B"));
    expect(ab.need).toEqual(questionsNeeded(data, "A", "B"));
    const ba = overview("B", "A");
    expect(ba).not.toBe(ab);
    expect(ba.curve).toEqual(separationCurve(data, "B", "A"));
    expect(ba.curve[ba.curve.length - 1]!.diff).toBeCloseTo(-ab.curve[ab.curve.length - 1]!.diff, 12);
    expect(ba.need.independent).toBe(ab.need.independent);
  });
});
