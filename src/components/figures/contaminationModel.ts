// The numbers of the contamination figure, without the drawing: a board with some models'
// scores inflated and re-ranked, the measured gaps of each study summarised, and the figure's
// model. Plot-free, so lessons/lesson2.ts (loaded with the page, for the prose's numbers) can use
// them without loading Observable Plot; figures/contamination.ts draws them.

import type { ContaminationRow, LeaderboardSnapshot } from "../data/types.js";
import { seededRandom } from "../stats/random.js";
import { formatPp } from "../ui/format.js";

export type Who = "random" | "bottom" | "top";

export interface InflatedRow {
  model: string;
  /** The score as measured (0–1). */
  trueScore: number;
  /** After inflation (0–1, capped at 1). */
  shownScore: number;
  contaminated: boolean;
  trueRank: number;
  shownRank: number;
}

/** Ranks 1…n by score, best first; equal scores keep their input order. */
function ranksOf(scores: readonly number[]): number[] {
  const order = scores.map((_, i) => i).sort((i, j) => scores[j]! - scores[i]! || i - j);
  const out = new Array<number>(scores.length);
  order.forEach((i, pos) => {
    out[i] = pos + 1;
  });
  return out;
}

/**
 * Add `inflationPp` points to a share of the models (chosen at random with a seed, or the
 * weakest or strongest ones) and rank the board before and after.
 */
