import { describe, expect, it } from "vitest";
import { clipText, formatSigned, formatSignedPp } from "../../../src/components/ui/format.ts";

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
