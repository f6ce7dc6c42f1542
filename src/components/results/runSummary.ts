// What was read: one line per file (how it was read, what was dropped and why, the harness's own
// score beside the page's), the note on what the analysis rests on, and a harness's own scores
// when no per-item file came with them. Only draws; the reading happens in pipeline.ts.
import { html } from "htl";
import { formatCount, formatPercent, formatPp } from "../ui/format.js";
import type { FileOutcome, HarnessCheck, PipelineResult } from "./pipeline.js";
import type { FileFormat, IssueKind, ReadOptions, TaskSummary } from "./types.js";

type ReadFile = Extract<FileOutcome, { ok: true }>;

const kindLabel: Record<IssueKind, string> = {
  "unknown-value": "unknown value in the result column",
  "missing-value": "no result (blank or NA)",
  "empty-field": "missing model, item or fields",
  duplicate: "duplicate (model, item)",
  "bad-json": "not valid JSON",
  "missing-field": "missing field",
  "cluster-conflict": "item in two clusters (first kept)",
  "hash-conflict": "same item id, different question (doc_hash differs)",
  note: "note",
};

const plural = (n: number, one: string, many = `${one}s`) => (n === 1 ? one : many);

/** Lines a file lost (notes and conflicts are reported, but nothing was dropped for them). */
export function droppedCount(issueCounts: Partial<Record<IssueKind, number>>): number {
  return Object.entries(issueCounts)
    .filter(([k]) => k !== "note" && k !== "cluster-conflict" && k !== "hash-conflict")
    .reduce((s, [, n]) => s + (n ?? 0), 0);
}

/** The issues, one folded list per kind (the first few listed, all counted). */
function issueList(
  issues: readonly { message: string; file: string; kind: IssueKind }[],
  counts: Partial<Record<IssueKind, number>>,
  prefixFile: boolean,
): HTMLElement | null {
  const kinds = Object.entries(counts).filter(([, n]) => (n ?? 0) > 0) as [IssueKind, number][];
  if (kinds.length === 0) return null;
  return html`<div class="results-issues">${kinds.map(([kind, n]) => {
    const shown = issues.filter((i) => i.kind === kind);
    const more = shown.length < n ? ` (first ${shown.length} listed)` : "";
    // The list scrolls past 12rem: focusable and named, so a keyboard can scroll it (axe).
    return html`<details data-issue-kind=${kind} data-count=${n}>
      <summary>${formatCount(n)} × ${kindLabel[kind]}${more}</summary>
      <ul tabindex="0" aria-label=${`Issues: ${kindLabel[kind]}`}>${shown.map(
        (i) => html`<li class="results-issue">${prefixFile ? `${i.file} ${i.message}` : i.message}</li>`,
      )}</ul>
    </details>`;
  })}</div>`;
}

const harnessName: Partial<Record<FileFormat, string>> = { "lm-eval": "lm-eval", inspect: "Inspect" };

/** "lm-eval: 60.0% ± 11.2 pp on 20 · read here: 60.0% on 20 ✓" */
function harnessCheckLine(format: FileFormat, c: HarnessCheck): HTMLElement {
  const who = harnessName[format] ?? "The harness";
  const se = c.harness.stderr === null ? "" : ` ± ${formatPp(c.harness.stderr, 1)} (its standard error)`;
  const n = c.harness.n === null ? "" : ` on ${formatCount(c.harness.n)}`;
  const verdict = c.agrees
    ? "✓ the same"
    : c.harness.n !== null && c.harness.n !== c.read.n
      ? "✗ a different number of samples (was the run limited, or are files missing?)"
      : "✗ they differ: check the metric and filter chosen above";
  return html`<p class=${`results-check ${c.agrees ? "agrees" : "differs"}`} data-readout="harness-check" data-agrees=${c.agrees ? "1" : "0"} data-harness=${c.harness.value} data-read=${c.read.value}>${who}'s own "${c.harness.metric}": ${formatPercent(c.harness.value)}${se}${n} · read here: ${formatPercent(c.read.value)} on ${formatCount(c.read.n)} <strong>${verdict}</strong></p>`;
}

/** lm-eval's choices for one file: the model's name, and the metric and answer filter when it logs several. */
function lmEvalChoices(f: ReadFile, options: ReadOptions, onOptions: (o: ReadOptions) => void): HTMLElement {
  const lm = f.lmEval!;
  const select = (label: string, key: "metric" | "filter", values: string[], current: string | null) =>
    values.length < 2
      ? null
      : html`<label>${label} <select aria-label=${`${label} for ${f.file}`} data-key=${key} onchange=${(
          e: Event,
        ) => onOptions({ ...options, [key]: (e.target as HTMLSelectElement).value })}>${values.map(
          (v) => html`<option value=${v} selected=${v === current}>${v}</option>`,
        )}</select></label>`;
  const rename = (e: Event) =>
    onOptions({ ...options, model: (e.target as HTMLInputElement).value.trim() || undefined });
  return html`<div class="results-lmeval">
    <label>Model name <input type="text" value=${lm.model} aria-label=${`Model name for ${f.file}`} data-key="model-name" onchange=${rename}></label>
    ${select("Metric", "metric", lm.metrics, lm.metric)}
    ${select("Answer filter", "filter", lm.filters, lm.filter)}
  </div>`;
}

