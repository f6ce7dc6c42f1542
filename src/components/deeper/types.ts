// The data shapes of the "Going deeper" pages 4–6 (label errors, signal and noise), as their loaders emit them.

/** One MMLU subject re-annotated by MMLU-Redux: counts of each verdict among its questions. */
export interface ReduxSubject {
  subject: string;
  n: number;
  ok: number;
  wrongKey: number;
  noCorrect: number;
  multipleCorrect: number;
  unclear: number;
  expert: number;
}

export interface ReduxData {
  subjects: ReduxSubject[];
  source: string;
}

/** One benchmark of a leaderboard: its size and every listed model's raw score on it. */
export interface BoardBenchmark {
  key: string;
  label: string;
  n: number;
  note: string;
  /** Scores (proportions) in the board's order (best average first). */
  scores: number[];
}

export interface SignalBoard {
  id: "v1" | "v2";
  label: string;
  models: string[];
  benchmarks: BoardBenchmark[];
}

export interface SignalData {
  boards: SignalBoard[];
  source: string;
}
