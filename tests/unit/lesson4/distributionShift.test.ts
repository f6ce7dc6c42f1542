// The shift simulation behind figure 1: no shift leaves the ranking alone; flips need a shift
// and models that differ in how much of their skill transfers.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupCrossings, rankCrossings } from "../../../src/components/figures/shiftRanking.ts";
import {
  defaultShiftModels,
  kendallTau,
  rankFlips,
  type ShiftModel,
  shiftedAccuracies,
  untestedSkills,
} from "../../../src/components/sim/distributionShift.ts";
import { competitionRanks } from "../../../src/components/stats/ranks.ts";

// Distinct benchmark accuracies (a leaderboard's scores, to 0.1 pp) with any transfer.
const modelsArb = fc
  .uniqueArray(fc.integer({ min: 300, max: 970 }), { minLength: 2, maxLength: 8 })
  .chain((permille) =>
    fc
      .tuple(...permille.map(() => fc.double({ min: 0, max: 1, noNaN: true })))
      .map((transfers) =>
        permille.map((b, i): ShiftModel => ({ name: `M${i}`, benchmark: b / 1000, transfer: transfers[i]! })),
      ),
  );

describe("shiftedAccuracies", () => {
  it("with zero shift, task accuracy is benchmark accuracy and the rankings are equal", () => {
    fc.assert(
      fc.property(modelsArb, fc.integer({ min: 1, max: 1000 }), (models, seed) => {
        const rows = shiftedAccuracies(models, { shift: 0, seed });
        for (const r of rows) {
          expect(r.task).toBe(r.benchmark);
          expect(r.taskRank).toBe(r.benchmarkRank);
          expect(r.move).toBe(0);
        }
        expect(rankFlips(rows)).toEqual([]);
      }),
    );
  });

  it("when every model transfers all its skill, no shift changes the order", () => {
    fc.assert(
      fc.property(
        modelsArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 1000 }),
        (models, shift, seed) => {
          const all = models.map((m) => ({ ...m, transfer: 1 }));
          const rows = shiftedAccuracies(all, { shift, seed });
          expect(rows.map((r) => r.taskRank)).toEqual(rows.map((r) => r.benchmarkRank));
          // …but everyone loses the common drop: logit(task) = logit(benchmark) − shift.
          for (const r of rows) {
            const logit = (p: number) => Math.log(p / (1 - p));
            expect(logit(r.task)).toBeCloseTo(logit(r.benchmark) - shift, 9);
          }
        },
      ),
    );
  });

  it("at full shift with nothing transferring, the task order is the order of the untested skills", () => {
    const models = defaultShiftModels.map((m) => ({ ...m, transfer: 0 }));
    const rows = shiftedAccuracies(models, { shift: 1, seed: 3 });
    const untested = untestedSkills(models, { seed: 3 });
    expect(rows.map((r) => r.taskRank)).toEqual(Array.from(competitionRanks(untested)));
    // and each task accuracy is the untested skill less the drop (1 logit)
    rows.forEach((r, i) => {
      expect(r.task).toBeCloseTo(1 / (1 + Math.exp(-(untested[i]! - 1))), 12);
    });
  });

  it("the default figure state has the course's story: the benchmark leader loses first place", () => {
    const rows = shiftedAccuracies(defaultShiftModels, { shift: 0.6, seed: 1 });
    const leader = rows.find((r) => r.benchmarkRank === 1)!;
    expect(leader.taskRank).toBeGreaterThan(1);
    expect(rankFlips(rows).length).toBe(3);
  });

  it("is deterministic for a seed", () => {
    const a = shiftedAccuracies(defaultShiftModels, { shift: 0.5, seed: 7 });
    const b = shiftedAccuracies(defaultShiftModels, { shift: 0.5, seed: 7 });
    expect(b).toEqual(a);
  });

  it("rejects out-of-range inputs", () => {
    expect(() => shiftedAccuracies(defaultShiftModels, { shift: 1.5 })).toThrow(/shift/);
    expect(() => shiftedAccuracies([{ name: "x", benchmark: 1, transfer: 0.5 }], { shift: 0 })).toThrow(
      /benchmark/,
    );
    expect(() => shiftedAccuracies([{ name: "x", benchmark: 0.5, transfer: -0.1 }], { shift: 0 })).toThrow(
      /transfer/,
    );
  });
});

describe("rank flips and Kendall's tau", () => {
  const row = (name: string, benchmark: number, task: number, benchmarkRank: number, taskRank: number) => ({
    name,
    benchmark,
    task,
    transfer: 0,
    untested: 0,
    benchmarkRank,
    taskRank,
    move: benchmarkRank - taskRank,
  });

  it("finds the crossing of two lines by hand", () => {
    // A: 0.80 → 0.60, B: 0.70 → 0.70. Difference 0.10 → −0.10, zero at t = 0.5, accuracy 0.70.
    const flips = rankFlips([row("A", 0.8, 0.6, 1, 2), row("B", 0.7, 0.7, 2, 1)]);
    expect(flips).toHaveLength(1);
    expect(flips[0]!.ahead).toBe("A");
    expect(flips[0]!.behind).toBe("B");
    expect(flips[0]!.at).toBeCloseTo(0.5, 12);
    expect(flips[0]!.accuracy).toBeCloseTo(0.7, 12);
  });

  it("marks rank crossings on the bump chart, merging those at one point", () => {
    // Ranks 1,2,3 → 3,2,1: all three pairs cross at (0.5, rank 2).
    const rows = [row("A", 0.9, 0.5, 1, 3), row("B", 0.8, 0.6, 2, 2), row("C", 0.7, 0.7, 3, 1)];
    const crossings = rankCrossings(rows);
    expect(crossings).toHaveLength(3);
    expect(groupCrossings(crossings)).toEqual([{ x: 0.5, rank: 2, count: 3 }]);
  });

  it("Kendall's tau: 1 for the same order, −1 reversed, hand value otherwise", () => {
    expect(kendallTau([1, 2, 3, 4], [10, 20, 30, 40])).toBe(1);
    expect(kendallTau([1, 2, 3, 4], [4, 3, 2, 1])).toBe(-1);
    // One swapped pair of six: (5 − 1) / 6.
    expect(kendallTau([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(4 / 6, 12);
    expect(() => kendallTau([1], [1, 2])).toThrow();
  });
});
