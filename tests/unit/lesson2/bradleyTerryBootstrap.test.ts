// The multinomial bootstrap of a tally (stats/bradleyTerryBootstrap.ts): its resamples have the
// moments of n draws with replacement (hand-worked multinomial formulas), and its intervals agree
// with bradleyTerry's battle-by-battle bootstrap (another algorithm, another random stream) within
// Monte Carlo error.
import { describe, expect, it } from "vitest";
import { arenaModels, simulateArena, simulateTally } from "../../../src/components/sim/arena.ts";
import { bradleyTerry } from "../../../src/components/stats/bradleyTerry.ts";
import { bootstrapWins, multinomialResampler } from "../../../src/components/stats/bradleyTerryBootstrap.ts";
import { seededRandom } from "../../../src/components/stats/random.ts";

for (const byCell of [true, false])
  describe(`multinomialResampler (${byCell ? "a binomial per cell" : "a draw per battle"})`, () => {
    // Three cells holding 20, 12 and 8 of n = 40 battles: p = 0.5, 0.3, 0.2. A resample of 40 draws
    // with replacement is Multinomial(40, p): mean 40p = 20, 12, 8; variance 40p(1 − p) = 10, 8.4,
    // 6.4; covariance of the first two −40 × 0.5 × 0.3 = −6.
    const wins = Float64Array.of(0, 20, 12, 0, 8, 0);
    const R = 40_000;
    const resample = multinomialResampler(wins, seededRandom(3), { byCell });
    const out = new Float64Array(wins.length);
    const sum = new Float64Array(wins.length);
    const sq = new Float64Array(wins.length);
    let cross = 0;
    let totalsRight = true;
    for (let r = 0; r < R; r++) {
      resample(out);
      let total = 0;
      for (let c = 0; c < out.length; c++) {
        total += out[c]!;
        sum[c]! += out[c]!;
        sq[c]! += out[c]! ** 2;
      }
      cross += out[1]! * out[2]!;
      if (total !== 40) totalsRight = false;
    }
    const mean = (c: number) => sum[c]! / R;
    const variance = (c: number) => sq[c]! / R - mean(c) ** 2;
    it("every resample has the tally's n battles, none in an empty cell", () => {
      expect(totalsRight).toBe(true);
      for (const c of [0, 3, 5]) expect(sum[c]).toBe(0);
    });
    it("means 40p (within 4 standard errors)", () => {
      for (const [c, m, v] of [
        [1, 20, 10],
        [2, 12, 8.4],
        [4, 8, 6.4],
      ] as const)
        expect(Math.abs(mean(c) - m)).toBeLessThan(4 * Math.sqrt(v / R));
    });
    it("variances 40p(1 − p) and the covariance −40 p₁p₂ (within 3%)", () => {
      expect(Math.abs(variance(1) / 10 - 1)).toBeLessThan(0.03);
      expect(Math.abs(variance(2) / 8.4 - 1)).toBeLessThan(0.03);
      expect(Math.abs(variance(4) / 6.4 - 1)).toBeLessThan(0.03);
      const cov = cross / R - mean(1) * mean(2);
      expect(Math.abs(cov / -6 - 1)).toBeLessThan(0.05);
    });
    it("rejects counts that are not whole battles", () => {
      expect(() => multinomialResampler([1, 0.5], Math.random)).toThrow(/whole count/);
    });
  });

describe("bootstrapWins against bradleyTerry's battle-by-battle bootstrap", () => {
  // 3,000 votes of the simulated arena; 2,000 resamples each way. A 2.5% quantile from 2,000
  // resamples has a standard error of ≈ √(0.025 × 0.975 / 2000) / φ(1.96) ≈ 0.06 sd, ≈ 0.015 of
  // a 95% interval's width (≈ 3.9 sd); two independent runs differ by ≈ 0.02 of the width. The
  // tolerance, 0.08 of the width, is four of those.
  const options = { votes: 3000, styleWeight: 0.8, seed: 5 };
  const battles = bradleyTerry(simulateArena(arenaModels, options), { bootstrap: 2000, seed: 11 });
  const tally = simulateTally(arenaModels, options);
  const band = bootstrapWins(arenaModels.length, tally.wins, { rounds: 2000, seed: 12 });
  it("every model's interval ends agree", () => {
    for (const r of battles) {
      const i = arenaModels.findIndex((m) => m.name === r.model);
      const width = r.upper - r.lower;
      expect(Math.abs(band.lower[i]! - r.lower)).toBeLessThan(0.08 * width);
      expect(Math.abs(band.upper[i]! - r.upper)).toBeLessThan(0.08 * width);
    }
  });
  it("validates its arguments", () => {
    expect(() => bootstrapWins(2, new Float64Array(3), { rounds: 10 })).toThrow(/m × m/);
    expect(() => bootstrapWins(2, new Float64Array(4), { rounds: 0 })).toThrow(/rounds/);
  });
});
