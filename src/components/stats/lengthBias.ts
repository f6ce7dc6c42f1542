// Judged win rates and how a ranking moves: rank correlation, and a toy judge whose verdict adds a
// preference for longer answers to the quality difference (a simulation, not AlpacaEval's own
// length-controlled model, which fits a regression on each model's per-instruction judgements).

/** Pearson correlation of two equally long lists. */
export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  if (n !== y.length || n < 2)
    throw new RangeError(`pearson needs two lists of the same length ≥ 2 (got ${n} and ${y.length})`);
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Ranks 1…n, 1 = largest, ties sharing the mean of the ranks they span (as R's rank(-x)). */
export function averageRanks(x: readonly number[]): number[] {
  const order = x.map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v);
  const ranks = new Array<number>(x.length);
  for (let s = 0; s < order.length; ) {
    let e = s;
    while (e + 1 < order.length && order[e + 1]!.v === order[s]!.v) e++;
    for (let j = s; j <= e; j++) ranks[order[j]!.i] = (s + e) / 2 + 1;
    s = e + 1;
  }
  return ranks;
}

/** Spearman's rank correlation (Pearson on average ranks). */
export function spearman(x: readonly number[], y: readonly number[]): number {
  return pearson(averageRanks(x), averageRanks(y));
}

export const logit = (p: number) => Math.log(p / (1 - p));
export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * The toy judge: the chance it prefers a model's answer over the baseline's, when the model's
 * quality alone would win a share `quality` (0–1) and the judge adds `bias` logits for every
 * doubling of the answer's length relative to the baseline's: σ(logit(q) + bias·log2(len/baseLen)).
 */
export function judgedWinRate(quality: number, length: number, baseLength: number, bias: number): number {
  if (!(quality > 0 && quality < 1)) throw new RangeError(`quality must be in (0, 1), got ${quality}`);
  if (!(length > 0 && baseLength > 0)) throw new RangeError("answer lengths must be positive");
  return sigmoid(logit(quality) + bias * Math.log2(length / baseLength));
}
