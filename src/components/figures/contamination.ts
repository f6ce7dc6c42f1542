// Contamination: inflate some models' scores by a few points and watch the board re-sort;
// beside it, the gaps actually measured between benchmarks and fresh or clean versions of them.
// The numbers are in contaminationModel.ts (Plot-free, for the lesson's prose); this file draws them.

import { html, svg } from "htl";
import type { ContaminationRow, LeaderboardSnapshot } from "../data/types.js";
import type { CleanDirtyRow } from "../lessons/lesson2.js";
import { choice, range } from "../ui/controls.js";
import { explorable, type RenderContext } from "../ui/explorable.js";
import { fitRowHeight } from "../ui/fitRows.js";
import {
  clipText,
  formatCount,
  formatDecimal,
  formatDiffPp,
  formatFixed,
  formatPercent,
  formatPp,
  formatPpRange,
  formatSigned,
  formatSignedPp,
} from "../ui/format.js";
import { keepOrder, keptDrawing, setAttrs, setText } from "../ui/inPlace.js";
import { palette } from "../ui/palette.js";
import { sharePlotStyles } from "../ui/plotStyles.js";
import * as Plot from "../vendor/plot.js";
import { scaleLinear } from "../vendor/plot.js";
import {
  type ContaminationModel,
  type ContaminationValues,
  deriveContamination,
  type GapSummary,
  gapSummary,
  type InflatedRow,
  measuredPresets,
  studyLabels,
  studySources,
  type Who,
} from "./contaminationModel.js";

// The numbers module's names, for the pages and tests that import them from the figure.
export * from "./contaminationModel.js";

const prefersReducedMotion = () =>
  typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;

/** One model's row of the board, built once and updated in place: rank and name, score before (○) and after (◆), its move. */
function boardRow(model: string) {
  const title = svg`<title>${model}</title>` as SVGTitleElement;
  const name =
    svg`<text y="4" text-anchor="end" font-size="12.5" fill="currentColor"></text>` as SVGTextElement;
  const line =
    svg`<line y1="0" y2="0" stroke=${palette.vermillion} stroke-width="3"></line>` as SVGLineElement;
  const before =
    svg`<circle cy="0" r="4.5" fill="var(--theme-background, white)" stroke="currentColor" stroke-width="1.5"></circle>` as SVGCircleElement;
  const after = svg`<path fill=${palette.vermillion}></path>` as SVGPathElement;
  const move = svg`<text y="4" font-size="12" font-weight="700"></text>` as SVGTextElement;
  const g = svg`<g data-model=${model}>${title}${name}${line}${before}${after}${move}</g>` as SVGGElement;
  const shown = (el: Element, on: boolean) => setAttrs(el, { display: on ? null : "none" });
  return {
    g,
    update(
      r: InflatedRow,
      y: number,
      x: (v: number) => number,
      at: { left: number; label: number; maxChars: number },
    ) {
      const label = r.model.includes("/") ? r.model.slice(r.model.indexOf("/") + 1) : r.model;
      const delta = r.trueRank - r.shownRank;
      const cx = x(100 * r.shownScore);
      const x0 = x(100 * r.trueScore);
      setAttrs(g, {
        transform: `translate(0,${y})`,
        "data-rank": r.shownRank,
        class: r.contaminated ? "contaminated" : "clean",
      });
      // The whole name in a tooltip when it is clipped (a <title> left empty shows nothing).
      setText(title, label.length > at.maxChars ? r.model : "");
      setAttrs(name, { x: at.left - 10, "font-weight": r.contaminated ? 700 : 400 });
      setText(name, `${r.shownRank}. ${clipText(label, at.maxChars)}`);
      shown(line, r.contaminated && r.shownScore > r.trueScore);
      setAttrs(line, { x1: x0, x2: cx });
      setAttrs(before, { cx: x0 });
      shown(after, r.contaminated);
      setAttrs(after, { d: `M${cx},-6L${cx + 6},0L${cx},6L${cx - 6},0Z` });
      shown(move, delta !== 0);
      setAttrs(move, { x: at.label, fill: delta > 0 ? palette.vermillion : "currentColor" });
      setText(move, delta > 0 ? `▲${formatCount(delta)}` : delta < 0 ? `▼${formatCount(-delta)}` : "");
    },
  };
}

