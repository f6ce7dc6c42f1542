import { describe, expect, it } from "vitest";
import {
  meanWithInterval,
  naivePassAtK,
  passAtK,
  passHatK,
  singleRunSd,
} from "../../../src/components/stats/passAtK.ts";

/** Every k-subset of n attempts (the first c correct): the share with at least one / all correct. */
function enumerate(n: number, c: number, k: number): { any: number; all: number } {
  let subsets = 0;
  let any = 0;
  let all = 0;
  const walk = (start: number, left: number, correct: number) => {
    if (left === 0) {
      subsets++;
      if (correct > 0) any++;
      if (correct === k) all++;
      return;
    }
    for (let i = start; i <= n - left; i++) walk(i + 1, left - 1, correct + (i < c ? 1 : 0));
  };
  walk(0, k, 0);
  return { any: any / subsets, all: all / subsets };
}

describe("passAtK and passHatK against brute-force enumeration of every k-subset", () => {
  it("agree for every (c, k) with n ≤ 9", () => {
    for (let n = 1; n <= 9; n++)
      for (let c = 0; c <= n; c++)
        for (let k = 1; k <= n; k++) {
          const e = enumerate(n, c, k);
          expect(passAtK(n, c, k)).toBeCloseTo(e.any, 12);
          expect(passHatK(n, c, k)).toBeCloseTo(e.all, 12);
        }
  });
});

describe("hand-worked and R values", () => {
  it("n = 5, c = 1, k = 2: 1 − C(4,2)/C(5,2) = 1 − 6/10", () => {
    expect(passAtK(5, 1, 2)).toBeCloseTo(0.4, 12);
  });
  it("n = 10, c = 3, k = 3: pass@3 = 1 − 35/120, pass^3 = 1/120 (hand-worked)", () => {
    expect(passAtK(10, 3, 3)).toBeCloseTo(1 - 35 / 120, 12);
    expect(passHatK(10, 3, 3)).toBeCloseTo(1 / 120, 12);
  });
  it("n = 200 as in Chen et al.: matches R's choose() (1 − choose(190,10)/choose(200,10) etc.)", () => {
    // Rscript -e 'cat(1-choose(190,10)/choose(200,10), choose(150,5)/choose(200,5))'
    expect(passAtK(200, 10, 10)).toBeCloseTo(0.408547866081, 10);
    expect(passHatK(200, 150, 5)).toBeCloseTo(0.233312965381, 10);
    // Rscript: 1-choose(7,3)/choose(10,3) = 0.708333333333
    expect(passAtK(10, 3, 3)).toBeCloseTo(0.708333333333, 10);
  });
  it("pass@1 and pass^1 are both c/n; the naive estimate agrees at k = 1 and is lower above it", () => {
    expect(passAtK(10, 3, 1)).toBeCloseTo(0.3, 12);
    expect(passHatK(10, 3, 1)).toBeCloseTo(0.3, 12);
    expect(naivePassAtK(10, 3, 1)).toBeCloseTo(0.3, 12);
    // 1 − 0.7^3 = 0.657 against the unbiased 0.7083
    expect(naivePassAtK(10, 3, 3)).toBeCloseTo(0.657, 12);
    expect(naivePassAtK(10, 3, 3)).toBeLessThan(passAtK(10, 3, 3));
  });
  it("k = n: pass@n is 1 if any attempt passed, pass^n only if all did", () => {
    expect(passAtK(10, 1, 10)).toBe(1);
    expect(passAtK(10, 0, 10)).toBe(0);
    expect(passHatK(10, 9, 10)).toBe(0);
    expect(passHatK(10, 10, 10)).toBe(1);
  });
  it("rejects k outside 1..n and c outside 0..n with a message", () => {
    expect(() => passAtK(10, 3, 11)).toThrow(/k must be an integer from 1 to n = 10/);
    expect(() => passAtK(10, 11, 1)).toThrow(/c \(11\) must not exceed n/);
    expect(() => passHatK(10, 3, 0)).toThrow(/k must be/);
  });
});

describe("meanWithInterval and singleRunSd", () => {
  it("mean, sample sd/√P and a 1.96·se interval (hand-worked: values 0, 1, 1, 1)", () => {
    // mean 0.75, sample variance 0.25, se = 0.5/2 = 0.25
    const m = meanWithInterval([0, 1, 1, 1]);
    expect(m.mean).toBeCloseTo(0.75, 12);
    expect(m.se).toBeCloseTo(0.25, 12);
    expect(m.lower).toBeCloseTo(0.75 - 1.959964 * 0.25, 5);
    expect(m.upper).toBe(1);
  });
  it("single-run sd: √(Σ p(1−p))/P — two problems at 0.5 and one at 1 give √0.5/3", () => {
    expect(
      singleRunSd([
        { n: 10, c: 5 },
        { n: 10, c: 5 },
        { n: 10, c: 10 },
      ]),
    ).toBeCloseTo(Math.sqrt(0.5) / 3, 12);
  });
});
