// The real-Arena reading (shared ranks, separable neighbours, style-control moves) and the
// category board (who leads a subject, and whether the lead is larger than the noise).
import { describe, expect, it } from "vitest";
import type { ArenaSnapshot, CategoryBoard } from "../../../src/components/data/types.ts";
import { decodeArenaHistory, readArena } from "../../../src/components/figures/arenaSnapshot.ts";
import { categoryEntries, readCategory } from "../../../src/components/figures/categoryRanks.ts";
import { twoProportionTest } from "../../../src/components/stats/tests.ts";

const row = (model: string, rating: number, half: number, rank: number, rankStyle: number | null = null) => ({
  model,
  rating,
  lower: rating - half,
  upper: rating + half,
  votes: 1000,
  rank,
  rankStyle,
  organization: "",
});

describe("readArena", () => {
  const snap: ArenaSnapshot = {
    date: "2025-01-01",
    total: 5,
    commit: "x",
    rows: [
      row("C", 1390, 5, 2, 4),
      row("A", 1400, 4, 1, 1),
      row("B", 1397, 4, 1, 2),
      row("D", 1370, 5, 4, 1),
      row("E", 1368, 5, 4, 5),
    ],
  };
  it("orders by rating and finds separable neighbours by non-overlapping intervals", () => {
    const r = readArena(snap, 5);
    expect(r.rows.map((x) => x.model)).toEqual(["A", "B", "C", "D", "E"]);
    // A [1396,1404] vs B [1393,1401] overlap; B vs C [1385,1395] overlap; C vs D [1365,1375]: 1385 > 1375 separable; D vs E overlap
    expect(r.separablePairs).toBe(1);
    expect(r.pairs).toBe(4);
    expect(r.sharingFirst).toBe(2);
    expect(r.distinctRanks).toBe(3);
    expect(r.biggestStyleMove).toEqual({ model: "D", from: 4, to: 1 });
  });
  it("cuts to the top rows", () => {
    expect(readArena(snap, 2).rows).toHaveLength(2);
  });
  it("decodes the compact history", () => {
    const [s] = decodeArenaHistory({
      models: ["A", "B"],
      snapshots: [{ date: "d", total: 2, commit: "c", rows: [[1, 1300, 1290, 1310, 50, 1, null]] }],
    });
    expect(s!.rows[0]).toMatchObject({
      model: "B",
      rating: 1300,
      lower: 1290,
      upper: 1310,
      votes: 50,
      rank: 1,
      rankStyle: null,
    });
  });
});

describe("category board", () => {
  const board: CategoryBoard = {
    source: "",
    categories: [
      { category: "math", n: 1000 },
      { category: "law", n: 1000 },
    ],
    models: ["X", "Y", "Z"],
    counts: {
      X: { all: [1300, 2000], math: [600, 1000], law: [700, 1000] },
      Y: { all: [1250, 2000], math: [610, 1000], law: [640, 1000] },
      Z: { all: [1380, 2000], math: [590, 1000], law: [790, 1000] },
    },
  };
  it("finds the subject leader, its overall rank and its lead's p-value", () => {
    const r = readCategory(board, "math");
    expect(r.leader).toBe("Y");
    expect(r.leaderOverallRank).toBe(3);
    expect(r.runnerUp).toBe("X");
    expect(r.leadPp).toBeCloseTo(1, 10);
    expect(r.leadP).toBeCloseTo(twoProportionTest({ k: 610, n: 1000 }, { k: 600, n: 1000 }).pValue, 12);
    expect(r.risers).toEqual([{ model: "Y", overall: 3, here: 1 }]);
  });
  it("uses each model's own N", () => {
    const b = structuredClone(board);
    b.counts.Y!.math = [500, 800];
    expect(categoryEntries(b, "math").find((e) => e.model === "Y")).toEqual({ model: "Y", k: 500, n: 800 });
  });
});
