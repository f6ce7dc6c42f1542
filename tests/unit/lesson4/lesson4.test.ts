// Lesson 4's prose numbers and live sentences (src/components/lessons/lesson4.ts), against
// independent values: R's power.prop.test (tests/reference/r-reference.json, lesson4EvalSize),
// MMLU's published subject sizes, and hand-worked cases.
import { describe, expect, it } from "vitest";
import {
  calibrationSentence,
  evalSizeFacts,
  evalSizeSentence,
  shareOf,
  shiftRows,
  shiftSentence,
  subcategoryCount,
  subjectList,
} from "../../../src/components/lessons/lesson4.ts";
import type { ShiftedModel } from "../../../src/components/sim/distributionShift.ts";
import { readTable } from "../../../src/data/source.ts";
import reference from "../../reference/r-reference.json";

const subjects = readTable("mmlu_subjects.csv", {
  subject: "string",
  subcategory: "string",
  n_test: "integer",
});
const [r65, r75] = reference.lesson4EvalSize as { p1: number; p2: number; power100: number; n80: number }[];

describe("MMLU's law and health questions", () => {
  // MMLU's test split (Hendrycks et al. 2021; the released data.tar): professional_law 1,534,
  // international_law 121, jurisprudence 108 → 1,763 law questions, 12.6% of 14,042.
  it("law: 1,763 questions in three subjects, largest first", () => {
    const law = subcategoryCount(subjects, "law");
    expect(law.n).toBe(1534 + 121 + 108);
    expect(law.subjects.map((s) => s.name)).toEqual([
      "professional law",
      "international law",
      "jurisprudence",
    ]);
    // 1,763 / 14,042 = 0.12555 (hand-worked) → 12.6%
    expect(shareOf(law.n, 14042)).toBe("12.6%");
    expect(() => shareOf(5, 0)).toThrow(/whole > 0/);
    expect(subjectList(law)).toBe("professional law: 1,534, international law: 121, jurisprudence: 108");
  });

  // anatomy 135, clinical_knowledge 265, college_medicine 173, human_aging 223,
  // medical_genetics 100, nutrition 306, professional_medicine 272, virology 166 → 1,640.
  it("health: 1,640 questions in eight subjects", () => {
    const health = subcategoryCount(subjects, "health");
    expect(health.n).toBe(135 + 265 + 173 + 223 + 100 + 306 + 272 + 166);
    expect(health.subjects).toHaveLength(8);
  });

  it("an unknown subcategory is an error that names it", () => {
    expect(() => subcategoryCount(subjects, "astrology")).toThrow(/astrology/);
  });
});

describe("what 100 task examples can tell (R's power.prop.test)", () => {
  const f = evalSizeFacts(100);

  it("±7.8 pp near 80% and ±9.8 pp near 50% (hand-worked: 1.959964 · √(p(1−p)/100))", () => {
    expect(f.halfWidthAt80Pp).toBeCloseTo(100 * 1.959963985 * Math.sqrt(0.16 / 100), 6);
    expect(f.halfWidthAt80Pp.toFixed(1)).toBe("7.8");
    expect(f.halfWidthAt50Pp).toBeCloseTo(100 * 1.959963985 * 0.05, 6);
    expect(f.halfWidthAt50Pp.toFixed(1)).toBe("9.8");
  });

  it("a 15 pp gap (80% vs 65%) is found only 66% of the time; 80% power needs 138 per model", () => {
    expect(r65!.p2).toBe(0.65);
    expect(f.clear.gapPp).toBe(15);
    expect(f.clear.power).toBeCloseTo(r65!.power100, 6);
    expect(f.clear.nFor80).toBe(Math.ceil(r65!.n80));
    expect(f.clear.nFor80).toBe(138);
    expect(f.clear.power).toBeLessThan(0.8); // the reason 100 is not enough for 80% power
  });

  it("a 5 pp gap (80% vs 75%) is found 13% of the time; 80% power needs 1,094 per model", () => {
    expect(f.close.power).toBeCloseTo(r75!.power100, 6);
    expect(f.close.nFor80).toBe(Math.ceil(r75!.n80));
    expect(f.close.nFor80).toBe(1094);
  });

  it("at 138 examples the 15 pp gap reaches 80% power, at 137 it does not", () => {
    expect(evalSizeFacts(138).clear.power).toBeGreaterThanOrEqual(0.8);
    expect(evalSizeFacts(137).clear.power).toBeLessThan(0.8);
  });
});

