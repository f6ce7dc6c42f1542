// Aggregating per-subject results into one score: the micro-average (every question weighs the
// same, so large subjects dominate) and the macro-average (every subject weighs the same, so a
// 100-question subject counts as much as a 1,534-question one), with their standard errors.

export interface SubjectResult {
  /** Questions in the subject. */
  n: number;
  /** Accuracy on the subject, 0–1 (may be an expected value, so not necessarily k/n). */
  accuracy: number;
}

export interface Averages {
  micro: number;
  macro: number;
  /** macro − micro (positive when the model does better on small subjects). */
  difference: number;
  /** Standard error of each, treating questions as independent draws within subjects. */
  microSe: number;
  macroSe: number;
  totalN: number;
}

function check(subjects: readonly SubjectResult[]) {
  if (subjects.length === 0) throw new RangeError("aggregate: no subjects");
  for (const s of subjects) {
    if (!(Number.isInteger(s.n) && s.n > 0))
      throw new RangeError(`aggregate: subject size ${s.n} is not a positive integer`);
    if (!(s.accuracy >= 0 && s.accuracy <= 1))
      throw new RangeError(`aggregate: accuracy ${s.accuracy} is outside 0–1`);
  }
}

/** Weight of each subject in the micro-average: n_s / Σn. */
export function microWeights(subjects: readonly { n: number }[]): number[] {
  const total = subjects.reduce((sum, s) => sum + s.n, 0);
  return subjects.map((s) => s.n / total);
}

/** Weight of each subject in the macro-average: 1 / (number of subjects). */
export function macroWeights(subjects: readonly { n: number }[]): number[] {
  return subjects.map(() => 1 / subjects.length);
}

/** Mean over questions: Σ n_s·acc_s / Σ n_s. */
export function microAverage(subjects: readonly SubjectResult[]): number {
  check(subjects);
  const w = microWeights(subjects);
  return subjects.reduce((sum, s, i) => sum + w[i]! * s.accuracy, 0);
}

/** Mean over subjects: Σ acc_s / S. */
export function macroAverage(subjects: readonly SubjectResult[]): number {
  check(subjects);
  return subjects.reduce((sum, s) => sum + s.accuracy, 0) / subjects.length;
}

/**
 * Both averages and their standard errors. Each subject's accuracy is a proportion with variance
 * acc(1−acc)/n; an average with weights w has variance Σ w² acc(1−acc)/n (subjects independent).
 * For the micro-average this reduces to the familiar √(p(1−p)/N) when every subject has the same accuracy.
 */
export function averages(subjects: readonly SubjectResult[]): Averages {
  check(subjects);
  const micro = microAverage(subjects);
  const macro = macroAverage(subjects);
  const wMicro = microWeights(subjects);
  const wMacro = macroWeights(subjects);
  let vMicro = 0;
  let vMacro = 0;
  subjects.forEach((s, i) => {
    const v = (s.accuracy * (1 - s.accuracy)) / s.n;
    vMicro += wMicro[i]! ** 2 * v;
    vMacro += wMacro[i]! ** 2 * v;
  });
  return {
    micro,
    macro,
    difference: macro - micro,
    microSe: Math.sqrt(vMicro),
    macroSe: Math.sqrt(vMacro),
    totalN: subjects.reduce((sum, s) => sum + s.n, 0),
  };
}

/**
 * Per-subject accuracies for a teaching model whose skill depends on subject size:
 * acc_s = base + tilt·z_s, where z_s is the subject's standardised log size (mean 0, SD 1 over the
 * subjects), clamped to [0.02, 0.98]. tilt > 0: strong on large subjects; tilt < 0: strong on small ones.
 */
export function tiltedAccuracies(
  sizes: readonly number[],
  { base, tilt }: { base: number; tilt: number },
): number[] {
  const logs = sizes.map((n) => Math.log(n));
  const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
  const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / logs.length) || 1;
  return logs.map((l) => Math.min(0.98, Math.max(0.02, base + (tilt * (l - mean)) / sd)));
}
