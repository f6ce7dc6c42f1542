// Real paired data: two models' per-question results on MMLU-Pro, analysed on the first m
// questions of a fixed seeded order, both as if independent and as paired. All counts come
// from prefix sums (per model, and per pair memoised), so any m costs O(1).

import { keyedCache } from "../cache/keyedCache.js";
import type { DecodedMatrix } from "../data/mmluProMatrix.js";
import { zCritical } from "../stats/distributions.js";
import { type Interval, proportionInterval } from "../stats/intervals.js";
import {
  type PairCounts,
  type PairedResult,
  pairedFromCounts,
  questionsToSeparate,
} from "../stats/pairedCounts.js";
import {
  countsAt,
  type ModelPrefix,
  modelAt,
  modelPrefix,
  type PairPrefix,
  pairCache,
  questionOrder,
} from "../stats/pairedSubsample.js";
import { twoProportionTest } from "../stats/tests.js";

export const QUESTION_ORDER_SEED = 20_240_501;

export interface PairedData {
  questions: number;
  names: string[];
  items: Map<string, number>;
  order: Uint32Array;
  model(name: string): ModelPrefix;
  pair(a: string, b: string): PairPrefix;
}

/** Decode once, order once, prefix-sum every model once; pairs are summed on first use. */
export function preparePairedData(matrix: DecodedMatrix, seed = QUESTION_ORDER_SEED): PairedData {
  const order = questionOrder(matrix.questions, seed);
  const byName = new Map(matrix.models.map((m) => [m.name, m]));
  const prefixes = new Map(matrix.models.map((m) => [m.name, modelPrefix(m.results, order)]));
  const results = (name: string) => {
    const m = byName.get(name);
    if (!m) throw new RangeError(`no model named "${name}" in the MMLU-Pro matrix`);
    return m.results;
  };
  return {
    questions: matrix.questions,
    names: matrix.models.map((m) => m.name),
    items: new Map(matrix.models.map((m) => [m.name, m.items])),
    order,
    model(name) {
      const p = prefixes.get(name);
      if (!p) throw new RangeError(`no model named "${name}" in the MMLU-Pro matrix`);
      return p;
    },
    pair: pairCache(order, results),
  };
}

export interface PairedAnalysis {
  /** Questions taken from the order (some may lack a result for a model). */
  m: number;
  a: { k: number; n: number; interval: Interval };
  b: { k: number; n: number; interval: Interval };
  /** The two models' independent 95% intervals overlap. */
  overlap: boolean;
  /** As if the scores came from separate question sets: two-proportion z-test. */
  independent: { diff: number; lower: number; upper: number; pValue: number; se: number };
  /** On the shared questions: paired SE, McNemar's exact test. */
  paired: PairedResult;
  counts: PairCounts;
}

export function pairedAnalysisAt(
  data: PairedData,
  a: string,
  b: string,
  m: number,
  { confidence = 0.95 } = {},
): PairedAnalysis {
  const ca = modelAt(data.model(a), m);
  const cb = modelAt(data.model(b), m);
  const counts = countsAt(data.pair(a, b), m);
  const ia = proportionInterval(ca.k, ca.n, { confidence });
  const ib = proportionInterval(cb.k, cb.n, { confidence });
  const t = twoProportionTest(ca, cb, { confidence });
  const pa = ca.k / ca.n;
  const pb = cb.k / cb.n;
  return {
    m,
    a: { ...ca, interval: ia },
    b: { ...cb, interval: ib },
    overlap: ia.lower <= ib.upper && ib.lower <= ia.upper,
    independent: {
      diff: t.diff,
      lower: t.lower,
      upper: t.upper,
      pValue: t.pValue,
      se: Math.sqrt((pa * (1 - pa)) / ca.n + (pb * (1 - pb)) / cb.n),
    },
    paired: pairedFromCounts(counts, { confidence }),
    counts,
  };
}

export interface CurvePoint {
  m: number;
  diff: number;
  indLower: number;
  indUpper: number;
  parLower: number;
  parUpper: number;
}

/** The two intervals of the difference over log-spaced subsample sizes (O(1) each, no exact tests). */
export function separationCurve(
  data: PairedData,
  a: string,
  b: string,
  { from = 30, points = 60, confidence = 0.95 } = {},
): CurvePoint[] {
  const pa = data.model(a);
  const pb = data.model(b);
  const pair = data.pair(a, b);
  const z = zCritical(confidence);
  const out: CurvePoint[] = [];
  const lo = Math.log10(from);
  const hi = Math.log10(data.questions);
  let last = -1;
  for (let i = 0; i <= points; i++) {
    const m = Math.round(10 ** (lo + ((hi - lo) * i) / points));
    if (m === last) continue;
    last = m;
    const ca = modelAt(pa, m);
    const cb = modelAt(pb, m);
    const counts = countsAt(pair, m);
    if (ca.n < 2 || cb.n < 2 || counts.n < 2) continue;
    const xa = ca.k / ca.n;
    const xb = cb.k / cb.n;
    const diff = xa - xb;
    const hInd = z * Math.sqrt((xa * (1 - xa)) / ca.n + (xb * (1 - xb)) / cb.n);
    const p = pairedFromCounts(counts, { confidence, exact: false });
    out.push({ m, diff, indLower: diff - hInd, indUpper: diff + hInd, parLower: p.lower, parUpper: p.upper });
  }
  return out;
}

/**
 * Questions each analysis needs before its 95% interval excludes zero, projected from the full
 * data (the difference and the per-question variances on all shared questions).
 */
export function questionsNeeded(data: PairedData, a: string, b: string, { confidence = 0.95 } = {}) {
  const counts = countsAt(data.pair(a, b), data.questions);
  const n = counts.n;
  const pa = counts.aRight / n;
  const pb = counts.bRight / n;
  const diff = pa - pb;
  const varInd = pa * (1 - pa) + pb * (1 - pb);
  const varPaired = Math.max(0, (counts.onlyA + counts.onlyB) / n - diff * diff);
  return {
    diff,
    shared: n,
    independent: questionsToSeparate(varInd, diff, { confidence }),
    paired: questionsToSeparate(varPaired, diff, { confidence }),
  };
}

export interface PairOverview {
  curve: CurvePoint[];
  need: ReturnType<typeof questionsNeeded>;
}

/**
 * The parts of a pair's analysis that do not depend on the subsample size — the separation curve
 * and the questions each analysis needs — computed once per ordered pair, so dragging n only
 * reads the prefix sums. At most `limit` pairs are kept.
 */
export function pairOverviews(data: PairedData, limit = 64): (a: string, b: string) => PairOverview {
  const cache = keyedCache<PairOverview>(limit);
  return (a, b) =>
    cache.get(`${a}\u0000${b}`, () => ({
      curve: separationCurve(data, a, b),
      need: questionsNeeded(data, a, b),
    }));
}
