// Lesson 4's "What to notice" lines are computed from each figure's current state: a line that
// names the largest, the most or the first names the one the state gives (hand-built states).
import { describe, expect, it } from "vitest";
import {
  calibrationNotice,
  type ModelCalibration,
} from "../../../src/components/figures/reliabilityDiagram.ts";
import { shiftNotice } from "../../../src/components/figures/shiftRanking.ts";
import { evalSizeNotice } from "../../../src/components/figures/taskEvalSize.ts";
import { stagePlan, stagesNotice } from "../../../src/components/figures/threeStages.ts";
import type { ShiftedModel } from "../../../src/components/sim/distributionShift.ts";

const row = (
  name: string,
  benchmark: number,
  task: number,
  benchmarkRank: number,
  taskRank: number,
  transfer = 0.5,
) =>
  ({
    name,
    benchmark,
    transfer,
    untested: 0.5,
    task,
    benchmarkRank,
    taskRank,
    move: benchmarkRank - taskRank,
  }) satisfies ShiftedModel;

describe("shift figure", () => {
  it("names the model that loses most, and says when one of them gains", () => {
    // Drops: A 16, B 4, C −2 (gains). Reversed pairs: (A, B), (A, C), (B, C) → 3.
    const rows = [
      row("Model A", 0.86, 0.7, 1, 3),
      row("Model B", 0.84, 0.8, 2, 2),
      row("Model C", 0.8, 0.82, 3, 1),
    ];
    const text = shiftNotice(rows, 0.5);
    expect(text).toContain("2 of 3 models lose accuracy");
    expect(text).toContain("Model A loses most (16.0 pp)");
    expect(text).toContain("3 pairs swap places");
  });

  it("with every model losing, says so and names the biggest loser (not the leader by habit)", () => {
    const rows = [row("Model A", 0.86, 0.8, 1, 1), row("Model B", 0.84, 0.7, 2, 2)];
    const text = shiftNotice(rows, 0.5);
    expect(text).toContain("Every model loses accuracy");
    expect(text).toContain("Model B loses most (14.0 pp)");
    expect(text).toContain("The order holds");
  });

  it("full transfer: the order holds at any shift; no shift: the rankings are the same", () => {
    const rows = [row("Model A", 0.86, 0.8, 1, 1, 1), row("Model B", 0.84, 0.78, 2, 2, 1)];
    expect(shiftNotice(rows, 1)).toContain("keeps all of its skill");
    expect(shiftNotice(rows, 0)).toContain("With no shift");
  });
});

describe("calibration figure", () => {
  const model = (m: ModelCalibration["model"], ece: number, sureCount: number, sureWrong: number) =>
    ({
      model: m,
      ece,
      sureCount,
      sureWrong,
      accuracy: 0.75,
      meanConfidence: 0.8,
      mce: 0,
      n: 1000,
      bins: [],
    }) as ModelCalibration;

  it("states both ECEs and the sure-but-wrong shares of the state", () => {
    const text = calibrationNotice(
      [model("Calibrated", 0.02, 120, 0.05), model("Over-confident", 0.15, 400, 0.27)],
      3,
    );
    expect(text).toContain("same 75.0% of questions right");
    expect(text).toContain("ECE is 15.0 pp against 2.0 pp");
    expect(text).toContain(
      "Of its 400 answers stated at 90% or more, 27% are wrong, against 5% of the calibrated model's 120",
    );
  });

  it("k = 1: the diagrams match", () => {
    expect(
      calibrationNotice([model("Calibrated", 0.03, 1, 0), model("Over-confident", 0.03, 1, 0)], 1),
    ).toContain("ECE 3.0 pp each");
  });
});

describe("task-eval-size figure", () => {
  it("at 100 examples and a 5 pp gap: the smallest gap found 80% of the time, and the 5 pp gap missed", () => {
    // Smallest gap at 80% power, variance at p = .8 (hand-worked): (1.959964 + 0.841621) · √(2 · .16 / 100) = 15.85 pp;
    // paired with r = .5: 15.85 · √.5 = 11.21 pp. Power for 80% vs 75% at 100 (R power.prop.test): 0.132 → missed 87%.
    const text = evalSizeNotice({ p: 0.8, gap: 5, n: 100, target: 0.8 });
    expect(text).toContain("only gaps of 15.8 pp or more are found 80% of the time (11.2 pp if both models");
    expect(text).toContain("Your 5 pp gap is missed 87% of the time: enough to shortlist, not to separate.");
    expect(text).not.toMatch(/clearly worse/);
    expect(evalSizeNotice({ p: 0.8, gap: 5, n: 1094, target: 0.8 })).toContain("this eval can separate");
  });
});

describe("three-stages figure", () => {
  const e = { p: 0.8, gap: 5, n: 100, target: 0.8 };
  it("names stage 1 as the largest only when it is", () => {
    const small = stagePlan({ candidates: 20, shortlist: 3, requests: 2000, share: 0.05, days: 14 }, e);
    expect(stagesNotice(small)).toMatch(/^Stage 1 rests on the most items per model \(14,042\)/);
    // A big pilot: 100,000 a day × 50% × 60 days = 3,000,000, 1,500,000 per finalist > 14,042.
    const big = stagePlan({ candidates: 20, shortlist: 3, requests: 100_000, share: 0.5, days: 60 }, e);
    expect(stagesNotice(big)).toMatch(/^Here stage 3 rests on the most items per model \(1,500,000/);
    // A task eval of 20,000 examples outgrows the benchmark too.
    const bigEval = stagePlan(
      { candidates: 20, shortlist: 3, requests: 300, share: 0.05, days: 14 },
      { ...e, n: 20_000 },
    );
    expect(stagesNotice(bigEval)).toMatch(/^Here stage 2 rests on the most items per model \(20,000/);
  });
});
