import { describe, expect, it } from "vitest";
import { courseTable } from "../../../src/components/data/benchmarkTable.ts";
import {
  ciWidthCurve,
  ciWidthNotice,
  curveAndTableFor,
  deriveCiWidth,
  labelSide,
} from "../../../src/components/figures/ciWidth.ts";
import { halfWidth } from "../../../src/components/stats/intervals.ts";
import { readBenchmarks } from "../../../src/data/tables.ts";

describe("ciWidthCurve", () => {
  it("Wald at 80%: the half-widths of a hand-worked table (1.959964·√(0.16/N)), halving for four times N", () => {
    // N = 100: 1.959964 × 0.04 = 7.839856 pp; N = 400: 3.919928; N = 2,500: 1.567971; N = 10,000: 0.783986.
    const table: [number, number][] = [
      [100, 7.839856],
      [400, 3.919928],
      [2500, 1.567971],
      [10_000, 0.783986],
    ];
    for (const [n, pp] of table) {
      const [point] = ciWidthCurve(0.8, { method: "wald", nMin: n, nMax: n, points: 1 });
      expect(point!.n).toBe(n);
      expect(point!.halfWidthPp).toBeCloseTo(pp, 5);
      expect(point!.normalPp).toBeCloseTo(pp, 5);
    }
  });
  it("spans 10 to 100,000 questions, each N once, falling", () => {
    const curve = ciWidthCurve(0.8, { method: "wald" });
    expect(curve[0]!.n).toBe(10);
    expect(curve.at(-1)!.n).toBe(100_000);
    expect(new Set(curve.map((d) => d.n)).size).toBe(curve.length);
    expect(curve.at(-1)!.halfWidthPp).toBeLessThan(curve[0]!.halfWidthPp);
  });
});

describe("labelSide: labels of close benchmarks sit on the side of their own point", () => {
  const ns = [14042, 1319, 164, 10042, 1172];
  it("puts the larger of each close pair to the right and the rest to the left", () => {
    expect(ns.map((n) => labelSide(n, ns))).toEqual([1, 1, -1, -1, -1]);
  });
});

describe("curveAndTableFor: the N-independent part of the figure, remembered", () => {
  const benchmarks = readBenchmarks();

  it("the same (p, confidence, method) gives back the remembered curve and table", () => {
    const at = curveAndTableFor(benchmarks);
    const a = at(0.8, 0.95, "wilson");
    expect(at(0.8, 0.95, "wilson")).toBe(a);
    expect(a.curve).toEqual(ciWidthCurve(0.8, { confidence: 0.95, method: "wilson" }));
    expect(a.rows).toEqual(courseTable(benchmarks, { p: 0.8, confidence: 0.95 }));
    // The table's live half-widths (GSM8K at 80%: 1.95996·√(0.16/1319) = 2.15867 pp, hand-worked).
    expect(100 * a.rows.find((r) => r.benchmark === "GSM8K")!.halfWidth).toBeCloseTo(2.158667, 5);
    expect(a.rows).toHaveLength(5);
  });

  it("a changed input is recomputed, with the values computed afresh", () => {
    const at = curveAndTableFor(benchmarks);
    const a = at(0.8, 0.95, "wilson");
    const b = at(0.8, 0.95, "clopper-pearson");
    expect(b).not.toBe(a);
    expect(b.curve).toEqual(ciWidthCurve(0.8, { confidence: 0.95, method: "clopper-pearson" }));
    const c = at(0.5, 0.99, "wald");
    expect(c.rows).toEqual(courseTable(benchmarks, { p: 0.5, confidence: 0.99 }));
    expect(c.marks.find((m) => m.benchmark === "MMLU")!.pp).toBeCloseTo(100 * halfWidth(0.5, 14042, 0.99), 6);
    // MMLU at 50%, 99%: 2.575829·√(0.25/14042) = 1.08686 pp (hand-worked).
    expect(100 * c.rows.find((r) => r.benchmark === "MMLU")!.halfWidth).toBeCloseTo(1.08686, 4);
    // Switching back to a method just seen is remembered.
    expect(at(0.8, 0.95, "wilson")).toBe(a);
  });

  it("keeps only the last few: the oldest is recomputed (equal values, a new object)", () => {
    const at = curveAndTableFor(benchmarks, 3);
    const first = at(0.1, 0.95, "wilson");
    at(0.2, 0.95, "wilson");
    at(0.3, 0.95, "wilson");
    expect(at(0.1, 0.95, "wilson")).toBe(first); // still kept, and now the most recent
    at(0.4, 0.95, "wilson"); // evicts 0.2, the least recently used
    expect(at(0.1, 0.95, "wilson")).toBe(first);
    at(0.5, 0.95, "wilson"); // evicts 0.3
    at(0.6, 0.95, "wilson"); // evicts 0.4
    at(0.7, 0.95, "wilson"); // evicts 0.1
    const again = at(0.1, 0.95, "wilson");
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});

describe("deriveCiWidth: the figure's model at one setting", () => {
  const at = curveAndTableFor(readBenchmarks());
  it("GSM8K at 80%, 95%: Wilson's interval for 1,055 of 1,319 (R: prop.test(1055, 1319, correct = FALSE)$conf.int)", () => {
    const m = deriveCiWidth({ n: 1319, p: 0.8, confidence: 0.95, method: "wilson" }, at);
    // R 4.3: prop.test(1055, 1319, correct = FALSE)$conf.int → 0.7773986 0.8205566
    expect(m.here.lower).toBeCloseTo(0.7773986, 6);
    expect(m.here.upper).toBeCloseTo(0.8205566, 6);
    expect(m.herePp).toBeCloseTo((82.05566 - 77.73986) / 2, 4);
    expect(100 * m.normal).toBeCloseTo(2.158667, 5);
    expect(m.level).toBe("95%");
    expect(m.methods.filter((x) => x.chosen).map((x) => x.id)).toEqual(["wilson"]);
  });
  it("Wald at N = 20, p = 97% reaches 100% (k = 19: 0.95 ± 1.96·√(0.95·0.05/20) = 0.8545 – 1.0455, clipped)", () => {
    const m = deriveCiWidth({ n: 20, p: 0.97, confidence: 0.95, method: "wald" }, at);
    const wald = m.methods.find((x) => x.id === "wald")!;
    expect(wald.lower).toBeCloseTo(85.449, 2);
    expect(wald.upper).toBeCloseTo(100, 6);
    expect(ciWidthNotice(m)).toMatch(/methods disagree/);
    expect(ciWidthNotice(deriveCiWidth({ n: 1319, p: 0.8, confidence: 0.95, method: "wilson" }, at))).toMatch(
      /halves/,
    );
  });
});
