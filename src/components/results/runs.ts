// Files of one run belong to one model. A run is a folder (and, for lm-eval, the timestamp its
// samples_* and results_* files share). Its model is named, in order of trust: by the reader (the
// name typed on the page), by the run's own metadata (lm-eval's results_*.json model_name, HELM's
// run_spec.json), by the file (Inspect's eval.model, a CSV's model column), or by the folder.
// Two runs that end up with one name and share a task would pool their items: the later one gets
// "(2)" so the page compares them instead of merging them.
import type { FileResult, TaskSummary } from "./types.js";

export interface RunNaming {
  /** Every summary the metadata files gave, with the run's final model name. */
  summaries: TaskSummary[];
  /** A sentence to add to a file's description when its model was named or renamed here. */
  notes: Map<FileResult, string>;
}

export function runModels(results: readonly FileResult[]): RunNaming {
  const notes = new Map<FileResult, string>();
  const runs = new Map<string, FileResult[]>();
  for (const r of results) {
    const key = r.run ?? "";
    runs.set(key, [...(runs.get(key) ?? []), r]);
  }
  /** Final model name per run (for summaries). */
  const named = new Map<string, string>();
  /** "model\0task" → the run that holds it. */
  const claims = new Map<string, string>();
  for (const [run, files] of runs) {
    const metaModel = files.find((f) => f.meta?.model && f.records.length === 0)?.meta?.model;
    // Files that name their models themselves (a CSV's model column) are left as they are.
    const guessed = files.filter((f) => f.records.length && f.modelGuessed);
    if (metaModel) {
      for (const f of guessed) {
        const from = f.records[0]!.model;
        if (from === metaModel) continue;
        for (const rec of f.records) rec.model = metaModel;
        if (f.lmEval) f.lmEval.model = metaModel;
        notes.set(
          f,
          ` The run's ${f.format === "helm" ? "run_spec.json" : "results file"} names the model "${metaModel}".`,
        );
      }
    }
    // Runs with tasks: keep two runs of one model name on one task apart.
    const tasked = files.filter(
      (f) => f.records.length && f.task && (f.modelGuessed || f.format === "inspect"),
    );
    const base = tasked[0]?.records[0]?.model;
    if (base && tasked.every((f) => f.records[0]!.model === base) && run !== "") {
      let name = base;
      for (let k = 2; tasked.some((f) => claimedElsewhere(claims, name, f.task!, run)); k++)
        name = `${base} (${k})`;
      if (name !== base) {
        for (const f of tasked) {
          for (const rec of f.records) rec.model = name;
          if (f.lmEval) f.lmEval.model = name;
          notes.set(
            f,
            `${notes.get(f) ?? ""} Another run already gave "${base}" results on this task, so this run is "${name}" — rename it below if they are the same model.`,
          );
        }
      }
      for (const f of tasked) claims.set(`${name}\u0000${f.task}`, run);
      named.set(run, name);
    } else if (metaModel) named.set(run, metaModel);
  }
  const summaries = results.flatMap((r) =>
    (r.meta?.summaries ?? []).map((s) => ({ ...s, model: named.get(s.run) ?? s.model })),
  );
  return { summaries, notes };
}

function claimedElsewhere(claims: Map<string, string>, model: string, task: string, run: string): boolean {
  const other = claims.get(`${model}\u0000${task}`);
  return other !== undefined && other !== run;
}
