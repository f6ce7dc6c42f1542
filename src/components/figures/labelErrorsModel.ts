// The MMLU-Redux label-error model without the drawing: each subject's share of bad answer keys
// and what such a key does to two models' measured scores. The page's prose reads it before
// figures/labelErrors.ts (which draws it with Plot) is loaded.
import type { ReduxData, ReduxSubject } from "../deeper/types.js";
import { proportionInterval } from "../stats/intervals.js";
import { gapFactor, measurableCeiling, measuredAccuracy } from "../stats/labelNoise.js";

/** Options per MMLU question. */
const OPTIONS = 4;
/** The pooled row's key in the subject control. */
export const ALL_SUBJECTS = "all";

/** A subject's bad keys: a wrong key or no right option among the four. */
export const badKeys = (s: Pick<ReduxSubject, "wrongKey" | "noCorrect">) => s.wrongKey + s.noCorrect;
/** "high_school_us_history" → "High school us history". */
export const subjectLabel = (s: string) =>
  s === ALL_SUBJECTS ? "All 57 subjects" : (s[0]!.toUpperCase() + s.slice(1)).replaceAll("_", " ");

export interface SubjectRate {
  subject: string;
  label: string;
  bad: number;
  n: number;
  /** Share of bad keys, with its Wilson 95% interval (from the 100 re-annotated questions). */
  rate: number;
  lower: number;
  upper: number;
  /** Every flagged question (also unclear, several right options, needs an expert). */
  flagged: number;
}

/** The subjects' bad-key rates, worst first, with the pooled row first of all. */
export function subjectRates(data: ReduxData): SubjectRate[] {
  const rate = (subject: string, bad: number, n: number, flagged: number): SubjectRate => {
    const ci = proportionInterval(bad, n, { method: "wilson" });
    return {
      subject,
      label: subjectLabel(subject),
      bad,
      n,
      rate: bad / n,
      lower: ci.lower,
      upper: ci.upper,
      flagged,
    };
  };
  const sum = (f: (s: ReduxSubject) => number) => data.subjects.reduce((a, s) => a + f(s), 0);
  const pooled = rate(
    ALL_SUBJECTS,
    sum(badKeys),
    sum((s) => s.n),
    sum((s) => s.n - s.ok),
  );
  const each = data.subjects
    .map((s) => rate(s.subject, badKeys(s), s.n, s.n - s.ok))
    .sort((a, b) => b.rate - a.rate || a.subject.localeCompare(b.subject));
  return [pooled, ...each];
}

export interface LabelErrorsValues {
  subject: string;
  a: number;
  b: number;
}

export interface LabelErrorsModel extends LabelErrorsValues {
  chosen: SubjectRate;
  /** The worst subjects (and the chosen one), for the strip. */
  strip: SubjectRate[];
  curve: { truth: number; measured: number }[];
  ceiling: number;
  factor: number;
  measuredA: number;
  measuredB: number;
  trueGap: number;
  measuredGap: number;
}

const STRIP = 12;

export function deriveLabelErrors(v: LabelErrorsValues, rates: readonly SubjectRate[]): LabelErrorsModel {
  const chosen = rates.find((r) => r.subject === v.subject) ?? rates[0]!;
  const e = chosen.rate;
  const top = rates.slice(0, STRIP + 1);
  const strip = top.includes(chosen) ? top : [...top, chosen];
  const curve = Array.from({ length: 76 }, (_, i) => {
    const truth = 0.25 + i / 100;
    return { truth, measured: measuredAccuracy(truth, e, OPTIONS) };
  });
  const measuredA = measuredAccuracy(v.a, e, OPTIONS);
  const measuredB = measuredAccuracy(v.b, e, OPTIONS);
  return {
    ...v,
    chosen,
    strip,
    curve,
    ceiling: measurableCeiling(e, OPTIONS),
    factor: gapFactor(e, OPTIONS),
    measuredA,
    measuredB,
    trueGap: v.a - v.b,
    measuredGap: measuredA - measuredB,
  };
}
