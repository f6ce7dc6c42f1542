// Lesson 3: "Is the gap real?" — two scores on a benchmark of N questions, compared as
// independent samples or paired on the same questions; the interval of the difference,
// the p-value, the smallest gap this N can detect, and a verdict in words.

import type { GapState } from "../compare/lessonNumbers.js";
import { type GapDesign, type GapResult, gapAnalysis, gapVerdict, seRatioText } from "../stats/gap.js";
import { scoreInterval } from "../stats/index.js";
import { choice, range } from "../ui/controls.js";
import { explorable } from "../ui/explorable.js";
import { formatCount, formatPValue } from "../ui/format.js";
import { palette } from "../ui/palette.js";
import * as Plot from "../vendor/plot.js";

/** The figure's inputs: the same state the lesson's gap sentence reads (compare/lessonNumbers.ts). */
export type GapValues = GapState & Record<string, unknown>;

/** The analysis the figure shows for its inputs (scores in %, disagreement in %). */
export function gapFor(v: GapValues): { chosen: GapResult; independent: GapResult } {
  const base = { a: v.a / 100, b: v.b / 100, n: v.n };
  const independent = gapAnalysis({ ...base, design: "independent" });
  const chosen =
    v.design === "independent"
      ? independent
      : gapAnalysis({ ...base, design: v.design, correlation: v.correlation, disagree: v.disagree / 100 });
  return { chosen, independent };
}

const designLabel: Record<GapDesign, string> = {
  independent: "Independent scores",
  correlation: "Paired: correlation",
  discordant: "Paired: disagreements",
};

const f2 = (x: number) => (100 * x).toFixed(2);

function readoutNode(html: string): HTMLElement {
  const div = document.createElement("div");
  div.className = "l3-readout";
  div.innerHTML = html;
  return div;
}

