// The number parser reads scores, gaps and sizes from prose and answers them at the benchmark's
// real N. Reference values: R 4.x prop.test(correct = FALSE) and power.prop.test (see comments).
import { describe, expect, it } from "vitest";
import {
  answerClaims,
  benchmarkSizes,
  computeFacts,
  findBenchmarks,
  normaliseNumbers,
  parseNumberClaims,
} from "../../../src/components/learn/numberClaims.ts";
import { halfWidth } from "../../../src/components/stats/intervals.ts";
import { minimumDetectableDifference } from "../../../src/components/stats/power.ts";
import { twoProportionTest } from "../../../src/components/stats/tests.ts";
import { benchmarkRows } from "./benchmarkRows.ts";

const sizes = benchmarkSizes(benchmarkRows);
const size = (name: string) => sizes.find((b) => b.name === name)!;

describe("benchmark sizes", () => {
  it("takes the scored split of each benchmark, with the course's N", () => {
    expect(size("MMLU").n).toBe(14042);
    expect(size("GSM8K").n).toBe(1319);
    expect(size("HumanEval").n).toBe(164);
    expect(size("HellaSwag").n).toBe(10042); // the labelled validation split, not the unlabelled test
    expect(size("ARC-Challenge").n).toBe(1172);
    expect(sizes.filter((b) => b.name === "MMLU")).toHaveLength(1);
  });

  it("finds benchmarks by name and alias, the longest name first", () => {
    const names = (t: string) => findBenchmarks(t, sizes).map((m) => m.benchmark.name);
    expect(names("MMLU-Pro is harder than MMLU")).toEqual(["MMLU-Pro", "MMLU"]);
    expect(names("gsm8k and Human Eval")).toEqual(["GSM8K", "HumanEval"]);
    expect(names("ARC challenge")).toEqual(["ARC-Challenge"]);
    // English words are not benchmarks unless written as the benchmark's name.
    expect(names("scores drop when you do the math")).toEqual([]);
    expect(names("scores on MATH and DROP")).toEqual(["MATH", "DROP"]);
  });
});

describe("parsing", () => {
  it("reads a pair of percentages with the benchmark", () => {
    const [c] = parseNumberClaims("91.2% vs 89.4% on MMLU", sizes);
    expect(c).toMatchObject({ kind: "pair", a: 0.912, b: 0.894 });
    expect(c?.kind === "pair" && c.benchmark?.n).toBe(14042);
  });

  it("reads a bare pair when the lab has a default benchmark, and not otherwise", () => {
    expect(parseNumberClaims("91.2 vs 89.4", sizes, { defaultBenchmark: "MMLU" })[0]).toMatchObject({
      kind: "pair",
      a: 0.912,
      b: 0.894,
    });
    expect(parseNumberClaims("91.2 versus 89.4 on GSM8K", sizes)[0]).toMatchObject({ kind: "pair" });
    expect(parseNumberClaims("between 5 and 10 examples", sizes)).toEqual([
      { kind: "size", n: 10, gapPp: null, base: null },
    ]);
  });

  it("reads a gap in points", () => {
    expect(parseNumberClaims("a 2 point gap on GSM8K", sizes)[0]).toMatchObject({ kind: "gap", gapPp: 2 });
    expect(parseNumberClaims("they differ by 3.5 pp on HumanEval", sizes)[0]).toMatchObject({
      kind: "gap",
      gapPp: 3.5,
    });
    expect(parseNumberClaims("a gap of 4 percentage points", sizes)[0]).toMatchObject({
      kind: "gap",
      gapPp: 4,
      benchmark: null,
    });
  });

  it("reads sizes, with thousands separators and n =", () => {
    expect(parseNumberClaims("100 examples", sizes)).toEqual([
      { kind: "size", n: 100, gapPp: null, base: null },
    ]);
    expect(parseNumberClaims("a held-out set of 1,319 questions", sizes)[0]).toMatchObject({
      kind: "size",
      n: 1319,
    });
    expect(parseNumberClaims("n = 250", sizes)[0]).toMatchObject({ kind: "size", n: 250 });
    expect(parseNumberClaims("50 clinical vignettes", sizes)[0]).toMatchObject({ kind: "size", n: 50 });
    expect(parseNumberClaims("5-shot examples", sizes)).toEqual([]);
    expect(parseNumberClaims("200 test examples to detect a 5 point gap", sizes)[0]).toMatchObject({
      kind: "size",
      n: 200,
      gapPp: 5,
    });
  });

  it("does not read shot counts, model sizes or years as scores", () => {
    expect(parseNumberClaims("5-shot and 0-shot", sizes, { defaultBenchmark: "MMLU" })).toEqual([]);
    expect(parseNumberClaims("a 70B and a 7B model", sizes, { defaultBenchmark: "MMLU" })).toEqual([]);
    expect(parseNumberClaims("in 2023 and 2024", sizes, { defaultBenchmark: "MMLU" })).toEqual([]);
    expect(parseNumberClaims("Model A scores 91.2 and 5-shot", sizes, { defaultBenchmark: "MMLU" })).toEqual(
      [],
    );
  });

  it("reads a single score as a score", () => {
    expect(parseNumberClaims("HumanEval 85%", sizes)[0]).toMatchObject({ kind: "score", p: 0.85 });
  });
});

