// integerLogGrid, worked by hand: 10 to 1,000 in 4 steps is 10^1, 10^1.5, 10^2, 10^2.5, 10^3
// = 10, 31.62…, 100, 316.2…, 1000 → 10, 32, 100, 316, 1000; a repeated N appears once.
import { describe, expect, it } from "vitest";
import { integerLogGrid } from "../../../src/components/stats/logGrid.ts";

describe("integerLogGrid", () => {
  it("steps evenly in log N and rounds to whole questions", () => {
    expect(integerLogGrid(10, 1000, 4)).toEqual([10, 32, 100, 316, 1000]);
  });
  it("keeps each N once where rounding repeats it", () => {
    // 1 to 2 in 4 steps: 1, 1.19, 1.41, 1.68, 2 → 1, 1, 1, 2, 2 → [1, 2].
    expect(integerLogGrid(1, 2, 4)).toEqual([1, 2]);
    expect(integerLogGrid(164, 164, 1)).toEqual([164]);
  });
});
