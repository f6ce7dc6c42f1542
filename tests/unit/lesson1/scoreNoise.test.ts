// The k-out-of-N figure's model: tests of N questions drawn from a model with true accuracy p.
// Checked against hand-worked half-widths and against the binomial distribution's own properties
// (mean p, standard deviation √(p(1−p)/N), 95% of scores inside p ± 1.96·SD for a large N).
import { describe, expect, it } from "vitest";
import { MAX_SQUARES, scoreNoiseData, scoreNoiseNotice } from "../../../src/components/figures/scoreNoise.ts";

describe("scoreNoiseData", () => {
  it("half-width at p = 0.85: ±5.46 pp on 164 questions, ±0.59 pp on 14,042 (hand-worked)", () => {
    // 1.959964 × √(0.85 × 0.15 / 164) = 1.959964 × 0.027883 = 0.054649
    expect(scoreNoiseData({ p: 0.85, n: 164, seed: 1 }).halfWidth).toBeCloseTo(0.054649, 5);
    // 1.959964 × √(0.1275 / 14,042) = 0.0059059
    expect(scoreNoiseData({ p: 0.85, n: 14042, seed: 1 }).halfWidth).toBeCloseTo(0.0059059, 6);
  });

  it("is the same for the same seed and differs for another", () => {
    const a = scoreNoiseData({ p: 0.7, n: 300, seed: 3 });
    const b = scoreNoiseData({ p: 0.7, n: 300, seed: 3 });
    const c = scoreNoiseData({ p: 0.7, n: 300, seed: 4 });
    expect([...a.k]).toEqual([...b.k]);
    expect([...a.k]).not.toEqual([...c.k]);
  });

  it("draws the first test question by question up to MAX_SQUARES, and its k is the count of right answers", () => {
    const small = scoreNoiseData({ p: 0.6, n: 120, seed: 2 });
    expect(small.first).toHaveLength(120);
    expect(small.k[0]).toBe(small.first.reduce((s, x) => s + x, 0));
    expect(scoreNoiseData({ p: 0.6, n: MAX_SQUARES + 1, seed: 2 }).first).toHaveLength(0);
  });

  it("over many tests: mean ≈ p, SD ≈ √(p(1−p)/N), and about 95% inside the band", () => {
    const p = 0.85;
    const n = 1319;
    const m = scoreNoiseData({ p, n, seed: 7 }, 20_000);
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
    expect(() => scoreNoiseData({ p: 0.5, n: 0, seed: 1 })).toThrow(/N must be a whole number/);
    expect(() => scoreNoiseData({ p: 1.2, n: 10, seed: 1 })).toThrow(/p must lie in \[0, 1\]/);
  });
});

describe("scoreNoiseNotice", () => {
  it("on a small test names the range drawn; on a large one the agreement", () => {
    const small = scoreNoiseData({ p: 0.85, n: 164, seed: 1 });
    expect(scoreNoiseNotice(small)).toContain(
      `anywhere from ${(100 * small.min).toFixed(1)}% to ${(100 * small.max).toFixed(1)}%`,
    );
    expect(scoreNoiseNotice(small)).toContain("±5.5 pp");
    expect(scoreNoiseNotice(scoreNoiseData({ p: 0.85, n: 14042, seed: 1 }))).toMatch(
      /agree to within ±0\.6 pp/,
    );
  });
});
