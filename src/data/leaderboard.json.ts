import { readPublishedScores } from "./tables.js";
// A compact subset of the final Open LLM Leaderboard v1 and v2 snapshots: the top of each board
// and a set of familiar models, with each benchmark's test-set size from data/benchmarks.csv.
// (The source CSVs are 1.3–1.4 MB; the page needs a few dozen rows.)
import type { LeaderboardBenchmark, LeaderboardModel, Leaderboards } from "../components/data/types.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import { categoryBoardOnCommonQuestions } from "../components/data/categoryBoard.js";
import type { CategoryBoard } from "../components/data/types.js";
import { dataDir, readTable, SourceError } from "./source.js";

const sizes = readTable("benchmarks.csv", { benchmark: "string", split: "string", n: "optional-number" });
function sizeOf(benchmark: string, split: string): number {
  const row = sizes.find((r) => r.benchmark === benchmark && r.split === split);
  if (!row || row.n === null) throw new SourceError(`data/benchmarks.csv: no N for ${benchmark} (${split})`);
  return row.n;
}

const TOP = 20;
const bool = (s: string) => s.trim().toUpperCase() === "TRUE";

// ---- v1 ----
const v1Rows = readTable("open_llm_leaderboard_v1.csv", {
  model: "string",
  average: "number",
  arc: "number",
  hellaswag: "number",
  mmlu: "number",
  truthfulqa: "number",
  winogrande: "number",
  gsm8k: "number",
  type: "optional-string",
  precision: "string",
  not_merged: "string",
  not_flagged: "string",
  params_b: "optional-number",
});
const v1Benchmarks: LeaderboardBenchmark[] = [
  { key: "mmlu", label: "MMLU (5-shot)", n: sizeOf("MMLU", "test"), note: "accuracy over the 14,042 test questions" },
  { key: "arc", label: "ARC-Challenge (25-shot)", n: sizeOf("ARC-Challenge", "test"), note: "normalised accuracy" },
  { key: "hellaswag", label: "HellaSwag (10-shot)", n: sizeOf("HellaSwag", "validation"), note: "normalised accuracy on the validation split" },
  { key: "truthfulqa", label: "TruthfulQA (0-shot, MC2)", n: sizeOf("TruthfulQA", "validation (only split)"), note: "MC2 is a probability mass, not a count of right answers: treating it as k of N approximates its noise" },
  { key: "winogrande", label: "WinoGrande (5-shot)", n: sizeOf("WinoGrande", "validation (dev)"), note: "accuracy on the validation split" },
  { key: "gsm8k", label: "GSM8K (5-shot)", n: sizeOf("GSM8K", "test"), note: "exact-match accuracy" },
];
const v1Known = [
  "meta-llama/Meta-Llama-3-70B",
  "meta-llama/Meta-Llama-3-70B-Instruct",
  "mistralai/Mixtral-8x22B-v0.1",
  "Qwen/Qwen1.5-72B",
  "01-ai/Yi-34B",
  "CohereForAI/c4ai-command-r-plus",
  "mistralai/Mixtral-8x7B-Instruct-v0.1",
  "mistralai/Mixtral-8x7B-v0.1",
  "deepseek-ai/deepseek-llm-67b-base",
  "meta-llama/Llama-2-70b-hf",
  "databricks/dbrx-base",
  "Qwen/Qwen1.5-32B",
  "microsoft/Phi-3-mini-4k-instruct",
  "google/gemma-7b",
  "huggyllama/llama-65b",
  "meta-llama/Meta-Llama-3-8B",
  "mistralai/Mistral-7B-v0.1",
  "microsoft/phi-2",
  "meta-llama/Llama-2-13b-hf",
  "tiiuae/falcon-40b",
];
const v1Model = (r: (typeof v1Rows)[number]): LeaderboardModel => ({
  model: r.model,
  average: r.average,
  scores: Object.fromEntries(v1Benchmarks.map((b) => [b.key, Math.round(r[b.key as "mmlu"] * 1e4) / 1e6])),
  type: (r.type ?? "").replace(/^\P{L}+/u, "").trim(),
  flagged: !bool(r.not_flagged),
  merged: !bool(r.not_merged),
  params_b: r.params_b,
});

// ---- v2 ----
const v2Rows = readTable("open_llm_leaderboard_v2.csv", {
  model: "string",
  precision: "string",
  type: "optional-string",
  average_normalized: "number",
  ifeval_raw: "number",
  bbh_raw: "number",
  musr_raw: "number",
  mmlu_pro_raw: "number",
  merged: "string",
  flagged: "string",
  params_b: "optional-number",
});
const v2Benchmarks: LeaderboardBenchmark[] = [
  { key: "mmlu_pro_raw", label: "MMLU-Pro (5-shot)", n: sizeOf("MMLU-Pro", "test"), note: "raw accuracy over 12,032 ten-option questions" },
  { key: "bbh_raw", label: "BBH (3-shot)", n: sizeOf("BBH", "test (27 subtasks)"), note: "raw score; the leaderboard averages subtasks, so k of N is an approximation" },
  { key: "musr_raw", label: "MuSR (0-shot)", n: sizeOf("MuSR", "test"), note: "raw accuracy over 756 questions (N from the paper)" },
  { key: "ifeval_raw", label: "IFEval (0-shot)", n: sizeOf("IFEval", "test (prompts)"), note: "raw score over 541 prompts; the leaderboard mixes prompt- and instruction-level accuracy" },
];
const v2Known = [
  "Qwen/Qwen2.5-72B-Instruct",
  "meta-llama/Llama-3.3-70B-Instruct",
  "mistralai/Mistral-Large-Instruct-2411",
  "Qwen/Qwen2.5-32B-Instruct",
  "microsoft/phi-4",
  "deepseek-ai/DeepSeek-R1-Distill-Qwen-32B",
  "google/gemma-2-27b-it",
  "meta-llama/Meta-Llama-3-70B-Instruct",
  "mistralai/Mixtral-8x22B-Instruct-v0.1",
  "01-ai/Yi-1.5-34B-Chat",
  "CohereForAI/c4ai-command-r-plus",
  "microsoft/Phi-3-medium-4k-instruct",
  "google/gemma-2-9b-it",
  "mistralai/Mistral-Small-Instruct-2409",
  "Qwen/Qwen2.5-7B-Instruct",
  "meta-llama/Llama-3.1-8B-Instruct",
  "mistralai/Mixtral-8x7B-Instruct-v0.1",
  "meta-llama/Meta-Llama-3-8B-Instruct",
  "meta-llama/Llama-2-70b-chat-hf",
  "mistralai/Mistral-7B-Instruct-v0.3",
];
const v2Model = (r: (typeof v2Rows)[number]): LeaderboardModel => ({
  model: r.model,
  average: r.average_normalized,
  scores: Object.fromEntries(v2Benchmarks.map((b) => [b.key, r[b.key as "bbh_raw"]])),
  type: r.type ?? "",
  flagged: bool(r.flagged),
  merged: bool(r.merged),
  params_b: r.params_b,
});

