// Property-based tests of the statistics core (fast-check): for any valid input the results
// are finite, inside their ranges, monotone where theory says so, and symmetric under swapping.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Battle, bradleyTerry } from "../../../src/components/stats/bradleyTerry.ts";
import {
  halfWidth,
  type IntervalMethod,
  proportionInterval,
} from "../../../src/components/stats/intervals.ts";
import { power, sampleSizeTwoProportions } from "../../../src/components/stats/power.ts";
import { rankIntervals } from "../../../src/components/stats/ranks.ts";
import { mcnemarTest, pairedDifference, twoProportionTest } from "../../../src/components/stats/tests.ts";

const methods: IntervalMethod[] = ["wald", "wilson", "wilson-cc", "agresti-coull", "clopper-pearson"];
const countPair = fc
  .integer({ min: 1, max: 100_000 })
  .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
const confidence = fc.constantFrom(0.8, 0.9, 0.95, 0.99);
const open01 = fc.double({ min: 0.01, max: 0.99, noNaN: true });

describe("proportionInterval properties", () => {
  it("bounds are finite, in [0, 1], ordered, and hold the estimate", () => {
    fc.assert(
      fc.property(countPair, fc.constantFrom(...methods), confidence, ([k, n], method, conf) => {
        const i = proportionInterval(k, n, { method, confidence: conf });
        return (
          [i.lower, i.upper, i.estimate].every(Number.isFinite) &&
          i.lower >= 0 &&
          i.upper <= 1 &&
          i.lower <= i.estimate &&
          i.estimate <= i.upper
        );
      }),
    );
  });
  it("a higher confidence never gives a narrower interval", () => {
    fc.assert(
      fc.property(countPair, fc.constantFrom(...methods), ([k, n], method) => {
        const a = proportionInterval(k, n, { method, confidence: 0.9 });
        const b = proportionInterval(k, n, { method, confidence: 0.99 });
        return b.lower <= a.lower + 1e-12 && b.upper >= a.upper - 1e-12;
      }),
    );
  });
  it("Wilson narrows when n grows at the same proportion", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 2, max: 10 }),
        (n, tenth, m) => {
          const k = Math.round((tenth / 10) * n);
          const a = proportionInterval(k, n);
          const b = proportionInterval(k * m, n * m);
          return b.upper - b.lower <= a.upper - a.lower + 1e-12;
        },
      ),
    );
  });
});

describe("halfWidth, power and sample size properties", () => {
  it("halfWidth is finite, non-negative and decreasing in n", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (p, n) => {
          const a = halfWidth(p, n);
          const b = halfWidth(p, n + 1);
          return Number.isFinite(a) && a >= 0 && b <= a;
        },
      ),
    );
  });
  it("power is a probability, increasing in n; the sample size reaches 80%", () => {
    fc.assert(
      fc.property(open01, open01, fc.integer({ min: 1, max: 50_000 }), (p1, p2, n) => {
        fc.pre(Math.abs(p1 - p2) > 0.005);
        const a = power(p1, p2, n);
        const b = power(p1, p2, n + 10);
        const needed = sampleSizeTwoProportions(p1, p2);
        return a >= 0 && a <= 1 && b >= a - 1e-12 && power(p1, p2, needed) >= 0.8 - 1e-9;
      }),
    );
  });
});

