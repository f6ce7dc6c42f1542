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
  // Models and items become small integers once, so each record costs two map look-ups and an
  // array access (a million records combine in about a second; keying a Map by model + item took
  // ten times as long).
  const modelIndex = new Map<string, number>();
  const models: string[] = [];
  const itemIndex = new Map<string, number>();
  const itemNames: string[] = [];
  /** firstOf[m][i]: model m's first record for item i. */
  const firstOf: ResultRecord[][] = [];
  const modelFiles: string[][] = [];
  const lastFile: string[] = [];
  const itemCluster: (ResultRecord | undefined)[] = [];
  /** The first record of each item that carried a content hash (lm-eval's doc_hash). */
  const itemHash: (ResultRecord | undefined)[] = [];
  let hashConflicts = 0;
  const where = (r: ResultRecord, other: ResultRecord) =>
    r.file === other.file ? `line ${r.line}` : `${r.file} line ${r.line}`;

  for (const f of files) {
    for (const r of f.records) {
      let m = modelIndex.get(r.model);
      if (m === undefined) {
        m = models.length;
        modelIndex.set(r.model, m);
        models.push(r.model);
        firstOf.push([]);
        modelFiles.push([]);
        lastFile.push("");
      }
      let i = itemIndex.get(r.item);
      if (i === undefined) {
        i = itemNames.length;
        itemIndex.set(r.item, i);
        itemNames.push(r.item);
      }
      const row = firstOf[m]!;
      const seen = row[i];
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
      row[i] = r;
      if (lastFile[m] !== r.file) {
        lastFile[m] = r.file;
        if (!modelFiles[m]!.includes(r.file)) modelFiles[m]!.push(r.file);
      }
      if (r.hash !== undefined) {
        const h = itemHash[i];
        if (!h) itemHash[i] = r;
        else if (h.hash !== r.hash && h.model !== r.model && hashConflicts++ < 1000) {
          logFor(r.file).add(
            r.line,
            "hash-conflict",
            `item "${r.item}" has doc_hash ${r.hash.slice(0, 10)}… here but ${h.hash!.slice(0, 10)}… for model "${h.model}" (${h.file}): the two runs did not see the same question under this id — a different task version, prompt or data split. Kept, but the comparison of this item is not like for like`,
          );
        }
      }
      if (r.cluster !== null) {
        const c = itemCluster[i];
        if (!c) itemCluster[i] = r;
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

  if (models.length === 0)
    throw new CombineError(
      "No usable results: every line was dropped (see the problems listed for each file).",
    );
  // Shared items: those every model answered, in order of first appearance.
  const sharedIdx: number[] = [];
  const answered = models.map(() => 0);
  for (let i = 0; i < itemNames.length; i++) {
    let all = true;
    for (let m = 0; m < models.length; m++) {
      if (firstOf[m]![i]) answered[m]!++;
      else all = false;
    }
    if (all) sharedIdx.push(i);
  }
  if (sharedIdx.length === 0) {
    throw new CombineError(
      `The models share no items: ${models.map((m, j) => `${m} has ${answered[j]}`).join(", ")}, none in common. Are the item ids the same kind in every file (e.g. doc_id vs question_id)?`,
    );
  }
  const coverage = models.map((model, m) => ({
    model,
    items: answered[m]!,
    notShared: answered[m]! - sharedIdx.length,
    files: modelFiles[m]!,
  }));
  const anyCluster = sharedIdx.some((i) => itemCluster[i] !== undefined);
  const clusters = anyCluster ? sharedIdx.map((i) => itemCluster[i]?.cluster ?? NONE) : null;
  let binary = true;
  const values = models.map((_, m) => {
    const row = firstOf[m]!;
    const v = new Float64Array(sharedIdx.length);
    for (let k = 0; k < sharedIdx.length; k++) {
      const x = row[sharedIdx[k]!]!.correct;
      v[k] = x;
      if (x !== 0 && x !== 1) binary = false;
    }
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
    items: sharedIdx.map((i) => itemNames[i]!),
    clusters,
    values,
    coverage,
    itemsSeen: itemNames.length,
    binary,
    issues,
    issueCounts,
  };
}
