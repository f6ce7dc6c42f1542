// Shareable state: a figure's inputs in the query string. A corpus of hand-edited and stale URLs
// (tests/fixtures/bad-input/urls.txt) must load cleanly — clamped or ignored, never an error —
// and writing the state back must keep other parameters and read back to the same values.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  booleanCodec,
  choiceCodec,
  embedTarget,
  figureQuery,
  MAX_URL_VALUE,
  numberCodec,
  parseDecimal,
  readState,
  snapNumber,
  writeState,
} from "../../../src/components/ui/urlState.ts";

// The same scales and options as the CI-width figure (src/components/figures/ciWidth.ts), plus a toggle.
const nScale = { min: 10, max: 100_000, log: true };
const pScale = { min: 0.01, max: 0.99, step: 0.01 };
const codecs = {
  n: numberCodec(nScale),
  p: numberCodec(pScale),
  confidence: choiceCodec([0.9, 0.95, 0.99] as const),
  method: choiceCodec(["wald", "wilson", "clopper-pearson"] as const),
  paired: booleanCodec,
};
type Values = { n: number; p: number; confidence: 0.9 | 0.95 | 0.99; method: string; paired: boolean };
const defaults: Values = { n: 1319, p: 0.8, confidence: 0.95, method: "wilson", paired: false };

const corpus = readFileSync("tests/fixtures/bad-input/urls.txt", "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "" && !line.startsWith("#"))
  .map((line) => {
    const [raw, expected] = line.split(" ==> ");
    return { search: raw === "(empty)" ? "" : raw!, expected: JSON.parse(expected!) as Partial<Values> };
  });

function inRange(v: Partial<Values>) {
  if (v.n !== undefined) {
    expect(Number.isInteger(v.n)).toBe(true);
    expect(v.n).toBeGreaterThanOrEqual(10);
    expect(v.n).toBeLessThanOrEqual(100_000);
  }
  if (v.p !== undefined) {
    expect(v.p).toBeGreaterThanOrEqual(0.01);
    expect(v.p).toBeLessThanOrEqual(0.99);
    // On the 0.01 grid.
    expect(Math.abs(v.p * 100 - Math.round(v.p * 100))).toBeLessThan(1e-9);
  }
  if (v.confidence !== undefined) expect([0.9, 0.95, 0.99]).toContain(v.confidence);
  if (v.method !== undefined) expect(["wald", "wilson", "clopper-pearson"]).toContain(v.method);
  if (v.paired !== undefined) expect(typeof v.paired).toBe("boolean");
}

describe("the corpus of mangled URLs", () => {
  it("has the cases it claims", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(70);
  });

  it.each(corpus.map((c) => [c.search, c.expected] as const))("%s", (search, expected) => {
    const read = readState<Values>(search, "ci-width", codecs);
    expect(read).toEqual(expected);
    inRange(read);
    // Writing the defaults back over it reads back exactly, whatever was there.
    const written = writeState(search, "ci-width", defaults, codecs);
    expect(readState<Values>(written, "ci-width", codecs)).toEqual(defaults);
    const params = new URLSearchParams(written);
    // Stale keys of this figure are dropped; only the five controls remain under its prefix.
    const own = [...params.keys()].filter((k) => k.startsWith("ci-width."));
    expect(own.sort()).toEqual([
      "ci-width.confidence",
      "ci-width.method",
      "ci-width.n",
      "ci-width.p",
      "ci-width.paired",
    ]);
    // Every value is written once.
    for (const k of own) expect(params.getAll(k)).toHaveLength(1);
  });

  it("keeps other figures' and pages' parameters when writing", () => {
    const written = writeState(
      "?embed=ci-width&other.n=5&utm_source=slides&ci-width.bogus=1",
      "ci-width",
      defaults,
      codecs,
    );
    const params = new URLSearchParams(written);
    expect(params.get("embed")).toBe("ci-width");
    expect(params.get("other.n")).toBe("5");
    expect(params.get("utm_source")).toBe("slides");
    expect(params.has("ci-width.bogus")).toBe(false);
    expect(params.get("ci-width.n")).toBe("1319");
    expect(params.get("ci-width.paired")).toBe("0");
  });
});

describe("very long strings", () => {
  it("an overlong value is ignored, the rest of the URL still read", () => {
    const search = `?ci-width.n=${"9".repeat(10_000)}&ci-width.p=0.3`;
    expect(readState<Values>(search, "ci-width", codecs)).toEqual({ p: 0.3 });
  });

  it("a huge junk parameter does not hide the figure's state, and is dropped on write", () => {
    const search = `?junk=${"x".repeat(200_000)}&ci-width.n=100&other.k=7`;
    expect(readState<Values>(search, "ci-width", codecs)).toEqual({ n: 100 });
    const written = writeState(search, "ci-width", defaults, codecs);
    expect(written.length).toBeLessThan(300);
    expect(new URLSearchParams(written).get("other.k")).toBe("7");
    expect(new URLSearchParams(written).has("junk")).toBe(false);
  });

  it("values one character under and over the limit", () => {
    const padded = (len: number) => `${" ".repeat(len - 3)}164`;
    expect(codecs.n.parse(padded(MAX_URL_VALUE))).toBe(164);
    expect(codecs.n.parse(padded(MAX_URL_VALUE + 1))).toBeUndefined();
  });
});

