// The rows of a rank chart: each model's score interval beside its rank interval, and the
// numbers a reader takes from a board of them. Pure (no DOM).

import { type IntervalMethod, proportionInterval } from "../../stats/intervals.js";
import type { PairCell } from "../../stats/pairwise.js";
import type { RankEntry, RankInterval } from "../../stats/ranks.js";

/** The rank charts' bootstrap: resamples and seed (the same board always gives the same intervals). */
export const RANK_RESAMPLES = 2000;
export const RANK_SEED = 1;
/** The quick bootstrap's resamples, drawn while a control moves (its intervals are within one rank of the exact ones: tests/unit/lesson2/rankBootstrap.test.ts). */
export const QUICK_RANK_RESAMPLES = 500;

/** One model on a leaderboard: its score interval (proportions) and its rank interval (integers). */
export interface RankOverlapRow {
  model: string;
  /** Score as a proportion (0–1). */
  estimate: number;
  lower: number;
  upper: number;
  /** Rank by score, 1 = best. */
  rank: number;
  /** The plausible ranks (inclusive). */
  rankLower: number;
  rankUpper: number;
}

/** Rows for the chart: the score interval of each entry beside its rank interval. */
export function rankOverlapRows(
  entries: readonly RankEntry[],
  intervals: readonly RankInterval[],
  { confidence = 0.95, method = "wilson" as IntervalMethod } = {},
): RankOverlapRow[] {
  const byModel = new Map(intervals.map((r) => [r.model, r]));
  return entries.map((e) => {
    const ci = proportionInterval(e.k, e.n, { confidence, method });
    const r = byModel.get(e.model);
    if (!r) throw new RangeError(`no rank interval for ${e.model}`);
    return {
      model: e.model,
      estimate: ci.estimate,
      lower: ci.lower,
      upper: ci.upper,
      rank: r.rank,
      rankLower: r.lower,
      rankUpper: r.upper,
    };
  });
}

/** Summary numbers of a rank-overlap board. */
export function rankOverlapSummary(rows: readonly RankOverlapRow[], pairs: readonly PairCell[]) {
  const widths = rows.map((r) => r.rankUpper - r.rankLower + 1);
  const sorted = [...widths].sort((a, b) => a - b);
  const pairsTotal = pairs.length / 2;
  const significantPairs = pairs.filter((p) => p.significant).length / 2;
  const top = rows.find((r) => r.rank === 1);
  return {
    models: rows.length,
    /** Models whose 95% rank interval is a single rank. */
    pinned: widths.filter((w) => w === 1).length,
    medianWidth: sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : 0,
    significantPairs,
    pairsTotal,
    /** Models that could plausibly be rank 1. */
    couldBeFirst: rows.filter((r) => r.rankLower === 1).length,
    leader: top?.model ?? "",
  };
}
