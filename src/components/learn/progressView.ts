// The learner's progress on the home page: lessons read, quiz best scores, labs completed and
// the module test, with an export to a JSON file, an import of such a file (read like stored
// progress: damaged entries set aside and listed; merged with what is here or replacing it, after
// asking), and a reset that asks first.
import { deeperPages } from "../../content/deeperPages.js";
import { type LessonNumber, lessonTitles, moduleTest } from "../../content/quizzes.js";
import { el, formatDate } from "./dom.js";
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
  return el(
    "span",
    { class: "progress-state", "data-done": done ? "true" : "false" },
    done ? `✓ ${text}` : text,
  );
}

/** The headline counts and the lesson-by-lesson table (lessons, quizzes, labs, the test, going deeper). */
/** The going-deeper pages' questions: how many pages' questions are answered, each page's best. */
function deeperRow(p: Progress, root: string): HTMLElement {
  const done = deeperPages.filter(({ slug }) => p.deeper[slug]);
  return el(
    "tr",
    { "data-lesson": "deeper" },
    el("th", { scope: "row" }, el("a", { href: `${root}deeper/` }, "Going deeper")),
    el(
      "td",
      { colspan: 3, "data-cell": "deeper", "data-value": done.length },
      tick(
        done.length === deeperPages.length,
        `${done.length} of ${deeperPages.length} pages' questions answered`,
      ),
      done.length
        ? el(
            "span",
            { class: "progress-sub" },
            done
              .map(({ slug, title }) => `${title}: ${p.deeper[slug]!.best} of ${p.deeper[slug]!.total}`)
              .join(" · "),
          )
        : el("span", { class: "progress-sub" }, "optional; not part of the module test"),
    ),
  );
}

export function progressTable(p: Progress, root: string): HTMLElement[] {
  const s = summarise(p);
  const headline = el(
    "ul",
    { class: "progress-headline" },
    el(
      "li",
      { "data-progress": "lessons-read", "data-value": s.lessonsRead },
      el("span", { class: "progress-figure" }, `${s.lessonsRead}/4`),
      " lessons read",
    ),
    el(
      "li",
      { "data-progress": "quizzes-taken", "data-value": s.quizzesTaken },
      el("span", { class: "progress-figure" }, `${s.quizzesTaken}/4`),
      " quizzes taken",
    ),
    el(
      "li",
      { "data-progress": "labs-complete", "data-value": s.labsComplete },
      el("span", { class: "progress-figure" }, `${s.labsComplete}/4`),
      " labs complete",
    ),
    el(
      "li",
      { "data-progress": "test", "data-value": p.test?.best ?? "", "data-passed": String(s.testPassed) },
      el(
        "span",
        { class: "progress-figure" },
        s.testPassed ? "✓" : s.testTaken ? `${p.test?.best}/${p.test?.total}` : "—",
      ),
      s.testPassed
        ? " module test passed"
        : s.testTaken
          ? " module test, not yet passed"
          : " module test not taken",
    ),
  );

  const rows = LESSON_KEYS.map((k: LessonKey) => {
    const n = Number(k) as LessonNumber;
    const read = p.lessonsRead[k];
    const quiz = p.quizzes[k];
    const lab = p.labs[k];
    return el(
      "tr",
      { "data-lesson": k },
      el(
        "th",
        { scope: "row" },
        el("a", { href: `${root}lessons/${n}` }, `Lesson ${n}`),
        el("span", { class: "progress-lesson-title" }, lessonTitles[n]),
      ),
      el(
        "td",
        { "data-cell": "read" },
        read ? tick(true, `Read ${formatDate(read)}`) : tick(false, "Not yet"),
      ),
      el(
        "td",
        { "data-cell": "quiz", "data-value": quiz?.best ?? "" },
        quiz
          ? tick(quiz.best === quiz.total, `${quiz.best} of ${quiz.total}`)
          : el("a", { href: `${root}quizzes/${n}` }, "Take the quiz"),
        quiz
          ? el(
              "span",
              { class: "progress-sub" },
              `best of ${quiz.attempts} attempt${quiz.attempts === 1 ? "" : "s"} · `,
              el("a", { href: `${root}quizzes/${n}` }, "retake"),
            )
          : null,
      ),
      el(
        "td",
        { "data-cell": "lab", "data-value": lab?.complete ? "complete" : (lab?.exchanges ?? 0) },
        lab?.complete
          ? tick(true, `Complete${lab.completedAt ? ` ${formatDate(lab.completedAt)}` : ""}`)
          : lab && lab.exchanges > 0
            ? tick(false, `${lab.exchanges} of 3 exchanges`)
            : el("a", { href: `${root}labs/${n}` }, "Open the lab"),
      ),
    );
  });

  const t = p.test;
  const need = requiredToPass(moduleTest.questions.length, moduleTest.passMark);
  const testRow = el(
    "tr",
    { "data-lesson": "test" },
    el("th", { scope: "row" }, el("a", { href: `${root}test` }, "Module test")),
    el(
      "td",
      { colspan: 3, "data-cell": "test", "data-value": t?.best ?? "" },
      t
        ? tick(
            t.passed,
            `${t.passed ? "Passed" : "Not yet passed"} · best ${t.best} of ${t.total} on ${formatDate(t.bestAt)}`,
          )
        : el(
            "a",
            { href: `${root}test` },
            `Take the test (${moduleTest.questions.length} questions, pass with ${need})`,
          ),
      t ? el("span", { class: "progress-sub" }, `${t.attempts} attempt${t.attempts === 1 ? "" : "s"}`) : null,
    ),
  );

  const table = el(
    "table",
    { class: "progress-table" },
    el("caption", { class: "sr-only" }, "Your progress through the module, lesson by lesson"),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { scope: "col" }, "Lesson"),
        el("th", { scope: "col" }, "Read"),
        el("th", { scope: "col" }, "Quiz (best)"),
        el("th", { scope: "col" }, "Lab"),
      ),
    ),
    el("tbody", {}, ...rows, testRow, deeperRow(p, root)),
  );
  return [headline, table];
}

