// The parts the lesson quiz and the module test share: one question as a radio group (prompt as
// legend, lettered options), and one item of the question-by-question review (what was chosen,
// what is right, the chosen option's own feedback, the section to revisit).
import { html } from "htl";
import { type QuizQuestion, sectionTitle } from "../../content/quizzes.js";
import type { ReviewItem } from "./quiz.js";

const LETTERS = ["A", "B", "C", "D", "E", "F"];

/** How one option is shown once answered (the lesson quiz marks right and wrong at once). */
export interface OptionMark {
  state: "correct" | "incorrect";
  /** A visible label beside the option, e.g. "✓ Correct answer". */
  label: string;
}

export interface QuestionFieldsetOptions {
  /** The radio group's name; unique on the page. */
  name: string;
  /** The prompt's content (the test puts its number in front). */
  legend: readonly (Node | string)[];
  /** Option texts in display order. */
  options: readonly string[];
  /** The display index that is checked, or null. */
  checked: number | null;
  disabled?: boolean;
  /** Marks for answered options (display index → mark). */
  marks?: ReadonlyMap<number, OptionMark>;
  /** Flag the checked option with data-selected="true" (the lesson quiz styles and tests it). */
  flagSelected?: boolean;
  /** Called with the display index when the learner picks an option. */
  onChoose: (index: number) => void;
}

/** A question as a fieldset of radios, lettered A–D. */
export function questionFieldset(o: QuestionFieldsetOptions): HTMLFieldSetElement {
  const promptId = `${o.name}-prompt`;
  const labels = o.options.map((text, j) => {
    const isChecked = o.checked === j;
    const mark = o.marks?.get(j);
    const input =
      html`<input type="radio" name=${o.name} value=${j} data-option=${j} disabled=${!!o.disabled}>` as unknown as HTMLInputElement;
    input.checked = isChecked;
    input.addEventListener("change", () => {
      // The chosen option is marked on its label (styled; no :has() rule, see scripts/vendorStyle.ts).
      for (const label of labels) label.toggleAttribute("data-checked", label.contains(input));
      if (input.checked) o.onChoose(j);
    });
    const selected = o.flagSelected && isChecked ? "true" : null;
    return html`<label class="quiz-option" data-state=${mark?.state ?? null} data-selected=${selected}
      data-checked=${isChecked} data-disabled=${!!o.disabled}>${[
        input,
        html`<span class="quiz-letter" aria-hidden="true">${LETTERS[j] ?? String(j + 1)}</span>`,
        html`<span class="quiz-option-text">${text}</span>`,
        mark ? html`<span class="quiz-mark">${mark.label}</span>` : null,
      ]}</label>`;
  });
  return html`<fieldset class="quiz-fieldset">${[
    html`<legend class="quiz-prompt" id=${promptId}>${o.legend}</legend>`,
    html`<div class="quiz-options" role="radiogroup" aria-labelledby=${promptId}>${labels}</div>`,
  ]}</fieldset>` as unknown as HTMLFieldSetElement;
}

/** A link to the lesson section a question checks: "Lesson 2 · The contamination problem". */
export function sectionLink(q: QuizQuestion, root: string): HTMLAnchorElement {
  return html`<a href=${`${root}lessons/${q.lesson}#${q.section}`}>${`Lesson ${q.lesson} · ${sectionTitle(q)}`}</a>` as unknown as HTMLAnchorElement;
}

/** "Revisit: Lesson 2 · The contamination problem" (or "From …"), linking to the section. */
export function revisitLink(q: QuizQuestion, root: string, lead = "Revisit: "): HTMLElement {
  return html`<p class="quiz-revisit">${lead}${sectionLink(q, root)}</p>`;
}

export interface ReviewItemOptions {
  root: string;
  /** Link a rightly answered question to its section too ("From: …"). */
  linkWhenCorrect?: boolean;
  /** What to show for an unanswered question's choice. */
  unanswered?: string;
}

/**
 * One item of the review: the prompt, the learner's choice with that option's own feedback right
 * under it (why it is right, or why it is not), then the correct answer when the choice was wrong.
 * An unanswered question shows the key with the key's feedback.
 */
export function reviewItem(item: ReviewItem, o: ReviewItemOptions): HTMLLIElement {
  const feedback = html`<p class="quiz-review-feedback">${item.feedback}</p>`;
  const answer = html`<p class="quiz-review-answer">Correct answer: <strong>${item.answer}</strong></p>`;
  const choice = item.isCorrect
    ? [html`<p class="quiz-review-choice">Your answer: <strong>${item.answer}</strong></p>`, feedback]
    : item.chosen === null
      ? [
          html`<p class="quiz-review-choice">Your answer: <em>${o.unanswered ?? "none"}</em></p>`,
          answer,
          feedback,
        ]
      : [
          html`<p class="quiz-review-choice">Your answer: <span class="quiz-wrong">${item.chosen}</span></p>`,
          feedback,
          answer,
        ];
  const result = item.isCorrect ? "correct" : "incorrect";
  return html`<li data-result=${result} data-question-id=${item.question.id}>${[
    html`<p class="quiz-review-prompt"><span class="quiz-review-mark">${item.isCorrect ? "✓ " : "✗ "}</span>${item.question.prompt}</p>`,
    ...choice,
    item.isCorrect && !o.linkWhenCorrect
      ? null
      : revisitLink(item.question, o.root, item.isCorrect ? "From " : "Revisit: "),
  ]}</li>` as unknown as HTMLLIElement;
}
