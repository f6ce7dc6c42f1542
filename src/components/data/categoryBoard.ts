// A category board (right answers per model and category) from per-question results, counted
// only on the questions every model has a result for. A model missing most of a hard category
// would otherwise be ranked on an easier test than the others: on MMLU-Pro, DeepSeek-Coder-V2
// has no result for 788 of 1,132 chemistry and 826 of 969 engineering questions.
import type { CategoryBoard, CategoryCoverage } from "./types.js";

/**
 * `categoryOf[i]` is question i's category; `columns[m][i]` is model m's result on it: 1 right,
 * 0 wrong, −1 no result. Counts (and each category's n) cover the common questions only;
 * `coverage` says what was left out.
 */
export function categoryBoardOnCommonQuestions(
  categoryOf: readonly string[],
  models: readonly string[],
  columns: readonly ArrayLike<number>[],
  source: string,
): CategoryBoard {
  const q = categoryOf.length;
  if (columns.length !== models.length) {
    throw new RangeError(`${models.length} model names but ${columns.length} columns of results`);
  }
  for (const [m, col] of columns.entries()) {
    if (col.length !== q) throw new RangeError(`${models[m]}: ${col.length} results for ${q} questions`);
  }
  const common = new Uint8Array(q);
  for (let i = 0; i < q; i++) common[i] = columns.every((col) => col[i]! >= 0) ? 1 : 0;
  const all = new Map<string, number>();
  const shared = new Map<string, number>();
  for (let i = 0; i < q; i++) {
    const c = categoryOf[i]!;
    all.set(c, (all.get(c) ?? 0) + 1);
    if (common[i]) shared.set(c, (shared.get(c) ?? 0) + 1);
  }
  const names = [...all.keys()].sort((a, b) => a.localeCompare(b));
  const counts: CategoryBoard["counts"] = {};
  const incomplete: CategoryCoverage["incomplete"] = [];
  models.forEach((model, m) => {
    const col = columns[m]!;
    const byCategory: Record<string, [number, number]> = {};
    const missing: Record<string, number> = {};
    let missed = 0;
    for (let i = 0; i < q; i++) {
      const c = categoryOf[i]!;
      if (col[i]! < 0) {
        missing[c] = (missing[c] ?? 0) + 1;
        missed++;
      }
      if (!common[i]) continue;
      for (const key of [c, "all"]) {
        const cell = (byCategory[key] ??= [0, 0]);
        cell[0] += col[i] === 1 ? 1 : 0;
        cell[1] += 1;
      }
    }
    counts[model] = byCategory;
    if (missed) incomplete.push({ model, missing: missed, byCategory: missing });
  });
  incomplete.sort((a, b) => b.missing - a.missing || a.model.localeCompare(b.model));
  const commonTotal = common.reduce((s, x) => s + x, 0);
  return {
    source,
    categories: names.filter((c) => (shared.get(c) ?? 0) > 0).map((c) => ({ category: c, n: shared.get(c)! })),
    models: [...models],
    counts,
    coverage: {
      questions: q,
      common: commonTotal,
      categories: names.map((c) => ({ category: c, all: all.get(c)!, common: shared.get(c) ?? 0 })),
      incomplete,
    },
  };
}
