// The longest run kept in place when a list is reordered: checked on hand-worked sequences,
// among them the textbook one (0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15), whose
// longest increasing subsequence has length 6 (e.g. 0, 2, 6, 9, 11, 15).
import { describe, expect, it } from "vitest";
import { longestIncreasingRun } from "../../../src/components/ui/inPlace.ts";

const values = (xs: number[], run: number[]) => run.map((i) => xs[i]!);
const increasing = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1]! < x);

describe("longestIncreasingRun", () => {
  it("finds a longest increasing subsequence, as indices in order", () => {
    const xs = [0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15];
    const run = longestIncreasingRun(xs);
    expect(run).toHaveLength(6);
    expect(increasing(run)).toBe(true);
    expect(increasing(values(xs, run))).toBe(true);
  });

  it("keeps everything of a list already in order, and one of a reversed list", () => {
    expect(longestIncreasingRun([0, 1, 2, 3])).toEqual([0, 1, 2, 3]);
    expect(longestIncreasingRun([4, 3, 2, 1, 0])).toHaveLength(1);
    expect(longestIncreasingRun([])).toEqual([]);
  });

  it("one row moved from the bottom to the top: all the others stay", () => {
    // The new order lists old positions: row 4 first, then rows 0–3.
    expect(values([4, 0, 1, 2, 3], longestIncreasingRun([4, 0, 1, 2, 3]))).toEqual([0, 1, 2, 3]);
    // Two rows swapped: the run keeps all but one of the pair.
    expect(longestIncreasingRun([0, 2, 1, 3])).toHaveLength(3);
  });
});
