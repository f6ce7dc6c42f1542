import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../src/components/stats/random.ts";
import {
  binomialPmf,
  integerSampler,
  sumOfBinomialsPmf,
} from "../../../src/components/stats/sumOfBinomials.ts";

/** P(X = k) from a distribution, 0 outside its support. */
const at = (d: { offset: number; pmf: Float64Array }, k: number) => d.pmf[k - d.offset] ?? 0;

describe("binomialPmf", () => {
  it("matches R's dbinom", () => {
    // Rscript -e 'options(digits=15); dbinom(c(0, 3, 10, 20), 20, 0.35)'
    const d = binomialPmf(20, 0.35);
    expect(at(d, 0)).toBeCloseTo(1.8124545836335e-4, 15);
    expect(at(d, 3) / 3.22578967361115e-2).toBeCloseTo(1, 12);
    expect(at(d, 10) / 6.86139720144548e-2).toBeCloseTo(1, 12);
    expect(at(d, 20) / 7.60958350158803e-10).toBeCloseTo(1, 9);
  });
  it("has the degenerate cases and rejects bad arguments", () => {
    expect(binomialPmf(7, 0)).toEqual({ offset: 0, pmf: Float64Array.of(1) });
    expect(binomialPmf(7, 1)).toEqual({ offset: 7, pmf: Float64Array.of(1) });
    expect(() => binomialPmf(2.5, 0.5)).toThrow(RangeError);
    expect(() => binomialPmf(5, 1.5)).toThrow(RangeError);
  });
});

describe("sumOfBinomialsPmf: Σ Binomial(n, p_j)", () => {
  it("matches R's convolution of dbinom vectors (n = 5, p = 0.3, 0.6, 0.8)", () => {
    // conv <- function(ps, n) { d <- 1; for (p in ps) { b <- dbinom(0:n, n, p);
    //   out <- numeric(length(d) + n); for (i in seq_along(d)) out[i:(i+n)] <- out[i:(i+n)] + d[i] * b;
    //   d <- out }; d };  conv(c(0.3, 0.6, 0.8), 5)
    const r = [
      5.50731775975088e-7, 1.63252633599842e-5, 2.1658370048e-4, 1.70041044991999e-3, 8.80747162623998e-3,
      3.1785963932672e-2, 8.23502666188799e-2, 1.5558648505344e-1, 2.1567424352256e-1, 2.1896393651712e-1,
      1.61290383971328e-1, 8.463104280576e-2, 3.065447006208e-2, 7.25379121152e-3, 1.00615716864e-3,
      6.19173642240067e-5,
    ];
    const d = sumOfBinomialsPmf(5, [0.3, 0.6, 0.8]);
    for (let k = 0; k <= 15; k++) expect(at(d, k) / r[k]!).toBeCloseTo(1, 10);
  });
  it("matches R for 20 opponents × 50 games (p from 0.2 to 0.8): pmf values, mean and variance", () => {
    // The same conv(), with ps <- seq(0.2, 0.8, length.out = 20) and n = 50: values at 400, 480,
    // 500; the mean is Σ n p = 500 and the variance Σ n p (1 − p) = 216.842105263158.
    const ps = Array.from({ length: 20 }, (_, i) => 0.2 + (0.6 * i) / 19);
    const d = sumOfBinomialsPmf(50, ps);
    // Far in the tail the dropped tails (< 1e-16 each step) show: exact to 1e-16 absolute, not relative.
    expect(Math.abs(at(d, 400) - 2.33185138079471e-12)).toBeLessThan(1e-16);
    expect(at(d, 480) / 1.07746201913059e-2).toBeCloseTo(1, 11);
    expect(at(d, 500) / 2.70867476451237e-2).toBeCloseTo(1, 11);
    let total = 0;
    let mean = 0;
    let square = 0;
    d.pmf.forEach((p, i) => {
      total += p;
      mean += (d.offset + i) * p;
      square += (d.offset + i) ** 2 * p;
    });
    expect(Math.abs(total - 1)).toBeLessThan(1e-12);
    expect(mean).toBeCloseTo(500, 9);
    expect(square - mean ** 2).toBeCloseTo(216.842105263158, 7);
    // Tails below 1e-16 are dropped: far fewer than the 1,001 possible totals are kept.
    expect(d.pmf.length).toBeLessThan(400);
  });
});

describe("integerSampler: draws by the inverse CDF", () => {
  it("100,000 draws have the distribution's mean and variance (within 4 standard errors)", () => {
    const ps = [0.1, 0.35, 0.5, 0.9];
    const draw = integerSampler(sumOfBinomialsPmf(30, ps), seededRandom(7));
    const n = 100_000;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const x = draw();
      sum += x;
      sq += x * x;
    }
    const mean = sum / n;
    const variance = sq / n - mean ** 2;
    // Σ 30 p = 55.5; Σ 30 p (1 − p) = 30 × (0.09 + 0.2275 + 0.25 + 0.09) = 19.725.
    expect(Math.abs(mean - 55.5)).toBeLessThan(4 * Math.sqrt(19.725 / n));
    // The variance's SE ≈ σ² √(2 / n) for a near-normal variable.
    expect(Math.abs(variance - 19.725)).toBeLessThan(4 * 19.725 * Math.sqrt(2 / n));
  });
  it("is seeded, and never leaves the support", () => {
    const d = sumOfBinomialsPmf(4, [0.5, 0.5]);
    const a = integerSampler(d, seededRandom(3));
    const b = integerSampler(d, seededRandom(3));
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThanOrEqual(8);
  });
});
