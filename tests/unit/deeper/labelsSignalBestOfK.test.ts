// The three figures' models (derive) on the real data: MMLU-Redux's counts, the leaderboards' scores, the Arena board.
import { execSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { ArenaData } from "../../../src/components/data/types.ts";
import type { ReduxData, SignalData } from "../../../src/components/deeper/types.ts";
import { deriveSignal } from "../../../src/components/figures/benchmarkSignal.ts";
import { bestOfKSimulator, deriveBestOfK, opponentsFor } from "../../../src/components/figures/bestOfK.ts";
import {
  deriveLabelErrors,
  labelErrorsNotice,
  subjectRates,
} from "../../../src/components/figures/labelErrors.ts";
import { expectedMaxNormal } from "../../../src/components/stats/winnersCurse.ts";
import { questions as q1 } from "../../../src/content/deeper/best-of-k.ts";
import { questions as q2 } from "../../../src/content/deeper/label-errors.ts";
import { questions as q3 } from "../../../src/content/deeper/signal-and-noise.ts";

const load = <T>(file: string): T =>
  JSON.parse(execSync(`npx tsx src/data/${file}`, { maxBuffer: 1 << 26 }).toString());
const redux = load<ReduxData>("mmlu-redux.json.ts");

describe("label errors on MMLU-Redux", () => {
  const rates = subjectRates(redux);
  it("pools 57 subjects × 100 questions: 142 bad keys (107 wrong + 35 no right option), 370 flagged (6.49%)", () => {
    expect(rates[0]!.n).toBe(5700);
    expect(rates[0]!.bad).toBe(142);
    expect(rates[0]!.flagged).toBe(370);
    expect(rates[0]!.flagged / rates[0]!.n).toBeCloseTo(0.0649, 4);
    expect(rates).toHaveLength(58);
  });
  it("virology is the worst subject: 33 wrong keys + 4 with no right option; 57 flagged", () => {
    expect(rates[1]!.subject).toBe("virology");
    expect(rates[1]!.bad).toBe(37);
    expect(rates[1]!.flagged).toBe(57);
  });
  it("derive: virology (e = 0.37), 95% vs 90% → 0.95·0.63 + 0.37·0.05/3 = 60.47% vs 57.93%; the 5-point gap shows as 2.53 (hand-worked)", () => {
    const m = deriveLabelErrors({ subject: "virology", a: 0.95, b: 0.9 }, rates);
    expect(m.measuredA).toBeCloseTo(0.604667, 6);
    expect(m.measuredB).toBeCloseTo(0.579333, 6);
    expect(m.measuredGap).toBeCloseTo(0.025333, 6);
    expect(m.ceiling).toBeCloseTo(0.63, 12);
    expect(m.strip).toContain(m.chosen);
    expect(labelErrorsNotice(m)).toMatch(/0\.51 points/);
    const clean = deriveLabelErrors({ subject: "high_school_us_history", a: 0.95, b: 0.9 }, rates);
    expect(clean.strip.at(-1)).toBe(clean.chosen);
    expect(labelErrorsNotice(clean)).toMatch(/No bad key/);
  });
});

describe("signal and noise on the leaderboards", () => {
  const data = load<SignalData>("signal-noise.json.ts");
  it("MMLU-Pro's top 20 (v2): 190 pairs; noise near √(0.6·0.4/12,032) = 0.45 pp", () => {
    const m = deriveSignal({ benchmark: "v2:mmlu_pro_raw", top: 20, extra: 0 }, data);
    expect(m.stats.pairs).toBe(190);
    expect(m.stats.noise).toBeGreaterThan(0.004);
    expect(m.stats.noise).toBeLessThan(Math.sqrt(0.25 / 12032) + 1e-12);
    expect(m.all.filter((d) => d.chosen).map((d) => d.label)).toEqual(["MMLU-Pro"]);
    expect(m.dots[0]!.score).toBe(Math.max(...m.dots.map((d) => d.score)));
  });
  it("an unknown benchmark falls back to the board's first, and top is clamped to the data", () => {
    const m = deriveSignal({ benchmark: "v9:nothing", top: 10_000, extra: 0 }, data);
    expect(m.top).toBe(data.boards[0]!.models.length);
  });
});

describe("best of k on the Arena board", () => {
  const arena = load<ArenaData>("arena.json.ts");
  const rows = arena.latest.rows;
  const simulate = bestOfKSimulator(rows);
  it("opponents are the 20 nearest real ratings, the model itself excluded", () => {
    const like = rows[9]!;
    const opp = opponentsFor(rows, like);
    expect(opp).toHaveLength(20);
    const far = Math.max(...opp.map((r) => Math.abs(r - like.rating)));
    expect(
      rows.filter((r) => r !== like && Math.abs(r.rating - like.rating) < far).length,
    ).toBeLessThanOrEqual(20);
  });
  it("k = 1 gains nothing in theory; k = 10 follows SE × 1.5388 within 15%; moving k reuses the simulation", () => {
    const one = deriveBestOfK({ k: 1, battles: 3000, position: 10 }, rows, simulate);
    expect(one.theoryHere).toBe(0);
    const ten = deriveBestOfK({ k: 10, battles: 3000, position: 10 }, rows, simulate);
    expect(ten.sim).toBe(one.sim);
    expect(ten.theoryHere).toBeCloseTo(ten.sim.se * 1.5388, 2);
    expect(Math.abs(ten.inflation / (ten.sim.se * expectedMaxNormal(10)) - 1)).toBeLessThan(0.15);
    expect(ten.rankPublished).toBeLessThanOrEqual(ten.rankTrue);
  });
});

describe("the closing questions", () => {
  it("have unique ids, four options with feedback, and a valid key", () => {
    const all = [...q1, ...q2, ...q3];
    expect(new Set(all.map((q) => q.id)).size).toBe(all.length);
    for (const q of all) {
      expect(q.options).toHaveLength(4);
      for (const o of q.options) expect(o.feedback.length).toBeGreaterThan(20);
      expect(q.correct).toBeGreaterThanOrEqual(0);
    }
  });
});
