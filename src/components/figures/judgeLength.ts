// Going deeper, LLM judges: AlpacaEval 2's leaderboard, where GPT-4 Turbo judges every model's
// answers against its own. Each model's raw win rate against its length-controlled win rate, with
// the diagonal where the two agree; above it, length control lifted the model; below, it took
// away what long answers had won. The chosen model's ranks under both are read out.

import { html, svg } from "htl";
import { choice } from "../ui/controls.js";
import { explorable, type RenderContext } from "../ui/explorable.js";
import { formatCount } from "../ui/format.js";
import { keptDrawing, setAttrs, setText } from "../ui/inPlace.js";
import { palette } from "../ui/palette.js";
import { type PlotFrame, sharePlotStyles } from "../ui/plotStyles.js";
import * as Plot from "../vendor/plot.js";
import {
  deriveJudgeLength,
  type JudgeLengthModel,
  type JudgeLengthValues,
  type JudgeRow,
  type JudgeView,
} from "./judgeLengthModel.js";
import { f2 } from "./parts/svgAxis.js";

export * from "./judgeLengthModel.js";

const pct = (x: number) => `${x.toFixed(1)}%`;
const rankText = (r: number) => (Number.isInteger(r) ? `#${r}` : `#${Math.floor(r)}–${Math.ceil(r)} (tied)`);

/** Both axes from 0 to the next 10 above the highest win rate shown, so a narrow board fills the square. */
const axisTop = (m: JudgeLengthModel) =>
  Math.min(100, 10 * Math.ceil(Math.max(...m.rows.flatMap((r) => [r.winRate, r.lcWinRate])) / 10 + 0.05));

type Frame = PlotFrame<HTMLElement | SVGSVGElement>;

/** The board drawn by Plot (axes, diagonal, every model's dot, the length legend): once per width and view. */
function judgeFrame(m: JudgeLengthModel, width: number): Frame {
  const top = axisTop(m);
  const node = Plot.plot({
    width,
    height: Math.round(Math.min(460, Math.max(300, width * 0.6))),
    marginLeft: 52,
    marginBottom: 44,
    marginRight: 20,
    style: { fontSize: "13px" },
    x: { domain: [0, top], label: "Raw win rate against GPT-4 Turbo (%) →", grid: true, labelOffset: 36 },
    y: { domain: [0, top], label: "↑ Length-controlled win rate (%)", grid: true },
    color: {
      type: "log",
      scheme: "viridis",
      label: "Average answer length (characters)",
      legend: true,
      tickFormat: "~s",
      // Room for the ramp's first tick label, which was cut at the left edge (a legend option Plot
      // reads from the scale; its types leave it out).
      ...({ marginLeft: 12 } as object),
    },
    marks: [
      Plot.link([{ x: 0, y: 0 }], {
        x1: 0,
        y1: 0,
        // The diagonal ends at the frame's corner (to 100% it ran out of the frame).
        x2: top,
        y2: top,
        stroke: palette.grey,
        strokeDasharray: "4,4",
      }),
      Plot.dot(m.rows, { x: "winRate", y: "lcWinRate", fill: "avgLength", r: 4, fillOpacity: 0.85 }),
    ],
  }) as Frame;
  node.setAttribute(
    "aria-label",
    "AlpacaEval 2: raw against length-controlled win rate, coloured by average answer length",
  );
  return node;
}

/**
 * The followed model and the biggest riser and faller, ringed, and the followed model's name: moved
 * in place over the frame's scales. Only the followed model is named on the drawing (the biggest
 * movers are named in the notice).
 */
function judgeMarks() {
  const g = svg`<g class="judge-followed" fill="none" stroke="currentColor" stroke-width="2">
    <circle r="8"></circle><circle r="8"></circle><circle r="8"></circle>
    <text fill="currentColor" stroke="var(--theme-background, white)" stroke-width="3" paint-order="stroke" font-weight="600" dy="0.32em"></text>
  </g>` as SVGGElement;
  const rings = [...g.querySelectorAll("circle")];
  const label = g.querySelector("text")!;
  return {
    g,
    update(m: JudgeLengthModel, frame: Frame) {
      const [x, y] = [frame.scale("x"), frame.scale("y")];
      const named = [m.chosen, m.riser, m.faller].filter((r, i, a) => a.indexOf(r) === i);
      rings.forEach((ring, i) => {
        const r = named[i];
        setAttrs(
          ring,
          r
            ? { cx: f2(x.apply(r.winRate)), cy: f2(y.apply(r.lcWinRate)), display: null }
            : { display: "none" },
        );
      });
      const right = m.chosen.winRate > 0.6 * axisTop(m);
      setAttrs(label, {
        x: f2(x.apply(m.chosen.winRate)),
        y: f2(y.apply(m.chosen.lcWinRate) - 14),
        "text-anchor": right ? "end" : "start",
      });
      setText(label, m.chosen.model);
    },
  };
}

