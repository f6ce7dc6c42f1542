// Going deeper, pass@k: one model's HumanEval runs (10 attempts at each of the 164 problems) turned
// into pass@k (at least one of k attempts passes), the naive plug-in estimate of it, and pass^k
// (all k attempts pass), each with its 95% interval over problems; below, how many problems the
// model solved in 0, 1, …, 10 of its attempts — the counts every curve is computed from.

import { html } from "htl";
import type { MeanEstimate } from "../stats/passAtK.js";
import { choice, range } from "../ui/controls.js";
import { explorable, type RenderContext } from "../ui/explorable.js";
import { formatCount, formatPercent, formatPp } from "../ui/format.js";
import { palette } from "../ui/palette.js";
import * as Plot from "../vendor/plot.js";
import { derivePassAtK, type ModelRuns, type PassAtKModel } from "./passAtKModel.js";

export * from "./passAtKModel.js";

type Series = { k: number; value: number; lower: number; upper: number; series: string };
const seriesOf = (m: PassAtKModel): Series[] =>
  m.curve.flatMap((p) => [
    { k: p.k, value: p.passAt.mean, lower: p.passAt.lower, upper: p.passAt.upper, series: "pass@k" },
    { k: p.k, value: p.naive, lower: p.naive, upper: p.naive, series: "naive" },
    { k: p.k, value: p.passHat.mean, lower: p.passHat.lower, upper: p.passHat.upper, series: "pass^k" },
  ]);
const colour: Record<string, string> = {
  "pass@k": palette.blue,
  naive: palette.grey,
  "pass^k": palette.vermillion,
};

function drawCurves(m: PassAtKModel, width: number): SVGSVGElement {
  const data = seriesOf(m);
  const ends = data.filter((d) => d.k === m.n);
  const svg = Plot.plot({
    width,
    height: Math.round(Math.min(380, Math.max(260, width * 0.45))),
    marginLeft: 48,
    marginRight: width < 560 ? 16 : 84,
    marginBottom: 40,
    style: { fontSize: "13px" },
    x: { domain: [1, m.n], label: "Attempts per problem, k →", ticks: m.n, labelOffset: 34 },
    y: {
      // From a round 10% below the lowest interval to 100%, so the curves' differences are visible.
      domain: [Math.max(0, Math.floor(10 * Math.min(...data.map((d) => d.lower))) / 10 - 0.1), 1],
      label: "↑ Share of HumanEval problems (%)",
      tickFormat: (d: number) => `${Math.round(100 * d)}`,
      grid: true,
    },
    marks: [
      Plot.areaY(
        data.filter((d) => d.series !== "naive"),
        {
          x: "k",
          y1: "lower",
          y2: "upper",
          fill: (d: Series) => colour[d.series],
          fillOpacity: 0.18,
          z: "series",
        },
      ),
      ...[false, true].map((naive) =>
        Plot.line(
          data.filter((d) => d.series.startsWith("naive") === naive),
          {
            x: "k",
            y: "value",
            z: "series",
            stroke: (d: Series) => colour[d.series],
            strokeWidth: naive ? 1.5 : 2.5,
            strokeDasharray: naive ? "5,4" : undefined,
          },
        ),
      ),
      Plot.ruleX([m.k], { stroke: "currentColor", strokeOpacity: 0.5 }),
      Plot.dot(
        data.filter((d) => d.k === m.k),
        { x: "k", y: "value", fill: (d: Series) => colour[d.series], r: 5, symbol: (d: Series) => d.series },
      ),
      ...(width < 560
        ? []
        : [
            ...[false, true].map((naive) =>
              Plot.text(
                ends.filter((d) => d.series.startsWith("naive") === naive),
                {
                  x: "k",
                  y: "value",
                  text: (d: Series) => d.series,
                  dx: 8,
                  dy: naive ? 12 : -4,
                  textAnchor: "start",
                  fill: (d: Series) => colour[d.series],
                  fontWeight: 600,
                },
              ),
            ),
          ]),
    ],
  }) as SVGSVGElement;
  svg.setAttribute("aria-label", `pass@k, the naive estimate and pass^k against k for ${m.model}`);
  return svg;
}

function drawCounts(m: PassAtKModel, width: number): SVGSVGElement {
  const svg = Plot.plot({
    width,
    height: 150,
    marginLeft: 48,
    marginBottom: 40,
    style: { fontSize: "12px" },
    x: { label: `Attempts (of ${m.n}) that passed, per problem →`, type: "band", labelOffset: 34 },
    y: { label: "↑ Problems", grid: true },
    marks: [
      Plot.barY(m.histogram, {
        x: "c",
        y: "problems",
        fill: (d: { c: number }) => (d.c === 0 || d.c === m.n ? palette.grey : palette.orange),
      }),
      Plot.text(m.histogram, { x: "c", y: "problems", text: "problems", dy: -6 }),
    ],
  }) as SVGSVGElement;
  svg.setAttribute("aria-label", `How many problems ${m.model} passed in 0 to ${m.n} of its attempts`);
  return svg;
}

