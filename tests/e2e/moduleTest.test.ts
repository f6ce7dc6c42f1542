import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { STORAGE_KEY } from "../../src/components/learn/progress.ts";
import { moduleTest, type QuizQuestion } from "../../src/content/quizzes.ts";
import { axeViolations, open, useBrowser } from "./browser.ts";

const byId = new Map<string, QuizQuestion>(moduleTest.questions.map((q) => [q.id, q]));

const browser = useBrowser();
let page: Page;
let problems: string[];

beforeAll(async () => {
  ({ page, problems } = await open(browser, "/test"));
  await page.locator("#module-test .test-question").first().waitFor();
});

interface Shown {
  question: QuizQuestion;
  options: string[];
  right: number;
}

/** Every question on the page, in display order, with the display index of its right answer. */
async function questions(p: Page): Promise<Shown[]> {
  const items = p.locator("#module-test .test-question");
  const n = await items.count();
  const out: Shown[] = [];
  for (let i = 0; i < n; i++) {
    const item = items.nth(i);
    const question = byId.get((await item.getAttribute("data-question-id")) ?? "")!;
    const options = await item.locator(".quiz-option-text").allTextContents();
    out.push({ question, options, right: options.indexOf(question.options[question.correct]!.text) });
  }
  return out;
}

/** Answer question i (0-based) rightly or wrongly by clicking its option. */
async function answer(p: Page, shown: Shown[], i: number, rightly: boolean) {
  const s = shown[i]!;
  const k = rightly ? s.right : (s.right + 2) % 4;
  await p.locator("#module-test .test-question").nth(i).locator(".quiz-option").nth(k).click();
}

const stored = async (p: Page) =>
  JSON.parse((await p.evaluate((k) => localStorage.getItem(k), STORAGE_KEY)) ?? "null");

describe("module test", () => {
  let first: Shown[] = [];

  it("shows all 15 questions on one page, each with four options", async () => {
    first = await questions(page);
    expect(first).toHaveLength(15);
    expect(first.map((s) => s.question.id).sort()).toEqual(moduleTest.questions.map((q) => q.id).sort());
    for (const s of first) expect(s.right).toBeGreaterThanOrEqual(0);
    expect(await page.locator("#module-test .test-rules").textContent()).toContain(
      "pass with 12 or more right (80%)",
    );
  });

  it("points out unanswered questions before submitting", async () => {
    // 11 right (questions 1–11), 3 wrong (12–14), question 15 left unanswered.
    for (let i = 0; i < 14; i++) await answer(page, first, i, i < 11);
    expect(await page.locator("#module-test .test-count").textContent()).toBe("14 of 15 answered");
    // The chosen option, and only it, is marked (and drawn) as chosen; a change of mind moves the mark.
    const marked = (i: number) =>
      page
        .locator("#module-test .test-question")
        .nth(i)
        .locator(".quiz-option")
        .evaluateAll((labels) => labels.map((l) => l.hasAttribute("data-checked")));
    const chosen = (rightly: boolean) => (rightly ? first[0]!.right : (first[0]!.right + 2) % 4);
    expect(await marked(0)).toEqual([0, 1, 2, 3].map((k) => k === chosen(true)));
    await answer(page, first, 0, false);
    expect(await marked(0)).toEqual([0, 1, 2, 3].map((k) => k === chosen(false)));
    await answer(page, first, 0, true);
    expect(await marked(0)).toEqual([0, 1, 2, 3].map((k) => k === chosen(true)));
    await page.locator("#module-test .test-submit").click();
    const warning = page.locator("#module-test .test-unanswered");
    expect(await warning.isVisible()).toBe(true);
    expect(await warning.getAttribute("data-missing")).toBe("15");
    expect(await warning.textContent()).toContain("1 question is unanswered: 15");
    expect(await page.locator("#test-question-15").getAttribute("data-missing")).toBe("true");
    expect(await page.locator("#module-test .test-result").isVisible()).toBe(false);
    expect(await stored(page)).toBeNull(); // nothing recorded yet
    expect(await axeViolations(page, { include: "#observablehq-main" })).toEqual([]);
  });

  it("11 of 15 fails, with every question reviewed and the sections to revisit", async () => {
    await answer(page, first, 14, false); // 11 right, 4 wrong
    expect(await page.locator("#module-test .test-unanswered").isVisible()).toBe(false);
    await page.locator("#module-test .test-submit").click();
    const result = page.locator("#module-test .test-result");
    await result.waitFor();
    expect(await result.getAttribute("data-score")).toBe("11");
    expect(await result.getAttribute("data-passed")).toBe("false");
    expect(await result.locator(".test-score").textContent()).toBe("11 of 15");
    expect(await result.locator(".test-verdict").getAttribute("data-verdict")).toBe("fail");
    expect(await result.locator(".big-caption").textContent()).toContain("1 more to pass");
    const items = result.locator(".test-review > li");
    expect(await items.count()).toBe(15);
    for (let i = 0; i < 15; i++) {
      const q = first[i]!.question;
      const li = items.nth(i);
      expect(await li.getAttribute("data-question-id")).toBe(q.id);
      expect(await li.getAttribute("data-result")).toBe(i < 11 ? "correct" : "incorrect");
      // The chosen option's own feedback: the key's for a right answer, the distractor's for a wrong one.
      const chosenText = first[i]!.options[i < 11 ? first[i]!.right : (first[i]!.right + 2) % 4];
      const chosen = q.options.find((o) => o.text === chosenText)!;
      expect(chosen === q.options[q.correct]).toBe(i < 11);
      expect(await li.locator(".quiz-review-feedback").textContent()).toBe(chosen.feedback);
      if (i >= 11) expect(await li.locator(".quiz-wrong").textContent()).toBe(chosen.text);
      expect(await li.locator(".quiz-revisit a").getAttribute("href")).toBe(
        `./lessons/${q.lesson}#${q.section}`,
      );
    }
    const wrongSections = [
      ...new Set(first.slice(11).map((s) => `./lessons/${s.question.lesson}#${s.question.section}`)),
    ];
    const revisit = await result
      .locator(".test-revisit a")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(revisit).toEqual(wrongSections);
    expect((await stored(page)).test).toMatchObject({ best: 11, total: 15, passed: false, attempts: 1 });
    expect(await axeViolations(page, { include: "#observablehq-main" })).toEqual([]);
  });

  it("a retake clears the answers and shuffles the options again", async () => {
    await page.locator("#module-test .test-retake").click();
    await page.locator("#module-test .test-form").waitFor();
    expect(await page.locator("#module-test .test-count").textContent()).toBe("0 of 15 answered");
    expect(await page.locator("#module-test input[type=radio]:checked").count()).toBe(0);
    const second = await questions(page);
    expect(second.map((s) => s.options)).not.toEqual(first.map((s) => s.options));
    expect(await page.locator("#module-test .test-intro .test-best").textContent()).toContain("11 of 15");
    first = second;
  });

  it("12 of 15 passes, and the best result is kept with its date", async () => {
    for (let i = 0; i < 15; i++) await answer(page, first, i, i >= 3); // 3 wrong, 12 right
    await page.locator("#module-test .test-submit").click();
    const result = page.locator("#module-test .test-result");
    await result.waitFor();
    expect(await result.getAttribute("data-score")).toBe("12");
    expect(await result.getAttribute("data-passed")).toBe("true");
    expect(await result.locator(".test-verdict").textContent()).toBe("✓ Passed");
    const t = (await stored(page)).test;
    expect(t).toMatchObject({ best: 12, total: 15, passed: true, attempts: 2 });
    expect(Date.now() - Date.parse(t.bestAt)).toBeLessThan(60_000);
  });

  it("logged no error and made no request elsewhere", () => {
    expect(problems).toEqual([]);
  });
});

