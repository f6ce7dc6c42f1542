// The benchmark reference table: every evaluation split in data/benchmarks.csv with what it
// measures, its N and metric, the interval half-width at an accuracy the reader picks, and the
// smallest difference a test would detect there — for two independent scores and for a paired
// comparison on the same questions. Pure: numbers in, rows out; sorting and source links too.
import { halfWidth } from "../stats/intervals.js";
import { minimumDetectableDifference } from "../stats/power.js";
import type { Benchmark } from "./types.js";

export interface SourceLink {
  label: string;
  href: string;
}

export interface ReferenceRow {
  benchmark: string;
  split: string;
  /** What the benchmark measures (the task type). */
  measures: string;
  n: number;
  metric: string;
  source: string;
  links: SourceLink[];
  note: string | null;
  /** Half-width of the interval at the chosen accuracy and confidence (proportion). */
  halfWidth: number;
  /** The same at 50% accuracy, the widest it gets. */
  halfWidthWorst: number;
  /** Smallest difference a two-sided test detects with the given power: two independent scores. */
  mddIndependent: number;
  /** The same for two models on the same questions whose results correlate at `correlation`. */
  mddPaired: number;
}

export interface ReferenceOptions {
  /** Accuracy at which to evaluate the interval and detectable differences. */
  p?: number;
  confidence?: number;
  /** Correlation between two models' per-question results (paired design). */
  correlation?: number;
  power?: number;
}

export const sortKeys = ["benchmark", "measures", "n", "metric", "halfWidth", "mddIndependent", "mddPaired"] as const;
export type SortKey = (typeof sortKeys)[number];

/** Splits that are scored (train, dev and unlabelled test splits have metric "-"). */
export const isEvaluationSplit = (b: Benchmark) => b.metric.trim() !== "-" && b.metric.trim() !== "";

export function benchmarkReference(
  benchmarks: readonly Benchmark[],
  { p = 0.8, confidence = 0.95, correlation = 0.5, power = 0.8 }: ReferenceOptions = {},
): ReferenceRow[] {
  const alpha = 1 - confidence;
  return benchmarks.filter(isEvaluationSplit).map((b) => ({
    benchmark: b.benchmark,
    split: b.split,
    measures: b.task_type,
    n: b.n,
    metric: b.metric,
    source: b.source,
    links: sourceLinks(b.source),
    note: b.note,
    halfWidth: halfWidth(p, b.n, confidence),
    halfWidthWorst: halfWidth(0.5, b.n, confidence),
    mddIndependent: minimumDetectableDifference(p, b.n, { alpha, power }),
    mddPaired: minimumDetectableDifference(p, b.n, { alpha, power, paired: true, correlation }),
  }));
}

/** Sorted copy; ties keep the data's order (benchmark name, then split, for text keys). */
export function sortReference(rows: readonly ReferenceRow[], key: SortKey, direction: "asc" | "desc" = "asc"): ReferenceRow[] {
  const sign = direction === "asc" ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i }))
    .sort((x, y) => {
      const a = x.row[key];
      const b = y.row[key];
      const c = typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b), "en", { sensitivity: "base" });
      if (c !== 0) return sign * c;
      const s = x.row.split.localeCompare(y.row.split);
      return s !== 0 ? s : x.i - y.i;
    })
    .map((x) => x.row);
}

/**
 * Links to what a source string names: "owner/repo path@commit" (a file or folder on GitHub at
 * that commit), "arXiv 2311.12022" (the paper), "owner/name on Hugging Face" (the dataset page).
 */
export function sourceLinks(source: string): SourceLink[] {
  const links: SourceLink[] = [];
  const seen = new Set<string>();
  const add = (label: string, href: string) => {
    if (!seen.has(href)) {
      seen.add(href);
      links.push({ label, href });
    }
  };
  for (const m of source.matchAll(/([\w.-]+\/[\w.-]+) ([^\s@;,()]+)@([0-9a-f]{40})/g)) {
    const [, repo, path, commit] = m as unknown as [string, string, string, string];
    const glob = path.search(/[*?]/);
    if (glob >= 0) {
      const folder = path.slice(0, path.lastIndexOf("/", glob));
      add(`${repo} ${folder}/`, `https://github.com/${repo}/tree/${commit}/${folder}`);
    } else {
      add(`${repo} ${path}`, `https://github.com/${repo}/blob/${commit}/${path}`);
    }
  }
  for (const m of source.matchAll(/arXiv (\d{4}\.\d{4,5})(v\d+)?/g)) add(`arXiv ${m[1]}${m[2] ?? ""}`, `https://arxiv.org/abs/${m[1]}${m[2] ?? ""}`);
  for (const m of source.matchAll(/([\w.-]+\/[\w.-]+) on Hugging Face/g)) add(`${m[1]} (Hugging Face)`, `https://huggingface.co/datasets/${m[1]}`);
  return links;
}
