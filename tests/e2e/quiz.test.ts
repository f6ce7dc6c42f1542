import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { STORAGE_KEY } from "../../src/components/learn/progress.ts";
import { lessonQuizzes, moduleTest, type QuizQuestion } from "../../src/content/quizzes.ts";
import { axeViolations, baseUrl, open, useBrowser } from "./browser.ts";

const quiz = lessonQuizzes[0]!;
const byId = new Map<string, QuizQuestion>(quiz.questions.map((q) => [q.id, q]));

const browser = useBrowser();
let page: Page;
let problems: string[];

beforeAll(async () => {
  ({ page, problems } = await open(browser, "/quizzes/1"));
  await page.locator("#quiz-1 .quiz-form").waitFor();
});

/** The question on screen, from the bank, and its options in display order. */
async function onScreen(p: Page) {
  const id = await p.locator("#quiz-1 .quiz-form").getAttribute("data-question-id");
  const question = byId.get(id ?? "");
  if (!question) throw new Error(`unknown question on screen: ${id}`);
  const options = await p.locator("#quiz-1 .quiz-option-text").allTextContents();
  const right = options.indexOf(question.options[question.correct]!.text);
  expect(right).toBeGreaterThanOrEqual(0);
  return { question, options, right, wrong: (right + 1) % options.length };
}

const stored = async (p: Page) =>
  JSON.parse((await p.evaluate((k) => localStorage.getItem(k), STORAGE_KEY)) ?? "null");

describe("lesson 1 quiz", () => {
  const firstOrder: string[][] = [];

  it("shows question 1 of 4 with four options from the bank", async () => {
    expect(await page.locator("#quiz-1 .quiz-count").textContent()).toBe("Question 1 of 4");
    const { question, options } = await onScreen(page);
    expect([...options].sort()).toEqual(question.options.map((o) => o.text).sort());
    expect(await page.locator("main h1").textContent()).toBe("Lesson 1 quiz");
  });

  it("has no serious or critical accessibility violations before answering", async () => {
    expect(await axeViolations(page, { include: "#observablehq-main" })).toEqual([]);
  });

  it("a wrong answer gets that option's own feedback, the right answer marked, and the section to revisit", async () => {
    const { question, options, wrong, right } = await onScreen(page);
    firstOrder.push(options);
    await page.locator("#quiz-1 .quiz-option").nth(wrong).click();
    await page.locator("#quiz-1 .quiz-check").click();
    const feedback = page.locator("#quiz-1 [data-feedback]");
    expect(await feedback.getAttribute("data-result")).toBe("incorrect");
    const chosen = question.options.find((o) => o.text === options[wrong])!;
    expect(chosen).not.toBe(question.options[question.correct]);
    expect(await feedback.locator(".quiz-feedback-text").textContent()).toBe(chosen.feedback);
    expect(await page.locator("#quiz-1 .quiz-option").nth(right).getAttribute("data-state")).toBe("correct");
    expect(await page.locator("#quiz-1 .quiz-option").nth(wrong).getAttribute("data-state")).toBe(
      "incorrect",
    );
    expect(await page.locator("#quiz-1 .quiz-option").nth(wrong).textContent()).toContain("✗ Your answer");
    const href = await feedback.locator(".quiz-revisit a").getAttribute("href");
    expect(href).toBe(`../lessons/1#${question.section}`);
    // Checked answers are locked.
    expect(await page.locator("#quiz-1 input[type=radio]:disabled").count()).toBe(4);
    expect(await axeViolations(page, { include: "#observablehq-main" })).toEqual([]);
  });

  it("the keyboard answers: arrows choose, Enter checks, Enter goes on", async () => {
    await page.keyboard.press("Enter"); // focus is on "Next question"
    await page.locator("#quiz-1 .quiz-count", { hasText: "Question 2 of 4" }).waitFor();
    const { question, options, right } = await onScreen(page);
    firstOrder.push(options);
    await page.locator("#quiz-1 input[type=radio]").first().focus();
    for (let k = 0; k <= right; k++) await page.keyboard.press("ArrowDown");
    expect(
      await page.locator("#quiz-1 .quiz-option[data-selected=true] .quiz-option-text").textContent(),
    ).toBe(question.options[question.correct]!.text);
    await page.keyboard.press("Enter");
    const feedback = page.locator("#quiz-1 [data-feedback]");
    expect(await feedback.getAttribute("data-result")).toBe("correct");
    expect(await feedback.locator(".quiz-feedback-text").textContent()).toBe(
      question.options[question.correct]!.feedback,
    );
    await page.keyboard.press("Enter");
    await page.locator("#quiz-1 .quiz-count", { hasText: "Question 3 of 4" }).waitFor();
    // ArrowUp from nothing selected wraps to the last option.
    await page.locator("#quiz-1 input[type=radio]").first().focus();
    await page.keyboard.press("ArrowUp");
    expect(await page.locator("#quiz-1 .quiz-option").nth(3).getAttribute("data-selected")).toBe("true");
  });

  it("answers 3 and 4 rightly, then shows 3 of 4 with a review of every question", async () => {
    for (const n of [3, 4]) {
      const { right, options } = await onScreen(page);
      firstOrder.push(options);
      await page.locator("#quiz-1 .quiz-option").nth(right).click();
      await page.locator("#quiz-1 .quiz-check").click();
      expect(await page.locator("#quiz-1 [data-feedback]").getAttribute("data-result")).toBe("correct");
      await page.locator("#quiz-1 .quiz-next").click();
      if (n < 4) await page.locator("#quiz-1 .quiz-count", { hasText: `Question ${n + 1} of 4` }).waitFor();
    }
    const result = page.locator("#quiz-1 .quiz-result");
    await result.waitFor();
    expect(await result.getAttribute("data-score")).toBe("3");
    expect(await result.locator(".quiz-score").textContent()).toBe("3 of 4");
    expect(await result.locator(".quiz-review > li").count()).toBe(4);
    expect(await result.locator('.quiz-review > li[data-result="incorrect"]').count()).toBe(1);
    expect(await result.locator(".quiz-best").textContent()).toContain("Best so far: 3 of 4, over 1 attempt");
    expect(await axeViolations(page, { include: "#observablehq-main" })).toEqual([]);
    const p = await stored(page);
    expect(p.quizzes["1"]).toMatchObject({ best: 3, total: 4, attempts: 1, lastScore: 3 });
  });

  it("a retry starts over with the options in a new order; answering rightly gives the 'correct' feedback and 4 of 4", async () => {
    await page.locator("#quiz-1 .quiz-retry").click();
    await page.locator("#quiz-1 .quiz-count", { hasText: "Question 1 of 4" }).waitFor();
    const secondOrder: string[][] = [];
    for (let n = 1; n <= 4; n++) {
      const { question, options, right } = await onScreen(page);
      secondOrder.push(options);
      await page.locator("#quiz-1 .quiz-option").nth(right).click();
      await page.locator("#quiz-1 .quiz-check").click();
      const feedback = page.locator("#quiz-1 [data-feedback]");
      expect(await feedback.getAttribute("data-result")).toBe("correct");
      expect(await feedback.locator(".quiz-feedback-text").textContent()).toBe(
        question.options[question.correct]!.feedback,
      );
      await page.locator("#quiz-1 .quiz-next").click();
    }
    expect(secondOrder).not.toEqual(firstOrder);
    await page.locator("#quiz-1 .quiz-result").waitFor();
    expect(await page.locator("#quiz-1 .quiz-score").textContent()).toBe("4 of 4");
    expect((await stored(page)).quizzes["1"]).toMatchObject({ best: 4, attempts: 2, lastScore: 4 });
  });

  it("a worse third attempt keeps the best; each wrong option chosen shows its own feedback, here and in the review", async () => {
    await page.locator("#quiz-1 .quiz-retry").click();
    const shownFeedback: string[] = [];
    for (let n = 1; n <= 4; n++) {
      const { question, options, right } = await onScreen(page);
      // A different wrong option each time: 1, 2, 3, 1 places after the right one.
      const k = (right + 1 + ((n - 1) % 3)) % 4;
      const chosen = question.options.find((o) => o.text === options[k])!;
      expect(chosen).not.toBe(question.options[question.correct]);
      await page.locator("#quiz-1 .quiz-option").nth(k).click();
      await page.locator("#quiz-1 .quiz-check").click();
      const text = await page.locator("#quiz-1 [data-feedback] .quiz-feedback-text").textContent();
      expect(text).toBe(chosen.feedback);
      shownFeedback.push(text ?? "");
      await page.locator("#quiz-1 .quiz-next").click();
    }
    expect(new Set(shownFeedback).size).toBe(4);
    const reviewed = await page.locator("#quiz-1 .quiz-review .quiz-review-feedback").allTextContents();
    expect(reviewed).toEqual(shownFeedback);
    expect(await page.locator("#quiz-1 .quiz-score").textContent()).toBe("0 of 4");
    expect(await page.locator("#quiz-1 .quiz-best").textContent()).toContain(
      "Best so far: 4 of 4, over 3 attempts",
    );
    expect((await stored(page)).quizzes["1"]).toMatchObject({ best: 4, attempts: 3, lastScore: 0 });
  });

  it("links to its lesson and its lab", async () => {
    const hrefs = await page
      .locator(".quiz-intro a")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual(expect.arrayContaining(["../lessons/1", "../labs/1", "../test"]));
  });

  it("logged no error and made no request elsewhere", () => {
    expect(problems).toEqual([]);
  });
});

