import { describe, expect, it } from "vitest";
import { clipText } from "../../../src/components/ui/format.ts";

describe("clipText", () => {
  it("keeps text that fits, and cuts longer text to exactly max characters with an ellipsis", () => {
    expect(clipText("GPT-4.5", 10)).toBe("GPT-4.5");
    expect(clipText("Gemini-2.5", 10)).toBe("Gemini-2.5");
    expect(clipText("Gemini-2.5-Pro-Preview", 10)).toBe("Gemini-2.…");
    expect(clipText("Gemini-2.5-Pro-Preview", 10)).toHaveLength(10);
  });
});
