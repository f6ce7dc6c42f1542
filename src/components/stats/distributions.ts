// Distribution functions used by the statistics core, from jstat.
// One place to import jstat, so the rest of the core speaks in plain functions.
import jstat from "jstat";

const { normal, beta, chisquare, binomial } = jstat.jStat ?? jstat;

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
