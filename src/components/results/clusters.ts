// Accuracy by cluster (subject, category, passage, or an lm-eval task): each model's accuracy within
// each cluster, and the two ways of averaging over clusters — the micro-average (every item counts
// once: the overall accuracy) and the macro-average (every cluster counts once) — which Lesson 1
// shows can order models differently. Shows where the clustered interval's extra width comes from
// and where the ranking of models changes from one cluster to the next. Plain loops: a group-by of
// items × models needs nothing more.
import type { ResultMatrix } from "./combine.js";

export interface ClusterRow {
  cluster: string;
  n: number;
  /** Accuracy of each model in this cluster, in the order of `models`. */
  accuracy: number[];
  /** The model with the highest accuracy in this cluster (first one on ties). */
  best: string;
}

export interface ClusterBreakdown {
  models: string[];
  rows: ClusterRow[];
  /** Clusters whose best model is not the overall best. */
  flips: number;
  /** Per model: the mean over items (every item counts once). */
  micro: number[];
  /** Per model: the mean of the clusters' accuracies (every cluster counts once). */
  macro: number[];
}

/** Accuracy per model per cluster, clusters sorted by their mean accuracy (hardest first). */
export function clusterBreakdown(matrix: ResultMatrix, overallBest: string): ClusterBreakdown | null {
  const clusters = matrix.clusters;
  if (!clusters) return null;
  const index = new Map<string, number>();
  for (const c of clusters) if (!index.has(c)) index.set(c, index.size);
  if (index.size < 2) return null;
  const m = matrix.models.length;
  const counts = new Float64Array(index.size);
  const sums = matrix.models.map(() => new Float64Array(index.size));
  clusters.forEach((c, i) => {
    const g = index.get(c)!;
    counts[g]!++;
    for (let j = 0; j < m; j++) sums[j]![g]! += matrix.values[j]![i]!;
  });
  const rows = [...index].map(([cluster, g]) => {
    const accuracy = matrix.models.map((_, j) => sums[j]![g]! / counts[g]!);
    let best = 0;
    accuracy.forEach((a, i) => {
      if (a > accuracy[best]!) best = i;
    });
    return { cluster, n: counts[g]!, accuracy, best: matrix.models[best]! };
  });
  rows.sort((a, b) => mean(a.accuracy) - mean(b.accuracy) || a.cluster.localeCompare(b.cluster));
  const n = clusters.length;
  const micro = matrix.models.map((_, j) => sums[j]!.reduce((s, x) => s + x, 0) / n);
  const macro = matrix.models.map((_, j) => mean(rows.map((r) => r.accuracy[j]!)));
  return {
    models: matrix.models,
    rows,
    flips: rows.filter((r) => r.best !== overallBest).length,
    micro,
    macro,
  };
}

const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;
