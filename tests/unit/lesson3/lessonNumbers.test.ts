// Lesson 3's prose numbers come from the data; each is checked against an independent value: the
// source documents (GPT-4 report Table 2, Claude 2 model card, the Mistral and Mixtral papers), R's
// intervals (tests/reference/r-reference.json) or a value worked by hand.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ciReading,
  ciSentence,
  gapSentence,
  lessonNumbers,
  methodGap,
  settingsLabel,
} from "../../../src/components/compare/lessonNumbers.ts";
import { courseTable } from "../../../src/components/data/benchmarkTable.ts";
import { agreesWithPrinted, ciWidthCurve } from "../../../src/components/figures/ciWidth.ts";
import { classSummary, scalingPoints, sizeClass } from "../../../src/components/figures/scalingConfound.ts";
import { readBenchmarks, readPublishedScores } from "../../../src/data/tables.ts";

const benchmarks = readBenchmarks();
const rows = readPublishedScores();
const reference = JSON.parse(
  readFileSync(new URL("../../reference/r-reference.json", import.meta.url), "utf8"),
) as { intervals: { k: number; n: number; wald: number[]; wilson: number[]; clopperPearson: number[] }[] };
const rCase = (k: number, n: number) => reference.intervals.find((c) => c.k === k && c.n === n)!;

describe("the pair Lesson 3 opens with (error 1 of issue 21)", () => {
  const { opening } = lessonNumbers(rows, benchmarks);
  it("GPT-4: 86.4, 5-shot, no chain of thought (GPT-4 Technical Report, Table 2)", () => {
    expect(opening.gpt4.score).toBe(86.4);
    expect(opening.gpt4.settings).toBe("5-shot, no chain of thought");
    expect(opening.gpt4.source).toContain("2303.08774");
  });
  it("Claude 2: 78.5, 5-shot with chain of thought (Anthropic's Claude 2 model card)", () => {
    expect(opening.claude2.score).toBe(78.5);
    expect(opening.claude2.settings).toBe("5-shot with chain of thought");
    expect(opening.claude2.source).toContain("Model Card and Evaluations for Claude Models");
    expect(opening.gap).toBeCloseTo(7.9, 10);
  });
  it("settings are read from the row, so a changed row changes the words", () => {
    expect(settingsLabel({ shots: "0", cot: "yes (zero-shot CoT)" })).toBe("0-shot with chain of thought");
    expect(settingsLabel({ shots: "5", cot: "not stated" })).toBe("5-shot, chain of thought not stated");
    expect(settingsLabel({ shots: null, cot: "no" })).toBe("shots not stated, no chain of thought");
  });
});

describe("the interval examples, from data", () => {
  const n = lessonNumbers(rows, benchmarks);
  it("MMLU: 14,042 questions, 11,936 right at 85%, ±0.59 pp; a difference of two ±0.84 pp (hand-worked)", () => {
    expect(n.mmlu.n).toBe(14042);
    expect(n.mmlu.k85).toBe(11936);
    // 1.95996·√(0.85·0.15/14042) = 0.005906; √2 times that = 0.008352
    expect(n.mmlu.hw85).toBeCloseTo(0.5906, 4);
    expect(n.mmlu.diffHw85).toBeCloseTo(0.8352, 4);
  });
  it("GSM8K: 1,319 problems, ±2.159 pp at 80% (printed 2.15), ±1.4 pp at ≈ 93%", () => {
    expect(n.gsm8k.n).toBe(1319);
    // 1.95996·√(0.8·0.2/1319) = 0.0215867 (hand-worked)
    expect(n.gsm8k.hw80).toBeCloseTo(2.1587, 4);
    expect(n.gsm8k.hw93.toFixed(1)).toBe("1.4");
    expect(n.humaneval.n).toBe(164);
    expect(n.gpt4Gsm8k).toBe(92);
  });
});

