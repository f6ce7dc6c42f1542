// Every file in the bad-input corpus gives its own clear message, naming the line where there is one.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runPipeline } from "../../../src/components/results/pipeline.ts";

const dir = join(import.meta.dirname, "../../fixtures/bad-input/results");
const bytes = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const run = (...names: string[]) => runPipeline(names.map((name) => ({ name, bytes: bytes(name) })));
const failure = async (name: string) => {
  const r = await run(name);
  const f = r.files[0]!;
  if (f.ok) throw new Error(`${name} was read`);
  return f;
};

/** File → the message it must give (a whole file that cannot be used). */
const fatal: Record<string, RegExp> = {
  "empty.csv": /^empty\.csv is empty \(0 bytes\)/,
  "blank.csv": /^blank\.csv is empty: it has 6 bytes, all blank/,
  "header-only.csv":
    /^header-only\.csv has only a header \(line 1: model, item, correct, cluster\) and no data rows/,
  "missing-column.csv":
    /^missing-column\.csv line 1: missing column "correct" \(the header has "model", "item", "answer"/,
  "no-model-or-item.csv":
    /^no-model-or-item\.csv line 1: missing column: no "model" column .* The header has "name", "question_text", "result"/,
  "not-text.png": /^not-text\.png is not a text file: it looks like a PNG image/,
  "results.xlsx":
    /^results\.xlsx is not a text file: it looks like a ZIP archive or an Excel\/Numbers workbook \(\.xlsx\) — export the sheet as CSV first/,
  "binary.csv": /^binary\.csv is not a text file \(a zero byte at offset \d+\)/,
  "latin1.csv": /^latin1\.csv line 2: bytes that are not UTF-8 text/,
  "not-json.jsonl":
    /^not-json\.jsonl is not JSON Lines: none of its 2 lines is a JSON object \(line 1: not valid JSON/,
  "truncated.jsonl.gz": /^truncated\.jsonl\.gz is gzip-compressed but ends early: the file is cut off/,
  "lfs-pointer.csv": /^lfs-pointer\.csv is a Git LFS pointer .* Run `git lfs pull` in your clone/,
  "samples_squad_completion_2024-06-01T10-11-12.jsonl":
    /"f1", "exact_match_corpus" are computed over the whole corpus .* so there is no per-item score to compare/,
  "unknown-shape.json":
    /^unknown-shape\.json is a JSON document with the keys "leaderboard", "rows" — not a shape this page reads\. It reads: lm-evaluation-harness samples .*Inspect eval log .*HELM per-instance stats/,
  "jsonl-missing-field.jsonl":
    /^jsonl-missing-field\.jsonl line 1: missing field "item" and "correct"|missing field "correct"/,
};

describe("a file that cannot be used at all says why", () => {
  it("covers every file in the corpus (fatal here or partial below)", () => {
    const partial = [
      "unknown-value.csv",
      "duplicates.csv",
      "different-items.csv",
      "no-shared-items.csv",
      "percent.csv",
      "lm-eval-broken.jsonl",
      "lm-eval-results-summary.json",
      "semicolons.csv",
      "utf16-no-bom.csv",
      "samples_arc_2024-06-01T10-11-12.jsonl",
    ];
    expect(readdirSync(dir).sort()).toEqual([...Object.keys(fatal), ...partial].sort());
  });
  it.each(Object.entries(fatal))("%s", async (name, message) => {
    const f = await failure(name);
    expect(f.error).toMatch(message);
  });
  it("names the line for problems that have one", async () => {
    expect((await failure("latin1.csv")).line).toBe(2);
    expect((await failure("missing-column.csv")).line).toBe(1);
    expect((await failure("header-only.csv")).line).toBe(1);
  });
  it("a bad file does not stop the good ones", async () => {
    const sample = new Uint8Array(
      readFileSync(join(import.meta.dirname, "../../../src/tools/sample-results.csv")),
    );
    const r = await runPipeline([
      { name: "empty.csv", bytes: bytes("empty.csv") },
      { name: "sample-results.csv", bytes: sample },
    ]);
    expect(r.files.map((f) => f.ok)).toEqual([false, true]);
    expect(r.analysis?.models).toHaveLength(6);
  });
});

describe("files that used to be refused for the wrong reason", () => {
  it("a CSV with semicolons (a spreadsheet where the comma is the decimal mark) is read with them", async () => {
    const f = (await run("semicolons.csv")).files[0]!;
    if (!f.ok) throw new Error(f.error);
    expect([f.records, f.formatLabel]).toEqual([4, "CSV/TSV table, long"]);
    expect(f.description).toMatch(/CSV with semicolons/);
  });
  it("UTF-16 without a byte-order mark is decoded, not called 'not a text file'", async () => {
    const r = await run("utf16-no-bom.csv");
    const f = r.files[0]!;
    if (!f.ok) throw new Error(f.error);
    expect(f.records).toBe(4);
    expect(r.analysis?.models.map((m) => m.k)).toEqual([1, 2]);
  });
  it("an lm-eval file whose first line is odd: that line is dropped, the rest read (like any later line)", async () => {
    const f = (await run("samples_arc_2024-06-01T10-11-12.jsonl")).files[0]!;
    if (!f.ok) throw new Error(f.error);
    expect(f.format).toBe("lm-eval");
    expect(f.records).toBe(4);
    expect(f.issues[0]!.message).toMatch(/^line 1: no "doc_id"; line dropped/);
  });
});

describe("a harness's results summary alone", () => {
  it("is read as the run's metadata and shown as lm-eval's own scores, with a pointer to --log_samples", async () => {
    const r = await run("lm-eval-results-summary.json");
    const f = r.files[0]!;
    if (!f.ok) throw new Error(f.error);
    expect(f.format).toBe("lm-eval-results");
    expect(r.analysis).toBeUndefined();
    expect(r.error).toMatch(/summary only .* re-run lm-evaluation-harness with --log_samples/);
    // The fixture: mmlu "acc,none" 0.65 with "acc_stderr,none" 0.004.
    expect(r.summaryOnly).toEqual([
      { run: "|", model: null, task: "mmlu", metric: "acc,none", value: 0.65, stderr: 0.004, n: null },
    ]);
  });
});

describe("partial trust: lines are dropped one by one, each named", () => {
  it("unknown values in correct", async () => {
    const r = await run("unknown-value.csv");
    const f = r.files[0]!;
    if (!f.ok) throw new Error(f.error);
    expect(f.issues.map((i) => i.message)).toEqual([
      'line 3: "correct" value "maybe" is not 0/1, true/false or a number in [0, 1]; line dropped',
      'line 7: "correct" value 2 is outside [0, 1] (a percentage? per-item results must be 0/1 or a score in [0, 1]); line dropped',
    ]);
    expect(f.records).toBe(6);
    // q2 and q3 each lost one model's result, so only q1 and q4 are shared.
    expect(r.combined?.items).toBe(2);
    expect(r.combined?.coverage.map((c) => [c.model, c.items, c.notShared])).toEqual([
      ["A", 3, 1],
      ["B", 3, 1],
    ]);
  });
  it("a percentage where a 0/1 is expected", async () => {
    const f = (await run("percent.csv")).files[0]!;
    if (!f.ok) throw new Error(f.error);
    expect(f.issues[0]!.message).toMatch(/^line 2: "correct" value 85 is outside \[0, 1\] \(a percentage\?/);
  });
  it("duplicate (model, item) rows keep the first and name both lines", async () => {
    const r = await run("duplicates.csv");
    expect(r.combined?.issues.map((i) => i.message)).toEqual([
      'line 7: model "A", item "q2" appears again with a different result (1 here, 0 there) (first on line 3); kept the first',
      'line 9: model "B", item "q3" appears again (first on line 8); kept the first',
    ]);
    expect(r.analysis?.models.find((m) => m.model === "A")?.k).toBe(2);
  });
  it("different item sets: compared on the shared items, with the drop counted per model", async () => {
    const r = await run("different-items.csv");
    expect(r.combined?.items).toBe(8);
    expect(r.combined?.itemsSeen).toBe(12);
    expect(r.combined?.coverage.map((c) => [c.model, c.items, c.notShared])).toEqual([
      ["A", 10, 2],
      ["B", 10, 2],
      ["C", 10, 2],
    ]);
    expect(r.analysis?.n).toBe(8);
  });
  it("no shared items at all says so and suggests why", async () => {
    const r = await run("no-shared-items.csv");
    expect(r.analysis).toBeUndefined();
    expect(r.error).toBe(
      "The models share no items: A has 2, B has 2, none in common. Are the item ids the same kind in every file (e.g. doc_id vs question_id)?",
    );
  });
  it("lm-eval samples with a truncated line and a missing metric", async () => {
    const f = (await run("lm-eval-broken.jsonl")).files[0]!;
    if (!f.ok) throw new Error(f.error);
    expect(f.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^line 3: not valid JSON \(.+\); line dropped$/),
      'line 4: no "acc" field; line dropped',
    ]);
    expect(f.records).toBe(3);
    expect(f.lmEval?.metric).toBe("acc");
  });
});