/** The figure's drawing, kept across redraws: a new followed model moves only its rings and name. */
export function judgeLengthView() {
  const node: HTMLElement = html`<div></div>`;
  const marks = judgeMarks();
  // The frames of both views at the current width (the view toggles between two).
  const frames = new Map<string, Frame>();
  let width = 0;
  return (m: JudgeLengthModel, context: RenderContext): Node => {
    if (context.width !== width) {
      frames.clear();
      width = context.width;
    }
    let frame = frames.get(m.view);
    if (!frame) {
      frame = sharePlotStyles(judgeFrame(m, width));
      frames.set(m.view, frame);
    }
    if (node.firstChild !== frame) node.replaceChildren(frame);
    const plotSvg = [...frame.querySelectorAll("svg")].at(-1) ?? frame;
    if (marks.g.parentNode !== plotSvg) plotSvg.append(marks.g);
    marks.update(m, frame);
    return node;
  };
}

export function judgeLengthReadout(m: JudgeLengthModel): Node {
  const c = m.chosen;
  return html`<div>
    <div class="big-number" data-readout="moved" data-value=${c.moved}>${c.moved > 0 ? "+" : ""}${c.moved}</div>
    <div class="big-caption">places ${c.model} ${c.moved >= 0 ? "gains" : "loses"} under length control, among ${formatCount(m.rows.length)} models</div>
    <dl class="deeper-readout">
      <dt>Raw win rate</dt><dd data-readout="raw" data-value=${c.winRate} data-rank=${c.rawRank}>${pct(c.winRate)} · ${rankText(c.rawRank)}</dd>
      <dt>Length-controlled</dt><dd data-readout="lc" data-value=${c.lcWinRate} data-rank=${c.lcRank}>${pct(c.lcWinRate)} · ${rankText(c.lcRank)}</dd>
      <dt>Average length</dt><dd data-readout="length" data-value=${c.avgLength}>${formatCount(c.avgLength)} characters</dd>
      <dt>Rank correlation, raw vs LC</dt><dd data-readout="rho" data-value=${m.rho}>${m.rho.toFixed(2)}</dd>
      <dt>Length vs win rate (log length)</dt><dd data-readout="length-correlation" data-raw=${m.lengthRaw} data-lc=${m.lengthLc}>raw ${m.lengthRaw.toFixed(2)} · LC ${m.lengthLc.toFixed(2)}</dd>
    </dl>
  </div>`;
}

export function judgeLengthNotice(m: JudgeLengthModel): string {
  return `${m.changed} of ${m.rows.length} models change rank. ${m.riser.model} climbs ${m.riser.moved} places (average answer ${formatCount(m.riser.avgLength)} characters); ${m.faller.model} drops ${-m.faller.moved} (${formatCount(m.faller.avgLength)} characters). The length–win-rate correlation falls from ${m.lengthRaw.toFixed(2)} raw to ${m.lengthLc.toFixed(2)} length-controlled.`;
}

export function judgeLengthSummary(m: JudgeLengthModel): string {
  const c = m.chosen;
  return (
    `AlpacaEval 2, ${m.view === "all" ? "all" : "verified"} models (${m.rows.length}). ${c.model}: raw win rate ${pct(c.winRate)} (rank ${c.rawRank}), ` +
    `length-controlled ${pct(c.lcWinRate)} (rank ${c.lcRank}), average length ${formatCount(c.avgLength)} characters. ` +
    `Rank correlation of the two columns ${m.rho.toFixed(2)}; ${m.changed} models change rank.`
  );
}

export function judgeLengthFigure(rows: readonly JudgeRow[]) {
  const options = [...rows]
    .sort((a, b) => a.model.localeCompare(b.model))
    .map((r) => ({ value: r.model, label: r.model }));
  const has = (m: string) => rows.some((r) => r.model === m);
  const start = has("gpt4_1106_preview_verbose") ? "gpt4_1106_preview_verbose" : rows[0]!.model;
  return explorable({
    id: "judge-length",
    title: "AlpacaEval 2: what length control does to the win rates and the ranks",
    controls: {
      view: choice({
        key: "view",
        label: "Models",
        options: [
          { value: "verified" as JudgeView, label: "Verified" },
          { value: "all" as JudgeView, label: `All ${rows.length}` },
        ],
        value: "verified" as JudgeView,
      }),
      model: choice({ key: "model", label: "Follow a model", kind: "select", options, value: start }),
    },
    presets: (
      [
        { label: "GPT-4 Turbo told to be verbose", values: { model: "gpt4_1106_preview_verbose" } },
        { label: "…told to be concise", values: { model: "gpt4_1106_preview_concise" } },
        { label: "The original GPT-4", values: { view: "verified", model: "gpt4" } },
      ] as { label: string; values: Partial<JudgeLengthValues> & { model: string } }[]
    ).filter((p) => has(p.values.model)),
    source:
      "tatsu-lab/alpaca_eval, src/alpaca_eval/leaderboards/data_AlpacaEval_2/weighted_alpaca_eval_gpt4_turbo_leaderboard.csv; data/alpaca_eval_2_leaderboard.csv.",
    derive: (v) => deriveJudgeLength(rows, v),
    draw: keptDrawing(judgeLengthView),
    readout: judgeLengthReadout,
    notice: judgeLengthNotice,
    summary: judgeLengthSummary,
  });
}
