// Lesson 3's prose numbers come from the data; they must say what the course says.
import { describe, expect, it } from "vitest";
import { lessonNumbers } from "../../../src/components/compare/lessonNumbers.ts";
import { courseTable } from "../../../src/components/data/benchmarkTable.ts";
import { agreesWithPrinted, ciWidthCurve } from "../../../src/components/figures/ciWidth.ts";
import { classSummary, scalingPoints, sizeClass } from "../../../src/components/figures/scalingConfound.ts";
import { halfWidth } from "../../../src/components/stats/index.ts";
import { readBenchmarks, readPublishedScores } from "../../../src/data/tables.ts";

const benchmarks = readBenchmarks();
const rows = readPublishedScores();

describe("the course's numbers, from data", () => {
  const n = lessonNumbers(rows, benchmarks);
  it("MMLU: 14,042 questions, ≈ 11,936 right at 85%, ±0.6 pp", () => {
    expect(n.mmlu.n).toBe(14042);
    expect(n.mmlu.k85).toBe(11936);
    expect(n.mmlu.hw85.toFixed(1)).toBe("0.6");
  });
  it("GSM8K: 1,319 problems, ±2.159 pp at 80% (printed 2.15), ±1.4 pp at typical ≈ 93%", () => {
    expect(n.gsm8k.n).toBe(1319);
    expect(n.gsm8k.hw80).toBeCloseTo(2.1588, 3);
    expect(n.gsm8k.hw93.toFixed(1)).toBe("1.4");
    expect(n.humaneval.n).toBe(164);
    expect(n.gpt4Gsm8k).toBe(92);
  });
  it("Llama 2 70B's MMLU numbers and Mistral 7B's 60.1 vs 62.5", () => {
    expect(n.llama70.map((r) => r.score)).toEqual([68.9, 69.7, 69.83, 69.9]);
    expect(n.mistral.map((r) => r.score)).toEqual([60.1, 62.5]);
    expect(n.mistralGap).toBeCloseTo(2.4, 10);
    expect(n.mistralGapInSe).toBeCloseTo(2.4 / (100 * halfWidth(0.601, 14042)), 10);
    expect(n.mistralVsLlama13).toEqual({ mistral: 62.5, llama13: 55.6 });
  });
});

describe("the five-benchmark table agrees with the course to its printed precision", () => {
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

describe("ciWidthCurve", () => {
  it("the Wald curve is the normal approximation where k = p·n exactly", () => {
    const curve = ciWidthCurve(0.5, { method: "wald", nMin: 10, nMax: 10000, points: 30 });
    for (const pt of curve.filter((c) => c.n % 2 === 0)) expect(pt.halfWidthPp).toBeCloseTo(pt.normalPp, 9);
  });
  it("shrinks as 1/√N: four times the questions halve the half-width", () => {
    expect(halfWidth(0.8, 4 * 1319) / halfWidth(0.8, 1319)).toBeCloseTo(0.5, 12);
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
