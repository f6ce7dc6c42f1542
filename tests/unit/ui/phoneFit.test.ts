import { describe, expect, it } from "vitest";
import { FIT_MIN, fitScale } from "../../../src/components/ui/phoneFit.ts";

describe("fitScale (a phone's drawing in half the screen)", () => {
  it("leaves a drawing that fits, or when the room is unknown (wide screens), at full size", () => {
    expect(fitScale(300, 422)).toBe(1);
    expect(fitScale(422, 422)).toBe(1);
    expect(fitScale(900, undefined)).toBe(1);
    expect(fitScale(0, 422)).toBe(1);
  });
  it("shrinks a slightly taller drawing just enough: 500 px into 422 px is 0.84 (0.844 rounded down)", () => {
    expect(fitScale(500, 422)).toBe(0.84);
    expect(500 * fitScale(500, 422)).toBeLessThanOrEqual(422);
  });
  it("never below the readable minimum (0.8): a 1,600 px chart scrolls inside its box instead", () => {
    expect(FIT_MIN).toBe(0.8);
    expect(fitScale(1600, 422)).toBe(0.8);
    expect(fitScale(1600, 422, 0.5)).toBe(0.5);
  });
});
