// Each format adapter on real harness output (tests/fixtures/README.md says where each file comes
// from), checked against the numbers the harness itself wrote; and lm-eval runs over several tasks
// and models, built by hand, with the expected numbers counted by hand.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { filesFromEntries } from "../../../src/components/results/dropEntries.ts";
import { epochSpread, inspectValue } from "../../../src/components/results/formats/inspect.ts";
import { lmEvalName } from "../../../src/components/results/formats/paths.ts";
import { formats } from "../../../src/components/results/formats/registry.ts";
import { runPipeline } from "../../../src/components/results/pipeline.ts";

const dir = join(import.meta.dirname, "../../fixtures/results-formats");
const input = (path: string, name = path) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, path))) });
const ok = <T extends { ok: boolean }>(f: T) => {
  if (!f.ok) throw new Error(JSON.stringify(f));
  return f as Extract<T, { ok: true }>;
};

describe("lm-eval file names", () => {
  it("split task and timestamp", () => {
    expect(lmEvalName("run/m/samples_mmlu_abstract_algebra_2024-05-01T10-00-00.123456.jsonl")).toEqual({
      kind: "samples",
      task: "mmlu_abstract_algebra",
      timestamp: "2024-05-01T10-00-00.123456",
    });
    expect(lmEvalName("results_2026-01-21T03-44-18.458309.json")).toEqual({
      kind: "results",
      task: "",
      timestamp: "2026-01-21T03-44-18.458309",
    });
    expect(lmEvalName("my-model.jsonl")).toBeNull();
  });
});

describe("real lm-eval output (every_eval_ever's test data)", () => {
  const folder = "lm-eval/mem_Qwen3-93M";
  const samples = `${folder}/samples_math_perturbed_full_2026-01-21T03-44-18.458309.jsonl`;
  const results = `${folder}/results_2026-01-21T03-44-18.458309.json`;
  it("the results file names the run's model; its score is set beside the one read", async () => {
    const r = await runPipeline([input(samples), input(results)]);
    const s = ok(r.files[0]!);
    expect(s.format).toBe("lm-eval");
    expect(s.model).toBe("RylanSchaeffer/mem_Qwen3-93M_minerva_math_rep_0_sbst_1.0000_epch_1_ot_1");
    expect(s.task).toBe("math_perturbed_full");
    expect(s.records).toBe(10);
    // lm-eval: exact_match,none 0.0 on 5,000; read here: 0 of 10 — same value, not the same count.
    expect(s.check?.harness).toMatchObject({ metric: "exact_match,none", value: 0, stderr: 0, n: 5000 });
    expect(s.check?.read).toEqual({ value: 0, n: 10 });
    expect(s.check?.agrees).toBe(false);
    expect(ok(r.files[1]!).format).toBe("lm-eval-results");
    // One model: Wilson's interval for 0 of 10 is 0 – 27.75% (not the Wald 0 – 0).
    expect(r.analysis!.models[0]!.upper).toBeCloseTo(0.2775327998628892, 8);
  });
  it("without the results file the model is named after the folder", async () => {
    const r = await runPipeline([input(samples)]);
    expect(ok(r.files[0]!).model).toBe("mem_Qwen3-93M");
  });
});

describe("real HELM run", () => {
  const helm = "helm/mmlu-philosophy-gpt2";
  it("per-instance exact_match on the test split: 1 of 9, HELM's own stats.json mean 0.1111", async () => {
    const r = await runPipeline([input(`${helm}/per_instance_stats.json`), input(`${helm}/run_spec.json`)]);
    const f = ok(r.files[0]!);
    expect(f.format).toBe("helm");
    expect(f.records).toBe(9);
    expect(f.model).toBe("openai/gpt2");
    expect(f.description).toMatch(/1 instance of other splits left out/);
    expect(r.analysis!.models[0]!.accuracy).toBeCloseTo(0.1111111111111111, 12);
  });
  it("names the model from the folder's run name when run_spec.json is not dropped", async () => {
    const r = await runPipeline([
      input(
        `${helm}/per_instance_stats.json`,
        "mmlu:subject=philosophy,method=multiple_choice_joint,model=openai_gpt2/per_instance_stats.json",
      ),
    ]);
    expect(ok(r.files[0]!).model).toBe("openai/gpt2");
  });
});