describe("answers in progress", () => {
  it("survive a reload of the page", async () => {
    const { page: p, context, problems: pr } = await open(browser, "/test");
    const shown = await questions(p);
    await answer(p, shown, 0, true);
    await answer(p, shown, 4, false);
    await answer(p, shown, 9, true);
    await p.reload({ waitUntil: "networkidle" });
    await p.locator("#module-test .test-question").first().waitFor();
    expect(await p.locator("#module-test .test-count").textContent()).toBe("3 of 15 answered");
    const after = await questions(p);
    expect(after.map((s) => s.options)).toEqual(shown.map((s) => s.options)); // same attempt, same order
    const checked = await p
      .locator("#module-test .test-question")
      .evaluateAll((lis) =>
        lis.map((li) => li.querySelector<HTMLInputElement>("input:checked")?.value ?? null),
      );
    expect(checked[0]).toBe(String(shown[0]!.right));
    expect(checked[4]).toBe(String((shown[4]!.right + 2) % 4));
    expect(checked[9]).toBe(String(shown[9]!.right));
    expect(checked.filter((c) => c !== null)).toHaveLength(3);
    expect(await p.locator("[data-restored]").textContent()).toContain("3 answers");
    expect(pr).toEqual([]);
    await context.close();
  });

  it("the keyboard works: arrows choose within a question, Enter moves to the next one", async () => {
    const { page: p, context } = await open(browser, "/test");
    await p.locator("#test-question-1 input[type=radio]").first().focus();
    await p.keyboard.press("ArrowDown"); // native radio group: moves to and checks option 2
    expect(await p.locator("#test-question-1 input:checked").getAttribute("value")).toBe("1");
    await p.keyboard.press("Enter");
    expect(await p.evaluate(() => document.activeElement?.closest("li")?.id)).toBe("test-question-2");
    expect(await p.locator("#module-test .test-count").textContent()).toBe("1 of 15 answered");
    await context.close();
  });
});
