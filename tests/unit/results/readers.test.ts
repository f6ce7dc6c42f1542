// The readers: long and wide CSV/TSV, long JSONL, lm-evaluation-harness samples (read as is),
// the value rules for "correct", and the sniffing of what is not text.
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { guessDelimiter, parseDelimited } from "../../../src/components/results/delimited.ts";
import { modelFromPath } from "../../../src/components/results/formats/lmEvalSamples.ts";
import { readResultBytes, readResultText } from "../../../src/components/results/readFile.ts";
import { sniff } from "../../../src/components/results/sniff.ts";
import { parseCorrect } from "../../../src/components/results/values.ts";

describe("parseCorrect", () => {
  it.each([
    ["1", 1],
    ["0", 0],
    ["true", 1],
    ["FALSE", 0],
    [" yes ", 1],
    ["0.25", 0.25],
    ["1.0", 1],
    [true, 1],
    [0.5, 0.5],
  ] as const)("%j → %d", (raw, value) => {
    expect(parseCorrect(raw)).toEqual({ ok: true, value });
  });
  it.each(["", "NA", "null", "NaN"])("%j is a missing result", (raw) => {
    const v = parseCorrect(raw);
    expect(v.ok).toBe(false);
    expect(!v.ok && v.missing).toBe(true);
  });
  it.each(["maybe", "2", "-0.1", "A", "Infinity"])("%j is unknown", (raw) => {
    const v = parseCorrect(raw);
    expect(v.ok).toBe(false);
    expect(!v.ok && v.missing).toBe(false);
  });
});

describe("CSV / TSV", () => {
  it("reads long form with a cluster column and exact line numbers (quoted newlines included)", () => {
    const text =
      'model,item,correct,cluster\nA,q1,1,"math\nalgebra"\nA,q2,0,law\nB,q1,true,"math\nalgebra"\n';
    const r = parseDelimited(text, "x.csv");
    expect(r.format).toBe("long");
    expect(r.records.map((x) => [x.model, x.item, x.correct, x.cluster, x.line])).toEqual([
      ["A", "q1", 1, "math\nalgebra", 2],
      ["A", "q2", 0, "law", 4],
      ["B", "q1", 1, "math\nalgebra", 5],
    ]);
  });
  it("reads wide form (one column per model), NA cells counted as missing results", () => {
    const text = "question_id,category,M1,M2\n1,law,1,0\n2,law,0,NA\n3,math,1,1\n";
    const r = parseDelimited(text, "wide.csv");
    expect(r.format).toBe("wide");
    expect(r.records).toHaveLength(5);
    expect(r.issueCounts).toEqual({ "missing-value": 1 });
    expect(r.issues[0]!.message).toBe('line 3: model "M2" has no result ("NA"); that cell dropped');
    expect(r.description).toMatch(
      /wide form: item from "question_id", cluster from "category", 2 model columns \(M1, M2\)/,
    );
  });
  it("detects TSV by content or by name", () => {
    expect(guessDelimiter("r.txt", "model\titem\tcorrect")).toBe("\t");
    expect(guessDelimiter("r.tsv", "model,item")).toBe("\t");
    expect(guessDelimiter("r.csv", "model,item,correct")).toBe(",");
    const r = readResultText("model\titem\tcorrect\nA\t1\t1\nA\t2\t0\n", "r.tsv");
    expect(r.records).toHaveLength(2);
  });
  it("a short line is dropped with its field count", () => {
    const r = parseDelimited("model,item,correct\nA,q1\nA,q2,1\n", "short.csv");
    expect(r.issues[0]!.message).toBe("line 2: 2 fields where the header has 3; line dropped");
    expect(r.records).toHaveLength(1);
  });
});

describe("JSON Lines, long form", () => {
  it("reads model/item/correct objects, numbers and booleans alike", () => {
    const text = [
      '{"model":"A","item":1,"correct":true,"cluster":"x"}',
      '{"model":"A","item":2,"correct":0}',
      "",
      '{"model":"B","item":1,"correct":0.5}',
    ].join("\n");
    const r = readResultText(text, "r.jsonl");
    expect(r.format).toBe("jsonl-long");
    expect(r.records.map((x) => [x.model, x.item, x.correct, x.cluster, x.line])).toEqual([
      ["A", "1", 1, "x", 1],
      ["A", "2", 0, null, 2],
      ["B", "1", 0.5, null, 4],
    ]);
  });
  it("a JSON array of records is read too", () => {
    const r = readResultText(
      '[{"model":"A","item":"q","correct":1},{"model":"B","item":"q","correct":0}]',
      "r.json",
    );
    expect(r.records).toHaveLength(2);
  });
});

