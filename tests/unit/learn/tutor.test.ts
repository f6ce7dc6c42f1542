// The built-in tutor: concept recognition per lab (synonyms, inflections, typos, negations),
// misconception correction, computed numbers, completion and its summary, and no reply repeated
// twice in a row.
import { describe, expect, it } from "vitest";
import { clauses, editDistance, recognise, stem, wordCount } from "../../../src/components/learn/concepts.ts";
import { EXCHANGES_TO_COMPLETE, summarise, tutorReply } from "../../../src/components/learn/tutor.ts";
import { analyse } from "../../../src/components/learn/tutorAnalysis.ts";
import { createTutorContext, fill, type Turn } from "../../../src/components/learn/tutorContext.ts";
import { exchangeVerdict } from "../../../src/components/learn/tutorVerdict.ts";
import { twoProportionTest } from "../../../src/components/stats/tests.ts";
import { type LessonId, labs } from "../../../src/content/labs.ts";
import { benchmarkRows } from "./benchmarkRows.ts";

const ctx = (lesson: LessonId) => createTutorContext(labs[lesson], benchmarkRows);
const raised = (lesson: LessonId, text: string) => analyse(ctx(lesson), text).raised.sort();
const dismissed = (lesson: LessonId, text: string) => analyse(ctx(lesson), text).dismissed;
const misconceptions = (lesson: LessonId, text: string) =>
  analyse(ctx(lesson), text).misconceptions.map((m) => m.id);

