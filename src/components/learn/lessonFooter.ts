// The end of every lesson page: where to go next (the lesson's quiz and lab), and the place
// where the lesson is recorded as read — when the footer scrolls into view, i.e. the learner
// reached the end of the lesson.
import { html } from "htl";
import { formatDate } from "../ui/format.js";
import { getProgressStore, type LessonKey, type ProgressStore } from "./progress.js";
import { progressNotice } from "./progressNotice.js";

function isLessonKey(k: string): k is LessonKey {
  return k === "1" || k === "2" || k === "3" || k === "4";
}

function status(store: ProgressStore, key: LessonKey): string {
  const p = store.get();
  const parts: string[] = [];
  const read = p.lessonsRead[key];
  if (read) parts.push(`Lesson read ${formatDate(read)}.`);
  const quiz = p.quizzes[key];
  if (quiz) parts.push(`Quiz best: ${quiz.best} of ${quiz.total}.`);
  const lab = p.labs[key];
  if (lab?.complete) parts.push("Lab complete.");
  else if (lab && lab.exchanges > 0) parts.push(`Lab: ${lab.exchanges} of 3 exchanges.`);
  return parts.join(" ");
}

export function lessonFooter(lesson: number): HTMLElement {
  const nav = html`<nav class="lesson-footer" aria-label=${`After lesson ${lesson}`}>${[
    html`<h2>Check what you learned</h2>`,
    html`<ul>${[
      html`<li><a href=${`../quizzes/${lesson}`}>Take the Lesson ${lesson} quiz (4 questions)</a></li>`,
      html`<li><a href=${`../labs/${lesson}`}>Open Lab ${lesson} and talk it through with the tutor</a></li>`,
    ]}</ul>`,
  ]}</nav>`;

  const key = String(lesson);
  if (!isLessonKey(key)) return nav;

  // Progress is an extra: if anything about it fails, the footer still links onward.
  let store: ProgressStore;
  try {
    store = getProgressStore();
  } catch (e) {
    console.warn(e);
    return nav;
  }
  const read = store.get().lessonsRead[key] ? "true" : "false";
  const line = html`<p class="lesson-footer-status" data-lesson-read=${read}>${status(store, key)}</p>`;
  nav.append(line, progressNotice(store));
  store.subscribe((p) => {
    line.textContent = status(store, key);
    line.dataset.lessonRead = p.lessonsRead[key] ? "true" : "false";
  });

  const markRead = () => store.markLessonRead(key);
  if (typeof IntersectionObserver === "undefined") {
    markRead();
  } else {
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        markRead();
        observer.disconnect();
      }
    });
    observer.observe(nav);
  }
  return nav;
}
