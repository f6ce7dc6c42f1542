import { describe, expect, it } from "vitest";
import {
  clipText,
  formatDate,
  formatDecimal,
  formatDiffPp,
  formatFixed,
  formatList,
  formatOrdinal,
  formatPercentRange,
  formatPoints,
  formatSigned,
  formatSignedPp,
} from "../../../src/components/ui/format.ts";

describe("clipText", () => {
  it("keeps text that fits, and cuts longer text to exactly max characters with an ellipsis", () => {
    expect(clipText("GPT-4.5", 10)).toBe("GPT-4.5");
    expect(clipText("Gemini-2.5", 10)).toBe("Gemini-2.5");
    expect(clipText("Gemini-2.5-Pro-Preview", 10)).toBe("Gemini-2.…");
    expect(clipText("Gemini-2.5-Pro-Preview", 10)).toHaveLength(10);
  });
});

describe("formatSigned and formatSignedPp", () => {
  it("sign, true minus and digits (hand-worked)", () => {
    expect(formatSigned(0.444, 2)).toBe("+0.44");
    expect(formatSigned(-0.4, 2)).toBe("−0.40");
    expect(formatSigned(3.905, 1)).toBe("+3.9");
    expect(formatSignedPp(0.012)).toBe("+1.2 pp");
    expect(formatSignedPp(-0.0391, 2)).toBe("−3.91 pp");
    expect(formatSignedPp(0.05, 0)).toBe("+5 pp");
  });
  it("a value that rounds to zero prints one way, ±, whatever its sign", () => {
    for (const x of [0, -0, 0.0004, -0.0004]) expect(formatSignedPp(x)).toBe("±0.0 pp");
    expect(formatSigned(-0.004, 2)).toBe("±0.00");
    expect(formatSignedPp(-0.0004, 0)).toBe("±0 pp");
  });
});

describe("signed and ranged percentage points (hand-worked)", () => {
  it("formatSignedPp: sign from the printed value, true minus, ± for a printed zero", async () => {
    const { formatSignedPp } = await import("../../../src/components/ui/format.ts");
    expect(formatSignedPp(0.012)).toBe("+1.2 pp");
    expect(formatSignedPp(-0.004)).toBe("−0.4 pp");
    expect(formatSignedPp(0)).toBe("±0.0 pp");
    expect(formatSignedPp(-0.0004)).toBe("±0.0 pp");
    expect(formatSignedPp(0.00125, 2)).toBe("+0.13 pp");
  });
  it("formatDiffPp and formatPpRange: no plus, U+2212 for negatives", async () => {
    const { formatDiffPp, formatPpRange } = await import("../../../src/components/ui/format.ts");
    expect(formatDiffPp(0.008)).toBe("0.80 pp");
    expect(formatDiffPp(-0.00028)).toBe("\u22120.03 pp");
    expect(formatPpRange(-0.012, 0.034)).toBe("\u22121.2 to 3.4 pp");
    expect(formatPpRange(0.001, 0.05, 2)).toBe("0.10 to 5.00 pp");
  });
  it("formatPValueCell: the p-value without its 'p', floored at 0.001", async () => {
    const { formatPValueCell } = await import("../../../src/components/ui/format.ts");
    expect(formatPValueCell(0.0412)).toBe("0.041");
    expect(formatPValueCell(0.0009)).toBe("< 0.001");
    expect(formatPValueCell(0.001)).toBe("0.001");
    expect(formatPValueCell(1)).toBe("1.000");
  });
});

describe("formatOrdinal", () => {
  it("uses st, nd, rd and th as English does, teens included", () => {
    const got = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112, 6811].map(formatOrdinal);
    expect(got).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "23rd",
      "101st",
      "111th",
      "112th",
      "6811th",
    ]);
  });
});

describe("formatDiffPp", () => {
  it("writes a difference in pp with a true minus sign, no plus, and the unit only when asked", () => {
    // R: prop.test(c(12048, 11936), c(14042, 14042), correct = FALSE)$conf.int → −0.000283 0.016235
    expect(formatDiffPp(-0.000282684953697449)).toBe("\u22120.03 pp");
    expect(formatDiffPp(0.0162348285229896)).toBe("1.62 pp");
    expect(formatDiffPp(0.008, 2, false)).toBe("0.80");
    expect(formatDiffPp(-0.025, 1)).toBe("\u22122.5 pp");
    expect(formatDiffPp(-0.025, 1)).not.toContain("-");
  });
});

describe("formatPercentRange", () => {
  it("writes an interval of proportions with one percent sign", () => {
    // R: prop.test(10110, 14042, correct = FALSE)$conf.int → 0.7124970 0.7273485
    expect(formatPercentRange(0.712496968, 0.72734852)).toBe("71.2–72.7%");
    expect(formatPercentRange(0.712496968, 0.72734852, 2)).toBe("71.25–72.73%");
    expect(formatPercentRange(0, 0.05, 0)).toBe("0–5%");
  });
});

describe("formatFixed and formatDecimal", () => {
  it("formatFixed keeps its decimals and writes a true minus", () => {
    // Li et al. 2023 (arXiv 2310.17589), Llama-2 70B on MMLU: 66.7 on the all-dirty subset, −0.96 pp to clean.
    expect(formatFixed(66.66, 1)).toBe("66.7");
    expect(formatFixed(-0.96, 1)).toBe("\u22121.0");
    expect(formatFixed(2, 2)).toBe("2.00");
    expect(formatFixed(1234.5, 0)).toBe("1235");
  });
  it("formatDecimal writes a published number without trailing zeros or grouping", () => {
    expect(formatDecimal(70.554)).toBe("70.554");
    expect(formatDecimal(72)).toBe("72");
    expect(formatDecimal(1470)).toBe("1470");
    expect(formatDecimal(64.1)).toBe("64.1");
    expect(formatDecimal(0.21666, 2)).toBe("0.22");
    expect(formatDecimal(-3.5, 1)).toBe("\u22123.5");
  });
});

describe("formatPoints", () => {
  it("writes a gap in points as chosen, without trailing zeros", () => {
    expect(formatPoints(5)).toBe("5 pp");
    expect(formatPoints(2.5)).toBe("2.5 pp");
    expect(formatPoints(12.25, 2)).toBe("12.25 pp");
  });
});

describe("formatDate", () => {
  it("writes day, short month and year as British English does, and nothing for a missing or bad date", () => {
    // Hand-written: 24 November 2026 at noon UTC is the 24th in every time zone within ±11 h.
    expect(formatDate("2026-11-24T12:00:00Z")).toBe("24 Nov 2026");
    expect(formatDate("2027-01-05T12:00:00Z")).toBe("5 Jan 2027");
    expect(formatDate("not a date")).toBe("");
    expect(formatDate("")).toBe("");
    expect(formatDate(null)).toBe("");
    expect(formatDate(undefined)).toBe("");
  });
});

describe("formatList", () => {
  it("joins with commas and a final 'and', no Oxford comma", () => {
    expect(formatList([])).toBe("");
    expect(formatList(["3"])).toBe("3");
    expect(formatList(["1", "4"])).toBe("1 and 4");
    expect(formatList(["1", "2", "3"])).toBe("1, 2 and 3");
  });
});
