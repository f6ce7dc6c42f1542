// The real-Arena figure's model, on a hand-made history whose numbers are worked out below.
import { describe, expect, it } from "vitest";
import type { ArenaSnapshot } from "../../../src/components/data/types.ts";
import { arenaSnapshotNotice, arenaSnapshotSummary } from "../../../src/components/figures/arenaSnapshot.ts";
import { deriveArenaSnapshot } from "../../../src/components/figures/arenaSnapshotModel.ts";

const row = (
  model: string,
  rating: number,
  half: number,
  rank: number,
  rankStyle: number | null,
  votes: number,
) => ({
  model,
  rating,
  lower: rating - half,
  upper: rating + half,
  votes,
  rank,
  rankStyle,
  organization: "",
});

// Snapshot 0 has no style-controlled rank; snapshot 1 has one.
const history: ArenaSnapshot[] = [
  {
    date: "2024-06-01",
    total: 40,
    commit: "a",
    rows: [
      row("P", 1300, 3, 1, null, 900),
      row("Q", 1290, 3, 2, null, 1200),
      row("R", 1289, 3, 2, null, 700),
    ],
  },
  {
    date: "2025-01-01",
    total: 5,
    commit: "b",
    rows: [
      row("C", 1390, 5, 2, 4, 2000),
      row("A", 1400, 4, 1, 1, 3000),
      row("B", 1397, 4, 1, 2, 1500),
      row("D", 1370, 5, 4, 1, 800),
      row("E", 1368, 5, 4, 5, 1000),
    ],
  },
];

describe("deriveArenaSnapshot", () => {
  it("reads the chosen snapshot with style-controlled ranks (hand-worked)", () => {
    const m = deriveArenaSnapshot({ snapshot: 1, top: 5, style: 1 }, history);
    // By rating: A 1400 [1396,1404], B 1397 [1393,1401], C 1390 [1385,1395], D 1370 [1365,1375],
    // E 1368 [1363,1373]. Only C–D are apart (1385 > 1375): one line, between positions 3 and 4.
    expect(m.rows.map((r) => r.model)).toEqual(["A", "B", "C", "D", "E"]);
    expect(m.useStyle).toBe(true);
    expect(m.rows.map((r) => r.shownRank)).toEqual([1, 2, 4, 1, 5]);
    expect(m.dividers).toEqual([{ after: "C", y: 3.5 }]);
    // Axis: lowest lower 1363 − 4, highest upper 1404 + 4.
    expect(m.domain).toEqual([1359, 1408]);
    expect(m.votes).toEqual([800, 3000]);
    expect(m.reading.biggestStyleMove).toEqual({ model: "D", from: 4, to: 1 });
    expect(m.firstStyleDate).toBe("2025-01-01");
    expect([m.date, m.total]).toEqual(["2025-01-01", 5]);
  });

  it("as published, the ranks are the Arena's own", () => {
    const m = deriveArenaSnapshot({ snapshot: 1, top: 3, style: 0 }, history);
    expect(m.useStyle).toBe(false);
    expect(m.rows.map((r) => [r.model, r.shownRank])).toEqual([
      ["A", 1],
      ["B", 1],
      ["C", 2],
    ]);
    // Top 3: no pair is apart (A–B and B–C overlap).
    expect(m.dividers).toEqual([]);
  });

  it("a snapshot without style ranks falls back to the published ones, and says so", () => {
    const m = deriveArenaSnapshot({ snapshot: 0, top: 20, style: 1 }, history);
    expect(m.hasStyle).toBe(false);
    expect(m.useStyle).toBe(false);
    expect(m.rows.map((r) => r.shownRank)).toEqual([1, 2, 2]);
    // P [1297,1303] vs Q [1287,1293]: 1297 > 1293, apart; Q vs R [1286,1292] overlap.
    expect(m.dividers).toEqual([{ after: "P", y: 1.5 }]);
    expect(arenaSnapshotNotice(m)).toContain("no style-controlled rank");
    expect(arenaSnapshotNotice(m)).toContain("2025-01-01");
  });

  it("clamps the snapshot index to the history", () => {
    expect(deriveArenaSnapshot({ snapshot: 9, top: 5, style: 0 }, history).date).toBe("2025-01-01");
    expect(deriveArenaSnapshot({ snapshot: -2, top: 5, style: 0 }, history).date).toBe("2024-06-01");
  });

  it("notice and summary state the current numbers", () => {
    const styled = deriveArenaSnapshot({ snapshot: 1, top: 5, style: 1 }, history);
    expect(arenaSnapshotNotice(styled)).toContain("D goes from rank 4 to 1");
    const plain = deriveArenaSnapshot({ snapshot: 1, top: 5, style: 0 }, history);
    expect(arenaSnapshotNotice(plain)).toContain("the only neighbours whose intervals are wholly apart");
    const summary = arenaSnapshotSummary(plain);
    expect(summary).toContain("top 5 of 5 models");
    expect(summary).toContain("1 of 4 neighbouring pairs are separable");
    expect(summary).toContain("1. A 1400 (1396–1404), rank 1, 3,000 votes");
  });
});
