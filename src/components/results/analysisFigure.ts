// The comparison of the user's models as an explorable figure: the rank-overlap chart, how many
// pairs are told apart and what the closest pair would need, and the accuracy and pair tables.
// Reads top to bottom: the model, derive, draw, readout, notice, summary, then the constructor.
import { html } from "htl";
import { type RankOverlapRow, rankOverlapChart } from "../figures/parts/rankChart.js";
import { type PAdjustMethod, pAdjustMethods } from "../stats/multipleComparisons.js";
import { choice, confidenceChoice } from "../ui/controls.js";
import { explorable, type RenderContext } from "../ui/explorable.js";
import { formatCount, formatPercent, formatPp } from "../ui/format.js";
import { type Analysis, FEW_CLUSTERS, withCorrection } from "./analysis.js";
import { accuracyTable, correctionLabel, pairsTable } from "./analysisTables.js";
import type { PipelineResult } from "./pipeline.js";
import { CONFIDENCES } from "./types.js";

export interface AnalysisValues extends Record<string, unknown> {
  confidence: number;
  correction: PAdjustMethod;
}

export interface AnalysisModel {
  /** The analysis at the chosen confidence, with the chosen correction applied to its pairs. */
  a: Analysis;
  /** Which models answered which items (for the "not shared" column). */
  coverage: PipelineResult["combined"];
}

/** The precomputed analysis at the chosen level, its pairs corrected as chosen. */
export function deriveAnalysis(result: PipelineResult, v: AnalysisValues): AnalysisModel {
  const at = result.analyses![CONFIDENCES.indexOf(v.confidence as (typeof CONFIDENCES)[number])]!;
  return { a: withCorrection(at, v.correction), coverage: result.combined };
}

export function drawAnalysis({ a }: AnalysisModel, { width }: RenderContext): Node {
  const rows: RankOverlapRow[] = a.models.map((m) => ({
    model: m.model,
    estimate: m.accuracy,
    lower: m.lower,
    upper: m.upper,
    rank: m.rank,
    rankLower: m.rankLower,
    rankUpper: m.rankUpper,
  }));
  return rankOverlapChart(rows, {
    width,
    scoreLabel: `Accuracy on the ${formatCount(a.n)} shared items (%)`,
  });
}

/** How many pairs are told apart, and how many items the closest pair would need. */
function closestReadout(a: Analysis): HTMLElement {
  const c = a.closest;
  if (!c) return html`<div class="results-closest"><p>One model only: there is no pair to compare.</p></div>`;
  const alpha = 1 - a.confidence;
  const pairs = a.pairs.length;
  const separated = a.pairs.filter((p) => p.separated).length;
  const told = html`<div class="results-stat">
    <div class="big-number" data-readout="pairs-separated" data-value=${separated}>${separated} of ${pairs}</div>
    <div class="big-caption">pairs of models told apart after ${correctionLabel(a)}'s correction (${Math.round(a.confidence * 100)}% level)</div>
  </div>`;
  const gap = Math.abs(c.diff);
  if (gap === 0)
    return html`<div class="results-closest">${told}<p data-readout="items-needed" data-value="Infinity">The closest pair, ${c.a} and ${c.b}, scored exactly the same on the ${formatCount(c.n)} shared items: no number of extra items can be expected to separate them.</p></div>`;
  const corrected =
    pairs > 1
      ? `, or ${formatCount(c.itemsNeededCorrected)} in all if the gap must survive a correction for ${pairs} pairs (α = ${alpha.toFixed(2)} / ${pairs})`
      : "";
  const now = c.separated
    ? `Even this pair is already separated with ${formatCount(c.n)} items.`
    : `That is ${formatCount(Math.max(0, c.itemsNeeded - c.n))} more than the ${formatCount(c.n)} you have${corrected}. With ${formatCount(c.n)} items, two models this alike are told apart only when they differ by about ${formatPp(c.detectableNow, 1)} or more.`;
  return html`<div class="results-closest">${told}<div class="results-stat">
    <div class="big-number" data-readout="items-needed" data-value=${c.itemsNeeded}>≈ ${formatCount(c.itemsNeeded)}</div>
    <div class="big-caption">items to separate the closest pair — ${c.a} vs ${c.b}, ${formatPp(gap)} apart — with a paired test at ${Math.round(alpha * 100)}% and ${Math.round(a.power * 100)}% power</div>
  </div><p data-readout="detectable-now" data-value=${100 * c.detectableNow}>${now}</p></div>`;
}

