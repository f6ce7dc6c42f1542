// The real Chatbot Arena: ratings with their 95% intervals for any of 88 snapshots (2024-06 to
// 2025-07), the Arena's own ranks (which share a rank when intervals overlap), which neighbours
// are separable, and how ranks move when the Arena controls for style. The numbers are in
// arenaSnapshotModel.ts (Plot-free, for the lesson's prose); this file draws them.

import { html } from "htl";
import type { ArenaData } from "../data/types.js";
import { choice, range } from "../ui/controls.js";
import { explorable, type RenderContext } from "../ui/explorable.js";
import { fitRowHeight } from "../ui/fitRows.js";
import { clipText, formatCount, formatDecimal } from "../ui/format.js";
import { palette } from "../ui/palette.js";
import * as Plot from "../vendor/plot.js";
import {
  type ArenaShownRow,
  type ArenaSnapshotModel,
  type ArenaSnapshotValues,
  decodeArenaHistory,
  deriveArenaSnapshot,
  firstStyleDate,
  readArena,
  STYLE_CONTROL,
} from "./arenaSnapshotModel.js";

// The numbers module's names, for the pages and tests that import them from the figure.
export { decodeArenaHistory, deriveArenaSnapshot, firstStyleDate, readArena, STYLE_CONTROL };

/** A row's rank column: the rank shown, what it was before style control, and (wide) the votes. */
function rankLabel(m: ArenaSnapshotModel, d: ArenaShownRow, compact: boolean): string {
  if (compact) return `rank ${formatCount(d.shownRank)}`;
  const was = m.useStyle && d.shownRank !== d.rank ? ` (was ${formatCount(d.rank)})` : "";
  return `rank ${formatCount(d.shownRank)}${was} · ${formatCount(d.votes)} votes`;
}

/** Each model's rating and interval, best first, with the Arena's rank beside it. */
export function drawArenaSnapshot(m: ArenaSnapshotModel, { width, height: room }: RenderContext): Node {
  const rows = m.rows;
  const [lo, hi] = m.domain;
  const rowHeight = fitRowHeight(room, rows.length, { normal: 26, min: 15, chrome: 60 });
  // On a phone the names, the axis and the rank column share ~400 px: shorter names (the full
  // one on hover and in the text alternative), fewer ticks, ranks without vote counts.
  const compact = width < 640;
  const longest = Math.max(...rows.map((r) => r.model.length));
  const marginLeft = compact
    ? Math.min(Math.round(width * 0.42), 40 + 6.3 * longest)
    : Math.min(300, 40 + 7 * longest);
  const fits = Math.floor((marginLeft - 12) / 7);
  const plot = Plot.plot({
    width,
    height: 60 + rows.length * rowHeight,
    marginLeft,
    marginRight: compact ? 62 : 170,
    marginTop: 40,
    marginBottom: 20,
    style: { fontSize: compact ? "12px" : "13px" },
    x: {
      domain: m.domain,
      label: compact ? "Rating →" : "Arena rating (Elo scale) →",
      grid: true,
      axis: "top",
      ticks: compact ? 3 : 6,
      // No thousands comma: "1,360" and "1,380" ran together at six ticks.
      tickFormat: (d: number) => formatDecimal(d),
    },
    y: { domain: [0.5, rows.length + 0.5], axis: null, reverse: true },
    marks: [
      Plot.ruleY(m.dividers, {
        y: "y",
        stroke: palette.vermillion,
        strokeDasharray: "5,3",
        strokeWidth: 1.5,
      }),
      Plot.link(rows, {
        x1: "lower",
        x2: "upper",
        y1: "position",
        y2: "position",
        stroke: palette.blue,
        strokeWidth: 6,
        strokeLinecap: "round",
        strokeOpacity: 0.8,
      }),
      Plot.dot(rows, { x: "rating", y: "position", r: 4, fill: "currentColor" }),
      Plot.text(rows, {
        x: lo,
        y: "position",
        text: (d: ArenaShownRow) => clipText(`${d.position}. ${d.model}`, fits),
        title: (d: ArenaShownRow) => `${d.position}. ${d.model}`,
        textAnchor: "end",
        dx: -8,
        fontSize: compact ? 11.5 : 12.5,
      }),
      Plot.text(rows, {
        x: hi,
        y: "position",
        text: (d: ArenaShownRow) => rankLabel(m, d, compact),
        textAnchor: "start",
        dx: 8,
        fontSize: compact ? 11.5 : 12,
      }),
    ],
  });
  plot.setAttribute("aria-label", `Chatbot Arena ratings on ${m.date}, top ${rows.length}`);
  return plot;
}

