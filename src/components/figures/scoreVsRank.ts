// Lesson 1, figure 4: a rank says "higher"; a score with its interval says "by how much, and how
// sure". Two scores on N questions each, their 95% intervals, the interval of the gap and the
// two-proportion test's verdict.

import { html } from "htl";
import { proportionInterval } from "../stats/intervals.js";
import type { DifferenceTest } from "../stats/tests.js";
import { twoProportionTest } from "../stats/tests.js";
import { range } from "../ui/controls.js";
import { explorable, type RenderContext } from "../ui/explorable.js";
import { formatCount, formatPValue, formatSignedPp } from "../ui/format.js";
import { palette } from "../ui/palette.js";
import * as Plot from "../vendor/plot.js";

export interface ScoreVsRankValues {
  /** Scores in percent (e.g. 88). */
  a: number;
  b: number;
  n: number;
}

/** One model's score on the chart, in %. */
export interface ScoreRow {
  label: "Model A" | "Model B";
  est: number;
  lo: number;
  hi: number;
}

/** Everything the figure shows: both intervals, the test of the gap and the verdict. */
export interface ScoreVsRankModel extends ScoreVsRankValues {
  /** Right answers: the scores rounded to whole questions. */
  ka: number;
  kb: number;
  rows: [ScoreRow, ScoreRow];
  /** The scores' axis (%), two points beyond both intervals. */
  domain: [number, number];
  test: DifferenceTest;
  /** The gap's axis (pp), symmetric about zero. */
  gapSpan: number;
  distinguishable: boolean;
  /** Do the two intervals overlap? */
  overlap: boolean;
  /** Half-width of the gap's interval (a proportion): the smallest gap this N tells from noise at these scores. */
  noise: number;
}

/** The figure's model (pure). Scores are rounded to whole questions; Wilson intervals, pooled z-test. */
export function deriveScoreVsRank(v: ScoreVsRankValues, confidence = 0.95): ScoreVsRankModel {
  const ka = Math.round((v.a / 100) * v.n);
  const kb = Math.round((v.b / 100) * v.n);
  const ia = proportionInterval(ka, v.n, { confidence, method: "wilson" });
  const ib = proportionInterval(kb, v.n, { confidence, method: "wilson" });
  const test = twoProportionTest({ k: ka, n: v.n }, { k: kb, n: v.n }, { confidence });
  const row = (label: ScoreRow["label"], i: typeof ia): ScoreRow => ({
    label,
    est: 100 * i.estimate,
    lo: 100 * i.lower,
    hi: 100 * i.upper,
  });
  const rows: [ScoreRow, ScoreRow] = [row("Model A", ia), row("Model B", ib)];
  return {
    ...v,
    ka,
    kb,
    rows,
    domain: [
      Math.max(0, Math.floor(Math.min(rows[0].lo, rows[1].lo) - 2)),
      Math.min(100, Math.ceil(Math.max(rows[0].hi, rows[1].hi) + 2)),
    ],
    test,
    gapSpan: Math.max(Math.abs(100 * test.lower), Math.abs(100 * test.upper), 1) * 1.25,
    distinguishable: test.pValue < 1 - confidence,
    overlap: ia.lower <= ib.upper && ib.lower <= ia.upper,
    noise: (test.upper - test.lower) / 2,
  };
}

const rowStyle = {
  "Model A": { colour: palette.blue, symbol: "circle" },
  "Model B": { colour: palette.orange, symbol: "square" },
} as const;

/** The two scores with their intervals, then the gap with its interval against zero. */
export function drawScoreVsRank(m: ScoreVsRankModel, { width }: RenderContext): Node {
  const frame = { width, marginLeft: 80, marginBottom: 42, marginRight: 40, style: { fontSize: "13px" } };
  const scores = Plot.plot({
    ...frame,
    height: 160,
    x: { domain: m.domain, label: "Score with 95% interval (%) →", grid: true },
    y: { domain: m.rows.map((r) => r.label), label: null },
    marks: [
      Plot.ruleY(m.rows, {
        x1: "lo",
        x2: "hi",
        y: "label",
        stroke: (r: ScoreRow) => rowStyle[r.label].colour,
        strokeWidth: 6,
      }),
      Plot.dot(m.rows, {
        x: "est",
        y: "label",
        r: 7,
        symbol: (r: ScoreRow) => rowStyle[r.label].symbol,
        fill: "currentColor",
      }),
      Plot.text(m.rows, {
        x: "est",
        y: "label",
        dy: -14,
        text: (r: ScoreRow) => `${r.est.toFixed(1)}%  [${r.lo.toFixed(1)}, ${r.hi.toFixed(1)}]`,
        fontWeight: 600,
      }),
    ],
  });
  scores.setAttribute("aria-label", "The two scores with their 95% intervals");
  const t = m.test;
  const gapRow = [{ y: "A − B", lo: 100 * t.lower, hi: 100 * t.upper, diff: 100 * t.diff }];
  const gap = Plot.plot({
    ...frame,
    height: 140,
    marginTop: 34,
    x: { domain: [-m.gapSpan, m.gapSpan], label: "A − B with 95% interval (pp) →", grid: true },
    y: { domain: ["A − B"], label: null },
    marks: [
      Plot.ruleX([0], { stroke: palette.vermillion, strokeWidth: 2, strokeDasharray: "5,3" }),
      Plot.text(gapRow, {
        x: 0,
        y: "y",
        dy: -24,
        text: () => "no difference",
        fill: palette.vermillion,
        fontSize: 12,
      }),
      Plot.ruleY(gapRow, { x1: "lo", x2: "hi", y: "y", stroke: palette.green, strokeWidth: 6 }),
      Plot.dot(gapRow, { x: "diff", y: "y", r: 6, symbol: "diamond", fill: "currentColor" }),
      Plot.text(gapRow, {
        x: "diff",
        y: "y",
        dy: 18,
        text: () =>
          `${formatSignedPp(t.diff)}  [${(100 * t.lower).toFixed(1)}, ${(100 * t.upper).toFixed(1)}]`,
        fontWeight: 600,
      }),
    ],
  });
  gap.setAttribute("aria-label", "The difference between the scores with its 95% interval");
  return html`<div>${scores}${gap}</div>`;
}

