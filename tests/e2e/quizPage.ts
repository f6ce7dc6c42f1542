// Driving a lesson quiz and reading the home page's progress panel, shared by the progress and
// robustness browser tests.
import type { Page } from "playwright-core";
import { lessonQuizzes } from "../../src/content/quizzes.ts";

/** Take lesson n's quiz on the page, answering the first k questions rightly. */
export async function takeQuiz(p: Page, n: number, k: number): Promise<void> {
  const quiz = lessonQuizzes[n - 1]!;
  for (let i = 0; i < quiz.questions.length; i++) {
    const id = await p.locator(`#quiz-${n} .quiz-form`).getAttribute("data-question-id");
    const q = quiz.questions.find((x) => x.id === id)!;
    const options = await p.locator(`#quiz-${n} .quiz-option-text`).allTextContents();
    const right = options.indexOf(q.options[q.correct]!.text);
    await p
      .locator(`#quiz-${n} .quiz-option`)
      .nth(i < k ? right : (right + 1) % options.length)
      .click();
    await p.locator(`#quiz-${n} .quiz-check`).click();
    await p.locator(`#quiz-${n} .quiz-next`).click();
  }
  await p.locator(`#quiz-${n} .quiz-result`).waitFor();
}
