import { describe, expect, it } from "vitest";
import { nextLogValue } from "../../../src/components/ui/controls.ts";

describe("nextLogValue (keyboard steps on a log slider)", () => {
  it("an arrow key moves about 12% (a twentieth of a decade)", () => {
    expect(nextLogValue(1000, 1, 10, 100_000)).toBe(Math.round(1000 * 10 ** 0.05)); // 1122
    expect(nextLogValue(1000, -1, 10, 100_000)).toBe(Math.round(1000 * 10 ** -0.05)); // 891
  });
  it("Page Up/Down moves a quarter decade", () => {
    expect(nextLogValue(1000, 5, 10, 100_000)).toBe(Math.round(1000 * 10 ** 0.25));
  });
  it("always moves at least one whole step at small values, and stops at the ends", () => {
    expect(nextLogValue(10, 1, 10, 100_000)).toBe(11);
    expect(nextLogValue(11, -1, 10, 100_000)).toBe(10);
    expect(nextLogValue(10, -1, 10, 100_000)).toBe(10);
    expect(nextLogValue(99_000, 5, 10, 100_000)).toBe(100_000);
  });
  it("twenty presses cover a decade", () => {
    let v = 100;
    for (let i = 0; i < 20; i++) v = nextLogValue(v, 1, 10, 100_000);
    expect(v).toBeGreaterThanOrEqual(990);
    expect(v).toBeLessThanOrEqual(1010);
  });
});