const verdictWords = (m: ScoreVsRankModel) =>
  m.distinguishable ? "Distinguishable from noise" : "Not distinguishable from noise";

export function scoreVsRankReadout(m: ScoreVsRankModel): Node {
  const t = m.test;
  return html`<div>
    <p><span class=${`verdict ${m.distinguishable ? "l1-yes" : "l1-no"}`} data-readout="verdict" data-value=${m.distinguishable ? "1" : "0"}>${m.distinguishable ? "✓ " : "≈ "}${verdictWords(m)}</span></p>
    <p>Gap <span data-readout="diff" data-value=${100 * t.diff}>${formatSignedPp(t.diff)}</span>, 95% interval <span data-readout="diff-lower" data-value=${100 * t.lower}>${(100 * t.lower).toFixed(2)}</span> to <span data-readout="diff-upper" data-value=${100 * t.upper}>${(100 * t.upper).toFixed(2)} pp</span>; z = <span data-readout="z" data-value=${t.z}>${t.z.toFixed(2)}</span>, <span data-readout="p" data-value=${t.pValue}>${formatPValue(t.pValue)}</span>.</p>
    <p class="table-note">The rank says only "A above B". With ${formatCount(m.n)} questions each, a gap needs to exceed about <span data-readout="noise" data-value=${100 * m.noise}>${(100 * m.noise).toFixed(1)} pp</span> to stand out from sampling noise at these scores.</p>
  </div>`;
}

export function scoreVsRankNotice(m: ScoreVsRankModel): string {
  return m.distinguishable && m.overlap
    ? "The two intervals overlap, yet the test says the gap is real: overlapping intervals are not a test. Judge the interval of the difference."
    : m.distinguishable
      ? "At this N the gap is larger than sampling noise — which says nothing yet about whether both scores came from the same five choices."
      : "A leaderboard would still print A above B. The data cannot tell them apart.";
}

export function scoreVsRankSummary(m: ScoreVsRankModel): string {
  const [a, b] = m.rows;
  const t = m.test;
  return (
    `Model A ${a.est.toFixed(1)}% (95% interval ${a.lo.toFixed(1)}–${a.hi.toFixed(1)}%), model B ${b.est.toFixed(1)}% (${b.lo.toFixed(1)}–${b.hi.toFixed(1)}%), ${formatCount(m.n)} questions each. ` +
    `Gap ${formatSignedPp(t.diff)} with 95% interval ${(100 * t.lower).toFixed(2)} to ${(100 * t.upper).toFixed(2)} pp, ${formatPValue(t.pValue)}: ${verdictWords(m).toLowerCase()}.`
  );
}

const scoreSlider = (key: "a" | "b", value: number) =>
  range({
    key,
    label: `Model ${key.toUpperCase()}'s score (%)`,
    min: 50,
    max: 99.9,
    step: 0.1,
    value,
    format: (x) => `${x.toFixed(1)}%`,
  });

export function scoreVsRankFigure() {
  return explorable({
    id: "l1-score-vs-rank",
    title: "Score vs rank: is model A's lead larger than the noise of an N-question test?",
    controls: {
      a: scoreSlider("a", 88),
      b: scoreSlider("b", 85),
      n: range({
        key: "n",
        label: "Questions per model (N)",
        min: 50,
        max: 100_000,
        log: true,
        value: 14042,
        numberBox: true,
        format: formatCount,
      }),
    },
    presets: [
      { label: "88 vs 85 on all of MMLU (N = 14,042)", values: { a: 88, b: 85, n: 14042 } },
      { label: "85.8 vs 85.0 on MMLU", values: { a: 85.8, b: 85, n: 14042 } },
      { label: "88 vs 85 on HumanEval (N = 164)", values: { a: 88, b: 85, n: 164 } },
      { label: "88 vs 85 on a 1,000-question subset", values: { a: 88, b: 85, n: 1000 } },
    ],
    source:
      "Two-proportion z-test (pooled) and Wilson intervals from the site's statistics core; scores rounded to whole questions. Independent question sets assumed — paired tests on shared questions are narrower (Lesson 3).",
    derive: (v) => deriveScoreVsRank(v),
    draw: drawScoreVsRank,
    readout: scoreVsRankReadout,
    notice: scoreVsRankNotice,
    summary: scoreVsRankSummary,
  });
}
