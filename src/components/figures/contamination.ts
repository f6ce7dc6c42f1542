// Contamination: inflate some models' scores by a few points and watch the board re-sort;
// beside it, the gaps actually measured between benchmarks and fresh or clean versions of them.

import type { ContaminationRow, LeaderboardSnapshot } from "../data/types.js";
import type { CleanDirtyRow } from "../lessons/lesson2.js";
import { seededRandom } from "../stats/random.js";
import { choice, range } from "../ui/controls.js";
import { explorable } from "../ui/explorable.js";
import { fitRowHeight } from "../ui/fitRows.js";
import { clipText, formatPercent } from "../ui/format.js";
import { palette } from "../ui/palette.js";
import * as Plot from "../vendor/plot.js";
import { scaleLinear } from "../vendor/plot.js";

export type Who = "random" | "bottom" | "top";

export interface InflatedRow {
  model: string;
  /** The score as measured (0–1). */
  trueScore: number;
  /** After inflation (0–1, capped at 1). */
  shownScore: number;
  contaminated: boolean;
  trueRank: number;
  shownRank: number;
}

/** Ranks 1…n by score, best first; equal scores keep their input order. */
function ranksOf(scores: readonly number[]): number[] {
  const order = scores.map((_, i) => i).sort((i, j) => scores[j]! - scores[i]! || i - j);
  const out = new Array<number>(scores.length);
  order.forEach((i, pos) => {
    out[i] = pos + 1;
  });
  return out;
}

/**
 * Add `inflationPp` points to a share of the models (chosen at random with a seed, or the
 * weakest or strongest ones) and rank the board before and after.
 */
