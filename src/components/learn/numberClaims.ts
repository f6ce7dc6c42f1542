// Numbers in a learner's message — "91.2% vs 89.4% on MMLU", "a 2 point gap on GSM8K",
// "100 examples" — read and answered with the statistics core at the benchmark's real test-set
// size. Pure: text and the benchmark table in, claims and computed facts out.

import { halfWidth, proportionInterval } from "../stats/intervals.js";
import { minimumDetectableDifference, sampleSizeTwoProportions } from "../stats/power.js";
import { twoProportionTest } from "../stats/tests.js";
import {
  formatCount,
  formatPercent,
  formatPercentRange,
  formatPp,
  formatPpRange,
  formatPValue,
} from "../ui/format.js";
import { normaliseNumbers } from "./numberWords.js";

/** The rows of benchmarks.json this module needs. */
export interface BenchmarkRow {
  benchmark: string;
  split: string;
  n: number;
  metric: string;
}

export interface BenchmarkSize {
  name: string;
  split: string;
  n: number;
}

export type NumberClaim =
  | { kind: "pair"; a: number; b: number; benchmark: BenchmarkSize | null }
  | { kind: "score"; p: number; benchmark: BenchmarkSize | null }
  | { kind: "gap"; gapPp: number; benchmark: BenchmarkSize | null; base: number | null }
  | { kind: "size"; n: number; gapPp: number | null; base: number | null };

export interface ComputedFact {
  kind: "pair" | "score" | "gap" | "size";
  /** One or two sentences for the learner. */
  text: string;
  /** The numbers behind the text (proportions unless named …Pp), for tests and prompts. */
  values: Record<string, number>;
}

/** Names used for a benchmark in prose besides its own (normalised: lowercase, letters and digits). */
const ALIASES: Record<string, string[]> = {
  "ARC-Challenge": ["arc", "arcc", "arcchallenge"],
  HumanEval: ["humaneval"],
  "MMLU-Pro": ["mmlupro"],
  "SWE-bench Verified": ["swebenchverified"],
  "SWE-bench Lite": ["swebenchlite"],
  "MATH-500": ["math500"],
};
/** Benchmarks whose name is also an English word: recognised only when written in capitals. */
const CAPITALS_ONLY = new Set(["DROP", "MATH"]);

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/** One size per benchmark: the first listed split that is scored (its metric isn't "-"). */
export function benchmarkSizes(rows: readonly BenchmarkRow[]): BenchmarkSize[] {
  const seen = new Map<string, BenchmarkSize>();
  for (const r of rows) {
    if (seen.has(r.benchmark) || r.metric.trim() === "-" || !(r.n > 0)) continue;
    seen.set(r.benchmark, { name: r.benchmark, split: r.split, n: r.n });
  }
  return [...seen.values()];
}

interface Mention {
  benchmark: BenchmarkSize;
  index: number;
}

/** Benchmarks named in a text, with their positions; the longest name wins ("MMLU-Pro" over "MMLU"). */
export function findBenchmarks(text: string, sizes: readonly BenchmarkSize[]): Mention[] {
  const found: Mention[] = [];
  // Candidate names by normalised form.
  const byForm = new Map<string, BenchmarkSize>();
  for (const b of sizes) {
    byForm.set(norm(b.name), b);
    for (const a of ALIASES[b.name] ?? []) byForm.set(a, b);
  }
  const words = [...text.matchAll(/[A-Za-z0-9]+/g)];
  const taken = new Set<number>();
  for (let len = 3; len >= 1; len--) {
    for (let i = 0; i + len <= words.length; i++) {
      if ([...Array(len).keys()].some((k) => taken.has(i + k))) continue;
      const parts = words.slice(i, i + len);
      const raw = parts.map((m) => m[0]).join("");
      const b = byForm.get(norm(raw));
      if (!b) continue;
      if (CAPITALS_ONLY.has(b.name) && raw !== b.name) continue;
      // "MMLU" must not be read inside "MMLU-Pro" (handled by longest-first), nor a letter-only alias
      // like "arc" inside another word (the tokeniser already splits on non-alphanumerics).
      for (let k = 0; k < len; k++) taken.add(i + k);
      found.push({ benchmark: b, index: parts[0]!.index ?? 0 });
    }
  }
  return found.sort((x, y) => x.index - y.index);
}

