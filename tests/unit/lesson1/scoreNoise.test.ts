// The k-out-of-N figure's model: tests of N questions drawn from a model with true accuracy p.
// Checked against hand-worked half-widths and against the binomial distribution's own properties
// (mean p, standard deviation √(p(1−p)/N), 95% of scores inside p ± 1.96·SD for a large N).
import { describe, expect, it } from "vitest";
import {
  deriveScoreNoise,
  MAX_SQUARES,
  scoreNoiseNotice,
  scoreNoiseSummary,
} from "../../../src/components/figures/scoreNoise.ts";

describe("deriveScoreNoise", () => {
  it("the strip's axis: p ± 4.2 standard errors of a 20-question test, cut at 0 and 100 (hand-worked)", () => {
    // p = 0.85: 4.2 × √(0.1275 / 20) = 4.2 × 0.0798436 = 0.335343 → [51.4657, 100]
    const [lo, hi] = deriveScoreNoise({ p: 0.85, n: 164, seed: 1 }).domain;
    expect(lo).toBeCloseTo(51.4657, 3);
    expect(hi).toBe(100);
    // p = 0.5: 4.2 × √(0.25 / 20) = 0.469574 → [3.0426, 96.9574]
    const half = deriveScoreNoise({ p: 0.5, n: 1000, seed: 1 }).domain;
    expect(half[0]).toBeCloseTo(3.0426, 3);
    expect(half[1]).toBeCloseTo(96.9574, 3);
  });

  it("one dot per test at its score k/N, in %, with a height in [0, 1)", () => {
    const m = deriveScoreNoise({ p: 0.7, n: 50, seed: 5 });
    expect(m.dots).toHaveLength(200);
    m.dots.forEach((d, t) => {
      expect(d.score).toBe((100 * m.k[t]!) / 50);
      expect(d.y).toBeGreaterThanOrEqual(0);
      expect(d.y).toBeLessThan(1);
    });
  });

  it("half-width at p = 0.85: ±5.46 pp on 164 questions, ±0.59 pp on 14,042 (hand-worked)", () => {
    // 1.959964 × √(0.85 × 0.15 / 164) = 1.959964 × 0.027883 = 0.054649
    expect(deriveScoreNoise({ p: 0.85, n: 164, seed: 1 }).halfWidth).toBeCloseTo(0.054649, 5);
    // 1.959964 × √(0.1275 / 14,042) = 0.0059059
    expect(deriveScoreNoise({ p: 0.85, n: 14042, seed: 1 }).halfWidth).toBeCloseTo(0.0059059, 6);
  });

  it("is the same for the same seed and differs for another", () => {
    const a = deriveScoreNoise({ p: 0.7, n: 300, seed: 3 });
    const b = deriveScoreNoise({ p: 0.7, n: 300, seed: 3 });
    const c = deriveScoreNoise({ p: 0.7, n: 300, seed: 4 });
    expect([...a.k]).toEqual([...b.k]);
    expect([...a.k]).not.toEqual([...c.k]);
  });

  it("draws the first test question by question up to MAX_SQUARES, and its k is the count of right answers", () => {
    const small = deriveScoreNoise({ p: 0.6, n: 120, seed: 2 });
    expect(small.first).toHaveLength(120);
    expect(small.k[0]).toBe(small.first.reduce((s, x) => s + x, 0));
    expect(deriveScoreNoise({ p: 0.6, n: MAX_SQUARES + 1, seed: 2 }).first).toHaveLength(0);
  });

  it("over many tests: mean ≈ p, SD ≈ √(p(1−p)/N), and about 95% inside the band", () => {
    const p = 0.85;
    const n = 1319;
    const m = deriveScoreNoise({ p, n, seed: 7 }, 20_000);
    const scores = Array.from(m.k, (k) => k / n);
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    const sd = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / (scores.length - 1));
    const se = Math.sqrt((p * (1 - p)) / n); // 0.0098317
    expect(Math.abs(mean - p)).toBeLessThan(4 * (se / Math.sqrt(scores.length)));
    expect(sd / se).toBeGreaterThan(0.97);
    expect(sd / se).toBeLessThan(1.03);
    const share = m.inside / scores.length;
    expect(share).toBeGreaterThan(0.94);
    expect(share).toBeLessThan(0.96);
    expect(m.min).toBeLessThan(m.lower);
    expect(m.max).toBeGreaterThan(m.upper);
  });

  it("refuses an N or p it cannot draw, saying what it needs", () => {
    expect(() => deriveScoreNoise({ p: 0.5, n: 0, seed: 1 })).toThrow(/N must be a whole number/);
    expect(() => deriveScoreNoise({ p: 1.2, n: 10, seed: 1 })).toThrow(/p must lie in \[0, 1\]/);
  });
});

describe("scoreNoiseNotice", () => {
  it("on a small test names the range drawn; on a large one the agreement", () => {
    const small = deriveScoreNoise({ p: 0.85, n: 164, seed: 1 });
    expect(scoreNoiseNotice(small)).toContain(
      `anywhere from ${(100 * small.min).toFixed(1)}% to ${(100 * small.max).toFixed(1)}%`,
    );
    expect(scoreNoiseNotice(small)).toContain("±5.5 pp");
    // The summary names the first test and how many of the 200 land in the band.
    expect(scoreNoiseSummary(small)).toContain(`The first test scores ${small.k[0]} of 164`);
    expect(scoreNoiseSummary(small)).toContain(
      `${small.inside} of 200 lie within ±5.5 pp of the true accuracy`,
    );
    expect(scoreNoiseNotice(deriveScoreNoise({ p: 0.85, n: 14042, seed: 1 }))).toMatch(
      /agree to within ±0\.6 pp/,
    );
  });
});