describe("one model, several numbers", () => {
  const n = lessonNumbers(rows, benchmarks);
  it("Llama 2 70B's MMLU numbers, each with its own evaluator", () => {
    expect(n.llama70.map((r) => r.score)).toEqual([68.9, 69.7, 69.83, 69.9]);
    expect(n.llama70.find((r) => r.score === 69.83)!.who).toMatch(/Leaderboard/);
    expect(n.llama70.find((r) => r.score === 69.9)!.who).toBe("Mistral AI's re-run");
  });
  it("Mistral 7B: 60.1 in the Mistral 7B paper, 62.5 in the Mixtral paper; 55.6 for Llama 2 13B there", () => {
    expect(n.mistral.map((r) => [r.score, r.paper])).toEqual([
      [60.1, "the Mistral 7B paper"],
      [62.5, "the Mixtral paper"],
    ]);
    expect(n.mistralVsLlama13).toEqual({ mistral: 62.5, llama13: 55.6 });
  });
  it("error 7 of issue 21: the 2.4-point method gap is set against a difference's ±1.14 pp, not one score's ±0.81", () => {
    // Hand-worked: mean accuracy 61.3%; 1.95996·√(2·0.613·0.387/14042) = 0.011393.
    expect(n.mistralMethod.gap).toBeCloseTo(2.4, 10);
    expect(n.mistralMethod.diffHalfWidth).toBeCloseTo(1.1393, 4);
    expect(n.mistralMethod.ratio).toBeCloseTo(2.107, 3);
    // The old sentence's yardstick, one score's half-width at 60.1% (±0.81), is not what is used.
    expect(n.mistralMethod.diffHalfWidth).not.toBeCloseTo(0.81, 1);
    expect(methodGap(50, 50, 100).gap).toBe(0);
  });
});

describe("the CI-width figure's live sentence, against R", () => {
  it("GSM8K at 80%: 1,055 of 1,319 right; Wilson 77.74–82.06% (R); normal ±2.159 pp", () => {
    const r = ciReading({ n: 1319, p: 0.8, confidence: 0.95, method: "wilson" });
    const R = rCase(1055, 1319);
    expect(r.k).toBe(1055);
    expect(r.lowerPct).toBeCloseTo(100 * R.wilson[0]!, 8);
    expect(r.upperPct).toBeCloseTo(100 * R.wilson[1]!, 8);
    expect(r.halfWidthPp).toBeCloseTo((100 * (R.wilson[1]! - R.wilson[0]!)) / 2, 8);
    expect(r.normalPp).toBeCloseTo(2.1587, 4);
    expect(r.scorePct).toBeCloseTo(79.985, 3);
    expect(r.level).toBe(95);
  });
  it("HumanEval at 80%: Clopper–Pearson from R; Wald at 29 of 29 is the zero-width [1, 1]", () => {
    const he = ciReading({ n: 164, p: 0.8, confidence: 0.95, method: "clopper-pearson" });
    expect(he.k).toBe(131);
    expect(he.lowerPct).toBeCloseTo(100 * rCase(131, 164).clopperPearson[0]!, 6);
    expect(he.upperPct).toBeCloseTo(100 * rCase(131, 164).clopperPearson[1]!, 6);
    const wald = ciReading({ n: 29, p: 1, confidence: 0.95, method: "wald" });
    expect([wald.lowerPct, wald.upperPct]).toEqual(rCase(29, 29).wald.map((x) => 100 * x));
  });
});

describe("the live sentences under the core figures, against R", () => {
  it("CI width at GSM8K's N and 80%: R's Wilson interval 77.74–82.06%", () => {
    expect(ciSentence({ n: 1319, p: 0.8, confidence: 0.95, method: "wilson" })).toBe(
      "1,055 right out of 1,319 is 80.0%. Its 95% interval runs from 77.7% to 82.1% (Wilson score, about ±2.16 pp): any true accuracy in that range could have produced this score.",
    );
  });
  it("states the score as k / N, not the slider's p (10 questions at 83% is 8 right, 80.0%)", () => {
    expect(ciSentence({ n: 10, p: 0.83, confidence: 0.95, method: "clopper-pearson" })).toMatch(
      /^8 right out of 10 is 80\.0%\./,
    );
  });
  it("the gap figure at 85.8 vs 85.0 on MMLU: R prop.test(c(12048, 11936), c(14042, 14042), correct = FALSE)", () => {
    // R: p = 0.0584, 95% CI −0.000283 to 0.016235 (tests/reference/r-reference.json, sign flipped for A − B).
    expect(
      gapSentence({ a: 85.8, b: 85, n: 14042, design: "independent", correlation: 0.5, disagree: 10 }),
    ).toBe(
      "85.8% against 85.0% on 14,042 questions, scored on separate question sets: the difference is 0.80 pp and its 95% interval runs from −0.03 to 1.62 pp. Within noise.",
    );
  });
  it("paired at r = 0.5, the same 3-point GSM8K gap is beyond noise", () => {
    expect(
      gapSentence({ a: 80, b: 77, n: 1319, design: "correlation", correlation: 0.5, disagree: 10 }),
    ).toMatch(/^80\.0% against 77\.0% on 1,319 questions, paired on the same questions: .* Beyond noise/);
  });
});

