// "Is the gap between two scores real?" — two published accuracies on a benchmark of n
// questions, compared as independent samples (two-proportion z-test) or as paired results on
// the same questions, described either by the correlation of the models' per-question results
// or by how many questions they disagree on (McNemar's test).
import { format } from "d3-format";
import { zCritical } from "./distributions.js";
import { proportionInterval } from "./intervals.js";
import { type PairCounts, pairedFromCounts } from "./pairedCounts.js";
import { minimumDetectableDifference } from "./power.js";
import { twoProportionTest } from "./tests.js";

/** 14,042: d3-format, since the first toLocaleString builds an Intl locale (≈40 ms). */
const thousands = format(",");

export type GapDesign = "independent" | "correlation" | "discordant";

export interface GapInput {
  /** Accuracies as proportions in [0, 1]. */
  a: number;
  b: number;
  /** Questions (each model answered all n). */
  n: number;
  design: GapDesign;
  /** For "correlation": Pearson correlation of the two models' 0/1 results. */
  correlation?: number;
  /** For "discordant": share of questions the models disagree on (one right, one wrong). */
  disagree?: number;
  confidence?: number;
}

export interface GapResult {
  design: GapDesign;
  n: number;
  kA: number;
  kB: number;
  /** pA − pB from the rounded counts. */
  diff: number;
  se: number;
  lower: number;
  upper: number;
  pValue: number;
  test: "two-proportion z-test" | "McNemar's exact test";
  /** SE of one score at the mean accuracy, and the ratio se / seOne (√2 for independent at equal p). */
  seOne: number;
  ratio: number;
  /** Smallest gap found 80% of the time by a two-sided test at this n (and correlation). */
  mdd: number;
  /** The interval of the difference excludes zero. */
  separated: boolean;
  /** For paired designs: the 2×2 table actually used, and its correlation. */
  counts: PairCounts | null;
  correlation: number;
  /** Set when an input had to be moved to something possible (e.g. a correlation these accuracies cannot have). */
  adjusted: string | null;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** The 2×2 table implied by two accuracies, n and a correlation (clamped to what is possible). */
export function countsFromCorrelation(kA: number, kB: number, n: number, rho: number): PairCounts {
  const pa = kA / n;
  const pb = kB / n;
  const p11 = pa * pb + rho * Math.sqrt(pa * (1 - pa) * pb * (1 - pb));
  const both = clamp(Math.round(p11 * n), Math.max(0, kA + kB - n), Math.min(kA, kB));
  return { n, aRight: kA, bRight: kB, onlyA: kA - both, onlyB: kB - both };
}

/** The range of disagreement counts two scores kA, kB out of n allow (same parity as kA − kB). */
export function disagreementRange(kA: number, kB: number, n: number): [number, number] {
  return [Math.abs(kA - kB), Math.min(kA + kB, 2 * n - kA - kB)];
}

/** The 2×2 table implied by two accuracies and the number of questions they disagree on. */
export function countsFromDisagreement(kA: number, kB: number, n: number, disagree: number): PairCounts {
  const [lo, hi] = disagreementRange(kA, kB, n);
  let d = clamp(Math.round(disagree), lo, hi);
  if ((d - lo) % 2 !== 0) d = d + 1 <= hi ? d + 1 : d - 1;
  const onlyA = (d + kA - kB) / 2;
  const onlyB = (d - (kA - kB)) / 2;
  return { n, aRight: kA, bRight: kB, onlyA, onlyB };
}

export function gapAnalysis(input: GapInput): GapResult {
  const { a, b, design, confidence = 0.95 } = input;
  const n = Math.round(input.n);
  if (!(n >= 2)) throw new RangeError(`n must be at least 2, got ${input.n}`);
  if (!(a >= 0 && a <= 1 && b >= 0 && b <= 1)) throw new RangeError("scores must be proportions in [0, 1]");
  const kA = Math.round(a * n);
  const kB = Math.round(b * n);
  const pa = kA / n;
  const pb = kB / n;
  const pBar = (pa + pb) / 2;
  const seOne = Math.sqrt((pBar * (1 - pBar)) / n);
  const alpha = 1 - confidence;
  const mddAt = (rho: number) =>
    minimumDetectableDifference(clamp(pBar, 1e-6, 1 - 1e-6), n, {
      alpha,
      paired: rho !== 0,
      correlation: rho,
    });

  if (design === "independent") {
    const t = twoProportionTest({ k: kA, n }, { k: kB, n }, { confidence });
    const se = Math.sqrt((pa * (1 - pa) + pb * (1 - pb)) / n);
    const h = zCritical(confidence) * se;
    return {
      design,
      n,
      kA,
      kB,
      diff: pa - pb,
      se,
      lower: pa - pb - h,
      upper: pa - pb + h,
      pValue: t.pValue,
      test: "two-proportion z-test",
      seOne,
      ratio: seOne === 0 ? Number.NaN : se / seOne,
      mdd: mddAt(0),
      separated: pa - pb - h > 0 || pa - pb + h < 0,
      counts: null,
      correlation: 0,
      adjusted: null,
    };
  }

  let counts: PairCounts;
  let adjusted: string | null = null;
  if (design === "correlation") {
    const rho = input.correlation ?? 0;
    counts = countsFromCorrelation(kA, kB, n, rho);
  } else {
    const wanted = Math.round((input.disagree ?? 0) * n);
    counts = countsFromDisagreement(kA, kB, n, wanted);
    const got = counts.onlyA + counts.onlyB;
    if (got !== wanted) {
      const [lo, hi] = disagreementRange(kA, kB, n);
      adjusted =
        got === lo && wanted < lo
          ? `Two scores ${Math.abs(kA - kB)} questions apart must disagree on at least ${lo} questions; using ${got}.`
          : got === hi && wanted > hi
            ? `These scores allow at most ${hi} disagreements; using ${got}.`
            : // Off by one for parity (b − c is fixed by the gap): rounding, like k = round(p·n), not worth a message.
              null;
    }
  }
  const r = pairedFromCounts(counts, { confidence });
  if (design === "correlation") {
    const want = input.correlation ?? 0;
    if (Math.abs(r.correlation - want) > 0.02) {
      adjusted = `Accuracies of ${(100 * pa).toFixed(1)}% and ${(100 * pb).toFixed(1)}% cannot correlate at ${want.toFixed(2)}; the closest possible is ${r.correlation.toFixed(2)}.`;
    }
  }
  return {
    design,
    n,
    kA,
    kB,
    diff: r.diff,
    se: r.se,
    lower: r.lower,
    upper: r.upper,
    pValue: r.pValue,
    test: "McNemar's exact test",
    seOne,
    ratio: seOne === 0 ? Number.NaN : r.se / seOne,
    mdd: mddAt(clamp(r.correlation, -0.99, 0.99)),
    separated: r.lower > 0 || r.upper < 0,
    counts,
    correlation: r.correlation,
    adjusted,
  };
}

/**
 * The ratio "SE of the difference ÷ SE of one score" in words. When both scores are 0% or both 100%,
 * the normal approximation gives each score a standard error of 0 and the ratio has no value: say so,
 * and give the exact (Clopper–Pearson) interval, which is not zero, instead of printing "NaN×".
 */
export function seRatioText(g: Pick<GapResult, "ratio" | "kA" | "kB" | "n">): string {
  if (Number.isFinite(g.ratio)) return `${g.ratio.toFixed(2)}×`;
  const n = thousands(g.n);
  if (g.kA === g.n && g.kB === g.n) {
    const lower = proportionInterval(g.n, g.n, { method: "clopper-pearson" }).lower;
    return `none: both scores are 100%, where the normal approximation gives each a standard error of 0. An exact 95% interval for ${n} of ${n} still reaches down to ${(100 * lower).toFixed(1)}%.`;
  }
  if (g.kA === 0 && g.kB === 0) {
    const upper = proportionInterval(0, g.n, { method: "clopper-pearson" }).upper;
    return `none: both scores are 0%, where the normal approximation gives each a standard error of 0. An exact 95% interval for 0 of ${n} still reaches up to ${(100 * upper).toFixed(1)}%.`;
  }
  return "none: a standard error is 0.";
}

export interface GapVerdict {
  /** "Beyond noise", "Beyond noise, barely", "Within noise" or "No gap". */
  label: string;
  /** One or two sentences a learner can read. */
  text: string;
}

/** Is the gap beyond noise, and could this n have seen it? In words. */
export function gapVerdict(g: GapResult, names: [string, string] = ["A", "B"]): GapVerdict {
  const gap = Math.abs(100 * g.diff).toFixed(1);
  const ahead = g.diff >= 0 ? names[0] : names[1];
  const mdd = (100 * g.mdd).toFixed(1);
  if (g.diff === 0) {
    return {
      label: "No gap",
      text: `Both scores round to the same count out of ${thousands(g.n)}.`,
    };
  }
  if (g.separated) {
    return Math.abs(g.diff) < g.mdd
      ? {
          label: "Beyond noise, barely",
          text: `${ahead} leads by ${gap} pp and the interval of the difference excludes zero — but this N finds a ${mdd} pp gap only 80% of the time, so a rerun could easily miss a gap this size.`,
        }
      : {
          label: "Beyond noise",
          text: `${ahead} leads by ${gap} pp and the interval of the difference excludes zero.`,
        };
  }
  return {
    label: "Within noise",
    text: `The interval of the difference includes zero, so a ${gap} pp lead for ${ahead} is not evidence of a real difference. At this N, gaps under about ${mdd} pp are routinely missed.`,
  };
}
