// The analysis against the statistics core and a hand-worked example.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { analyse, itemsToSeparate, withCorrection } from "../../../src/components/results/analysis.ts";
import { combine } from "../../../src/components/results/combine.ts";
import { runPipeline } from "../../../src/components/results/pipeline.ts";
import { readResultText } from "../../../src/components/results/readFile.ts";
import { minimumDetectableDifference } from "../../../src/components/stats/power.ts";

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

// Expected values below were computed independently, not with the code under test: Wilson's
// interval with SciPy 1.17.1 (closed form in NumPy); the pairs, McNemar, corrections and ranks in R
// (the calls are in the comments beside each case).
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
  // R 4.x, with the vectors above:
  //   t.test(A, B, paired = TRUE) → t = 1.5275, df = 7, p = 0.170470660787054,
  //     95% CI −0.13700248653758 to 0.63700248653758, stderr 0.163663417676994
  //   t.test(A, C, paired = TRUE) → t = 1, df = 7, p = 0.350616662820207, CI −0.341156062898196 to 0.841156062898196, stderr 0.25
  //   t.test(B, C, paired = TRUE) → t = 0, df = 7, p = 1, CI −0.77400497307516 to 0.77400497307516, stderr 0.327326835353989
  it("pairs: paired t-test on the differences (df 7), as R's t.test(paired = TRUE) gives", () => {
    const expected: Record<string, { diff: number; se: number; p: number; lower: number; upper: number }> = {
      "A|B": {
        diff: 0.25,
        se: 0.163663417676994,
        p: 0.170470660787054,
        lower: -0.13700248653758,
        upper: 0.63700248653758,
      },
      "A|C": {
        diff: 0.25,
        se: 0.25,
        p: 0.350616662820207,
        lower: -0.341156062898196,
        upper: 0.841156062898196,
      },
    };
    for (const [key, e] of Object.entries(expected)) {
      const p = res.pairs.find((x) => `${x.a}|${x.b}` === key)!;
      expect(p.diff).toBe(e.diff);
      expect(p.test).toBe("paired-t");
      expect(p.df).toBe(7);
      expect(p.se).toBeCloseTo(e.se, 10);
      expect(p.pValue).toBeCloseTo(e.p, 8);
      expect(p.lower).toBeCloseTo(e.lower, 7);
      expect(p.upper).toBeCloseTo(e.upper, 7);
    }
    const bc = res.pairs.find((x) => [x.a, x.b].sort().join() === "B,C")!;
    expect(bc.diff).toBe(0);
    expect(bc.se).toBeCloseTo(0.327326835353989, 10);
    expect(bc.pValue).toBeCloseTo(1, 12);
    expect([bc.lower, bc.upper].sort((x, y) => x - y)[1]).toBeCloseTo(0.77400497307516, 7);
  });
  // McNemar's exact test is the binomial test on the discordant items:
  //   A vs B: A only 2, B only 0 → binom.test(0, 2)$p.value = 0.5
  //   A vs C: A only 3, C only 1 → binom.test(1, 4)$p.value = 0.625
  //   B vs C: B only 3, C only 3 → binom.test(3, 6)$p.value = 1
  it("McNemar's exact p beside it, as R's binom.test on the discordant items gives", () => {
    const pair = (x: string, y: string) =>
      res.pairs.find((p) => [p.a, p.b].sort().join() === [x, y].sort().join())!;
    const ab = pair("A", "B");
    expect([ab.onlyA, ab.onlyB]).toEqual([2, 0]);
    expect(ab.mcnemarP).toBeCloseTo(0.5, 12);
    const ac = pair("A", "C");
    expect([ac.onlyA, ac.onlyB]).toEqual([3, 1]);
    expect(ac.mcnemarP).toBeCloseTo(0.625, 12);
    expect(pair("B", "C").mcnemarP).toBeCloseTo(1, 12);
  });
  // p.adjust(c(0.170470660787054, 0.350616662820207, 1), "holm") → 0.511411982361161 0.701233325640415 1
  it("Holm over the 3 pairs, as R's p.adjust gives", () => {
    const adj = Object.fromEntries(res.pairs.map((p) => [[p.a, p.b].sort().join(), p.adjustedP]));
    expect(adj["A,B"]).toBeCloseTo(0.511411982361161, 8);
    expect(adj["A,C"]).toBeCloseTo(0.701233325640415, 8);
    expect(adj["B,C"]).toBeCloseTo(1, 12);
    expect(res.correction).toBe("holm");
  });
  // Ranks by hand: A 6/8 = 75% is first; B and C both 4/8 = 50%, so they share rank 2 (competition
  // ranking: 1, 2, 2). Rank intervals: the parametric bootstrap draws A ~ Bin(8, 0.75) and B, C ~
  // Bin(8, 0.5). Its exact rank distribution, enumerated in R over all 9³ outcomes with
  //   dbinom(a, 8, 0.75) * dbinom(b, 8, 0.5) * dbinom(c, 8, 0.5), rank = 1 + #(others strictly higher):
  //   A: P(rank 1, 2, 3) = 0.845105, 0.126227, 0.028668
  //   B, C: P(rank 1, 2, 3) = 0.180917, 0.445495, 0.373588
  // The 95% interval keeps ranks with more than 2.5% in each tail: A 1–3 (P(3) = 2.87% > 2.5%), B and C 1–3.
  // 20,000 resamples put A's 2.87% about 3 standard errors clear of the 2.5% cut, so the bootstrap
  // agrees with the exact answer (at 1,000 it would be a coin toss).
  it("ranks: 1, 2, 2 by hand, and rank intervals as the exact bootstrap distribution (R) gives", () => {
    const many = analyse(combine([readResultText(long(false), "hand.csv")]), { resamples: 20_000 });
    const table = Object.fromEntries(many.models.map((m) => [m.model, [m.rank, m.rankLower, m.rankUpper]]));
    expect(table).toEqual({ A: [1, 1, 3], B: [2, 1, 3], C: [2, 1, 3] });
  });
  it("ranks: with a 6-of-8 model clear of two 1-of-8 models, the intervals separate (R: A 1–1, B and C 2–3)", () => {
    // A ~ Bin(8, 0.75), B, C ~ Bin(8, 0.125), enumerated in R as above:
    //   A: P(rank 1, 2, 3) = 0.998552, 0.001395, 0.0000525 → interval 1–1
    //   B, C: P(rank 1, 2, 3) = 0.003962, 0.653195, 0.342843 → interval 2–3 (rank 1 is under 2.5%)
    const low = [1, 0, 0, 0, 0, 0, 0, 0];
    const text = [
      "model,item,correct",
      ...Object.entries({ A, B: low, C: low }).flatMap(([m, v]) => v.map((x, i) => `${m},q${i},${x}`)),
    ].join("\n");
    const r = analyse(combine([readResultText(text, "apart.csv")]), { resamples: 20_000 });
    const table = Object.fromEntries(r.models.map((m) => [m.model, [m.rank, m.rankLower, m.rankUpper]]));
    expect(table).toEqual({ A: [1, 1, 1], B: [2, 2, 3], C: [2, 2, 3] });
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
  // The three paired-t p-values above, p = c(0.170470660787054, 0.350616662820207, 1), in R:
  //   p.adjust(p, "bonferroni") → 0.511411982361161 1 1
  //   p.adjust(p, "BH")         → 0.511411982361161 0.525924994230311 1
  //   p.adjust(p, "holm")       → 0.511411982361161 0.701233325640415 1
  it("re-adjusts only the p-values, as R's p.adjust does", () => {
    const base = analyse(combine([readResultText(long(false), "hand.csv")]));
    const expected = {
      bonferroni: { "A,B": 0.511411982361161, "A,C": 1, "B,C": 1 },
      BH: { "A,B": 0.511411982361161, "A,C": 0.525924994230311, "B,C": 1 },
      holm: { "A,B": 0.511411982361161, "A,C": 0.701233325640415, "B,C": 1 },
    } as const;
    for (const method of ["bonferroni", "BH", "holm"] as const) {
      const a = withCorrection(base, method);
      expect(a.correction).toBe(method);
      for (const p of a.pairs) {
        const key = [p.a, p.b].sort().join() as keyof (typeof expected)[typeof method];
        expect(p.adjustedP).toBeCloseTo(expected[method][key], 8);
        // Nothing separates at 5% with 8 items.
        expect(p.separated).toBe(false);
      }
      expect(a.pairs.map((p) => p.diff)).toEqual(base.pairs.map((p) => p.diff));
      expect(a.models).toBe(base.models);
    }
  });
});

describe("clusterBreakdown", () => {
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
