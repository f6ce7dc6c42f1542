// Lesson 2's prose numbers (src/components/lessons/lesson2.ts) against values worked out apart
// from the code: by hand on small tables, and on the real data with the values counted from the
// source CSVs in Python (noted beside each) or read off the source's own table.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { categoryBoardOnCommonQuestions } from "../../../src/components/data/categoryBoard.ts";
import type {
  ArenaData,
  ContaminationRow,
  LeaderboardModel,
  Leaderboards,
} from "../../../src/components/data/types.ts";
import {
  arenaReading,
  categoryReading,
  cleanDirtyTable,
  contaminationProof,
  coverageReading,
  declaredTypes,
  inflationReading,
  measuredGaps,
  pairsAtN,
  publishedMmlu,
  STYLE_CONTROL,
  topSpread,
} from "../../../src/components/lessons/lesson2.ts";

const run = <T>(loader: string): T =>
  JSON.parse(
    execFileSync("node_modules/.bin/tsx", [`src/data/${loader}`], { encoding: "utf8", maxBuffer: 1 << 26 }),
  ) as T;
const boards = run<Leaderboards>("leaderboard.json.ts");
const arena = run<ArenaData>("arena.json.ts");
const measured = run<ContaminationRow[]>("contamination.json.ts");

const model = (over: Partial<LeaderboardModel>): LeaderboardModel => ({
  model: "m",
  average: 0,
  scores: {},
  type: "",
  flagged: false,
  merged: false,
  params_b: null,
  ...over,
});

describe("the top of the v1 board", () => {
  it("topSpread: first minus last average (hand-worked, and v1's 81.31 − 78.96)", () => {
    const s = topSpread([model({ average: 80.5 }), model({ average: 80 }), model({ average: 77.25 })]);
    expect(s.spread).toBeCloseTo(3.25, 12);
    expect(topSpread(boards.v1.top).spread).toBeCloseTo(81.31 - 78.96, 10);
  });

  it("declaredTypes counts what the leaderboard declares, a merged fine-tune once (hand-worked)", () => {
    const t = declaredTypes([
      model({ type: "fine-tuned on domain-specific datasets" }),
      model({ type: "fine-tuned on domain-specific datasets", merged: true }),
      model({ type: "base merges and moerges", merged: true }),
      model({ type: "chat models (RLHF, DPO, IFT, ...)", flagged: true }),
      model({ type: "pretrained" }),
    ]);
    expect(t).toEqual({ models: 5, fineTuned: 2, merged: 2, mergedOrFineTuned: 3, chat: 1, flagged: 1 });
  });

  it("on v1's top 20: 14 declared fine-tuned, 2 merge flags, 15 either, 5 chat models, 2 flagged", () => {
    // Counted by reading the 20 rows of the final v1 scrape (type and merge columns).
    expect(declaredTypes(boards.v1.top)).toEqual({
      models: 20,
      fineTuned: 14,
      merged: 2,
      mergedOrFineTuned: 15,
      chat: 5,
      flagged: 2,
    });
  });

  it("contaminationProof: the 7B model at 6th of 6,811, MMLU 78.9 (the v1 CSV's row)", () => {
    const p = contaminationProof(boards.v1);
    expect(p.model).toBe("Contamination/contaminated_proof_7b_v1.0");
    expect(p.paramsB).toBe(7);
    expect(p.largestB).toBe(140);
    expect(p.position).toBe(6);
    expect(p.boardSize).toBe(6811);
    expect(p.average).toBe(81.14);
    expect(p.mmluPct).toBeCloseTo(78.9, 1);
  });
});

describe("pairsAtN: the rank-overlap figure's gaps at its N", () => {
  it("counts significant pairs as a two-proportion z-test does (hand-worked board of three)", () => {
    // 0.80, 0.78, 0.70 at N = 1,000: z(0.80 vs 0.78) = 1.10 (n.s.), z(0.78 vs 0.70) = 4.08,
    // z(0.80 vs 0.70) = 5.27 — two of three gaps are significant.
    const tiny: Leaderboards = structuredClone(boards);
    tiny.v1.top = [
      model({ model: "a", scores: { mmlu: 0.8 } }),
      model({ model: "b", scores: { mmlu: 0.78 } }),
      model({ model: "c", scores: { mmlu: 0.7 } }),
    ];
    expect(pairsAtN(tiny, { board: "v1:mmlu", models: "top", n: 1000 })).toMatchObject({
      models: 3,
      pairs: 3,
      significant: 2,
      tied: 1,
      n: 1000,
      realN: 14042,
    });
    // At N = 100 the 8-point gap alone is not enough (z = 1.35); 0.80 vs 0.70 gives z = 1.63.
    expect(pairsAtN(tiny, { board: "v1:mmlu", models: "top", n: 100 }).significant).toBe(0);
  });
  it("fewer questions, fewer separable pairs on the real board", () => {
    const real = pairsAtN(boards, { board: "v1:mmlu", models: "top", n: 14042 });
    const small = pairsAtN(boards, { board: "v1:mmlu", models: "top", n: 164 });
    expect(real.pairs).toBe(190);
    expect(small.significant).toBeLessThan(real.significant);
    expect(small.significant).toBe(0);
  });
});