describe("tests are symmetric under swapping the models", () => {
  it("twoProportionTest", () => {
    fc.assert(
      fc.property(countPair, countPair, ([ka, na], [kb, nb]) => {
        const ab = twoProportionTest({ k: ka, n: na }, { k: kb, n: nb });
        const ba = twoProportionTest({ k: kb, n: nb }, { k: ka, n: na });
        return (
          Math.abs(ab.diff + ba.diff) < 1e-12 &&
          Math.abs(ab.pValue - ba.pValue) < 1e-9 &&
          ab.pValue >= 0 &&
          ab.pValue <= 1 &&
          Number.isFinite(ab.lower) &&
          Number.isFinite(ab.upper)
        );
      }),
    );
  });
  it("mcnemarTest", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.constantFrom("exact", "chi2", "chi2-cc") as fc.Arbitrary<"exact" | "chi2" | "chi2-cc">,
        (b, c, method) => {
          const x = mcnemarTest(b, c, { method });
          const y = mcnemarTest(c, b, { method });
          return Math.abs(x.pValue - y.pValue) < 1e-9 && x.pValue >= 0 && x.pValue <= 1;
        },
      ),
    );
  });
  it("pairedDifference flips sign and keeps its SE", () => {
    const bits = fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 2, maxLength: 300 });
    fc.assert(
      fc.property(bits, bits, (x0, y0) => {
        const n = Math.min(x0.length, y0.length);
        fc.pre(n >= 2);
        const x = x0.slice(0, n);
        const y = y0.slice(0, n);
        const a = pairedDifference(x, y);
        const b = pairedDifference(y, x);
        return (
          Math.abs(a.meanDiff + b.meanDiff) < 1e-12 &&
          Math.abs(a.se - b.se) < 1e-12 &&
          Number.isFinite(a.correlation) &&
          Math.abs(a.correlation) <= 1 + 1e-12
        );
      }),
    );
  });
});

describe("ranks and ratings", () => {
  it("rank intervals contain the rank and stay within 1…m", () => {
    const entries = fc.array(countPair, { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(entries, fc.integer({ min: 1, max: 1000 }), (pairs, seed) => {
        const r = rankIntervals(
          pairs.map(([k, n], i) => ({ model: `m${i}`, k, n })),
          { resamples: 50, seed },
        );
        return r.every(
          (x) => x.lower >= 1 && x.upper <= pairs.length && x.lower <= x.rank && x.rank <= x.upper,
        );
      }),
      { numRuns: 50 },
    );
  });
  it("Bradley–Terry does not depend on the order of battles, and averages 1000", () => {
    const battle = fc.record({
      a: fc.constantFrom("p", "q", "r", "s"),
      b: fc.constantFrom("p", "q", "r", "s"),
      winner: fc.constantFrom("a", "b", "tie") as fc.Arbitrary<Battle["winner"]>,
    });
    fc.assert(
      fc.property(fc.array(battle, { minLength: 1, maxLength: 60 }), fc.integer(), (raw, shuffleSeed) => {
        const battles = raw.filter((x) => x.a !== x.b);
        fc.pre(battles.length > 0);
        const shuffled = [...battles].sort(
          (x, y) =>
            ((JSON.stringify(x).length * 31 + shuffleSeed) % 7) -
            ((JSON.stringify(y).length * 17 + shuffleSeed) % 5),
        );
        const a = bradleyTerry(battles, { bootstrap: 0 });
        const b = bradleyTerry(shuffled.reverse(), { bootstrap: 0 });
        const mean = a.reduce((s, r) => s + r.rating, 0) / a.length;
        return (
          Math.abs(mean - 1000) < 1e-6 &&
          a.every(
            (r) =>
              Number.isFinite(r.rating) &&
              Math.abs(b.find((x) => x.model === r.model)!.rating - r.rating) < 1e-4,
          )
        );
      }),
      { numRuns: 60 },
    );
  });
});

it("invalid arguments always throw a RangeError, never return NaN", () => {
  const bad = fc.oneof(
    fc.constant(Number.NaN),
    fc.constant(-1),
    fc.constant(0.5),
    fc.constant(Number.POSITIVE_INFINITY),
  );
  fc.assert(
    fc.property(bad, fc.integer({ min: 1, max: 100 }), (k, n) => {
      expect(() => proportionInterval(k, n)).toThrow(RangeError);
      expect(() => proportionInterval(1, k)).toThrow(RangeError);
      return true;
    }),
  );
});
