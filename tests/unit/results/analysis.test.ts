// The analysis against the statistics core and a hand-worked example.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { analyse, itemsToSeparate, withCorrection } from "../../../src/components/results/analysis.ts";
import { combine } from "../../../src/components/results/combine.ts";
import { runPipeline } from "../../../src/components/results/pipeline.ts";
import { readResultText } from "../../../src/components/results/readFile.ts";
import { adjustPValues, minimumDetectableDifference } from "../../../src/components/stats/index.ts";

const A = [1, 1, 1, 0, 1, 0, 1, 1];
const B = [1, 0, 1, 0, 0, 0, 1, 1];
const C = [0, 1, 0, 1, 1, 0, 1, 0];
const clusters = ["x", "x", "x", "y", "y", "y", "z", "z"];
const long = (cl: boolean) =>
  [
    `model,item,correct${cl ? ",cluster" : ""}`,
    ...Object.entries({ A, B, C }).flatMap(([m, v]) =>
      v.map((x, i) => `${m},q${i},${x}${cl ? `,${clusters[i]}` : ""}`),
    ),
  ].join("\n");

// Expected values below were computed independently with SciPy 1.17.1 (scipy.stats.ttest_rel,
// scipy.stats.t.ppf, and Wilson's closed form evaluated in NumPy), not with the code under test.
describe("analyse: a hand-worked example (0/1 items, no clusters)", () => {
  const res = analyse(combine([readResultText(long(false), "hand.csv")]));
  it("accuracy, the naive SE s/√n, and Wilson's interval for 6 of 8", () => {
    const a = res.models.find((m) => m.model === "A")!;
    expect(a.k).toBe(6);
    expect(a.accuracy).toBe(0.75);
    // s² = (6·0.25² + 2·0.75²)/7 = 1.5/7
    expect(a.naiveSE).toBeCloseTo(Math.sqrt(1.5 / 7 / 8), 12);
    expect(a.interval).toBe("wilson");
    expect(a.lower).toBeCloseTo(0.40927543031016883, 6);
    expect(a.upper).toBeCloseTo(0.9285207872478909, 6);
    const b = res.models.find((m) => m.model === "B")!;
    expect([b.lower, b.upper].map((x) => +x.toFixed(8))).toEqual([0.21521606, 0.78478394]);
    expect(a.clusteredSE).toBeNull();
  });
  it("pairs: paired t-test on the differences (df 7), as SciPy's ttest_rel gives", () => {
    const expected: Record<string, { se: number; p: number; lower: number; upper: number }> = {
      "A|B": {
        se: 0.16366341767699427,
        p: 0.1704706607870538,
        lower: -0.1370024865375798,
        upper: 0.6370024865375798,
      },
      "A|C": { se: 0.25, p: 0.3506166628202074, lower: -0.341156062898196, upper: 0.841156062898196 },
    };
    for (const [key, e] of Object.entries(expected)) {
      const p = res.pairs.find((x) => `${x.a}|${x.b}` === key)!;
      expect(p.diff).toBe(0.25);
      expect(p.test).toBe("paired-t");
      expect(p.df).toBe(7);
      expect(p.se).toBeCloseTo(e.se, 10);
      expect(p.pValue).toBeCloseTo(e.p, 6);
      expect(p.lower).toBeCloseTo(e.lower, 6);
      expect(p.upper).toBeCloseTo(e.upper, 6);
    }
    const bc = res.pairs.find((x) => [x.a, x.b].sort().join() === "B,C")!;
    expect(bc.diff).toBe(0);
    expect(bc.pValue).toBeCloseTo(1, 12);
    expect(bc.upper).toBeCloseTo(0.7740049730751596, 6);
  });
  it("McNemar's exact p beside it: A vs B has 2 discordant items, both A's, so p = 2·(1/2)² = 0.5", () => {
    const ab = res.pairs.find((p) => p.a === "A" && p.b === "B")!;
    expect([ab.onlyA, ab.onlyB]).toEqual([2, 0]);
    expect(ab.mcnemarP).toBeCloseTo(0.5, 12);
  });
  it("Holm over the 3 pairs, by hand: sorted p 0.1705, 0.3506, 1 → ×3, ×2, ×1, then monotone", () => {
    const adj = Object.fromEntries(res.pairs.map((p) => [[p.a, p.b].sort().join(), p.adjustedP]));
    expect(adj["A,B"]).toBeCloseTo(3 * 0.1704706607870538, 6);
    expect(adj["A,C"]).toBeCloseTo(Math.max(3 * 0.1704706607870538, 2 * 0.3506166628202074), 6);
    expect(adj["B,C"]).toBeCloseTo(1, 12);
    expect(res.correction).toBe("holm");
  });
  it("ranks: A is first on its own; B and C tie for the middle", () => {
    const a = res.models.find((m) => m.model === "A")!;
    expect(a.rank).toBe(1);
    expect(a.rankLower).toBe(1);
    // With 8 items the bootstrap cannot settle A above B and C: its rank interval reaches past 1.
    expect(a.rankUpper).toBeGreaterThan(1);
    for (const m of res.models.filter((m) => m.model !== "A")) expect(m.rankUpper).toBe(3);
  });
  it("the closest pair is B vs C (no difference): no number of items separates them", () => {
    expect(res.closest).toMatchObject({ diff: 0, itemsNeeded: Number.POSITIVE_INFINITY });
    expect([res.closest!.a, res.closest!.b].sort()).toEqual(["B", "C"]);
  });
});

