// The numbers the labs' feedback quotes: each lab's placeholders come from its own scenario, at
// the benchmark's real N. Lab 2's {diffLow}/{diffHigh} are the interval of the difference between
// P's and Q's scores (they used to be one score's interval), checked against R and by hand.
import { describe, expect, it } from "vitest";
import { inlineText, parseMarkdown } from "../../../src/components/learn/markdownLite.ts";
import { computeFacts } from "../../../src/components/learn/numberClaims.ts";
import { tutorReply } from "../../../src/components/learn/tutor.ts";
import { createTutorContext, fill, placeholderValues } from "../../../src/components/learn/tutorContext.ts";
import { proportionInterval } from "../../../src/components/stats/intervals.ts";
import { twoProportionTest } from "../../../src/components/stats/tests.ts";
import { LAB_IDS, type LessonId, labs } from "../../../src/content/labs.ts";
import { benchmarkRows } from "./benchmarkRows.ts";

const ctx = (lesson: LessonId) => createTutorContext(labs[lesson], benchmarkRows);
const MMLU_N = 14042;

// R 4.x, tests/reference style:
//   n <- 14042; k <- round(c(0.85, 0.835) * n)            # 11936, 11725
//   prop.test(k, c(n, n), correct = FALSE)
// → 95 percent CI 0.0065076704 0.0235450286; p-value = 0.0005472334
// (prop.test's interval is the unpooled Wald interval, its test the pooled z — as twoProportionTest.)
const R_LAB2 = { lower: 0.0065076704, upper: 0.0235450286, pValue: 0.0005472334094 };
// Same for Lab 1 (91.2 vs 89.4) and Lab 3 (89 vs 87).
const R_LAB1 = { lower: 0.0110267668, upper: 0.0248655563 };
const R_LAB3 = { lower: 0.0123426637, upper: 0.0275376952 };

describe("Lab 2: the interval of P's lead over Q", () => {
  it("is two-proportion, at MMLU's real N, and agrees with R's prop.test", () => {
    const k1 = Math.round(0.85 * MMLU_N);
    const k2 = Math.round(0.835 * MMLU_N);
    expect([k1, k2]).toEqual([11936, 11725]);
    const t = twoProportionTest({ k: k1, n: MMLU_N }, { k: k2, n: MMLU_N });
    expect(t.lower).toBeCloseTo(R_LAB2.lower, 9);
    expect(t.upper).toBeCloseTo(R_LAB2.upper, 9);
    expect(t.pValue).toBeCloseTo(R_LAB2.pValue, 9);
    // By hand: p1 = 11936/14042, p2 = 11725/14042, SE = √(p1(1−p1)/n + p2(1−p2)/n), ± 1.96 SE.
    const p1 = k1 / MMLU_N;
    const p2 = k2 / MMLU_N;
    const se = Math.sqrt((p1 * (1 - p1)) / MMLU_N + (p2 * (1 - p2)) / MMLU_N);
    expect(se).toBeCloseTo(0.0043465, 6);
    expect(p1 - p2 - 1.959964 * se).toBeCloseTo(R_LAB2.lower, 6);

    const c = ctx("2");
    expect(c.values).toMatchObject({
      n: "14,042",
      a: "85.0",
      b: "83.5",
      gap: "1.5",
      diffLow: (100 * R_LAB2.lower).toFixed(1), // "0.7"
      diffHigh: (100 * R_LAB2.upper).toFixed(1), // "2.4"
      pValue: "p < 0.001",
    });
    expect([c.values.diffLow, c.values.diffHigh]).toEqual(["0.7", "2.4"]);
    // Not one score's interval (85.0% alone: 84.4–85.6%), which is what it used to carry.
    const alone = proportionInterval(k1, MMLU_N, { method: "wilson" });
    expect(c.values.diffLow).not.toBe((100 * alone.lower).toFixed(1));
  });

  it("is what the Lab 2 feedback quotes where it asks whether the lead is real", () => {
    const c = ctx("2");
    const contamination = tutorReply(c, [], "How would I detect contamination in P?", { exchangesBefore: 0 });
    expect(contamination.text).toContain("its 95% interval is 0.7 to 2.4 pp (p < 0.001)");
    expect(contamination.text).toContain("Memory can produce a lead that size");
    const noise = tutorReply(c, [], "P's lead over Q is just noise.", { exchangesBefore: 0 });
    expect(noise.analysis.misconceptions.map((m) => m.id)).toContain("lead-is-noise");
    expect(noise.text).toContain("P's 1.5 pp lead over Q has a 95% interval of 0.7 to 2.4 pp");
    // The same numbers reach the learner's own model, in its system prompt.
    expect(c.scenarioFacts[0]!.text).toContain("0.7 to 2.4 pp");
    // A question that isn't a claim of noise is not corrected.
    const asked = tutorReply(c, [], "Is P's lead just noise?", { exchangesBefore: 0 });
    expect(asked.analysis.misconceptions).toEqual([]);
  });

  it("reads the scores in the order the scenario gives them, whichever is larger", () => {
    const reversed = placeholderValues(computeFacts("83.5% vs 85.0% on MMLU", ctx("2").sizes));
    expect([reversed.gap, reversed.diffLow, reversed.diffHigh]).toEqual(["1.5", "0.7", "2.4"]);
  });
});

