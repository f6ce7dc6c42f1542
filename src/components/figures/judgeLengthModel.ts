// The AlpacaEval 2 length-control model without the drawing: ranks and win rates with and without
// length control, and the models that move most. The page's prose reads it before
// figures/judgeLength.ts (which draws it with Plot) is loaded.
import { averageRanks, pearson, spearman } from "../stats/lengthBias.js";

/** One leaderboard row (src/data/deeperTables.ts: AlpacaEvalRow). */
export interface JudgeRow {
  model: string;
  winRate: number;
  lcWinRate: number;
  avgLength: number;
  mode: string;
}

export type JudgeView = "verified" | "all";

export interface JudgeLengthValues {
  view: JudgeView;
  model: string;
}

export interface RankedRow extends JudgeRow {
  rawRank: number;
  lcRank: number;
  /** Places gained under length control (raw rank − LC rank; positive = moved up). */
  moved: number;
}

export interface JudgeLengthModel extends JudgeLengthValues {
  rows: RankedRow[];
  chosen: RankedRow;
  riser: RankedRow;
  faller: RankedRow;
  /** Spearman correlation of the raw and the length-controlled win rates. */
  rho: number;
  /** Pearson correlation of log(average length) with the raw and with the LC win rate. */
  lengthRaw: number;
  lengthLc: number;
  /** Models whose rank differs between the two columns. */
  changed: number;
}

/** Rows of the chosen view, ranked by raw and by length-controlled win rate (1 = best; ties share the mean rank). */
export function rankRows(all: readonly JudgeRow[], view: JudgeView, keep?: string): RankedRow[] {
  const rows = all.filter((r) => view === "all" || r.mode === "verified" || r.model === keep);
  const raw = averageRanks(rows.map((r) => r.winRate));
  const lc = averageRanks(rows.map((r) => r.lcWinRate));
  return rows.map((r, i) => ({ ...r, rawRank: raw[i]!, lcRank: lc[i]!, moved: raw[i]! - lc[i]! }));
}

export function deriveJudgeLength(all: readonly JudgeRow[], v: JudgeLengthValues): JudgeLengthModel {
  if (!all.some((r) => r.model === v.model))
    throw new RangeError(`"${v.model}" is not on the AlpacaEval 2 leaderboard`);
  const rows = rankRows(all, v.view, v.model);
  const logLength = rows.map((r) => Math.log(r.avgLength));
  return {
    ...v,
    rows,
    chosen: rows.find((r) => r.model === v.model)!,
    riser: rows.reduce((a, b) => (b.moved > a.moved ? b : a)),
    faller: rows.reduce((a, b) => (b.moved < a.moved ? b : a)),
    rho: spearman(
      rows.map((r) => r.winRate),
      rows.map((r) => r.lcWinRate),
    ),
    lengthRaw: pearson(
      logLength,
      rows.map((r) => r.winRate),
    ),
    lengthLc: pearson(
      logLength,
      rows.map((r) => r.lcWinRate),
    ),
    changed: rows.filter((r) => r.moved !== 0).length,
  };
}