describe("intervals that hold at the edges (single model, 0/1 items)", () => {
  const one = (k: number, n: number) =>
    analyse(
      combine([
        readResultText(
          ["model,item,correct", ...Array.from({ length: n }, (_, i) => `M,q${i},${i < k ? 1 : 0}`)].join(
            "\n",
          ),
          "one.csv",
        ),
      ]),
    ).models[0]!;
  it("0 of 10: Wilson 0 – 27.8%, not the Wald 0 – 0", () => {
    const m = one(0, 10);
    expect(m.lower).toBe(0);
    expect(m.upper).toBeCloseTo(0.2775327998628892, 6);
  });
  it("5 of 5: Wilson 56.6 – 100%", () => {
    const m = one(5, 5);
    expect(m.lower).toBeCloseTo(0.5655175352168251, 6);
    expect(m.upper).toBe(1);
  });
  it("16 of 20: Wilson 58.4 – 91.9% (Wald would say 62 – 98)", () => {
    const m = one(16, 20);
    expect(m.lower).toBeCloseTo(0.5839825677481065, 6);
    expect(m.upper).toBeCloseTo(0.9193423374202019, 6);
  });
});

describe("partial scores: mean ± t(n−1)·SE", () => {
  it("six scores 0.5, 1, 0.25, 0.75, 1, 0 → 0.583 ± 2.5706·0.1667", () => {
    const scores = [0.5, 1, 0.25, 0.75, 1, 0];
    const text = ["model,item,score", ...scores.map((x, i) => `M,q${i},${x}`)].join("\n");
    const res = analyse(combine([readResultText(text, "frac.csv")]));
    const m = res.models[0]!;
    expect(res.binary).toBe(false);
    expect(m.interval).toBe("t");
    expect(m.accuracy).toBeCloseTo(0.5833333333333334, 12);
    expect(m.lower).toBeCloseTo(0.15490302739394757, 6);
    // 1.0118 is past 100%: clipped.
    expect(m.upper).toBe(1);
  });
});
describe("itemsToSeparate", () => {
  it("inverts the paired minimum detectable difference", () => {
    for (const [p, n, r] of [
      [0.7, 1000, 0.5],
      [0.45, 1400, 0.3],
      [0.9, 500, 0],
    ] as const) {
      const mdd = minimumDetectableDifference(p, n, { paired: true, correlation: r });
      const se = Math.sqrt((2 * p * (1 - p) * (1 - r)) / n);
      expect(Math.abs(itemsToSeparate(mdd, se, n) - n)).toBeLessThanOrEqual(1);
      // Half the difference needs four times the items.
      expect(itemsToSeparate(mdd / 2, se, n) / n).toBeCloseTo(4, 1);
    }
  });
  it("a stricter alpha needs more items", () => {
    expect(itemsToSeparate(0.01, 0.01, 1000, { alpha: 0.05 / 15 })).toBeGreaterThan(
      itemsToSeparate(0.01, 0.01, 1000),
    );
  });
});

