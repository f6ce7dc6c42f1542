// Stanford CRFM's HELM: a run's folder holds per_instance_stats.json (per instance and train
// trial, a list of stats such as exact_match, each by split and perturbation) and run_spec.json
// (the run's name and adapter_spec.model). The page reads the unperturbed test split, averages
// train trials per instance, and takes the model from run_spec.json in the same folder, or from
// the folder's name (…,model=openai_gpt2) until that file is dropped too.
import { FileError, type FileResult, type ResultRecord } from "../types.js";
import { isObject, type ResultFormat } from "./format.js";
import { baseName, folderOf, runOf } from "./paths.js";

const preferred = [
  "exact_match",
  "quasi_exact_match",
  "prefix_exact_match",
  "quasi_prefix_exact_match",
  "f1_score",
];

/** "mmlu:subject=philosophy,method=multiple_choice_joint,model=openai_gpt2" → task and model. */
export function helmRunName(name: string): { task: string; model: string | null } {
  const [scenario, args = ""] = name.split(":") as [string, string?];
  const parts = args.split(",").filter(Boolean);
  const model = parts.find((p) => p.startsWith("model="))?.slice(6) ?? null;
  const kept = parts.filter((p) => !p.startsWith("model=") && !p.startsWith("method="));
  return {
    task: kept.length ? `${scenario}:${kept.join(",")}` : scenario,
    model: model ? model.replace("_", "/") : null,
  };
}

interface Stat {
  name?: { name?: string; split?: string; perturbation?: unknown };
  mean?: number;
}

export const helmInstances: ResultFormat = {
  id: "helm",
  label: "HELM per-instance stats (per_instance_stats.json)",
  detect: ({ doc }) =>
    Array.isArray(doc) &&
    doc.length > 0 &&
    isObject(doc[0]) &&
    "instance_id" in doc[0] &&
    Array.isArray(doc[0].stats)
      ? 0.95
      : 0,
  parse({ file, doc, log }, options): FileResult {
    const rows = doc as Record<string, unknown>[];
    const folder = baseName(folderOf(file) || "");
    const run = helmRunName(folder);
    const model = options.model?.trim() || run.model || "HELM model";
    const task = run.task || "helm";
    const metrics: string[] = [];
    const splits = new Set<string>();
    for (const r of rows.slice(0, 50))
      for (const s of (Array.isArray(r.stats) ? r.stats : []) as Stat[]) {
        const n = s.name?.name;
        if (n && typeof s.mean === "number" && !s.name?.perturbation && !metrics.includes(n)) metrics.push(n);
        if (s.name?.split) splits.add(s.name.split);
      }
    const usable = metrics.filter((m) => preferred.includes(m) || /match|accuracy|correct/.test(m));
    const metric =
      options.metric && metrics.includes(options.metric)
        ? options.metric
        : (preferred.find((m) => metrics.includes(m)) ?? usable[0]);
    if (!metric)
      throw new FileError(
        file,
        `${file}: HELM per-instance stats with no per-instance correctness metric (found ${metrics.slice(0, 8).join(", ") || "none"}). Choose a run whose metrics include exact_match.`,
      );
    const split = splits.has("test") ? "test" : [...splits][0];
    const byItem = new Map<string, number[]>();
    let otherSplit = 0;
    rows.forEach((r, i) => {
      const id = r.instance_id;
      if (typeof id !== "string" && typeof id !== "number") {
        log.add(i + 1, "missing-field", `entry ${i + 1} has no "instance_id"; dropped`);
        return;
      }
      const stat = ((Array.isArray(r.stats) ? r.stats : []) as Stat[]).find(
        (s) => s.name?.name === metric && !s.name?.perturbation,
      );
      if (!stat || typeof stat.mean !== "number") {
        log.add(i + 1, "missing-value", `instance "${id}" has no unperturbed "${metric}"; dropped`);
        return;
      }
      if (split && stat.name?.split !== split) {
        otherSplit++;
        return;
      }
      if (stat.mean < 0 || stat.mean > 1) {
        log.add(
          i + 1,
          "unknown-value",
          `instance "${id}": "${metric}" ${stat.mean} is outside [0, 1]; dropped`,
        );
        return;
      }
      const key = `${task}/${id}`;
      byItem.set(key, [...(byItem.get(key) ?? []), stat.mean]);
    });
    const records: ResultRecord[] = [...byItem].map(([item, v], i) => ({
      model,
      item,
      correct: v.reduce((s, x) => s + x, 0) / v.length,
      cluster: null,
      file,
      line: i + 1,
    }));
    return {
      file,
      format: "helm",
      formatLabel: helmInstances.label,
      description: `HELM run "${task}" for model "${model}": per-instance "${metric}" on the ${split ?? "only"} split, unperturbed${otherSplit ? ` (${otherSplit} instance${otherSplit === 1 ? "" : "s"} of other splits left out)` : ""}${
        metrics.length > 1
          ? `; other metrics in the file: ${metrics
              .filter((m) => m !== metric)
              .slice(0, 6)
              .join(", ")}${metrics.length > 7 ? ", …" : ""}`
          : ""
      }.`,
      records,
      issues: log.issues,
      issueCounts: log.counts,
      lines: rows.length,
      run: runOf(file),
      task,
      modelGuessed: !options.model?.trim(),
    };
  },
};

export const helmRunSpec: ResultFormat = {
  id: "helm-run-spec",
  label: "HELM run spec (run_spec.json)",
  detect: ({ doc }) => (isObject(doc) && isObject(doc.adapter_spec) && "scenario_spec" in doc ? 0.95 : 0),
  parse({ file, doc }): FileResult {
    const d = doc as Record<string, unknown>;
    const spec = d.adapter_spec as Record<string, unknown>;
    const model = typeof spec.model === "string" ? spec.model : undefined;
    return {
      file,
      format: "helm-run-spec",
      formatLabel: helmRunSpec.label,
      description: `HELM run spec${typeof d.name === "string" ? ` of "${d.name}"` : ""}${model ? `: model "${model}"` : ""}. It holds no per-item results; it names the model of per_instance_stats.json in the same folder.`,
      records: [],
      issues: [],
      issueCounts: {},
      lines: 0,
      run: runOf(file),
      meta: model ? { model } : {},
    };
  },
};
