// The question banks: the right number of questions, well-formed, each correct option the one
// its feedback names, the numbers in the feedback those of the statistics core, and every
// section link pointing at a heading that exists on the lesson page.
import { readFileSync } from "node:fs";
import slugify from "@sindresorhus/slugify";
import { describe, expect, it } from "vitest";
import { halfWidth } from "../../../src/components/stats/index.ts";
import {
  type LessonNumber,
  lessonQuizzes,
  lessonSections,
  moduleTest,
  type QuizQuestion,
  sectionHref,
} from "../../../src/content/quizzes.ts";

const all: QuizQuestion[] = [...lessonQuizzes.flatMap((q) => q.questions), ...moduleTest.questions];

/**
 * Written from the course text, independently of the bank: for each question, a phrase that
 * must appear in the correct option and in the feedback for a correct answer, and in none of
 * the wrong options. If an option is moved or the wrong index is marked, this fails.
 */
const agreement: Record<string, string> = {
  "l1-extraction-shift": "3.2",
  "l1-five-choices": "server",
  "l1-standardise": "gap",
  "l1-score-vs-rank": "significan",
  "l2-arena-elo": "elo rating",
  "l2-contamination-size": "2 to 7",
  "l2-goodhart": "capability",
  "l2-category-rank": "medical",
  "l3-gpt4-claude2": "chain-of-thought",
  "l3-mistral-per-parameter": "per parameter",
  "l3-humaneval-noise": "±6",
  "l3-protocol": "third-party",
  "l4-medpalm": "clinical",
  "l4-poorest": "calibration",
  "l4-leaderboard-role": "narrow",
  "l4-distribution-shift": "production",
  "t01-five-choices": "decoding strategy",
  "t02-eleuther-technique": "regular expression",
  "t03-open-llm-leaderboard": "same",
  "t04-arena-elo": "preference",
  "t05-goodhart": "capability",
  "t06-contamination-size": "2 to 7",
  "t07-mmlu-interval": "±0.66",
  "t08-gpt4-claude2": "pipelines",
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
      for (const o of q.options) expect(o.trim().length, q.id).toBeGreaterThan(0);
      expect(new Set(q.options.map((o) => o.trim().toLowerCase())).size, q.id).toBe(4);
    }
  });

  it("mark one valid correct index per question", () => {
    for (const q of all) {
      expect(Number.isInteger(q.correct), q.id).toBe(true);
      expect(q.correct, q.id).toBeGreaterThanOrEqual(0);
      expect(q.correct, q.id).toBeLessThan(q.options.length);
    }
  });

  it("give non-empty, different feedback for a right and a wrong answer", () => {
    for (const q of all) {
      expect(q.feedback.correct.trim().length, q.id).toBeGreaterThan(20);
      expect(q.feedback.incorrect.trim().length, q.id).toBeGreaterThan(20);
      expect(q.feedback.correct, q.id).not.toBe(q.feedback.incorrect);
    }
  });

  it("have a key phrase for every question (the table below is complete)", () => {
    expect(Object.keys(agreement).sort()).toEqual(all.map((q) => q.id).sort());
  });

  for (const q of all) {
    it(`${q.id}: the correct option is the one its feedback names`, () => {
      const phrase = agreement[q.id]!.toLowerCase();
      const right = q.options[q.correct]!.toLowerCase();
      expect(right, `correct option of ${q.id}`).toContain(phrase);
      expect(q.feedback.correct.toLowerCase(), `feedback of ${q.id}`).toContain(phrase);
      q.options.forEach((o, i) => {
        if (i !== q.correct) expect(o.toLowerCase(), `wrong option ${i} of ${q.id}`).not.toContain(phrase);
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

describe("numbers in the feedback agree with the statistics core", () => {
  it("MMLU: ±0.66 pp at 80% over 14,042 questions", () => {
    expect(100 * halfWidth(0.8, 14042)).toBeCloseTo(0.66, 2);
  });
  it("HumanEval: ±6 pp at 80% over 164 problems, and ±8.7 pp for a difference of two scores", () => {
    expect(100 * halfWidth(0.8, 164)).toBeCloseTo(6.1, 1);
    expect(100 * Math.SQRT2 * halfWidth(0.8, 164)).toBeCloseTo(8.7, 1);
  });
  it("the wrong MMLU options are the misconceptions they claim to be (GSM8K's ±2.15, a factor of 10 either way)", () => {
    const q = moduleTest.questions.find((x) => x.id === "t07-mmlu-interval")!;
    expect(100 * halfWidth(0.8, 1319)).toBeCloseTo(2.16, 2); // the course table rounds to ±2.15
    expect(q.options).toContain("±2.15 percentage points");
    expect(q.options).toContain("±0.066 percentage points");
    expect(q.options).toContain("±6.6 percentage points");
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
