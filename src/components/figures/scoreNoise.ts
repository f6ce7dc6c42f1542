// Lesson 1, the first figure: a score is k right out of N, and N sets its noise. A model with a
// true accuracy p (its share of right answers over every question the benchmark could have asked)
// takes many tests of N questions each; every dot is one test's score k/N. One test is drawn
// question by question; the band is where 95% of the scores land, p ± 1.96·√(p(1−p)/N).

import { html } from "htl";
import { halfWidth } from "../stats/intervals.js";
import { binomialSampler, seededRandom } from "../stats/random.js";
import { range } from "../ui/controls.js";
import { explorable, type RenderContext } from "../ui/explorable.js";
import { formatCount, formatPercent, formatPlusMinus } from "../ui/format.js";
import { keptDrawing, setAttrs, setText } from "../ui/inPlace.js";
import { palette } from "../ui/palette.js";
import { scaleLinear } from "../vendor/plot.js";
import { drawLinearXAxis, f2, keptChildren } from "./parts/svgAxis.js";
import { type SvgPanel, sizePanel, svgPanel } from "./parts/svgPanel.js";

export interface ScoreNoiseValues {
  /** The model's true accuracy, 0–1. */
  p: number;
  /** Questions per test. */
  n: number;
  /** Which set of tests is drawn. */
  seed: number;
}

/** How many tests the figure draws. */
export const TESTS = 200;
/** Up to this many questions, the first test is drawn question by question. */
export const MAX_SQUARES = 400;

export interface ScoreNoiseModel {
  p: number;
  n: number;
  /** Right answers in each test; tests[0] is the one drawn question by question. */
  k: Int32Array;
  /** Outcome of each question of the first test (1 right, 0 wrong); empty when N > MAX_SQUARES. */
  first: Uint8Array;
  /** Half-width of the 95% band, as a proportion. */
  halfWidth: number;
  lower: number;
  upper: number;
  /** Tests whose score k/N lies inside the band. */
  inside: number;
  /** Lowest and highest score drawn. */
  min: number;
  max: number;
  /** Each test's score (%) and a vertical position in [0, 1), so coinciding scores do not hide each other. */
  dots: { score: number; y: number }[];
  /** The strip's axis (%): the same width for every N at this p, so the cloud visibly closes as N grows. */
  domain: [number, number];
}

