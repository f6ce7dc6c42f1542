// Lesson 2's boards: the benchmark choices of the Open LLM Leaderboard's two versions, and a
// board's models as k right of N questions at a (possibly rescaled) N. Pure.
import type { Leaderboards } from "../../data/types.js";
import type { RankEntry } from "../../stats/ranks.js";
import { formatCount } from "../../ui/format.js";

/** A board of models with one benchmark chosen: each model's k of N at a (possibly rescaled) N. */
export function leaderboardEntries(
  models: readonly { model: string; scores: Record<string, number> }[],
  benchmark: string,
  n: number,
): RankEntry[] {
  return models
    .filter((m) => Number.isFinite(m.scores[benchmark]))
    .map((m) => ({ model: m.model, n, k: Math.round(Math.min(1, Math.max(0, m.scores[benchmark]!)) * n) }));
}

export interface BoardOption {
  /** "v1:mmlu" etc. */
  value: string;
  label: string;
  board: "v1" | "v2";
  benchmark: string;
  n: number;
}

/** The benchmark choices of the two boards, each with its real N. */
export function boardOptions(boards: Leaderboards): BoardOption[] {
  return (["v1", "v2"] as const).flatMap((board) =>
    boards[board].benchmarks.map((b) => ({
      value: `${board}:${b.key}`,
      label: `${board} · ${b.label} · N = ${formatCount(b.n)}`,
      board,
      benchmark: b.key,
      n: b.n,
    })),
  );
}
