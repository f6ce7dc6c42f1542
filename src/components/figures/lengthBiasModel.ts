// The simulated length-biased judge without the drawing: how a judge's taste for long answers
// reorders a leaderboard. The page's prose reads it before figures/lengthBiasJudge.ts (which
// draws it with Plot) is loaded.
import { averageRanks, judgedWinRate, spearman } from "../stats/lengthBias.js";
import type { JudgeRow } from "./judgeLengthModel.js";

export interface LengthBiasValues {
  bias: number;
}

export interface SimulatedRow {
  model: string;
  avgLength: number;
  /** Quality (the model's real length-controlled win rate), %. */
  quality: number;
  /** What the toy judge gives it, %. */
  judged: number;
  qualityRank: number;
  judgedRank: number;
}

export interface LengthBiasModel extends LengthBiasValues {
  baseline: string;
  baseLength: number;
  rows: SimulatedRow[];
  /** Models whose judged rank differs from their quality rank. */
  changed: number;
  /** Largest rank gain and loss. */
  gainer: SimulatedRow;
  loser: SimulatedRow;
  rho: number;
}

/** The verified models plus the baseline, with the toy judge's win rates at `bias` (pure). */
export function deriveLengthBias(
  all: readonly JudgeRow[],
  v: LengthBiasValues,
  baseline = "gpt4_1106_preview",
): LengthBiasModel {
  const base = all.find((r) => r.model === baseline);
  if (!base) throw new RangeError(`the baseline "${baseline}" is not in the leaderboard rows`);
  const models = all.filter((r) => r.mode === "verified" && r.lcWinRate > 0 && r.lcWinRate < 100);
  const judged = models.map(
    (r) => 100 * judgedWinRate(r.lcWinRate / 100, r.avgLength, base.avgLength, v.bias),
  );
  const qRanks = averageRanks(models.map((r) => r.lcWinRate));
  const jRanks = averageRanks(judged);
  const rows = models.map((r, i) => ({
    model: r.model,
    avgLength: r.avgLength,
    quality: r.lcWinRate,
    judged: judged[i]!,
    qualityRank: qRanks[i]!,
    judgedRank: jRanks[i]!,
  }));
  const gain = (r: SimulatedRow) => r.qualityRank - r.judgedRank;
  return {
    ...v,
    baseline,
    baseLength: base.avgLength,
    rows,
    changed: rows.filter((r) => gain(r) !== 0).length,
    gainer: rows.reduce((a, b) => (gain(b) > gain(a) ? b : a)),
    loser: rows.reduce((a, b) => (gain(b) < gain(a) ? b : a)),
    rho: spearman(qRanks, jRanks),
  };
}
