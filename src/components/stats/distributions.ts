// Distribution functions used by the statistics core, from jstat.
// One place to import jstat, so the rest of the core speaks in plain functions.
import jstat from "jstat";

const { normal, beta, chisquare, binomial, studentt } = jstat.jStat ?? jstat;

/** Standard normal CDF Φ(x). */
export function normalCdf(x: number): number {
  return normal.cdf(x, 0, 1);
}

/** Standard normal quantile Φ⁻¹(p). */
export function normalQuantile(p: number): number {
  return normal.inv(p, 0, 1);
}

/** The two-sided critical value z such that P(|Z| ≤ z) = confidence. */
export function zCritical(confidence: number): number {
  return normalQuantile(1 - (1 - confidence) / 2);
}

/** The two-sided critical value t such that P(|T| ≤ t) = confidence, T ~ Student's t with df degrees of freedom. */
export function tCritical(confidence: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`df must be positive, got ${df}`);
  return studentt.inv(1 - (1 - confidence) / 2, df);
}

/** Two-sided p-value P(|T| ≥ |t|) for T ~ Student's t with df degrees of freedom. */
export function tTwoSidedP(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`df must be positive, got ${df}`);
  if (!Number.isFinite(t)) return Number.isNaN(t) ? 1 : 0;
  return Math.min(1, 2 * (1 - studentt.cdf(Math.abs(t), df)));
}

/** Quantile of the Beta(a, b) distribution. */
export function betaQuantile(p: number, a: number, b: number): number {
  return beta.inv(p, a, b);
}

/** Upper tail P(X ≥ x) of a chi-square distribution with df degrees of freedom. */
export function chiSquareSurvival(x: number, df: number): number {
  return 1 - chisquare.cdf(x, df);
}

/** P(X ≤ k) for X ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  return binomial.cdf(k, n, p);
}
