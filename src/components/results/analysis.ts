// What a table of per-item results says: each model's accuracy with its interval (clustered when
// items come in clusters), rank intervals, every pairwise paired comparison with a named
// multiple-comparison correction, and how many items would separate the closest pair.
//
// Intervals that hold at the edges: 0/1 items without clusters get Wilson's score interval (a
// mean ± z·SE gives "0.0% – 0.0%" for 0 of 10); partial scores get mean ± t(n−1)·SE; clustered
// items get mean ± t(G−1)·SE_cluster, since with G clusters the SE rests on G numbers. A pair's
// interval and its p-value come from one model (the paired mean difference and its t), so the
// interval excludes 0 exactly when p < α.
import { tCritical, tTwoSidedP, zCritical } from "../stats/distributions.js";
import { proportionInterval } from "../stats/intervals.js";
import { adjustPValues, type PAdjustMethod } from "../stats/multipleComparisons.js";
import { rankIntervals } from "../stats/ranks.js";
import { clusteredStandardError, mcnemarTest, pairedDifference } from "../stats/tests.js";

/** Fewer clusters than this and a cluster-robust SE is itself noisy: the page warns. */
export const FEW_CLUSTERS = 20;

/** How a model's interval was computed. */
export type IntervalKind = "wilson" | "t" | "cluster-t";

import type { ResultMatrix } from "./combine.js";

export interface ModelSummary {
  model: string;
  /** Items in the comparison (the shared items). */
  n: number;
  /** Sum of results (the number right, for 0/1 data). */
  k: number;
  accuracy: number;
  /** s/√n: the standard error if every item were independent. */
  naiveSE: number;
  /** Cluster-robust standard error, when clusters are given. */
  clusteredSE: number | null;
  /** clusteredSE / naiveSE (how much wider the honest interval is). */
  widthRatio: number | null;
  /** Wilson for 0/1 items, mean ± t(n−1)·SE for partial scores, mean ± t(G−1)·SE with clusters. */
  interval: IntervalKind;
  lower: number;
  upper: number;
  rank: number;
  rankLower: number;
  rankUpper: number;
}

export interface PairComparison {
  /** The model with the higher accuracy on the shared items (diff = a − b ≥ 0). */
  a: string;
  b: string;
  diff: number;
  /** Standard error of the mean paired difference (clustered when clusters are given). */
  se: number;
  lower: number;
  upper: number;
  correlation: number;
  /** Items only a got right / only b got right (for 0/1 data: McNemar's discordant pairs). */
  onlyA: number;
  onlyB: number;
  /** The paired t-test on the per-item differences (df = n − 1, or G − 1 with clusters). */
  test: "paired-t";
  /** Degrees of freedom of the test and the interval. */
  df: number;
  pValue: number;
  /** McNemar's exact p (0/1 items, no clusters), shown beside the t-test's for reference. */
  mcnemarP: number | null;
  adjustedP: number;
  /** adjustedP < alpha. */
  separated: boolean;
}

export interface ClosestPair {
  a: string;
  b: string;
  diff: number;
  n: number;
  separated: boolean;
  /** Items for a single planned paired test at alpha with the given power, at the observed difference and spread. */
  itemsNeeded: number;
  /** The same with the correction's strictest threshold (alpha / number of pairs). */
  itemsNeededCorrected: number;
  /** The smallest difference a pair this alike could be told apart by with the current items (same alpha and power). */
  detectableNow: number;
}

export interface Analysis {
  n: number;
  models: ModelSummary[];
  pairs: PairComparison[];
  closest: ClosestPair | null;
  clusterCount: number | null;
  /** Clusters are given but fewer than FEW_CLUSTERS: their SE is itself uncertain. */
  fewClusters: boolean;
  binary: boolean;
  confidence: number;
  correction: PAdjustMethod;
  power: number;
  resamples: number;
}

export interface AnalysisOptions {
  confidence?: number;
  correction?: PAdjustMethod;
  power?: number;
  resamples?: number;
  seed?: number;
}

/**
 * Items needed for a paired test to detect a mean difference `diff` with the given power, when the
 * current `n` items give it standard error `se` (the SE scales as 1/√n):
 * n* = n · ((z_{1−α/2} + z_power) · se / |diff|)².
 */
export function itemsToSeparate(
  diff: number,
  se: number,
  n: number,
  { alpha = 0.05, power = 0.8 } = {},
): number {
  if (diff === 0) return Number.POSITIVE_INFINITY;
  if (se === 0) return n;
  const z = zCritical(1 - alpha) + zCritical(2 * power - 1);
  return Math.ceil(n * ((z * se) / Math.abs(diff)) ** 2);
}