export function arenaSnapshotReadout(m: ArenaSnapshotModel): Node {
  const r = m.reading;
  const move = r.biggestStyleMove;
  const style =
    m.hasStyle && move
      ? html`<li>Style control moves <strong>${move.model}</strong> from rank ${formatCount(move.from)} to <span data-readout="style-move" data-value=${move.from - move.to}>${formatCount(move.to)}</span></li>`
      : html`<li>No style-controlled rank in this snapshot: LMSYS introduced style control on ${STYLE_CONTROL.introduced}, and the scraped table carries it from ${m.firstStyleDate ?? "a later snapshot"} on.</li>`;
  return html`<div>
    <div class="big-number" data-readout="sharing-first" data-value=${r.sharingFirst}>${formatCount(r.sharingFirst)}</div>
    <div class="big-caption">model${r.sharingFirst === 1 ? "" : "s"} share rank 1 on ${m.date}</div>
    <ul class="l2-stats">
      <li><span data-readout="separable" data-value=${r.separablePairs}>${formatCount(r.separablePairs)}</span> of ${formatCount(r.pairs)} neighbouring pairs have intervals that do not overlap</li>
      <li><span data-readout="distinct-ranks" data-value=${r.distinctRanks}>${formatCount(r.distinctRanks)}</span> distinct ranks among the top ${formatCount(m.rows.length)}</li>
      <li>${formatCount(m.total)} models on the board that day; votes per model shown: ${formatCount(m.votes[0])} to ${formatCount(m.votes[1])}</li>
      ${style}
    </ul>
  </div>`;
}

/** "What to notice", from the snapshot shown: its style-control move, or its separable neighbours. */
export function arenaSnapshotNotice(m: ArenaSnapshotModel): string {
  const move = m.reading.biggestStyleMove;
  if (m.values.style === 1 && !m.hasStyle)
    return `This snapshot has no style-controlled rank (the scraped table carries it from ${m.firstStyleDate ?? "a later snapshot"} on): the ranks shown are as published.`;
  if (m.useStyle && move && move.from !== move.to)
    return `With style control, the Arena discounts length and formatting — and ranks move: ${move.model} goes from rank ${formatCount(move.from)} to ${formatCount(move.to)}, the largest move in the top ${formatCount(m.rows.length)}. Style was part of the rating.`;
  if (m.useStyle)
    return `With style control, the Arena discounts length and formatting; no model in the top ${formatCount(m.rows.length)} changes rank in this snapshot.`;
  const k = m.reading.separablePairs;
  const lead = "Models whose intervals overlap can share a rank";
  if (k === 0) return `${lead}: here no two neighbours have intervals wholly apart.`;
  return k === 1
    ? `${lead}: a dashed line marks the only neighbours whose intervals are wholly apart.`
    : `${lead}: dashed lines mark the only ${formatCount(k)} pairs of neighbours (of ${formatCount(m.reading.pairs)}) whose intervals are wholly apart.`;
}

export function arenaSnapshotSummary(m: ArenaSnapshotModel): string {
  const r = m.reading;
  return (
    `Chatbot Arena on ${m.date}, top ${formatCount(m.rows.length)} of ${formatCount(m.total)} models by rating. ${formatCount(r.sharingFirst)} share rank 1; ` +
    `${formatCount(r.separablePairs)} of ${formatCount(r.pairs)} neighbouring pairs are separable; ${formatCount(r.distinctRanks)} distinct ranks. ` +
    m.rows
      .map(
        (d) =>
          `${d.position}. ${d.model} ${formatDecimal(d.rating)} (${formatDecimal(d.lower)}–${formatDecimal(d.upper)}), rank ${formatCount(d.shownRank)}, ${formatCount(d.votes)} votes`,
      )
      .join("; ") +
    "."
  );
}

export function arenaSnapshotFigure(data: ArenaData) {
  const history = decodeArenaHistory(data.history);
  const firstStyle = firstStyleDate(history);
  const last = history.length - 1;
  return explorable<ArenaSnapshotValues, ArenaSnapshotModel>({
    id: "l2-arena",
    title: "The real Chatbot Arena: ratings with 95% intervals, and ranks that are really ties",
    controls: {
      snapshot: range({
        key: "snapshot",
        label: "Snapshot",
        min: 0,
        max: last,
        step: 1,
        value: last,
        format: (i) => history[i]?.date ?? "",
      }),
      top: choice({
        key: "top",
        label: "Models shown",
        options: [
          { value: 10, label: "Top 10" },
          { value: 20, label: "Top 20" },
        ],
        value: 20,
      }),
      style: choice({
        key: "style",
        label: "Rank",
        options: [
          { value: 0, label: "As published" },
          { value: 1, label: "With style control" },
        ],
        value: 0,
      }),
    },
    presets: [
      { label: "First snapshot (June 2024)", values: { snapshot: 0 } },
      { label: "Latest (July 2025)", values: { snapshot: last, style: 0 } },
      { label: "Latest, style-controlled", values: { snapshot: last, style: 1 } },
    ],
    source: `Ratings, 95% intervals, votes and ranks: ${data.source}; ${formatCount(history.length)} snapshots, each cut here to its top 20 by rating. LMSYS introduced style control on ${STYLE_CONTROL.introduced} (${STYLE_CONTROL.url.replace("https://", "")}); the scraped table carries a style-controlled rank from its ${firstStyle ?? "later"} snapshot on.`,
    derive: (v) => deriveArenaSnapshot(v, history, firstStyle),
    draw: drawArenaSnapshot,
    readout: arenaSnapshotReadout,
    notice: arenaSnapshotNotice,
    summary: arenaSnapshotSummary,
  });
}