export function drawPassAtK(m: PassAtKModel, { width }: RenderContext): Node {
  return html`<div>${drawCurves(m, width)}${drawCounts(m, width)}</div>`;
}

const range95 = (e: MeanEstimate) => `${formatPercent(e.lower)}–${formatPercent(e.upper)}`;

export function passAtKReadout(m: PassAtKModel): Node {
  const h = m.here;
  return html`<div>
    <div class="big-number" data-readout="pass-at-k" data-value=${h.passAt.mean}>${formatPercent(h.passAt.mean)}</div>
    <div class="big-caption">pass@${m.k} for ${m.model} (95% interval ${range95(h.passAt)})</div>
    <dl class="deeper-readout">
      <dt>pass@1</dt><dd data-readout="pass-at-1" data-value=${m.curve[0]!.passAt.mean}>${formatPercent(m.curve[0]!.passAt.mean)}</dd>
      <dt>naive 1−(1−c/n)^${m.k}</dt><dd data-readout="naive" data-value=${h.naive}>${formatPercent(h.naive)} (${formatPp(h.naive - h.passAt.mean, 1)})</dd>
      <dt>pass^${m.k} (all ${m.k} pass)</dt><dd data-readout="pass-hat-k" data-value=${h.passHat.mean}>${formatPercent(h.passHat.mean)} (${range95(h.passHat)})</dd>
      <dt>Solved in every attempt</dt><dd data-readout="always" data-value=${m.always}>${formatCount(m.always)} of ${m.problems}</dd>
      <dt>Solved in some, not all</dt><dd data-readout="sometimes" data-value=${m.sometimes}>${formatCount(m.sometimes)}</dd>
      <dt>Never solved</dt><dd data-readout="never" data-value=${m.never}>${formatCount(m.never)}</dd>
    </dl>
  </div>`;
}

export function passAtKNotice(m: PassAtKModel): string {
  const h = m.here;
  const p1 = m.curve[0]!.passAt.mean;
  if (m.k === 1)
    return `At k = 1 the three measures agree (${formatPercent(p1)}). Raise k: only the ${m.sometimes} problems ${m.model} solves sometimes can move any curve — the ${m.always} it always solves and the ${m.never} it never solves hold them in place.`;
  return `From k = 1 to ${m.k}, pass@k climbs ${formatPp(h.passAt.mean - p1, 1)} while pass^k falls ${formatPp(p1 - h.passHat.mean, 1)}: the same ${m.problems} problems and the same ${m.n} runs each, read as "any attempt" or as "every attempt". The naive estimate is ${formatPp(h.passAt.mean - h.naive, 1)} below pass@${m.k}.`;
}

export function passAtKSummary(m: PassAtKModel): string {
  const h = m.here;
  return (
    `${m.model} on HumanEval, ${m.n} runs per problem at temperature ${m.temperature}: pass@1 ${formatPercent(m.curve[0]!.passAt.mean)}; ` +
    `at k = ${m.k}, pass@k ${formatPercent(h.passAt.mean)} (95% interval ${range95(h.passAt)}), naive estimate ${formatPercent(h.naive)}, ` +
    `pass^k ${formatPercent(h.passHat.mean)} (${range95(h.passHat)}). ${m.always} problems passed every run, ${m.never} none, ${m.sometimes} some.`
  );
}

export function passAtKFigure(runs: readonly ModelRuns[]) {
  const first = runs[0];
  if (!first) throw new RangeError("passAtKFigure needs at least one model's runs");
  return explorable({
    id: "pass-at-k",
    title: "One model, 10 attempts per problem: pass@k rises, pass^k falls",
    controls: {
      model: choice({
        key: "model",
        label: "Model",
        options: runs.map((r) => ({ value: r.model, label: r.model })),
        value: first.model,
      }),
      k: range({
        key: "k",
        label: "Attempts counted, k",
        min: 1,
        max: first.n,
        step: 1,
        value: 5,
        format: (v) => `k = ${v}`,
      }),
    },
    presets: [
      { label: "k = 1: all three agree", values: { k: 1 } },
      { label: "k = 10, GPT-4", values: { k: 10, model: "gpt-4" } },
      { label: "k = 10, Code Llama", values: { k: 10, model: "codellama-34b-instruct" } },
    ],
    source:
      "Real runs: jamesmurdza/humaneval-results (10 runs per HumanEval problem at temperature 0.2, July–September 2023); data/humaneval_runs.csv.",
    derive: (v) => derivePassAtK(runs, v),
    draw: drawPassAtK,
    readout: passAtKReadout,
    notice: passAtKNotice,
    summary: passAtKSummary,
  });
}
