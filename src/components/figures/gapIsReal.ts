// Lesson 3: "Is the gap real?" — two scores on a benchmark of N questions, compared as
// independent samples or paired on the same questions; the interval of the difference,
// the p-value, the smallest gap this N can detect, and a verdict in words.

import { html } from "htl";
import { type GapState, gapFor } from "../compare/lessonNumbers.js";
import { type GapDesign, type GapResult, type GapVerdict, gapVerdict, seRatioText } from "../stats/gap.js";
import { scoreInterval } from "../stats/intervals.js";
import { choice, range } from "../ui/controls.js";
import { explorable, type RenderContext } from "../ui/explorable.js";
import { formatCount, formatDiffPp, formatPp, formatPValue } from "../ui/format.js";
import { keptDrawing } from "../ui/inPlace.js";
import { palette } from "../ui/palette.js";
import { type Estimate, keptStrip } from "./parts/intervalStrip.js";

/** The figure's inputs: the same state the lesson's gap sentence reads (compare/lessonNumbers.ts). */
export type GapValues = GapState & Record<string, unknown>;

/** Everything the figure shows at one setting. */
export interface GapModel {
  values: GapValues;
  /** The analysis of the chosen design, and the independent one (always drawn, for comparison). */
  chosen: GapResult;
  independent: GapResult;
  paired: boolean;
  /** Each model's score k/N and its 95% Wilson interval (%). */
  scores: { a: Estimate; b: Estimate };
  /** The score strip's x domain (%): both intervals with a margin, within 0–100. */
  scoreDomain: [number, number];
  /** The difference strip's half-range (pp): the intervals and the detectable gap, with a margin. */
  extent: number;
  verdict: GapVerdict;
}

const designLabel: Record<GapDesign, string> = {
  independent: "Independent scores",
  correlation: "Paired: correlation",
  discordant: "Paired: disagreements",
};

const scoreOf = (k: number, n: number): Estimate => {
  const ci = scoreInterval(k / n, n);
  return { value: (100 * k) / n, lower: 100 * ci.lower, upper: 100 * ci.upper };
};

/** The figure's model (pure). */
export function deriveGap(values: GapValues): GapModel {
  const { chosen, independent } = gapFor(values);
  const scores = { a: scoreOf(chosen.kA, chosen.n), b: scoreOf(chosen.kB, chosen.n) };
  const lo = Math.min(scores.a.lower, scores.b.lower);
  const hi = Math.max(scores.a.upper, scores.b.upper);
  const pad = Math.max(0.5, (hi - lo) * 0.25);
  const extent =
    100 *
    1.25 *
    Math.max(Math.abs(independent.lower), Math.abs(independent.upper), chosen.mdd, independent.mdd);
  return {
    values,
    chosen,
    independent,
    paired: chosen.design !== "independent",
    scores,
    scoreDomain: [Math.max(0, lo - pad), Math.min(100, hi + pad)],
    extent,
    verdict: gapVerdict(chosen),
  };
}

const estimate = (g: GapResult): Estimate => ({
  value: 100 * g.diff,
  lower: 100 * g.lower,
  upper: 100 * g.upper,
});
const pp2 = (x: number) => x.toFixed(2);

/** The two scores with their intervals, above the difference with its interval(s); both strips kept across redraws. */
export function gapView() {
  const strips = [keptStrip(), keptStrip()] as const;
  const node: HTMLElement = html`<div></div>`;
  return (m: GapModel, context: RenderContext): Node => {
    const drawn = drawGap(m, context, strips);
    if (!node.childElementCount) node.append(...drawn);
    return node;
  };
}

