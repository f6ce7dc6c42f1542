// The question banks: the right number of questions, well-formed, each correct option the one
// its feedback names, feedback for every option, option lengths that give nothing away, the
// GPT-4/Claude 2 facts and every quoted number checked against data/ or a formula, no untraced
// claim or corrected error repeated, and every section link pointing at a heading that exists.
import { readFileSync } from "node:fs";
import slugify from "@sindresorhus/slugify";
import { describe, expect, it } from "vitest";
import {
  type LessonNumber,
  lessonQuizzes,
  lessonSections,
  moduleTest,
  type QuizQuestion,
  sectionHref,
} from "../../../src/content/quizzes.ts";

const all: QuizQuestion[] = [...lessonQuizzes.flatMap((q) => q.questions), ...moduleTest.questions];
const byId = new Map(all.map((q) => [q.id, q]));
const key = (q: QuizQuestion) => q.options[q.correct]!;
const wrongOptions = (q: QuizQuestion) => q.options.filter((_, i) => i !== q.correct);
/** Every text a learner can read in a question: prompt, options and their feedback. */
const textsOf = (q: QuizQuestion) => [q.prompt, ...q.options.flatMap((o) => [o.text, o.feedback])];
const allTexts = all.flatMap((q) => textsOf(q).map((text) => ({ id: q.id, text })));

/** A 95% normal-approximation half-width in percentage points, written out here (not the stats core). */
const hw = (p: number, n: number) => 100 * 1.96 * Math.sqrt((p * (1 - p)) / n);

/** The rows of a CSV file in data/ (quoted fields with commas and doubled quotes). */
function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(new URL(`../../../data/${file}`, import.meta.url), "utf8");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (c !== "\r") field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ""])));
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length / 2;
  return s.length % 2 ? s[Math.floor(m)]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * Written from the lessons, independently of the bank: for each question, a phrase that must
 * appear in the correct option and in its feedback, and in none of the wrong options. If an
 * option is moved or the wrong index is marked, this fails.
 */
const agreement: Record<string, string> = {
  "l1-extraction-shift": "48.8",
  "l1-five-choices": "servers",
  "l1-standardise": "gap",
  "l1-score-vs-rank": "setup",
  "l2-arena-elo": "elo",
  "l2-contamination-size": "1.7",
  "l2-goodhart": "capability",
  "l2-category-rank": "health",
  "l3-gpt4-claude2": "claude 2's was prompted with chain of thought",
  "l3-mistral-per-parameter": "per parameter",
  "l3-humaneval-noise": "±6",
  "l3-protocol": "third-party",
  "l4-medpalm": "clinical",
  "l4-poorest": "calibration",
  "l4-leaderboard-role": "narrow",
  "l4-distribution-shift": "production",
  "t01-five-choices": "decoding",
  "t02-three-implementations": "implementations",
  "t03-open-llm-leaderboard": "same",
  "t04-arena-elo": "preference",
  "t05-goodhart": "capability",
  "t06-contamination-size": "per model",
  "t07-mmlu-interval": "±0.66",
  "t08-gpt4-claude2": "only claude 2",
  "t09-mistral": "scale",
  "t10-humaneval-threshold": "10",
  "t11-distribution-shift": "evaluation set",
  "t12-medpalm": "clinical",
  "t13-stage-two": "shortlist",
  "t14-best-covered": "arithmetic",
  "t15-core-principle": "pilot validates",
};

