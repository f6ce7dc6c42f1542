// The module test on the page: all questions at once, submitted together. Unanswered questions
// are pointed out before submitting; the result gives the score, pass or fail, and a review of
// every question with its feedback and the lesson section to revisit. A retake shuffles the
// options again. Answers in progress survive a reload (sessionStorage, when available).
import { html } from "htl";
import type { ModuleTest } from "../../content/quizzes.js";
import { formatDate, formatList } from "../ui/format.js";
import type { ProgressStore } from "./progress.js";
import { progressNotice } from "./progressNotice.js";
import { questionFieldset, reviewItem, sectionLink } from "./questionView.js";
import {
  type Answer,
  attemptSeed,
  passed,
  requiredToPass,
  review,
  type ShownQuestion,
  score,
  scoreByLesson,
  sectionsToRevisit,
  shuffleQuestions,
  unanswered,
} from "./quiz.js";

export interface ModuleTestOptions {
  test: ModuleTest;
  store: ProgressStore;
  /** Relative path from this page to the site root, e.g. "./" on /test. */
  root?: string;
  /** Where answers in progress are kept across a reload; null to keep none. */
  draftStorage?: Pick<Storage, "getItem" | "setItem" | "removeItem"> | null;
}

const DRAFT_KEY = "reading-benchmark-scores:test-draft";

interface Draft {
  attempt: number;
  /**
   * question id → the chosen option's text. Text rather than an index, so that a draft saved
   * before the bank's options were rewritten or reordered never restores a different answer
   * (an option that no longer exists is left unanswered). Drafts from before this format held
   * bank indices (numbers); those are ignored for the same reason.
   */
  answers: Record<string, string>;
}

function sessionStorageOrNull(): Pick<Storage, "getItem" | "setItem" | "removeItem"> | null {
  try {
    return typeof window !== "undefined" ? window.sessionStorage : null;
  } catch {
    return null;
  }
}

/** The answers of a test in progress, kept in the tab's session storage across a reload. */
function testDrafts(drafts: Pick<Storage, "getItem" | "setItem" | "removeItem">) {
  return {
    save(attempt: number, shown: readonly ShownQuestion[], answers: readonly Answer[]) {
      const draft: Draft = { attempt, answers: {} };
      shown.forEach((q, i) => {
        const a = answers[i];
        const option = a === null || a === undefined ? undefined : q.options[a];
        if (option) draft.answers[q.question.id] = option.text;
      });
      try {
        drafts.setItem(DRAFT_KEY, JSON.stringify(draft));
      } catch {
        // A draft is a convenience; without storage the answers stay on the page.
      }
    },
    load(): Draft | null {
      try {
        const raw = drafts.getItem(DRAFT_KEY);
        if (!raw) return null;
        const d = JSON.parse(raw) as Draft;
        if (typeof d?.attempt !== "number" || typeof d.answers !== "object" || d.answers === null)
          return null;
        return d;
      } catch {
        return null;
      }
    },
    clear() {
      try {
        drafts.removeItem(DRAFT_KEY);
      } catch {
        // nothing to do
      }
    },
  };
}

/** The result: score, verdict, score by lesson, sections to revisit, retake and the review. */
function testResult(o: {
  test: ModuleTest;
  store: ProgressStore;
  root: string;
  shown: readonly ShownQuestion[];
  answers: readonly Answer[];
  correct: number;
  pass: boolean;
  onRetake: () => void;
}): (Node | string)[] {
  const { test, store, root, shown, answers, correct, pass } = o;
  const total = test.questions.length;
  const need = requiredToPass(total, test.passMark);
  const items = review(shown, answers);
  const revisit = sectionsToRevisit(items);
  const byLesson = scoreByLesson(items);
  const best = store.get().test;
  const percent = Math.round(test.passMark * 100);
  const byLessonItems = byLesson.map((b) => {
    const full = String(b.correct === b.total);
    return html`<li data-lesson=${b.lesson} data-value=${b.correct} data-full=${full}>${[
      html`<span class="test-by-lesson-name">Lesson ${b.lesson}</span>`,
      html`<span class="test-by-lesson-score">${b.correct === b.total ? "✓ " : ""}${b.correct} of ${b.total}</span>`,
    ]}</li>`;
  });

  return [
    html`<h2 class="test-result-heading">Your result</h2>`,
    html`<div class="test-score-row">${[
      html`<p class="big-number test-score" data-readout="score" data-value=${correct}>${correct} of ${total}</p>`,
      html`<p class="verdict test-verdict" data-verdict=${pass ? "pass" : "fail"}>${pass ? "✓ Passed" : "✗ Not passed yet"}</p>`,
    ]}</div>`,
    html`<p class="big-caption">${
      pass
        ? `You needed ${need} of ${total} (${percent}%) and got ${correct}.`
        : `You needed ${need} of ${total} (${percent}%) and got ${correct}: ${need - correct} more to pass.`
    }</p>`,
    best
      ? html`<p class="test-best">${`Best so far: ${best.best} of ${best.total}${best.passed ? ", passed" : ""}, on ${formatDate(best.bestAt)} · ${best.attempts} attempt${best.attempts === 1 ? "" : "s"}.`}</p>`
      : "",
    html`<ul class="test-by-lesson" aria-label="Score by lesson">${byLessonItems}</ul>`,
    revisit.length
      ? html`<div class="test-revisit">${[
          html`<h3>Sections to revisit</h3>`,
          html`<ul>${revisit.map((q) => html`<li>${sectionLink(q, root)}</li>`)}</ul>`,
        ]}</div>`
      : "",
    html`<div class="quiz-actions">${[
      html`<button type="button" class="test-retake" onclick=${o.onRetake}>Retake the test — options in a new order</button>`,
      html`<a href=${root} class="test-home">See your progress</a>`,
    ]}</div>`,
    html`<h3>Question by question</h3>`,
    html`<ol class="quiz-review test-review">${items.map((item) =>
      reviewItem(item, { root, linkWhenCorrect: true, unanswered: "not answered" }),
    )}</ol>`,
  ];
}