describe("real Inspect logs: two models on arc_easy", () => {
  it("reads eval.model and C/I scores, compares the models on their shared samples, and agrees with Inspect", async () => {
    const r = await runPipeline([input("inspect/data_arc_qwen.json"), input("inspect/data_arc_sonnet.json")]);
    const [q, s] = r.files.map((f) => ok(f));
    expect([q!.format, q!.model, q!.records]).toEqual(["inspect", "ollama/qwen2.5:0.5b", 3]);
    expect([s!.model, s!.records]).toEqual(["anthropic/claude-sonnet-4-0", 5]);
    // Inspect's own: accuracy 0.3333 ± 0.3333 on 3; 1.0 ± 0 on 5.
    expect(q!.check).toMatchObject({ agrees: true, read: { n: 3 }, harness: { value: 0.3333333333333333 } });
    expect(s!.check).toMatchObject({ agrees: true, read: { value: 1, n: 5 } });
    expect(r.analysis?.n).toBe(3);
    const acc = Object.fromEntries(r.analysis!.models.map((m) => [m.model, m.accuracy]));
    expect(acc).toEqual({ "ollama/qwen2.5:0.5b": 1 / 3, "anthropic/claude-sonnet-4-0": 1 });
  });
  it("scores: C 1, I 0, P 0.5, N 0; numbers in [0, 1]; anything else is not a score", () => {
    expect(["C", "I", "P", "N", 0.25, true, "0.5", 2, "yes", null].map(inspectValue)).toEqual([
      1,
      0,
      0.5,
      0,
      0.25,
      1,
      0.5,
      null,
      null,
      null,
    ]);
  });
  it("epochs: the share of variance within items, by hand", () => {
    // Item a: 1, 0 (mean .5); item b: 1, 1. All four: mean .75, total SS = 3·.0625 + .5625 = .75;
    // within: item a's SS = .5, item b's 0 → 0.5 / 0.75 = 2/3.
    expect(
      epochSpread(
        new Map([
          ["a", [1, 0]],
          ["b", [1, 1]],
        ]),
      ),
    ).toEqual({ repeated: 2, epochs: 2, withinShare: 2 / 3 });
  });
});

