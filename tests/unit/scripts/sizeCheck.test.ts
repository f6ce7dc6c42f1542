// The house-limit measurer (scripts/sizeCheck.ts) on sources written here, whose line counts are
// known by construction: a function of exactly 150 lines passes, 151 does not; a file of 500
// lines passes, 501 does not; arrows and methods are named as a reader would name them.
import { describe, expect, it } from "vitest";
import { MAX_FILE_LINES, MAX_FUNCTION_LINES, measure } from "../../../scripts/sizeCheck.ts";

/** A function declaration spanning `lines` lines: the header, lines − 2 statements, the closing brace. */
const fn = (name: string, lines: number) =>
  [`function ${name}() {`, ...Array.from({ length: lines - 2 }, (_, i) => `  const x${i} = ${i};`), "}"].join(
    "\n",
  );

describe("sizeCheck's measure", () => {
  it("the limits are the house's: files ≤ 500 lines, functions ≤ 150", () => {
    expect([MAX_FILE_LINES, MAX_FUNCTION_LINES]).toEqual([500, 150]);
  });

  it("a 150-line function passes; a 151-line one is reported with its name and length", () => {
    expect(measure("a.ts", `${fn("ok", 150)}\n`).over).toEqual([]);
    expect(measure("b.ts", `${fn("tooLong", 151)}\n`).over).toEqual([
      { file: "b.ts", what: "function tooLong", lines: 151, limit: 150 },
    ]);
  });

  it("an arrow function takes its variable's name; a nested long function is found inside a short file", () => {
    const arrow = `const draw = () => {\n${"  f();\n".repeat(150)}};\n`; // 152 lines
    expect(measure("c.ts", arrow).over.map((o) => [o.what, o.lines])).toEqual([["function draw", 152]]);
    const method = `class A {\n  render() {\n${"    f();\n".repeat(149)}  }\n}\n`; // render: 151 lines
    expect(measure("d.ts", method).over.map((o) => [o.what, o.lines])).toEqual([["function render", 151]]);
  });

  it("a 500-line file passes; a 501-line file is reported (a trailing newline is not a line)", () => {
    expect(measure("e.ts", "f();\n".repeat(500)).over).toEqual([]);
    expect(measure("f.ts", "f();\n".repeat(501)).over).toEqual([
      { file: "f.ts", what: "file", lines: 501, limit: 500 },
    ]);
  });
});
