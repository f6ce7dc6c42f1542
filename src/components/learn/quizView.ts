// A lesson quiz on the page: one question at a time, feedback as soon as an answer is checked,
// a score and a review at the end, and a retry with the options in a new order.
// Keyboard: ↑/↓ (or ←/→) choose, 1–4 or A–D pick directly, Enter checks, Enter again goes on.
import { html } from "htl";
import type { LessonQuiz } from "../../content/quizzes.js";
import { formatDate } from "../ui/format.js";
import type { LessonKey, ProgressStore } from "./progress.js";
import { progressNotice } from "./progressNotice.js";
import { type OptionMark, questionFieldset, reviewItem, revisitLink } from "./questionView.js";
import {
  attemptSeed,
  check,
  currentResult,
  isChecked,
  moveSelection,
  next,
  type QuizSession,
  review,
  select,
  sessionScore,
  startSession,
} from "./quiz.js";

export interface LessonQuizOptions {
  quiz: LessonQuiz;
  store: ProgressStore;
  /** Relative path from this page to the site root, e.g. "../" on /quizzes/1. */
  root?: string;
}

interface CardActions {
  choose: (index: number) => void;
  act: () => void;
  next: (last: boolean) => void;
  key: (event: KeyboardEvent) => void;
}

/** The current question: progress steps, the options, Check, and once checked the feedback and Next. */
function questionCard(session: QuizSession, quizId: string, root: string, on: CardActions): Node {
  const i = session.index;
  const shown = session.shown[i]!;
  const checked = isChecked(session);
  const result = currentResult(session);
  const total = session.shown.length;
  const name = `${quizId}-q${i + 1}`;

  const steps = session.shown.map((q, j) => {
    const a = session.answers[j];
    const state =
      a === null || a === undefined ? (j === i ? "current" : "todo") : a === q.correct ? "right" : "wrong";
    return html`<li data-step=${state}>${state === "right" ? "✓" : state === "wrong" ? "✗" : String(j + 1)}</li>`;
  });
  const status = html`<div class="quiz-status">${[
    html`<span class="quiz-count">Question ${i + 1} of ${total}</span>`,
    html`<ol class="quiz-steps" aria-hidden="true">${steps}</ol>`,
  ]}</div>`;

  const chosen = checked ? session.answers[i]! : session.selected;
  const marks = new Map<number, OptionMark>();
  if (checked) {
    marks.set(shown.correct, {
      state: "correct",
      label: chosen === shown.correct ? "✓ Your answer — correct" : "✓ Correct answer",
    });
    if (chosen !== null && chosen !== shown.correct)
      marks.set(chosen, { state: "incorrect", label: "✗ Your answer" });
  }
  const fieldset = questionFieldset({
    name,
    legend: [shown.question.prompt],
    options: shown.options.map((o) => o.text),
    checked: chosen,
    disabled: checked,
    marks,
    flagSelected: true,
    onChoose: on.choose,
  });

  const form = html`<form class="quiz-form" data-question-id=${shown.question.id}>${fieldset}</form>`;
  const actions = html`<div class="quiz-actions"></div>`;
  if (!checked) {
    const unchosen = session.selected === null;
    actions.append(
      html`<button type="submit" class="quiz-check" aria-disabled=${unchosen ? "true" : null}>Check answer</button>`,
      html`<span class="quiz-hint">${unchosen ? "Choose an answer: ↑ ↓ or 1–4" : "Enter to check"}</span>`,
    );
  }
  form.append(actions);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    on.act();
  });
  form.addEventListener("keydown", on.key);

  const out: Node[] = [status, form];
  if (result) {
    const q = shown.question;
    const feedback = html`<div class="quiz-feedback" data-result=${result.isCorrect ? "correct" : "incorrect"} data-feedback>${[
      html`<p class="quiz-verdict">${result.isCorrect ? "✓ Correct" : "✗ Not quite"}</p>`,
      html`<p class="quiz-feedback-text">${result.feedback}</p>`,
      result.isCorrect ? null : revisitLink(q, root),
    ]}</div>`;
    const last = i + 1 >= total;
    const onNext = () => on.next(last);
    const nextButton = html`<button type="button" class="quiz-next" onclick=${onNext}>${last ? "See your score →" : "Next question →"}</button>`;
    out.push(feedback, html`<div class="quiz-actions">${nextButton}</div>`);
  }
  return html`<div class="quiz-card">${out}</div>`;
}