describe("real Inspect .eval archives (ZIP)", () => {
  it("two epochs per item are averaged per item; the within-item share of variance is reported", async () => {
    const r = await runPipeline([input("inspect-eval/log_streaming.eval")]);
    const f = ok(r.files[0]!);
    expect([f.format, f.model, f.records]).toEqual([
      "inspect",
      "azureai/Meta-Llama-3-1-405B-Instruct-jqf",
      2,
    ]);
    // Sample 1: I, C → 0.5; sample 2: C, C → 1. Mean 0.75 = Inspect's own accuracy.
    expect(f.check).toMatchObject({ agrees: true, read: { value: 0.75, n: 2 }, harness: { value: 0.75 } });
    // Variance of the four scores around 0.75: SS 0.75; within items: 0.5 → 67%.
    expect(f.description).toMatch(
      /2 epochs per item, averaged per item — 67% of the single scores' variance is within items/,
    );
  });
  it("a one-epoch log of 10 samples: 8 right, as Inspect says (0.8)", async () => {
    const r = await runPipeline([
      input("inspect-eval/2025-02-11T15-18-04-05-00_popularity_mj7khqpMM4GBCfVQozKgzB.eval"),
    ]);
    const f = ok(r.files[0]!);
    expect([f.model, f.records, f.check?.agrees]).toEqual(["openai/gpt-4o-mini", 10, true]);
    expect(r.analysis!.models[0]!.k).toBe(8);
  });
  it("a ZIP that is not an Inspect log says so", async () => {
    const { zipSync } = await import("fflate");
    const bytes = zipSync({ "sheet.xml": new TextEncoder().encode("<x/>") });
    const r = await runPipeline([{ name: "book.eval", bytes }]);
    const f = r.files[0]!;
    expect(f.ok).toBe(false);
    if (!f.ok) expect(f.error).toMatch(/^book\.eval is a ZIP archive without Inspect's header\.json/);
  });
});

describe("real Every Eval Ever instance-level record", () => {
  it("reads model_id, evaluation_name/sample_id and evaluation.score", async () => {
    const r = await runPipeline([
      input("every-eval-ever/f3a1c0de-4b2e-4c1a-9f6d-1b7e5a2c8d40_samples.jsonl"),
    ]);
    const f = ok(r.files[0]!);
    expect([f.format, f.model, f.records]).toEqual(["every-eval-ever", "demo-org/demo-model", 1]);
  });
});

/** An lm-eval 0.4 sample line. */
const line = (docId: number, correct: number, hash = `h${docId}`) =>
  JSON.stringify({
    doc_id: docId,
    doc: { q: docId },
    target: "x",
    arguments: {},
    resps: [],
    filtered_resps: [],
    filter: "none",
    metrics: ["acc"],
    doc_hash: hash,
    acc: correct,
  });
const file = (name: string, values: number[], hash?: (i: number) => string) => ({
  name,
  bytes: new TextEncoder().encode(values.map((v, i) => line(i, v, hash?.(i))).join("\n")),
});

describe("lm-eval runs over several tasks and models (by hand)", () => {
  // Model A: copa 7/10, math 2/10; model B: copa 5/10, math 4/10. doc_ids 0–9 in both tasks.
  const A = { copa: [1, 1, 1, 1, 1, 1, 1, 0, 0, 0], math: [1, 1, 0, 0, 0, 0, 0, 0, 0, 0] };
  const B = { copa: [1, 1, 1, 1, 1, 0, 0, 0, 0, 0], math: [1, 1, 1, 1, 0, 0, 0, 0, 0, 0] };
  const ts = "2024-06-01T10-00-00.000001";
  const folder = [
    file(`out/org__A/samples_copa_${ts}.jsonl`, A.copa),
    file(`out/org__A/samples_math_${ts}.jsonl`, A.math),
    file(`out/org__B/samples_copa_${ts}.jsonl`, B.copa),
    file(`out/org__B/samples_math_${ts}.jsonl`, B.math),
  ];
  it("items are (task, doc_id): two models on 20 items, per task and micro/macro", async () => {
    const r = await runPipeline(folder);
    expect(r.analysis?.n).toBe(20);
    const acc = Object.fromEntries(r.analysis!.models.map((m) => [m.model, m.accuracy]));
    expect(acc).toEqual({ "org/A": 9 / 20, "org/B": 9 / 20 });
    const b = r.byCluster!;
    const copa = b.rows.find((x) => x.cluster === "copa")!;
    expect(copa.accuracy).toEqual([0.7, 0.5]);
    for (const x of [...b.micro, ...b.macro]) expect(x).toBeCloseTo(0.45, 12);
  });
  it("loose files (no folder) of two runs: grouped by timestamp, never merged into one model", async () => {
    const other = "2024-06-02T09-00-00.000002";
    const r = await runPipeline([
      file(`samples_copa_${ts}.jsonl`, A.copa),
      file(`samples_math_${ts}.jsonl`, A.math),
      file(`samples_copa_${other}.jsonl`, B.copa),
      file(`samples_math_${other}.jsonl`, B.math),
    ]);
    expect(r.analysis?.models.map((m) => m.model).sort()).toEqual([
      `lm-eval run ${ts}`,
      `lm-eval run ${other}`,
    ]);
    expect(r.analysis?.n).toBe(20);
  });
  it("one run dropped twice (same names): the second is kept apart as (2), not pooled", async () => {
    const r = await runPipeline([
      folder[0]!,
      { ...folder[0]!, name: `copy/org__A/samples_copa_${ts}.jsonl` },
    ]);
    expect(r.analysis?.models.map((m) => m.model)).toEqual(["org/A", "org/A (2)"]);
  });
  it("warns when one (task, doc_id) is a different question in another model's file (doc_hash)", async () => {
    const r = await runPipeline([
      file(`out/a/samples_copa_${ts}.jsonl`, A.copa),
      file(`out/b/samples_copa_${ts}.jsonl`, B.copa, (i) => (i === 3 ? "other" : `h${i}`)),
    ]);
    expect(r.combined?.issueCounts["hash-conflict"]).toBe(1);
    expect(r.combined?.issues.find((i) => i.kind === "hash-conflict")?.message).toMatch(
      /item "copa\/3" has doc_hash other… here but h3… for model "a"/,
    );
    // A warning, not a drop: the item still counts.
    expect(r.analysis?.n).toBe(10);
  });
});

describe("predictions (pred, answer), MMLU-Pro style", () => {
  it("exact match; a missing pred counts as wrong, and the page says so", async () => {
    const rows = [
      { question_id: 70, category: "law", answer: "B", pred: "B" },
      { question_id: 71, category: "law", answer: "C", pred: null },
      { question_id: 72, category: "math", answer: "D", pred: "A" },
      { question_id: 73, category: "math", answer: "A", pred: " A " },
    ];
    const r = await runPipeline([
      { name: "gpt-x/CoT/all.json", bytes: new TextEncoder().encode(JSON.stringify(rows)) },
    ]);
    const f = ok(r.files[0]!);
    expect([f.format, f.model]).toEqual(["predictions", "CoT"]);
    expect(f.description).toMatch(/a missing pred counts as wrong \(1 question had no prediction\)/);
    expect(r.analysis!.models[0]!.k).toBe(2);
  });
});

describe("the registry", () => {
  it("has one adapter per format id", () => {
    const ids = formats.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("dropped folders", () => {
  it("walk every file with its path, in batches, skipping hidden files", async () => {
    const f = (name: string) => ({
      isFile: true,
      isDirectory: false,
      name,
      file: (ok: (x: File) => void) => ok(new File(["x"], name)),
    });
    const folder = (name: string, children: unknown[]) => {
      let given = false;
      return {
        isFile: false,
        isDirectory: true,
        name,
        createReader: () => ({
          readEntries: (ok: (e: unknown[]) => void) => {
            ok(given ? [] : children);
            given = true;
          },
        }),
      };
    };
    const files = await filesFromEntries([
      folder("run", [
        folder("org__B", [f("samples_copa.jsonl")]),
        folder("org__A", [f("b.jsonl"), f(".DS_Store")]),
      ]),
    ] as never);
    expect(files.map((x) => x.name)).toEqual(["run/org__A/b.jsonl", "run/org__B/samples_copa.jsonl"]);
  });
});
