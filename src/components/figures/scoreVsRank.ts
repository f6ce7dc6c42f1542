// Lesson 1, figure 4: a rank says "higher"; a score with its interval says "by how much, and how
// sure". Two scores on N questions each, their 95% intervals, the interval of the gap and the
// two-proportion test's verdict.

import { proportionInterval, twoProportionTest } from "../stats/index.js";
import { range } from "../ui/controls.js";
import { explorable } from "../ui/explorable.js";
import { formatCount, formatPValue } from "../ui/format.js";
import { palette } from "../ui/palette.js";
import * as Plot from "../vendor/plot.js";
import { el, readoutSpan, signedPp } from "./lesson1Dom.js";

export interface ScoreVsRankInputs {
  /** Scores in percent (e.g. 88). */
  a: number;
  b: number;
  n: number;
}

/** Both intervals, the test of the gap and the verdict (pure). Scores are rounded to whole questions. */
export function scoreVsRankData({ a, b, n }: ScoreVsRankInputs, confidence = 0.95) {
  const ka = Math.round((a / 100) * n);
  const kb = Math.round((b / 100) * n);
  const ia = proportionInterval(ka, n, { confidence, method: "wilson" });
  const ib = proportionInterval(kb, n, { confidence, method: "wilson" });
  const test = twoProportionTest({ k: ka, n }, { k: kb, n }, { confidence });
  const distinguishable = test.pValue < 1 - confidence;
  const overlap = ia.lower <= ib.upper && ib.lower <= ia.upper;
  /** Half-width of the gap's interval: the smallest gap this N can tell from noise at these scores. */
  const noise = (test.upper - test.lower) / 2;
  return { ka, kb, ia, ib, test, distinguishable, overlap, noise };
}

