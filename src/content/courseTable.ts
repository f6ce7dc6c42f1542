// The course's table of five benchmarks (Lesson 3), with the values the course prints.
// The site recomputes every number from data/benchmarks.csv; these printed values are kept
// only to show (and test) that the live numbers reproduce the course.

export interface CourseBenchmark {
  benchmark: string;
  /** The split whose N the course uses (HellaSwag's labelled split is validation). */
  split: string;
  /** The course's "Approx. 95% CI at 80% acc." in pp, as printed. */
  printedHalfWidthPp: number;
  /** The course's "Min. meaningful diff." column, as printed (a rule of thumb). */
  printedMinDiff: string;
}

export const courseBenchmarks: readonly CourseBenchmark[] = [
  { benchmark: "MMLU", split: "test", printedHalfWidthPp: 0.66, printedMinDiff: "~2 pp" },
  { benchmark: "GSM8K", split: "test", printedHalfWidthPp: 2.15, printedMinDiff: "~5 pp" },
  { benchmark: "HumanEval", split: "test", printedHalfWidthPp: 6.1, printedMinDiff: "~10 pp" },
  { benchmark: "HellaSwag", split: "validation", printedHalfWidthPp: 0.78, printedMinDiff: "~2–3 pp" },
  { benchmark: "ARC-Challenge", split: "test", printedHalfWidthPp: 2.3, printedMinDiff: "~5 pp" },
];
