// Calibration: does a model's stated confidence match how often it is right?
// A reliability diagram groups answers by stated confidence into equal-width bins and compares
// each bin's mean confidence with its accuracy; the expected calibration error (ECE) is the
// count-weighted mean gap (Naeini, Cooper & Hauskrecht 2015; Guo et al. 2017, arXiv 1706.04599).

export interface ReliabilityBin {
  /** Bin edges on the confidence scale: [lower, upper), the last bin also holds 1. */
  lower: number;
  upper: number;
  /** Answers whose stated confidence falls in the bin. */
  count: number;
  /** Mean stated confidence in the bin (NaN when empty). */
  meanConfidence: number;
  /** Share of the bin's answers that were right (NaN when empty). */
  accuracy: number;
}

export interface CalibrationSummary {
  bins: ReliabilityBin[];
  /** Σ (count / N) · |accuracy − meanConfidence| over non-empty bins. */
  ece: number;
  /** The largest |accuracy − meanConfidence| over non-empty bins. */
  mce: number;
  /** Mean stated confidence over all answers. */
  meanConfidence: number;
  /** Share of all answers that were right. */
  accuracy: number;
  n: number;
}

function check(confidence: ArrayLike<number>, correct: ArrayLike<number | boolean>, bins: number): void {
  if (confidence.length !== correct.length) {
    throw new RangeError(
      `confidence and correct must have the same length (${confidence.length} vs ${correct.length})`,
    );
  }
  if (confidence.length < 1) throw new RangeError("calibration needs at least one answer");
  if (!Number.isInteger(bins) || bins < 1)
    throw new RangeError(`bins must be an integer ≥ 1, got ${String(bins)}`);
  for (let i = 0; i < confidence.length; i++) {
    const c = confidence[i]!;
    if (!(Number.isFinite(c) && c >= 0 && c <= 1)) {
      throw new RangeError(`confidence[${i}] must be a probability in [0, 1], got ${String(c)}`);
    }
  }
}

/** The equal-width bin a confidence falls in: [k/bins, (k+1)/bins), with 1 in the last bin. */
export function binIndex(confidence: number, bins: number): number {
  return Math.min(bins - 1, Math.floor(confidence * bins));
}

/** Reliability-diagram bins for answers with stated confidences and right/wrong outcomes. */
export function reliabilityBins(
  confidence: ArrayLike<number>,
  correct: ArrayLike<number | boolean>,
  { bins = 10 }: { bins?: number } = {},
): ReliabilityBin[] {
  check(confidence, correct, bins);
  const count = new Float64Array(bins);
  const confSum = new Float64Array(bins);
  const rightSum = new Float64Array(bins);
  for (let i = 0; i < confidence.length; i++) {
    const b = binIndex(confidence[i]!, bins);
    count[b]!++;
    confSum[b]! += confidence[i]!;
    rightSum[b]! += correct[i] ? 1 : 0;
  }
  return Array.from({ length: bins }, (_, b) => ({
    lower: b / bins,
    upper: (b + 1) / bins,
    count: count[b]!,
    meanConfidence: count[b]! > 0 ? confSum[b]! / count[b]! : Number.NaN,
    accuracy: count[b]! > 0 ? rightSum[b]! / count[b]! : Number.NaN,
  }));
}

/** Reliability bins plus expected and maximum calibration error, mean confidence and accuracy. */
export function calibrationSummary(
  confidence: ArrayLike<number>,
  correct: ArrayLike<number | boolean>,
  { bins = 10 }: { bins?: number } = {},
): CalibrationSummary {
  const table = reliabilityBins(confidence, correct, { bins });
  const n = confidence.length;
  let ece = 0;
  let mce = 0;
  let conf = 0;
  let right = 0;
  for (const bin of table) {
    if (bin.count === 0) continue;
    const gap = Math.abs(bin.accuracy - bin.meanConfidence);
    ece += (bin.count / n) * gap;
    mce = Math.max(mce, gap);
    conf += bin.meanConfidence * bin.count;
    right += bin.accuracy * bin.count;
  }
  return { bins: table, ece, mce, meanConfidence: conf / n, accuracy: right / n, n };
}

/** Expected calibration error with equal-width bins. */
export function expectedCalibrationError(
  confidence: ArrayLike<number>,
  correct: ArrayLike<number | boolean>,
  { bins = 10 }: { bins?: number } = {},
): number {
  return calibrationSummary(confidence, correct, { bins }).ece;
}