describe("answers, checked against R", () => {
  it("91.2% vs 89.4% on MMLU: interval of the difference and p-value (R prop.test)", () => {
    const [f] = computeFacts("91.2% vs 89.4% on MMLU", sizes);
    // R: prop.test(c(12806, 12554), c(14042, 14042), correct = FALSE)
    expect(f!.values.lower).toBeCloseTo(0.0110267668, 8);
    expect(f!.values.upper).toBeCloseTo(0.0248655563, 8);
    expect(f!.values.pValue).toBeCloseTo(3.753917958e-7, 12);
    expect(f!.values.n).toBe(14042);
    expect(f!.text).toContain("1.1 to 2.5 pp");
    expect(f!.text).toContain("p < 0.001");
    expect(f!.text).toContain("excludes zero");
    // The single-score interval is Wilson: R prop.test(12806, 14042, correct = FALSE)$conf.int
    expect(f!.text).toContain("90.7–91.7%");
  });

  it("a 2 point gap on GSM8K is within noise (R prop.test at 81% vs 79%, N = 1319)", () => {
    const [f] = computeFacts("a 2 point gap on GSM8K", sizes);
    expect(f!.kind).toBe("gap");
    expect(f!.values.n).toBe(1319);
    expect(f!.values.lower).toBeCloseTo(-0.0108156707, 8);
    expect(f!.values.upper).toBeCloseTo(0.0502394767, 8);
    expect(f!.values.pValue).toBeCloseTo(0.2058065631, 8);
    expect(f!.text).toContain("not distinguishable from sampling noise");
    expect(f!.values.mdd).toBeCloseTo(minimumDetectableDifference(0.8, 1319), 12);
  });

  it("the same 2 point gap on MMLU is not noise", () => {
    const [f] = computeFacts("a 2 point gap on MMLU", sizes);
    expect(f!.values.lower).toBeGreaterThan(0);
    expect(f!.text).toContain("larger than sampling noise");
  });

  it("100 examples: ±7.84 pp at 80% (1.96·√(0.8·0.2/100)) and the detectable difference", () => {
    const [f] = computeFacts("100 examples", sizes);
    expect(f!.values.half).toBeCloseTo(0.07839856, 7);
    expect(f!.values.mdd).toBeCloseTo(minimumDetectableDifference(0.8, 100), 12);
    expect(f!.text).toContain("±7.8 pp");
  });

  it("a size with a gap gives the examples needed per model (R power.prop.test, rounded up)", () => {
    const [f] = computeFacts("With 100 examples can we detect a 5 point difference?", sizes);
    // As Lesson 4: 80% against 75%. R: power.prop.test(p1 = 0.8, p2 = 0.75, power = 0.8)$n = 1093.7
    expect(f!.values.needed).toBe(1094);
    expect(f!.text).toContain("(80% against 75%) you'd need about 1,094 examples per model");
  });

  it("a gap without a benchmark gives the questions needed (R power.prop.test: 2789.5 → 2790)", () => {
    const [f] = computeFacts("how many questions to see a 3 point gap?", sizes);
    expect(f!.kind).toBe("gap");
    expect(f!.values.n).toBe(2790);
  });

  it("pairs without a benchmark ask for one instead of guessing", () => {
    const [f] = answerClaims([{ kind: "pair", a: 0.6, b: 0.5, benchmark: null }]);
    expect(f!.text).toMatch(/Tell me the benchmark/);
  });

  it("agrees with the statistics core on every course benchmark", () => {
    for (const name of ["MMLU", "GSM8K", "HumanEval", "HellaSwag", "ARC-Challenge"]) {
      const n = size(name).n;
      const [f] = computeFacts(`80% vs 78% on ${name}`, sizes);
      const t = twoProportionTest({ k: Math.round(0.8 * n), n }, { k: Math.round(0.78 * n), n });
      expect(f!.values.lower).toBeCloseTo(t.lower, 12);
      expect(f!.values.pValue).toBeCloseTo(t.pValue, 12);
      expect(f!.values.halfA).toBeCloseTo(halfWidth(0.8, n), 12);
    }
  });
});