/**
 * The board as an SVG list, ordered by the shown score, built once and updated in place: a new
 * setting writes only what changed, and each row that moves glides from where it was (unless the
 * reader prefers reduced motion).
 */
function boardSvg(models: readonly string[]) {
  const rows = new Map(models.map((model) => [model, boardRow(model)]));
  const axis = svg`<g></g>` as SVGGElement;
  const label =
    svg`<text y="14" text-anchor="end" font-size="12" fill="currentColor"></text>` as SVGTextElement;
  const list = svg`<g></g>` as SVGGElement;
  const node = svg`<svg role="img" class="l2-board">${axis}${label}${list}</svg>` as SVGSVGElement;
  let axisKey = "";
  const previous = new Map<string, number>();
  return {
    node,
    update(m: ContaminationModel, width: number, rowH: number) {
      const top = 44;
      const left = Math.min(250, Math.max(150, width * 0.34));
      const right = 70;
      const height = top + m.ordered.length * rowH + 12;
      const lo = Math.min(...m.rows.map((r) => r.trueScore));
      const hi = Math.max(...m.rows.map((r) => r.shownScore));
      const x = scaleLinear()
        .domain([Math.floor(lo * 100 - 2), Math.ceil(hi * 100 + 1)])
        .range([left, width - right])
        .nice();
      setAttrs(node, {
        width,
        height,
        viewBox: `0 0 ${width} ${height}`,
        "aria-label": `The board re-sorted by the inflated ${m.benchmarkName} score`,
      });
      setAttrs(label, { x: width - right });
      setText(label, `${m.benchmarkName} score as published (%) →`);
      // About one tick per 60 px of axis, so that the labels never touch on a phone.
      const ticks = x.ticks(Math.max(3, Math.min(6, Math.floor((width - left - right) / 60))));
      const key = `${ticks.join()}|${x.range().join()}|${height}`;
      if (key !== axisKey) {
        axisKey = key;
        axis.replaceChildren(
          ...ticks.map(
            (t) =>
              svg`<line x1=${x(t)} x2=${x(t)} y1=${top - 6} y2=${height - 8} stroke="currentColor" stroke-opacity="0.1"></line><text x=${x(t)} y=${top - 12} text-anchor="middle" font-size="12" fill="currentColor">${formatDecimal(t)}</text>`,
          ),
        );
      }
      // On a narrow board the name gets only the room left of the axis (about 7.6 px a character at
      // 12.5 px, bold); the full name stays in a tooltip.
      const at = (rank: number) => ({
        left,
        label: width - right + 10,
        maxChars: width < 600 ? Math.max(8, Math.floor((left - 12) / 7.6) - `${rank}. `.length) : 30,
      });
      const moves: { g: SVGGElement; from: number; to: number }[] = [];
      const ordered = m.ordered.map((r) => {
        const row = rows.get(r.model)!;
        const y = top + (r.shownRank - 1) * rowH + rowH / 2;
        const from = previous.get(r.model);
        if (from !== undefined && from !== y) moves.push({ g: row.g, from, to: y });
        previous.set(r.model, y);
        row.update(r, y, x, at(r.shownRank));
        return row.g;
      });
      keepOrder(list, ordered);
      if (!prefersReducedMotion()) {
        // FLIP: each row that moved starts where it was and glides to its new place.
        requestAnimationFrame(() => {
          for (const { g, from, to } of moves) {
            if (typeof g.animate !== "function") continue;
            g.animate(
              [{ transform: `translate(0px, ${from}px)` }, { transform: `translate(0px, ${to}px)` }],
              {
                duration: 650,
                easing: "cubic-bezier(.2,.7,.2,1)",
              },
            );
          }
        });
      }
    },
  };
}

