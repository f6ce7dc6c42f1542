// Number formats used across the site, so "pp", percentages and counts read the same everywhere.
import { format } from "d3-format";

const count = format(",");
/** 14042 → "14,042" */
export const formatCount = (n: number) => count(Math.round(n));

/** 0.8123 → "81.2%" (digits after the point). */
export const formatPercent = (p: number, digits = 1) => `${(100 * p).toFixed(digits)}%`;

/** A proportion as percentage points: 0.02159 → "2.16 pp". */
export const formatPp = (x: number, digits = 2) => `${(100 * x).toFixed(digits)} pp`;

/** A half-width as "±2.16 pp". */
export const formatPlusMinus = (x: number, digits = 2) => `±${formatPp(x, digits)}`;

/** A p-value: "p < 0.001" or "p = 0.042". */
export const formatPValue = (p: number) => (p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(3)}`);

/** A label cut to at most `max` characters, "…" marking the cut: ("Gemini-2.5-Pro-Preview", 10) → "Gemini-2.…". */
export const clipText = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text;

/**
 * A signed number with a true minus sign, the sign taken from the value as printed: 0.4 → "+0.40",
 * −0.4 → "−0.40", and anything that rounds to zero → "±0.00" (never "+0.00" or "−0.00").
 */
export const formatSigned = (x: number, digits = 2) => {
  const shown = Number(x.toFixed(digits));
  return `${shown > 0 ? "+" : shown < 0 ? "−" : "±"}${Math.abs(shown).toFixed(digits)}`;
};

/** A difference of proportions in percentage points, signed: 0.012 → "+1.2 pp", −0.004 → "−0.4 pp", 0 → "±0.0 pp". */
export const formatSignedPp = (x: number, digits = 1) => `${formatSigned(100 * x, digits)} pp`;

/**
 * A difference of two proportions in percentage points, with a true minus sign (U+2212) and no plus:
 * 0.008 → "0.80 pp", −0.00028 → "−0.03 pp"; `unit` false leaves off " pp" (the first end of a range).
 */
export const formatDiffPp = (x: number, digits = 2, unit = true) =>
  `${(100 * x).toFixed(digits).replace(/^-/, "\u2212")}${unit ? " pp" : ""}`;

/** An interval of differences in pp: (−0.012, 0.034) → "−1.2 to 3.4 pp". */
export const formatPpRange = (lower: number, upper: number, digits = 1) =>
  `${formatDiffPp(lower, digits, false)} to ${formatDiffPp(upper, digits)}`;

/** A p-value in a table column headed "p": "< 0.001" or "0.042" (formatPValue without the "p"). */
export const formatPValueCell = (p: number) => (p < 0.001 ? "< 0.001" : p.toFixed(3));
/** An ordinal in English: 1 → "1st", 2 → "2nd", 11 → "11th", 22 → "22nd", 113 → "113th". */
export function formatOrdinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${n}${teen ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th")}`;
}

/** An interval of proportions as percentages, the sign once: (0.7125, 0.7273) → "71.2–72.7%". */
export const formatPercentRange = (lower: number, upper: number, digits = 1) =>
  `${(100 * lower).toFixed(digits)}–${formatPercent(upper, digits)}`;

/** A plain number to fixed decimals, a true minus sign for negatives: (66.66, 1) → "66.7", (−0.96, 1) → "−1.0". */
export const formatFixed = (x: number, digits = 1) => format(`.${digits}f`)(x);

/**
 * A number as published, at most `digits` decimals and no trailing zeros, no grouping: a model's
 * size 70.554 → "70.554", 72 → "72"; an Arena rating 1470 → "1470"; a score 64.10 → "64.1".
 */
export const formatDecimal = (x: number, digits = 3) => format(`.${digits}~f`)(x);

/** A gap a reader chose in points, no trailing zeros: 5 → "5 pp", 2.5 → "2.5 pp" (a slider's value, not a proportion). */
export const formatPoints = (pp: number, digits = 1) => `${formatDecimal(pp, digits)} pp`;

/** A date for people, in the site's English: "2026-11-24T09:00:00Z" → "24 Nov 2026". Invalid or missing → "". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return d.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
}

/** A list in English prose: ["1", "2", "3"] → "1, 2 and 3"; one item alone; none → "". */
export function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
