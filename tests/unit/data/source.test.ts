// The data loaders' reader: a malformed source table fails the build with a message that names
// the file, the line and the problem.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTable, readTable, SourceError } from "../../../src/data/source.ts";

const schema = { benchmark: "string", split: "string", n: "integer" } as const;
const fixture = (name: string) => readFileSync(`tests/fixtures/bad-input/source/${name}`, "utf8");

describe("parseTable", () => {
  it.each([
    ["unparsable-number.csv", /bad\.csv line 3, column "n": "13x9" is not a number/],
    ["missing-column.csv", /bad\.csv: missing column\(s\) split/],
    ["header-only.csv", /bad\.csv: no rows/],
    ["empty-required.csv", /bad\.csv line 2, column "split": empty value/],
    ["fractional-integer.csv", /bad\.csv line 2, column "n": "14042.5" is not an integer/],
  ])("%s fails with a message naming file, line and problem", (name, message) => {
    expect(() => parseTable("bad.csv", fixture(name), schema)).toThrow(SourceError);
    expect(() => parseTable("bad.csv", fixture(name), schema)).toThrow(message);
  });

  it("parses good rows into typed values, with optional columns as null", () => {
    const rows = parseTable("ok.csv", "a,b,c\nx,1.5,\ny,2,3\n", {
      a: "string",
      b: "number",
      c: "optional-number",
    });
    expect(rows).toEqual([
      { a: "x", b: 1.5, c: null },
      { a: "y", b: 2, c: 3 },
    ]);
  });
});

describe("the curated tables load and agree with their documented totals", () => {
  it("MMLU's subjects sum to 14,042 test questions over 57 subjects", () => {
    const rows = readTable("mmlu_subjects.csv", { subject: "string", n_test: "integer" });
    expect(rows).toHaveLength(57);
    expect(rows.reduce((s, r) => s + r.n_test, 0)).toBe(14042);
  });
  it("the course's five benchmarks have the sizes the course quotes", () => {
    const rows = readTable("benchmarks.csv", { benchmark: "string", split: "string", n: "optional-number" });
    const n = (b: string, s: string) => rows.find((r) => r.benchmark === b && r.split === s)?.n;
    expect(n("MMLU", "test")).toBe(14042);
    expect(n("GSM8K", "test")).toBe(1319);
    expect(n("HumanEval", "test")).toBe(164);
    expect(n("HellaSwag", "validation")).toBe(10042);
    expect(n("ARC-Challenge", "test")).toBe(1172);
  });
});