describe("text matching", () => {
  it("stems inflections to the same word", () => {
    expect(stem("prompting")).toBe(stem("prompted"));
    expect(stem("prompts")).toBe(stem("prompt"));
    expect(stem("decoding")).toBe(stem("decode"));
    expect(stem("studies")).toBe("study");
  });

  it("edit distance counts a transposition as one edit", () => {
    expect(editDistance("decoding", "decodnig")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("splits clauses at punctuation and contrast words, and marks questions", () => {
    const c = clauses("Shot count matters, but decoding doesn't. Is it noise?");
    expect(c.map((x) => x.words.join(" "))).toEqual(["shot count matters", "decoding doesnt", "is it noise"]);
    expect(c.map((x) => x.question)).toEqual([false, false, true]);
  });

  it("counts words", () => {
    expect(wordCount("Model B's shot count isn't stated at all!")).toBe(8);
  });
});

describe("Lab 1 concepts", () => {
  it("recognises each concept by a synonym", () => {
    expect(raised("1", "Was B run with few-shot examples?")).toEqual(["shots"]);
    expect(raised("1", "Which prompt template did they use?")).toEqual(["format"]);
    expect(raised("1", "Greedy or temperature sampling?")).toEqual(["decoding"]);
    expect(raised("1", "How do they parse the answer out of the text?")).toEqual(["extraction"]);
    expect(raised("1", "Is it a macro average over subjects?")).toEqual(["aggregation"]);
    expect(raised("1", "Were both numbers self-reported or reproduced by a third party?")).toEqual([
      "evaluator",
    ]);
    expect(raised("1", "Did they use the same version of the test set?")).toEqual(["version"]);
    expect(raised("1", "Is the difference statistically significant?")).toEqual(["intervals"]);
    expect(raised("1", "Maybe MMLU leaked into the training data")).toEqual(["contamination"]);
  });

  it("forgives inflections and typos", () => {
    expect(raised("1", "how was it decoded")).toEqual(["decoding"]);
    expect(raised("1", "the extration regexes might differ")).toEqual(["extraction"]);
    expect(raised("1", "contamnation could explain it")).toEqual(["contamination"]);
    expect(raised("1", "greddy decodng")).toEqual(["decoding"]);
    expect(raised("1", "what about the agregation")).toEqual(["aggregation"]);
    expect(raised("1", "fewshot prompting")).toEqual(["shots"]);
  });

  it("does not read near-miss real words as concepts", () => {
    expect(raised("1", "an internal memo said so")).toEqual([]);
    expect(raised("1", "that was a short blog post")).toEqual([]);
  });

  it("reads negations: a negated mention is not raised, a dismissal is flagged", () => {
    // Naming what is missing is raising it.
    expect(raised("1", "Model B doesn't state its shot count")).toEqual(["shots"]);
    expect(raised("1", "We don't know the shot count")).toEqual(["shots"]);
    // Excluding it is not.
    const a = analyse(ctx("1"), "It's not the decoding");
    expect(a.raised).toEqual([]);
    expect(a.matches[0]).toMatchObject({ id: "decoding", negated: true, raised: false });
    // Dismissing it is flagged.
    expect(dismissed("1", "The shot count doesn't matter here")).toEqual(["shots"]);
    expect(dismissed("1", "I don't think contamination is an issue")).toEqual(["contamination"]);
    expect(dismissed("1", "ignore the decoding")).toEqual(["decoding"]);
    // A double negation or a doubt is not a dismissal.
    expect(dismissed("1", "don't ignore the decoding")).toEqual([]);
    expect(dismissed("1", "I'm not sure whether contamination matters")).toEqual([]);
    // Contrast splits clauses: only the dismissed one is dismissed.
    const b = analyse(ctx("1"), "Decoding doesn't matter, but contamination does");
    expect(b.dismissed).toEqual(["decoding"]);
    expect(b.raised).toEqual(["contamination"]);
  });

  it("corrects misconceptions, and not their negations", () => {
    expect(misconceptions("1", "A scores higher, so A is better")).toEqual(["higher-is-better"]);
    expect(misconceptions("1", "Higher doesn't necessarily mean better")).toEqual([]);
    expect(misconceptions("1", "The gap is just noise")).toContain("gap-is-noise");
    expect(misconceptions("1", "Is the gap just noise?")).toEqual([]);
    expect(misconceptions("1", "MMLU measures general knowledge")).toEqual(["mmlu-is-general-knowledge"]);
  });
});

describe("Lab 2 concepts", () => {
  it("recognises contamination detection, Goodhart, Elo, style, categories and reproduction", () => {
    expect(raised("2", "You could check n-gram overlap with the training set")).toEqual(["contamination"]);
    expect(raised("2", "That's Goodhart's law: the measure becomes a target")).toEqual(["goodhart"]);
    expect(raised("2", "Arena Elo comes from pairwise votes")).toEqual(["elo"]);
    expect(raised("2", "raters like verbose confident answers")).toEqual(["style"]);
    expect(raised("2", "look at the per-category breakdown")).toEqual(["categories"]);
    expect(raised("2", "was it independently reproduced?")).toEqual(["reproduction"]);
    expect(raised("2", "goodharts law and contaminaton")).toEqual(["contamination", "goodhart"]);
  });

  it("corrects Elo-as-accuracy but not a contrast between them", () => {
    expect(misconceptions("2", "A higher Elo means the model is more accurate")).toEqual(["elo-is-accuracy"]);
    expect(misconceptions("2", "Elo is different from accuracy")).toEqual([]);
    expect(misconceptions("2", "contamination is rare these days")).toEqual(["contamination-is-rare"]);
    expect(misconceptions("2", "leaderboards are useless")).toEqual(["leaderboards-useless"]);
  });
});

describe("Lab 3 concepts", () => {
  it("recognises the five protocol steps, the scenario's mismatches and scale", () => {
    expect(raised("3", "were both run by the same evaluator")).toEqual(["evaluator"]);
    expect(raised("3", "X is zero-shot while Y is 5-shot")).toEqual(["shots"]);
    expect(raised("3", "what's the confidence interval")).toEqual(["intervals"]);
    expect(raised("3", "check at least three other benchmarks")).toEqual(["consistency"]);
    expect(raised("3", "has anyone replicated it")).toEqual(["reproduction"]);
    expect(raised("3", "X's number is self reported")).toEqual(["self-vs-leaderboard"]);
    expect(raised("3", "is X a 70B model and Y a 7B one?")).toEqual(["scale"]);
  });

  it("corrects picking X on the raw numbers and the zero-shot bonus", () => {
    expect(misconceptions("3", "X is clearly better")).toEqual(["x-is-better"]);
    expect(misconceptions("3", "Y is better than X")).toEqual([]);
    expect(misconceptions("3", "X is not better")).toEqual([]);
    expect(misconceptions("3", "zero-shot is harder so X is even more impressive")).toContain(
      "zero-shot-bonus",
    );
  });
});

describe("Lab 4 concepts and scenarios", () => {
  it("recognises the four concepts and the stage-1 filter", () => {
    expect(raised("4", "real user inputs differ from the benchmark distribution")).toEqual(["shift"]);
    expect(raised("4", "it might hallucinate citations")).toEqual(["gaps"]);
    expect(raised("4", "we need 200 held-out examples")).toEqual(["evalSize"]);
    expect(raised("4", "then a pilot on a subset of traffic")).toEqual(["pilot"]);
    expect(raised("4", "use the leaderboard to shortlist")).toEqual(["filter"]);
  });

  it("picks a scenario by letter or by words", () => {
    const sc = (t: string) => analyse(ctx("4"), t).scenario;
    expect(sc("A")).toBe("legal");
    expect(sc("b.")).toBe("support");
    expect(sc("Let's take C")).toBe("medical");
    expect(sc("scenario b please")).toBe("support");
    expect(sc("summarising contracts for lawyers")).toBe("legal");
    expect(sc("a model for triage")).toBe("medical");
    expect(sc("I think a pilot is needed")).toBeNull();
    expect(sc("now B")).toBe("support");
    expect(sc("C please")).toBe("medical");
    expect(sc("A good idea")).toBeNull();
  });

  it("tracks coverage per scenario and says which scenarios in the summary", () => {
    const c = ctx("4");
    const history: Turn[] = [];
    const say = (text: string) => {
      const r = tutorReply(c, history, text, { exchangesBefore: 0 });
      history.push({ role: "learner", text }, { role: "tutor", text: r.text });
      return r;
    };
    expect(say("A").newlyCovered).toEqual([]);
    expect(say("Long contracts will exceed the context window").newlyCovered).toEqual(["legal:gaps"]);
    expect(say("Now scenario C: a triage bot could hallucinate too").newlyCovered).toEqual(["medical:gaps"]);
    const s = summarise(c, history);
    expect(s.concepts.find((x) => x.id === "gaps")).toMatchObject({ covered: true, scenarios: ["A", "C"] });
    expect(s.concepts.find((x) => x.id === "pilot")).toMatchObject({ covered: false, scenarios: [] });
  });
});

describe("replies", () => {
  it("acknowledge specifically, with the scenario's computed numbers", () => {
    const c = ctx("1");
    const r = tutorReply(c, [], "Is the difference statistically significant?", { exchangesBefore: 0 });
    const t = twoProportionTest(
      { k: Math.round(0.912 * 14042), n: 14042 },
      { k: Math.round(0.894 * 14042), n: 14042 },
    );
    expect(r.text).toContain(`${(100 * t.lower).toFixed(1)} to ${(100 * t.upper).toFixed(1)} pp`);
    expect(r.text).toContain("14,042");
    expect(r.text).not.toMatch(/\{\w+\}/);
  });

  it("compute numbers in the message at the benchmark's real N", () => {
    const r = tutorReply(ctx("3"), [], "what about a 2 point gap on HumanEval?", { exchangesBefore: 0 });
    expect(r.text).toContain("HumanEval (N = 164");
    expect(r.text).toContain("not distinguishable from sampling noise");
  });

  it("correct a misconception with numbers", () => {
    const r = tutorReply(ctx("1"), [], "The 1.8 point gap is just noise.", { exchangesBefore: 0 });
    expect(r.analysis.misconceptions.map((m) => m.id)).toContain("gap-is-noise");
    expect(r.text).toContain("Sampling noise doesn't explain this gap");
  });

  it("push back on a dismissed concept", () => {
    const r = tutorReply(ctx("1"), [], "the extraction rule is irrelevant", { exchangesBefore: 0 });
    expect(r.text).toMatch(/push back on setting aside answer extraction/);
    expect(r.text).toContain("63.7, 63.6 or 48.8");
  });

  it("go deeper, not round in circles, when a point is made again", () => {
    const c = ctx("2");
    const first = tutorReply(c, [], "How do you detect contamination?", { exchangesBefore: 0 });
    const history: Turn[] = [
      { role: "learner", text: "How do you detect contamination?" },
      { role: "tutor", text: first.text },
    ];
    const second = tutorReply(c, history, "So a drop on fresh questions means it memorised the test?", {
      exchangesBefore: 1,
    });
    const acks = labs["2"].concepts[0]!.acks.map((t) => fill(t, c.values));
    const shown = acks.filter((t) => first.text.includes(t));
    expect(shown).toHaveLength(1);
    expect(second.text).toContain(acks.find((t) => !shown.includes(t))!);
  });

  it("answer a planned evaluation size in Lab 4 with its interval", () => {
    const r = tutorReply(ctx("4"), [], "We'd build 50 clinical vignettes graded by doctors", {
      exchangesBefore: 0,
    });
    expect(r.analysis.raised).toContain("evalSize");
    expect(r.text).toContain("With 50 examples");
    expect(r.text).toContain(`±${(100 * 1.959963984540054 * Math.sqrt((0.8 * 0.2) / 50)).toFixed(1)} pp`);
  });

  it("ask about a concept still missing, in rubric order", () => {
    const c = ctx("1");
    const r = tutorReply(c, [], "Was B also 5-shot?", { exchangesBefore: 0 });
    // shots is covered: the question is about the next missing concept (format).
    expect(labs["1"].concepts[1]!.questions).toContain(r.text.split("\n\n").pop());
  });

  it("are never the same twice in a row, whatever the learner repeats", () => {
    for (const lesson of ["1", "2", "3", "4"] as const) {
      const c = ctx(lesson);
      const history: Turn[] = [];
      let last = "";
      let exchanges = 0;
      for (const text of [
        "ok",
        "ok",
        "ok",
        "hmm",
        "shot count",
        "shot count",
        "shot count",
        "",
        "ok",
        "ok",
      ]) {
        const r = tutorReply(c, history, text, { exchangesBefore: exchanges });
        expect(r.text).not.toBe(last);
        if (r.verdict.counts) exchanges++;
        history.push({ role: "learner", text }, { role: "tutor", text: r.text });
        last = r.text;
      }
    }
  });

  it("complete at the third substantive exchange with a summary of covered and missed points", () => {
    const c = ctx("1");
    const history: Turn[] = [];
    let exchanges = 0;
    const texts = [
      "hi",
      "Model B's shot count isn't stated",
      "ok",
      "Could the extraction regex differ?",
      "Was either model contaminated?",
    ];
    const replies = texts.map((text) => {
      const r = tutorReply(c, history, text, { exchangesBefore: exchanges });
      if (r.verdict.counts) exchanges++;
      history.push({ role: "learner", text }, { role: "tutor", text: r.text });
      return r;
    });
    expect(replies.map((r) => r.verdict.counts)).toEqual([false, true, false, true, true]);
    expect(exchanges).toBe(EXCHANGES_TO_COMPLETE);
    expect(replies[3]!.text).not.toContain("lab is complete");
    const last = replies[4]!.text;
    expect(last).toContain("the lab is complete");
    expect(last).toContain("You covered shot count, answer extraction and contamination");
    expect(last).toContain("Still worth a look: prompting format, decoding");
    const s = summarise(c, history);
    expect(s.covered).toBe(3);
    expect(s.total).toBe(9);
    expect(s.concepts.find((x) => x.id === "format")?.section.anchor).toBe("five-choices-behind-every-score");
  });

  it("don't count a message for its length: eight words of filler, repeats and lorem ipsum don't count", () => {
    const c = ctx("2");
    expect(exchangeVerdict(c, [], "I am not sure what to ask you about").counts).toBe(false);
    expect(exchangeVerdict(c, [], "not sure what to ask").counts).toBe(false);
    expect(exchangeVerdict(c, [], "Goodhart?").counts).toBe(true);
    const h: Turn[] = [
      { role: "learner", text: "contamination" },
      { role: "tutor", text: "…" },
    ];
    expect(exchangeVerdict(c, [], "contamination")).toEqual({ counts: true, reason: "concept" });
    expect(exchangeVerdict(c, h, "contamination")).toEqual({ counts: false, reason: "repeat" });
    expect(exchangeVerdict(c, h, "Contamination!")).toEqual({ counts: false, reason: "repeat" });
    expect(exchangeVerdict(c, [], "lorem ipsum dolor sit amet consectetur adipiscing elit")).toEqual({
      counts: false,
      reason: "non-words",
    });
  });

  it("are deterministic", () => {
    const c = ctx("2");
    const a = tutorReply(c, [], "How do you detect contamination?", { exchangesBefore: 0 });
    const b = tutorReply(c, [], "How do you detect contamination?", { exchangesBefore: 0 });
    expect(a.text).toBe(b.text);
  });

  it("never leave a placeholder unfilled in any lab text", () => {
    for (const lesson of ["1", "2", "3", "4"] as const) {
      const c = ctx(lesson);
      for (const concept of labs[lesson].concepts) {
        for (const t of [...concept.acks, ...concept.questions, concept.why]) {
          const used = [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
          for (const k of used) expect(c.values, `${lesson}/${concept.id}: {${k}}`).toHaveProperty(k);
        }
      }
      for (const m of labs[lesson].misconceptions) {
        for (const k of [...m.correction.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!))
          expect(c.values).toHaveProperty(k);
      }
    }
  });
});

describe("recognise()", () => {
  it("returns one match per concept, preferring a raising clause", () => {
    const m = recognise("not the decoding. Actually the decoding could matter", labs["1"].concepts);
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ id: "decoding", raised: true });
  });
});

describe("the model's messages", () => {
  it("carry the brief, the rubric and the computed facts, and alternate user/assistant", async () => {
    const { modelMessages, systemPrompt } = await import("../../../src/components/learn/labPrompt.ts");
    const c = ctx("1");
    const sys = systemPrompt(c);
    expect(sys).toContain(labs["1"].scenario);
    for (const concept of labs["1"].concepts) expect(sys).toContain(concept.label);
    expect(sys).toContain("1.1 to 2.5 pp");
    const history: Turn[] = [
      { role: "tutor", text: "stray answer" },
      { role: "learner", text: "first" },
      { role: "tutor", text: "reply" },
      { role: "learner", text: "second, whose answer was stopped" },
    ];
    const m = modelMessages(c, history, "a 2 point gap on GSM8K?");
    expect(m.map((x) => x.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(m[3]!.content).toContain("second, whose answer was stopped\n\na 2 point gap on GSM8K?");
    expect(m[3]!.content).toContain("GSM8K (N = 1,319");
  });
});

describe("lesson links", () => {
  it("every section a lab links to is a heading of that lesson page", async () => {
    const { readFileSync } = await import("node:fs");
    // Framework's heading ids: lowercase, apostrophes dropped, other runs of non-alphanumerics → "-".
    const slug = (h: string) =>
      h
        .toLowerCase()
        .replace(/['’]/g, "")
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "");
    for (const lesson of ["1", "2", "3", "4"] as const) {
      const sections = [
        ...labs[lesson].concepts.map((c) => c.section),
        ...labs[lesson].misconceptions.map((m) => m.section),
      ];
      for (const section of sections) {
        const md = readFileSync(
          new URL(`../../../src/lessons/${section.lesson}.md`, import.meta.url),
          "utf8",
        );
        const anchors = [...md.matchAll(/^#{2,3} (.+)$/gm)].map((m) => slug(m[1]!));
        expect(anchors, `lab ${lesson} → lesson ${section.lesson}#${section.anchor}`).toContain(
          section.anchor,
        );
      }
    }
  });
});
