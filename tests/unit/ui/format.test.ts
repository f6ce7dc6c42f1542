import { describe, expect, it } from "vitest";
import { clipText, formatOrdinal } from "../../../src/components/ui/format.ts";

describe("clipText", () => {
  it("keeps text that fits, and cuts longer text to exactly max characters with an ellipsis", () => {
    expect(clipText("GPT-4.5", 10)).toBe("GPT-4.5");
    expect(clipText("Gemini-2.5", 10)).toBe("Gemini-2.5");
    expect(clipText("Gemini-2.5-Pro-Preview", 10)).toBe("Gemini-2.…");
    expect(clipText("Gemini-2.5-Pro-Preview", 10)).toHaveLength(10);
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