export { type NumberReading, normaliseNumbers } from "./numberWords.js";

const NUM = String.raw`(?<![\d.,])(\d{1,3}(?:\.\d+)?)(?![\d,])`;
const PAIR = new RegExp(
  String.raw`${NUM}\s*(%|percent\b)?\s*(?:vs\.?|versus|v\.|against|compared (?:to|with)|and|to|or|over|from)\s*${NUM}\s*(%|percent\b)?`,
  "gi",
);
const PERCENT = new RegExp(String.raw`${NUM}\s*(?:%|percent\b)`, "gi");
const GAP = new RegExp(
  String.raw`${NUM}\s*(?:-\s*)?(?:pp\b|p\.p\.|percentage[- ]points?\b|points?\b|pts?\b)`,
  "gi",
);
const SIZE =
  /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)\s*(?:-\s*)?(?:(?!shots?\b)[a-z][a-z-]*\s+){0,2}(?:examples?|questions?|items?|problems?|prompts?|samples?|test cases|cases|tickets?|documents?|vignettes?|conversations?)\b/gi;
const N_EQUALS = /\bn\s*=\s*(\d{1,3}(?:,\d{3})+|\d+)/gi;
/** Words after a number that make it something else: "5-shot", "70B", "2023". */
const NOT_A_SCORE =
  /^\s*(?:-?\s*shots?\b|b\b|billion|m\b|million|k\b|x\b|times|years?|months?|days?|hours?|minutes?|seconds?|tokens?|params?|parameters?|gb)/i;

const inRange = (x: number) => x > 0 && x <= 100;
const SHARE_OF =
  /^\s*of\s+(?:the\s+|our\s+|all\s+)?(?:traffic|users?|requests?|queries|sessions?|customers?|people|time|cases|calls|tickets|conversations|messages|budget)\b/i;

/** The claims a text makes with numbers. A bare pair ("91.2 vs 89.4") needs a benchmark or a default. */
export function parseNumberClaims(
  text: string,
  sizes: readonly BenchmarkSize[],
  { defaultBenchmark = null as string | null } = {},
): NumberClaim[] {
  text = normaliseNumbers(text).text;
  const mentions = findBenchmarks(text, sizes);
  const fallback = defaultBenchmark ? (sizes.find((b) => b.name === defaultBenchmark) ?? null) : null;
  const nearest = (index: number): BenchmarkSize | null => {
    if (!mentions.length) return fallback;
    // The nearest mention in the same sentence, else the nearest anywhere.
    let best = mentions[0]!;
    for (const m of mentions) if (Math.abs(m.index - index) < Math.abs(best.index - index)) best = m;
    return best.benchmark;
  };
  const claims: NumberClaim[] = [];
  const used: Array<[number, number]> = [];
  const free = (start: number, end: number) => !used.some(([s, e]) => start < e && end > s);
  const after = (end: number) => text.slice(end, end + 12);

  for (const m of text.matchAll(PAIR)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const a = Number(m[1]);
    const b = Number(m[3]);
    const hasPercent = Boolean(m[2] || m[4]);
    const decimal = /\./.test(m[1]!) || /\./.test(m[3]!);
    const bench = nearest(start);
    if (!inRange(a) || !inRange(b) || NOT_A_SCORE.test(after(end))) continue;
    // "between 5 and 10 examples" is not a pair of scores.
    if (/^\s*(?:examples?|questions?|items?|problems?|samples?|pp\b|points?)/i.test(after(end))) continue;
    if (!hasPercent && !(decimal && bench) && !(bench && mentions.length)) continue;
    used.push([start, end]);
    claims.push({ kind: "pair", a: a / 100, b: b / 100, benchmark: bench });
  }
  const percents: Array<{ p: number; index: number }> = [];
  for (const m of text.matchAll(PERCENT)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const p = Number(m[1]);
    if (!free(start, end) || !inRange(p)) continue;
    // "5% of traffic" is a share, not a score.
    if (SHARE_OF.test(text.slice(end, end + 40))) continue;
    percents.push({ p: p / 100, index: start });
    used.push([start, end]);
  }
  const gaps: Array<{ gapPp: number; index: number }> = [];
  for (const m of text.matchAll(GAP)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const g = Number(m[1]);
    if (!free(start, end) || !(g > 0 && g < 100)) continue;
    gaps.push({ gapPp: g, index: start });
    used.push([start, end]);
  }
  const sizesFound: number[] = [];
  for (const re of [SIZE, N_EQUALS]) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      const n = Number(m[1]!.replace(/,/g, ""));
      if (!free(start, end) || !(n >= 1 && n <= 10_000_000)) continue;
      sizesFound.push(n);
      used.push([start, end]);
    }
  }
  const base = percents.length === 1 ? percents[0]!.p : null;
  // A pair of scores with no benchmark but a test size in the same message: "85% vs 84% on 10k tickets".
  if (sizesFound.length === 1) {
    const own: BenchmarkSize = { name: "your test set", split: "", n: sizesFound[0]! };
    for (const c of claims) if (c.kind === "pair" && !c.benchmark) c.benchmark = own;
    if (claims.some((c) => c.kind === "pair" && c.benchmark === own)) return claims;
  }
  for (const n of sizesFound) {
    claims.push({ kind: "size", n, gapPp: gaps[0]?.gapPp ?? null, base });
  }
  if (!sizesFound.length) {
    for (const g of gaps) {
      claims.push({
        kind: "gap",
        gapPp: g.gapPp,
        benchmark: mentions.length ? nearest(g.index) : fallback,
        base,
      });
    }
    if (!gaps.length) {
      for (const p of percents) claims.push({ kind: "score", p: p.p, benchmark: nearest(p.index) });
    }
  }
  return claims;
}