export function inflateBoard(
  board: readonly { model: string; score: number }[],
  {
    inflationPp,
    share,
    who = "random" as Who,
    seed = 1,
  }: { inflationPp: number; share: number; who?: Who; seed?: number },
): InflatedRow[] {
  const m = board.length;
  const count = Math.round(Math.min(1, Math.max(0, share)) * m);
  const trueRanks = ranksOf(board.map((b) => b.score));
  let chosen: number[];
  if (who === "random") {
    const rng = seededRandom(seed);
    const idx = board.map((_, i) => i);
    for (let i = m - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    chosen = idx.slice(0, count);
  } else {
    const byRank = board.map((_, i) => i).sort((i, j) => trueRanks[i]! - trueRanks[j]!);
    chosen = who === "top" ? byRank.slice(0, count) : byRank.slice(m - count);
  }
  const hit = new Set(chosen);
  const shown = board.map((b, i) => (hit.has(i) ? Math.min(1, b.score + inflationPp / 100) : b.score));
  const shownRanks = ranksOf(shown);
  return board.map((b, i) => ({
    model: b.model,
    trueScore: b.score,
    shownScore: shown[i]!,
    contaminated: hit.has(i),
    trueRank: trueRanks[i]!,
    shownRank: shownRanks[i]!,
  }));
}

export const studyLabels: Record<ContaminationRow["study"], string> = {
  gsm1k: "GSM8K − GSM1k (paper v4)",
  "gsm1k-v1": "GSM8K − GSM1k (paper v1)",
  "mmlu-cf": "MMLU − MMLU-CF",
  "clean-dirty": "Llama-2 70B: dirty − clean",
};

export const studySources: Record<ContaminationRow["study"], string> = {
  gsm1k:
    "Zhang et al. 2024, arXiv 2405.00332v4, Appendix F (63 models; transcription via harshit-malik-nyu/ranksafe)",
  "gsm1k-v1": "scaleapi/gsm1k_eval loglikelihood/scale_diff.csv@39294c6 (paper v1, 52 models)",
  "mmlu-cf":
    "microsoft/MMLU-CF README.md@fd89eef (arXiv 2412.15194, 44 models; new questions, so difficulty differs too)",
  "clean-dirty":
    "Li et al. 2023, arXiv 2310.17589, liyucheng09/Contamination_Detector readme.md@010a0bb (Llama-2 70B)",
};

/** A row that averages other rows of its study (Li et al.'s "Average" line): not a measurement of its own. */
export const isAverageRow = (r: Pick<ContaminationRow, "benchmark">) => /^average\b/i.test(r.benchmark);

/** Per study: how many measurements, the median and the range of the gaps (pp); averages of other rows left out. */
export function gapSummary(rows: readonly ContaminationRow[]) {
  const measurements = rows.filter((r) => !isAverageRow(r));
  const studies = [...new Set(measurements.map((r) => r.study))];
  return studies.map((study) => {
    const gaps = measurements
      .filter((r) => r.study === study)
      .map((r) => r.gapPp)
      .sort((a, b) => a - b);
    const mid = gaps.length / 2;
    const median = gaps.length % 2 ? gaps[Math.floor(mid)]! : (gaps[mid - 1]! + gaps[mid]!) / 2;
    return {
      study,
      count: gaps.length,
      median,
      min: gaps[0]!,
      max: gaps[gaps.length - 1]!,
      /** Measurements where the familiar test scored higher than the fresh or clean one. */
      positive: gaps.filter((g) => g > 0).length,
    };
  });
}

export type GapSummary = ReturnType<typeof gapSummary>[number];

/**
 * Presets at the measured gaps: the median and the largest GSM8K − GSM1k gap (paper v4), and a
 * weakest quarter and an everyone case at that largest gap.
 */
export function measuredPresets(summaries: readonly GapSummary[]) {
  const gsm = summaries.find((s) => s.study === "gsm1k");
  if (!gsm) return [{ label: "Everyone +5 pp", values: { inflation: 5, share: 1 } }];
  const half = (x: number) => Math.max(0, Math.min(10, Math.round(2 * x) / 2));
  const median = half(gsm.median);
  const largest = half(gsm.max);
  return [
    {
      label: `Near the GSM1k median gap (${formatPp(gsm.median / 100, 1)}): +${formatPp(median / 100, 1)} for a random quarter`,
      values: { inflation: median, share: 0.25, who: "random" as Who },
    },
    {
      label: `Largest GSM1k gap: +${formatPp(largest / 100, 1)} for a random quarter`,
      values: { inflation: largest, share: 0.25, who: "random" as Who },
    },
    {
      label: `Weakest quarter +${formatPp(largest / 100, 1)}`,
      values: { inflation: largest, share: 0.25, who: "bottom" as Who },
    },
    { label: "Everyone +5 pp", values: { inflation: 5, share: 1 } },
  ];
}

/** The figure's controls. */
export interface ContaminationValues extends Record<string, unknown> {
  /** Points added to each contaminated model's score. */
  inflation: number;
  /** Share of the board's models contaminated, 0–1. */
  share: number;
  who: Who;
  /** The board's benchmark key, e.g. "mmlu". */
  benchmark: string;
  seed: number;
}

/** Everything the figure shows at one setting. */
export interface ContaminationModel {
  values: ContaminationValues;
  boardLabel: string;
  /** The benchmark's label, e.g. "MMLU (5-shot)", and its name alone, e.g. "MMLU". */
  benchmarkLabel: string;
  benchmarkName: string;
  /** Every model, in the board's order, before and after the inflation. */
  rows: InflatedRow[];
  /** The same rows in the order shown, by the inflated score. */
  ordered: InflatedRow[];
  /** Models whose rank changes, and how many were inflated. */
  moved: number;
  contaminated: number;
  /** The largest climb (places; 0 if no model climbs), the first model with it. */
  biggest: { model: string; from: number; to: number; climb: number };
  summaries: GapSummary[];
  /** The measured gaps (averages of other rows left out), each with its study's label. */
  gaps: (ContaminationRow & { label: string })[];
  /** The gap axis (pp): every measured gap, and at least −6 to 18. */
  gapDomain: [number, number];
}

/** The figure's model (pure): `summaries` is gapSummary(measured), computed once by the figure. */
export function deriveContamination(
  v: ContaminationValues,
  { board, measured }: { board: LeaderboardSnapshot; measured: readonly ContaminationRow[] },
  summaries: readonly GapSummary[] = gapSummary(measured),
): ContaminationModel {
  const meta = board.benchmarks.find((b) => b.key === v.benchmark) ?? board.benchmarks[0]!;
  const entries = board.known
    .map((m) => ({ model: m.model, score: m.scores[meta.key]! }))
    .filter((e) => Number.isFinite(e.score));
  const rows = inflateBoard(entries, { inflationPp: v.inflation, share: v.share, who: v.who, seed: v.seed });
  // The first model (in the board's order) with the largest climb; climbs sum to 0, so it is ≥ 0.
  const top = rows.reduce((b, r) => (r.trueRank - r.shownRank > b.trueRank - b.shownRank ? r : b), rows[0]!);
  const biggest = {
    model: top.model,
    from: top.trueRank,
    to: top.shownRank,
    climb: top.trueRank - top.shownRank,
  };
  const gapsPp = measured.map((r) => r.gapPp);
  return {
    values: v,
    boardLabel: board.label,
    benchmarkLabel: meta.label,
    benchmarkName: meta.label.replace(/ \(.*/, ""),
    rows,
    ordered: [...rows].sort((a, b) => a.shownRank - b.shownRank),
    moved: rows.filter((r) => r.shownRank !== r.trueRank).length,
    contaminated: rows.filter((r) => r.contaminated).length,
    biggest,
    summaries: [...summaries],
    gaps: measured.filter((r) => !isAverageRow(r)).map((r) => ({ ...r, label: studyLabels[r.study] })),
    gapDomain: [Math.min(-6, Math.floor(Math.min(...gapsPp))), Math.max(18, Math.ceil(Math.max(...gapsPp)))],
  };
}