describe("the live sentence under the task-eval-size figure", () => {
  it("at 100 examples, 80% vs 75%: ±7.8 pp, found 13% of the time, 1,094 needed", () => {
    expect(evalSizeSentence({ p: 0.8, gap: 5, n: 100, target: 0.8 })).toBe(
      "With 100 examples, a score near 80% has a 95% interval of ±7.8 pp. A 5 pp gap (80% against 75%) is found 13% of the time; telling them apart with 80% power takes 1,094 examples per model.",
    );
  });

  it("at 100 examples, 80% vs 65% (R: power 0.663; n 137.9 → 138)", () => {
    expect(evalSizeSentence({ p: 0.8, gap: 15, n: 100, target: 0.8 })).toContain(
      "is found 66% of the time; telling them apart with 80% power takes 138 examples per model.",
    );
  });

  it("once N reaches the needed size it says the eval can separate them", () => {
    const s = evalSizeSentence({ p: 0.8, gap: 5, n: 1094, target: 0.8 });
    expect(s).toContain("With 1,094 examples");
    expect(s).toContain("so this eval can separate the two models");
  });
});

// Hand-built rows (not from the simulation): B leads the task, A the benchmark.
const row = (name: string, benchmark: number, task: number, benchmarkRank: number, taskRank: number) =>
  ({
    name,
    benchmark,
    transfer: 0.5,
    untested: 0.5,
    task,
    benchmarkRank,
    taskRank,
    move: benchmarkRank - taskRank,
  }) satisfies ShiftedModel;

describe("the live sentence under the shift figure", () => {
  it("names the benchmark leader's task rank and the task winner, from the rows", () => {
    const rows = [
      row("Model A", 0.86, 0.7, 1, 3),
      row("Model B", 0.84, 0.78, 2, 1),
      row("Model C", 0.8, 0.72, 3, 2),
    ];
    // Pairs reversed: (A, B), (A, C) → 2 of 3.
    expect(shiftSentence(rows, 0.6)).toBe(
      "At a drift of 60%, 2 of 3 pairs of models swap places: the benchmark leader, Model A, finishes 3rd on your task (70.0%), and Model B, 2nd on the benchmark, wins it (78.0%).",
    );
  });

  it("says when the leader keeps first place, and when nothing changes", () => {
    const kept = [
      row("Model A", 0.86, 0.8, 1, 1),
      row("Model B", 0.84, 0.7, 2, 3),
      row("Model C", 0.8, 0.72, 3, 2),
    ];
    expect(shiftSentence(kept, 0.4)).toContain(
      "1 of 3 pairs of models swap places, but the benchmark leader, Model A, stays first",
    );
    const same = [row("Model A", 0.86, 0.8, 1, 1), row("Model B", 0.84, 0.75, 2, 2)];
    expect(shiftSentence(same, 0.2)).toBe(
      "At a drift of 20%, no pair of models changes order: the benchmark leader, Model A, is still first on your task (80.0%).",
    );
  });

  it("reads the figure's values: no drift leaves the benchmark order", () => {
    const rows = shiftRows({ shift: 0, seed: 1, tA: 0.3, tB: 0.8, tC: 0.5, tD: 0.9, tE: 0.6 });
    expect(rows.map((r) => r.taskRank)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.map((r) => r.task)).toEqual([0.86, 0.84, 0.82, 0.79, 0.75]);
  });
});

describe("the live sentence under the calibration figure", () => {
  it("states the shared accuracy and both ECEs; k = 1 makes them equal", () => {
    const s = calibrationSentence({ accuracy: 0.75, overconfidence: 1, n: 1000, bins: 10, seed: 1 });
    const ece = s.match(/the ECE is ([\d.]+) pp for the calibrated model against ([\d.]+) pp/)!;
    expect(ece[1]).toBe(ece[2]);
    expect(s).toMatch(/^Here both models are right on \d+\.\d% of 1,000 questions/);
    expect(s).toContain("(k = 1.0)");
  });

  it("k = 3 makes the over-confident model's ECE the larger", () => {
    const s = calibrationSentence({ accuracy: 0.75, overconfidence: 3, n: 1000, bins: 10, seed: 1 });
    const ece = s.match(/the ECE is ([\d.]+) pp for the calibrated model against ([\d.]+) pp/)!;
    expect(Number(ece[2])).toBeGreaterThan(3 * Number(ece[1]));
  });
});
