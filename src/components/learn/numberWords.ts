// Numbers as people write them — "ten thousand", "10k", "1.5 million", "0.85 accuracy" — rewritten
// into the digits and percentages the claim parser (numberClaims.ts) reads, with a note of each
// reading so the tutor can echo it back ("10k" → 10,000). Pure: text in, text and readings out.

import { formatCount } from "../ui/format.js";

/** A number in the message read into the form the parser uses, for echoing back ("10k" → 10,000). */
export interface NumberReading {
  raw: string;
  read: string;
}

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SMALL = `(?:${Object.keys(TENS).join("|")})(?:[- ](?:${Object.keys(UNITS).slice(1, 10).join("|")}))?|${Object.keys(UNITS).join("|")}`;
/** "two", "twenty-five", "a hundred", "three hundred and fifty", "ten thousand", "half a point". */
const NUMBER_WORDS = new RegExp(
  String.raw`\b(?:(a|${SMALL})\s+(hundred|thousand|million)(?:\s+(?:and\s+)?(${SMALL}))?|(${SMALL}))\b(?=\s*(?:-\s*)?(?:percentage[- ]points?|points?|pp\b|pts?\b|percent|%|(?:[a-z-]+\s+){0,2}(?:examples?|questions?|items?|problems?|prompts?|samples?|cases|tickets?|documents?|vignettes?|conversations?)))`,
  "gi",
);

function wordValue(w: string): number {
  const t = w.toLowerCase().replace(/-/g, " ").trim();
  if (t === "a") return 1;
  if (t in UNITS) return UNITS[t]!;
  const [tens, unit] = t.split(/\s+/);
  return (TENS[tens!] ?? 0) + (unit ? (UNITS[unit] ?? 0) : 0);
}

const SCALE: Record<string, number> = { hundred: 100, k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, million: 1e6 };
const COUNT_NOUN = String.raw`(?:\s*(?:-\s*)?(?:[a-z-]+\s+){0,2}(?:examples?|questions?|items?|problems?|prompts?|samples?|test cases|cases|tickets?|documents?|vignettes?|conversations?)\b)`;

const plain = (n: number) => (Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6))));

/**
 * Rewrite numbers as people write them into the parser's plain form, and say what was read:
 * 10k, 1.5k, 10 thousand → 10000, 1500, 10000; 1e4 → 10000; 10 000 and 10.000 (before a count
 * noun) → 10000; 85,5 % → 85.5%; −3 pp → -3 pp; "two points" → "2 points"; a pair of proportions
 * (0.85 vs 0.83) → 85 vs 83 (%).
 */
