// The message about stored progress: damage that was set aside, a newer version's record left
// alone, storage that is unavailable, a save that failed. Every view that uses the progress store
// places one; the first on a page shows it, and keeps showing the store's current notice — a save
// that fails after the page was drawn appears at once. It offers what to do: download the progress
// (and the set-aside copy of a damaged record).
import { html } from "htl";
import type { ProgressStore } from "./progress.js";

const placed = new WeakSet<ProgressStore>();

/** Offer `text` as a file download. */
export function downloadText(filename: string, text: string, type = "application/json"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = html`<a href=${url} download=${filename}></a>`;
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
  const slot = html`<div class="progress-notice-slot" role="status"></div>`;
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
    const close = html`<button type="button" class="progress-notice-close">OK, got it</button>`;
    const actions = html`<p class="progress-notice-actions"></p>`;
    const kind = store.noticeKind;
    if (kind === "write-failed" || kind === "newer" || kind === "unavailable") {
      const save = () => downloadText(exportFileName(), store.exportJson());
      actions.append(
        html`<button type="button" class="progress-notice-export" data-action="export-progress" onclick=${save}>Download my progress (JSON)</button>`,
      );
    }
    const raw = store.setAside;
    if (raw !== null && (kind === "damaged" || kind === "unreadable" || kind === "newer")) {
      const copy = () => downloadText(`benchmark-course-progress-as-stored-${today()}.json`, raw);
      actions.append(
        html`<button type="button" class="progress-notice-backup" data-action="download-set-aside" onclick=${copy}>Download the saved data as it was</button>`,
      );
    }
    actions.append(close);
    const box = html`<div class="progress-notice" data-progress-notice data-notice-kind=${kind ?? ""}>${[
      html`<p><strong>About your progress: </strong>${message}</p>`,
      actions,
    ]}</div>`;
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
