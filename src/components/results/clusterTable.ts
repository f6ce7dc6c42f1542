// Accuracy by cluster: each model's accuracy in each cluster (hardest first), the best model per
// cluster marked, and the micro- and macro-averages beneath. Only draws; clusters.ts computes.
import { html } from "htl";
import { formatCount, formatPercent } from "../ui/format.js";
import type { ClusterBreakdown } from "./clusters.js";

/** `order`: the models as the accuracy table ranks them (the first is the best overall). */
export function clusterTable(b: ClusterBreakdown, order: readonly string[]): HTMLElement {
  const cols = order.map((m) => b.models.indexOf(m));
  const overall = order[0]!;
  const cell = (row: ClusterBreakdown["rows"][number], j: number) => {
    const a = row.accuracy[j]!;
    const best = b.models[j] === row.best;
    return html`<td class=${`num${best ? " best" : ""}`} data-model=${b.models[j]} data-value=${a} style=${`--acc:${Math.round(a * 100)}%`}>${best ? "★ " : ""}${formatPercent(a, 0)}</td>`;
  };
  const averages = [
    ["Micro-average (every item counts once)", "micro", b.micro],
    ["Macro-average (every cluster counts once)", "macro", b.macro],
  ] as const;
  const table = html`<table class="results-table cluster-table">
    <caption class="sr-only">Accuracy of each model in each cluster</caption>
    <thead><tr><th scope="col">Cluster</th><th scope="col" class="num">Items</th>${order.map((m) => html`<th scope="col" class="num">${m}</th>`)}</tr></thead>
    <tbody>${b.rows.map(
      (r) =>
        html`<tr data-cluster=${r.cluster}><th scope="row">${r.cluster}</th><td class="num">${formatCount(r.n)}</td>${cols.map((j) => cell(r, j))}</tr>`,
    )}</tbody>
    <tfoot>${averages.map(
      ([label, key, values]) =>
        html`<tr data-average=${key}><th scope="row" colspan="2">${label}</th>${cols.map(
          (j) =>
            html`<td class="num" data-model=${b.models[j]} data-value=${values[j]}>${formatPercent(values[j]!, 1)}</td>`,
        )}</tr>`,
    )}</tfoot>
  </table>`;
  return html`<section class="results-clusters" data-table="clusters">
    <h3>Accuracy by cluster</h3>
    <p>Clusters sorted from hardest to easiest. ★ marks the best model in each cluster: it is not ${overall}, the best overall, in <strong data-readout="cluster-flips" data-value=${b.flips}>${b.flips} of ${b.rows.length}</strong> clusters. Each cluster has far fewer items than the whole set, so these per-cluster numbers are much noisier than the overall ones.</p>
    <p class="results-averages">The last two rows average over clusters in the two ways Lesson 1 compares: the micro-average weighs each cluster by its items, the macro-average gives each the same weight. When clusters differ in size and difficulty the two can order models differently.</p>
    <div class="results-scroll" tabindex="0" role="region" aria-label="Accuracy by cluster table">${table}</div>
  </section>`;
}
