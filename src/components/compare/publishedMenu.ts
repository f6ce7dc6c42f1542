// Published scores as a menu: sorted by benchmark, model and score, each with a stable id
// (so a link that names a row keeps naming it when rows are added).
import type { PublishedScore } from "../data/types.js";
import { canonicalBenchmark } from "./benchmarkNames.js";
import { rowId, rowLabel } from "./scoreCard.js";

/** Published rows in menu order (benchmark, then model, then score), each with its stable id. */
export function menuRows(
  rows: readonly PublishedScore[],
): { id: string; label: string; row: PublishedScore }[] {
  // Sort keys computed once per row, compared by code unit (localeCompare on every comparison
  // cost ≈25 ms at the compare page's load; the names here are ASCII, case folded).
  const keyed = rows.map((row) => ({
    id: rowId(row),
    label: rowLabel(row),
    row,
    bench: canonicalBenchmark(row.benchmark).toLowerCase(),
    model: row.model.toLowerCase(),
  }));
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  keyed.sort((x, y) => cmp(x.bench, y.bench) || cmp(x.model, y.model) || x.row.score - y.row.score);
  return keyed.map(({ id, label, row }) => ({ id, label, row }));
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