export function scoreVsRankFigure() {
  return explorable({
    id: "l1-score-vs-rank",
    title: "Score vs rank: is model A's lead larger than the noise of an N-question test?",
    notice: (v) => {
      const d = scoreVsRankData(v);
      return d.distinguishable && d.overlap
        ? "The two intervals overlap, yet the test says the gap is real: overlapping intervals are not a test. Judge the interval of the difference."
        : d.distinguishable
          ? "At this N the gap is larger than sampling noise — which says nothing yet about whether both scores came from the same five choices."
          : "A leaderboard would still print A above B. The data cannot tell them apart.";
    },
    controls: {
      a: range({
        key: "a",
        label: "Model A's score (%)",
        min: 50,
        max: 99.9,
        step: 0.1,
        value: 88,
        format: (x) => `${x.toFixed(1)}%`,
      }),
      b: range({
        key: "b",
        label: "Model B's score (%)",
        min: 50,
        max: 99.9,
        step: 0.1,
        value: 85,
        format: (x) => `${x.toFixed(1)}%`,
      }),
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
    render(v, { width }) {
      const d = scoreVsRankData(v);
      const rows = [
        {
          label: "Model A",
          est: 100 * d.ia.estimate,
          lo: 100 * d.ia.lower,
          hi: 100 * d.ia.upper,
          colour: palette.blue,
          symbol: "circle",
        },
        {
          label: "Model B",
          est: 100 * d.ib.estimate,
          lo: 100 * d.ib.lower,
          hi: 100 * d.ib.upper,
          colour: palette.orange,
          symbol: "square",
        },
      ];
      const lo = Math.max(0, Math.floor(Math.min(...rows.map((r) => r.lo)) - 2));
      const hi = Math.min(100, Math.ceil(Math.max(...rows.map((r) => r.hi)) + 2));
      type Row = (typeof rows)[number];
      const scores = Plot.plot({
        width,
        height: 160,
        marginLeft: 80,
        marginBottom: 42,
        marginRight: 40,
        style: { fontSize: "13px" },
        x: { domain: [lo, hi], label: "Score with 95% interval (%) →", grid: true },
        y: { domain: rows.map((r) => r.label), label: null },
        marks: [
          Plot.ruleY(rows, { x1: "lo", x2: "hi", y: "label", stroke: (r: Row) => r.colour, strokeWidth: 6 }),
          Plot.dot(rows, { x: "est", y: "label", r: 7, symbol: (r: Row) => r.symbol, fill: "currentColor" }),
          Plot.text(rows, {
            x: "est",
            y: "label",
            dy: -14,
            text: (r: Row) => `${r.est.toFixed(1)}%  [${r.lo.toFixed(1)}, ${r.hi.toFixed(1)}]`,
            fontWeight: 600,
          }),
        ],
      });
      scores.setAttribute("aria-label", "The two scores with their 95% intervals");
      const dl = 100 * d.test.lower;
      const du = 100 * d.test.upper;
      const dd = 100 * d.test.diff;
      const span = Math.max(Math.abs(dl), Math.abs(du), 1) * 1.25;
      const gap = Plot.plot({
        width,
        height: 140,
        marginLeft: 80,
        marginTop: 34,
        marginBottom: 42,
        marginRight: 40,
        style: { fontSize: "13px" },
        x: { domain: [-span, span], label: "A − B with 95% interval (pp) →", grid: true },
        y: { domain: ["A − B"], label: null },
        marks: [
          Plot.ruleX([0], { stroke: palette.vermillion, strokeWidth: 2, strokeDasharray: "5,3" }),
          Plot.text([0], {
            x: (d: number) => d,
            y: () => "A − B",
            dy: -24,
            text: () => "no difference",
            fill: palette.vermillion,
            fontSize: 12,
          }),
          Plot.ruleY([{ lo: dl, hi: du }], {
            x1: "lo",
            x2: "hi",
            y: () => "A − B",
            stroke: palette.green,
            strokeWidth: 6,
          }),
          Plot.dot([dd], {
            x: (x: number) => x,
            y: () => "A − B",
            r: 6,
            symbol: "diamond",
            fill: "currentColor",
          }),
          Plot.text([dd], {
            x: (x: number) => x,
            y: () => "A − B",
            dy: 18,
            text: () => `${signedPp(d.test.diff)}  [${dl.toFixed(1)}, ${du.toFixed(1)}]`,
            fontWeight: 600,
          }),
        ],
      });
      gap.setAttribute("aria-label", "The difference between the scores with its 95% interval");
      const figure = el("div", {}, scores, gap);
      const verdictText = d.distinguishable ? "Distinguishable from noise" : "Not distinguishable from noise";
      const readout = el(
        "div",
        {},
        el(
          "p",
          {},
          el(
            "span",
            {
              class: `verdict ${d.distinguishable ? "l1-yes" : "l1-no"}`,
              "data-readout": "verdict",
              "data-value": d.distinguishable ? "1" : "0",
            },
            (d.distinguishable ? "✓ " : "≈ ") + verdictText,
          ),
        ),
        el(
          "p",
          {},
          "Gap ",
          readoutSpan("diff", dd, signedPp(d.test.diff)),
          ", 95% interval ",
          readoutSpan("diff-lower", dl, `${dl.toFixed(2)}`),
          " to ",
          readoutSpan("diff-upper", du, `${du.toFixed(2)} pp`),
          "; z = ",
          readoutSpan("z", d.test.z, d.test.z.toFixed(2)),
          ", ",
          readoutSpan("p", d.test.pValue, formatPValue(d.test.pValue)),
          ".",
        ),
        el(
          "p",
          { class: "table-note" },
          `The rank says only "A above B". With ${formatCount(v.n)} questions each, a gap needs to exceed about `,
          readoutSpan("noise", 100 * d.noise, `${(100 * d.noise).toFixed(1)} pp`),
          " to stand out from sampling noise at these scores.",
        ),
      );
      const summary =
        `Model A ${rows[0]!.est.toFixed(1)}% (95% interval ${rows[0]!.lo.toFixed(1)}–${rows[0]!.hi.toFixed(1)}%), model B ${rows[1]!.est.toFixed(1)}% (${rows[1]!.lo.toFixed(1)}–${rows[1]!.hi.toFixed(1)}%), ${formatCount(v.n)} questions each. ` +
        `Gap ${signedPp(d.test.diff)} with 95% interval ${dl.toFixed(2)} to ${du.toFixed(2)} pp, ${formatPValue(d.test.pValue)}: ${verdictText.toLowerCase()}.`;
      return { figure, summary, readout };
    },
  });
}
