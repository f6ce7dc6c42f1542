// The learner's progress on the home page: lessons read, quiz best scores, labs completed and
// the module test, with an export to a JSON file, an import of such a file (read like stored
// progress: damaged entries set aside and listed; merged with what is here or replacing it, after
// asking), and a reset that asks first.
import { html } from "htl";
import { deeperPages } from "../../content/deeperPages.js";
import { type LessonNumber, lessonTitles, moduleTest } from "../../content/quizzes.js";
import { formatDate } from "../ui/format.js";
import {
  describeProgress,
  LESSON_KEYS,
  type LessonKey,
  type Progress,
  type ProgressStore,
  parseProgress,
} from "./progress.js";
import { downloadText, exportFileName, progressNotice } from "./progressNotice.js";
import { requiredToPass } from "./quiz.js";

export interface ProgressSummary {
  lessonsRead: number;
  quizzesTaken: number;
  quizzesFull: number;
  labsComplete: number;
  testPassed: boolean;
  testTaken: boolean;
}

/** Counts for the headline (pure). */
export function summarise(p: Progress): ProgressSummary {
  const quizzes = LESSON_KEYS.map((k) => p.quizzes[k]).filter((q) => q !== undefined);
  return {
    lessonsRead: LESSON_KEYS.filter((k) => p.lessonsRead[k]).length,
    quizzesTaken: quizzes.length,
    quizzesFull: quizzes.filter((q) => q.best === q.total).length,
    labsComplete: LESSON_KEYS.filter((k) => p.labs[k]?.complete).length,
    testPassed: p.test?.passed ?? false,
    testTaken: p.test !== null,
  };
}

export interface ProgressViewOptions {
  store: ProgressStore;
  /** Relative path from this page to the site root ("./" on the home page). */
  root?: string;
}

function tick(done: boolean, text: string) {
  return html`<span class="progress-state" data-done=${done ? "true" : "false"}>${done ? `✓ ${text}` : text}</span>`;
}

/** The going-deeper pages' questions: how many pages' questions are answered, each page's best. */
function deeperRow(p: Progress, root: string): HTMLElement {
  const done = deeperPages.filter(({ slug }) => p.deeper[slug]);
  const sub = done.length
    ? done
        .map(({ slug, title }) => `${title}: ${p.deeper[slug]!.best} of ${p.deeper[slug]!.total}`)
        .join(" · ")
    : "optional; not part of the module test";
  const state = tick(
    done.length === deeperPages.length,
    `${done.length} of ${deeperPages.length} pages' questions answered`,
  );
  return html`<tr data-lesson="deeper">${[
    html`<th scope="row"><a href=${`${root}deeper/`}>Going deeper</a></th>`,
    html`<td colspan="3" data-cell="deeper" data-value=${done.length}>${[state, html`<span class="progress-sub">${sub}</span>`]}</td>`,
  ]}</tr>`;
}

/** One headline count: "<span>2/4</span> lessons read". */
function headlineItem(
  progress: string,
  value: number | string,
  figure: string,
  text: string,
  passed?: boolean,
) {
  const passedAttr = passed === undefined ? null : String(passed);
  return html`<li data-progress=${progress} data-value=${value} data-passed=${passedAttr}>${[
    html`<span class="progress-figure">${figure}</span>`,
    text,
  ]}</li>`;
}

/** A lesson's row: read, quiz best, lab. */
function lessonRow(p: Progress, k: LessonKey, root: string): HTMLElement {
  const n = Number(k) as LessonNumber;
  const read = p.lessonsRead[k];
  const quiz = p.quizzes[k];
  const lab = p.labs[k];
  const quizHref = `${root}quizzes/${n}`;
  const quizCell = quiz
    ? [
        tick(quiz.best === quiz.total, `${quiz.best} of ${quiz.total}`),
        html`<span class="progress-sub">${`best of ${quiz.attempts} attempt${quiz.attempts === 1 ? "" : "s"} · `}<a href=${quizHref}>retake</a></span>`,
      ]
    : html`<a href=${quizHref}>Take the quiz</a>`;
  const labCell = lab?.complete
    ? tick(true, `Complete${lab.completedAt ? ` ${formatDate(lab.completedAt)}` : ""}`)
    : lab && lab.exchanges > 0
      ? tick(false, `${lab.exchanges} of 3 exchanges`)
      : html`<a href=${`${root}labs/${n}`}>Open the lab</a>`;
  const labValue = lab?.complete ? "complete" : (lab?.exchanges ?? 0);
  return html`<tr data-lesson=${k}>${[
    html`<th scope="row">${[html`<a href=${`${root}lessons/${n}`}>Lesson ${n}</a>`, html`<span class="progress-lesson-title">${lessonTitles[n]}</span>`]}</th>`,
    html`<td data-cell="read">${read ? tick(true, `Read ${formatDate(read)}`) : tick(false, "Not yet")}</td>`,
    html`<td data-cell="quiz" data-value=${quiz?.best ?? ""}>${quizCell}</td>`,
    html`<td data-cell="lab" data-value=${labValue}>${labCell}</td>`,
  ]}</tr>`;
}