/** The quiz's keys: Enter checks or goes on; arrows, 1–4 and A–D choose. */
function quizKey(
  session: QuizSession,
  event: KeyboardEvent,
  act: () => void,
  update: (s: QuizSession, focus: "option") => void,
) {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const target = event.target as HTMLElement;
  const onRadio = target instanceof HTMLInputElement && target.type === "radio";
  if (event.key === "Enter") {
    if (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement) return; // native click
    event.preventDefault();
    act();
    return;
  }
  if (isChecked(session)) return;
  const delta = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
  if (delta !== undefined) {
    // Radios do this natively when focused; do it ourselves elsewhere in the form (e.g. the button)
    // and keep one behaviour: wrap around, select, focus.
    event.preventDefault();
    update(moveSelection(session, delta), "option");
    return;
  }
  const direct =
    "1234".indexOf(event.key) >= 0 ? "1234".indexOf(event.key) : "abcd".indexOf(event.key.toLowerCase());
  if (direct >= 0 && event.key.length === 1 && (onRadio || target instanceof HTMLButtonElement)) {
    event.preventDefault();
    update(select(session, direct), "option");
  }
}

/** The score, the best so far, a retry and the question-by-question review. */
function quizResult(
  quiz: LessonQuiz,
  session: QuizSession,
  store: ProgressStore,
  root: string,
  onRetry: () => void,
): Node {
  const key = String(quiz.lesson) as LessonKey;
  const s = sessionScore(session);
  const record = store.get().quizzes[key];
  const items = review(session.shown, session.answers);
  const best = record
    ? `Best so far: ${record.best} of ${record.total}, over ${record.attempts} attempt${record.attempts === 1 ? "" : "s"}` +
      (record.updatedAt ? ` (last on ${formatDate(record.updatedAt)})` : "")
    : "";
  const message =
    s.correct === s.total
      ? "All right. You have this lesson's ideas."
      : s.correct >= s.total - 1
        ? "Nearly all. Look at the one you missed below."
        : "Worth another look: the sections below explain the ones you missed.";

  const n = quiz.lesson;
  const onward = html`<ul class="quiz-onward">${[
    html`<li><a href=${`${root}lessons/${n}`}>Back to Lesson ${n}</a></li>`,
    html`<li><a href=${`${root}labs/${n}`}>Lab ${n}: talk it through with the tutor</a></li>`,
    n < 4
      ? html`<li><a href=${`${root}lessons/${n + 1}`}>On to Lesson ${n + 1}</a></li>`
      : html`<li><a href=${`${root}test`}>On to the module test</a></li>`,
  ]}</ul>`;

  return html`<div class="quiz-result" data-score=${s.correct} data-total=${s.total}>${[
    html`<h2 class="quiz-result-heading" tabindex="-1">Your score</h2>`,
    html`<p class="big-number quiz-score" data-readout="score" data-value=${s.correct}>${s.correct} of ${s.total}</p>`,
    html`<p class="big-caption">${message}</p>`,
    best ? html`<p class="quiz-best" data-readout="best" data-value=${record?.best ?? 0}>${best}</p>` : null,
    html`<div class="quiz-actions"><button type="button" class="quiz-retry" onclick=${onRetry}>Try again — options in a new order</button></div>`,
    html`<h3>Question by question</h3>`,
    html`<ol class="quiz-review">${items.map((item) => reviewItem(item, { root }))}</ol>`,
    onward,
  ]}</div>`;
}

