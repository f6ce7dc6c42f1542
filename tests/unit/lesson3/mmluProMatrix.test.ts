// The compact MMLU-Pro matrix: encode → decode returns every 0/1/missing exactly, the real file's
// counts survive (checked against counts made here straight from the CSV), and damage is named.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { csvParseRows } from "d3-dsv";
import { describe, expect, it } from "vitest";
import {
  decodeMatrix,
  encodeMatrix,
  fromBase64,
  toBase64,
} from "../../../src/components/data/mmluProMatrix.ts";
import { seededRandom } from "../../../src/components/stats/random.ts";
import { dataDir } from "../../../src/data/source.ts";

describe("base64", () => {
  it("agrees with Node's Buffer for every length mod 3", () => {
    const rng = seededRandom(3);
    for (const len of [0, 1, 2, 3, 4, 5, 31, 1504]) {
      const bytes = Uint8Array.from({ length: len }, () => Math.floor(rng() * 256));
      const text = toBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString("base64"));
      expect([...fromBase64(text)]).toEqual([...bytes]);
    }
  });
  it("names a bad character", () => {
    expect(() => fromBase64("AB*D", "Yi-6B bits")).toThrow(/Yi-6B bits: "\*" at position 2/);
  });
});

describe("encode/decode", () => {
  it("round-trips right, wrong and missing", () => {
    const cols = [
      Int8Array.from([1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 1]),
      Int8Array.from([1, -1, 0, 0, -1, 1, 1, 1, 0, 0, 1]),
    ];
    const json = encodeMatrix(["full", "gappy"], cols);
    expect(json.models[0]!.present).toBeNull();
    expect(json.models[1]!.items).toBe(9);
    const back = decodeMatrix(JSON.parse(JSON.stringify(json)));
    expect([...back.models[0]!.results]).toEqual([...cols[0]!]);
    expect([...back.models[1]!.results]).toEqual([...cols[1]!]);
  });
  it("refuses tampered counts or lengths, naming the model", () => {
    const json = encodeMatrix(["m"], [Int8Array.from([1, 0, 1, 0, 1, 0, 1, 0, 1])]);
    expect(() => decodeMatrix({ ...json, models: [{ ...json.models[0]!, correct: 4 }] })).toThrow(
      /m decodes to 5\/9/,
    );
    expect(() => decodeMatrix({ ...json, questions: 40 })).toThrow(/m has a bitset of the wrong length/);
    expect(() => decodeMatrix({} as never)).toThrow(/expected/);
  });
});

describe("the real file", () => {
  const rows = csvParseRows(readFileSync(join(dataDir, "mmlu_pro_correct_matrix.csv"), "utf8"));
  const header = rows[0]!;
  const body = rows.slice(1).filter((r) => r.length > 1);
  const models = header.slice(2);
  const cols = models.map((_, m) =>
    Int8Array.from(body, (r) => (r[m + 2] === "1" ? 1 : r[m + 2] === "0" ? 0 : -1)),
  );
  const decoded = decodeMatrix(JSON.parse(JSON.stringify(encodeMatrix(models, cols))));

  it("has 29 models × 12,032 questions", () => {
    expect(decoded.questions).toBe(12032);
    expect(decoded.models).toHaveLength(29);
  });
  it("keeps every model's counts, including the incomplete ones (SOURCES.md)", () => {
    const by = new Map(decoded.models.map((m) => [m.name, m]));
    expect(by.get("DeepSeek-Coder-V2")!.items).toBe(10351);
    expect(by.get("gemini-1.5-flash-002")!.items).toBe(12012);
    expect(by.get("gemini-1.5-pro-002")!.items).toBe(12020);
    expect(by.get("Llama-2-70b-hf")).toMatchObject({ items: 12032, correct: 4366 });
    for (const m of decoded.models) {
      const i = models.indexOf(m.name);
      expect([...m.results]).toEqual([...cols[i]!]);
    }
  });
  it("is compact: under 100 kB of JSON", () => {
    expect(JSON.stringify(encodeMatrix(models, cols)).length).toBeLessThan(100_000);
  });
});

describe("the data loader", () => {
  it("runs, and what it prints decodes to the CSV's counts", async () => {
    const { execFileSync } = await import("node:child_process");
    const out = execFileSync("npx", ["tsx", "src/data/mmlu-pro-correct.json.ts"], {
      encoding: "utf8",
      maxBuffer: 10_000_000,
    });
    const decoded = decodeMatrix(JSON.parse(out));
    expect(decoded.questions).toBe(12032);
    expect(decoded.models.find((m) => m.name === "DeepSeek-Coder-V2")).toMatchObject({
      items: 10351,
      correct: 6586,
    });
    expect(decoded.models.find((m) => m.name === "gemini-1.5-pro-002")).toMatchObject({
      items: 12020,
      correct: 8444,
    });
  }, 30_000);
});