describe("question banks", () => {
  it("hold 4 + 4 + 4 + 4 lesson questions and 15 test questions, 31 in all", () => {
    expect(lessonQuizzes.map((q) => q.lesson)).toEqual([1, 2, 3, 4]);
    expect(lessonQuizzes.map((q) => q.questions.length)).toEqual([4, 4, 4, 4]);
    expect(moduleTest.questions).toHaveLength(15);
    expect(all).toHaveLength(31);
  });

  it("pass the module test at 80%", () => {
    expect(moduleTest.passMark).toBe(0.8);
  });

  it("give every question a unique id", () => {
    expect(new Set(all.map((q) => q.id)).size).toBe(31);
  });

  it("give every question a prompt and four distinct, non-empty options", () => {
    for (const q of all) {
      expect(q.prompt.trim().length, q.id).toBeGreaterThan(10);
      expect(q.options, q.id).toHaveLength(4);
      for (const o of q.options) expect(o.text.trim().length, q.id).toBeGreaterThan(0);
      expect(new Set(q.options.map((o) => o.text.trim().toLowerCase())).size, q.id).toBe(4);
    }
  });

  it("mark one valid correct index per question", () => {
    for (const q of all) {
      expect(Number.isInteger(q.correct), q.id).toBe(true);
      expect(q.correct, q.id).toBeGreaterThanOrEqual(0);
      expect(q.correct, q.id).toBeLessThan(q.options.length);
    }
  });

  it("give every option of every question its own feedback: non-empty, and distinct across the whole bank", () => {
    const seen = new Map<string, string>();
    for (const q of all) {
      q.options.forEach((o, i) => {
        const where = `${q.id} option ${i}`;
        expect(o.feedback.trim().length, where).toBeGreaterThan(40);
        // Feedback explains; it does not just repeat the option.
        expect(o.feedback.trim().toLowerCase(), where).not.toBe(o.text.trim().toLowerCase());
        const normal = o.feedback.trim().toLowerCase();
        expect(seen.get(normal), `${where} repeats the feedback of ${seen.get(normal)}`).toBeUndefined();
        seen.set(normal, where);
      });
    }
    expect(seen.size).toBe(31 * 4);
  });

  it("have a key phrase for every question (the table below is complete)", () => {
    expect(Object.keys(agreement).sort()).toEqual(all.map((q) => q.id).sort());
  });

  for (const q of all) {
    it(`${q.id}: the correct option is the one its feedback names`, () => {
      const phrase = agreement[q.id]!.toLowerCase();
      expect(key(q).text.toLowerCase(), `correct option of ${q.id}`).toContain(phrase);
      expect(key(q).feedback.toLowerCase(), `feedback of ${q.id}`).toContain(phrase);
      q.options.forEach((o, i) => {
        if (i !== q.correct)
          expect(o.text.toLowerCase(), `wrong option ${i} of ${q.id}`).not.toContain(phrase);
      });
    });
  }

  it("keep lesson quiz questions in their own lesson", () => {
    for (const quiz of lessonQuizzes)
      for (const q of quiz.questions) expect(q.lesson, q.id).toBe(quiz.lesson);
  });

  it("spread the module test over all four lessons", () => {
    const per = [1, 2, 3, 4].map((n) => moduleTest.questions.filter((q) => q.lesson === n).length);
    for (const k of per) expect(k).toBeGreaterThanOrEqual(3);
  });

  it("name a section of the question's own lesson", () => {
    for (const q of all) {
      const sections: Record<string, string> = lessonSections[q.lesson];
      expect(Object.keys(sections), q.id).toContain(q.section);
      expect(sectionHref(q)).toBe(`/lessons/${q.lesson}#${q.section}`);
    }
  });

  it("use section ids that are Framework's slugs of their headings", () => {
    for (const [, sections] of Object.entries(lessonSections)) {
      for (const [slug, title] of Object.entries(sections)) expect(slugify(title)).toBe(slug);
    }
  });
});

describe("option length gives the answer away in no direction", () => {
  /** How many options are longer than the key (0: the key is the longest; ties count against the bank). */
  const keyRank = (q: QuizQuestion) =>
    wrongOptions(q).filter((o) => o.text.length > key(q).text.length).length;
  const isLongest = (q: QuizQuestion) => wrongOptions(q).every((o) => key(q).text.length >= o.text.length);
  const isShortest = (q: QuizQuestion) => wrongOptions(q).every((o) => key(q).text.length <= o.text.length);

  it("the key is the longest option (by characters, ties included) in at most 10 of the 31 questions", () => {
    const longest = all.filter(isLongest).map((q) => q.id);
    expect(longest.length, longest.join(", ")).toBeLessThanOrEqual(10);
  });

  it("the key is the shortest option (ties included) in at most 10 of the 31 questions", () => {
    const shortest = all.filter(isShortest).map((q) => q.id);
    expect(shortest.length, shortest.join(", ")).toBeLessThanOrEqual(10);
  });

  it("always picking the n-th longest option passes neither the module test nor half of all questions", () => {
    for (let rank = 0; rank < 4; rank++) {
      const onTest = moduleTest.questions.filter((q) => keyRank(q) === rank).length;
      const overall = all.filter((q) => keyRank(q) === rank).length;
      expect(onTest, `rank ${rank} on the test`).toBeLessThan(12);
      expect(overall, `rank ${rank} overall`).toBeLessThan(16);
    }
  });
});

