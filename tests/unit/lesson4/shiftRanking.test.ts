// The shift figure's model, worked by hand from the simulated models' own numbers: the ranks,
// the pairs that swap, Kendall's τ (counted pair by pair here) and the axis.
import { describe, expect, it } from "vitest";
import { deriveShift, shiftSummary } from "../../../src/components/figures/shiftRanking.ts";

const base = { shift: 0.6, seed: 1, tA: 0.3, tB: 0.5, tC: 0.7, tD: 0.9, tE: 0.6 };

describe("deriveShift", () => {
  it("no shift: the task is the benchmark — no flip, τ = 1, the leader stays", () => {
    const m = deriveShift({ ...base, shift: 0 });
    expect(m.flips).toEqual([]);
    expect(m.crossings).toEqual([]);
    expect(m.tau).toBeCloseTo(1, 12);
    expect(m.leader).toBe(m.benchLeader);
    for (const r of m.rows) expect(r.task).toBeCloseTo(r.benchmark, 12);
  });

  it("τ, the flips and the leader agree with a count made pair by pair from the task accuracies", () => {
    for (const v of [
      { ...base, shift: 0.8, tA: 0.1, tB: 0.7, tC: 0.6, tD: 0.9, tE: 0.7 },
      { ...base, shift: 1, tA: 0.2, tB: 0.2, tC: 0.2, tD: 0.2, tE: 0.2, seed: 7 },
    ]) {
      const m = deriveShift(v);
      const r = m.rows;
      let concordant = 0;
      let discordant = 0;
      const swapped: string[] = [];
      for (let i = 0; i < r.length; i++)
        for (let j = i + 1; j < r.length; j++) {
          const s = Math.sign(r[i]!.benchmark - r[j]!.benchmark) * Math.sign(r[i]!.task - r[j]!.task);
          if (s > 0) concordant++;
          if (s < 0) {
            discordant++;
            swapped.push([r[i]!.name, r[j]!.name].sort().join("|"));
          }
        }
      const pairs = (r.length * (r.length - 1)) / 2;
      expect(m.tau).toBeCloseTo((concordant - discordant) / pairs, 12);
      expect(m.flips.map((f) => [f.ahead, f.behind].sort().join("|")).sort()).toEqual(swapped.sort());
      // The leader is the model with the highest task accuracy; the benchmark leader the highest benchmark.
      expect(m.leader.task).toBe(Math.max(...r.map((x) => x.task)));
      expect(m.benchLeader.benchmark).toBe(Math.max(...r.map((x) => x.benchmark)));
      expect(m.byBenchmark.map((x) => x.benchmarkRank)).toEqual([1, 2, 3, 4, 5]);
      // The accuracy axis starts at a multiple of 5 at least 4 points under the lowest accuracy.
      const lowest = 100 * Math.min(...r.flatMap((x) => [x.task, x.benchmark]));
      expect(m.domain[0] % 5).toBe(0);
      expect(m.domain[0]).toBeLessThanOrEqual(lowest - 4);
      expect(m.domain[0]).toBeGreaterThan(lowest - 9);
      expect(m.domain[1]).toBe(100);
    }
  });

  it("the transfer controls reach their models (tA is Model A's), and the summary states every model", () => {
    const m = deriveShift({ ...base, tA: 0.05 });
    expect(m.rows.find((r) => r.name === "Model A")!.transfer).toBe(0.05);
    const s = shiftSummary(m);
    for (const r of m.rows) expect(s).toContain(`${r.name}: benchmark`);
    expect(s).toMatch(/^Shift 60%\./);
  });
});
