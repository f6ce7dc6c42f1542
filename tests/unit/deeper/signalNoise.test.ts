import { describe, expect, it } from "vitest";
import { scoreSe, signalNoise } from "../../../src/components/stats/signalNoise.ts";

describe("signalNoise", () => {
  it("a hand-worked case: 50%, 60%, 70% on 100 questions", () => {
    const s = signalNoise([0.5, 0.6, 0.7], 100);
    // SEs 0.05, √0.0024 = 0.0489898, √0.0021 = 0.0458258; mean 0.0482719.
    expect(s.noise).toBeCloseTo(0.0482719, 6);
    expect(s.spread).toBeCloseTo(0.1, 12);
    expect(s.range).toBeCloseTo(0.2, 12);
    expect(s.snr).toBeCloseTo(0.1 / 0.0482719, 4);
    // 0.5 vs 0.7: 0.2 > 1.959964·√(0.0025 + 0.0021) = 0.13293 → separable; the two 10-point gaps are not
    // (0.1 < 1.959964·√0.0049 = 0.13720 and < 1.959964·√0.0045 = 0.13148).
    expect(s.pairs).toBe(3);
    expect(s.separable).toBe(1);
    expect(s.share).toBeCloseTo(1 / 3, 12);
  });
  it("more questions separate more pairs; extra run-to-run noise separates fewer", () => {
    const scores = [0.5, 0.52, 0.55, 0.6, 0.61];
    const few = signalNoise(scores, 200).separable;
    const many = signalNoise(scores, 20_000).separable;
    expect(many).toBeGreaterThan(few);
    expect(signalNoise(scores, 20_000, { extra: 0.02 }).separable).toBeLessThan(many);
    expect(scoreSe(0.5, 100, 0.03)).toBeCloseTo(Math.sqrt(0.0025 + 0.0009), 12);
    expect(() => signalNoise([0.5], 100)).toThrow(/two models/);
  });
});