/** The rules, and the best result so far. */
function testIntro(test: ModuleTest, store: ProgressStore): (Node | string)[] {
  const total = test.questions.length;
  const need = requiredToPass(total, test.passMark);
  const best = store.get().test;
  return [
    html`<p class="test-rules"><strong>${total} questions</strong>${` from all four lessons. Answer them all, then submit: you pass with ${need} or more right (${Math.round(
      test.passMark * 100,
    )}%). You see the review of every question after submitting, and you can retake the test as often as you like — the options are shuffled each time.`}</p>`,
    best
      ? html`<p class="test-best" data-readout="best" data-value=${best.best}>${[
          `Your best so far: ${best.best} of ${best.total}`,
          best.passed ? " — passed" : " — not yet passed",
          `, reached on ${formatDate(best.bestAt)} (${best.attempts} attempt${best.attempts === 1 ? "" : "s"}).`,
        ]}</p>`
      : "",
  ];
}

// Enter on an option moves to the next question (and from the last, to the submit button).
function onwardOnEnter(event: KeyboardEvent, submit: HTMLElement) {
  const target = event.target as HTMLElement;
  if (event.key !== "Enter" || !(target instanceof HTMLInputElement) || target.type !== "radio") return;
  event.preventDefault();
  const li = target.closest("li.test-question");
  const nextLi = li?.nextElementSibling as HTMLElement | null;
  if (nextLi) {
    (
      nextLi.querySelector<HTMLInputElement>("input:checked") ??
      nextLi.querySelector<HTMLInputElement>("input")
    )?.focus();
    nextLi.scrollIntoView({ block: "nearest" });
  } else submit.focus();
}

// a link in the warning: focus the question's first option
function focusLinkedQuestion(event: MouseEvent) {
  const a = (event.target as HTMLElement).closest("a");
  if (!a) return;
  const target = document.querySelector(a.getAttribute("href") ?? "");
  const input = target?.querySelector<HTMLInputElement>("input");
  if (input) {
    event.preventDefault();
    target?.scrollIntoView({ block: "center" });
    input.focus();
  }
}

