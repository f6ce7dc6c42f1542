// Every pair of models on a board, tested: which gaps are larger than the noise, and the rank
// intervals those tests imply. Pure; used by Lesson 2's figures and their readouts.
import { competitionRanks, type RankEntry, type RankInterval } from "./ranks.js";
import { twoProportionTest } from "./tests.js";

export interface PairCell {
  a: string;
  b: string;
  /** pA − pB, in pp. */
  diffPp: number;
  pValue: number;
  significant: boolean;
}

/**
 * Every ordered pair's two-proportion z-test (the models treated as independent samples, which
 * is conservative for models scored on the same questions), rows in the order of `entries`.
 * Each unordered pair is tested once: the test is symmetric (same p, opposite difference).
 */
export function pairwiseSignificance(entries: readonly RankEntry[], { alpha = 0.05 } = {}): PairCell[] {
  const m = entries.length;
  const cells: PairCell[][] = entries.map(() => new Array<PairCell>(m));
  for (let i = 0; i < m; i++) {
    const a = entries[i]!;
    for (let j = i + 1; j < m; j++) {
      const b = entries[j]!;
      const t = twoProportionTest(a, b);
      const significant = t.pValue < alpha;
      cells[i]![j] = { a: a.model, b: b.model, diffPp: 100 * t.diff, pValue: t.pValue, significant };
      cells[j]![i] = { a: b.model, b: a.model, diffPp: 100 * -t.diff, pValue: t.pValue, significant };
    }
  }
  const out: PairCell[] = [];
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) out.push(cells[i]![j]!);
  return out;
}

/** A rule "are these two models tied?" from a board's pairs: tied unless their gap is significant. */
export function tiedByTest(
  pairs: readonly PairCell[],
): (a: { model: string }, b: { model: string }) => boolean {
  const significant = new Set<string>();
  for (const p of pairs) if (p.significant) significant.add(`${p.a}\u0000${p.b}`);
  return (a, b) => !significant.has(`${a.model}\u0000${b.model}`);
}

/**
 * Rank intervals from pairwise tests alone (no bootstrap): a model can rank no better than one
 * plus the models significantly above it, and no worse than the board size minus the models
 * significantly below it — the rule Chatbot Arena uses for its ranks. Pass the board's `pairs`
 * (from pairwiseSignificance at the same alpha) to reuse its tests.
 */
export function pairwiseRankIntervals(
  entries: readonly RankEntry[],
  { alpha = 0.05, pairs }: { alpha?: number; pairs?: readonly PairCell[] } = {},
): RankInterval[] {
  const m = entries.length;
  const ranks = competitionRanks(entries.map((e) => e.k / e.n));
  const above = new Map<string, number>();
  const below = new Map<string, number>();
  for (const p of pairs ?? pairwiseSignificance(entries, { alpha })) {
    if (!p.significant) continue;
    // p.diffPp = a − b: a negative gap puts b significantly above a.
    if (p.diffPp < 0) above.set(p.a, (above.get(p.a) ?? 0) + 1);
    else below.set(p.a, (below.get(p.a) ?? 0) + 1);
  }
  return entries.map((a, i) => ({
    model: a.model,
    estimate: a.k / a.n,
    rank: ranks[i]!,
    lower: Math.min(1 + (above.get(a.model) ?? 0), ranks[i]!),
    upper: Math.max(m - (below.get(a.model) ?? 0), ranks[i]!),
  }));
}
