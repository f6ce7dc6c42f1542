// Published scores as a menu: sorted by benchmark, model and score, each with a stable id
// (so a link that names a row keeps naming it when rows are added).
import type { PublishedScore } from "../data/types.js";
import { canonicalBenchmark } from "./benchmarkNames.js";
import { rowId, rowLabel } from "./scoreCard.js";

/** Published rows in menu order (benchmark, then model, then score), each with its stable id. */
export function menuRows(
  rows: readonly PublishedScore[],
): { id: string; label: string; row: PublishedScore }[] {
  return rows
    .map((row) => ({ id: rowId(row), label: rowLabel(row), row }))
    .sort(
      (x, y) =>
        canonicalBenchmark(x.row.benchmark).localeCompare(canonicalBenchmark(y.row.benchmark)) ||
        x.row.model.localeCompare(y.row.model) ||
        x.row.score - y.row.score,
    );
}

/** The id of the first row matching a model, benchmark and score (for presets and tests). */
export function findRowId(
  rows: readonly PublishedScore[],
  model: string,
  benchmark: string,
  score: number,
): string | null {
  const row = rows.find(
    (r) => r.model === model && canonicalBenchmark(r.benchmark) === benchmark && r.score === score,
  );
  return row ? rowId(row) : null;
}

export type MenuRow = ReturnType<typeof menuRows>[number];