/** One file's line in "Files read": how it was read, what was dropped, and its choices. */
export function fileReport(
  f: FileOutcome,
  onOptions: (options: ReadOptions) => void,
  options: ReadOptions,
): HTMLElement {
  if (!f.ok) {
    return html`<li class="results-file bad" data-file=${f.file} data-ok="false"><span class="results-mark" aria-hidden="true">✗</span><strong>${f.file}: not used. </strong><span class="results-error" data-readout="file-error">${f.error}</span></li>`;
  }
  const dropped = droppedCount(f.issueCounts);
  const read = `${formatCount(f.records)} ${plural(f.records, "result")} read from ${formatCount(f.lines)} ${plural(f.lines, "line")}`;
  return html`<li class="results-file" data-file=${f.file} data-ok="true" data-records=${f.records} data-dropped=${dropped}><span class="results-mark" aria-hidden="true">${dropped ? "!" : "✓"}</span><strong>${f.file}: </strong>${read}${dropped ? `; ${formatCount(dropped)} dropped (listed below). ` : ". "}<span class="results-format" data-readout="format" data-value=${f.format}>Read as ${f.formatLabel}. </span><span class="results-how">${f.description}</span>${f.check ? harnessCheckLine(f.format, f.check) : null}${f.lmEval ? lmEvalChoices(f, options, onOptions) : null}${issueList(f.issues, f.issueCounts, false)}</li>`;
}

/** The parts of the input the analysis could not use, in words (empty when it used everything). */
function leftOut(result: PipelineResult, c: NonNullable<PipelineResult["combined"]>): string[] {
  const files = result.files.filter((f): f is ReadFile => f.ok);
  const droppedLines = files.reduce((s, f) => s + droppedCount(f.issueCounts), 0);
  const dups = c.issueCounts.duplicate ?? 0;
  const notShared = c.itemsSeen - c.items;
  const failed = result.files.length - files.length;
  const parts: string[] = [];
  if (failed) parts.push(`${failed} ${plural(failed, "file")} could not be read at all`);
  if (droppedLines)
    parts.push(
      `${formatCount(droppedLines)} ${plural(droppedLines, "line")} or ${plural(droppedLines, "cell")} dropped for a bad or missing value`,
    );
  if (dups)
    parts.push(
      `${formatCount(dups)} duplicate (model, item) ${plural(dups, "row")} dropped (the first kept)`,
    );
  if (notShared) {
    const byModel = c.coverage
      .filter((m) => m.notShared > 0)
      .map((m) => `${m.model}: ${formatCount(m.notShared)}`)
      .join(", ");
    parts.push(
      `${formatCount(notShared)} of ${formatCount(c.itemsSeen)} items left out because not every model answered them (${byModel})`,
    );
  }
  return parts;
}

/** What the analysis rests on: everything used, or what was left out and why. */
export function trustNote(result: PipelineResult): HTMLElement | null {
  const c = result.combined;
  if (!c) return null;
  const parts = leftOut(result, c);
  const partial = parts.length > 0;
  return html`<div class=${partial ? "warning results-trust" : "tip results-trust"} label="What these results rest on" data-readout="trust" data-partial=${partial ? "1" : "0"}>
    <p><strong>${partial ? "Partial trust. " : "Everything was used. "}</strong>${c.models} ${plural(c.models, "model")} compared on <strong data-readout="shared-items" data-value=${c.items}>${formatCount(c.items)} shared items</strong>${partial ? `. ${parts.join("; ")}.` : ": no line was dropped and every model answered every item."}</p>
    ${c.clusters === 1 ? html`<p>Every item is in the same cluster, so no clustered standard error can be computed (it needs at least two clusters).</p>` : null}
    ${c.binary ? null : html`<p>Some results are partial scores between 0 and 1, so the intervals are mean ± t·SE rather than Wilson's (which needs 0/1), and there is no McNemar p.</p>`}
    ${issueList(c.issues, c.issueCounts, true)}
  </div>`;
}

/** A harness's own scores when no per-item file came with them. */
export function summaryTable(summaries: readonly TaskSummary[]): HTMLElement {
  const interval = (x: TaskSummary, se: number) =>
    `${formatPercent(Math.max(0, x.value - 1.96 * se))} – ${formatPercent(Math.min(1, x.value + 1.96 * se))}`;
  return html`<div class="results-scroll" tabindex="0" role="region" aria-label="Harness scores"><table class="results-table" data-table="summary-only">
    <caption>The harness's own scores, one per task and metric (no per-item results to analyse)</caption>
    <thead><tr><th scope="col">Model</th><th scope="col">Task</th><th scope="col">Metric</th><th scope="col">Score</th><th scope="col">± its standard error</th><th scope="col">95% interval (score ± 1.96·SE)</th><th scope="col">Samples</th></tr></thead>
    <tbody>${summaries.map(
      (x) => html`<tr data-task=${x.task} data-metric=${x.metric}>
        <td>${x.model ?? "(not named)"}</td><td>${x.task}</td><td>${x.metric}</td>
        <td class="num" data-readout="summary-value" data-value=${x.value}>${formatPercent(x.value)}</td>
        <td class="num">${x.stderr === null ? "–" : formatPp(x.stderr)}</td>
        <td class="num">${x.stderr === null ? "–" : interval(x, x.stderr)}</td>
        <td class="num">${x.n === null ? "–" : formatCount(x.n)}</td>
      </tr>`,
    )}</tbody>
  </table></div>`;
}
