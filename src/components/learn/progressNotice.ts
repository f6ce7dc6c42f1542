// The one-time message about stored progress that could not be read, or storage that is not
// available. Every view that uses the progress store places one; only the first on a page shows.
import { el } from "./dom.js";
import type { ProgressStore } from "./progress.js";

const shown = new WeakSet<ProgressStore>();

/** An element with the store's notice (and a dismiss button), or an empty comment if none. */
export function progressNotice(store: ProgressStore): Node {
  const message = store.notice;
  if (message === null || shown.has(store)) return document.createComment("no progress notice");
  shown.add(store);
  const close = el("button", { type: "button", class: "progress-notice-close" }, "OK, got it");
  const box = el(
    "div",
    { class: "progress-notice", role: "status", "data-progress-notice": "" },
    el("p", {}, el("strong", {}, "About your progress: "), message),
    close,
  );
  close.addEventListener("click", () => box.remove());
  return box;
}
