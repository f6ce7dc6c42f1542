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