export function gapIsRealFigure() {
  return explorable<GapValues>({
    id: "l3-gap",
    title: "Is the gap real? Two scores, their difference, and the noise around it",
    notice: (v) =>
      v.design === "independent"
        ? "The difference of two independent scores is noisier than either score: its standard error is about √2 ≈ 1.41 times one score's."
        : "Pairing on the same questions cancels the questions both models get right or wrong: the more their results agree, the tighter the difference.",
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
    render(v, { width }) {
      const { chosen: g, independent: ind } = gapFor(v);
      const paired = g.design !== "independent";
      const ciA = scoreInterval(g.kA / g.n, g.n);
      const ciB = scoreInterval(g.kB / g.n, g.n);
      const scores = [
        {
          who: "Model A",
          p: (100 * g.kA) / g.n,
          lo: 100 * ciA.lower,
          hi: 100 * ciA.upper,
          symbol: "circle",
          color: palette.blue,
        },
        {
          who: "Model B",
          p: (100 * g.kB) / g.n,
          lo: 100 * ciB.lower,
          hi: 100 * ciB.upper,
          symbol: "square",
          color: palette.orange,
        },
      ];
      const lo = Math.min(...scores.map((s) => s.lo));
      const hi = Math.max(...scores.map((s) => s.hi));
      const pad = Math.max(0.5, (hi - lo) * 0.25);
      const top = Plot.plot({
        width,
        height: 160,
        marginLeft: 100,
        marginRight: 20,
        marginBottom: 44,
        style: { fontSize: "13px" },
        x: {
          domain: [Math.max(0, lo - pad), Math.min(100, hi + pad)],
          label: "Score with its 95% interval (%) →",
          grid: true,
          labelOffset: 38,
        },
        y: { domain: ["Model A", "Model B"], label: null },
        marks: [
          Plot.link(scores, { x1: "lo", x2: "hi", y1: "who", y2: "who", stroke: "color", strokeWidth: 3 }),
          Plot.dot(scores, {
            x: "p",
            y: "who",
            fill: "color",
            symbol: "symbol",
            r: 6,
            stroke: "var(--theme-background, white)",
          }),
          Plot.text(scores, {
            x: "p",
            y: "who",
            text: (d: (typeof scores)[number]) =>
              `${d.p.toFixed(1)}% (${d.lo.toFixed(1)}–${d.hi.toFixed(1)})`,
            dy: -13,
            fontSize: 12,
          }),
        ],
      });
      top.setAttribute("aria-label", "The two scores with their 95% intervals");

      const rows = [
        {
          design: "Independent",
          diff: 100 * ind.diff,
          lo: 100 * ind.lower,
          hi: 100 * ind.upper,
          dash: "6,4",
          color: palette.grey,
        },
        ...(paired
          ? [
              {
                design: "Paired",
                diff: 100 * g.diff,
                lo: 100 * g.lower,
                hi: 100 * g.upper,
                dash: null,
                color: palette.blue,
              },
            ]
          : []),
      ];
      const extent = Math.max(Math.abs(ind.lower), Math.abs(ind.upper), g.mdd, ind.mdd) * 100 * 1.25;
      // On a phone the note over the shaded band takes two lines, with room made above.
      const narrow = width < 600;
      const bottom = Plot.plot({
        width,
        height: (paired ? 190 : 150) + (narrow ? 14 : 0),
        marginLeft: 100,
        marginRight: 20,
        marginTop: narrow ? 44 : 30,
        marginBottom: 44,
        style: { fontSize: "13px" },
        x: {
          domain: [-extent, extent],
          label: "Difference A − B with its 95% interval (pp) →",
          grid: true,
          labelOffset: 38,
        },
        y: { domain: rows.map((r) => r.design), label: null },
        marks: [
          // The band of gaps this N detects less than 80% of the time.
          Plot.rectX([{ x1: -100 * g.mdd, x2: 100 * g.mdd }], {
            x1: "x1",
            x2: "x2",
            fill: palette.grey,
            fillOpacity: 0.15,
          }),
          Plot.ruleX([0], { stroke: "currentColor", strokeWidth: 1.5 }),
          Plot.link(
            rows.filter((r) => r.dash),
            {
              x1: "lo",
              x2: "hi",
              y1: "design",
              y2: "design",
              stroke: "color",
              strokeWidth: 4,
              strokeDasharray: "6,4",
            },
          ),
          Plot.link(
            rows.filter((r) => !r.dash),
            { x1: "lo", x2: "hi", y1: "design", y2: "design", stroke: "color", strokeWidth: 4 },
          ),
          Plot.dot(rows, { x: "diff", y: "design", fill: "color", r: 6, symbol: "diamond" }),
          Plot.text(rows, {
            x: "diff",
            y: "design",
            text: (d: (typeof rows)[number]) =>
              `${d.diff.toFixed(2)} (${d.lo.toFixed(2)} to ${d.hi.toFixed(2)})`,
            dy: -14,
            fontSize: 12,
          }),
          Plot.text([{ x: 0 }], {
            x: "x",
            frameAnchor: "top",
            text: () =>
              `shaded: gaps under ±${(100 * g.mdd).toFixed(1)} pp${narrow ? "\n" : " "}are missed >20% of the time`,
            dy: narrow ? -36 : -22,
            fontSize: 11,
            fill: "currentColor",
          }),
        ],
      });
      bottom.setAttribute("aria-label", "The difference between the scores with its 95% interval");

      const figure = document.createElement("div");
      figure.append(top, bottom);

      const verdict = gapVerdict(g);
      const table = g.counts
        ? `<table class="l3-two-by-two"><caption>The paired table behind the test (of ${formatCount(g.n)} questions)</caption>
            <thead><tr><th></th><th scope="col">B right</th><th scope="col">B wrong</th></tr></thead>
            <tbody><tr><th scope="row">A right</th><td>${formatCount(g.counts.aRight - g.counts.onlyA)}</td><td data-readout="only-a" data-value="${g.counts.onlyA}">${formatCount(g.counts.onlyA)}</td></tr>
            <tr><th scope="row">A wrong</th><td data-readout="only-b" data-value="${g.counts.onlyB}">${formatCount(g.counts.onlyB)}</td><td>${formatCount(g.n - g.counts.aRight - g.counts.onlyB)}</td></tr></tbody></table>
            <p class="table-note">Only the ${formatCount(g.counts.onlyA + g.counts.onlyB)} questions where they disagree carry information about which is better; correlation ${g.correlation.toFixed(2)}.</p>`
        : "";
      const readout = readoutNode(`
        <p class="l3-verdict" data-readout="separated" data-value="${g.separated ? 1 : 0}"><span class="verdict ${g.separated ? "l3-yes" : "l3-no"}"><span aria-hidden="true">${g.separated ? "✓" : "≈"}</span> ${verdict.label}</span> ${verdict.text}</p>
        ${g.adjusted ? `<p class="l3-adjusted" role="status">${g.adjusted}</p>` : ""}
        <dl class="l3-stats">
          <div><dt>Difference A − B</dt><dd data-readout="diff" data-value="${f2(g.diff)}">${f2(g.diff)} pp</dd></div>
          <div><dt>95% interval of the difference</dt><dd data-readout="interval" data-lower="${f2(g.lower)}" data-upper="${f2(g.upper)}" data-value="${f2(g.upper - g.lower)}">${f2(g.lower)} to ${f2(g.upper)} pp</dd></div>
          <div><dt>${g.test}</dt><dd data-readout="p-value" data-value="${g.pValue}">${formatPValue(g.pValue)}</dd></div>
          <div><dt>SE of the difference ÷ SE of one score</dt><dd data-readout="se-ratio" data-value="${g.ratio}">${seRatioText(g)}</dd></div>
          <div><dt>Smallest gap this N detects (80% power)</dt><dd data-readout="mdd" data-value="${f2(g.mdd)}">${f2(g.mdd)} pp</dd></div>
        </dl>
        ${table}`);
      const summary =
        `${designLabel[g.design]}: Model A ${((100 * g.kA) / g.n).toFixed(1)}% and Model B ${((100 * g.kB) / g.n).toFixed(1)}% on ${formatCount(g.n)} questions. ` +
        `Difference ${f2(g.diff)} pp, 95% interval ${f2(g.lower)} to ${f2(g.upper)} pp, ${g.test} ${formatPValue(g.pValue)}. ` +
        `Smallest gap detected 80% of the time at this N: ${f2(g.mdd)} pp. ${verdict.label}: ${verdict.text}`;
      return { figure, summary, readout };
    },
  });
}