/**
 * The measured gaps, one dot per model, one row per study, with each study's median. The reader's
 * simulated inflation is a dashed line the view moves along Plot's x scale (see contaminationView).
 */
function measuredPlot(m: ContaminationModel, width: number): SVGSVGElement | HTMLElement {
  // On a phone the panel is under 600 px wide: a shorter axis label and study labels without
  // the count (the list below the figure keeps it), so that no label runs past the edge.
  const narrow = width < 600;
  const studies = m.summaries.map((s) => ({ ...s, label: studyLabels[s.study] }));
  const plot = Plot.plot({
    width,
    height: 360,
    marginLeft: 12,
    marginRight: 12,
    marginTop: 30,
    marginBottom: 40,
    style: { fontSize: "12.5px" },
    x: {
      label: narrow
        ? "Gap (pp): familiar − fresh or clean test →"
        : "Measured gap (pp): score on the familiar test − on a fresh or clean one →",
      grid: true,
      domain: m.gapDomain,
    },
    fy: { domain: studies.map((s) => s.label), label: null, axis: null, padding: 0.3 },
    y: { axis: null },
    marks: [
      Plot.ruleX([0], { stroke: "currentColor", strokeOpacity: 0.5 }),
      Plot.dot(
        m.gaps,
        Plot.dodgeY("middle", {
          x: "gapPp",
          fy: "label",
          r: 3,
          fill: palette.blue,
          fillOpacity: 0.75,
          title: (d: ContaminationModel["gaps"][number]) =>
            `${d.model} on ${d.benchmark}: ${formatSignedPp(d.gapPp / 100, 1)}`,
        }),
      ),
      Plot.tickX(studies, { x: "median", fy: "label", stroke: "currentColor", strokeWidth: 2.5 }),
      Plot.text(studies, {
        fy: "label",
        frameAnchor: "top-left",
        text: (d: (typeof studies)[number]) =>
          narrow
            ? `${d.label} · median ${formatSigned(d.median, 1)}`
            : `${d.label} · ${formatCount(d.count)} · median ${formatSignedPp(d.median / 100, 1)}`,
        dy: -12,
        fontSize: narrow ? 11.5 : undefined,
        fontWeight: 700,
      }),
    ],
  });
  plot.setAttribute("aria-label", "Dot plot of measured contamination gaps by study");
  return plot;
}

/**
 * The board beside the measured gaps (wide), or above them (narrow): built once, then updated in
 * place. The measured-gaps chart is drawn again only when the width or the inflation changes.
 */
export function contaminationView(models: readonly string[]) {
  const board = boardSvg(models);
  const measured: HTMLElement = html`<div></div>`;
  const inflation: HTMLElement = html`<span></span>`;
  const note = html`<p class="table-note">Board: ○ the score as published, ◆ after the simulated inflation (bold names are the contaminated models; ▲▼ their change of rank). Measured gaps: each dot is one model. Thick tick: median. Dashed red line: your simulated inflation (${inflation}).</p>`;
  const node: HTMLElement = html`<div class="l2-two-panel">${board.node}<div>${measured}${note}</div></div>`;
  // Plot's margins above and below the facets: 30 and 40 px (measuredPlot).
  const line =
    svg`<line class="l2-inflation-line" stroke=${palette.vermillion} stroke-width="2" stroke-dasharray="4,3"></line>` as SVGLineElement;
  let measuredAt = 0;
  let scale: { apply(v: number): number } | undefined;
  return {
    node,
    update(m: ContaminationModel, { width, height: room }: RenderContext) {
      const wide = width >= 900;
      const boardWidth = wide ? Math.round(width * 0.55) : width;
      const rowH = fitRowHeight(room, m.rows.length, { normal: 24, min: 15, chrome: 56 });
      board.update(m, boardWidth, rowH);
      const measuredWidth = wide ? width - boardWidth - 16 : width;
      if (measuredWidth !== measuredAt) {
        measuredAt = measuredWidth;
        const plot = measuredPlot(m, measuredWidth) as SVGSVGElement & {
          scale(name: "x"): { apply(v: number): number };
        };
        scale = plot.scale("x");
        setAttrs(line, { y1: 30, y2: Number(plot.getAttribute("height")) - 40 });
        plot.append(line);
        measured.replaceChildren(sharePlotStyles(plot));
      }
      const lineX = scale?.apply(m.values.inflation) ?? 0;
      setAttrs(line, { x1: lineX, x2: lineX });
      setText(inflation, `+${formatPp(m.values.inflation / 100, 1)}`);
      return node;
    },
  };
}

