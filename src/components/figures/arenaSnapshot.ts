// The real Chatbot Arena: ratings with their 95% intervals for any of 88 snapshots (2024-06 to
// 2025-07), the Arena's own ranks (which share a rank when intervals overlap), which neighbours
// are separable, and how ranks move when the Arena controls for style.

import type { ArenaData, ArenaHistoryDigest, ArenaRow, ArenaSnapshot } from "../data/types.js";
import { choice, range } from "../ui/controls.js";
import { explorable } from "../ui/explorable.js";
import { fitRowHeight } from "../ui/fitRows.js";
import { clipText, formatCount } from "../ui/format.js";
import { palette } from "../ui/palette.js";
import * as Plot from "../vendor/plot.js";

/** Expand the compact history into snapshots of rows. */
export function decodeArenaHistory(digest: ArenaHistoryDigest): ArenaSnapshot[] {
  return digest.snapshots.map((s) => ({
    date: s.date,
    total: s.total,
    commit: s.commit,
    rows: s.rows.map(([i, rating, lower, upper, votes, rank, rankStyle]) => ({
      model: digest.models[i] ?? `model ${i}`,
      rating,
      lower,
      upper,
      votes,
      rank,
      rankStyle,
      organization: "",
    })),
  }));
}

export interface ArenaReading {
  rows: (ArenaRow & { position: number; separableFromNext: boolean })[];
  /** Models the Arena ranks 1st (their intervals overlap the leader's). */
  sharingFirst: number;
  /** Adjacent pairs (by rating) whose 95% intervals do not overlap. */
  separablePairs: number;
  pairs: number;
  /** Distinct ranks the Arena gives among these rows. */
  distinctRanks: number;
  /** The largest rank change under style control (positive = climbs), if style ranks exist. */
  biggestStyleMove: { model: string; from: number; to: number } | null;
}

/** Read the top `top` rows of a snapshot: positions, separability of neighbours, shared ranks. */
export function readArena(snapshot: ArenaSnapshot, top: number): ArenaReading {
  const sorted = [...snapshot.rows].sort((a, b) => b.rating - a.rating).slice(0, top);
  const rows = sorted.map((r, i) => ({
    ...r,
    position: i + 1,
    separableFromNext: i + 1 < sorted.length && r.lower > sorted[i + 1]!.upper,
  }));
  let biggest: ArenaReading["biggestStyleMove"] = null;
  for (const r of rows) {
    if (r.rankStyle === null) continue;
    const move = r.rank - r.rankStyle;
    if (!biggest || Math.abs(move) > Math.abs(biggest.from - biggest.to))
      biggest = { model: r.model, from: r.rank, to: r.rankStyle };
  }
  return {
    rows,
    sharingFirst: rows.filter((r) => r.rank === 1).length,
    separablePairs: rows.filter((r, i) => i + 1 < rows.length && r.separableFromNext).length,
    pairs: Math.max(0, rows.length - 1),
    distinctRanks: new Set(rows.map((r) => r.rank)).size,
    biggestStyleMove: biggest,
  };
}

/**
 * LMSYS's style control (answer length and markdown held constant in the Bradley–Terry fit):
 * announced in the post at lmsys.org/blog/2024-08-28-style-control, whose byline reads
 * 29 August 2024. The scraped table only carries the style-controlled rank from October 2024.
 */
export const STYLE_CONTROL = {
  introduced: "29 August 2024",
  blogPostDate: "2024-08-28",
  url: "https://lmsys.org/blog/2024-08-28-style-control/",
} as const;

/** The date of the first snapshot with a style-controlled rank, or null if none has one. */
export function firstStyleDate(history: readonly ArenaSnapshot[]): string | null {
  return history.find((s) => s.rows.some((r) => r.rankStyle !== null))?.date ?? null;
}