/** The figure's model: TESTS tests of N questions from a model with accuracy p (pure, deterministic for a seed). */
export function deriveScoreNoise({ p, n, seed }: ScoreNoiseValues, tests = TESTS): ScoreNoiseModel {
  if (!(n >= 1 && Number.isInteger(n))) throw new RangeError(`N must be a whole number ≥ 1, got ${n}.`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must lie in [0, 1], got ${p}.`);
  const rng = seededRandom(seed);
  const binomial = binomialSampler(rng);
  const k = new Int32Array(tests);
  const first = new Uint8Array(n <= MAX_SQUARES ? n : 0);
  if (first.length) {
    let right = 0;
    for (let i = 0; i < n; i++) {
      first[i] = rng() < p ? 1 : 0;
      right += first[i]!;
    }
    k[0] = right;
  } else k[0] = binomial(n, p);
  for (let t = 1; t < tests; t++) k[t] = binomial(n, p);
  const dots = Array.from(k, (right) => ({ score: (100 * right) / n, y: rng() }));
  const hw = halfWidth(p, n);
  let inside = 0;
  let min = 1;
  let max = 0;
  for (let t = 0; t < tests; t++) {
    const s = k[t]! / n;
    // A hair of tolerance: a score exactly on the band's edge counts as inside.
    if (Math.abs(s - p) <= hw + 1e-12) inside++;
    min = Math.min(min, s);
    max = Math.max(max, s);
  }
  // The axis spans 4.2 standard errors of a 20-question test either side of p (at least ±6 points).
  const span = Math.max(0.06, 4.2 * Math.sqrt((p * (1 - p)) / 20));
  const domain: [number, number] = [100 * Math.max(0, p - span), 100 * Math.min(1, p + span)];
  return { p, n, k, first, halfWidth: hw, lower: p - hw, upper: p + hw, inside, min, max, dots, domain };
}

/** The first test question by question, wrapped to the width: a square each, filled when right. */
function drawQuestions(p: SvgPanel<"cells">, m: ScoreNoiseModel, width: number) {
  const cols = Math.max(10, Math.min(m.n, Math.floor((width - 20) / 13)));
  const rows = Math.ceil(m.n / cols);
  const size = Math.min(12, Math.floor((width - 20) / cols) - 1);
  const height = 8 + rows * (size + 2);
  sizePanel(
    p.root,
    width,
    height,
    10,
    "One test drawn question by question: filled squares are right answers",
  );
  // Columns and rows as Plot's point positions on [−0.5, cols − 0.5] and [−0.5, rows − 0.5]; a
  // square of the area Plot gives a symbol of radius size / 2.2.
  const x = (col: number) => 10 + ((col + 0.5) * (width - 20)) / cols;
  const y = (row: number) => 4 + ((row + 0.5) * (height - 8)) / rows;
  const side = f2((size / 2.2) * Math.sqrt(Math.PI));
  keptChildren<SVGRectElement>(p.parts.cells, "rect", m.first.length).forEach((cell, i) => {
    const right = m.first[i] === 1;
    setAttrs(cell, {
      x: f2(x(i % cols) - side / 2),
      y: f2(y(Math.floor(i / cols)) - side / 2),
      width: side,
      height: side,
      fill: right ? palette.blue : "none",
      stroke: right ? palette.blue : palette.grey,
    });
  });
}

const STRIP = { top: 10, bottom: 42, side: 20, height: 170 };
/** Plot's square symbol at r = 6, centred on 0,0. */
const SQUARE = "M-5.32,-5.32h10.63v10.63h-10.63Z";

/** Every test's score as a dot, the true accuracy as a line, the 95% band behind them. */
function drawTests(p: SvgPanel<StripPart>, m: ScoreNoiseModel, width: number) {
  const { top, side, height } = STRIP;
  const bottom = height - STRIP.bottom;
  sizePanel(
    p.root,
    width,
    height,
    13,
    "Scores of 200 tests of N questions each, with the band holding 95% of them",
  );
  const x = scaleLinear()
    .domain(m.domain)
    .range([side, width - side]);
  const y = (v: number) => bottom - ((v + 0.15) / 1.3) * (bottom - top);
  drawLinearXAxis(p.parts.x, x, { label: "Score of each test, k/N (%) →", width, y0: top, y1: bottom });
  const [band] = keptChildren<SVGRectElement>(p.parts.band, "rect", 1);
  const [from, to] = [x(100 * m.lower), x(100 * m.upper)];
  setAttrs(band!, { x: f2(from), width: f2(to - from), y: top, height: bottom - top });
  const [rule] = keptChildren<SVGLineElement>(p.parts.truth, "line", 1);
  setAttrs(rule!, { x1: f2(x(100 * m.p)), x2: f2(x(100 * m.p)), y1: top, y2: bottom });
  keptChildren<SVGCircleElement>(p.parts.dots, "circle", m.dots.length - 1).forEach((dot, i) => {
    const d = m.dots[i + 1]!;
    setAttrs(dot, { cx: f2(x(d.score)), cy: f2(y(d.y)), r: 3.5 });
  });
  const [first] = keptChildren<SVGPathElement>(p.parts.first, "path", 1);
  setAttrs(first!, { d: SQUARE, transform: `translate(${f2(x(m.dots[0]!.score))},${f2(y(m.dots[0]!.y))})` });
}

type StripPart = "x" | "band" | "truth" | "dots" | "first";

/**
 * The first test question by question (up to MAX_SQUARES questions) over the strip of every test's
 * score, with a caption each; plain SVG kept across redraws, so a slider moves the squares and dots
 * in place (two new Plot charts of 400 squares and 200 dots took ≈ 5 ms to build).
 */
export function scoreNoiseView() {
  const grid = svgPanel<"cells">("score-noise-questions", { cells: { "stroke-width": 1.5 } });
  const strip = svgPanel<StripPart>("score-noise-tests", {
    x: {},
    band: { fill: palette.sky, "fill-opacity": 0.25 },
    truth: { stroke: "currentColor", "stroke-width": 2 },
    dots: { fill: palette.blue, "fill-opacity": 0.45 },
    first: { fill: palette.vermillion, stroke: "white" },
  });
  const gridCaption = html`<p class="l1-noise-caption"></p>` as HTMLElement;
  const stripCaption = html`<p class="l1-noise-caption"></p>` as HTMLElement;
  const questions = html`<div>${gridCaption}${grid.root}</div>` as HTMLElement;
  const node: HTMLElement = html`<div>${questions}${stripCaption}${strip.root}</div>`;
  return (m: ScoreNoiseModel, { width }: RenderContext): Node => {
    const k = formatCount(m.k[0]!);
    const shown = m.first.length > 0;
    questions.hidden = !shown;
    if (shown) {
      setText(
        gridCaption,
        `One test, question by question: ${k} right (filled) out of ${formatCount(m.n)} → ${formatPercent(m.k[0]! / m.n)}, the orange square below.`,
      );
      drawQuestions(grid, m, width);
    }
    setText(
      stripCaption,
      `${formatCount(m.k.length)} tests, one dot each${shown ? "" : ` (orange: the first, ${k} of ${formatCount(m.n)} right)`}. Line: the true accuracy, ${formatPercent(m.p, 0)}. Band: where 95% of tests land, ${formatPlusMinus(m.halfWidth, 1)}.`,
    );
    drawTests(strip, m, width);
    return node;
  };
}

export function scoreNoiseReadout(m: ScoreNoiseModel): Node {
  return html`<div>
    <div class="big-number"><span data-readout="half-width" data-value=${100 * m.halfWidth}>${formatPlusMinus(m.halfWidth, 1)}</span></div>
    <div class="big-caption">95% of tests of ${formatCount(m.n)} questions land this close to ${formatPercent(m.p, 0)}</div>
    <p>The orange test: <span data-readout="k" data-value=${m.k[0]}>${formatCount(m.k[0]!)}</span> right out of ${formatCount(m.n)}. Of ${m.k.length} tests, <span data-readout="inside" data-value=${m.inside}>${m.inside}</span> land inside the band; scores run from <span data-readout="min" data-value=${100 * m.min}>${formatPercent(m.min)}</span> to <span data-readout="max" data-value=${100 * m.max}>${formatPercent(m.max)}</span>.</p>
  </div>`;
}

/** "What to notice", from the current state. */
export function scoreNoiseNotice(m: ScoreNoiseModel): string {
  const hw = formatPlusMinus(m.halfWidth, 1);
  return m.n < 1000
    ? `With only ${formatCount(m.n)} questions, one test can land anywhere from ${formatPercent(m.min)} to ${formatPercent(m.max)} for the same model: a single score carries ${hw} of luck. Drag N up and watch the cloud close.`
    : `With ${formatCount(m.n)} questions the tests agree to within ${hw}: a large N is what makes a score worth reading to one decimal. Drag N down to a benchmark of a few hundred questions.`;
}

export function scoreNoiseSummary(m: ScoreNoiseModel): string {
  return (
    `A model with true accuracy ${formatPercent(m.p, 0)} takes ${m.k.length} tests of ${formatCount(m.n)} questions. ` +
    `The first test scores ${formatCount(m.k[0]!)} of ${formatCount(m.n)} (${formatPercent(m.k[0]! / m.n)}). ` +
    `Scores range from ${formatPercent(m.min)} to ${formatPercent(m.max)}; ${m.inside} of ${m.k.length} lie within ${formatPlusMinus(m.halfWidth, 1)} of the true accuracy.`
  );
}

export function scoreNoiseFigure() {
  return explorable({
    id: "l1-score-noise",
    title: "A score is k right out of N: the same model, 200 tests of N questions each",
    controls: {
      n: range({
        key: "n",
        label: "Questions in the test (N)",
        min: 20,
        max: 20_000,
        log: true,
        value: 164,
        numberBox: true,
        format: formatCount,
      }),
      p: range({
        key: "p",
        label: "The model's true accuracy",
        min: 0.3,
        max: 0.95,
        step: 0.01,
        value: 0.85,
        format: (x) => formatPercent(x, 0),
      }),
      seed: range({ key: "seed", label: "Draw the tests again (seed)", min: 1, max: 50, step: 1, value: 1 }),
    },
    presets: [
      { label: "HumanEval: N = 164", values: { n: 164 } },
      { label: "GSM8K: N = 1,319", values: { n: 1319 } },
      { label: "MMLU: N = 14,042", values: { n: 14042 } },
    ],
    source:
      "Simulation (seeded): each question is answered right with probability equal to the true accuracy, independently. The band is p ± 1.96·√(p(1−p)/N), the normal approximation the site's statistics core uses.",
    derive: (v) => deriveScoreNoise(v),
    draw: keptDrawing(scoreNoiseView),
    readout: scoreNoiseReadout,
    notice: scoreNoiseNotice,
    summary: scoreNoiseSummary,
  });
}
