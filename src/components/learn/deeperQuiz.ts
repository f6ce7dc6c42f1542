// The closing questions of a "Going deeper" page: two or three questions shown together, each
// checked on its own with the chosen option's own feedback (why it is right, or why not). When all
// are checked, the score of first answers is kept in progress under the page's slug — apart from
// the lesson quizzes and the module test. "Try again" puts the options in a new order.
import { html } from "htl";
import type { QuizOption } from "../../content/quizzes.js";
import { seededRandom } from "../stats/random.js";
import type { ProgressStore } from "./progress.js";
import { type OptionMark, questionFieldset } from "./questionView.js";
import { attemptSeed, permutation } from "./quiz.js";

/** A question on a going-deeper page: four options, one right; `section` is an id on the same page. */
export interface DeeperQuestion {
  /** Unique on the site, stable, e.g. "pass-at-k-1". */
  id: string;
  prompt: string;
  options: readonly [QuizOption, QuizOption, QuizOption, QuizOption];
  correct: 0 | 1 | 2 | 3;
  /** The heading id on the page the question checks (Framework's slug of the h2), for "Revisit". */
  section: string;
  /** The heading's text, shown in the "Revisit" link. */
  sectionTitle: string;
}

/** Where a learner is: the display order of each question's options and what was chosen/checked. */
export interface DeeperAttempt {
  orders: number[][];
  chosen: (number | null)[];
  /** Each question's checked answer (display index), null until checked. Only the first counts. */
  checked: (number | null)[];
}

export function startAttempt(
  questions: readonly DeeperQuestion[],
  slug: string,
  attempt: number,
): DeeperAttempt {
  const rng = seededRandom(attemptSeed(`deeper-${slug}`, attempt));
  return {
    orders: questions.map((q) => permutation(q.options.length, rng)),
    chosen: questions.map(() => null),
    checked: questions.map(() => null),
  };
}

/** Right answers among the checked ones, and whether every question is checked. */
export function attemptScore(
  questions: readonly DeeperQuestion[],
  a: DeeperAttempt,
): { correct: number; total: number; done: boolean } {
  let correct = 0;
  questions.forEach((q, i) => {
    const c = a.checked[i];
    if (c !== null && c !== undefined && a.orders[i]![c] === q.correct) correct++;
  });
  return { correct, total: questions.length, done: a.checked.every((c) => c !== null) };
}

export interface DeeperQuizOptions {
  slug: string;
  questions: readonly DeeperQuestion[];
  store: ProgressStore;
}

export function deeperQuiz({ slug, questions, store }: DeeperQuizOptions): HTMLElement {
  let attempt = (store.get().deeper[slug]?.attempts ?? 0) + 1;
  let state = startAttempt(questions, slug, attempt);
  const root = html`<section class="quiz deeper-quiz" data-deeper-quiz=${slug} aria-label="Check your understanding"></section>`;
  const live = html`<p class="sr-only" aria-live="polite"></p>`;

  function card(q: DeeperQuestion, i: number): HTMLElement {
    const order = state.orders[i]!;
    const checked = state.checked[i] ?? null;
    const chosen = checked ?? state.chosen[i] ?? null;
    const right = order.indexOf(q.correct);
    const marks = new Map<number, OptionMark>();
    if (checked !== null) {
      marks.set(right, {
        state: "correct",
        label: checked === right ? "✓ Your answer — correct" : "✓ Correct answer",
      });
      if (checked !== right) marks.set(checked, { state: "incorrect", label: "✗ Your answer" });
    }
    const fieldset = questionFieldset({
      name: `deeper-${slug}-q${i + 1}`,
      legend: [`${i + 1}. ${q.prompt}`],
      options: order.map((j) => q.options[j]!.text),
      checked: chosen,
      disabled: checked !== null,
      marks,
      flagSelected: true,
      onChoose: (j) => {
        state = { ...state, chosen: state.chosen.map((c, k) => (k === i ? j : c)) };
        draw(`[data-question-id="${q.id}"] input[data-option="${j}"]`);
      },
    });
    const form = html`<form class="quiz-form quiz-card" data-question-id=${q.id}>${fieldset}</form>`;
    form.addEventListener("submit", (event: Event) => {
      event.preventDefault();
      const pick = state.chosen[i];
      if (pick === null || pick === undefined) {
        live.textContent = "Choose an answer first.";
        return;
      }
      check(i, pick);
    });
    if (checked === null) {
      form.append(
        html`<div class="quiz-actions"><button type="submit" class="quiz-check">Check answer</button></div>`,
      );
    } else {
      const feedback = q.options[order[checked]!]!.feedback;
      const ok = checked === right;
      form.append(html`<div class="quiz-feedback" tabindex="-1" data-result=${ok ? "correct" : "incorrect"} data-feedback>
        <p class="quiz-verdict">${ok ? "✓ Correct" : "✗ Not quite"}</p>
        <p class="quiz-feedback-text">${feedback}</p>
        ${ok ? null : html`<p class="quiz-revisit">Revisit: <a href=${`#${q.section}`}>${q.sectionTitle}</a></p>`}
      </div>`);
    }
    return form;
  }

  function check(i: number, pick: number) {
    state = { ...state, checked: state.checked.map((c, k) => (k === i ? pick : c)) };
    const q = questions[i]!;
    const ok = state.orders[i]![pick] === q.correct;
    live.textContent = `${ok ? "Correct." : "Not quite."} ${q.options[state.orders[i]![pick]!]!.feedback}`;
    const s = attemptScore(questions, state);
    if (s.done) {
      try {
        store.recordDeeperQuiz(slug, s.correct, s.total);
      } catch (e) {
        console.warn(e);
      }
    }
    draw(`[data-question-id="${q.id}"] .quiz-feedback`);
  }

  function result(): HTMLElement | null {
    const s = attemptScore(questions, state);
    if (!s.done) return null;
    const record = store.get().deeper[slug];
    const retry = html`<button type="button" class="quiz-retry">Try again — options in a new order</button>`;
    retry.addEventListener("click", () => {
      attempt = (store.get().deeper[slug]?.attempts ?? attempt) + 1;
      state = startAttempt(questions, slug, attempt);
      live.textContent = "New attempt.";
      draw("input[type=radio]");
    });
    return html`<div class="quiz-result" data-score=${s.correct} data-total=${s.total}>
      <p class="big-number quiz-score" data-readout="score" data-value=${s.correct}>${s.correct} of ${s.total}</p>
      ${record ? html`<p class="quiz-best" data-readout="best" data-value=${record.best}>Best so far: ${record.best} of ${record.total}, over ${record.attempts} attempt${record.attempts === 1 ? "" : "s"}. Kept in this browser, apart from the lesson quizzes and the module test.</p>` : null}
      <div class="quiz-actions">${retry}</div>
    </div>`;
  }

  /** Redraw, then put focus back where the learner was (a selector inside the quiz). */
  function draw(focus?: string) {
    root.replaceChildren(
      html`<h2 class="deeper-quiz-heading">Check your understanding</h2>`,
      ...questions.map(card),
      ...[result()].filter((x) => x !== null),
      live,
    );
    if (focus) root.querySelector<HTMLElement>(focus)?.focus({ preventScroll: true });
  }
  draw();
  return root;
}
