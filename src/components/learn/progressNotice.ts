// The message about stored progress: damage that was set aside, a newer version's record left
// alone, storage that is unavailable, a save that failed. Every view that uses the progress store
// places one; the first on a page shows it, and keeps showing the store's current notice — a save
// that fails after the page was drawn appears at once. It offers what to do: download the progress
// (and the set-aside copy of a damaged record).
import { el } from "./dom.js";
import type { ProgressStore } from "./progress.js";

const placed = new WeakSet<ProgressStore>();

/** Offer `text` as a file download. */
export function downloadText(filename: string, text: string, type = "application/json"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const today = () => new Date().toISOString().slice(0, 10);

/** The file name of a progress export. */
export const exportFileName = () => `benchmark-course-progress-${today()}.json`;

/**
 * A live region that shows the store's notice (with actions and a dismiss button), or an empty
 * comment if another view on the page already shows it.
 */
export function progressNotice(store: ProgressStore): Node {
  if (placed.has(store)) return document.createComment("progress notice shown elsewhere on the page");
  placed.add(store);
  // The region exists from the start, so a message put in it later is announced.
  const slot = el("div", { class: "progress-notice-slot", role: "status" });
  let dismissed: string | null = null;
  let shownMessage: string | null = null;

  function draw() {
    const message = store.notice;
    if (message === shownMessage) return;
    shownMessage = message;
    if (message === null || message === dismissed) {
      slot.replaceChildren();
      return;
    }
    const close = el("button", { type: "button", class: "progress-notice-close" }, "OK, got it");
    const actions = el("p", { class: "progress-notice-actions" });
    const kind = store.noticeKind;
    if (kind === "write-failed" || kind === "newer" || kind === "unavailable") {
      const save = el(
        "button",
        { type: "button", class: "progress-notice-export", "data-action": "export-progress" },
        "Download my progress (JSON)",
      );
      save.addEventListener("click", () => downloadText(exportFileName(), store.exportJson()));
      actions.append(save);
    }
    const raw = store.setAside;
    if (raw !== null && (kind === "damaged" || kind === "unreadable" || kind === "newer")) {
      const copy = el(
        "button",
        { type: "button", class: "progress-notice-backup", "data-action": "download-set-aside" },
        "Download the saved data as it was",
      );
      copy.addEventListener("click", () =>
        downloadText(`benchmark-course-progress-as-stored-${today()}.json`, raw),
      );
      actions.append(copy);
    }
    actions.append(close);
    const box = el(
      "div",
      { class: "progress-notice", "data-progress-notice": "", "data-notice-kind": kind ?? "" },
      el("p", {}, el("strong", {}, "About your progress: "), message),
      actions,
    );
    close.addEventListener("click", () => {
      dismissed = message;
      shownMessage = null;
      box.remove();
    });
    slot.replaceChildren(box);
  }

  draw();
  store.subscribe(draw);
  return slot;
}
