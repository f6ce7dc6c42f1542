// The tables behind the "Going deeper" pages on pass@k and LLM judges, read and validated once
// (by their data loaders at build time and by the tests that check figures against the same rows).
import { readTable, SourceError } from "./source.js";

/** One model's HumanEval runs: `n` attempts at every problem, `counts[i]` of them passed problem i. */
export interface HumanEvalRuns {
  model: string;
  temperature: number;
  n: number;
  /** Passing attempts per problem, in task order (HumanEval/0 … HumanEval/163). */
  counts: number[];
}

/** data/humaneval_runs.csv: per-problem passing runs out of 10 for three models (jamesmurdza/humaneval-results). */
export function readHumanEvalRuns(): HumanEvalRuns[] {
  const rows = readTable("humaneval_runs.csv", {
    task_id: "string",
    model: "string",
    passing: "integer",
    total: "integer",
    temperature: "number",
  });
  const models = [...new Set(rows.map((r) => r.model))];
  return models.map((model) => {
    const own = rows.filter((r) => r.model === model);
    const n = own[0]!.total;
    own.forEach((r, i) => {
      if (r.task_id !== `HumanEval/${i}`)
        throw new SourceError(`data/humaneval_runs.csv: ${model} row ${i} is ${r.task_id}, expected HumanEval/${i}`);
      if (r.total !== n || r.passing > n)
        throw new SourceError(`data/humaneval_runs.csv: ${model} ${r.task_id} has ${r.passing} of ${r.total} runs`);
    });
    if (own.length !== 164)
      throw new SourceError(`data/humaneval_runs.csv: ${model} has ${own.length} problems, expected 164`);
    return { model, temperature: own[0]!.temperature, n, counts: own.map((r) => r.passing) };
  });
}

/** One AlpacaEval 2 leaderboard row (win rates in %, against GPT-4 Turbo, judged by GPT-4 Turbo). */
export interface AlpacaEvalRow {
  model: string;
  winRate: number;
  lcWinRate: number;
  avgLength: number;
  /** The leaderboard's own label: verified, community, minimal or dev. */
  mode: string;
  nTotal: number;
}

/** data/alpaca_eval_2_leaderboard.csv: AlpacaEval 2's leaderboard as tatsu-lab/alpaca_eval ships it. */
export function readAlpacaEval2(): AlpacaEvalRow[] {
  return readTable("alpaca_eval_2_leaderboard.csv", {
    model: "string",
    win_rate: "number",
    length_controlled_winrate: "number",
    avg_length: "integer",
    mode: "string",
    n_total: "integer",
  }).map((r) => ({
    model: r.model,
    winRate: r.win_rate,
    lcWinRate: r.length_controlled_winrate,
    avgLength: r.avg_length,
    mode: r.mode,
    nTotal: r.n_total,
  }));
}
