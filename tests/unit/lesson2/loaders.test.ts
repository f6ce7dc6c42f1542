// The Lesson 2 data loaders, run as Framework runs them: their JSON matches the source tables
// (sizes from data/benchmarks.csv, counts recomputed from the CSVs) and stays compact.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import type { ArenaData, ContaminationRow, Leaderboards } from "../../../src/components/data/types.ts";

const run = <T>(loader: string): { json: T; bytes: number } => {
  const text = execFileSync("node_modules/.bin/tsx", [`src/data/${loader}`], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  return { json: JSON.parse(text) as T, bytes: Buffer.byteLength(text) };
};

describe("leaderboard.json", () => {
  const { json: boards, bytes } = run<Leaderboards>("leaderboard.json.ts");

  it("is a compact subset (the source CSVs are 1.3–1.4 MB)", () => {
    expect(bytes).toBeLessThan(60_000);
  });

  it("takes each benchmark's N from data/benchmarks.csv", () => {
    const n = Object.fromEntries(boards.v1.benchmarks.map((b) => [b.key, b.n]));
    expect(n).toEqual({
      mmlu: 14042,
      arc: 1172,
      hellaswag: 10042,
      truthfulqa: 817,
      winogrande: 1267,
      gsm8k: 1319,
    });
    expect(Object.fromEntries(boards.v2.benchmarks.map((b) => [b.key, b.n]))).toEqual({
      mmlu_pro_raw: 12032,
      bbh_raw: 6511,
      musr_raw: 756,
      ifeval_raw: 541,
    });
  });

  it("holds the top 20 of v1 by average, as in the source, scores as proportions", () => {
    const src = csvParse(readFileSync("data/open_llm_leaderboard_v1.csv", "utf8"));
    expect(boards.v1.top).toHaveLength(20);
    expect(boards.v1.top[0]!.model).toBe("paloalma/Le_Triomphant-ECE-TW3");
    const llama = src.find((r) => r.model === "meta-llama/Llama-2-70b-hf" && r.precision === "float16")!;
    const known = boards.v1.known.find((m) => m.model === "meta-llama/Llama-2-70b-hf")!;
    expect(known.scores.mmlu).toBeCloseTo(Number(llama.mmlu) / 100, 12);
    const averages = boards.v1.top.map((m) => m.average);
    expect([...averages].sort((a, b) => b - a)).toEqual(averages);
    // The scrape's inverted flag: the deliberately contaminated model is flagged.
    expect(boards.v1.top.find((m) => m.model === "Contamination/contaminated_proof_7b_v1.0")?.flagged).toBe(
      true,
    );
  });

  it("counts MMLU-Pro right answers per category on the questions every model has a result for", () => {
    const src = csvParse(readFileSync("data/mmlu_pro_correct_matrix.csv", "utf8"));
    const models = src.columns.filter((c) => c !== "question_id" && c !== "category");
    const common = src.filter((r) => models.every((m) => r[m] !== "NA"));
    const health = common.filter((r) => r.category === "health");
    const right = health.filter((r) => r["Meta-Llama-3-70B"] === "1").length;
    expect(boards.mmluPro.counts["Meta-Llama-3-70B"]!.health).toEqual([right, health.length]);
    expect(boards.mmluPro.categories.reduce((s, c) => s + c.n, 0)).toBe(common.length);
    expect(boards.mmluPro.coverage?.questions).toBe(12032);
    expect(boards.mmluPro.models).toHaveLength(29);
  });

  it("carries the published MMLU scores of Llama 2 70B and LLaMA 65B", () => {
    const scores = boards.published
      .filter((r) => r.model === "llama-65b")
      .map((r) => r.score)
      .sort();
    expect(scores).toEqual([48.8, 63.6, 63.7]);
  });
});

describe("arena.json", () => {
  const { json: arena, bytes } = run<ArenaData>("arena.json.ts");
  it("has the latest snapshot in full and all 88 snapshots of the history", () => {
    expect(arena.latest.date).toBe("2025-07-18");
    expect(arena.latest.rows).toHaveLength(218);
    expect(arena.latest.rows[0]).toMatchObject({
      model: "Gemini-2.5-Pro",
      rating: 1474,
      lower: 1470,
      upper: 1479,
      votes: 19209,
      rank: 1,
    });
    expect(arena.history.snapshots).toHaveLength(88);
    expect(arena.history.snapshots[0]!.date).toBe("2024-06-19");
    expect(bytes).toBeLessThan(120_000);
  });
});

describe("contamination.json", () => {
  const { json: rows } = run<ContaminationRow[]>("contamination.json.ts");
  it("tags every row of data/contamination.csv with its study", () => {
    expect(rows).toHaveLength(167);
    const count = (s: string) => rows.filter((r) => r.study === s).length;
    expect([count("gsm1k"), count("gsm1k-v1"), count("mmlu-cf"), count("clean-dirty")]).toEqual([
      63, 52, 44, 8,
    ]);
    expect(rows.find((r) => r.model === "Yi-6B-Chat" && r.study === "gsm1k")).toMatchObject({
      clean: 35.7,
      original: 43.7,
      gapPp: 8,
    });
  });
});