describe("the five-benchmark table agrees with the printed seed values to their precision", () => {
  const table = courseTable(benchmarks);
  it.each(table.map((r) => [r.benchmark, r] as const))("%s", (_name, r) => {
    expect(agreesWithPrinted(100 * r.halfWidth, r.printedHalfWidthPp)).toBe(true);
  });
  it("and the agreement test can fail", () => {
    expect(agreesWithPrinted(2.1588, 2.15)).toBe(true);
    expect(agreesWithPrinted(2.29, 2.3)).toBe(true);
    expect(agreesWithPrinted(2.17, 2.15)).toBe(false);
    expect(agreesWithPrinted(6.3, 6.1)).toBe(false);
  });
});

describe("ciWidthCurve, against R's intervals", () => {
  // One point at exactly the N of each R case, at the accuracy k/n.
  const at = (k: number, n: number, method: "wald" | "wilson" | "clopper-pearson") =>
    ciWidthCurve(k / n, { method, nMin: n, nMax: n, points: 1 })[0]!;
  const half = (ci: number[]) => (100 * (ci[1]! - ci[0]!)) / 2;
  it.each([
    [11236, 14042],
    [1055, 1319],
    [131, 164],
    [81, 263],
  ])("k = %i of n = %i: Wald, Wilson and Clopper–Pearson half-widths match R", (k, n) => {
    const R = rCase(k, n);
    expect(at(k, n, "wald").halfWidthPp).toBeCloseTo(half(R.wald), 8);
    expect(at(k, n, "wilson").halfWidthPp).toBeCloseTo(half(R.wilson), 8);
    expect(at(k, n, "clopper-pearson").halfWidthPp).toBeCloseTo(half(R.clopperPearson), 6);
  });
  it("at 0 of 20, Wald's interval has no width and Wilson's does (R: 0 to 16.1%)", () => {
    expect(at(0, 20, "wald").halfWidthPp).toBe(0);
    expect(at(0, 20, "wilson").halfWidthPp).toBeCloseTo(half(rCase(0, 20).wilson), 8);
  });
  it("four times the questions halve the half-width: GSM8K at 80% ±2.159, at 4 × 1,319 ±1.079 (hand-worked)", () => {
    const curve = ciWidthCurve(0.8, { method: "wald", nMin: 1319, nMax: 4 * 1319, points: 1 });
    expect(curve.map((c) => c.n)).toEqual([1319, 5276]);
    expect(curve[0]!.normalPp).toBeCloseTo(2.1587, 4);
    expect(curve[1]!.normalPp).toBeCloseTo(1.0794, 3);
  });
});

describe("scaling confound data", () => {
  it("size classes by parameters", () => {
    expect(sizeClass(7)).toBe("≤ 10B");
    expect(sizeClass(13)).toBe("10–40B");
    expect(sizeClass(70)).toBe("40–100B");
    expect(sizeClass(405)).toBe("> 100B");
  });
  it("MMLU points have parameters, one harness is a subset, per-parameter is score / params", () => {
    const all = scalingPoints(rows, "MMLU");
    const one = scalingPoints(rows, "MMLU", "leaderboard");
    expect(all.length).toBeGreaterThan(50);
    expect(one.length).toBeGreaterThan(5);
    expect(one.length).toBeLessThan(all.length);
    expect(one.every((p) => /Leaderboard/.test(p.evaluator))).toBe(true);
    for (const p of all) expect(p.perParam).toBeCloseTo(p.score / p.params, 12);
    const summary = classSummary(all);
    expect(summary.reduce((s, c) => s + c.count, 0)).toBe(all.length);
    const large = summary.find((c) => c.id === "> 100B")!;
    expect(large.best!.score).toBe(Math.max(...all.filter((p) => p.params > 100).map((p) => p.score)));
  });
});