describe("contamination", () => {
  it("inflationReading names the biggest climb (hand-worked: 0 pp moves nothing; the weakest +9 pp)", () => {
    const snap = structuredClone(boards.v1);
    snap.known = [
      model({ model: "a", scores: { mmlu: 0.8 } }),
      model({ model: "b", scores: { mmlu: 0.78 } }),
      model({ model: "c", scores: { mmlu: 0.75 } }),
      model({ model: "d", scores: { mmlu: 0.7 } }),
    ];
    const none = inflationReading(snap, {
      inflation: 0,
      share: 1,
      who: "random",
      benchmark: "mmlu",
      seed: 1,
    });
    expect(none).toEqual({ models: 4, contaminated: 4, moved: 0, biggest: null });
    // d: 0.70 + 0.09 = 0.79 passes b (0.78) and c: 4th → 2nd; b and c each drop one place.
    const r = inflationReading(snap, {
      inflation: 9,
      share: 0.25,
      who: "bottom",
      benchmark: "mmlu",
      seed: 1,
    });
    expect(r).toEqual({ models: 4, contaminated: 1, moved: 3, biggest: { model: "d", from: 4, to: 2 } });
  });

  it("measuredGaps: medians and ranges counted from data/contamination.csv in Python", () => {
    const g = measuredGaps(measured);
    expect(g.gsm1k).toMatchObject({ count: 63, min: -3.8, max: 8, positive: 52 });
    expect(g.gsm1k.median).toBeCloseTo(1.7, 10);
    expect(g["gsm1k-v1"]).toMatchObject({ count: 52, min: -2.62, max: 13.45, positive: 46 });
    expect(g["gsm1k-v1"].median).toBeCloseTo(2.99, 10);
    expect(g["mmlu-cf"]).toMatchObject({ count: 44, min: -17.8, max: 18.6, positive: 41 });
    expect(g["mmlu-cf"].median).toBeCloseTo(13.15, 10);
  });

  it("cleanDirtyTable is Li et al.'s table whole, 'all dirty' MMLU below clean (readme.md@010a0bb)", () => {
    // The README's table: MMLU .6763 / .6667 / .7093; Hellaswag .7726 / .8348 / .8455;
    // ARC .4555 / .5632 / .5667; Average .6348 / .6882 / .7072 (clean / all dirty / input-label dirty).
    const t = cleanDirtyTable(measured);
    expect(t.map((r) => [r.benchmark, r.clean, r.allDirty, r.inputLabelDirty])).toEqual([
      ["MMLU", 67.63, 66.67, 70.93],
      ["HellaSwag", 77.26, 83.48, 84.55],
      ["ARC", 45.55, 56.32, 56.67],
      ["Average (MMLU, HellaSwag, ARC)", 63.48, 68.82, 70.72],
    ]);
    expect(t[0]!.allDirtyGap).toBeCloseTo(-0.96, 10);
    expect(t[0]!.inputLabelGap).toBeCloseTo(3.3, 10);
  });
});

describe("the Arena", () => {
  it("style control dates from LMSYS's post of 28/29 August 2024, not October", () => {
    expect(STYLE_CONTROL.introduced).toBe("29 August 2024");
    expect(STYLE_CONTROL.blogPostDate).toBe("2024-08-28");
  });
  it("arenaReading: the latest snapshot and the first scraped style rank (counted in Python)", () => {
    const a = arenaReading(arena);
    expect(a).toMatchObject({
      total: 218,
      date: "2025-07-18",
      leader: "Gemini-2.5-Pro",
      leaderVotes: 19209,
      sharingFirst: 1,
      separablePairs: 3,
      pairs: 19,
      snapshots: 88,
      firstDate: "2024-06-19",
      firstStyleDate: "2024-10-16",
      biggestStyleMove: { model: "Qwen3-235B-A22B", from: 15, to: 26 },
    });
  });
});

