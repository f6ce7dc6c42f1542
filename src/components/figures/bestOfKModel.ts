// The best-of-k model without the drawing: a lab trains k equally good variants and publishes the
// best-rated, and the simulated labs say how far its published rating and rank overstate it. The
// page's prose reads it before figures/bestOfK.ts (which draws it with Plot) is loaded.
import { keyedCache } from "../cache/keyedCache.js";
import type { ArenaRow } from "../data/types.js";
import {
  type BestOfKResult,
  expectedMaxNormal,
  rankOnBoard,
  simulateBestOfK,
} from "../stats/winnersCurse.js";

/** The largest k the figure simulates (every smaller k comes from the same labs). */
export const K_MAX = 50;
/** Simulated labs per setting. */
export const REPS = 400;
/** Opponents: the models nearest in rating on the real board. */
export const OPPONENTS = 20;

export interface BestOfKValues {
  k: number;
  battles: number;
  /** The rank on the real board of the model the variants are as good as. */
  position: number;
}

export interface BestOfKModel extends BestOfKValues {
  like: ArenaRow;
  trueRating: number;
  sim: BestOfKResult;
  /** Theory: SE × E[max of k standard normals], by k. */
  theory: number[];
  inflation: number;
  theoryHere: number;
  published: number;
  rankTrue: number;
  rankPublished: number;
  /** The real board, best first, and the models around the two ranks, for the strip. */
  rows: readonly ArenaRow[];
  near: ArenaRow[];
}

/** The setting's opponents: the OPPONENTS real models nearest the variants' rating, the model itself excluded. */
export function opponentsFor(rows: readonly ArenaRow[], like: ArenaRow): number[] {
  return rows
    .filter((r) => r !== like)
    .map((r) => r.rating)
    .sort((a, b) => Math.abs(a - like.rating) - Math.abs(b - like.rating))
    .slice(0, OPPONENTS);
}

/** Simulated labs while the battles slider moves (the figure's quick drawing, totals from the normal approximation; REPS exact ones when it stops). */
export const QUICK_REPS = 100;

/**
 * The simulation for one (battles, position), remembered: dragging k recomputes nothing. `.has`
 * says whether a setting is remembered.
 */
export function bestOfKSimulator(
  rows: readonly ArenaRow[],
  { kept = 8, reps = REPS, quick = false }: { kept?: number; reps?: number; quick?: boolean } = {},
) {
  const cache = keyedCache<BestOfKResult>(kept);
  const key = (battles: number, like: ArenaRow) => `${battles}|${like.model}`;
  const simulate = (battles: number, like: ArenaRow) =>
    cache.get(key(battles, like), () =>
      simulateBestOfK(
        { trueRating: like.rating, opponents: opponentsFor(rows, like), battles },
        K_MAX,
        reps,
        2025,
        quick,
      ),
    );
  return Object.assign(simulate, { has: (battles: number, like: ArenaRow) => cache.has(key(battles, like)) });
}

/** The model ranked `position` on the board (clamped to the board). */
export const modelAt = (rows: readonly ArenaRow[], position: number) =>
  rows[Math.min(rows.length, Math.max(1, position)) - 1]!;

export function deriveBestOfK(
  v: BestOfKValues,
  rows: readonly ArenaRow[],
  simulate: (battles: number, like: ArenaRow) => BestOfKResult,
): BestOfKModel {
  const like = modelAt(rows, v.position);
  const sim = simulate(v.battles, like);
  const k = Math.min(K_MAX, Math.max(1, Math.round(v.k)));
  const theory = sim.ks.map((j) => sim.se * expectedMaxNormal(j));
  const inflation = sim.inflation[k - 1]!;
  const published = like.rating + inflation;
  const others = rows.filter((r) => r !== like).map((r) => r.rating);
  const rankTrue = rankOnBoard(like.rating, others);
  const rankPublished = rankOnBoard(published, others);
  const at = rows.indexOf(like);
  const from = Math.max(0, Math.min(rankPublished - 3, at - 2));
  const near = rows
    .slice(from, Math.min(rows.length, Math.max(at + 3, from + 6)))
    .filter((r) => r !== like)
    .slice(0, 12);
  return {
    ...v,
    k,
    like,
    rows,
    trueRating: like.rating,
    sim,
    theory,
    inflation,
    theoryHere: theory[k - 1]!,
    published,
    rankTrue,
    rankPublished,
    near,
  };
}