export function lessonQuizView({ quiz, store, root = "../" }: LessonQuizOptions): HTMLElement {
  const key = String(quiz.lesson) as LessonKey;
  const quizId = `quiz-${quiz.lesson}`;
  let attempt = (store.get().quizzes[key]?.attempts ?? 0) + 1;
  let session: QuizSession = startSession(quiz.questions, attemptSeed(quizId, attempt));
  /** Move focus after a learner's action (never on first render: that would scroll the page). */
  let focusAfterRender: "option" | "question" | "next" | "result" | null = null;

  const body = html`<div class="quiz-body"></div>`;
  const live = html`<div class="sr-only" aria-live="polite" data-quiz-live></div>`;
  const root_ = html`<section class="quiz" id=${quizId} data-quiz=${quiz.lesson} aria-label="Quiz">${[
    progressNotice(store),
    body,
    live,
  ]}</section>`;

  const say = (text: string) => {
    live.textContent = "";
    // A fresh text node so screen readers announce repeats too.
    requestAnimationFrame(() => {
      live.textContent = text;
    });
  };

  function update(nextSession: QuizSession, focus: typeof focusAfterRender = null) {
    const wasFinished = session.finished;
    session = nextSession;
    if (session.finished && !wasFinished) {
      const s = sessionScore(session);
      try {
        store.recordQuiz(key, s.correct, s.total);
      } catch (e) {
        console.warn(e);
      }
    }
    focusAfterRender = focus;
    render();
  }

  function render() {
    root_.dataset.state = session.finished ? "finished" : isChecked(session) ? "checked" : "question";
    body.replaceChildren(
      session.finished
        ? quizResult(quiz, session, store, root, () => {
            attempt = (store.get().quizzes[key]?.attempts ?? attempt) + 1;
            update(startSession(quiz.questions, attemptSeed(quizId, attempt)), "question");
            say("New attempt. Question 1.");
          })
        : questionCard(session, quizId, root, {
            choose: (j) => update(select(session, j), "option"),
            act,
            next: (last) => update(next(session), last ? "result" : "question"),
            key: (event) => quizKey(session, event, act, (s, f) => update(s, f)),
          }),
    );
    const f = focusAfterRender;
    focusAfterRender = null;
    // Focus without the browser's own scroll (which centres the element and hides the question),
    // then scroll only as far as needed.
    const focus = (node: HTMLElement | null | undefined, reveal: HTMLElement | null | undefined = node) => {
      node?.focus({ preventScroll: true });
      reveal?.scrollIntoView({ block: "nearest" });
    };
    if (f === "option") {
      focus(
        body.querySelector<HTMLInputElement>("input[type=radio]:checked") ??
          body.querySelector<HTMLInputElement>("input[type=radio]"),
      );
    } else if (f === "question") {
      // A new question: its first option takes focus, and the card's top (the prompt) shows.
      body.querySelector<HTMLInputElement>("input[type=radio]")?.focus({ preventScroll: true });
      const card = body.querySelector<HTMLElement>(".quiz-card");
      if (card && card.getBoundingClientRect().top < 0) card.scrollIntoView({ block: "start" });
    } else if (f === "next") focus(body.querySelector<HTMLElement>(".quiz-next"));
    else if (f === "result") {
      const heading = body.querySelector<HTMLElement>(".quiz-result-heading");
      heading?.focus({ preventScroll: true });
      root_.scrollIntoView({ block: "start" });
    }
  }

  /** Enter: check, or (once checked) go on. */
  function act() {
    if (!isChecked(session)) {
      if (session.selected === null) {
        say("Choose an answer first.");
        body.querySelector<HTMLElement>(".quiz-hint")?.classList.add("quiz-hint-alert");
        return;
      }
      const nextSession = check(session);
      update(nextSession, "next");
      const r = currentResult(session);
      if (r) say(`${r.isCorrect ? "Correct." : "Not quite."} ${r.feedback}`);
    } else {
      const last = session.index + 1 >= session.shown.length;
      update(next(session), last ? "result" : "question");
    }
  }

  render();
  return root_;
}

/** The lines above a lesson quiz: what it covers and where it sits (lesson, lab, test). */
export function quizIntro(quiz: LessonQuiz, root = "../"): HTMLElement {
  const n = quiz.lesson;
  return html`<div class="quiz-intro">${[
    html`<p class="lede quiz-lede">${quiz.title}</p>`,
    html`<p class="quiz-links">${quiz.questions.length} questions: answer one, read why it is right or wrong, go on. Your best score is kept in this browser. From <a href=${`${root}lessons/${n}`}>Lesson ${n}: ${quiz.title}</a> · practise it in <a href=${`${root}labs/${n}`}>Lab ${n}</a> · all four lessons are tested together in the <a href=${`${root}test`}>module test</a>.</p>`,
  ]}</div>`;
}
