// Shapes of the tables the data loaders in src/data emit (one source of truth for pages and components).

export interface Benchmark {
  benchmark: string;
  split: string;
  n: number;
  task_type: string;
  metric: string;
  source: string;
  note: string | null;
  /** 95% normal-approximation half-width in pp at accuracies 0.5 … 0.95 (keys are the accuracy). */
  halfWidthPp: Record<string, number>;
}

/** One published score with the methodology behind it (data/published_scores.csv). */
export interface PublishedScore {
  model: string;
  model_family: string | null;
  variant: string | null;
  params_b: number | null;
  params_source: string | null;
  release_date: string | null;
  benchmark: string;
  /** 0–100. */
  score: number;
  metric: string | null;
  /** Shot count as published: "0", "5", "3-5", "not stated", or null. */
  shots: string | null;
  /** "no", "yes", "yes (zero-shot CoT)", "not stated". */
  cot: string;
  extra_setting: string | null;
  evaluator: string;
  /** "self-reported", "third-party", "self-reported (own harness)", "third-party (…)", … */
  evaluator_type: string;
  source: string;
  note: string | null;
}

/** One MMLU subject (data/mmlu_subjects.csv). */
export interface MmluSubject {
  subject: string;
  category: string;
  subcategory: string;
  n_test: number;
  n_validation: number;
  n_dev: number;
}

/**
 * Per-question correctness of models on MMLU-Pro (data/mmlu_pro_correct_matrix.csv), as emitted
 * by src/data/mmlu-pro-correct.json.ts and decoded by components/data/mmluProMatrix.ts.
 */
export interface MmluProCorrectMatrix {
  /** Number of questions (rows of the CSV), 12,032. */
  questions: number;
  models: MmluProModelBits[];
}

export interface MmluProModelBits {
  /** Column name in the CSV, e.g. "Llama-2-70b-hf". */
  name: string;
  /** Questions this model has a result for (the rest are missing from its output file). */
  items: number;
  /** Questions it answered correctly. */
  correct: number;
  /** Base64 bitset: bit i (byte i >> 3, bit i & 7) set when question i was answered correctly. */
  bits: string;
  /** Base64 bitset of the questions with a result; null when the model has all of them. */
  present: string | null;
}

// ---- Lesson 2: leaderboards (src/data/leaderboard.json.ts, arena.json.ts, contamination.json.ts) ----

/** A benchmark column of an Open LLM Leaderboard snapshot, with the test-set size behind it. */
export interface LeaderboardBenchmark {
  key: string;
  label: string;
  /** Questions in the test set (from data/benchmarks.csv). */
  n: number;
  /** How the leaderboard scored it, and any caveat about treating the score as k of N. */
  note: string;
}

/** One model's row in a leaderboard snapshot; scores are proportions (0–1) keyed by benchmark. */
export interface LeaderboardModel {
  model: string;
  /** The leaderboard's own average (v1: mean of six, 0–100; v2: normalised mean, 0–100). */
  average: number;
  scores: Record<string, number>;
  type: string;
  flagged: boolean;
  merged: boolean;
  params_b: number | null;
}

export interface LeaderboardSnapshot {
  id: "v1" | "v2";
  label: string;
  date: string;
  source: string;
  totalModels: number;
  benchmarks: LeaderboardBenchmark[];
  /** The top of the board by average (one row per model name). */
  top: LeaderboardModel[];
  /** Widely known base and chat models, for a board of familiar names. */
  known: LeaderboardModel[];
}

/**
 * Per-category right answers of many models on one benchmark (MMLU-Pro), for category ranks.
 * Counted on the questions every model has a result for (see `coverage`), so that no model is
 * ranked on an easier or smaller set of questions than the others.
 */
export interface CategoryBoard {
  source: string;
  /** Categories with their number of questions (the common questions). */
  categories: { category: string; n: number }[];
  models: string[];
  /** counts[model][category] = [right, answered]; category "all" is the whole test. */
  counts: Record<string, Record<string, [number, number]>>;
  /** What was left out to compare every model on the same questions (absent: nothing was). */
  coverage?: CategoryCoverage;
}

export interface CategoryCoverage {
  /** Questions in the test. */
  questions: number;
  /** Questions every model has a result for: the ones counted. */
  common: number;
  /** Per category: all its questions and the common ones. */
  categories: { category: string; all: number; common: number }[];
  /** Models without a result for some questions, most missing first. */
  incomplete: { model: string; missing: number; byCategory: Record<string, number> }[];
}

