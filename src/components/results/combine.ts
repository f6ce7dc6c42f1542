// From the records of every file to one items × models table: duplicates dropped (first kept,
// each named), clusters reconciled, and the comparison restricted to the items every model
// answered — with a count, per model, of what that restriction dropped.
import { IssueLog } from "./issues.js";
import type { FileResult, Issue, IssueKind, ResultRecord } from "./types.js";

export interface ModelCoverage {
  model: string;
  /** Distinct items this model has a result for. */
  items: number;
  /** Of those, how many are not answered by every other model (left out of the comparison). */
  notShared: number;
  /** Files the model's results came from. */
  files: string[];
}

export interface ResultMatrix {
  models: string[];
  /** The shared items, in order of first appearance. */
  items: string[];
  /** Cluster of each shared item, or null when no file names clusters. */
  clusters: string[] | null;
  /** values[m][i] = model m's result on items[i]. */
  values: Float64Array[];
  coverage: ModelCoverage[];
  /** Distinct items seen across all models. */
  itemsSeen: number;
  /** True when every value is 0 or 1. */
  binary: boolean;
  issues: Issue[];
  issueCounts: Partial<Record<IssueKind, number>>;
}

export class CombineError extends Error {
  override name = "CombineError";
}

const NONE = "(no cluster)";

export function combine(files: readonly FileResult[]): ResultMatrix {
  const logs = new Map<string, IssueLog>();
  const logFor = (file: string) => {
    let l = logs.get(file);
    if (!l) {
      l = new IssueLog(file);
      logs.set(file, l);
    }
    return l;
  };
  const first = new Map<string, ResultRecord>();
  const modelItems = new Map<string, Set<string>>();
  const modelFiles = new Map<string, string[]>();
  const itemOrder = new Map<string, number>();
  const itemCluster = new Map<string, ResultRecord>();
  /** The first record of each item that carried a content hash (lm-eval's doc_hash). */
  const itemHash = new Map<string, ResultRecord>();
  let hashConflicts = 0;
  const where = (r: ResultRecord, other: ResultRecord) =>
    r.file === other.file ? `line ${r.line}` : `${r.file} line ${r.line}`;

  for (const f of files) {
    for (const r of f.records) {
      const key = `${r.model}\u0000${r.item}`;
      const seen = first.get(key);
      if (seen) {
        const differs =
          seen.correct !== r.correct
            ? ` with a different result (${r.correct} here, ${seen.correct} there)`
            : "";
        logFor(r.file).add(
          r.line,
          "duplicate",
          `model "${r.model}", item "${r.item}" appears again${differs} (first on ${where(seen, r)}); kept the first`,
        );
        continue;
      }
      first.set(key, r);
      let items = modelItems.get(r.model);
      if (!items) {
        items = new Set();
        modelItems.set(r.model, items);
        modelFiles.set(r.model, []);
      }
      items.add(r.item);
      const fl = modelFiles.get(r.model)!;
      if (!fl.includes(r.file)) fl.push(r.file);
      if (!itemOrder.has(r.item)) itemOrder.set(r.item, itemOrder.size);
      if (r.hash !== undefined) {
        const h = itemHash.get(r.item);
        if (!h) itemHash.set(r.item, r);
        else if (h.hash !== r.hash && h.model !== r.model && hashConflicts++ < 1000) {
          logFor(r.file).add(
            r.line,
            "hash-conflict",
            `item "${r.item}" has doc_hash ${r.hash.slice(0, 10)}… here but ${h.hash!.slice(0, 10)}… for model "${h.model}" (${h.file}): the two runs did not see the same question under this id — a different task version, prompt or data split. Kept, but the comparison of this item is not like for like`,
          );
        }
      }
      if (r.cluster !== null) {
        const c = itemCluster.get(r.item);
        if (!c) itemCluster.set(r.item, r);
        else if (c.cluster !== r.cluster) {
          logFor(r.file).add(
            r.line,
            "cluster-conflict",
            `item "${r.item}" is in cluster "${r.cluster}" here but "${c.cluster}" on ${where(c, r)}; used "${c.cluster}"`,
          );
        }
      }
    }
  }

  const models = [...modelItems.keys()];
  if (models.length === 0)
    throw new CombineError(
      "No usable results: every line was dropped (see the problems listed for each file).",
    );
  // Shared items: those every model answered, in order of first appearance.
  const smallest = models.reduce(
    (a, m) => (modelItems.get(m)!.size < modelItems.get(a)!.size ? m : a),
    models[0]!,
  );
  const shared = [...modelItems.get(smallest)!]
    .filter((item) => models.every((m) => modelItems.get(m)!.has(item)))
    .sort((a, b) => itemOrder.get(a)! - itemOrder.get(b)!);
  if (shared.length === 0) {
    throw new CombineError(
      `The models share no items: ${models.map((m) => `${m} has ${modelItems.get(m)!.size}`).join(", ")}, none in common. Are the item ids the same kind in every file (e.g. doc_id vs question_id)?`,
    );
  }
  const sharedSet = new Set(shared);
  const coverage = models.map((m) => {
    const items = modelItems.get(m)!;
    let notShared = 0;
    for (const it of items) if (!sharedSet.has(it)) notShared++;
    return { model: m, items: items.size, notShared, files: modelFiles.get(m)! };
  });
  const anyCluster = shared.some((it) => itemCluster.has(it));
  const clusters = anyCluster ? shared.map((it) => itemCluster.get(it)?.cluster ?? NONE) : null;
  let binary = true;
  const values = models.map((m) => {
    const v = new Float64Array(shared.length);
    shared.forEach((it, i) => {
      const x = first.get(`${m}\u0000${it}`)!.correct;
      v[i] = x;
      if (x !== 0 && x !== 1) binary = false;
    });
    return v;
  });
  const issues: Issue[] = [];
  const issueCounts: Partial<Record<IssueKind, number>> = {};
  for (const l of logs.values()) {
    issues.push(...l.issues);
    for (const [k, v] of Object.entries(l.counts))
      issueCounts[k as IssueKind] = (issueCounts[k as IssueKind] ?? 0) + (v ?? 0);
  }
  return {
    models,
    items: shared,
    clusters,
    values,
    coverage,
    itemsSeen: itemOrder.size,
    binary,
    issues,
    issueCounts,
  };
}
