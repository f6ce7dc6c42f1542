// Going deeper, the best of k private variants: k equally good variants each play the same
// number of Arena battles (simulated under Bradley–Terry against real rated opponents); the lab
// publishes the best. The expected inflation and the rank it buys on the real board, by k.
// Anatomy: derive → draw (parts/bestOfKDrawing.ts, kept and moved in place), readout, notice,
// summary (see ciWidth.ts).

import { html } from "htl";
import type { ArenaData } from "../data/types.js";
import { choice, range } from "../ui/controls.js";
import { type ExplorableElement, explorable } from "../ui/explorable.js";
import { formatCount, formatSigned } from "../ui/format.js";
import { keptDrawing } from "../ui/inPlace.js";
import { quickThenExact } from "../ui/quickThenExact.js";
import {
  type BestOfKModel,
  type BestOfKValues,
  bestOfKSimulator,
  deriveBestOfK,
  K_MAX,
  modelAt,
  OPPONENTS,
  QUICK_REPS,
  REPS,
} from "./bestOfKModel.js";
import { bestOfKView } from "./parts/bestOfKDrawing.js";

export * from "./bestOfKModel.js";

export function bestOfKReadout(m: BestOfKModel): Node {
  return html`<div>
    <div class="big-number" data-readout="inflation" data-value=${m.inflation.toFixed(6)}>${formatSigned(m.inflation, 1)}</div>
    <div class="big-caption">Elo points gained on average by publishing the best of ${m.k} equally good variant${m.k === 1 ? "" : "s"} (simulated, <span data-readout="labs" data-value=${m.sim.published.length}>${formatCount(m.sim.published.length)}</span> labs${m.sim.published.length < REPS ? `; ${formatCount(REPS)} when you let go` : ""})</div>
    <dl class="deeper-readout">
      <dt>Theory: SE × E[max of k]</dt><dd data-readout="theory" data-value=${m.theoryHere.toFixed(6)}>${formatSigned(m.theoryHere, 1)} (SE ${m.sim.se.toFixed(1)})</dd>
      <dt>Rank, true → published</dt><dd data-readout="rank" data-true=${m.rankTrue} data-published=${m.rankPublished}>${m.rankTrue} → ${m.rankPublished}</dd>
      <dt>As good as</dt><dd>${m.like.model} (${m.trueRating})</dd>
    </dl>
  </div>`;
}

export function bestOfKNotice(m: BestOfKModel): string {
  return m.k === 1
    ? "One variant, published whatever it scores: no inflation on average. Now add variants."
    : `No variant is better than any other, yet the best of ${m.k} is published ${m.inflation.toFixed(0)} points high on average; more battles per variant shrink the SE and with it the inflation, more variants grow it only slowly (like √(2 ln k)).`;
}

export function bestOfKSummary(m: BestOfKModel): string {
  return (
    `Simulation: ${m.k} variant${m.k === 1 ? "" : "s"} as good as ${m.like.model} (rating ${m.trueRating}, rank ${m.rankTrue}), ${formatCount(m.battles)} battles each. ` +
    `The published best is ${Math.abs(m.inflation).toFixed(1)} points ${m.inflation < 0 ? "below" : "above"} the true rating on average (theory ${formatSigned(m.theoryHere, 1)}, SE ${m.sim.se.toFixed(1)}), which would rank it ${m.rankPublished} instead of ${m.rankTrue}.`
  );
}

/** The figure; pass `simulate` to share its remembered simulations with the page's sentences. */
export function bestOfKFigure(arena: ArenaData, simulate = bestOfKSimulator(arena.latest.rows)) {
  const rows = arena.latest.rows;
  const positions = [3, 10, 25, 50].filter((p) => p <= rows.length);
  // A new number of battles (or model) is simulated with QUICK_REPS labs while the hand moves and
  // REPS once it stops (ui/quickThenExact.ts); a remembered simulation is used at once.
  const quickSimulate = bestOfKSimulator(rows, { reps: QUICK_REPS, quick: true });
  let root: ExplorableElement | null = null;
  const derive = quickThenExact<BestOfKValues, BestOfKModel>({
    keyOf: (v) => `${v.battles}|${v.position}|${v.k}`,
    quick: (v) =>
      deriveBestOfK(v, rows, simulate.has(v.battles, modelAt(rows, v.position)) ? simulate : quickSimulate),
    exact: (v) => deriveBestOfK(v, rows, simulate),
    figure: () => root,
  });
  root = explorable({
    id: "best-of-k",
    title: "Publish the best of k equally good variants",
    controls: {
      k: range({
        key: "k",
        label: "Private variants tested (k)",
        min: 1,
        max: K_MAX,
        step: 1,
        value: 1,
        format: (x) => String(x),
      }),
      battles: range({
        key: "battles",
        label: "Battles per variant",
        min: 500,
        max: 20_000,
        step: 1,
        log: true,
        value: 3000,
        format: (x) => formatCount(x),
      }),
      position: choice({
        key: "position",
        label: "Variants as good as the model ranked",
        options: positions.map((p) => ({ value: p, label: `#${p}` })),
        value: positions[1] ?? positions[0]!,
      }),
    },
    presets: [
      { label: "One variant", values: { k: 1 } },
      { label: "k = 27", values: { k: 27 } },
      { label: "k = 10, few battles", values: { k: 10, battles: 1000 } },
      { label: "k = 10, many battles", values: { k: 10, battles: 20_000 } },
    ],
    source: `A simulation. Opponents: the ${OPPONENTS} models nearest in rating on the LMArena text board of ${arena.latest.date} (${arena.source}); each variant's rating fitted by Bradley–Terry with the opponents held fixed.`,
    derive,
    draw: keptDrawing(bestOfKView),
    readout: bestOfKReadout,
    notice: bestOfKNotice,
    summary: bestOfKSummary,
  });
  return root;
}
