// The three "Going deeper" pages' figures, derive() against the data files read independently
// (R on the CSVs: values in the comments) and hand-worked cases.
import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { deriveFormatSpread, formatRows } from "../../../src/components/figures/formatSpread.ts";
import { deriveJudgeLength } from "../../../src/components/figures/judgeLength.ts";
import { deriveLengthBias } from "../../../src/components/figures/lengthBiasJudge.ts";
import { derivePassAtK } from "../../../src/components/figures/passAtKCurves.ts";
import { averageRanks, judgedWinRate, pearson, spearman } from "../../../src/components/stats/lengthBias.ts";
import { flipShare, pairOrders } from "../../../src/components/stats/orderFlips.ts";
import { readAlpacaEval2, readHumanEvalRuns } from "../../../src/data/deeperTables.ts";
import { readPublishedScores } from "../../../src/data/tables.ts";

const runs = readHumanEvalRuns();
const board = readAlpacaEval2();
const csv = (file: string) =>
  csvParse(readFileSync(new URL(`../../../data/${file}`, import.meta.url), "utf8"));

describe("pass@k figure on the real HumanEval runs", () => {
  it("reads 164 problems × 10 runs for three models, matching the repository README's overall rates", () => {
    expect(runs.map((r) => r.model)).toEqual(["gpt-4", "gpt-3.5-turbo", "codellama-34b-instruct"]);
    const overall = runs.map((r) => r.counts.reduce((s, c) => s + c, 0) / (r.n * r.counts.length));
    // README: 84.8%, 77.0%, 45.1%
    expect(overall.map((x) => Math.round(1000 * x) / 10)).toEqual([84.8, 77, 45.1]);
  });
  it("GPT-4: pass@1, its interval, pass@10 and pass^10 (R on the CSV)", () => {
    const m = derivePassAtK(runs, { model: "gpt-4", k: 10 });
    // R: mean(p) = 0.8481707317, sd(p)/sqrt(164) = 0.0250761605
    expect(m.curve[0]!.passAt.mean).toBeCloseTo(0.8481707317, 9);
    expect(m.curve[0]!.passAt.se).toBeCloseTo(0.0250761605, 9);
    // With k = n = 10: pass@10 is the share of problems passed at least once, pass^10 the share passed every time.
    expect(m.here.passAt.mean).toBeCloseTo(0.9085365854, 9);
    expect(m.here.passHat.mean).toBeCloseTo(0.756097561, 9);
    expect([m.always, m.sometimes, m.never]).toEqual([124, 25, 15]);
    expect(m.histogram.reduce((s, h) => s + h.problems, 0)).toBe(164);
  });
  it("the three curves meet at k = 1; above it pass@k > naive and pass^k < pass@1; k is clamped to 1..n", () => {
    for (const r of runs) {
      const m = derivePassAtK(runs, { model: r.model, k: 99 });
      expect(m.k).toBe(10);
      const p1 = m.curve[0]!;
      expect(p1.naive).toBeCloseTo(p1.passAt.mean, 12);
      expect(p1.passHat.mean).toBeCloseTo(p1.passAt.mean, 12);
      for (const p of m.curve.slice(1)) {
        expect(p.passAt.mean).toBeGreaterThan(p.naive);
        expect(p.passHat.mean).toBeLessThan(p1.passAt.mean);
      }
    }
  });
  it("an unknown model is named in the error", () => {
    expect(() => derivePassAtK(runs, { model: "nope", k: 1 })).toThrow(/no HumanEval runs for "nope"/);
  });
});

describe("format-spread figure on the three MMLU implementations", () => {
  const rows = formatRows(readPublishedScores());
  it("eight models; LLaMA-65B spans 63.7 − 48.8 = 14.9 points; its interval at N = 14,042 is about ±0.8", () => {
    expect(rows).toHaveLength(8);
    const m = deriveFormatSpread(rows, { a: "llama-65b", b: "tiiuae/falcon-40b" });
    expect(m.rowA.spread).toBeCloseTo(14.9, 9);
    // Normal approximation 1.96·√(0.637·0.363/14042) = 0.795 pp (hand-worked); Wilson agrees to 0.01.
    expect(m.halfWidthA).toBeCloseTo(0.795, 2);
    // Blog table: LLaMA-65B − Falcon-40B = +6.6 (HELM), +7.8 (original), −3.9 (harness)
    expect(m.order.map((o) => Math.round(10 * o.gap) / 10)).toEqual([6.6, 7.8, -3.9]);
    expect(m.order.map((o) => o.leader)).toEqual(["llama-65b", "llama-65b", "falcon-40b"]);
    expect(m.pairFlips).toBe(true);
  });
  it("5 of the 28 pairs flip (counted separately in Python from data/published_scores.csv)", () => {
    const m = deriveFormatSpread(rows, { a: "llama-7b", b: "llama-13b" });
    expect([m.flipped, m.pairs]).toEqual([5, 28]);
    expect(m.pairFlips).toBe(false);
    expect(m.widest.label).toBe("llama-65b");
  });
  it("pairOrders and flipShare on a hand-made table", () => {
    const models = [
      { model: "A", scores: [60, 50, 55] },
      { model: "B", scores: [55, 52, 55] },
      { model: "C", scores: [10, 10, 10] },
    ];
    expect(pairOrders(models).map((p) => [p.a, p.b, p.signs, p.flips])).toEqual([
      ["A", "B", [1, -1, 0], true],
      ["A", "C", [1, 1, 1], false],
      ["B", "C", [1, 1, 1], false],
    ]);
    expect(flipShare(models)).toEqual({ flipped: 1, pairs: 3, share: 1 / 3 });
    expect(() => pairOrders([models[0]!, { model: "D", scores: [1] }])).toThrow(/every model needs a score/);
  });
});

