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
 * A difference of two proportions in percentage points, with a true minus sign (U+2212) and no plus:
 * 0.008 → "0.80 pp", −0.00028 → "−0.03 pp"; `unit` false leaves off " pp" (the first end of a range).
 */
export const formatDiffPp = (x: number, digits = 2, unit = true) =>
  `${(100 * x).toFixed(digits).replace(/^-/, "\u2212")}${unit ? " pp" : ""}`;
