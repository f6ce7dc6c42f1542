// Lesson 1's five-choices figure, its simulation remembered: question sets and results kept per
// (seed, setup) with keyedCache, and the other seeds simulated ahead in idle time, so dragging the
// seed slider or returning to a setup redraws without simulating.
import { keyedCache } from "../cache/keyedCache.js";
import {
  cachedScore,
  makeQuestionSet,
  type QuestionSet,
  referenceSetup,
  type SimScore,
  type SimSetup,
  setupKey,
  type WaterfallStep,
  waterfall,
} from "../sim/scoreSimulation.js";

// About 1 MB each: keep a few.
const sets = keyedCache<QuestionSet>(6);
/** The question set for a seed and subject sizes, built once (about 3 ms) and kept. */
export function questionSetFor(sizes: readonly number[], seed: number): QuestionSet {
  return sets.get(`${seed}:${sizesKey(sizes)}`, () => makeQuestionSet(sizes, seed));
}

/** Is the question set for this seed among the few kept? */
export function hasQuestionSet(sizes: readonly number[], seed: number): boolean {
  return sets.has(`${seed}:${sizesKey(sizes)}`);
}

/** The subject sizes as part of a cache key (57 numbers: a few microseconds, not worth remembering). */
const sizesKey = (sizes: readonly number[]) => sizes.join(",");

export interface FiveChoicesData {
  steps: WaterfallStep[];
  final: SimScore;
  reference: SimScore;
}

/** How many (seed, setup) results are remembered: a few hundred bytes each. */
export const RESULTS_KEPT = 400;
const results = keyedCache<FiveChoicesData>(RESULTS_KEPT);
const resultKey = (sizes: readonly number[], setup: SimSetup, seed: number) =>
  `${seed}:${setupKey(setup)}:${sizesKey(sizes)}`;

/** Is the figure's data for this seed and setup already remembered (a redraw then does no simulation)? */
export function hasFiveChoicesData(sizes: readonly number[], setup: SimSetup, seed: number): boolean {
  return results.has(resultKey(sizes, setup, seed));
}

/**
 * Everything the figure shows for a setup and seed (pure given the question set), remembered per
 * (seed, setup): returning to a seed or a setup redraws without simulating. `keepSet: false` (the
 * idle precomputation of other seeds) uses a question set without adding it to the few kept, so
 * it never evicts the set of the seed on screen.
 */
export function fiveChoicesData(
  sizes: readonly number[],
  setup: SimSetup,
  seed: number,
  { keepSet = true }: { keepSet?: boolean } = {},
): FiveChoicesData {
  return results.get(resultKey(sizes, setup, seed), () => {
    const set =
      keepSet || hasQuestionSet(sizes, seed) ? questionSetFor(sizes, seed) : makeQuestionSet(sizes, seed);
    return {
      steps: waterfall(set, setup),
      final: cachedScore(set, setup),
      reference: cachedScore(set, referenceSetup),
    };
  });
}

/** Seeds ordered by distance from `seed` (nearest first, the higher one first on a tie), `seed` excluded. */
export function seedsByDistance(seed: number, min: number, max: number): number[] {
  const out: number[] = [];
  for (let d = 1; seed + d <= max || seed - d >= min; d++) {
    if (seed + d <= max) out.push(seed + d);
    if (seed - d >= min) out.push(seed - d);
  }
  return out;
}

/** The seed slider's range. */
export const SEED_MIN = 1;
export const SEED_MAX = 20;

/** How long the inputs must rest before simulating ahead for a new setup (ms). */
export const SETUP_PAUSE_MS = 300;
/** How long the seed must rest before its question set is rebuilt, if it was dropped (ms). */
export const SEED_PAUSE_MS = 500;

/**
 * Simulate ahead while the learner reads: once the setup on screen has been left alone for a
 * moment, every other seed's result for it is computed in idle time (a seed takes ≈5 ms; one starts
 * only while the idle period has room for it), nearest seeds first — so dragging the seed slider
 * redraws without simulating. When that
 * is done and the seed has rested, the seed on screen gets its question set back if it was dropped,
 * so that changing another choice next is quick too. Any new call restarts the queue; nothing runs
 * while the page is busy.
 */
export function idlePrecomputer(sizes: readonly number[]): (setup: SimSetup, seed: number) => void {
  let shown = "";
  let timer: ReturnType<typeof setTimeout> | undefined;
  let handle: number | undefined;
  return (setup, seed) => {
    if (typeof requestIdleCallback !== "function") return;
    clearTimeout(timer);
    if (handle !== undefined) cancelIdleCallback(handle);
    handle = undefined;
    const queue = seedsByDistance(seed, SEED_MIN, SEED_MAX);
    const later = (task: IdleRequestCallback, ms: number) => {
      timer = setTimeout(() => (handle = requestIdleCallback(task)), ms);
    };
    const keepShownSet = (deadline: IdleDeadline) => {
      handle = undefined;
      if (deadline.timeRemaining() < 8) handle = requestIdleCallback(keepShownSet);
      else questionSetFor(sizes, seed);
    };
    const run = (deadline: IdleDeadline) => {
      handle = undefined;
      for (;;) {
        while (queue.length && hasFiveChoicesData(sizes, setup, queue[0]!)) queue.shift();
        // A seed takes about 5 ms: start one only while the idle period has room for it.
        if (!queue.length || deadline.timeRemaining() < 8) break;
        fiveChoicesData(sizes, setup, queue.shift()!, { keepSet: false });
      }
      if (queue.length) handle = requestIdleCallback(run);
      else if (!hasQuestionSet(sizes, seed)) later(keepShownSet, SEED_PAUSE_MS);
    };
    const key = setupKey(setup);
    // While the learner is still changing the setup, wait; the first drawing or a seed change
    // alone starts at once.
    later(run, key === shown || shown === "" ? 0 : SETUP_PAUSE_MS);
    shown = key;
  };
}