export function analysisReadout({ a, coverage }: AnalysisModel): Node {
  return html`<div class="results-readout">
    ${closestReadout(a)}
    <div class="results-scroll" tabindex="0" role="region" aria-label="Accuracy table">${accuracyTable(a, coverage)}</div>
    ${a.pairs.length ? html`<div class="results-scroll tall" tabindex="0" role="region" aria-label="Pairwise comparisons table">${pairsTable(a)}</div>` : null}
  </div>`;
}

export function analysisNotice({ a }: AnalysisModel): string {
  const tied = a.pairs.filter((p) => !p.separated).length;
  const wider = a.models.filter((m) => (m.widthRatio ?? 1) > 1.1).length;
  const pairs =
    a.models.length > 1
      ? `${tied} of ${a.pairs.length} pairs cannot be told apart: where two rank bars overlap, the order between those models is not settled by this test set.`
      : "With one model there are no pairs: the interval is the whole story.";
  const clusters = wider
    ? ` Items in the same cluster move together, so ${wider === a.models.length ? "every" : `${wider} of ${a.models.length}`} interval is more than 10% wider than the naive one.`
    : "";
  const few = a.fewClusters
    ? ` Only ${a.clusterCount} clusters: a cluster-robust SE rests on that many numbers, so it is itself uncertain — the intervals use t with ${(a.clusterCount ?? 2) - 1} degrees of freedom, and with fewer than ${FEW_CLUSTERS} clusters read them as rough.`
    : "";
  return pairs + clusters + few;
}

export function analysisSummary({ a }: AnalysisModel): string {
  const level = `${Math.round(a.confidence * 100)}%`;
  const models = [...a.models].sort((x, y) => x.rank - y.rank);
  const separated = a.pairs.filter((p) => p.separated);
  const each = models.map(
    (m) =>
      `${m.model}: ${formatPercent(m.accuracy)} (${level} interval ${formatPercent(m.lower)} to ${formatPercent(m.upper)}${m.widthRatio ? `, ${m.widthRatio.toFixed(2)} times wider than if items were independent` : ""}), rank ${m.rank}, plausible ranks ${m.rankLower} to ${m.rankUpper}`,
  );
  const apart = separated.length
    ? `: ${separated.map((p) => `${p.a} over ${p.b} by ${formatPp(p.diff, 1)}`).join("; ")}.`
    : ".";
  const closest =
    a.closest && a.closest.diff !== 0
      ? ` The closest pair, ${a.closest.a} and ${a.closest.b}, would need about ${formatCount(a.closest.itemsNeeded)} items to separate.`
      : "";
  return `${a.models.length} models on ${formatCount(a.n)} shared items. ${each.join("; ")}. ${separated.length} of ${a.pairs.length} pairs are separated after ${correctionLabel(a)}'s correction${apart}${closest}`;
}

/** The figure for one analysed run (the result must have its `analyses`). */
export function analysisFigure(result: PipelineResult) {
  return explorable<AnalysisValues, AnalysisModel>({
    id: "your-results",
    title: "Your models: accuracy with its interval, and the ranks each could plausibly hold",
    controls: {
      confidence: confidenceChoice(CONFIDENCES),
      correction: choice({
        key: "correction",
        label: "Correction for many pairs",
        kind: "select",
        options: pAdjustMethods.map((m) => ({
          value: m.id,
          label: `${m.label} (${m.id === "BH" ? "false discovery rate" : "family-wise error"})`,
        })),
        value: "holm" as PAdjustMethod,
      }),
    },
    source:
      "Your files, read in this browser. Rank intervals: parametric bootstrap (1,000 resamples, seed 1). Intervals: Wilson's score interval for 0/1 items; mean ± t·SE for partial scores; cluster-robust mean ± t·SE with G − 1 degrees of freedom when clusters are given. Pairs: paired t on the per-item differences.",
    derive: (v) => deriveAnalysis(result, v),
    draw: drawAnalysis,
    readout: analysisReadout,
    notice: analysisNotice,
    summary: analysisSummary,
  });
}
