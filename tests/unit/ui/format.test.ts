import { describe, expect, it } from "vitest";
import { clipText, formatDiffPp } from "../../../src/components/ui/format.ts";

describe("clipText", () => {
  it("keeps text that fits, and cuts longer text to exactly max characters with an ellipsis", () => {
    expect(clipText("GPT-4.5", 10)).toBe("GPT-4.5");
    expect(clipText("Gemini-2.5", 10)).toBe("Gemini-2.5");
    expect(clipText("Gemini-2.5-Pro-Preview", 10)).toBe("Gemini-2.…");
    expect(clipText("Gemini-2.5-Pro-Preview", 10)).toHaveLength(10);
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
