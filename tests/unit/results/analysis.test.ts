// The analysis against the statistics core and a hand-worked example.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { analyse, itemsToSeparate, withCorrection } from "../../../src/components/results/analysis.ts";
import { combine } from "../../../src/components/results/combine.ts";
import { runPipeline } from "../../../src/components/results/pipeline.ts";
import { readResultText } from "../../../src/components/results/readFile.ts";
import {
  adjustPValues,
  clusteredStandardError,
  mcnemarTest,
  minimumDetectableDifference,
  pairedDifference,
  rankIntervals,
} from "../../../src/components/stats/index.ts";

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

describe("analyse: a hand-worked example", () => {
  const res = analyse(combine([readResultText(long(false), "hand.csv")]));
  it("accuracy and the naive SE s/√n", () => {
    const a = res.models.find((m) => m.model === "A")!;
    expect(a.k).toBe(6);
    expect(a.accuracy).toBe(0.75);
    // s² = (6·0.25² + 2·0.75²)/7 = 1.5/7
    expect(a.naiveSE).toBeCloseTo(Math.sqrt(1.5 / 7 / 8), 12);
    expect(a.lower).toBeCloseTo(0.75 - 1.959963985 * Math.sqrt(1.5 / 7 / 8), 8);
    expect(a.clusteredSE).toBeNull();
  });
  it("A vs B: 2 discordant items, both A's; McNemar exact p = 0.5, Holm over 3 pairs", () => {
    const ab = res.pairs.find((p) => p.a === "A" && p.b === "B")!;
    expect(ab.diff).toBe(0.25);
    expect([ab.onlyA, ab.onlyB]).toEqual([2, 0]);
    expect(ab.pValue).toBeCloseTo(0.5, 12);
    expect(ab.test).toBe("mcnemar-exact");
    const holm = adjustPValues(
      res.pairs.map((p) => p.pValue),
      "holm",
    );
    expect(res.pairs.map((p) => p.adjustedP)).toEqual(holm);
    expect(res.pairs).toHaveLength(3);
    expect(res.correction).toBe("holm");
  });
  it("every pair matches pairedDifference and mcnemarTest from the statistics core", () => {
    const v: Record<string, number[]> = { A, B, C };
    for (const p of res.pairs) {
      const pd = pairedDifference(v[p.a]!, v[p.b]!);
      expect(p.diff).toBeCloseTo(pd.meanDiff, 12);
      expect(p.se).toBeCloseTo(pd.se, 12);
      expect(p.lower).toBeCloseTo(pd.lower, 12);
      expect(p.diff).toBeGreaterThanOrEqual(0);
      expect(p.pValue).toBeCloseTo(mcnemarTest(pd.discordant.onlyX, pd.discordant.onlyY).pValue, 12);
    }
  });
  it("ranks are rankIntervals' with seed 1", () => {
    const r = rankIntervals(
      [
        { model: "A", k: 6, n: 8 },
        { model: "B", k: 4, n: 8 },
        { model: "C", k: 4, n: 8 },
      ],
      { seed: 1, resamples: 1000 },
    );
    expect(res.models.map((m) => [m.rank, m.rankLower, m.rankUpper])).toEqual(
      r.map((x) => [x.rank, x.lower, x.upper]),
    );
  });
  it("the closest pair is B vs C (no difference): no number of items separates them", () => {
    expect(res.closest).toMatchObject({ diff: 0, itemsNeeded: Number.POSITIVE_INFINITY });
    expect([res.closest!.a, res.closest!.b].sort()).toEqual(["B", "C"]);
  });
});

describe("analyse with clusters", () => {
  const res = analyse(combine([readResultText(long(true), "hand.csv")]));
  it("uses clusteredStandardError and reports how much wider it is", () => {
    const a = res.models.find((m) => m.model === "A")!;
    const se = clusteredStandardError(A, clusters);
    expect(a.clusteredSE).toBeCloseTo(se, 12);
    expect(a.widthRatio).toBeCloseTo(se / a.naiveSE, 12);
    expect(res.clusterCount).toBe(3);
  });
  it("pairs use the clustered SE of the per-item differences", () => {
    const ab = res.pairs.find((p) => p.a === "A" && p.b === "B")!;
    expect(ab.se).toBeCloseTo(
      clusteredStandardError(
        A.map((x, i) => x - B[i]!),
        clusters,
      ),
      12,
    );
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
