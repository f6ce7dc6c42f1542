import { describe, expect, it } from "vitest";
import { fitRowHeight } from "../../../src/components/ui/fitRows.ts";

describe("fitRowHeight", () => {
  const o = { normal: 26, min: 14, chrome: 60 };
  it("keeps the normal height on the page", () => {
    expect(fitRowHeight(undefined, 20, o)).toBe(26);
  });
  it("shrinks rows so that chrome + rows fit the room", () => {
    // 460 px of room, 60 of axes: 400 / 20 rows = 20 px each.
    expect(fitRowHeight(460, 20, o)).toBe(20);
    expect(60 + 20 * fitRowHeight(460, 20, o)).toBeLessThanOrEqual(460);
  });
  it("never below the readable minimum, never above the normal height", () => {
    expect(fitRowHeight(200, 40, o)).toBe(14);
    expect(fitRowHeight(2000, 5, o)).toBe(26);
    expect(fitRowHeight(500, 0, o)).toBe(26);
  });
});