describe("GPT-4 and Claude 2 on MMLU (GPT-4 Technical Report, Table 2; Claude 2 model card)", () => {
  // Typed from the sources, not from the bank: GPT-4 86.4%, 5-shot, no chain of thought (the
  // report's one chain-of-thought footnote is on GSM-8K); Claude 2 78.5, 5-shot with chain of thought.
  const GPT4 = 86.4;
  const CLAUDE2 = 78.5;
  const about = all.filter((q) => textsOf(q).some((t) => /GPT-4/.test(t) && /Claude 2/.test(t)));
  /** An option text or sentence that says GPT-4's MMLU number came with chain of thought. */
  const gpt4WithCot = /GPT-4's(?: \d+\.\d)?[^;.]*?(was prompted with|came from|used) chain[- ]of[- ]thought/i;

  it("data/published_scores.csv agrees: GPT-4 MMLU 86.4, 5-shot, no chain of thought; GSM8K the one with it", () => {
    const rows = readCsv("published_scores.csv").filter((r) => r.model === "GPT-4");
    const mmlu = rows.find((r) => r.benchmark === "MMLU")!;
    expect(Number(mmlu.score)).toBe(GPT4);
    expect(mmlu.shots).toBe("5");
    expect(mmlu.cot).toBe("no");
    expect(rows.find((r) => r.benchmark === "GSM8K")!.cot).toBe("yes");
  });

  it("two questions ask about them, one in Lesson 3's quiz and one in the test", () => {
    expect(about.map((q) => q.id).sort()).toEqual(["l3-gpt4-claude2", "t08-gpt4-claude2"]);
  });

  for (const id of ["l3-gpt4-claude2", "t08-gpt4-claude2"]) {
    it(`${id}: the key says Claude 2's score used chain of thought and GPT-4's did not`, () => {
      const q = byId.get(id)!;
      expect(key(q).text).toMatch(/Claude 2's[^;]*chain[- ]of[- ]thought/);
      expect(key(q).text).not.toMatch(gpt4WithCot);
      expect(key(q).feedback).not.toMatch(gpt4WithCot);
    });

    it(`${id}: the option claiming GPT-4 used chain of thought is wrong, and its feedback corrects it`, () => {
      const q = byId.get(id)!;
      const claims = q.options.filter((o) => gpt4WithCot.test(o.text));
      expect(claims).toHaveLength(1);
      expect(claims[0]).not.toBe(key(q));
      expect(claims[0]!.feedback).toMatch(/no chain of thought/);
      expect(claims[0]!.feedback).toMatch(/GSM-8K/);
    });

    it(`${id}: every score it quotes is the published one (86.4, 78.5, or their 7.9-point gap)`, () => {
      const numbers = textsOf(byId.get(id)!).flatMap((t) =>
        [...t.matchAll(/\d+\.\d/g)].map((m) => Number(m[0])),
      );
      const allowed = [GPT4, CLAUDE2, Number((GPT4 - CLAUDE2).toFixed(1))];
      for (const n of numbers) expect(allowed, `${id} quotes ${n}`).toContain(n);
    });
  }

  it("no text anywhere in the bank says GPT-4's MMLU score used chain of thought, except a wrong option and its refutation", () => {
    for (const q of all)
      q.options.forEach((o, i) => {
        if (gpt4WithCot.test(o.text)) expect(i, q.id).not.toBe(q.correct);
      });
    expect(
      allTexts.filter((t) =>
        /GPT-4[^.]*chain[- ]of[- ]thought[^.]*(variant|in some comparisons)/i.test(t.text),
      ),
    ).toEqual([]);
  });
});

describe("no key rests on an untraced number, and the corrected facts stay corrected", () => {
  // The claims the lessons mark as not traced to a published source, and the corrected errors.
  const forbidden: [string, RegExp][] = [
    [
      "EleutherAI's 3.2 pp regex result",
      /\b3\.2\s*(pp|percentage|points)|up to 3\.2|EleutherAI[^.]*(regex|regular expression)/i,
    ],
    [
      "the Allen Institute's 2–7 pp contamination estimate",
      /Allen Institute|\b2\s*(–|-|to)\s*7\s*(pp|percentage|points)/i,
    ],
    ["few-shot adds up to ~5 pp", /few-shot[^.]*(~|up to |about )\s*5\s*(pp|percentage|points)/i],
    ["regex differences → ±3 pp", /±\s*3\s*(pp|percentage|points)/i],
    ["the Bloomberg legal-summarisation story", /Bloomberg/i],
    [
      "Llama 2 and Claude 2 in June 2023",
      /(Llama 2|Claude 2)[^.]*June 2023|June 2023[^.]*(Llama 2|Claude 2)/,
    ],
    [
      "small subtasks dominate a micro-average",
      /small (subtasks|subjects)[^.]*dominate[^.]*micro|micro[^.]*dominated by (the )?small/i,
    ],
    [
      "TruthfulQA measures calibration",
      /TruthfulQA (probes|measures|tests) calibration|calibration[^.]*\(TruthfulQA\)/i,
    ],
    ["the Open LLM Leaderboard fixed all five choices", /fix(ed|es)? all five/i],
    ["Arena style control from October 2024", /style[^.]*October 2024|October 2024[^.]*style/i],
    ["a medical category on the Open LLM Leaderboard", /medical (question[- ]answering )?category/i],
    ["a separate course text (one voice)", /\bthe course\b|\bcourse's\b/i],
  ];
  for (const [claim, pattern] of forbidden) {
    it(`nothing repeats ${claim}`, () => {
      expect(allTexts.filter((t) => pattern.test(t.text))).toEqual([]);
    });
  }

  it("the micro-average is said to be dominated by the large subjects", () => {
    const q = byId.get("l1-five-choices")!;
    expect(q.options[2]!.feedback).toMatch(/micro-average[^.]*dominated by the large/);
  });

  it("TruthfulQA, where named, is about imitative falsehoods, not calibration", () => {
    const named = allTexts.filter((t) => /TruthfulQA/.test(t.text));
    expect(named.length).toBeGreaterThan(0);
    for (const t of named) expect(t.text).toMatch(/imitative falsehoods, which is not calibration/);
  });

  it("Arena style control is dated 29 August 2024", () => {
    const dated = allTexts.filter(
      (t) => /style[- ]control/i.test(t.text) || /style controlled/i.test(t.text),
    );
    expect(dated.length).toBeGreaterThan(0);
    for (const t of dated) expect(t.text, t.id).toMatch(/29 August 2024/);
  });
});

describe("traced numbers in the bank agree with data/", () => {
  it("LLaMA-65B under three MMLU implementations: HELM 63.7, original code 63.6, EleutherAI harness 48.8 (each value with its own label)", () => {
    const rows = readCsv("published_scores.csv").filter(
      (r) => r.model === "llama-65b" && r.evaluator === "Hugging Face (three implementations)",
    );
    const by = (label: RegExp) => Number(rows.find((r) => label.test(r.extra_setting ?? ""))!.score);
    expect([by(/^HELM/), by(/^original/), by(/^EleutherAI harness/)]).toEqual([63.7, 63.6, 48.8]);
    expect(Number((63.7 - 48.8).toFixed(1))).toBe(14.9);
    for (const id of ["l1-extraction-shift", "t02-three-implementations"]) {
      const f = key(byId.get(id)!).feedback;
      expect(f).toMatch(/HELM[^,;]*63\.7/);
      expect(f).toMatch(/original code[^,;]*63\.6/);
      expect(f).toMatch(/harness[^,;]*48\.8/);
    }
    // A spread quoted anywhere is the traced one.
    for (const t of allTexts)
      for (const m of t.text.matchAll(/(\d+\.\d) points apart/g)) expect(m[1], t.id).toBe("14.9");
  });

  it("GSM1k vs GSM8K (paper v4): 63 models, 52 higher on GSM8K, median gap 1.7, from −3.8 to 8.0; v1 median 3.0", () => {
    const rows = readCsv("contamination.csv");
    const v4 = rows.filter((r) => (r.source ?? "").includes("2405.00332v4")).map((r) => Number(r.gap_pp));
    const v1 = rows
      .filter((r) => (r.source ?? "").includes("scaleapi/gsm1k_eval"))
      .map((r) => Number(r.gap_pp));
    expect(v4).toHaveLength(63);
    expect(v4.filter((g) => g > 0)).toHaveLength(52);
    expect(median(v4)).toBeCloseTo(1.7, 5);
    expect(Math.min(...v4)).toBe(-3.8);
    expect(Math.max(...v4)).toBe(8.0);
    expect(median(v1).toFixed(1)).toBe("3.0");
    const q = byId.get("l2-contamination-size")!;
    expect(key(q).feedback).toContain("52 of 63");
    expect(key(q).text).toContain("median gap 1.7");
    expect(q.options[2]!.feedback).toContain("−3.8 to 8.0");
    expect(q.options[2]!.feedback).toContain("median 3.0");
  });

  it("MMLU vs MMLU-CF: 44 models, median drop 13.1 points", () => {
    const cf = readCsv("contamination.csv")
      .filter((r) => (r.source ?? "").includes("MMLU-CF"))
      .map((r) => Number(r.gap_pp));
    expect(cf).toHaveLength(44);
    expect(median(cf).toFixed(1)).toBe("13.1");
    const q = byId.get("t06-contamination-size")!;
    expect(q.options[3]!.feedback).toContain("13.1");
  });

  it("MMLU-Pro has 14 categories, health among them with 818 questions", () => {
    const cats = readCsv("mmlu_pro_categories.csv");
    expect(cats).toHaveLength(14);
    expect(cats.find((c) => c.category === "health")!.n_test).toBe("818");
    expect(byId.get("l2-category-rank")!.prompt).toMatch(
      /14 subject categories, among them health \(818 questions\)/,
    );
  });
});

describe("interval numbers in the feedback agree with the formula", () => {
  it("MMLU: ±0.66 pp at 80% over 14,042 questions, ±0.94 for a difference; ±0.8 for a difference at 85%", () => {
    expect(hw(0.8, 14042)).toBeCloseTo(0.66, 2);
    expect(Math.SQRT2 * hw(0.8, 14042)).toBeCloseTo(0.94, 2);
    expect(Math.SQRT2 * hw(0.85, 14042)).toBeCloseTo(0.8, 1);
    expect(hw(0.637, 14042)).toBeCloseTo(0.8, 1);
  });
  it("HumanEval: ±6.1 pp at 80% over 164 problems, ±8.7 for a difference; one problem is 0.61 points", () => {
    expect(hw(0.8, 164)).toBeCloseTo(6.1, 1);
    expect(Math.SQRT2 * hw(0.8, 164)).toBeCloseTo(8.7, 1);
    expect(100 / 164).toBeCloseTo(0.61, 2);
  });
  it("a health category of 818 questions: ±3.4 pp at 50%; a 100-example task set: ±7.8 pp at 80%", () => {
    expect(hw(0.5, 818)).toBeCloseTo(3.4, 1);
    expect(hw(0.8, 100)).toBeCloseTo(7.8, 1);
  });
  it("the wrong MMLU options are the misconceptions they claim to be (GSM8K's ±2.15, a factor of 10 either way)", () => {
    const q = moduleTest.questions.find((x) => x.id === "t07-mmlu-interval")!;
    expect(hw(0.8, 1319)).toBeCloseTo(2.16, 2); // Lesson 3's table prints ±2.15
    const texts = q.options.map((o) => o.text);
    expect(texts).toContain("±2.15 percentage points");
    expect(texts).toContain("±0.066 percentage points");
    expect(texts).toContain("±6.6 percentage points");
  });
  it("every ± value in the bank is one of those checked above", () => {
    const checked = ["0.066", "0.66", "0.94", "0.8", "2.15", "3.4", "6", "6.1", "6.6", "7.8", "8.7"];
    for (const t of allTexts)
      for (const m of t.text.matchAll(/±\s*(\d+(?:\.\d+)?)/g))
        expect(checked, `${t.id}: ±${m[1]}`).toContain(m[1]);
  });
});

/** The h2 headings of a lesson page, as Framework slugs them. */
function lessonHeadingSlugs(n: LessonNumber): string[] {
  const text = readFileSync(new URL(`../../../src/lessons/${n}.md`, import.meta.url), "utf8");
  // Only headings outside fenced code blocks count.
  const outside = text.replace(/```[\s\S]*?```/g, "");
  return [...outside.matchAll(/^## +(.+?)\s*$/gm)].map((m) => slugify(m[1]!));
}

describe("section links point at headings on the lesson pages", () => {
  for (const n of [1, 2, 3, 4] as const) {
    it(`lesson ${n}: every section a question names is an h2 of src/lessons/${n}.md`, () => {
      const slugs = lessonHeadingSlugs(n);
      const named = [...new Set(all.filter((q) => q.lesson === n).map((q) => q.section))];
      expect(
        named.filter((s) => !slugs.includes(s)),
        `headings on the page: ${slugs.join(", ")}`,
      ).toEqual([]);
    });
  }
});