/** The module test's row. */
function testRow(p: Progress, root: string): HTMLElement {
  const t = p.test;
  const need = requiredToPass(moduleTest.questions.length, moduleTest.passMark);
  const cell = t
    ? [
        tick(
          t.passed,
          `${t.passed ? "Passed" : "Not yet passed"} · best ${t.best} of ${t.total} on ${formatDate(t.bestAt)}`,
        ),
        html`<span class="progress-sub">${`${t.attempts} attempt${t.attempts === 1 ? "" : "s"}`}</span>`,
      ]
    : html`<a href=${`${root}test`}>${`Take the test (${moduleTest.questions.length} questions, pass with ${need})`}</a>`;
  return html`<tr data-lesson="test">${[
    html`<th scope="row"><a href=${`${root}test`}>Module test</a></th>`,
    html`<td colspan="3" data-cell="test" data-value=${t?.best ?? ""}>${cell}</td>`,
  ]}</tr>`;
}

/** The headline counts and the lesson-by-lesson table (lessons, quizzes, labs, the test, going deeper). */
export function progressTable(p: Progress, root: string): HTMLElement[] {
  const s = summarise(p);
  const testFigure = s.testPassed ? "✓" : s.testTaken ? `${p.test?.best}/${p.test?.total}` : "—";
  const testText = s.testPassed
    ? " module test passed"
    : s.testTaken
      ? " module test, not yet passed"
      : " module test not taken";
  const headline = html`<ul class="progress-headline">${[
    headlineItem("lessons-read", s.lessonsRead, `${s.lessonsRead}/4`, " lessons read"),
    headlineItem("quizzes-taken", s.quizzesTaken, `${s.quizzesTaken}/4`, " quizzes taken"),
    headlineItem("labs-complete", s.labsComplete, `${s.labsComplete}/4`, " labs complete"),
    headlineItem("test", p.test?.best ?? "", testFigure, testText, s.testPassed),
  ]}</ul>`;

  const table = html`<table class="progress-table">${[
    html`<caption class="sr-only">Your progress through the module, lesson by lesson</caption>`,
    html`<thead><tr><th scope="col">Lesson</th><th scope="col">Read</th><th scope="col">Quiz (best)</th><th scope="col">Lab</th></tr></thead>`,
    html`<tbody>${[...LESSON_KEYS.map((k) => lessonRow(p, k, root)), testRow(p, root), deeperRow(p, root)]}</tbody>`,
  ]}</table>`;
  return [headline, table];
}

/**
 * "Import progress…": a file chosen is read like stored progress (damaged entries set aside and
 * listed), then the learner is asked to merge it or replace what is here — or told why it can't be.
 */