describe("placeholders of every lab", () => {
  it("come from the lab's own scenario: difference placeholders only from a pair of scores", () => {
    const one = placeholderValues(computeFacts("85% on MMLU", ctx("2").sizes));
    expect(one).toEqual({ n: "14,042", halfA: "0.59" });
    expect(ctx("1").values).toMatchObject({
      a: "91.2",
      b: "89.4",
      gap: "1.8",
      diffLow: (100 * R_LAB1.lower).toFixed(1),
      diffHigh: (100 * R_LAB1.upper).toFixed(1),
    });
    expect(ctx("3").values).toMatchObject({
      a: "89.0",
      b: "87.0",
      gap: "2.0",
      diffLow: (100 * R_LAB3.lower).toFixed(1),
      diffHigh: (100 * R_LAB3.upper).toFixed(1),
    });
    // Lab 4's scenario is a size: ±pp of a score near 80% on 100 examples = 1.96·√(0.8·0.2/100).
    expect(ctx("4").values).toEqual({ n: "100", halfA: (100 * 1.959963984540054 * 0.04).toFixed(2) });
  });

  it("agree with the scenario the learner reads: each claim's numbers are in its text", () => {
    for (const lesson of ["1", "2", "3"] as const) {
      for (const claim of labs[lesson].claims) {
        for (const num of claim.match(/\d+(?:\.\d+)?/g) ?? [])
          expect(labs[lesson].scenario, lesson).toContain(num);
      }
    }
    expect(labs["4"].concepts.some((c) => c.acks.some((a) => a.includes("100 examples")))).toBe(true);
  });

  it("say 'outside sampling noise' only where the computed interval excludes zero", () => {
    for (const lesson of LAB_IDS) {
      const c = ctx(lesson);
      if (c.values.diffLow === undefined) continue;
      const fact = c.scenarioFacts.find((f) => f.kind === "pair")!;
      expect(fact.values.lower! > 0 || fact.values.upper! < 0, lesson).toBe(true);
    }
  });
});

describe("the tutor's own texts through the Markdown reader", () => {
  it("read as plain paragraphs: no rubric text turns into formatting by accident", () => {
    for (const lesson of LAB_IDS) {
      const c = ctx(lesson);
      const lab = labs[lesson];
      const texts = [
        lab.opening,
        ...lab.concepts.flatMap((x) => [
          ...x.acks,
          ...x.questions,
          x.why,
          ...Object.values(x.scenarioNotes ?? {}),
          ...Object.values(x.scenarioQuestions ?? {}),
        ]),
        ...lab.misconceptions.map((m) => m.correction),
        ...(lab.options ?? []).map((o) => o.intro),
        ...c.scenarioFacts.map((f) => f.text),
      ].map((t) => fill(t ?? "", c.values));
      for (const text of texts) {
        const blocks = parseMarkdown(text);
        expect(
          blocks.map((b) => b.type),
          text,
        ).toEqual(["paragraph"]);
        const para = blocks[0] as { type: "paragraph"; children: Parameters<typeof inlineText>[0] };
        expect(
          para.children.every((x) => x.type === "text"),
          text,
        ).toBe(true);
        expect(inlineText(para.children), text).toBe(text);
      }
    }
  });
});