describe("MMLU-Pro by category, on the questions every model answered", () => {
  // Hand-checked: 6 questions (3 math, 3 law), 3 models; model C has no result for questions 1
  // and 2 (math). Common questions: 0 (math), 3, 4, 5 (law).
  //            q0 q1 q2 | q3 q4 q5
  //   A         1  1  1 |  0  1  0   → common: math 1/1, law 1/3, all 2/4
  //   B         0  0  0 |  1  1  1   → common: math 0/1, law 3/3, all 3/4
  //   C         1  -  - |  0  0  1   → common: math 1/1, law 1/3, all 2/4
  const small = categoryBoardOnCommonQuestions(
    ["math", "math", "math", "law", "law", "law"],
    ["A", "B", "C"],
    [
      Int8Array.from([1, 1, 1, 0, 1, 0]),
      Int8Array.from([0, 0, 0, 1, 1, 1]),
      Int8Array.from([1, -1, -1, 0, 0, 1]),
    ],
    "hand-made",
  );
  it("counts only the common questions, and says what it left out", () => {
    expect(small.counts).toEqual({
      A: { math: [1, 1], law: [1, 3], all: [2, 4] },
      B: { math: [0, 1], law: [3, 3], all: [3, 4] },
      C: { math: [1, 1], law: [1, 3], all: [2, 4] },
    });
    expect(small.categories).toEqual([
      { category: "law", n: 3 },
      { category: "math", n: 1 },
    ]);
    expect(small.coverage).toEqual({
      questions: 6,
      common: 4,
      categories: [
        { category: "law", all: 3, common: 3 },
        { category: "math", all: 3, common: 1 },
      ],
      incomplete: [{ model: "C", missing: 2, byCategory: { math: 2 } }],
    });
    // On each model's own questions, C would have math 1/1 and A 3/3; here both are 1/1.
    expect(coverageReading(small)).toMatchObject({ questions: 6, common: 4, left: 2, incomplete: 1 });
  });
  it("refuses columns that do not match the questions", () => {
    expect(() => categoryBoardOnCommonQuestions(["math", "law"], ["A"], [Int8Array.from([1])], "x")).toThrow(
      /A: 1 results for 2 questions/,
    );
  });

  it("on the real matrix: 10,326 common questions; DeepSeek-Coder-V2 misses 788 of 1,132 chemistry and 826 of 969 engineering", () => {
    const c = coverageReading(boards.mmluPro);
    expect(c).toMatchObject({ models: 29, questions: 12032, common: 10326, left: 1706, incomplete: 3 });
    expect(c.worst).toEqual({
      model: "DeepSeek-Coder-V2",
      missing: 1681,
      categories: [
        { category: "engineering", missing: 826, of: 969 },
        { category: "chemistry", missing: 788, of: 1132 },
      ],
    });
    const n = Object.fromEntries(boards.mmluPro.categories.map((x) => [x.category, x.n]));
    expect([n.math, n.health, n.chemistry, n.engineering]).toEqual([1293, 817, 341, 143]);
    // Every model is counted on the same questions.
    for (const m of boards.mmluPro.models) expect(boards.mmluPro.counts[m]!.all![1]).toBe(10326);
  });

  it("on the common questions DeepSeek-Coder-V2 leads maths but is 4th overall (not 3rd), by a lead the noise could make", () => {
    // Python on the common questions: math 820/1293 vs gemini-1.5-flash-002 802/1293, +1.39 pp,
    // p = 0.464; overall: gemini-1.5-pro 71.8, gemini-1.5-flash 65.8, Llama-3.1-70B-Instruct 64.5,
    // DeepSeek-Coder-V2 63.6.
    const math = categoryReading(boards.mmluPro, "math");
    expect(math).toMatchObject({
      leader: "DeepSeek-Coder-V2",
      overall: 4,
      overallOrdinal: "4th",
      runnerUp: "gemini-1.5-flash-002",
      n: 1293,
      significant: false,
    });
    expect(math.leadPp).toBeCloseTo(100 * (820 / 1293 - 802 / 1293), 10);
    expect(math.leadP).toBeCloseTo(0.4642, 3);
  });

  it("health: gemini-1.5-pro-002 leads by 6.4 pp over Llama-3.1-70B-Instruct (611 vs 559 of 817)", () => {
    const h = categoryReading(boards.mmluPro, "health");
    expect(h).toMatchObject({
      leader: "gemini-1.5-pro-002",
      overall: 1,
      runnerUp: "Meta-Llama-3_1-70B-Instruct",
      // 3rd overall on the common questions (64.5%, behind the two Gemini models).
      runnerUpOverall: 3,
      runnerUpOverallOrdinal: "3rd",
      n: 817,
      significant: true,
    });
    expect(h.leadPp).toBeCloseTo(100 * (611 / 817 - 559 / 817), 10);
    expect(h.leadP).toBeCloseTo(0.00433, 4);
  });
});

describe("published MMLU scores", () => {
  it("LLaMA 65B spans 48.8 to 63.93 (15.1 pp); Llama 2 70B 68.9 to 69.9 (data/published_scores.csv)", () => {
    const p = publishedMmlu(boards.published);
    expect([p.llama65.min, p.llama65.max]).toEqual([48.8, 63.93]);
    expect(p.llama65.spreadPp).toBeCloseTo(15.13, 10);
    expect([p.llama2.min, p.llama2.max]).toEqual([68.9, 69.9]);
  });
});
