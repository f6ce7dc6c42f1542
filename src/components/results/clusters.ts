// Accuracy by cluster (subject, category, passage): each model's accuracy within each cluster,
// grouped and pivoted with arquero. Shows where the clustered interval's extra width comes from
// (clusters that differ in difficulty) and where the ranking of models changes from one to the next.
import { op, table } from "arquero";
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
}

/** Accuracy per model per cluster, clusters sorted by their mean accuracy (hardest first). */
export function clusterBreakdown(matrix: ResultMatrix, overallBest: string): ClusterBreakdown | null {
  const clusters = matrix.clusters;
  if (!clusters || new Set(clusters).size < 2) return null;
  const n = matrix.items.length;
  const m = matrix.models.length;
  const model = new Array<string>(n * m);
  const cluster = new Array<string>(n * m);
  const correct = new Float64Array(n * m);
  for (let j = 0; j < m; j++) {
    const v = matrix.values[j]!;
    for (let i = 0; i < n; i++) {
      model[j * n + i] = `m${j}`;
      cluster[j * n + i] = clusters[i]!;
      correct[j * n + i] = v[i]!;
    }
  }
  // Models are keyed m0, m1, … so that no model name can clash with the "cluster" or "n" columns.
  const long = table({ model, cluster, correct })
    .groupby("cluster", "model")
    .rollup({ accuracy: op.mean("correct"), n: op.count() });
  const wide = long
    .groupby("cluster")
    .pivot("model", "accuracy")
    .join(long.groupby("cluster").rollup({ n: op.max("n") }), "cluster")
    .objects() as Record<string, number | string>[];
  const rows = wide
    .map((r) => {
      const accuracy = matrix.models.map((_, j) => Number(r[`m${j}`]));
      let best = 0;
      accuracy.forEach((a, i) => {
        if (a > accuracy[best]!) best = i;
      });
      return { cluster: String(r.cluster), n: Number(r.n), accuracy, best: matrix.models[best]! };
    })
    .sort((a, b) => mean(a.accuracy) - mean(b.accuracy) || a.cluster.localeCompare(b.cluster));
  return { models: matrix.models, rows, flips: rows.filter((r) => r.best !== overallBest).length };
}

const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;
