// The benchmark signal-to-noise model without the drawing: how far apart a board's top models are
// on one benchmark, set against each score's sampling (and run-to-run) noise. The page's prose
// reads it before figures/benchmarkSignal.ts (which draws it with Plot) is loaded.
import type { BoardBenchmark, SignalBoard, SignalData } from "../deeper/types.js";
import { zCritical } from "../stats/distributions.js";
import { type SignalNoise, scoreSe, signalNoise } from "../stats/signalNoise.js";

export interface SignalValues {
  /** "<board>:<benchmark key>", e.g. "v2:mmlu_pro_raw". */
  benchmark: string;
  /** How many of the board's top models (best average first). */
  top: number;
  /** Extra run-to-run noise (SD, percentage points) on top of sampling noise. */
  extra: number;
}

export interface SignalModel extends SignalValues {
  board: SignalBoard;
  chosen: BoardBenchmark;
  stats: SignalNoise;
  /** The models, with their score and 95% interval, best score first. */
  dots: { model: string; score: number; lower: number; upper: number }[];
  /** Every benchmark of the board at the same setting, for the bars. */
  all: { label: string; share: number; snr: number; n: number; chosen: boolean }[];
}

const parse = (id: string) => {
  const [board, key] = id.split(":");
  return { board: board ?? "", key: key ?? "" };
};

export function deriveSignal(v: SignalValues, data: SignalData): SignalModel {
  const { board: boardId, key } = parse(v.benchmark);
  const board = data.boards.find((b) => b.id === boardId) ?? data.boards[0]!;
  const chosen = board.benchmarks.find((b) => b.key === key) ?? board.benchmarks[0]!;
  const top = Math.max(2, Math.min(v.top, board.models.length));
  const extra = v.extra / 100;
  const z = zCritical(0.95);
  const all = board.benchmarks.map((b) => {
    const s = signalNoise(b.scores.slice(0, top), b.n, { extra });
    return { label: b.label, share: s.share, snr: s.snr, n: b.n, chosen: b === chosen };
  });
  const scores = chosen.scores.slice(0, top);
  const dots = scores
    .map((p, i) => {
      const half = z * scoreSe(p, chosen.n, extra);
      return { model: board.models[i]!, score: p, lower: p - half, upper: p + half };
    })
    .sort((a, b) => b.score - a.score);
  return { ...v, top, board, chosen, stats: signalNoise(scores, chosen.n, { extra }), dots, all };
}