/** "2 questions are unanswered: 3 and 7." with links to them, and "Submit anyway". */
function unansweredNotice(missing: readonly number[], onAnyway: () => void) {
  const links = missing.map((n) => html`<a href=${`#test-question-${n}`}>${String(n)}</a>`);
  const joined: (Node | string)[] = [];
  links.forEach((a, k) => {
    if (k > 0) joined.push(k === links.length - 1 ? " and " : ", ");
    joined.push(a);
  });
  const lead =
    missing.length === 1 ? "1 question is unanswered: " : `${missing.length} questions are unanswered: `;
  const nodes = [
    html`<p><strong>${lead}</strong>${joined}. Unanswered questions count as wrong.</p>`,
    html`<p class="quiz-actions"><button type="button" class="test-submit-anyway" onclick=${onAnyway}>Submit anyway</button></p>`,
  ];
  return { nodes, first: links[0] };
}

/** The answers a draft holds, as display indices in this attempt's order (null where none). */
function restoredAnswers(shown: readonly ShownQuestion[], restore: Draft | null): Answer[] {
  return shown.map((q) => {
    const text = restore?.answers[q.question.id];
    if (typeof text !== "string") return null;
    const display = q.options.findIndex((o) => o.text === text);
    return display >= 0 ? display : null;
  });
}

export function moduleTestView({ test, store, root = "./", draftStorage }: ModuleTestOptions): HTMLElement {
  const drafts = draftStorage === undefined ? sessionStorageOrNull() : draftStorage;
  const total = test.questions.length;

  let attempt = (store.get().test?.attempts ?? 0) + 1;
  let shown: ShownQuestion[] = [];
  let answers: Answer[] = [];

  const intro = html`<div class="test-intro"></div>`;
  const list = html`<ol class="test-questions"></ol>`;
  const count = html`<span class="test-count" aria-live="off"></span>`;
  const submit = html`<button type="submit" class="test-submit">Submit answers</button>`;
  const warning = html`<div class="test-unanswered" role="alert" hidden></div>`;
  const result = html`<div class="test-result" hidden tabindex="-1"></div>`;
  const form = html`<form class="test-form" novalidate>${[
    list,
    warning,
    html`<div class="test-bar">${[count, submit]}</div>`,
  ]}</form>`;
  const section = html`<section class="module-test" id="module-test" aria-label="Module test">${[
    progressNotice(store),
    intro,
    form,
    result,
  ]}</section>`;

  const draftStore = drafts ? testDrafts(drafts) : null;
  const saveDraft = () => draftStore?.save(attempt, shown, answers);

  // ---- the questions --------------------------------------------------------------------
  const renderIntro = () => intro.replaceChildren(...testIntro(test, store));

  function renderQuestions(restore: Draft | null) {
    shown = shuffleQuestions(test.questions, attemptSeed("module-test", attempt));
    answers = restoredAnswers(shown, restore);
    list.replaceChildren(
      ...shown.map((q, i) => {
        const fieldset = questionFieldset({
          name: `test-q${i + 1}`,
          legend: [html`<span class="test-number">${i + 1}.</span>`, " ", q.question.prompt],
          options: q.options.map((o) => o.text),
          checked: answers[i] ?? null,
          onChoose: (j) => {
            answers[i] = j;
            item.dataset.answered = "true";
            updateCount();
            saveDraft();
            if (!warning.hidden) showUnanswered(false);
          },
        });
        const item = html`<li class="test-question" id=${`test-question-${i + 1}`} data-question-id=${q.question.id}>${fieldset}</li>`;
        if (answers[i] !== null) item.dataset.answered = "true";
        return item;
      }),
    );
    updateCount();
  }

  function updateCount() {
    const done = answers.filter((a) => a !== null).length;
    count.textContent = `${done} of ${total} answered`;
    count.dataset.value = String(done);
    submit.textContent = done === total ? "Submit answers" : `Submit answers (${total - done} unanswered)`;
  }

  /** Point out the unanswered questions; `focus` moves focus to the message. */
  function showUnanswered(focus: boolean) {
    const missing = unanswered(answers);
    for (const li of list.children) (li as HTMLElement).dataset.missing = "false";
    if (missing.length === 0) {
      warning.hidden = true;
      warning.replaceChildren();
      return;
    }
    for (const n of missing) {
      const li = list.children[n - 1] as HTMLElement | undefined;
      if (li) li.dataset.missing = "true";
    }
    const { nodes, first } = unansweredNotice(missing, () => finish());
    warning.replaceChildren(...nodes);
    warning.dataset.missing = missing.join(",");
    warning.setAttribute("aria-label", `Unanswered: questions ${formatList(missing.map(String))}`);
    warning.hidden = false;
    if (focus) first?.focus();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (unanswered(answers).length > 0) {
      showUnanswered(true);
      return;
    }
    finish();
  });

  // Enter on an option moves to the next question (and from the last, to the submit button).
  form.addEventListener("keydown", (event) => onwardOnEnter(event, submit));

  warning.addEventListener("click", focusLinkedQuestion);

  // ---- the result -------------------------------------------------------------------------
  function finish() {
    const s = score(shown, answers);
    const pass = passed(s.correct, s.total, test.passMark);
    try {
      store.recordTest(s.correct, s.total, pass);
    } catch (e) {
      console.warn(e);
    }
    draftStore?.clear();
    result.dataset.score = String(s.correct);
    result.dataset.passed = String(pass);
    result.replaceChildren(
      ...testResult({ test, store, root, shown, answers, correct: s.correct, pass, onRetake: retake }),
    );
    form.hidden = true;
    intro.hidden = true;
    result.hidden = false;
    result.focus();
    result.scrollIntoView({ block: "start" });
  }

  function retake() {
    attempt = (store.get().test?.attempts ?? attempt) + 1;
    renderIntro();
    renderQuestions(null);
    warning.hidden = true;
    result.hidden = true;
    form.hidden = false;
    intro.hidden = false;
    section.scrollIntoView({ block: "start" });
    list.querySelector<HTMLInputElement>("input")?.focus({ preventScroll: true });
  }

  // ---- start ------------------------------------------------------------------------------
  const draft = draftStore?.load() ?? null;
  if (draft && draft.attempt >= attempt) attempt = draft.attempt;
  renderIntro();
  renderQuestions(draft && draft.attempt === attempt ? draft : null);
  if (draft && answers.some((a) => a !== null)) {
    intro.append(
      html`<p class="test-restored" data-restored>Your ${answers.filter((a) => a !== null).length} answers from before the reload are restored.</p>`,
    );
  }
  return section;
}