describe("judge-length figure against the AlpacaEval 2 CSV", () => {
  it("loads all 223 rows; the CSV's own columns come through unchanged", () => {
    const raw = csv("alpaca_eval_2_leaderboard.csv");
    expect(board).toHaveLength(223);
    const verbose = raw.find((r) => r.model === "gpt4_1106_preview_verbose")!;
    const row = board.find((r) => r.model === "gpt4_1106_preview_verbose")!;
    expect(row.winRate).toBe(Number(verbose.win_rate));
    expect(row.lcWinRate).toBe(Number(verbose.length_controlled_winrate));
    expect(row.avgLength).toBe(2402);
  });
  it("verified view (+ the followed model): ranks and correlations as R computes them", () => {
    const m = deriveJudgeLength(board, { view: "verified", model: "gpt4_1106_preview_verbose" });
    // R: 53 rows; spearman 0.9474278342; cor(log len, raw) 0.5781253999, (log len, LC) 0.4439051028
    expect(m.rows).toHaveLength(53);
    expect(m.rho).toBeCloseTo(0.9474278342, 9);
    expect(m.lengthRaw).toBeCloseTo(0.5781253999, 9);
    expect(m.lengthLc).toBeCloseTo(0.4439051028, 9);
    // R: rank(-win_rate) 1, rank(-lc) 2 for the verbose GPT-4 Turbo; 49 rows change rank
    expect([m.chosen.rawRank, m.chosen.lcRank, m.chosen.moved]).toEqual([1, 2, -1]);
    expect(m.changed).toBe(49);
    const gpt4 = deriveJudgeLength(board, { view: "verified", model: "gpt4" }).chosen;
    // R on the 52 verified rows alone (the followed model is one of them): gpt4 ranks 6 raw, 2 length-controlled
    expect([gpt4.rawRank, gpt4.lcRank, gpt4.moved]).toEqual([6, 2, 4]);
  });
  it("all 223: gemma-2-9b-it-WPO-HB tops the raw column, NullModel the length-controlled one; 214 change rank (R)", () => {
    const m = deriveJudgeLength(board, { view: "all", model: "NullModel" });
    expect(m.rows.find((r) => r.rawRank === 1)!.model).toBe("gemma-2-9b-it-WPO-HB");
    expect(m.rows.find((r) => r.lcRank === 1)!.model).toBe("NullModel");
    expect(m.changed).toBe(214);
  });
  it("an unknown model is named in the error", () => {
    expect(() => deriveJudgeLength(board, { view: "all", model: "nope" })).toThrow(/"nope" is not on/);
  });
});

describe("the simulated length-biased judge", () => {
  it("at bias 0 it reproduces the quality ranking exactly", () => {
    const m = deriveLengthBias(board, { bias: 0 });
    expect(m.changed).toBe(0);
    expect(m.rho).toBe(1);
    for (const r of m.rows) expect(r.judged).toBeCloseTo(r.quality, 9);
  });
  it("with a bias, longer-than-baseline answers gain and shorter ones lose", () => {
    const m = deriveLengthBias(board, { bias: 0.5 });
    expect(m.baseLength).toBe(2049);
    for (const r of m.rows) {
      if (r.avgLength > m.baseLength) expect(r.judged).toBeGreaterThan(r.quality);
      if (r.avgLength < m.baseLength) expect(r.judged).toBeLessThan(r.quality);
    }
    expect(m.changed).toBeGreaterThan(0);
    expect(m.rho).toBeLessThan(1);
  });
  it("judgedWinRate, pearson, spearman and averageRanks against R", () => {
    // R: plogis(qlogis(0.3) + 0.8*log2(1500/2049)) = 0.230185539665
    expect(judgedWinRate(0.3, 1500, 2049, 0.8)).toBeCloseTo(0.230185539665, 11);
    const x = [3, 1, 4, 1, 5, 9, 2, 6];
    const y = [2, 7, 1, 8, 2, 8, 1, 8];
    // R: cor(x, y) = 0.209655319073; cor(x, y, method = "spearman") = 0.198853681210; rank(-x)
    expect(pearson(x, y)).toBeCloseTo(0.209655319073, 11);
    expect(spearman(x, y)).toBeCloseTo(0.19885368121, 11);
    expect(averageRanks(x)).toEqual([5, 7.5, 4, 7.5, 3, 1, 6, 2]);
    expect(() => judgedWinRate(1, 100, 100, 0)).toThrow(/quality must be in \(0, 1\)/);
  });
});
