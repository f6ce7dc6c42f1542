// The lab's progress: the title bar's meter (substantive exchanges as dots, "✓ Lab complete"),
// recording the count in the progress store, and the end-of-lab summary of the points covered.
import { html } from "htl";
import { type LabBrief, sectionHref } from "../../content/labs.js";
import { formatDate } from "../ui/format.js";
import type { ProgressStore } from "./progress.js";
import { countExchanges, EXCHANGES_TO_COMPLETE, type TranscriptMessage } from "./transcript.js";
import type { LabSummary } from "./tutor.js";

export interface LabMeter {
  /** The title and the meter. */
  bar: HTMLElement;
  /** The end-of-lab summary (hidden until the lab is complete). */
  summary: HTMLElement;
  /** Show the count for these messages (and record it). */
  update(messages: readonly TranscriptMessage[]): void;
  /** Forget the last recorded count (the conversation was cleared). */
  reset(): void;
  /** Whether the lab counts as complete now. */
  complete(messages: readonly TranscriptMessage[]): boolean;
}

function summaryContent(lab: LabBrief, s: LabSummary) {
  const items = s.concepts.map(
    (c) => html`<li class=${c.covered ? "lab-covered" : "lab-missed"} data-concept=${c.id}
      data-covered=${String(c.covered)}><span class="lab-mark" aria-hidden="true">${c.covered ? "✓" : "○"}</span><span
      class="sr-only">${c.covered ? "Covered: " : "Not yet covered: "}</span>${c.label}${
        c.scenarios.length ? html`<span class="lab-muted"> (scenario ${c.scenarios.join(", ")})</span>` : null
      }${c.covered ? null : html`<span> — read <a href=${sectionHref(c.section)}>${c.section.label}</a></span>`}</li>`,
  );
  const next = Number(lab.lesson) + 1;
  return [
    html`<h3 id=${`lab-summary-${lab.lesson}`}>Lab complete — you covered ${s.covered} of ${s.total} points</h3>`,
    html`<ul class="lab-summary-list">${items}</ul>`,
    html`<p class="lab-muted">Keep talking if you like — the tutor carries on. Next: <a
      href=${`../quizzes/${lab.lesson}`}>the Lesson ${lab.lesson} quiz</a>${
        lab.lesson === "4" ? null : html.fragment` or <a href=${`../lessons/${next}`}>Lesson ${next}</a>`
      }.</p>`,
  ];
}

/**
 * `root` (the lab) gets data-complete. `summaryOf` gives the end-of-lab summary of the messages, or
 * null while the tutor's code is still on its way (the chat calls `update` again once it is here).
 */
export function labMeter(
  root: HTMLElement,
  lab: LabBrief,
  progress: ProgressStore | null,
  summaryOf: (messages: readonly TranscriptMessage[]) => LabSummary | null,
): LabMeter {
  const dots = html`<span class="lab-dots" aria-hidden="true">`;
  const count = html`<span class="lab-count" data-readout="exchanges" data-value="0">`;
  const badge = html`<span class="lab-badge" hidden>`;
  const bar = html`<div class="lab-bar"><h2 id="lab-chat-title" class="lab-title">Talk it through</h2>
    <div class="lab-meter" role="group" aria-label="Progress in this lab"><span
      class="lab-meter-label">Substantive exchanges</span>${dots}${count}${badge}</div></div>`;
  const summary = html`<section class="lab-summary" hidden aria-labelledby=${`lab-summary-${lab.lesson}`}>`;
  let lastRecorded = -1;

  const complete = (messages: readonly TranscriptMessage[]) =>
    countExchanges(messages) >= EXCHANGES_TO_COMPLETE || Boolean(progress?.get().labs[lab.lesson]?.complete);

  function update(messages: readonly TranscriptMessage[]) {
    const n = countExchanges(messages);
    const recorded = progress?.get().labs[lab.lesson];
    const done = complete(messages);
    count.textContent = `${Math.min(n, 99)} of ${EXCHANGES_TO_COMPLETE}`;
    count.dataset.value = String(n);
    dots.replaceChildren(
      ...Array.from(
        { length: EXCHANGES_TO_COMPLETE },
        (_, i) => html`<span class=${i < n ? "lab-dot lab-dot-on" : "lab-dot"}>`,
      ),
    );
    root.dataset.complete = String(done);
    badge.hidden = !done;
    badge.textContent = done
      ? `✓ Lab complete${recorded?.completedAt ? ` (${formatDate(recorded.completedAt)})` : ""}`
      : "";
    if (progress && n !== lastRecorded && n > 0) {
      lastRecorded = n;
      try {
        progress.recordLab(lab.lesson, n, n >= EXCHANGES_TO_COMPLETE);
      } catch {
        // the progress store reports its own storage problems
      }
      const after = progress.get().labs[lab.lesson];
      if (after?.completedAt) badge.textContent = `✓ Lab complete (${formatDate(after.completedAt)})`;
    }
    const s = n < EXCHANGES_TO_COMPLETE ? null : summaryOf(messages);
    summary.hidden = !s;
    if (s) summary.replaceChildren(...summaryContent(lab, s));
  }

  return {
    bar,
    summary,
    update,
    reset: () => {
      lastRecorded = -1;
    },
    complete,
  };
}
