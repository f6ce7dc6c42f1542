// UK AISI's Inspect: an eval log as JSON (`inspect log convert --to json`, or `--log-format=json`).
// The model is eval.model; each sample has an id, an epoch and one score per scorer, whose value is
// "C" (correct), "I" (incorrect), "P" (partial, counted 0.5), "N" (no answer, counted 0), a number
// or a boolean. Several epochs of one item are repeats of the same question, not new questions:
// they are averaged per item (Miller, "Adding error bars to evals", 2024), and the page says how
// much of the spread lies within items.
import { FileError, type FileResult, type ResultRecord, type TaskSummary } from "../types.js";
import { isObject, type ResultFormat } from "./format.js";
import { runOf } from "./paths.js";

const letters: Record<string, number> = { C: 1, I: 0, P: 0.5, N: 0 };

/** A scorer's value as a number in [0, 1], or null when it is none. */
export function inspectValue(v: unknown): number | null {
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return Number.isFinite(v) && v >= 0 && v <= 1 ? v : null;
  if (typeof v === "string") {
    if (v in letters) return letters[v]!;
    const n = Number(v);
    return v.trim() !== "" && Number.isFinite(n) && n >= 0 && n <= 1 ? n : null;
  }
  return null;
}

export interface EpochSpread {
  /** Items scored more than once. */
  repeated: number;
  epochs: number;
  /** Share of the variance of single scores that lies within items (0 … 1), or null without repeats. */
  withinShare: number | null;
}

/** How much of the scores' variance is within items (repeats of one question) rather than between them. */
export function epochSpread(byItem: ReadonlyMap<string, readonly number[]>): EpochSpread {
  const all: number[] = [];
  let within = 0;
  let repeated = 0;
  let epochs = 1;
  for (const scores of byItem.values()) {
    all.push(...scores);
    epochs = Math.max(epochs, scores.length);
    if (scores.length < 2) continue;
    repeated++;
    const m = scores.reduce((s, x) => s + x, 0) / scores.length;
    within += scores.reduce((s, x) => s + (x - m) ** 2, 0);
  }
  const mean = all.reduce((s, x) => s + x, 0) / (all.length || 1);
  const total = all.reduce((s, x) => s + (x - mean) ** 2, 0);
  return { repeated, epochs, withinShare: repeated === 0 ? null : total === 0 ? 0 : within / total };
}

export const inspectLog: ResultFormat = {
  id: "inspect",
  label: "Inspect eval log (JSON)",
  detect: ({ doc }) =>
    isObject(doc) && isObject(doc.eval) && ("samples" in doc || "results" in doc) && "model" in doc.eval
      ? 0.95
      : 0,
  parse({ file, doc, log }, options): FileResult {
    const d = doc as Record<string, unknown>;
    const ev = d.eval as Record<string, unknown>;
    const model = options.model?.trim() || (typeof ev.model === "string" ? ev.model : "Inspect model");
    const task = typeof ev.task === "string" ? ev.task : "task";
    const samples = Array.isArray(d.samples) ? d.samples : [];
    if (samples.length === 0)
      throw new FileError(
        file,
        `${file} is an Inspect log of "${task}" with no samples in it (it was written header-only, or the run had none). Write the log with its samples — for example \`inspect log convert --to json\` on the full .eval — and drop that.`,
      );
    const scorers: string[] = [];
    for (const s of samples.slice(0, 50))
      if (isObject(s) && isObject(s.scores))
        for (const k of Object.keys(s.scores)) if (!scorers.includes(k)) scorers.push(k);
    if (scorers.length === 0)
      throw new FileError(
        file,
        `${file}: the Inspect log's samples carry no scores, so there is nothing to compare.`,
      );
    const scorer = options.metric && scorers.includes(options.metric) ? options.metric : scorers[0]!;
    const byItem = new Map<string, number[]>();
    const cluster = new Map<string, string | null>();
    samples.forEach((s, i) => {
      const where = i + 1;
      if (!isObject(s)) {
        log.add(where, "bad-json", "a sample that is not an object; dropped");
        return;
      }
      const id = s.id;
      if (typeof id !== "string" && typeof id !== "number") {
        log.add(where, "missing-field", `sample ${where} has no "id"; dropped`);
        return;
      }
      const score = isObject(s.scores) ? s.scores[scorer] : undefined;
      const raw = isObject(score) ? score.value : undefined;
      const v = inspectValue(raw);
      if (v === null) {
        log.add(
          where,
          raw === undefined ? "missing-value" : "unknown-value",
          `sample "${id}"${s.epoch ? ` epoch ${s.epoch}` : ""}: scorer "${scorer}" ${raw === undefined ? "gave no value" : `value ${JSON.stringify(raw).slice(0, 40)} is not C/I/P/N, true/false or a number in [0, 1]`}; dropped`,
        );
        return;
      }
      const key = `${task}/${id}`;
      const list = byItem.get(key) ?? [];
      list.push(v);
      byItem.set(key, list);
      if (!cluster.has(key)) {
        const meta = isObject(s.metadata) ? s.metadata : {};
        const c = meta.subject ?? meta.category;
        cluster.set(key, typeof c === "string" && c !== "" ? c : null);
      }
    });
    const records: ResultRecord[] = [...byItem].map(([item, scores], i) => ({
      model,
      item,
      correct: scores.reduce((s, x) => s + x, 0) / scores.length,
      cluster: cluster.get(item) ?? null,
      file,
      line: i + 1,
    }));
    const spread = epochSpread(byItem);
    const summaries: TaskSummary[] = [];
    const results = isObject(d.results) && Array.isArray(d.results.scores) ? d.results.scores : [];
    for (const r of results) {
      if (!isObject(r) || (r.name !== scorer && r.scorer !== scorer) || !isObject(r.metrics)) continue;
      const acc = r.metrics.accuracy ?? r.metrics.mean;
      const se = r.metrics.stderr;
      if (isObject(acc) && typeof acc.value === "number")
        summaries.push({
          run: runOf(file),
          model,
          task,
          metric: `${scorer} ${isObject(r.metrics.accuracy) ? "accuracy" : "mean"}`,
          value: acc.value,
          stderr: isObject(se) && typeof se.value === "number" ? se.value : null,
          n: typeof r.scored_samples === "number" ? r.scored_samples : null,
        });
    }
    return {
      file,
      format: "inspect",
      formatLabel: inspectLog.label,
      description:
        `Inspect log of task "${task}" for model "${model}": scorer "${scorer}"` +
        (scorers.length > 1
          ? ` (also in the file: ${scorers
              .filter((s) => s !== scorer)
              .map((s) => `"${s}"`)
              .join(", ")})`
          : "") +
        "; C = 1, I = 0, P = 0.5, N = 0" +
        (spread.repeated
          ? `; ${spread.epochs} epochs per item, averaged per item — ${Math.round(100 * (spread.withinShare ?? 0))}% of the single scores' variance is within items (repeats of one question), the rest between items`
          : "") +
        ".",
      records,
      issues: log.issues,
      issueCounts: log.counts,
      lines: samples.length,
      run: runOf(file),
      task,
      meta: { model, summaries },
    };
  },
};