/** The first half-precision row of each model name, best average first. */
function firstRows<R extends { model: string; precision: string }>(rows: R[], average: (r: R) => number): R[] {
  const seen = new Set<string>();
  return rows
    .filter((r) => r.precision === "float16" || r.precision === "bfloat16")
    .sort((a, b) => average(b) - average(a))
    .filter((r) => (seen.has(r.model) ? false : (seen.add(r.model), true)));
}
function pick<R extends { model: string }>(rows: R[], names: string[], file: string): R[] {
  return names.map((name) => {
    const row = rows.find((r) => r.model === name);
    if (!row) throw new SourceError(`${file}: model ${name} not found`);
    return row;
  });
}

const v1Unique = firstRows(v1Rows, (r) => r.average);
const v2Unique = firstRows(v2Rows, (r) => r.average_normalized);

// ---- MMLU-Pro per category, counted from the per-question correctness of 29 models, on the
// questions every one of them has a result for (components/data/categoryBoard.ts) ----
function mmluProByCategory(): CategoryBoard {
  const file = "data/mmlu_pro_correct_matrix.csv";
  const table = csvParse(readFileSync(join(dataDir, "mmlu_pro_correct_matrix.csv"), "utf8"));
  const models = table.columns.filter((c) => c !== "question_id" && c !== "category");
  if (!table.columns.includes("category") || models.length === 0) throw new SourceError(`${file}: expected question_id, category and model columns`);
  const categoryOf: string[] = [];
  const columns = models.map(() => new Int8Array(table.length));
  table.forEach((row, i) => {
    const category = row.category?.trim();
    if (!category) throw new SourceError(`${file} line ${i + 2}: empty category`);
    categoryOf.push(category);
    models.forEach((m, j) => {
      const v = row[m];
      if (v !== "0" && v !== "1" && v !== "NA") throw new SourceError(`${file} line ${i + 2}, column "${m}": "${v}" is not 0, 1 or NA`);
      columns[j]![i] = v === "NA" ? -1 : Number(v);
    });
  });
  return categoryBoardOnCommonQuestions(
    categoryOf,
    models,
    columns,
    "TIGER-AI-Lab/MMLU-Pro eval_results/*@f418b116db00b065c2aea046518d8fcf74d39872 (Apache-2.0), per-question correctness counted in data/mmlu_pro_correct_matrix.csv",
  );
}

// ---- The same model and benchmark as published by different evaluators (for "four kinds of source") ----
const publishedRows = readPublishedScores();
const spreadModels = ["Llama 2 70B", "meta-llama/Llama-2-70b-hf", "Llama 1 65B", "llama-65b", "huggyllama/llama-65b"];
const published = publishedRows.filter((r) => r.benchmark === "MMLU" && spreadModels.includes(r.model));
if (published.length < 8) throw new SourceError(`data/published_scores.csv: expected the Llama 2 70B and LLaMA 65B MMLU rows, found ${published.length}`);

const out: Leaderboards = {
  mmluPro: mmluProByCategory(),
  published,
  v1: {
    id: "v1",
    label: "Open LLM Leaderboard v1 (final, 2024)",
    date: "2024-07-07",
    source: "fboulnois/llm-leaderboard-csv csv/huggingface.csv@65554a1d12eec090e7c448288fca54eedb46b428 (MPL-2.0; numbers from the Hugging Face Open LLM Leaderboard)",
    totalModels: new Set(v1Rows.map((r) => r.model)).size,
    benchmarks: v1Benchmarks,
    top: v1Unique.slice(0, TOP).map(v1Model),
    known: pick(v1Unique, v1Known, "data/open_llm_leaderboard_v1.csv").map(v1Model),
  },
  v2: {
    id: "v2",
    label: "Open LLM Leaderboard v2 (final, 2025)",
    date: "2025-03-21",
    source: "fboulnois/llm-leaderboard-csv csv/huggingface_v2.csv@0f4e5c69c6fb6515afa31ae61f4d699649bc9503 (MPL-2.0; numbers from the Hugging Face Open LLM Leaderboard)",
    totalModels: new Set(v2Rows.map((r) => r.model)).size,
    benchmarks: v2Benchmarks,
    top: v2Unique.slice(0, TOP).map(v2Model),
    known: pick(v2Unique, v2Known, "data/open_llm_leaderboard_v2.csv").map(v2Model),
  },
};

process.stdout.write(JSON.stringify(out));