export function arenaSnapshotFigure(data: ArenaData) {
  const history = decodeArenaHistory(data.history);
  const last = history.length - 1;
  return explorable({
    id: "l2-arena",
    title: "The real Chatbot Arena: ratings with 95% intervals, and ranks that are really ties",
    notice: (v) =>
      v.style
        ? "With style control, the Arena discounts length and formatting — and several models move many places. Style was part of the rating."
        : "Models whose intervals overlap can share a rank: a dashed line marks the only neighbours whose intervals are wholly apart.",
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
    source: `Ratings, 95% intervals, votes and ranks: ${data.source}; ${history.length} snapshots, each cut here to its top 20 by rating. LMSYS introduced style control on ${STYLE_CONTROL.introduced} (${STYLE_CONTROL.url.replace("https://", "")}); the scraped table carries a style-controlled rank from its ${firstStyleDate(history) ?? "later"} snapshot on.`,
    render(v, { width, height: room }) {
      const snap = history[Math.min(last, Math.max(0, v.snapshot))]!;
      const reading = readArena(snap, v.top);
      const hasStyle = reading.rows.some((r) => r.rankStyle !== null);
      const useStyle = v.style === 1 && hasStyle;
      const rankOf = (r: ArenaRow) => (useStyle ? (r.rankStyle ?? r.rank) : r.rank);
      const rows = reading.rows;
      const lo = Math.min(...rows.map((r) => r.lower));
      const hi = Math.max(...rows.map((r) => r.upper));
      const dividers = rows
        .filter((r, i) => i + 1 < rows.length && r.separableFromNext)
        .map((r) => ({ after: r.model, y: r.position + 0.5 }));
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
          domain: [lo - 4, hi + 4],
          label: compact ? "Rating →" : "Arena rating (Elo scale) →",
          grid: true,
          axis: "top",
          ticks: compact ? 3 : 6,
        },
        y: { domain: [0.5, rows.length + 0.5], axis: null, reverse: true },
        marks: [
          Plot.ruleY(dividers, {
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
            x: lo - 4,
            y: "position",
            text: (d: ArenaRow & { position: number }) => clipText(`${d.position}. ${d.model}`, fits),
            title: (d: ArenaRow & { position: number }) => `${d.position}. ${d.model}`,
            textAnchor: "end",
            dx: -8,
            fontSize: compact ? 11.5 : 12.5,
          }),
          Plot.text(rows, {
            x: hi + 4,
            y: "position",
            text: (d: ArenaRow) =>
              compact
                ? `rank ${rankOf(d)}`
                : `rank ${rankOf(d)}${useStyle && d.rankStyle !== d.rank ? ` (was ${d.rank})` : ""} · ${formatCount(d.votes)} votes`,
            textAnchor: "start",
            dx: 8,
            fontSize: compact ? 11.5 : 12,
          }),
        ],
      });
      plot.setAttribute("aria-label", `Chatbot Arena ratings on ${snap.date}, top ${rows.length}`);
      const readout = document.createElement("div");
      const move = reading.biggestStyleMove;
      readout.innerHTML = `
        <div class="big-number" data-readout="sharing-first" data-value="${reading.sharingFirst}">${reading.sharingFirst}</div>
        <div class="big-caption">model${reading.sharingFirst === 1 ? "" : "s"} share rank 1 on ${snap.date}</div>
        <ul class="l2-stats">
          <li><span data-readout="separable" data-value="${reading.separablePairs}">${reading.separablePairs}</span> of ${reading.pairs} neighbouring pairs have intervals that do not overlap</li>
          <li><span data-readout="distinct-ranks" data-value="${reading.distinctRanks}">${reading.distinctRanks}</span> distinct ranks among the top ${rows.length}</li>
          <li>${formatCount(snap.total)} models on the board that day; votes per model shown: ${formatCount(Math.min(...rows.map((r) => r.votes)))} to ${formatCount(Math.max(...rows.map((r) => r.votes)))}</li>
          ${
            hasStyle && move
              ? `<li>Style control moves <strong>${move.model}</strong> from rank ${move.from} to <span data-readout="style-move" data-value="${move.from - move.to}">${move.to}</span></li>`
              : `<li>No style-controlled rank in this snapshot: LMSYS introduced style control on ${STYLE_CONTROL.introduced}, and the scraped table carries it from ${firstStyleDate(history) ?? "a later snapshot"} on.</li>`
          }
        </ul>`;
      const summary =
        `Chatbot Arena on ${snap.date}, top ${rows.length} of ${snap.total} models by rating. ${reading.sharingFirst} share rank 1; ` +
        `${reading.separablePairs} of ${reading.pairs} neighbouring pairs are separable; ${reading.distinctRanks} distinct ranks. ` +
        rows
          .map(
            (r) =>
              `${r.position}. ${r.model} ${r.rating} (${r.lower}–${r.upper}), rank ${rankOf(r)}, ${formatCount(r.votes)} votes`,
          )
          .join("; ") +
        ".";
      return { figure: plot, summary, readout };
    },
  });
}
