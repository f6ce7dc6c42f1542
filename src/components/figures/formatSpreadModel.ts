// The format-sensitivity model without the drawing: eight models' three MMLU scores (one per
// implementation), each with its 95% sampling interval, and two chosen models' order under each.
// The page's prose reads it before figures/formatSpread.ts (which draws it with Plot) is loaded.
import type { PublishedScore } from "../data/types.js";
import { type LabelledValue, threeImplementationParts } from "../lessons/lesson1.js";
import { proportionInterval } from "../stats/intervals.js";
import { flipShare, pairOrders } from "../stats/orderFlips.js";

/** MMLU's test questions (data/benchmarks.csv). */
export const MMLU_N = 14_042;
const implementationShort: Record<string, string> = {
  HELM: "HELM",
  original: "Original code",
  harness: "Harness (Jan 2023)",
};
const implementationKeys = ["HELM", "original", "harness"] as const;

export interface FormatModelRow {
  model: string;
  label: string;
  parts: (LabelledValue & { lower: number; upper: number })[];
  spread: number;
}

export interface FormatSpreadValues {
  a: string;
  b: string;
}

export interface FormatSpreadModel extends FormatSpreadValues {
  rows: FormatModelRow[];
  rowA: FormatModelRow;
  rowB: FormatModelRow;
  /** The 95% sampling half-width (pp) of rowA's highest score, N = 14,042. */
  halfWidthA: number;
  /** Per implementation, who is ahead (A, B or tie) and by how much (pp, A − B). */
  order: { key: string; implementation: string; gap: number; leader: string }[];
  pairFlips: boolean;
  flipped: number;
  pairs: number;
  widest: FormatModelRow;
}

const shortName = (model: string) => model.replace(/^.*\//, "");

/** The eight models' rows, each score with its 95% Wilson interval at N = 14,042 (pure). */
export function formatRows(scores: readonly PublishedScore[]): FormatModelRow[] {
  const models = [
    ...new Set(
      scores
        .filter((r) => r.benchmark === "MMLU" && /three implementations/.test(r.evaluator))
        .map((r) => r.model),
    ),
  ];
  return models.map((model) => {
    const parts = threeImplementationParts(scores, model).map((p) => {
      const ci = proportionInterval(Math.round((p.score / 100) * MMLU_N), MMLU_N, { method: "wilson" });
      return {
        ...p,
        label: implementationShort[p.key] ?? p.key,
        lower: 100 * ci.lower,
        upper: 100 * ci.upper,
      };
    });
    const values = parts.map((p) => p.score);
    return { model, label: shortName(model), parts, spread: Math.max(...values) - Math.min(...values) };
  });
}

export function deriveFormatSpread(
  rows: readonly FormatModelRow[],
  v: FormatSpreadValues,
): FormatSpreadModel {
  const find = (m: string) => {
    const row = rows.find((r) => r.model === m);
    if (!row) throw new RangeError(`no three-implementation MMLU scores for "${m}"`);
    return row;
  };
  const rowA = find(v.a);
  const rowB = find(v.b);
  const scored = rows.map((r) => ({ model: r.model, scores: r.parts.map((p) => p.score) }));
  const { flipped, pairs } = flipShare(scored);
  const pair = pairOrders([scored.find((s) => s.model === v.a)!, scored.find((s) => s.model === v.b)!])[0];
  const order = implementationKeys.map((key, i) => {
    const gap = rowA.parts[i]!.score - rowB.parts[i]!.score;
    return {
      key,
      implementation: implementationShort[key]!,
      gap,
      leader: gap > 0 ? rowA.label : gap < 0 ? rowB.label : "tie",
    };
  });
  const top = rowA.parts.reduce((x, y) => (y.score > x.score ? y : x));
  return {
    ...v,
    rows: [...rows],
    rowA,
    rowB,
    halfWidthA: (top.upper - top.lower) / 2,
    order,
    pairFlips: v.a !== v.b && (pair?.flips ?? false),
    flipped,
    pairs,
    widest: rows.reduce((x, y) => (y.spread > x.spread ? y : x)),
  };
}