export function contaminationReadout(m: ContaminationModel): Node {
  const b = m.biggest;
  return html`<div>
    <div class="big-number" data-readout="moved" data-value=${m.moved}>${formatCount(m.moved)} of ${formatCount(m.rows.length)}</div>
    <div class="big-caption">models change rank when ${formatCount(m.contaminated)} gain ${formatPp(m.values.inflation / 100, 1)}</div>
    <ul class="l2-stats">
      <li>Biggest climb: <span data-readout="biggest-climb" data-value=${b.climb}>${b.climb > 0 ? `▲${formatCount(b.climb)}` : "none"}</span>${b.climb > 0 ? `, ${b.model.replace(/^.*\//, "")} (${formatCount(b.from)} → ${formatCount(b.to)})` : ""}</li>
      ${m.summaries.map(
        (s) =>
          html`<li data-study=${s.study}>${studyLabels[s.study]}: median <span data-readout=${`median-${s.study}`} data-value=${s.median}>${formatDiffPp(s.median / 100, 1)}</span> over ${formatCount(s.count)} measurements (range ${formatPpRange(s.min / 100, s.max / 100, 1)}); ${formatCount(s.positive)} above zero</li>`,
      )}
    </ul>
  </div>`;
}

/** "What to notice", from the board shown: whether anything moved, and the largest climb. */
export function contaminationNotice(m: ContaminationModel): string {
  const gain = formatPp(m.values.inflation / 100, 1);
  if (m.values.inflation === 0 || m.contaminated === 0)
    return "Nothing is inflated yet: raise the inflation and the share of contaminated models.";
  if (m.moved === 0)
    return `${formatCount(m.contaminated)} models gain ${gain}, and none changes place: ${m.contaminated === m.rows.length ? "inflating every model alike keeps the order" : "the gaps around them are wider than the inflation"}.`;
  const b = m.biggest;
  return `A gain of ${gain} for ${formatCount(m.contaminated)} models moves ${formatCount(m.moved)} of ${formatCount(m.rows.length)}: ${b.model.replace(/^.*\//, "")} climbs ${formatCount(b.climb)} place${b.climb === 1 ? "" : "s"}. Where models sit within a point or two of each other, a few points are enough — and nothing on the board shows it.`;
}

const whoText = (v: ContaminationValues) =>
  v.who === "random" ? `at random, seed ${v.seed}` : v.who === "bottom" ? "the weakest" : "the strongest";

export function contaminationSummary(m: ContaminationModel): string {
  const v = m.values;
  return (
    `${m.benchmarkLabel}, ${formatCount(m.rows.length)} familiar models of the ${m.boardLabel}. ${formatCount(m.contaminated)} contaminated (${whoText(v)}) and inflated by ${formatPp(v.inflation / 100, 1)}: ` +
    `${formatCount(m.moved)} models change rank; biggest climb ${formatCount(m.biggest.climb)} places. New order: ` +
    m.ordered
      .map(
        (r) =>
          `${r.shownRank}. ${r.model}${r.contaminated ? " (inflated)" : ""} ${formatPercent(r.shownScore)}${r.shownRank !== r.trueRank ? ` (was ${r.trueRank})` : ""}`,
      )
      .join("; ") +
    `. Measured gaps: ${m.summaries.map((s) => `${studyLabels[s.study]} median ${formatDiffPp(s.median / 100, 1)} (${formatCount(s.count)} measurements, ${formatPpRange(s.min / 100, s.max / 100, 1)})`).join("; ")}.`
  );
}

export function contaminationFigure(data: {
  board: LeaderboardSnapshot;
  measured: readonly ContaminationRow[];
}) {
  const { board, measured } = data;
  const summaries: GapSummary[] = gapSummary(measured);
  const models = board.known.map((m) => m.model);
  return explorable<ContaminationValues, ContaminationModel>({
    id: "l2-contamination",
    title: "A few points of contamination, and the board re-sorts",
    controls: {
      inflation: range({
        key: "inflation",
        label: "Inflation from contamination (pp)",
        min: 0,
        max: 10,
        step: 0.5,
        value: 4,
        format: (v) => `+${formatPp(v / 100, 1)}`,
      }),
      share: range({
        key: "share",
        label: "Share of models contaminated",
        min: 0,
        max: 1,
        step: 0.05,
        value: 0.25,
        format: (v) => formatPercent(v, 0),
      }),
      who: choice({
        key: "who",
        label: "Which models",
        options: [
          { value: "random" as Who, label: "At random" },
          { value: "bottom" as Who, label: "The weakest" },
          { value: "top" as Who, label: "The strongest" },
        ],
        value: "random" as Who,
      }),
      benchmark: choice({
        key: "benchmark",
        label: "Benchmark",
        kind: "select",
        options: board.benchmarks.map((b) => ({ value: b.key, label: b.label })),
        value: board.benchmarks[0]!.key,
      }),
      seed: range({
        key: "seed",
        label: "Which random models (seed)",
        min: 1,
        max: 30,
        step: 1,
        value: 3,
        format: (v) => `#${formatCount(v)}`,
      }),
    },
    presets: measuredPresets(summaries),
    source:
      `Board: ${board.label}, the familiar models (${board.source}). Measured gaps: ` +
      summaries.map((s) => `${studyLabels[s.study]} — ${studySources[s.study]}`).join("; ") +
      ". A widely repeated estimate of 2–7 pp, attributed to an Allen Institute for AI analysis of April 2024, could not be traced to a published source; the figure uses the measured gaps instead.",
    derive: (v) => deriveContamination(v, data, summaries),
    draw: keptDrawing(() => contaminationView(models).update),
    readout: contaminationReadout,
    notice: contaminationNotice,
    summary: contaminationSummary,
  });
}

/**
 * Li et al.'s clean-versus-dirty table for Llama-2 70B, whole: every benchmark, the clean subset
 * and both "dirty" subsets, each dirty score with its gap to clean (rows from lessons/lesson2.ts's
 * cleanDirtyTable).
 */
export function cleanDirtyTableElement(rows: readonly CleanDirtyRow[]): HTMLTableElement {
  const cell = (score: number, gap: number) =>
    html`<td data-gap=${gap}>${formatFixed(score, 1)} <span class="l2-gap">(${formatSignedPp(gap / 100, 1)})</span></td>`;
  return html`<table class="l2-table l2-clean-dirty">
    <caption>Llama-2 70B's accuracy (%) on the questions not found online (clean) and on those found online, with the gap to clean: Li et al.'s whole table</caption>
    <thead><tr><th scope="col">Test</th><th scope="col">Clean</th><th scope="col">Question or answer online</th><th scope="col">Both online</th></tr></thead>
    <tbody>${rows.map(
      (r) =>
        html`<tr data-benchmark=${r.benchmark}><th scope="row">${r.benchmark}</th><td>${formatFixed(r.clean, 1)}</td>${cell(r.allDirty, r.allDirtyGap)}${cell(r.inputLabelDirty, r.inputLabelGap)}</tr>`,
    )}</tbody>
  </table>` as unknown as HTMLTableElement;
}
