// The numbers of the real Chatbot Arena figure, without the drawing: the compact history decoded,
// one snapshot read (positions, separable neighbours, shared ranks, style-control moves) and the
// figure's model. Plot-free, so lessons/lesson2.ts (loaded with the page, for the prose's numbers)
// can use them without loading Observable Plot; figures/arenaSnapshot.ts draws them.

import type { ArenaHistoryDigest, ArenaRow, ArenaSnapshot } from "../data/types.js";

/** Expand the compact history into snapshots of rows. */
export function decodeArenaHistory(digest: ArenaHistoryDigest): ArenaSnapshot[] {
  return digest.snapshots.map((s) => ({
    date: s.date,
    total: s.total,
    commit: s.commit,
    rows: s.rows.map(([i, rating, lower, upper, votes, rank, rankStyle]) => ({
      model: digest.models[i] ?? `model ${i}`,
      rating,
      lower,
      upper,
      votes,
      rank,
      rankStyle,
      organization: "",
    })),
  }));
}

export interface ArenaReading {
  rows: (ArenaRow & { position: number; separableFromNext: boolean })[];
  /** Models the Arena ranks 1st (their intervals overlap the leader's). */
  sharingFirst: number;
  /** Adjacent pairs (by rating) whose 95% intervals do not overlap. */
  separablePairs: number;
  pairs: number;
  /** Distinct ranks the Arena gives among these rows. */
  distinctRanks: number;
  /** The largest rank change under style control (positive = climbs), if style ranks exist. */
  biggestStyleMove: { model: string; from: number; to: number } | null;
}

/** Read the top `top` rows of a snapshot: positions, separability of neighbours, shared ranks. */
export function readArena(snapshot: ArenaSnapshot, top: number): ArenaReading {
  const sorted = [...snapshot.rows].sort((a, b) => b.rating - a.rating).slice(0, top);
  const rows = sorted.map((r, i) => ({
    ...r,
    position: i + 1,
    separableFromNext: i + 1 < sorted.length && r.lower > sorted[i + 1]!.upper,
  }));
  let biggest: ArenaReading["biggestStyleMove"] = null;
  for (const r of rows) {
    if (r.rankStyle === null) continue;
    const move = r.rank - r.rankStyle;
    if (!biggest || Math.abs(move) > Math.abs(biggest.from - biggest.to))
      biggest = { model: r.model, from: r.rank, to: r.rankStyle };
  }
  return {
    rows,
    sharingFirst: rows.filter((r) => r.rank === 1).length,
    separablePairs: rows.filter((r, i) => i + 1 < rows.length && r.separableFromNext).length,
    pairs: Math.max(0, rows.length - 1),
    distinctRanks: new Set(rows.map((r) => r.rank)).size,
    biggestStyleMove: biggest,
  };
}

/**
 * LMSYS's style control (answer length and markdown held constant in the Bradley–Terry fit):
 * announced in the post at lmsys.org/blog/2024-08-28-style-control, whose byline reads
 * 29 August 2024. The scraped table only carries the style-controlled rank from October 2024.
 */
export const STYLE_CONTROL = {
  introduced: "29 August 2024",
  blogPostDate: "2024-08-28",
  url: "https://lmsys.org/blog/2024-08-28-style-control/",
} as const;

/** The date of the first snapshot with a style-controlled rank, or null if none has one. */
export function firstStyleDate(history: readonly ArenaSnapshot[]): string | null {
  return history.find((s) => s.rows.some((r) => r.rankStyle !== null))?.date ?? null;
}

/** The figure's controls: which snapshot (an index into the history), how many rows, which rank. */
export interface ArenaSnapshotValues extends Record<string, unknown> {
  snapshot: number;
  top: number;
  /** 1: the rank with style control; 0: as published. */
  style: number;
}

export type ArenaShownRow = ArenaReading["rows"][number] & {
  /** The rank the figure shows: with style control when asked for and the snapshot has it. */
  shownRank: number;
};

/** Everything the figure shows at one setting. */
export interface ArenaSnapshotModel {
  values: ArenaSnapshotValues;
  date: string;
  /** Models on the whole board that day. */
  total: number;
  reading: ArenaReading;
  rows: ArenaShownRow[];
  /** The snapshot carries a style-controlled rank. */
  hasStyle: boolean;
  /** The ranks shown are the style-controlled ones (asked for, and the snapshot has them). */
  useStyle: boolean;
  /** The rating axis: every interval and 4 points either side. */
  domain: [number, number];
  /** A line between each pair of neighbours whose intervals are wholly apart (y between positions). */
  dividers: { after: string; y: number }[];
  /** The fewest and the most votes among the rows shown. */
  votes: [number, number];
  /** The history's first snapshot with a style-controlled rank, or null. */
  firstStyleDate: string | null;
}

/** The figure's model (pure): `history` is the decoded history, `firstStyle` its first style date. */
export function deriveArenaSnapshot(
  v: ArenaSnapshotValues,
  history: readonly ArenaSnapshot[],
  firstStyle: string | null = firstStyleDate(history),
): ArenaSnapshotModel {
  const snap = history[Math.min(history.length - 1, Math.max(0, Math.round(v.snapshot)))]!;
  const reading = readArena(snap, v.top);
  const hasStyle = reading.rows.some((r) => r.rankStyle !== null);
  const useStyle = v.style === 1 && hasStyle;
  const rows = reading.rows.map((r) => ({ ...r, shownRank: useStyle ? (r.rankStyle ?? r.rank) : r.rank }));
  return {
    values: v,
    date: snap.date,
    total: snap.total,
    reading,
    rows,
    hasStyle,
    useStyle,
    domain: [Math.min(...rows.map((r) => r.lower)) - 4, Math.max(...rows.map((r) => r.upper)) + 4],
    dividers: rows.filter((r) => r.separableFromNext).map((r) => ({ after: r.model, y: r.position + 0.5 })),
    votes: [Math.min(...rows.map((r) => r.votes)), Math.max(...rows.map((r) => r.votes))],
    firstStyleDate: firstStyle,
  };
}
