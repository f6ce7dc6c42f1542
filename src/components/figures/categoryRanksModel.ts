// The numbers of the MMLU-Pro-by-subject figure, without the drawing: each model's counts in a
// category, ranks by accuracy, and the category leader read against the overall ranks.
// Plot-free, so lessons/lesson2.ts (loaded with the page, for the prose's numbers) can use them
// without loading Observable Plot; figures/categoryRanks.ts draws them.

import type { CategoryBoard } from "../data/types.js";
import type { RankEntry } from "../stats/ranks.js";
import { twoProportionTest } from "../stats/tests.js";

/** Each model's right answers and questions answered in `category` ("all" = the whole test). */
export function categoryEntries(board: CategoryBoard, category: string): RankEntry[] {
  return board.models
    .map((model) => {
      const c = board.counts[model]?.[category];
      return c && c[1] > 0 ? { model, k: c[0], n: c[1] } : null;
    })
    .filter((e): e is RankEntry => e !== null);
}

/** Rank by accuracy (1 = best), ties sharing the better rank. */
export function ranksByAccuracy(entries: readonly RankEntry[]): Map<string, number> {
  const sorted = [...entries].sort((a, b) => b.k / b.n - a.k / a.n);
  const out = new Map<string, number>();
  sorted.forEach((e, i) => {
    const prev = sorted[i - 1];
    out.set(e.model, prev && prev.k / prev.n === e.k / e.n ? out.get(prev.model)! : i + 1);
  });
  return out;
}

export interface CategoryReading {
  category: string;
  leader: string;
  leaderOverallRank: number;
  /** Models whose category rank beats their overall rank by 2 or more. */
  risers: { model: string; overall: number; here: number }[];
  /** The category leader vs the runner-up. */
  leadPp: number;
  leadP: number;
  runnerUp: string;
}

export function readCategory(board: CategoryBoard, category: string): CategoryReading {
  const here = categoryEntries(board, category);
  const overall = ranksByAccuracy(categoryEntries(board, "all"));
  const ranks = ranksByAccuracy(here);
  const sorted = [...here].sort((a, b) => b.k / b.n - a.k / a.n);
  const [first, second] = sorted as [RankEntry, RankEntry];
  const t = twoProportionTest(first, second);
  return {
    category,
    leader: first.model,
    leaderOverallRank: overall.get(first.model) ?? 0,
    risers: here
      .map((e) => ({ model: e.model, overall: overall.get(e.model)!, here: ranks.get(e.model)! }))
      .filter((r) => r.overall - r.here >= 2)
      .sort((a, b) => a.here - b.here),
    leadPp: 100 * t.diff,
    leadP: t.pValue,
    runnerUp: second.model,
  };
}