describe("writing never produces an unreadable URL", () => {
  it("a NaN or infinite value is left out, not written", () => {
    const written = writeState(
      "",
      "ci-width",
      { ...defaults, n: Number.NaN, p: Number.POSITIVE_INFINITY },
      codecs,
    );
    const params = new URLSearchParams(written);
    expect(params.has("ci-width.n")).toBe(false);
    expect(params.has("ci-width.p")).toBe(false);
    expect(params.get("ci-width.method")).toBe("wilson");
  });

  it("a value outside a choice is left out", () => {
    const written = writeState("", "ci-width", { ...defaults, method: "nonsense" }, codecs);
    expect(new URLSearchParams(written).has("ci-width.method")).toBe(false);
  });

  it("any values on the grid round-trip exactly (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 100_000 }),
        fc.integer({ min: 1, max: 99 }),
        fc.constantFrom(0.9, 0.95, 0.99),
        fc.constantFrom("wald", "wilson", "clopper-pearson"),
        fc.boolean(),
        fc.string({ maxLength: 40 }),
        (n, pc, confidence, method, paired, junk) => {
          const values = { n, p: pc / 100, confidence, method, paired } as Values;
          const search = writeState(`?x=${encodeURIComponent(junk)}`, "ci-width", values, codecs);
          expect(readState<Values>(search, "ci-width", codecs)).toEqual({
            ...values,
            p: snapNumber(pc / 100, pScale),
          });
          expect(new URLSearchParams(search).get("x")).toBe(junk);
        },
      ),
    );
  });

  it("no string at all makes readState throw or return out-of-range values (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 80 }), (key, value) => {
        const search = `?ci-width.${encodeURIComponent(key)}=${encodeURIComponent(value)}&${key}=${value}`;
        const read = readState<Values>(search, "ci-width", codecs);
        inRange(read);
      }),
    );
  });
});

describe("codecs", () => {
  it("parseDecimal takes plain decimals only", () => {
    expect(parseDecimal("12")).toBe(12);
    expect(parseDecimal(" -0.5 ")).toBe(-0.5);
    expect(parseDecimal("1e3")).toBe(1000);
    expect(parseDecimal(".25")).toBe(0.25);
    for (const bad of ["", " ", "0x1F", "Infinity", "NaN", "1e999", "1 2", "1,2", "½", "12px"]) {
      expect(parseDecimal(bad)).toBeUndefined();
    }
  });

  it("snapNumber clamps and snaps like the slider", () => {
    expect(snapNumber(0.123, pScale)).toBe(0.12);
    expect(snapNumber(5, pScale)).toBe(0.99);
    expect(snapNumber(1319.5, nScale)).toBe(1320);
    expect(snapNumber(3, nScale)).toBe(10);
    // A step that does not divide the range evenly still stays inside it.
    expect(snapNumber(10, { min: 0, max: 10, step: 3 })).toBe(9);
  });

  it("choiceCodec matches numbers written differently, and case only when unambiguous", () => {
    const c = choiceCodec(["a", "A", "b"] as const);
    expect(c.parse("a")).toBe("a");
    expect(c.parse("A")).toBe("A");
    expect(c.parse("B")).toBe("b");
    expect(choiceCodec([1, 2] as const).parse("2.0")).toBe(2);
  });
});

describe("links and embeds", () => {
  it("figureQuery holds only this figure's values (plus what is asked for)", () => {
    const q = figureQuery("ci-width", { ...defaults, n: 164 }, codecs, { embed: "ci-width" });
    const params = new URLSearchParams(q);
    expect(params.get("embed")).toBe("ci-width");
    expect(params.get("ci-width.n")).toBe("164");
    expect([...params.keys()]).toHaveLength(6);
  });

  it("embedTarget reads ?embed=<id> and refuses anything that is not an id", () => {
    expect(embedTarget("?embed=ci-width&ci-width.n=5")).toBe("ci-width");
    expect(embedTarget("?embed=%20ci-width%20")).toBe("ci-width");
    expect(embedTarget("")).toBeNull();
    expect(embedTarget("?embed=")).toBeNull();
    expect(embedTarget("?embed=<script>")).toBeNull();
    expect(embedTarget(`?embed=${"a".repeat(65)}`)).toBeNull();
    expect(embedTarget("?embed=../../etc")).toBeNull();
  });
});