describe("numbers as people write them", () => {
  const read = (t: string) => normaliseNumbers(t);
  it("reads thousands written with k, e, spaces, dots before a count and words, and says so", () => {
    // Hand-worked: 10k = 10 × 1,000; 1.5k = 1,500; 1e4 = 10⁴; "10 000" and "10.000 examples" = 10,000.
    expect(parseNumberClaims("we have 10k past tickets", sizes)).toEqual([
      { kind: "size", n: 10000, gapPp: null, base: null },
    ]);
    expect(read("we have 10k past tickets").readings).toEqual([{ raw: "10k", read: "10,000" }]);
    expect(parseNumberClaims("1.5k examples", sizes)[0]).toMatchObject({ kind: "size", n: 1500 });
    expect(parseNumberClaims("1e4 questions", sizes)[0]).toMatchObject({ kind: "size", n: 10000 });
    expect(parseNumberClaims("10 000 examples", sizes)[0]).toMatchObject({ kind: "size", n: 10000 });
    expect(parseNumberClaims("10.000 examples", sizes)[0]).toMatchObject({ kind: "size", n: 10000 });
    expect(parseNumberClaims("ten thousand tickets", sizes)[0]).toMatchObject({ kind: "size", n: 10000 });
    expect(parseNumberClaims("a hundred examples", sizes)[0]).toMatchObject({ kind: "size", n: 100 });
    expect(parseNumberClaims("three hundred and fifty questions", sizes)[0]).toMatchObject({
      kind: "size",
      n: 350,
    });
  });

  it("reads a decimal comma, a minus sign, points in words and proportions", () => {
    expect(parseNumberClaims("85,5 % vs 84,1 % on MMLU", sizes)[0]).toMatchObject({
      kind: "pair",
      a: 0.855,
      b: 0.841,
    });
    expect(parseNumberClaims("a −3 pp gap on GSM8K", sizes)[0]).toMatchObject({ kind: "gap", gapPp: 3 });
    expect(parseNumberClaims("3 points on GSM8K", sizes)[0]).toMatchObject({ kind: "gap", gapPp: 3 });
    expect(parseNumberClaims("two points on MMLU", sizes)[0]).toMatchObject({ kind: "gap", gapPp: 2 });
    expect(parseNumberClaims("0.85 vs 0.83 on MMLU", sizes)[0]).toMatchObject({
      kind: "pair",
      a: 0.85,
      b: 0.83,
    });
    expect(parseNumberClaims("0.85 vs 85% on MMLU", sizes)[0]).toMatchObject({
      kind: "pair",
      a: 0.85,
      b: 0.85,
    });
    expect(parseNumberClaims("an accuracy of 0.85 on HumanEval", sizes)[0]).toMatchObject({
      kind: "score",
      p: 0.85,
    });
  });

  it("pairs two scores with a test size given in the same message", () => {
    const [c] = parseNumberClaims("with 300 tickets could we tell 85,5 % from 80 %?", sizes);
    expect(c).toMatchObject({ kind: "pair", a: 0.855, b: 0.8 });
    expect(c?.kind === "pair" && c.benchmark?.n).toBe(300);
  });

  it("leaves alone what isn't a count or a score", () => {
    expect(parseNumberClaims("a 70B and a 7B model", sizes, { defaultBenchmark: "MMLU" })).toEqual([]);
    expect(parseNumberClaims("a pilot on 5% of traffic", sizes)).toEqual([]);
    expect(read("in 2023 and 2024").readings).toEqual([]);
    expect(read("10,000 examples").readings).toEqual([]);
  });
});