describe("the other three quizzes", () => {
  for (const q of lessonQuizzes.slice(1)) {
    it(`/quizzes/${q.lesson} shows its own first question`, async () => {
      const { page: p, context, problems: pr } = await open(browser, `/quizzes/${q.lesson}`);
      const id = await p.locator(`#quiz-${q.lesson} .quiz-form`).getAttribute("data-question-id");
      expect(q.questions.map((x) => x.id)).toContain(id);
      expect(await p.locator(".quiz-intro").textContent()).toContain(q.title);
      expect(pr).toEqual([]);
      await context.close();
    });
  }
});

describe("section links", () => {
  it("every section a question names is a heading on the built lesson page (as the server sends it)", async () => {
    // Framework writes the h2 ids into the static HTML, so the served page is enough: no need to
    // run four lessons' figures in a browser just to read their headings.
    const all = [...lessonQuizzes.flatMap((q) => q.questions), ...moduleTest.questions];
    for (const n of [1, 2, 3, 4]) {
      const res = await fetch(`${baseUrl()}/lessons/${n}`);
      expect(res.status).toBe(200);
      const ids = [...(await res.text()).matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]!);
      expect(ids.length, `lesson ${n} has h2 headings`).toBeGreaterThan(3);
      const named = [...new Set(all.filter((q) => q.lesson === n).map((q) => q.section))];
      expect(
        named.filter((s) => !ids.includes(s)),
        `lesson ${n} headings: ${ids.join(", ")}`,
      ).toEqual([]);
    }
  });
});
