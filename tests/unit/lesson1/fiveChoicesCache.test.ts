// The five-choices figure remembers what it simulated: the same seed and setup give back the same
// result without simulating, a changed input gives freshly simulated values, and the idle
// precomputation fills every seed for the setup on screen, nearest first, without evicting the
// question set the learner is looking at.
import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  fiveChoicesData,
  hasFiveChoicesData,
  hasQuestionSet,
  idlePrecomputer,
  SEED_MAX,
  SEED_MIN,
  SEED_PAUSE_MS,
  SETUP_PAUSE_MS,
  seedsByDistance,
} from "../../../src/components/figures/fiveChoicesData.ts";
import {
  makeQuestionSet,
  type SimSetup,
  scoreSetup,
  waterfall,
} from "../../../src/components/sim/scoreSimulation.ts";

const sizes = csvParse(readFileSync(new URL("../../../data/mmlu_subjects.csv", import.meta.url), "utf8")).map(
  (r) => Number(r.n_test),
);
const typical: SimSetup = {
  shots: 0,
  decoding: "sampled",
  temperature: 0.7,
  rule: "lastLetter",
  aggregation: "macro",
  contamination: false,
};

/** The figure's numbers simulated from scratch, with no cache involved. */
function fresh(setup: SimSetup, seed: number) {
  const set = makeQuestionSet(sizes, seed);
  return { steps: waterfall(set, setup), final: scoreSetup(set, setup) };
}

describe("fiveChoicesData remembers results per (seed, setup)", () => {
  it("the same inputs give back the remembered result, equal to a fresh simulation", () => {
    const a = fiveChoicesData(sizes, typical, 3);
    expect(fiveChoicesData(sizes, { ...typical }, 3)).toBe(a);
    // An equal copy of the sizes array finds it too.
    expect(fiveChoicesData([...sizes], typical, 3)).toBe(a);
    const f = fresh(typical, 3);
    expect(a.final).toEqual(f.final);
    expect(a.steps).toEqual(f.steps);
  });

  it("a changed choice or seed is simulated anew, with the values a fresh simulation gives", () => {
    const a = fiveChoicesData(sizes, typical, 3);
    const harsher = { ...typical, rule: "firstCapital" as const, temperature: 1 };
    const b = fiveChoicesData(sizes, harsher, 3);
    expect(b).not.toBe(a);
    expect(b.final).toEqual(fresh(harsher, 3).final);
    expect(b.final.score).not.toBe(a.final.score);
    const c = fiveChoicesData(sizes, typical, 4);
    expect(c.final).toEqual(fresh(typical, 4).final);
    expect(c.final.correct).not.toBe(a.final.correct);
  });

  it("greedy decoding ignores the temperature, so those setups share one result", () => {
    const greedy = { ...typical, decoding: "greedy" as const };
    const cold = fiveChoicesData(sizes, { ...greedy, temperature: 0.3 }, 3);
    expect(fiveChoicesData(sizes, { ...greedy, temperature: 1.4 }, 3)).toBe(cold);
    expect(cold.final.score).toBe(fresh({ ...greedy, temperature: 1.4 }, 3).final.score);
  });

  it("keepSet: false simulates a seed without keeping its question set", () => {
    expect(hasQuestionSet(sizes, 3)).toBe(true);
    expect(hasQuestionSet(sizes, 17)).toBe(false);
    expect(hasFiveChoicesData(sizes, typical, 17)).toBe(false);
    const r = fiveChoicesData(sizes, typical, 17, { keepSet: false });
    expect(hasFiveChoicesData(sizes, typical, 17)).toBe(true);
    expect(hasQuestionSet(sizes, 17)).toBe(false);
    expect(hasQuestionSet(sizes, 3)).toBe(true);
    expect(r.final).toEqual(fresh(typical, 17).final);
  });
});

describe("seedsByDistance", () => {
  it("orders the other seeds nearest first, the higher first on a tie", () => {
    expect(seedsByDistance(5, 1, 9)).toEqual([6, 4, 7, 3, 8, 2, 9, 1]);
    expect(seedsByDistance(1, 1, 5)).toEqual([2, 3, 4, 5]);
    expect(seedsByDistance(5, 1, 5)).toEqual([4, 3, 2, 1]);
  });
});

