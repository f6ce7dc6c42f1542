import { describe, expect, it } from "vitest";
import { ELO_PER_LOGIT } from "../../../src/components/stats/bradleyTerry.ts";
import {
  expectedMaxNormal,
  fitRating,
  rankOnBoard,
  ratingStandardError,
  simulateBestOfK,
} from "../../../src/components/stats/winnersCurse.ts";

describe("expectedMaxNormal: E[max of k standard normals]", () => {
  it("matches the tabulated values (1/√π for k = 2; 0.8463, 1.1630, 1.5388 for 3, 5, 10)", () => {
    expect(expectedMaxNormal(1)).toBe(0);
    expect(expectedMaxNormal(2)).toBeCloseTo(1 / Math.sqrt(Math.PI), 6);
    expect(expectedMaxNormal(3)).toBeCloseTo(0.8463, 4);
    expect(expectedMaxNormal(5)).toBeCloseTo(1.163, 4);
    expect(expectedMaxNormal(10)).toBeCloseTo(1.5388, 4);
    expect(() => expectedMaxNormal(0)).toThrow(RangeError);
  });
});

describe("one variant's rating against fixed opponents", () => {
  const setting = { trueRating: 1400, opponents: [1300, 1400, 1500], battles: 3000 };
  it("the standard error is 400/ln10 / √(Σ n·p(1−p)) (hand-worked: p = 0.64, 0.5, 0.36)", () => {
    const p1 = 1 / (1 + 10 ** (-100 / 400));
    const info = 1000 * (2 * p1 * (1 - p1) + 0.25);
    expect(ratingStandardError(setting)).toBeCloseTo(ELO_PER_LOGIT / Math.sqrt(info), 9);
  });
  it("the fitted rating reproduces the expected wins (MLE), and is the true rating at exactly expected wins", () => {
    const expected = setting.opponents.map((o) => 1000 / (1 + 10 ** ((o - 1400) / 400)));
    expect(fitRating(expected, setting)).toBeCloseTo(1400, 6);
    // Half the games against an equal opponent won → the opponent's rating.
    expect(fitRating([500], { trueRating: 1200, opponents: [1400], battles: 1000 })).toBeCloseTo(1400, 6);
    // 3 of 4 won against 1400 → 1400 + 400·log10(3).
    expect(fitRating([750], { trueRating: 1400, opponents: [1400], battles: 1000 })).toBeCloseTo(
      1400 + 400 * Math.log10(3),
      6,
    );
  });
});

describe("simulateBestOfK: the published best of k equally good variants", () => {
  const setting = { trueRating: 1400, opponents: [1350, 1380, 1400, 1420, 1450], battles: 2000 };
  const sim = simulateBestOfK(setting, 10, 3000, 11);
  it("k = 1 is unbiased; the mean inflation follows SE × E[max of k] within 6%", () => {
    expect(Math.abs(sim.inflation[0]!)).toBeLessThan(0.1 * sim.se);
    for (const k of [2, 3, 5, 10]) {
      const expected = sim.se * expectedMaxNormal(k);
      expect(Math.abs(sim.inflation[k - 1]! - expected) / expected).toBeLessThan(0.06);
    }
  });
  it("the quick run (normal totals) follows SE × E[max of k] within 6% too", () => {
    const quick = simulateBestOfK(setting, 10, 3000, 11, true);
    expect(quick.se).toBe(sim.se);
    expect(Math.abs(quick.inflation[0]!)).toBeLessThan(0.1 * quick.se);
    for (const k of [2, 3, 5, 10]) {
      const expected = quick.se * expectedMaxNormal(k);
      expect(Math.abs(quick.inflation[k - 1]! - expected) / expected).toBeLessThan(0.06);
    }
  });
  it("is seeded: the same seed gives the same labs, another seed different ones", () => {
    expect(simulateBestOfK(setting, 3, 50, 11).published).toEqual(
      simulateBestOfK(setting, 3, 50, 11).published,
    );
    expect(simulateBestOfK(setting, 3, 50, 12).published).not.toEqual(
      simulateBestOfK(setting, 3, 50, 11).published,
    );
  });
  it("rankOnBoard counts the ratings above", () => {
    expect(rankOnBoard(1400, [1500, 1450, 1400, 1300])).toBe(3);
    expect(rankOnBoard(1600, [1500])).toBe(1);
  });
});
