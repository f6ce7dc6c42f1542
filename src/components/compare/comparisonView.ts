// How a comparison is shown, on Lesson 3's checker and on the compare tool: the two cards side
// by side, the verdict with its reasons, every check with a symbol and words (never colour
// alone), the statistics, and a drawing of the two intervals and of the difference.

import { html } from "htl";
import { formatCount, formatPValue } from "../ui/format.js";
import { palette } from "../ui/palette.js";
import { sharePlotStyles } from "../ui/plotStyles.js";
import * as Plot from "../vendor/plot.js";
import { type Check, type Comparison, type Status, verdictLabel } from "./protocol.js";
import type { ScoreCard } from "./scoreCard.js";

const statusSymbol: Record<Status, string> = { met: "✓", "not-met": "✗", unknown: "?" };
const statusWords: Record<Status, string> = { met: "met", "not-met": "not met", unknown: "cannot tell" };
const verdictSymbol = { comparable: "✓", indicative: "≈", "not-comparable": "✗" } as const;

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

/** The two scores with their intervals, and the difference with its interval around zero. */
export function comparisonPlot(cmp: Comparison, a: ScoreCard, b: ScoreCard, width: number): Node {
  const s = cmp.stats;
  if (!s) {
    return html`<p class="table-note">No drawing: without N for both scores there is no interval to draw.</p>`;
  }
  const marginLeft = Math.min(240, Math.max(110, width * 0.28));
  // At most 30 characters, and on a narrow plot only what fits left of the axis (about 7 px a
  // character at 13 px, with the tick gap); the cards above show the whole name.
  const maxChars = Math.min(30, Math.floor((marginLeft - 12) / 7.4));
  const label = (c: ScoreCard, who: string) => {
    const text = `${who}: ${(c.model || "unnamed").replace(/^[^/]+\//, "")}`;
    return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
  };
  const rows = [
    {
      who: label(a, "A"),
      p: 100 * s.a.estimate,
      lo: 100 * s.a.lower,
      hi: 100 * s.a.upper,
      color: palette.blue,
      symbol: "circle",
    },
    {
      who: label(b, "B"),
      p: 100 * s.b.estimate,
      lo: 100 * s.b.lower,
      hi: 100 * s.b.upper,
      color: palette.orange,
      symbol: "square",
    },
  ];
  const left = Math.min(rows[0]!.lo, rows[1]!.lo);
  const right = Math.max(rows[0]!.hi, rows[1]!.hi);
  const pad = Math.max(0.5, (right - left) * 0.25);
  const top = Plot.plot({
    width,
    height: 130,
    marginLeft,
    marginRight: 24,
    marginBottom: 44,
    style: { fontSize: "13px" },
    x: {
      domain: [Math.max(0, left - pad), Math.min(100, right + pad)],
      label: "Score with its 95% interval (%) →",
      grid: true,
      labelOffset: 38,
    },
    y: { domain: rows.map((r) => r.who), label: null },
    marks: [
      Plot.link(rows, { x1: "lo", x2: "hi", y1: "who", y2: "who", stroke: "color", strokeWidth: 3 }),
      Plot.dot(rows, { x: "p", y: "who", fill: "color", symbol: "symbol", r: 6 }),
    ],
  });
  sharePlotStyles(top);
  top.setAttribute("aria-label", "The two scores with their 95% intervals");
  const ext = Math.max(Math.abs(s.lower), Math.abs(s.upper), s.mdd) * 100 * 1.2;
  const d = [{ who: "A − B", d: 100 * s.diff, lo: 100 * s.lower, hi: 100 * s.upper }];
  const bottom = Plot.plot({
    width,
    height: 100,
    marginLeft,
    marginRight: 24,
    marginBottom: 44,
    style: { fontSize: "13px" },
    x: {
      domain: [-ext, ext],
      label: "Difference A − B with its 95% interval (pp) →",
      grid: true,
      labelOffset: 38,
    },
    y: { domain: ["A − B"], label: null },
    marks: [
      Plot.rectX([{ x1: -100 * s.mdd, x2: 100 * s.mdd }], {
        x1: "x1",
        x2: "x2",
        fill: palette.grey,
        fillOpacity: 0.15,
      }),
      Plot.ruleX([0], { stroke: "currentColor", strokeWidth: 1.5 }),
      Plot.link(d, {
        x1: "lo",
        x2: "hi",
        y1: "who",
        y2: "who",
        stroke: cmp.verdict === "not-comparable" ? palette.grey : palette.blue,
        strokeWidth: 4,
        strokeDasharray: cmp.verdict === "not-comparable" ? "6,4" : "none",
      }),
      Plot.dot(d, { x: "d", y: "who", fill: "currentColor", symbol: "diamond", r: 5 }),
    ],
  });
  sharePlotStyles(bottom);
  bottom.setAttribute("aria-label", "The difference with its 95% interval; shaded: gaps this N often misses");
  return html`<div>${top}${bottom}</div>`;
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