// ---- answers ------------------------------------------------------------------------------

/** The accuracy assumed when a message gives a gap or a size but no score: the course table's 80%. */
export const TYPICAL_ACCURACY = 0.8;

const clampP = (p: number) => Math.min(0.999, Math.max(0.001, p));

function on(b: BenchmarkSize) {
  return b.split
    ? `${b.name} (N = ${formatCount(b.n)}, ${b.split} split)`
    : `${b.name} (N = ${formatCount(b.n)})`;
}

/** A two-proportion comparison of two scores on n questions each. */
export function compareScores(a: number, b: number, n: number) {
  const ka = Math.round(a * n);
  const kb = Math.round(b * n);
  const test = twoProportionTest({ k: ka, n }, { k: kb, n });
  const ia = proportionInterval(ka, n, { method: "wilson" });
  const ib = proportionInterval(kb, n, { method: "wilson" });
  return {
    diff: a - b,
    lower: test.lower,
    upper: test.upper,
    pValue: test.pValue,
    halfA: halfWidth(a, n),
    halfB: halfWidth(b, n),
    intervalA: ia,
    intervalB: ib,
    mdd: minimumDetectableDifference((a + b) / 2, n),
  };
}

function pairFact(a: number, b: number, bench: BenchmarkSize | null): ComputedFact {
  if (!bench) {
    return {
      kind: "pair",
      text: `${formatPercent(a)} vs ${formatPercent(b)} is a ${formatPp(Math.abs(a - b), 1)} gap — whether that is more than noise depends on how many questions the test has. Tell me the benchmark (MMLU, GSM8K, HumanEval…) or the number of questions and I'll compute it.`,
      values: { a, b, diff: a - b },
    };
  }
  const c = compareScores(a, b, bench.n);
  const real = c.lower > 0 || c.upper < 0;
  const verdict = real
    ? "the interval excludes zero, so sampling noise alone doesn't explain the gap — if both scores were measured the same way"
    : "the interval includes zero, so the gap is within sampling noise";
  return {
    kind: "pair",
    text:
      `On ${on(bench)}: ${formatPercent(a)} has a 95% interval of ${formatPercentRange(c.intervalA.lower, c.intervalA.upper)} and ` +
      `${formatPercent(b)} one of ${formatPercentRange(c.intervalB.lower, c.intervalB.upper)}. The ${formatPp(Math.abs(c.diff), 1)} difference has a 95% interval of ` +
      `${formatPpRange(c.lower, c.upper)} (${formatPValue(c.pValue)}): ${verdict}. ` +
      `(Two-proportion test treating the runs as independent; paired per-question results would be tighter.)`,
    values: {
      a,
      b,
      n: bench.n,
      diff: c.diff,
      lower: c.lower,
      upper: c.upper,
      pValue: c.pValue,
      halfA: c.halfA,
      halfB: c.halfB,
      mdd: c.mdd,
    },
  };
}