/**
 * "Import progress…": a file chosen is read like stored progress (damaged entries set aside and
 * listed), then the learner is asked to merge it or replace what is here — or told why it can't be.
 */
function importPanel(store: ProgressStore, live: HTMLElement) {
  const fileInput = el("input", {
    type: "file",
    accept: ".json,application/json",
    class: "progress-import-file",
    hidden: true,
    "aria-hidden": "true",
    tabindex: -1,
  });
  const importButton = el("button", { type: "button", class: "progress-import" }, "Import progress…");
  const importBox = el("div", {
    class: "progress-import-confirm",
    role: "group",
    "aria-label": "Import progress",
    hidden: true,
  });
  const importMessage = el("p", { class: "progress-import-message", "data-import-message": "" });
  let pending: Progress | null = null;
  const closeImport = (message: string) => {
    importBox.hidden = true;
    importButton.setAttribute("aria-expanded", "false");
    pending = null;
    fileInput.value = "";
    live.textContent = message;
    importButton.focus();
  };
  const importMerge = el(
    "button",
    { type: "button", class: "progress-import-merge" },
    "Merge with my progress here",
  );
  const importReplace = el(
    "button",
    { type: "button", class: "progress-import-replace" },
    "Replace my progress here",
  );
  const importCancel = el("button", { type: "button", class: "progress-import-cancel" }, "Cancel");
  const importActions = el("p", { class: "quiz-actions" }, importMerge, importReplace, importCancel);
  importBox.append(importMessage, importActions);
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
        el("strong", {}, "That file can't be imported: "),
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
      el("strong", {}, `The file holds ${holds}.`),
      parsed.status === "newer"
        ? ` It was saved by a newer version of the site (version ${parsed.version}); this is what this version can read.`
        : "",
      parsed.setAside.length
        ? el(
            "span",
            { class: "progress-import-set-aside" },
            ` Set aside (can't be read): ${parsed.setAside.slice(0, 6).join("; ")}${parsed.setAside.length > 6 ? `; and ${parsed.setAside.length - 6} more` : ""}.`,
          )
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
  const section = el("section", { class: "progress-panel", id: "progress", "aria-label": "Your progress" });
  const notice = progressNotice(store);
  const content = el("div", { class: "progress-content" });
  const actions = el("div", { class: "progress-actions" });
  const confirmBox = el("div", {
    class: "progress-confirm",
    role: "group",
    "aria-label": "Confirm reset",
    hidden: true,
  });
  const live = el("p", { class: "progress-live", role: "status" });
  section.append(notice, content, actions, confirmBox, live);

  const render = (p: Progress) => content.replaceChildren(...progressTable(p, root));

  // ---- export and reset ------------------------------------------------------------------
  const download = el("button", { type: "button", class: "progress-export" }, "Download progress (JSON)");
  download.addEventListener("click", () => {
    downloadText(exportFileName(), store.exportJson());
    live.textContent = "Progress downloaded as a JSON file.";
  });

  const imports = importPanel(store, live);

  const reset = el("button", { type: "button", class: "progress-reset" }, "Reset progress…");
  reset.addEventListener("click", () => {
    confirmBox.hidden = false;
    reset.setAttribute("aria-expanded", "true");
    confirmYes.focus();
  });
  const confirmYes = el(
    "button",
    { type: "button", class: "progress-reset-confirm" },
    "Yes, delete my progress",
  );
  const confirmNo = el("button", { type: "button", class: "progress-reset-cancel" }, "Cancel");
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
    el(
      "p",
      {},
      el("strong", {}, "Delete all your progress? "),
      "Lessons read, quiz scores, labs and the test result will be cleared in this browser. Download it first if you want a copy.",
    ),
    el("p", { class: "quiz-actions" }, confirmYes, confirmNo),
  );
  reset.setAttribute("aria-expanded", "false");
  actions.append(download, imports.importButton, imports.fileInput, reset);
  section.insertBefore(imports.importBox, confirmBox);

  render(store.get());
  store.subscribe(render);
  return section;
}
