import { readBenchmarks } from "../../../src/data/tables.ts";
// The benchmark reference table: built from data/benchmarks.csv, checked against the course's
// printed half-widths and hand-computed detectable differences; sorting and source links.
import { describe, expect, it } from "vitest";
import {
  benchmarkReference,
  type ReferenceRow,
  sortReference,
  sourceLinks,
} from "../../../src/components/data/benchmarkReference.ts";
import type { Benchmark } from "../../../src/components/data/types.ts";
import { readTable } from "../../../src/data/source.ts";

const benchmarks: Benchmark[] = readBenchmarks();

const find = (rows: readonly ReferenceRow[], name: string, split: string) => rows.find((r) => r.benchmark === name && r.split === split)!;

describe("benchmarkReference", () => {
  const rows = benchmarkReference(benchmarks);
  it("lists evaluation splits only (no train, few-shot or unlabelled splits)", () => {
    expect(rows.length).toBe(benchmarks.filter((b) => b.metric !== "-").length);
    expect(rows.find((r) => r.split === "train")).toBeUndefined();
    expect(rows.find((r) => r.split.includes("unlabelled"))).toBeUndefined();
    expect(find(rows, "GSM8K", "test")).toMatchObject({ n: 1319, measures: "grade-school math word problems, numeric answer", metric: "exact match of final number" });
  });
  it("reproduces the course's half-widths at 80% accuracy", () => {
    const printed: [string, string, number][] = [
      ["MMLU", "test", 0.66],
      ["GSM8K", "test", 2.15],
      ["HumanEval", "test", 6.1],
      ["HellaSwag", "validation", 0.78],
      ["ARC-Challenge", "test", 2.3],
    ];
    for (const [name, split, pp] of printed) expect(Math.abs(100 * find(rows, name, split).halfWidth - pp)).toBeLessThan(0.06);
  });
  it("detectable differences: (z₀.₉₇₅ + z₀.₈)·√(2p(1−p)/N), paired × √(1 − r), by hand", () => {
    const z = 1.959963984540054 + 0.8416212335729143;
    const he = find(benchmarkReference(benchmarks, { p: 0.8, correlation: 0.5 }), "HumanEval", "test");
    expect(he.mddIndependent).toBeCloseTo(z * Math.sqrt((2 * 0.16) / 164), 9);
    expect(he.mddPaired).toBeCloseTo(z * Math.sqrt((2 * 0.16 * 0.5) / 164), 9);
    expect(he.halfWidthWorst).toBeCloseTo(1.959963984540054 * Math.sqrt(0.25 / 164), 9);
    const at99 = find(benchmarkReference(benchmarks, { p: 0.8, confidence: 0.99 }), "HumanEval", "test");
    expect(at99.halfWidth).toBeCloseTo(2.5758293035489 * Math.sqrt(0.16 / 164), 9);
    expect(at99.mddIndependent).toBeGreaterThan(he.mddIndependent);
  });
});

describe("sortReference", () => {
  const rows = benchmarkReference(benchmarks);
  it("sorts by N both ways and by name", () => {
    const byN = sortReference(rows, "n", "desc").map((r) => r.n);
    expect(byN).toEqual([...byN].sort((a, b) => b - a));
    expect(sortReference(rows, "n", "asc")[0]!.benchmark).toBe("HumanEval");
    const names = sortReference(rows, "benchmark").map((r) => r.benchmark.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
  it("half-width order is the reverse of N order at one accuracy", () => {
    expect(sortReference(rows, "halfWidth", "asc").map((r) => r.n)).toEqual(sortReference(rows, "n", "desc").map((r) => r.n));
  });
  it("does not mutate its input", () => {
    const before = rows.map((r) => r.benchmark);
    sortReference(rows, "n", "asc");
    expect(rows.map((r) => r.benchmark)).toEqual(before);
  });
});

describe("sourceLinks", () => {
  it("links a GitHub file at a commit, a folder behind a glob, an arXiv paper and a Hugging Face dataset", () => {
    expect(sourceLinks("openai/human-eval data/HumanEval.jsonl.gz@6d43fb980f9fee3c892a914eda09951f772ad10d (164 lines counted)")).toEqual([
      { label: "openai/human-eval data/HumanEval.jsonl.gz", href: "https://github.com/openai/human-eval/blob/6d43fb980f9fee3c892a914eda09951f772ad10d/data/HumanEval.jsonl.gz" },
    ]);
    expect(sourceLinks("ctlllll/LLM-ToolMaker bbh/*.json@4169219e4966253b6ec0928876a2bccfdc3cdbd3 (copy)")[0]!.href).toBe(
      "https://github.com/ctlllll/LLM-ToolMaker/tree/4169219e4966253b6ec0928876a2bccfdc3cdbd3/bbh",
    );
    expect(sourceLinks("GPQA paper, Rein et al. 2023, arXiv 2311.12022 (not counted)")).toEqual([{ label: "arXiv 2311.12022", href: "https://arxiv.org/abs/2311.12022" }]);
    expect(sourceLinks("princeton-nlp/SWE-bench_Lite on Hugging Face (not counted)")[0]!.href).toBe("https://huggingface.co/datasets/princeton-nlp/SWE-bench_Lite");
    expect(sourceLinks("a vendor blog post")).toEqual([]);
  });
  it("every evaluation split but one links to its source (SWE-bench Verified cites a release, not a file)", () => {
    const unlinked = benchmarkReference(benchmarks).filter((r) => r.links.length === 0).map((r) => r.benchmark);
    expect(unlinked).toEqual(["SWE-bench Verified"]);
  });
});
