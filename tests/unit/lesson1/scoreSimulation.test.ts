// The five-choices simulation: deterministic for a seed, and every choice moves the score the way
// the lesson says it does.
import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import {
  CONTAMINATION_RATE,
  cachedScore,
  makeQuestionSet,
  referenceSetup,
  type SimSetup,
  scoreSetup,
  styleMix,
  waterfall,
} from "../../../src/components/sim/scoreSimulation.ts";
import { proportionInterval } from "../../../src/components/stats/intervals.ts";

const sizes = csvParse(readFileSync(new URL("../../../data/mmlu_subjects.csv", import.meta.url), "utf8")).map(
  (r) => Number(r.n_test),
);
const set = makeQuestionSet(sizes, 1);
const score = (s: Partial<SimSetup>) => scoreSetup(set, { ...referenceSetup, ...s });

describe("score simulation", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const again = makeQuestionSet(sizes, 1);
    expect(Array.from(again.margin.slice(0, 50))).toEqual(Array.from(set.margin.slice(0, 50)));
    expect(scoreSetup(again, referenceSetup)).toEqual(score({}));
    const sampled = { decoding: "sampled" as const, temperature: 1 };
    expect(scoreSetup(again, { ...referenceSetup, ...sampled }).correct).toBe(score(sampled).correct);
    expect(scoreSetup(makeQuestionSet(sizes, 2), referenceSetup).correct).not.toBe(score({}).correct);
  });

  it("uses MMLU's 14,042 questions and reports the Wilson interval of the micro score", () => {
    const r = score({});
    expect(r.n).toBe(14042);
    const ci = proportionInterval(r.correct, r.n, { method: "wilson" });
    expect(r.score).toBeCloseTo(ci.estimate, 12);
    expect(r.lower).toBeCloseTo(ci.lower, 12);
    expect(r.upper).toBeCloseTo(ci.upper, 12);
  });

  it("more shots raise the score (0 < 5 < 25), on several seeds", () => {
    for (const seed of [1, 2, 3, 7]) {
      const s = makeQuestionSet(sizes, seed);
      const at = (shots: 0 | 5 | 25) => scoreSetup(s, { ...referenceSetup, shots }).score;
      expect(at(0)).toBeLessThan(at(5));
      expect(at(5)).toBeLessThan(at(25));
      // "Up to about 5 pp" on MMLU: the 0→5-shot effect stays within a few points.
      expect(at(5) - at(0)).toBeGreaterThan(0.02);
      expect(at(5) - at(0)).toBeLessThan(0.09);
    }
  });

  it("contamination inflates the score, by about the leaked share of the questions the model got wrong", () => {
    const clean = score({});
    const dirty = score({ contamination: true });
    expect(dirty.score).toBeGreaterThan(clean.score);
    expect(dirty.leaked / dirty.n).toBeCloseTo(CONTAMINATION_RATE, 2);
    const expected = CONTAMINATION_RATE * (1 - clean.score);
    expect(dirty.score - clean.score).toBeGreaterThan(0.5 * expected);
    expect(dirty.score - clean.score).toBeLessThan(2 * expected);
  });

  it("greedy beats sampling, and sampling gets worse as the temperature rises", () => {
    const greedy = score({}).score;
    const t = [0.3, 0.7, 1.0, 1.5].map((temperature) => score({ decoding: "sampled", temperature }).score);
    expect(t[0]!).toBeLessThan(greedy);
    for (let i = 1; i < t.length; i++) expect(t[i]!).toBeLessThan(t[i - 1]!);
  });

  it("extraction: a random-guess fallback adds about a quarter of the unreadable responses", () => {
    const strict = score({});
    const guess = score({ rule: "answerIsGuess" });
    expect(guess.unparsed).toBe(strict.unparsed);
    expect(guess.correct - strict.correct).toBeGreaterThan(0.15 * strict.unparsed);
    expect(guess.correct - strict.correct).toBeLessThan(0.35 * strict.unparsed);
    // Rules that read stray letters misread some responses; "answer is" misreads none.
    expect(strict.misread).toBe(0);
    expect(score({ rule: "firstCapital" }).misread).toBeGreaterThan(0);
    expect(score({ rule: "lastLetter" }).misread).toBeGreaterThan(0);
  });

  it("response-style shares sum to 1 for each shot count", () => {
    for (const mix of Object.values(styleMix))
      expect(Object.values(mix).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("the waterfall starts at the reference, ends at the setup, and its steps add up", () => {
    const setup: SimSetup = {
      shots: 0,
      decoding: "sampled",
      temperature: 0.9,
      rule: "firstCapital",
      aggregation: "macro",
      contamination: true,
    };
    const steps = waterfall(set, setup);
    expect(steps.map((s) => s.key)).toEqual([
      "reference",
      "shots",
      "decoding",
      "rule",
      "aggregation",
      "contamination",
    ]);
    expect(steps[0]!.score).toBeCloseTo(score({}).score, 12);
    expect(steps.at(-1)!.score).toBeCloseTo(scoreSetup(set, setup).score, 12);
    const sum = steps.slice(1).reduce((a, s) => a + s.delta, 0);
    expect(steps[0]!.score + sum).toBeCloseTo(steps.at(-1)!.score, 12);
    // Several choices each move the score by more than a point.
    expect(steps.slice(1).filter((s) => Math.abs(s.delta) > 0.01).length).toBeGreaterThanOrEqual(3);
    // An unchanged choice contributes nothing.
    expect(
      waterfall(set, referenceSetup)
        .slice(1)
        .every((s) => s.delta === 0),
    ).toBe(true);
  });

  it("macro aggregation reports the macro average and the cache returns the same result", () => {
    const m = score({ aggregation: "macro" });
    expect(m.score).toBe(m.macro);
    expect(m.lower).toBeLessThan(m.score);
    expect(cachedScore(set, { ...referenceSetup, aggregation: "macro" })).toEqual(m);
  });
});