describe("the sample file", () => {
  const root = join(import.meta.dirname, "../../..");
  const sample = readFileSync(join(root, "src/tools/sample-results.csv"), "utf8");
  it("is taken unchanged from data/mmlu_pro_correct_matrix.csv (100 questions per category, 6 models)", () => {
    const matrix = new Map(
      csvParse(readFileSync(join(root, "data/mmlu_pro_correct_matrix.csv"), "utf8")).map((r) => [
        r.question_id!,
        r,
      ]),
    );
    const rows = csvParse(sample);
    expect(rows.columns).toEqual(["model", "item", "correct", "cluster"]);
    expect(rows).toHaveLength(6 * 1400);
    for (const r of rows) {
      const m = matrix.get(r.item!)!;
      expect(r.correct).toBe(m[r.model!]);
      expect(r.cluster).toBe(m.category);
    }
  });
  it("analyses to 6 models on 1,400 items in 14 clusters, with 15 Holm-corrected pairs", async () => {
    const r = await runPipeline([{ name: "sample-results.csv", bytes: new TextEncoder().encode(sample) }]);
    const a = r.analysis!;
    expect(a.n).toBe(1400);
    expect(a.clusterCount).toBe(14);
    expect(a.pairs).toHaveLength(15);
    const top = a.models.find((m) => m.rank === 1)!;
    expect(top.model).toBe("Meta-Llama-3_1-8B-Instruct");
    expect(top.accuracy).toBeCloseTo(673 / 1400, 12);
    expect(r.files[0]).toMatchObject({ ok: true, lines: 8400, records: 8400 });
  });
});

describe("withCorrection", () => {
  it("re-adjusts only the p-values, as adjustPValues does", () => {
    const base = analyse(combine([readResultText(long(false), "hand.csv")]));
    for (const method of ["bonferroni", "BH", "holm"] as const) {
      const a = withCorrection(base, method);
      expect(a.correction).toBe(method);
      expect(a.pairs.map((p) => p.adjustedP)).toEqual(
        adjustPValues(
          base.pairs.map((p) => p.pValue),
          method,
        ),
      );
      expect(a.pairs.map((p) => p.diff)).toEqual(base.pairs.map((p) => p.diff));
      expect(a.models).toBe(base.models);
    }
  });
});

describe("clusterBreakdown (arquero)", () => {
  it("matches a plain per-cluster mean, hardest cluster first, and counts where the best model changes", async () => {
    const { clusterBreakdown } = await import("../../../src/components/results/clusters.ts");
    const matrix = combine([readResultText(long(true), "hand.csv")]);
    const b = clusterBreakdown(matrix, "A")!;
    // Cluster x = items 0–2, y = 3–5, z = 6–7.
    const mean = (v: number[], idx: number[]) => idx.reduce((s, i) => s + v[i]!, 0) / idx.length;
    const expected = {
      x: [mean(A, [0, 1, 2]), mean(B, [0, 1, 2]), mean(C, [0, 1, 2])],
      y: [mean(A, [3, 4, 5]), mean(B, [3, 4, 5]), mean(C, [3, 4, 5])],
      z: [mean(A, [6, 7]), mean(B, [6, 7]), mean(C, [6, 7])],
    };
    expect(b.models).toEqual(["A", "B", "C"]);
    expect(b.rows.map((r) => r.cluster)).toEqual(["y", "x", "z"]);
    for (const r of b.rows) {
      for (const [j, a] of r.accuracy.entries())
        expect(a).toBeCloseTo(expected[r.cluster as "x" | "y" | "z"][j]!, 12);
      expect(r.n).toBe(r.cluster === "z" ? 2 : 3);
    }
    // y: A 1/3, B 0, C 2/3 → C is best there; x and z: A.
    expect(b.rows.map((r) => r.best)).toEqual(["C", "A", "A"]);
    expect(b.flips).toBe(1);
  });
  it("is null without clusters", async () => {
    const { clusterBreakdown } = await import("../../../src/components/results/clusters.ts");
    expect(clusterBreakdown(combine([readResultText(long(false), "hand.csv")]), "A")).toBeNull();
  });
});
