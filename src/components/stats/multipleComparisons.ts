// Adjusting p-values when many comparisons are made at once (every pair of models, say):
// Holm's step-down method, Bonferroni, and Benjamini–Hochberg, as R's p.adjust computes them.
import { assertProbability } from "./validate.js";

export type PAdjustMethod = "holm" | "bonferroni" | "BH";

export const pAdjustMethods: readonly { id: PAdjustMethod; label: string; controls: string }[] = [
  { id: "holm", label: "Holm", controls: "the chance of any false 'difference' (family-wise error)" },
  {
    id: "bonferroni",
    label: "Bonferroni",
    controls: "the chance of any false 'difference' (family-wise error)",
  },
  {
    id: "BH",
    label: "Benjamini–Hochberg",
    controls: "the expected share of false 'differences' (false discovery rate)",
  },
];

/**
 * Adjusted p-values, in the order given (R: p.adjust(p, method)).
 * Holm: sort ascending, multiply the i-th smallest by (m − i + 1), carry the running maximum, cap at 1.
 * Bonferroni: multiply every p by m. BH: sort descending, multiply by m / rank, carry the running minimum.
 */
export function adjustPValues(pValues: readonly number[], method: PAdjustMethod = "holm"): number[] {
  for (const [i, p] of pValues.entries()) assertProbability(`pValues[${i}]`, p);
  const m = pValues.length;
  const out = new Array<number>(m);
  if (m === 0) return out;
  if (method === "bonferroni") return pValues.map((p) => Math.min(1, p * m));
  const order = pValues.map((_, i) => i);
  if (method === "holm") {
    order.sort((a, b) => pValues[a]! - pValues[b]!);
    let running = 0;
    order.forEach((idx, rank) => {
      running = Math.max(running, Math.min(1, (m - rank) * pValues[idx]!));
      out[idx] = running;
    });
    return out;
  }
  if (method === "BH") {
    order.sort((a, b) => pValues[b]! - pValues[a]!);
    let running = 1;
    order.forEach((idx, pos) => {
      const rank = m - pos;
      running = Math.min(running, (m / rank) * pValues[idx]!);
      out[idx] = Math.min(1, running);
    });
    return out;
  }
  throw new RangeError(`method must be "holm", "bonferroni" or "BH", got ${String(method)}`);
}