export interface Leaderboards {
  mmluPro: CategoryBoard;
  /** A few published scores (subset of PublishedScore) for the same model and benchmark from several evaluators. */
  published: Pick<PublishedScore, "model" | "benchmark" | "score" | "shots" | "extra_setting" | "evaluator" | "evaluator_type" | "source">[];
  v1: LeaderboardSnapshot;
  v2: LeaderboardSnapshot;
}

/** One model in a Chatbot Arena snapshot (Elo-scale rating with its 95% interval). */
export interface ArenaRow {
  model: string;
  rating: number;
  lower: number;
  upper: number;
  votes: number;
  /** The Arena's published rank (1 + models whose interval lies wholly above). */
  rank: number;
  /** The rank with style control (from 2024-10 on), else null. */
  rankStyle: number | null;
  organization: string;
}

export interface ArenaSnapshot {
  date: string;
  /** Models in the full snapshot (the rows hold only the top of it). */
  total: number;
  commit: string;
  rows: ArenaRow[];
}

export interface ArenaData {
  /** The latest snapshot, in full (data/arena_leaderboard.csv). */
  latest: ArenaSnapshot;
  /** Every snapshot of the history, each cut to its top models by rating (compact; see ArenaHistoryDigest). */
  history: ArenaHistoryDigest;
  source: string;
}

/**
 * The Arena history, compactly: each row is [model index, rating, lower, upper, votes, rank,
 * rank with style control or null], the model index pointing into `models`.
 */
export interface ArenaHistoryDigest {
  models: string[];
  snapshots: {
    date: string;
    total: number;
    commit: string;
    rows: [number, number, number, number, number, number, number | null][];
  }[];
}

/** One measured contamination gap (data/contamination.csv). */
export interface ContaminationRow {
  /** Which study: "gsm1k" (paper v4, with both accuracies), "gsm1k-v1" (gap only), "mmlu-cf", "clean-dirty". */
  study: "gsm1k" | "gsm1k-v1" | "mmlu-cf" | "clean-dirty";
  model: string;
  benchmark: string;
  /** 0–100, null where the source gives only the gap. */
  clean: number | null;
  original: number | null;
  /** original − clean, in pp. */
  gapPp: number;
  method: string;
  source: string;
}

// ---- Lesson 1 ----

/** Rule ids of src/components/scoring/extractionRules.ts, plus "repo": the letter MMLU-Pro's authors stored. */
export type ExtractionColumn = "start" | "firstCapital" | "answerIs" | "lastLetter" | "fallbackChain" | "repo";

/** One sampled MMLU-Pro question (data/mmlu_pro_questions_sample.jsonl), without its text. */
export interface ExtractionQuestion {
  id: number;
  category: string;
  gold: string;
  nOptions: number;
}

/** A response on which the rules disagree about correctness, excerpted around what each rule matched. */
export interface ExtractionExample {
  model: string;
  /** Index into ExtractionSamples.questions. */
  question: number;
  /** Question text (trimmed) and the options the rules or the gold point at. */
  questionText: string;
  options: Record<string, string>;
  /** Excerpt: plain text, or [letter, rules that picked this letter at this position]; "…" marks cuts. */
  parts: (string | [string, ExtractionColumn[]])[];
  /** Length of the full response, in characters. */
  length: number;
  /** Letter per rule ("" = none). */
  letters: Record<ExtractionColumn, string>;
}

/** data/extraction_samples.jsonl, scored at build time by every extraction rule (extraction-samples.json). */
export interface ExtractionSamples {
  columns: ExtractionColumn[];
  models: string[];
  questions: ExtractionQuestion[];
  /** letters[model][column]: one character per question, in question order; "-" = no letter found. */
  letters: Record<string, Record<ExtractionColumn, string>>;
  examples: ExtractionExample[];
}

/** Macro vs micro averages a lab published for the same runs (data/micro_macro.csv). */
export interface MicroMacroRow {
  model: string;
  variant: string;
  benchmark: string;
  shots: string;
  cot: string;
  macro: number;
  micro: number;
  /** macro − micro, pp. */
  diff: number;
  source: string;
}

/** Accuracy of one model on all 12,032 MMLU-Pro questions under several extraction rules (data/mmlu_pro_extraction_rule_effects.csv). */
export interface RuleEffectRow {
  model: string;
  n: number;
  /** Accuracy (%) with the letter the benchmark's authors stored. */
  stored: number;
  /** "answer is (X)" only, unparsed = wrong. */
  answerIs: number;
  unparsedAnswerIs: number;
  /** "answer is (X)" plus the expected value of a random guess for each unparsed response. */
  answerIsGuess: number;
  /** … then "Answer: X". */
  answerColon: number;
  /** … then the last standalone capital letter (the fallback chain). */
  chain: number;
  unparsedChain: number;
}