function drawGap(
  m: GapModel,
  { width }: RenderContext,
  [topStrip, bottomStrip]: readonly [ReturnType<typeof keptStrip>, ReturnType<typeof keptStrip>],
): SVGSVGElement[] {
  const score = (label: string, e: Estimate, color: string, symbol: "circle" | "square") => ({
    label,
    ...e,
    color,
    symbol,
    text: `${e.value.toFixed(1)}% (${e.lower.toFixed(1)}–${e.upper.toFixed(1)})`,
  });
  const top = topStrip(
    [
      score("Model A", m.scores.a, palette.blue, "circle"),
      score("Model B", m.scores.b, palette.orange, "square"),
    ],
    {
      width,
      height: 160,
      marginTop: 20,
      domain: m.scoreDomain,
      xLabel: "Score with its 95% interval (%) →",
      ariaLabel: "The two scores with their 95% intervals",
      barWidth: 3,
    },
  );
  const diff = (label: string, g: GapResult, color: string, dashed: boolean) => {
    const e = estimate(g);
    return { label, ...e, color, dashed, text: `${pp2(e.value)} (${pp2(e.lower)} to ${pp2(e.upper)})` };
  };
  // On a phone the note over the shaded band takes two lines, with room made above.
  const narrow = width < 600;
  const mdd = (100 * m.chosen.mdd).toFixed(1);
  const bottom = bottomStrip(
    [
      diff("Independent", m.independent, palette.grey, true),
      ...(m.paired ? [diff("Paired", m.chosen, palette.blue, false)] : []),
    ],
    {
      width,
      height: (m.paired ? 190 : 150) + (narrow ? 14 : 0),
      marginTop: narrow ? 44 : 30,
      domain: [-m.extent, m.extent],
      xLabel: "Difference A − B with its 95% interval (pp) →",
      ariaLabel: "The difference between the scores with its 95% interval",
      zero: true,
      // The band of gaps this N detects less than 80% of the time.
      band: {
        from: -100 * m.chosen.mdd,
        to: 100 * m.chosen.mdd,
        note: `shaded: gaps under ±${mdd} pp${narrow ? "\n" : " "}are missed >20% of the time`,
        noteDy: narrow ? -36 : -22,
      },
    },
  );
  return [top, bottom];
}

/** The paired 2×2 table behind McNemar's test (paired designs only). */
function pairedTable(g: GapResult): Node | null {
  const c = g.counts;
  if (!c) return null;
  return html`<div><table class="l3-two-by-two"><caption>The paired table behind the test (of ${formatCount(g.n)} questions)</caption>
    <thead><tr><th></th><th scope="col">B right</th><th scope="col">B wrong</th></tr></thead>
    <tbody><tr><th scope="row">A right</th><td>${formatCount(c.aRight - c.onlyA)}</td><td data-readout="only-a" data-value=${c.onlyA}>${formatCount(c.onlyA)}</td></tr>
    <tr><th scope="row">A wrong</th><td data-readout="only-b" data-value=${c.onlyB}>${formatCount(c.onlyB)}</td><td>${formatCount(g.n - c.aRight - c.onlyB)}</td></tr></tbody></table>
    <p class="table-note">Only the ${formatCount(c.onlyA + c.onlyB)} questions where they disagree carry information about which is better; correlation ${g.correlation.toFixed(2)}.</p></div>`;
}

export function gapReadout(m: GapModel): Node {
  const g = m.chosen;
  const f2 = (x: number) => (100 * x).toFixed(2);
  return html`<div class="l3-readout">
    <p class="l3-verdict" data-readout="separated" data-value=${g.separated ? 1 : 0}><span class=${`verdict ${g.separated ? "l3-yes" : "l3-no"}`}><span aria-hidden="true">${g.separated ? "✓" : "≈"}</span> ${m.verdict.label}</span> ${m.verdict.text}</p>
    ${g.adjusted ? html`<p class="l3-adjusted" role="status">${g.adjusted}</p>` : null}
    <dl class="l3-stats">
      <div><dt>Difference A − B</dt><dd data-readout="diff" data-value=${f2(g.diff)}>${formatDiffPp(g.diff)}</dd></div>
      <div><dt>95% interval of the difference</dt><dd data-readout="interval" data-lower=${f2(g.lower)} data-upper=${f2(g.upper)} data-value=${f2(g.upper - g.lower)}>${formatDiffPp(g.lower, 2, false)} to ${formatDiffPp(g.upper)}</dd></div>
      <div><dt>${g.test}</dt><dd data-readout="p-value" data-value=${g.pValue}>${formatPValue(g.pValue)}</dd></div>
      <div><dt>SE of the difference ÷ SE of one score</dt><dd data-readout="se-ratio" data-value=${g.ratio}>${seRatioText(g)}</dd></div>
      <div><dt>Smallest gap this N detects (80% power)</dt><dd data-readout="mdd" data-value=${f2(g.mdd)}>${formatPp(g.mdd)}</dd></div>
    </dl>
    ${pairedTable(g)}
  </div>`;
}

