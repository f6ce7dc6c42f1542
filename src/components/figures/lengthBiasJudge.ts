// Going deeper, LLM judges — a SIMULATION: a toy judge with a length-bias knob. Each verified
// AlpacaEval 2 model keeps its real average answer length; its "quality" is taken to be its
// length-controlled win rate. The toy judge prefers the model's answer over the baseline's with
// probability σ(logit(quality) + bias·log2(length / baseline length)). At bias 0 the judged ranking
// is the quality ranking; turn the knob and watch long answers climb.

import { html } from "htl";
import { range } from "../ui/controls.js";
import { explorable, type RenderContext } from "../ui/explorable.js";
import { formatCount } from "../ui/format.js";
import { palette } from "../ui/palette.js";
import * as Plot from "../vendor/plot.js";
import { deriveLengthBias, type LengthBiasModel, type SimulatedRow } from "./lengthBiasModel.js";

export * from "./lengthBiasModel.js";

import type { JudgeRow } from "./judgeLength.js";

export function drawLengthBias(m: LengthBiasModel, { width }: RenderContext): Node {
  const svg = Plot.plot({
    width,
    height: Math.round(Math.min(400, Math.max(280, width * 0.5))),
    marginLeft: 52,
    marginBottom: 44,
    marginRight: 20,
    style: { fontSize: "13px" },
    x: {
      type: "log",
      label: "Average answer length (characters, log scale) →",
      grid: true,
      tickFormat: "~s",
      labelOffset: 36,
    },
    y: { domain: [0, 100], label: "↑ Win rate against the baseline (%)", grid: true },
    marks: [
      Plot.ruleX([m.baseLength], { stroke: palette.grey, strokeDasharray: "4,4" }),
      Plot.text([m.baseLength], {
        x: (d: number) => d,
        frameAnchor: "top",
        text: () => "baseline's length",
        dy: 8,
        dx: 4,
        textAnchor: "start",
        fill: palette.grey,
      }),
      Plot.arrow(m.rows, {
        x1: "avgLength",
        x2: "avgLength",
        y1: "quality",
        y2: "judged",
        stroke: (r: SimulatedRow) => (r.judged >= r.quality ? palette.blue : palette.vermillion),
        strokeWidth: 1.5,
        headLength: 6,
      }),
      Plot.dot(m.rows, { x: "avgLength", y: "quality", r: 3.5, stroke: "currentColor", fill: "none" }),
      Plot.dot(m.rows, {
        x: "avgLength",
        y: "judged",
        r: 4,
        fill: (r: SimulatedRow) => (r.judged >= r.quality ? palette.blue : palette.vermillion),
      }),
    ],
  }) as SVGSVGElement;
  svg.setAttribute(
    "aria-label",
    "Simulated judge: each model's quality (hollow) and the biased judge's win rate (filled) against answer length",
  );
  return svg;
}

export function lengthBiasReadout(m: LengthBiasModel): Node {
  return html`<div>
    <div class="big-number" data-readout="changed" data-value=${m.changed}>${m.changed} of ${m.rows.length}</div>
    <div class="big-caption">models the biased judge ranks differently from their quality (simulation)</div>
    <dl class="deeper-readout">
      <dt>Length bias</dt><dd>${m.bias.toFixed(2)} logits per doubling</dd>
      <dt>Rank correlation with quality</dt><dd data-readout="rho" data-value=${m.rho}>${m.rho.toFixed(3)}</dd>
      <dt>Climbs most</dt><dd data-readout="gainer" data-model=${m.gainer.model}>${m.gainer.model}: #${m.gainer.qualityRank} → #${m.gainer.judgedRank} (${formatCount(m.gainer.avgLength)} characters)</dd>
      <dt>Falls most</dt><dd data-readout="loser" data-model=${m.loser.model}>${m.loser.model}: #${m.loser.qualityRank} → #${m.loser.judgedRank} (${formatCount(m.loser.avgLength)} characters)</dd>
    </dl>
  </div>`;
}

export function lengthBiasNotice(m: LengthBiasModel): string {
  if (m.bias === 0)
    return "At zero bias the judge sees only quality: every arrow has zero length and the ranking is the quality ranking. Turn the knob.";
  return `Every model whose answers are longer than the baseline's ${formatCount(m.baseLength)} characters gains, every shorter one loses — though no answer got any better. ${m.changed} of ${m.rows.length} models change rank; ${m.gainer.model} climbs from #${m.gainer.qualityRank} to #${m.gainer.judgedRank}.`;
}

export function lengthBiasSummary(m: LengthBiasModel): string {
  return (
    `Simulation: a judge that adds ${m.bias.toFixed(2)} logits per doubling of answer length, applied to ${m.rows.length} verified AlpacaEval 2 models with their real lengths and their length-controlled win rates as quality. ` +
    `${m.changed} models change rank; rank correlation with quality ${m.rho.toFixed(3)}; ${m.gainer.model} gains most (#${m.gainer.qualityRank} → #${m.gainer.judgedRank}), ${m.loser.model} loses most (#${m.loser.qualityRank} → #${m.loser.judgedRank}).`
  );
}

export function lengthBiasFigure(rows: readonly JudgeRow[]) {
  return explorable({
    id: "length-bias-judge",
    title: "Simulation: a judge that likes long answers",
    controls: {
      bias: range({
        key: "bias",
        label: "Length bias (logits per doubling of length)",
        min: 0,
        max: 1.5,
        step: 0.05,
        value: 0.5,
        format: (v) => v.toFixed(2),
      }),
    },
    presets: [
      { label: "No bias", values: { bias: 0 } },
      { label: "Mild (0.25)", values: { bias: 0.25 } },
      { label: "Strong (1.0)", values: { bias: 1 } },
    ],
    source:
      "Simulation. Lengths and quality (length-controlled win rates) of the verified models: tatsu-lab/alpaca_eval's AlpacaEval 2 leaderboard CSV; the judge's rule is this site's toy model.",
    derive: (v) => deriveLengthBias(rows, v),
    draw: drawLengthBias,
    readout: lengthBiasReadout,
    notice: lengthBiasNotice,
    summary: lengthBiasSummary,
  });
}