export function inflateBoard(
  board: readonly { model: string; score: number }[],
  {
    inflationPp,
    share,
    who = "random" as Who,
    seed = 1,
  }: { inflationPp: number; share: number; who?: Who; seed?: number },
): InflatedRow[] {
  const m = board.length;
  const count = Math.round(Math.min(1, Math.max(0, share)) * m);
  const trueRanks = ranksOf(board.map((b) => b.score));
  let chosen: number[];
  if (who === "random") {
    const rng = seededRandom(seed);
    const idx = board.map((_, i) => i);
    for (let i = m - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    chosen = idx.slice(0, count);
  } else {
    const byRank = board.map((_, i) => i).sort((i, j) => trueRanks[i]! - trueRanks[j]!);
    chosen = who === "top" ? byRank.slice(0, count) : byRank.slice(m - count);
  }
  const hit = new Set(chosen);
  const shown = board.map((b, i) => (hit.has(i) ? Math.min(1, b.score + inflationPp / 100) : b.score));
  const shownRanks = ranksOf(shown);
  return board.map((b, i) => ({
    model: b.model,
    trueScore: b.score,
    shownScore: shown[i]!,
    contaminated: hit.has(i),
    trueRank: trueRanks[i]!,
    shownRank: shownRanks[i]!,
  }));
}

export const studyLabels: Record<ContaminationRow["study"], string> = {
  gsm1k: "GSM8K − GSM1k (paper v4)",
  "gsm1k-v1": "GSM8K − GSM1k (paper v1)",
  "mmlu-cf": "MMLU − MMLU-CF",
  "clean-dirty": "Llama-2 70B: dirty − clean",
};

export const studySources: Record<ContaminationRow["study"], string> = {
  gsm1k:
    "Zhang et al. 2024, arXiv 2405.00332v4, Appendix F (63 models; transcription via harshit-malik-nyu/ranksafe)",
  "gsm1k-v1": "scaleapi/gsm1k_eval loglikelihood/scale_diff.csv@39294c6 (paper v1, 52 models)",
  "mmlu-cf":
    "microsoft/MMLU-CF README.md@fd89eef (arXiv 2412.15194, 44 models; new questions, so difficulty differs too)",
  "clean-dirty":
    "Li et al. 2023, arXiv 2310.17589, liyucheng09/Contamination_Detector readme.md@010a0bb (Llama-2 70B)",
};

/** A row that averages other rows of its study (Li et al.'s "Average" line): not a measurement of its own. */
export const isAverageRow = (r: Pick<ContaminationRow, "benchmark">) => /^average\b/i.test(r.benchmark);

/** Per study: how many measurements, the median and the range of the gaps (pp); averages of other rows left out. */
export function gapSummary(rows: readonly ContaminationRow[]) {
  const measurements = rows.filter((r) => !isAverageRow(r));
  const studies = [...new Set(measurements.map((r) => r.study))];
  return studies.map((study) => {
    const gaps = measurements
      .filter((r) => r.study === study)
      .map((r) => r.gapPp)
      .sort((a, b) => a - b);
    const mid = gaps.length / 2;
    const median = gaps.length % 2 ? gaps[Math.floor(mid)]! : (gaps[mid - 1]! + gaps[mid]!) / 2;
    return {
      study,
      count: gaps.length,
      median,
      min: gaps[0]!,
      max: gaps[gaps.length - 1]!,
      /** Measurements where the familiar test scored higher than the fresh or clean one. */
      positive: gaps.filter((g) => g > 0).length,
    };
  });
}

const prefersReducedMotion = () =>
  typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;

const SVG = "http://www.w3.org/2000/svg";
function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The board as an SVG list, ordered by the shown score. Returns the element and, per model,
 * its row's y so the next drawing can animate from there.
 */
function boardSvg(
  rows: readonly InflatedRow[],
  width: number,
  benchmark: string,
  previous: Map<string, number>,
  rowH = 24,
) {
  const top = 44;
  const left = Math.min(250, Math.max(150, width * 0.34));
  const right = 70;
  const height = top + rows.length * rowH + 12;
  const lo = Math.min(...rows.map((r) => r.trueScore));
  const hi = Math.max(...rows.map((r) => r.shownScore));
  const x = scaleLinear()
    .domain([Math.floor(lo * 100 - 2), Math.ceil(hi * 100 + 1)])
    .range([left, width - right])
    .nice();
  const svg = svgEl("svg", {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    class: "l2-board",
  });
  svg.setAttribute("aria-label", `The board re-sorted by the inflated ${benchmark} score`);
  // Axis
  // About one tick per 60 px of axis, so that the labels never touch on a phone.
  for (const t of x.ticks(Math.max(3, Math.min(6, Math.floor((width - left - right) / 60))))) {
    svg.append(
      svgEl("line", {
        x1: x(t),
        x2: x(t),
        y1: top - 6,
        y2: height - 8,
        stroke: "currentColor",
        "stroke-opacity": 0.1,
      }),
    );
    svg.append(
      svgEl(
        "text",
        { x: x(t), y: top - 12, "text-anchor": "middle", "font-size": 12, fill: "currentColor" },
        String(t),
      ),
    );
  }
  svg.append(
    svgEl(
      "text",
      { x: width - right, y: 14, "text-anchor": "end", "font-size": 12, fill: "currentColor" },
      `${benchmark} score as published (%) →`,
    ),
  );
  const ordered = [...rows].sort((a, b) => a.shownRank - b.shownRank);
  const positions = new Map<string, number>();
  const groups: [SVGGElement, number, number | undefined][] = [];
  for (const r of ordered) {
    const y = top + (r.shownRank - 1) * rowH + rowH / 2;
    positions.set(r.model, y);
    const g = svgEl("g", {
      transform: `translate(0,${y})`,
      "data-model": r.model,
      "data-rank": r.shownRank,
      class: r.contaminated ? "contaminated" : "clean",
    });
    const name = r.model.includes("/") ? r.model.slice(r.model.indexOf("/") + 1) : r.model;
    const prefix = `${r.shownRank}. `;
    // On a narrow board the name gets only the room left of the axis (about 7.6 px a character
    // at 12.5 px, bold); the full name stays in a tooltip.
    const maxChars = width < 600 ? Math.max(8, Math.floor((left - 12) / 7.6) - prefix.length) : 30;
    const label = svgEl(
      "text",
      {
        x: left - 10,
        y: 4,
        "text-anchor": "end",
        "font-size": 12.5,
        fill: "currentColor",
        "font-weight": r.contaminated ? 700 : 400,
      },
      `${prefix}${clipText(name, maxChars)}`,
    );
    if (name.length > maxChars) g.append(svgEl("title", {}, r.model));
    g.append(label);
    if (r.contaminated && r.shownScore > r.trueScore) {
      g.append(
        svgEl("line", {
          x1: x(100 * r.trueScore),
          x2: x(100 * r.shownScore),
          y1: 0,
          y2: 0,
          stroke: palette.vermillion,
          "stroke-width": 3,
        }),
      );
    }
    g.append(
      svgEl("circle", {
        cx: x(100 * r.trueScore),
        cy: 0,
        r: 4.5,
        fill: "var(--theme-background, white)",
        stroke: "currentColor",
        "stroke-width": 1.5,
      }),
    );
    if (r.contaminated) {
      const cx = x(100 * r.shownScore);
      g.append(svgEl("path", { d: `M${cx},-6L${cx + 6},0L${cx},6L${cx - 6},0Z`, fill: palette.vermillion }));
    }
    const delta = r.trueRank - r.shownRank;
    const tag = delta > 0 ? `▲${delta}` : delta < 0 ? `▼${-delta}` : "";
    if (tag) {
      g.append(
        svgEl(
          "text",
          {
            x: width - right + 10,
            y: 4,
            "font-size": 12,
            "font-weight": 700,
            fill: delta > 0 ? palette.vermillion : "currentColor",
          },
          tag,
        ),
      );
    }
    svg.append(g);
    groups.push([g, y, previous.get(r.model)]);
  }
  return { svg, positions, groups };
}

/**
 * Presets at the measured gaps: the median and the largest GSM8K − GSM1k gap (paper v4), and a
 * weakest quarter and an everyone case at that largest gap.
 */
export function measuredPresets(summaries: ReturnType<typeof gapSummary>) {
  const gsm = summaries.find((s) => s.study === "gsm1k");
  if (!gsm) return [{ label: "Everyone +5 pp", values: { inflation: 5, share: 1 } }];
  const half = (x: number) => Math.max(0, Math.min(10, Math.round(2 * x) / 2));
  const median = half(gsm.median);
  const largest = half(gsm.max);
  return [
    {
      label: `Near the GSM1k median gap (${gsm.median.toFixed(1)} pp): +${median.toFixed(1)} pp for a random quarter`,
      values: { inflation: median, share: 0.25, who: "random" as Who },
    },
    {
      label: `Largest GSM1k gap: +${largest.toFixed(1)} pp for a random quarter`,
      values: { inflation: largest, share: 0.25, who: "random" as Who },
    },
    {
      label: `Weakest quarter +${largest.toFixed(1)} pp`,
      values: { inflation: largest, share: 0.25, who: "bottom" as Who },
    },
    { label: "Everyone +5 pp", values: { inflation: 5, share: 1 } },
  ];
}

export function contaminationFigure(boards: {
  board: LeaderboardSnapshot;
  measured: readonly ContaminationRow[];
}) {
  const { board, measured } = boards;
  let previous = new Map<string, number>();
  const summaries = gapSummary(measured);
  return explorable({
    id: "l2-contamination",
    title: "A few points of contamination, and the board re-sorts",
    notice: (v) =>
      v.inflation === 0 || v.share === 0
        ? "Nothing is inflated yet: raise the inflation and the share of contaminated models."
        : "Near the top, where models sit within a point or two of each other, a few points of inflation are enough to jump several places — and nothing on the board shows it.",
    controls: {
      inflation: range({
        key: "inflation",
        label: "Inflation from contamination (pp)",
        min: 0,
        max: 10,
        step: 0.5,
        value: 4,
        format: (v) => `+${v.toFixed(1)} pp`,
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
        format: (v) => `#${v}`,
      }),
    },
    presets: measuredPresets(summaries),
    source:
      `Board: ${board.label}, the familiar models (${board.source}). Measured gaps: ` +
      summaries.map((s) => `${studyLabels[s.study]} — ${studySources[s.study]}`).join("; ") +
      ". A widely repeated estimate of 2–7 pp, attributed to an Allen Institute for AI analysis of April 2024, could not be traced to a published source; the figure uses the measured gaps instead.",
    render(v, { width, height: room }) {
      const meta = board.benchmarks.find((b) => b.key === v.benchmark) ?? board.benchmarks[0]!;
      const entries = board.known
        .map((m) => ({ model: m.model, score: m.scores[meta.key]! }))
        .filter((e) => Number.isFinite(e.score));
      const rows = inflateBoard(entries, {
        inflationPp: v.inflation,
        share: v.share,
        who: v.who,
        seed: v.seed,
      });
      const wide = width >= 900;
      const boardWidth = wide ? Math.round(width * 0.55) : width;
      const { svg, positions, groups } = boardSvg(
        rows,
        boardWidth,
        meta.label.replace(/ \(.*/, ""),
        previous,
        fitRowHeight(room, rows.length, { normal: 24, min: 15, chrome: 56 }),
      );
      previous = positions;
      if (!prefersReducedMotion()) {
        // FLIP: each row starts where it was and glides to its new place.
        requestAnimationFrame(() => {
          for (const [g, y, before] of groups) {
            if (before === undefined || before === y || typeof g.animate !== "function") continue;
            g.animate(
              [{ transform: `translate(0px, ${before}px)` }, { transform: `translate(0px, ${y}px)` }],
              { duration: 650, easing: "cubic-bezier(.2,.7,.2,1)" },
            );
          }
        });
      }

      const gapRows = measured
        .filter((r) => !isAverageRow(r))
        .map((r) => ({ ...r, label: studyLabels[r.study] }));
      // On a phone the panel is under 600 px wide: a shorter axis label and study labels without
      // the count (the list below the figure keeps it), so that no label runs past the edge.
      const narrow = (wide ? width - boardWidth - 16 : width) < 600;
      const measuredPlot = Plot.plot({
        width: wide ? width - boardWidth - 16 : width,
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
          domain: [
            Math.min(-6, Math.floor(Math.min(...measured.map((r) => r.gapPp)))),
            Math.max(18, Math.ceil(Math.max(...measured.map((r) => r.gapPp)))),
          ],
        },
        fy: { domain: summaries.map((s) => studyLabels[s.study]), label: null, axis: null, padding: 0.3 },
        y: { axis: null },
        marks: [
          Plot.ruleX([0], { stroke: "currentColor", strokeOpacity: 0.5 }),
          Plot.ruleX([v.inflation], { stroke: palette.vermillion, strokeWidth: 2, strokeDasharray: "4,3" }),
          Plot.dot(
            gapRows,
            Plot.dodgeY("middle", {
              x: "gapPp",
              fy: "label",
              r: 3,
              fill: palette.blue,
              fillOpacity: 0.75,
              title: (d: (typeof gapRows)[number]) =>
                `${d.model} on ${d.benchmark}: ${d.gapPp >= 0 ? "+" : ""}${d.gapPp.toFixed(1)} pp`,
            }),
          ),
          Plot.tickX(
            summaries.map((s) => ({ ...s, label: studyLabels[s.study] })),
            { x: "median", fy: "label", stroke: "currentColor", strokeWidth: 2.5 },
          ),
          Plot.text(
            summaries.map((s) => ({ ...s, label: studyLabels[s.study] })),
            {
              fy: "label",
              frameAnchor: "top-left",
              text: (d: (typeof summaries)[number] & { label: string }) =>
                narrow
                  ? `${d.label} · median ${d.median >= 0 ? "+" : ""}${d.median.toFixed(1)}`
                  : `${d.label} · ${d.count} · median ${d.median >= 0 ? "+" : ""}${d.median.toFixed(1)} pp`,
              dy: -12,
              fontSize: narrow ? 11.5 : undefined,
              fontWeight: 700,
            },
          ),
        ],
      });
      measuredPlot.setAttribute("aria-label", "Dot plot of measured contamination gaps by study");
      const note = document.createElement("p");
      note.className = "table-note";
      note.innerHTML = `Board: ○ the score as published, ◆ after the simulated inflation (bold names are the contaminated models; ▲▼ their change of rank). Measured gaps: each dot is one model. Thick tick: median. Dashed red line: your simulated inflation (+${v.inflation.toFixed(1)} pp).`;
      const right = document.createElement("div");
      right.append(measuredPlot, note);
      const figure = document.createElement("div");
      figure.className = "l2-two-panel";
      figure.append(svg, right);

      const moved = rows.filter((r) => r.shownRank !== r.trueRank);
      const biggest = [...rows].sort((a, b) => b.trueRank - b.shownRank - (a.trueRank - a.shownRank))[0]!;
      const climb = biggest.trueRank - biggest.shownRank;
      const contaminated = rows.filter((r) => r.contaminated).length;
      const readout = document.createElement("div");
      readout.innerHTML = `
        <div class="big-number" data-readout="moved" data-value="${moved.length}">${moved.length} of ${rows.length}</div>
        <div class="big-caption">models change rank when ${contaminated} gain ${v.inflation.toFixed(1)} pp</div>
        <ul class="l2-stats">
          <li>Biggest climb: <span data-readout="biggest-climb" data-value="${climb}">${climb > 0 ? `▲${climb}` : "none"}</span>${climb > 0 ? `, ${biggest.model.replace(/^.*\//, "")} (${biggest.trueRank} → ${biggest.shownRank})` : ""}</li>
          ${summaries
            .map(
              (s) =>
                `<li data-study="${s.study}">${studyLabels[s.study]}: median <span data-readout="median-${s.study}" data-value="${s.median}">${s.median.toFixed(1)} pp</span> over ${s.count} measurements (range ${s.min.toFixed(1)} to ${s.max.toFixed(1)}); ${s.positive} above zero</li>`,
            )
            .join("")}
        </ul>`;
      const summary =
        `${meta.label}, ${rows.length} familiar models of the ${board.label}. ${contaminated} contaminated (${v.who === "random" ? `at random, seed ${v.seed}` : v.who === "bottom" ? "the weakest" : "the strongest"}) and inflated by ${v.inflation.toFixed(1)} pp: ` +
        `${moved.length} models change rank; biggest climb ${climb} places. New order: ` +
        [...rows]
          .sort((a, b) => a.shownRank - b.shownRank)
          .map(
            (r) =>
              `${r.shownRank}. ${r.model}${r.contaminated ? " (inflated)" : ""} ${formatPercent(r.shownScore)}${r.shownRank !== r.trueRank ? ` (was ${r.trueRank})` : ""}`,
          )
          .join("; ") +
        `. Measured gaps: ${summaries.map((s) => `${studyLabels[s.study]} median ${s.median.toFixed(1)} pp (${s.count} measurements, ${s.min.toFixed(1)} to ${s.max.toFixed(1)})`).join("; ")}.`;
      return { figure, summary, readout };
    },
  });
}

/**
 * Li et al.'s clean-versus-dirty table for Llama-2 70B, whole: every benchmark, the clean subset
 * and both "dirty" subsets, each dirty score with its gap to clean (rows from lessons/lesson2.ts's
 * cleanDirtyTable).
 */
export function cleanDirtyTableElement(rows: readonly CleanDirtyRow[]): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "l2-table l2-clean-dirty";
  const caption = document.createElement("caption");
  caption.textContent =
    "Llama-2 70B's accuracy (%) on the questions not found online (clean) and on those found online, with the gap to clean: Li et al.'s whole table";
  table.append(caption);
  const head = table.createTHead().insertRow();
  for (const h of ["Test", "Clean", "Question or answer online", "Both online"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = h;
    head.append(th);
  }
  const signed = (x: number) => `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(1)} pp`;
  const body = table.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    tr.dataset.benchmark = r.benchmark;
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = r.benchmark;
    tr.append(th);
    const clean = tr.insertCell();
    clean.textContent = r.clean.toFixed(1);
    for (const [score, gap] of [
      [r.allDirty, r.allDirtyGap],
      [r.inputLabelDirty, r.inputLabelGap],
    ] as const) {
      const td = tr.insertCell();
      td.dataset.gap = String(gap);
      const change = document.createElement("span");
      change.className = "l2-gap";
      change.textContent = `(${signed(gap)})`;
      td.append(`${score.toFixed(1)} `, change);
    }
  }
  return table;
}
