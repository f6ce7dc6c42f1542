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
