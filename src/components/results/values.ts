// Reading one "correct" value: 0/1, true/false, yes/no, or a score in [0, 1].
// Blank and NA mean "no result" (a model that did not answer that item), anything else is unknown.

export type ParsedValue = { ok: true; value: number } | { ok: false; missing: boolean; reason: string };

const words: Record<string, number> = {
  true: 1,
  false: 0,
  yes: 1,
  no: 0,
  correct: 1,
  incorrect: 0,
  right: 1,
  wrong: 0,
};
const missingWords = new Set(["", "na", "n/a", "nan", "null", "none", "-"]);

export function parseCorrect(raw: unknown): ParsedValue {
  if (typeof raw === "boolean") return { ok: true, value: raw ? 1 : 0 };
  if (typeof raw === "number") return checkNumber(raw, String(raw));
  if (raw === null || raw === undefined) return { ok: false, missing: true, reason: "no value" };
  if (typeof raw !== "string")
    return { ok: false, missing: false, reason: `${JSON.stringify(raw).slice(0, 40)} is not a value` };
  const text = raw.trim();
  const lower = text.toLowerCase();
  if (missingWords.has(lower))
    return { ok: false, missing: true, reason: text === "" ? "blank" : `"${text}"` };
  if (lower in words) return { ok: true, value: words[lower]! };
  const n = Number(text);
  if (Number.isNaN(n))
    return {
      ok: false,
      missing: false,
      reason: `"${text.slice(0, 40)}" is not 0/1, true/false or a number in [0, 1]`,
    };
  return checkNumber(n, text);
}

function checkNumber(n: number, text: string): ParsedValue {
  if (!Number.isFinite(n) || n < 0 || n > 1) {
    return {
      ok: false,
      missing: false,
      reason: `${text.slice(0, 40)} is outside [0, 1]${n > 1 && n <= 100 ? " (a percentage? per-item results must be 0/1 or a score in [0, 1])" : ""}`,
    };
  }
  return { ok: true, value: n };
}