export function gapNotice(m: GapModel): string {
  return m.paired
    ? "Pairing on the same questions cancels the questions both models get right or wrong: the more their results agree, the tighter the difference."
    : "The difference of two independent scores is noisier than either score: its standard error is about √2 ≈ 1.41 times one score's.";
}

export function gapSummary(m: GapModel): string {
  const g = m.chosen;
  return (
    `${designLabel[g.design]}: Model A ${m.scores.a.value.toFixed(1)}% and Model B ${m.scores.b.value.toFixed(1)}% on ${formatCount(g.n)} questions. ` +
    `Difference ${formatDiffPp(g.diff)}, 95% interval ${formatDiffPp(g.lower, 2, false)} to ${formatDiffPp(g.upper)}, ${g.test} ${formatPValue(g.pValue)}. ` +
    `Smallest gap detected 80% of the time at this N: ${formatPp(g.mdd)}. ${m.verdict.label}: ${m.verdict.text}`
  );
}

export function gapIsRealFigure() {
  return explorable<GapValues, GapModel>({
    id: "l3-gap",
    title: "Is the gap real? Two scores, their difference, and the noise around it",
    controls: {
      a: range({
        key: "a",
        label: "Model A's score (%)",
        min: 0,
        max: 100,
        step: 0.1,
        value: 85.8,
        numberBox: true,
      }),
      b: range({
        key: "b",
        label: "Model B's score (%)",
        min: 0,
        max: 100,
        step: 0.1,
        value: 85.0,
        numberBox: true,
      }),
      n: range({
        key: "n",
        label: "Questions in the benchmark (N)",
        min: 20,
        max: 100_000,
        log: true,
        value: 14042,
        numberBox: true,
        format: formatCount,
      }),
      design: choice({
        key: "design",
        label: "How the two scores relate",
        options: (Object.keys(designLabel) as GapDesign[]).map((d) => ({ value: d, label: designLabel[d] })),
        value: "independent" as GapDesign,
      }),
      correlation: range({
        key: "correlation",
        label: "Paired: correlation of per-question results",
        min: 0,
        max: 0.95,
        step: 0.05,
        value: 0.5,
        format: (x) => x.toFixed(2),
      }),
      disagree: range({
        key: "disagree",
        label: "Paired: questions they disagree on (%)",
        min: 0,
        max: 60,
        step: 0.5,
        value: 10,
        format: (x) => `${x.toFixed(1)}%`,
      }),
    },
    presets: [
      { label: "MMLU: 85.8 vs 85.0", values: { a: 85.8, b: 85.0, n: 14042, design: "independent" } },
      { label: "MMLU: 91.2 vs 89.4", values: { a: 91.2, b: 89.4, n: 14042, design: "independent" } },
      { label: "GSM8K: a 3-point gap", values: { a: 80, b: 77, n: 1319, design: "independent" } },
      {
        label: "…the same gap, paired (r = 0.5)",
        values: { a: 80, b: 77, n: 1319, design: "correlation", correlation: 0.5 },
      },
      { label: "HumanEval: 80 vs 70", values: { a: 80, b: 70, n: 164, design: "independent" } },
      {
        label: "…paired, 20% disagree",
        values: { a: 80, b: 70, n: 164, design: "discordant", disagree: 20 },
      },
    ],
    source:
      "Statistics: two-proportion z-test (independent), McNemar's exact test and the paired standard error (paired), power 80% at α = 0.05 for the smallest detectable gap. Benchmark sizes from data/benchmarks.csv.",
    derive: deriveGap,
    draw: keptDrawing(gapView),
    readout: gapReadout,
    notice: gapNotice,
    summary: gapSummary,
  });
}