function scoreFact(p: number, bench: BenchmarkSize | null): ComputedFact {
  if (!bench) {
    return {
      kind: "score",
      text: `A score of ${formatPercent(p)} on its own: its uncertainty depends on the number of questions. Name the benchmark or the test size and I'll give you the interval.`,
      values: { p },
    };
  }
  const i = proportionInterval(Math.round(p * bench.n), bench.n, { method: "wilson" });
  const h = halfWidth(p, bench.n);
  return {
    kind: "score",
    text: `On ${on(bench)}, ${formatPercent(p)} has a 95% interval of ${formatPercentRange(i.lower, i.upper)} (about ±${formatPp(h, 2)}).`,
    values: { p, n: bench.n, lower: i.lower, upper: i.upper, half: h },
  };
}

function gapFact(gapPp: number, bench: BenchmarkSize | null, base: number | null): ComputedFact {
  const center = clampP(base ?? TYPICAL_ACCURACY);
  const g = gapPp / 100;
  const hi = clampP(center + g / 2);
  const lo = clampP(center - g / 2);
  if (!bench) {
    const n = sampleSizeTwoProportions(hi, lo);
    return {
      kind: "gap",
      text: `To tell apart two models ${gapPp} pp apart near ${formatPercent(center, 0)} (95% confidence, 80% power) you need about ${formatCount(n)} questions per model.`,
      values: { gap: g, base: center, n },
    };
  }
  const c = compareScores(hi, lo, bench.n);
  const real = c.lower > 0;
  return {
    kind: "gap",
    text:
      `On ${on(bench)}, a ${gapPp} pp gap between two models near ${formatPercent(center, 0)} has a 95% interval of ` +
      `${formatPpRange(c.lower, c.upper)} (${formatPValue(c.pValue)}): ` +
      (real ? "larger than sampling noise." : "not distinguishable from sampling noise.") +
      ` The smallest gap this test size detects reliably (80% power) is about ${formatPp(c.mdd, 1)}.`,
    values: {
      gap: g,
      base: center,
      n: bench.n,
      lower: c.lower,
      upper: c.upper,
      pValue: c.pValue,
      mdd: c.mdd,
    },
  };
}

function sizeFact(n: number, gapPp: number | null, base: number | null): ComputedFact {
  const p = clampP(base ?? TYPICAL_ACCURACY);
  const h = halfWidth(p, n);
  const mdd = minimumDetectableDifference(p, n);
  let text =
    `With ${formatCount(n)} examples, a score near ${formatPercent(p, 0)} has a 95% interval of about ±${formatPp(h, 1)}, ` +
    `and two models must differ by about ${formatPp(mdd, 1)} before a test of that size tells them apart reliably (80% power).`;
  const values: Record<string, number> = { n, p, half: h, mdd };
  if (gapPp !== null) {
    const g = gapPp / 100;
    // As Lesson 4's eval-size figure: the stronger model at p, the other gap below it.
    const need = sampleSizeTwoProportions(p, clampP(p - g));
    text += ` To detect a ${gapPp} pp difference (${formatPercent(p, 0)} against ${formatPercent(clampP(p - g), 0)}) you'd need about ${formatCount(need)} examples per model.`;
    values.needed = need;
    values.gap = g;
  }
  return { kind: "size", text, values };
}

/** Answer each claim with the statistics core. */
export function answerClaims(claims: readonly NumberClaim[]): ComputedFact[] {
  return claims.map((c) => {
    if (c.kind === "pair") return pairFact(c.a, c.b, c.benchmark);
    if (c.kind === "score") return scoreFact(c.p, c.benchmark);
    if (c.kind === "gap") return gapFact(c.gapPp, c.benchmark, c.base);
    return sizeFact(c.n, c.gapPp, c.base);
  });
}

/** Parse and answer in one step. */
export function computeFacts(
  text: string,
  sizes: readonly BenchmarkSize[],
  options: { defaultBenchmark?: string | null } = {},
): ComputedFact[] {
  return answerClaims(parseNumberClaims(text, sizes, { defaultBenchmark: options.defaultBenchmark ?? null }));
}