export function analyse(
  matrix: ResultMatrix,
  { confidence = 0.95, correction = "holm", power = 0.8, resamples = 1000, seed = 1 }: AnalysisOptions = {},
): Analysis {
  const n = matrix.items.length;
  if (n < 2)
    throw new RangeError(
      `The models share ${n} item${n === 1 ? "" : "s"}; at least 2 are needed for an interval.`,
    );
  const clusters = matrix.clusters;
  const clusterCount = clusters ? new Set(clusters).size : null;
  const useClusters = clusters !== null && clusterCount !== null && clusterCount >= 2;
  const df = useClusters ? clusterCount - 1 : n - 1;
  const t = tCritical(confidence, df);
  const ranked = rankIntervals(
    matrix.models.map((model, m) => ({ model, k: Math.round(sum(matrix.values[m]!)), n })),
    { confidence, resamples, seed },
  );

  const models: ModelSummary[] = matrix.models.map((model, m) => {
    const v = matrix.values[m]!;
    const k = sum(v);
    const accuracy = k / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (v[i]! - accuracy) ** 2;
    const naiveSE = Math.sqrt(ss / (n - 1) / n);
    const clusteredSE = useClusters ? clusteredStandardError(v, clusters) : null;
    const se = clusteredSE ?? naiveSE;
    const r = ranked[m]!;
    const kind: IntervalKind = useClusters ? "cluster-t" : matrix.binary ? "wilson" : "t";
    const wilson = kind === "wilson" ? proportionInterval(Math.round(k), n, { confidence }) : null;
    return {
      model,
      n,
      k,
      accuracy,
      naiveSE,
      clusteredSE,
      widthRatio: clusteredSE === null || naiveSE === 0 ? null : clusteredSE / naiveSE,
      interval: kind,
      lower: wilson ? wilson.lower : Math.max(0, accuracy - t * se),
      upper: wilson ? wilson.upper : Math.min(1, accuracy + t * se),
      rank: r.rank,
      rankLower: r.lower,
      rankUpper: r.upper,
    };
  });

  const raw: Omit<PairComparison, "adjustedP" | "separated">[] = [];
  for (let i = 0; i < models.length; i++) {
    for (let j = i + 1; j < models.length; j++) {
      const [ia, ib] = models[i]!.accuracy >= models[j]!.accuracy ? [i, j] : [j, i];
      const x = matrix.values[ia]!;
      const y = matrix.values[ib]!;
      const pd = pairedDifference(x, y, { confidence });
      let se = pd.se;
      if (useClusters) {
        const d = new Float64Array(n);
        for (let t = 0; t < n; t++) d[t] = x[t]! - y[t]!;
        se = clusteredStandardError(d, clusters);
      }
      const onlyA = pd.discordant.onlyX;
      const onlyB = pd.discordant.onlyY;
      // Identical results (se 0): no evidence of a difference, p = 1, a zero-width interval at 0.
      const pValue = se === 0 ? (pd.meanDiff === 0 ? 1 : 0) : tTwoSidedP(pd.meanDiff / se, df);
      raw.push({
        a: matrix.models[ia]!,
        b: matrix.models[ib]!,
        diff: pd.meanDiff,
        se,
        lower: pd.meanDiff - t * se,
        upper: pd.meanDiff + t * se,
        correlation: pd.correlation,
        onlyA,
        onlyB,
        test: "paired-t",
        df,
        pValue,
        mcnemarP:
          matrix.binary && !useClusters ? mcnemarTest(onlyA, onlyB, { method: "exact" }).pValue : null,
      });
    }
  }
  const alpha = 1 - confidence;
  const adjusted = adjustPValues(
    raw.map((p) => p.pValue),
    correction,
  );
  const pairs = raw.map((p, i) => ({ ...p, adjustedP: adjusted[i]!, separated: adjusted[i]! < alpha }));

  let closest: ClosestPair | null = null;
  if (pairs.length) {
    const c = pairs.reduce((best, p) => (Math.abs(p.diff) < Math.abs(best.diff) ? p : best), pairs[0]!);
    closest = {
      a: c.a,
      b: c.b,
      diff: c.diff,
      n,
      separated: c.separated,
      itemsNeeded: itemsToSeparate(c.diff, c.se, n, { alpha, power }),
      itemsNeededCorrected: itemsToSeparate(c.diff, c.se, n, { alpha: alpha / pairs.length, power }),
      detectableNow: (zCritical(1 - alpha) + zCritical(2 * power - 1)) * c.se,
    };
  }
  return {
    n,
    models,
    pairs,
    closest,
    clusterCount,
    fewClusters: useClusters && clusterCount < FEW_CLUSTERS,
    binary: matrix.binary,
    confidence,
    correction,
    power,
    resamples,
  };
}

/** The same analysis with another multiple-comparison correction (only the adjusted p-values change). */
export function withCorrection(analysis: Analysis, correction: PAdjustMethod): Analysis {
  if (correction === analysis.correction) return analysis;
  const alpha = 1 - analysis.confidence;
  const adjusted = adjustPValues(
    analysis.pairs.map((p) => p.pValue),
    correction,
  );
  const pairs = analysis.pairs.map((p, i) => ({
    ...p,
    adjustedP: adjusted[i]!,
    separated: adjusted[i]! < alpha,
  }));
  const closest = analysis.closest && {
    ...analysis.closest,
    separated: pairs.find((p) => p.a === analysis.closest!.a && p.b === analysis.closest!.b)!.separated,
  };
  return { ...analysis, pairs, closest, correction };
}

function sum(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]!;
  return s;
}