function importPanel(store: ProgressStore, live: HTMLElement) {
  const fileInput =
    html`<input type="file" accept=".json,application/json" class="progress-import-file" hidden aria-hidden="true" tabindex="-1">` as unknown as HTMLInputElement;
  const importButton = html`<button type="button" class="progress-import">Import progress…</button>`;
  const importMessage = html`<p class="progress-import-message" data-import-message></p>`;
  let pending: Progress | null = null;
  const closeImport = (message: string) => {
    importBox.hidden = true;
    importButton.setAttribute("aria-expanded", "false");
    pending = null;
    fileInput.value = "";
    live.textContent = message;
    importButton.focus();
  };
  const importMerge = html`<button type="button" class="progress-import-merge">Merge with my progress here</button>`;
  const importReplace = html`<button type="button" class="progress-import-replace">Replace my progress here</button>`;
  const importCancel = html`<button type="button" class="progress-import-cancel">Cancel</button>`;
  const importBox = html`<div class="progress-import-confirm" role="group" aria-label="Import progress" hidden>${[
    importMessage,
    html`<p class="quiz-actions">${[importMerge, importReplace, importCancel]}</p>`,
  ]}</div>`;
  importButton.setAttribute("aria-expanded", "false");
  importButton.addEventListener("click", () => fileInput.click());
  importMerge.addEventListener("click", () => {
    if (!pending) return;
    store.importProgress(pending, "merge");
    closeImport(`Imported and merged. Your progress now holds ${describeProgress(store.get())}.`);
  });
  importReplace.addEventListener("click", () => {
    if (!pending) return;
    store.importProgress(pending, "replace");
    closeImport(`Imported. Your progress now holds ${describeProgress(store.get())}.`);
  });
  importCancel.addEventListener("click", () => closeImport("Nothing was imported."));
  importBox.addEventListener("keydown", (event) => {
    if (event.key === "Escape") importCancel.click();
  });

  /** Show what a chosen file holds and ask how to take it in (or say why it can't be). */
  function offerImport(text: string | null, problem: string | null) {
    importBox.hidden = false;
    importButton.setAttribute("aria-expanded", "true");
    const parsed = text === null ? null : parseProgress(text);
    const holds = parsed ? describeProgress(parsed.progress) : "nothing";
    if (
      problem !== null ||
      !parsed ||
      parsed.status === "empty" ||
      parsed.status === "unreadable" ||
      holds === "nothing"
    ) {
      pending = null;
      importBox.dataset.state = "refused";
      const why =
        problem ??
        (parsed?.status === "unreadable"
          ? `it is not a progress export (${parsed.reason?.replace("the stored value", "the file")}).`
          : `nothing in it could be read as progress${parsed?.setAside.length ? ` (${parsed.setAside.slice(0, 3).join("; ")})` : ""}.`);
      importMessage.replaceChildren(
        html`<strong>That file can't be imported: </strong>`,
        why,
        " Nothing was changed. Choose the file that “Download progress (JSON)” saved.",
      );
      importMerge.hidden = true;
      importReplace.hidden = true;
      importCancel.textContent = "OK";
      importCancel.focus();
      return;
    }
    pending = parsed.progress;
    importBox.dataset.state = parsed.ok ? "ready" : "partial";
    const here = describeProgress(store.get());
    importMessage.replaceChildren(
      html`<strong>The file holds ${holds}.</strong>`,
      parsed.status === "newer"
        ? ` It was saved by a newer version of the site (version ${parsed.version}); this is what this version can read.`
        : "",
      parsed.setAside.length
        ? html`<span class="progress-import-set-aside">${` Set aside (can't be read): ${parsed.setAside.slice(0, 6).join("; ")}${parsed.setAside.length > 6 ? `; and ${parsed.setAside.length - 6} more` : ""}.`}</span>`
        : "",
      here === "nothing"
        ? " You have no progress here yet."
        : ` Here you have ${here}: merging keeps the better of each; replacing deletes what is here first.`,
    );
    importMerge.hidden = false;
    importReplace.hidden = here === "nothing";
    importCancel.textContent = "Cancel";
    importMerge.focus();
  }

  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    if (file.size > 1_000_000) {
      offerImport(
        null,
        `it is ${(file.size / 1_000_000).toFixed(1)} MB, and a progress export is a few kilobytes.`,
      );
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      offerImport(null, "the browser could not read it.");
      return;
    }
    offerImport(text.replace(/^\uFEFF/, ""), null);
  });
  return { importButton, fileInput, importBox };
}

export function progressView({ store, root = "./" }: ProgressViewOptions): HTMLElement {
  const content = html`<div class="progress-content"></div>`;
  const actions = html`<div class="progress-actions"></div>`;
  const confirmBox = html`<div class="progress-confirm" role="group" aria-label="Confirm reset" hidden></div>`;
  const live = html`<p class="progress-live" role="status"></p>`;
  const section = html`<section class="progress-panel" id="progress" aria-label="Your progress">${[
    progressNotice(store),
    content,
    actions,
    confirmBox,
    live,
  ]}</section>`;

  const render = (p: Progress) => content.replaceChildren(...progressTable(p, root));

  // ---- export and reset ------------------------------------------------------------------
  const download = html`<button type="button" class="progress-export">Download progress (JSON)</button>`;
  download.addEventListener("click", () => {
    downloadText(exportFileName(), store.exportJson());
    live.textContent = "Progress downloaded as a JSON file.";
  });

  const imports = importPanel(store, live);

  const reset = html`<button type="button" class="progress-reset">Reset progress…</button>`;
  reset.addEventListener("click", () => {
    confirmBox.hidden = false;
    reset.setAttribute("aria-expanded", "true");
    confirmYes.focus();
  });
  const confirmYes = html`<button type="button" class="progress-reset-confirm">Yes, delete my progress</button>`;
  const confirmNo = html`<button type="button" class="progress-reset-cancel">Cancel</button>`;
  const closeConfirm = (message: string) => {
    confirmBox.hidden = true;
    reset.setAttribute("aria-expanded", "false");
    live.textContent = message;
    reset.focus();
  };
  confirmYes.addEventListener("click", () => {
    store.reset();
    closeConfirm("Progress reset. Lessons, quizzes, labs and the test start afresh.");
  });
  confirmNo.addEventListener("click", () => closeConfirm("Nothing was deleted."));
  confirmBox.addEventListener("keydown", (event) => {
    if (event.key === "Escape") confirmNo.click();
  });
  confirmBox.append(
    html`<p><strong>Delete all your progress? </strong>Lessons read, quiz scores, labs and the test result will be cleared in this browser. Download it first if you want a copy.</p>`,
    html`<p class="quiz-actions">${[confirmYes, confirmNo]}</p>`,
  );
  reset.setAttribute("aria-expanded", "false");
  actions.append(download, imports.importButton, imports.fileInput, reset);
  section.insertBefore(imports.importBox, confirmBox);

  render(store.get());
  store.subscribe(render);
  return section;
}