describe("idlePrecomputer", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("after a pause, fills every seed for the setup on screen in idle time, nearest first", () => {
    vi.useFakeTimers();
    const pending: IdleRequestCallback[] = [];
    vi.stubGlobal("requestIdleCallback", (cb: IdleRequestCallback) => pending.push(cb));
    vi.stubGlobal("cancelIdleCallback", () => {});
    /** An idle period with room for `seeds` simulations (the deadline is checked before each). */
    const idle = (seeds: number) => {
      let checks = 0;
      pending.shift()!({ didTimeout: false, timeRemaining: () => (checks++ < seeds ? 50 : 2) });
    };
    const setup = { ...typical, shots: 25 as const, temperature: 0.45 };
    const precompute = idlePrecomputer(sizes);
    fiveChoicesData(sizes, setup, 10); // what the render does for the seed on screen
    precompute(setup, 10);
    expect(pending).toHaveLength(0); // a new setup waits a moment
    vi.advanceTimersByTime(SETUP_PAUSE_MS);
    expect(pending).toHaveLength(1);
    idle(0); // a busy page: too little idle time, nothing simulated
    expect(hasFiveChoicesData(sizes, setup, 11)).toBe(false);
    idle(1);
    expect(hasFiveChoicesData(sizes, setup, 11)).toBe(true);
    expect(hasFiveChoicesData(sizes, setup, 9)).toBe(false);
    idle(2);
    expect(hasFiveChoicesData(sizes, setup, 9)).toBe(true);
    expect(hasFiveChoicesData(sizes, setup, 12)).toBe(true);
    expect(hasFiveChoicesData(sizes, setup, 8)).toBe(false);
    while (pending.length) idle(20);
    for (let s = SEED_MIN; s <= SEED_MAX; s++) {
      expect(hasFiveChoicesData(sizes, setup, s)).toBe(true);
      // No question set was kept for the precomputed seeds (3 and 4 were kept by the tests above).
      if (s !== 10) expect(hasQuestionSet(sizes, s), `seed ${s}`).toBe(s === 3 || s === 4);
    }
    expect(fiveChoicesData(sizes, setup, 20).final).toEqual(fresh(setup, 20).final);
  });

  it("gives the seed on screen its question set back, once it has rested, if it was dropped", () => {
    vi.useFakeTimers();
    const pending: IdleRequestCallback[] = [];
    vi.stubGlobal("requestIdleCallback", (cb: IdleRequestCallback) => pending.push(cb));
    vi.stubGlobal("cancelIdleCallback", () => {});
    fiveChoicesData(sizes, typical, 3);
    for (const s of [13, 14, 15, 16, 18, 19]) fiveChoicesData(sizes, typical, s); // six newer sets
    expect(hasQuestionSet(sizes, 3)).toBe(false);
    const precompute = idlePrecomputer(sizes);
    precompute(typical, 3);
    vi.advanceTimersByTime(SETUP_PAUSE_MS);
    while (pending.length) pending.shift()!({ didTimeout: false, timeRemaining: () => 50 });
    // Every other seed is done; the seed on screen gets its set back once it has rested.
    expect(hasFiveChoicesData(sizes, typical, 20)).toBe(true);
    expect(hasQuestionSet(sizes, 3)).toBe(false);
    vi.advanceTimersByTime(SEED_PAUSE_MS);
    pending.shift()!({ didTimeout: false, timeRemaining: () => 50 });
    expect(hasQuestionSet(sizes, 3)).toBe(true);
    // A seed moved on from before it rested does not get its set back.
    precompute(typical, 5);
    vi.advanceTimersByTime(0);
    while (pending.length) pending.shift()!({ didTimeout: false, timeRemaining: () => 50 });
    precompute(typical, 6);
    vi.advanceTimersByTime(0);
    while (pending.length) pending.shift()!({ didTimeout: false, timeRemaining: () => 50 });
    vi.advanceTimersByTime(SEED_PAUSE_MS);
    while (pending.length) pending.shift()!({ didTimeout: false, timeRemaining: () => 50 });
    expect(hasQuestionSet(sizes, 5)).toBe(false);
    expect(hasQuestionSet(sizes, 6)).toBe(true);
  });
});