/** A record shaped as lm-evaluation-harness 0.4 writes it with --log_samples. */
const lmEvalRecord = (docId: number, fields: Record<string, unknown>) => ({
  doc_id: docId,
  doc: {
    question: `Q${docId}`,
    subject: docId < 3 ? "algebra" : "anatomy",
    choices: ["a", "b", "c", "d"],
    answer: 1,
  },
  target: 1,
  arguments: { gen_args_0: { arg_0: "prompt", arg_1: " B" } },
  resps: [[["-1.2", "True"]]],
  filtered_resps: [["-1.2", "True"]],
  doc_hash: "d",
  prompt_hash: "p",
  target_hash: "t",
  ...fields,
});

describe("lm-evaluation-harness --log_samples", () => {
  it("reads acc per (task, doc_id), with doc.subject as the cluster and the model from the folder name", () => {
    const lines = [0, 1, 2, 3].map((i) => JSON.stringify(lmEvalRecord(i, { acc: i % 2, acc_norm: 1 })));
    const r = readResultText(
      lines.join("\n"),
      "out/meta-llama__Llama-3-8B/samples_mmlu_2024-06-01T10-11-12.123456.jsonl",
    );
    expect(r.format).toBe("lm-eval");
    expect(r.lmEval).toMatchObject({
      metric: "acc",
      metrics: ["acc", "acc_norm"],
      model: "meta-llama/Llama-3-8B",
      filter: null,
    });
    expect(r.task).toBe("mmlu");
    expect(r.records.map((x) => [x.item, x.correct, x.cluster, x.hash])).toEqual([
      ["mmlu/0", 0, "algebra", "d"],
      ["mmlu/1", 1, "algebra", "d"],
      ["mmlu/2", 0, "algebra", "d"],
      ["mmlu/3", 1, "anatomy", "d"],
    ]);
  });
  it("generative tasks: keeps one answer filter (the first, or the one asked for) and says so", () => {
    const lines: string[] = [];
    for (const i of [0, 1, 2]) {
      lines.push(
        JSON.stringify(
          lmEvalRecord(i, { filter: "strict-match", metrics: ["exact_match"], exact_match: i === 0 ? 1 : 0 }),
        ),
      );
      lines.push(
        JSON.stringify(
          lmEvalRecord(i, { filter: "flexible-extract", metrics: ["exact_match"], exact_match: 1 }),
        ),
      );
    }
    const strict = readResultText(lines.join("\n"), "samples_gsm8k_2024-06-01T10-11-12.jsonl");
    expect(strict.lmEval).toMatchObject({
      metric: "exact_match",
      filter: "strict-match",
      filters: ["strict-match", "flexible-extract"],
      // No folder, no results file: the run is named by its timestamp until one names the model.
      model: "lm-eval run 2024-06-01T10-11-12",
    });
    expect(strict.records[0]!.item).toBe("gsm8k/0");
    expect(strict.records.map((r) => r.correct)).toEqual([1, 0, 0]);
    expect(strict.description).toMatch(
      /answer filter "strict-match" \(3 of 6 lines; the other filter "flexible-extract" not used\)/,
    );
    const flexible = readResultText(lines.join("\n"), "gsm8k.jsonl", {
      filter: "flexible-extract",
      model: "mine",
    });
    expect(flexible.records.map((r) => r.correct)).toEqual([1, 1, 1]);
    expect(flexible.records[0]!.model).toBe("mine");
  });
  it("a metric can be chosen; a metric outside [0, 1] is refused per line", () => {
    const lines = [0, 1].map((i) => JSON.stringify(lmEvalRecord(i, { acc: 1, bleu: 35.2 })));
    const r = readResultText(lines.join("\n"), "m.jsonl", { metric: "bleu" });
    expect(r.records).toHaveLength(0);
    expect(r.issues[0]!.message).toMatch(/^line 1: "bleu" value 35\.2 is outside \[0, 1\]/);
  });
  it("names the model from file names", () => {
    expect(modelFromPath("llama-8b.jsonl")).toBe("llama-8b");
    expect(modelFromPath("samples_arc_challenge_2024-05-01T12-00-00.jsonl")).toBe(
      "lm-eval run 2024-05-01T12-00-00",
    );
    expect(modelFromPath("runs/qwen2__7b/samples_arc_easy_2024-05-01T12-00-00.jsonl")).toBe("qwen2/7b");
  });
  it("reads a gzip-compressed samples file", async () => {
    const text = [0, 1].map((i) => JSON.stringify(lmEvalRecord(i, { acc: 1 }))).join("\n");
    const r = await readResultBytes(new Uint8Array(gzipSync(text)), "m.jsonl.gz");
    expect(r.records).toHaveLength(2);
  });
});

describe("sniff", () => {
  it("decodes UTF-16 (Excel's Unicode text) and strips a BOM", () => {
    const s = sniff(
      new Uint8Array([0xff, 0xfe, ...[..."a,b"].flatMap((c) => [c.charCodeAt(0), 0])]),
      "u.txt",
    );
    expect(s).toEqual({ kind: "text", text: "a,b" });
    expect(sniff(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), "b.csv")).toEqual({ kind: "text", text: "a" });
  });
});
