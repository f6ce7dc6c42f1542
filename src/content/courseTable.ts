// Lesson 3's table of five benchmarks, with the values the seed material prints for it.
// The site recomputes every half-width from data/benchmarks.csv; the printed half-widths are kept
// only as a quiet check (a data attribute and the tests), and the rule-of-thumb column is shown as
// the shorthand it is, beside what a test requires.

export interface CourseBenchmark {
  benchmark: string;
  /** The split whose N the table uses (HellaSwag's labelled split is validation). */
  split: string;
  /** "Approx. 95% CI at 80% acc." in pp, as printed in the seed material. */
  printedHalfWidthPp: number;
  /** "Min. meaningful diff.", as printed (a rule of thumb). */
  printedMinDiff: string;
}

export const courseBenchmarks: readonly CourseBenchmark[] = [
  { benchmark: "MMLU", split: "test", printedHalfWidthPp: 0.66, printedMinDiff: "~2 pp" },
  { benchmark: "GSM8K", split: "test", printedHalfWidthPp: 2.15, printedMinDiff: "~5 pp" },
  { benchmark: "HumanEval", split: "test", printedHalfWidthPp: 6.1, printedMinDiff: "~10 pp" },
  { benchmark: "HellaSwag", split: "validation", printedHalfWidthPp: 0.78, printedMinDiff: "~2–3 pp" },
  { benchmark: "ARC-Challenge", split: "test", printedHalfWidthPp: 2.3, printedMinDiff: "~5 pp" },
];