export function normaliseNumbers(text: string): { text: string; readings: NumberReading[] } {
  const readings: NumberReading[] = [];
  const note = (raw: string, read: string) => {
    if (raw.trim() !== read && !readings.some((r) => r.raw === raw.trim()))
      readings.push({ raw: raw.trim(), read });
  };
  let t = text.replace(/[\u2212\u2012\u2013]/g, "-").replace(/[\u00a0\u202f\u2009]/g, " ");
  // Number words before a unit: "two points", "a hundred examples", "ten thousand tickets".
  t = t.replace(
    NUMBER_WORDS,
    (
      all,
      mult: string | undefined,
      scale: string | undefined,
      rest: string | undefined,
      single: string | undefined,
    ) => {
      const n = scale
        ? wordValue(mult!) * SCALE[scale.toLowerCase()]! + (rest ? wordValue(rest) : 0)
        : wordValue(single!);
      note(all, formatCount(n));
      return plain(n);
    },
  );
  // 1e4, 2.5e3
  t = t.replace(/(?<![\w.])(\d+(?:\.\d+)?)[eE]([+-]?\d{1,2})(?![\w.])/g, (all, m: string, e: string) => {
    const n = Number(m) * 10 ** Number(e);
    note(all, formatCount(n));
    return plain(n);
  });
  // 10k, 1.5k, 10 thousand, 2 million (k/m only glued to the number: "10k", not "10 k")
  t = t.replace(
    /(?<![\w.,])(\d+(?:[.,]\d+)?)(?:([kKmM])(?![a-zA-Z])|\s+(thousand|million|mn)\b)/g,
    (all, m: string, short: string | undefined, long: string | undefined) => {
      const unit = (short ?? long!).toLowerCase();
      const n = Number(m.replace(",", ".")) * SCALE[unit]!;
      note(all, formatCount(n));
      return plain(n);
    },
  );
  // Thousands separated by spaces ("10 000") or dots before a count noun ("10.000 examples").
  t = t.replace(/(?<![\d.,])(\d{1,3}(?: \d{3})+)(?![\d.,]\d)/g, (all) => {
    const n = Number(all.replace(/ /g, ""));
    note(all, formatCount(n));
    return plain(n);
  });
  t = t.replace(new RegExp(String.raw`(?<![\d.,])(\d{1,3}(?:\.\d{3})+)(?=${COUNT_NOUN})`, "gi"), (all) => {
    const n = Number(all.replace(/\./g, ""));
    note(all, formatCount(n));
    return plain(n);
  });
  // Decimal comma: "85,5 %", "0,85" (one or two digits after the comma: three would be thousands).
  t = t.replace(/(?<![\d.,])(\d{1,3}),(\d{1,2})(?![\d,])/g, (all, a: string, b: string) => {
    note(all, `${a}.${b}`);
    return `${a}.${b}`;
  });
  // A pair of proportions: "0.85 vs 0.83" means 85% vs 83%.
  t = t.replace(
    /(?<![\d.,])(0?\.\d+|1\.0+)(\s*(?:vs\.?|versus|v\.|against|compared (?:to|with)|and|to|or|over|from)\s*)(0?\.\d+|1\.0+)(?![\d%])/gi,
    (all, a: string, mid: string, b: string) => {
      const pa = plain(100 * Number(a));
      const pb = plain(100 * Number(b));
      note(all, `${pa}% vs ${pb}%`);
      return `${pa}%${mid}${pb}%`;
    },
  );
  // One side a proportion, the other a percentage: "0.85 vs 85%", "85% or 0.83".
  const PAIR_WORD = String.raw`(\s*(?:vs\.?|versus|v\.|against|compared (?:to|with)|and|to|or|over|from)\s*)`;
  t = t.replace(
    new RegExp(String.raw`(?<![\d.,])(0?\.\d+)${PAIR_WORD}(\d{1,3}(?:\.\d+)?\s*%)`, "gi"),
    (_all, a: string, mid: string, b: string) => {
      const p = plain(100 * Number(a));
      note(a, `${p}%`);
      return `${p}%${mid}${b}`;
    },
  );
  t = t.replace(
    new RegExp(String.raw`(\d{1,3}(?:\.\d+)?\s*%)${PAIR_WORD}(0?\.\d+)(?![\d%])`, "gi"),
    (_all, a: string, mid: string, b: string) => {
      const p = plain(100 * Number(b));
      note(b, `${p}%`);
      return `${a}${mid}${p}%`;
    },
  );
  // A single proportion named as accuracy: "an accuracy of 0.85", "0.85 accuracy".
  t = t.replace(
    /(accuracy(?: of)?|score(?: of)?|scores?|scored)\s+(0?\.\d+)(?![\d%])/gi,
    (_all, w: string, a: string) => {
      const p = plain(100 * Number(a));
      note(a, `${p}%`);
      return `${w} ${p}%`;
    },
  );
  t = t.replace(/(?<![\d.,])(0?\.\d+)(\s+(?:accuracy|acc)\b)/gi, (_all, a: string, w: string) => {
    const p = plain(100 * Number(a));
    note(a, `${p}%`);
    return `${p}%${w}`;
  });
  return { text: t, readings };
}
