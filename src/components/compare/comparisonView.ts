// How a comparison is shown, on Lesson 3's checker and on the compare tool: the two cards side
// by side, the verdict with its reasons, every check with a symbol and words (never colour
// alone) and the statistics; comparisonPlot.ts draws the two intervals and the difference.

import { html } from "htl";
import { formatCount, formatPValue } from "../ui/format.js";
import { type Check, type Comparison, type Status, verdictLabel } from "./protocol.js";
import type { ScoreCard } from "./scoreCard.js";

const statusSymbol: Record<Status, string> = { met: "✓", "not-met": "✗", unknown: "?" };
const statusWords: Record<Status, string> = { met: "met", "not-met": "not met", unknown: "cannot tell" };
const verdictSymbol = { comparable: "✓", indicative: "≈", "not-comparable": "✗" } as const;

/** The drawing's height in CSS px (comparisonPlot.ts's two plots): the compare tool holds it while Plot loads. */
export const COMPARISON_PLOT_HEIGHT = 230;

const f2 = (x: number) => (100 * x).toFixed(2);

function checkItem(c: Check): HTMLElement {
  return html`<li class=${`l3-check l3-${c.status}`} data-check=${c.id} data-status=${c.status}><span class="l3-check-symbol" aria-hidden="true">${statusSymbol[c.status]}</span><span><strong>${c.title}</strong> <span class="l3-check-status">(${statusWords[c.status]})</span> — ${c.reason}</span></li>`;
}

const cardRows: readonly [string, (c: ScoreCard) => string][] = [
  ["Model", (c) => c.model],
  ["Benchmark", (c) => c.benchmark],
  ["Version / split", (c) => c.version],
  ["Score", (c) => `${c.score}`],
  ["N (questions)", (c) => (c.n ? formatCount(c.n) : "")],
  ["Shots", (c) => c.shots],
  ["Chain-of-thought", (c) => (c.cot === "unknown" ? "" : c.cot)],
  ["Decoding", (c) => c.decoding],
  ["Metric", (c) => c.metric],
  ["Prompt / harness", (c) => c.prompt],
  ["Evaluator", (c) => (c.evaluator ? `${c.evaluator} (${c.evaluatorKind})` : "")],
  ["Parameters", (c) => (c.params ? `${c.params}B` : "")],
  ["Source", (c) => c.source],
];

/** The two cards as one table, one column per card. */
export function cardsTable(a: ScoreCard, b: ScoreCard): HTMLElement {
  return html`<table class="l3-cards"><thead><tr><th></th><th scope="col">Card A</th><th scope="col">Card B</th></tr></thead><tbody>${cardRows.map(
    ([label, f]) =>
      html`<tr><th scope="row">${label}</th><td>${f(a) || "not stated"}</td><td>${f(b) || "not stated"}</td></tr>`,
  )}</tbody></table>`;
}

function statsList(cmp: Comparison): Node {
  const s = cmp.stats;
  if (!s)
    return html`<p class="table-note" data-readout="no-stats">No statistics: ${cmp.steps[2]?.reason ?? "N is unknown."}</p>`;
  return html.fragment`<dl class="l3-stats">
      <div><dt>Score A, 95% interval</dt><dd data-readout="a-interval" data-lower=${s.a.lower} data-upper=${s.a.upper} data-value=${s.a.estimate}>${f2(s.a.estimate)}% (${f2(s.a.lower)}–${f2(s.a.upper)}), N = ${formatCount(s.nA)}</dd></div>
      <div><dt>Score B, 95% interval</dt><dd data-readout="b-interval" data-lower=${s.b.lower} data-upper=${s.b.upper} data-value=${s.b.estimate}>${f2(s.b.estimate)}% (${f2(s.b.lower)}–${f2(s.b.upper)}), N = ${formatCount(s.nB)}</dd></div>
      <div><dt>Difference A − B, 95% interval</dt><dd data-readout="diff" data-value=${s.diff} data-lower=${s.lower} data-upper=${s.upper}>${f2(s.diff)} pp (${f2(s.lower)} to ${f2(s.upper)})</dd></div>
      <div><dt>Two-proportion z-test</dt><dd data-readout="p-value" data-value=${s.pValue}>${formatPValue(s.pValue)}</dd></div>
      <div><dt>Smallest gap detected at this N (80% power)</dt><dd data-readout="mdd" data-value=${s.mdd}>${f2(s.mdd)} pp</dd></div>
    </dl>
    <p class="table-note">The statistics treat the two numbers as independent samples and assume the same pipeline; when the verdict is "not comparable", the interval sizes only the sampling noise, not the difference in method.</p>`;
}

/** Verdict, checks and statistics, with data-readout hooks for tests. */
export function comparisonReadout(cmp: Comparison): HTMLElement {
  return html`<div class="l3-comparison">
    <div class=${`l3-verdict-badge l3-${cmp.verdict}`} data-readout="verdict" data-verdict=${cmp.verdict}>
      <span class="verdict"><span aria-hidden="true">${verdictSymbol[cmp.verdict]}</span> ${verdictLabel[cmp.verdict]}</span>
      <p>${cmp.headline}</p>
    </div>
    <h4 class="l3-h">The comparability requirements</h4>
    <ul class="l3-checks">${cmp.requirements.map(checkItem)}</ul>
    <h4 class="l3-h">The five-step protocol</h4>
    <ul class="l3-checks">${cmp.steps.map(checkItem)}</ul>
    <h4 class="l3-h">The statistics</h4>
    ${statsList(cmp)}
  </div>`;
}

/** A text alternative with the current numbers and the verdict. */
export function comparisonSummary(cmp: Comparison, a: ScoreCard, b: ScoreCard): string {
  const s = cmp.stats;
  const stats = s
    ? ` A ${f2(s.a.estimate)}% (${f2(s.a.lower)}–${f2(s.a.upper)}), B ${f2(s.b.estimate)}% (${f2(s.b.lower)}–${f2(s.b.upper)}); difference ${f2(s.diff)} pp (${f2(s.lower)} to ${f2(s.upper)}), ${formatPValue(s.pValue)}.`
    : "";
  const open = [...cmp.requirements, ...cmp.steps].filter((c) => c.status !== "met");
  return `${a.model || "A"} (${a.benchmark} ${a.score}) vs ${b.model || "B"} (${b.benchmark} ${b.score}): ${verdictLabel[cmp.verdict]}.${stats} ${open.map((c) => `${c.title}: ${statusWords[c.status]}`).join("; ")}.`;
}
