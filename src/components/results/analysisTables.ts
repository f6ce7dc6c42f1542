// The analysis as tables: each model's accuracy with its interval and plausible ranks, and every
// pair's paired difference with its tests. Only draws; the numbers come from analysis.ts.
import { html } from "htl";
import { pAdjustMethods } from "../stats/multipleComparisons.js";
import {
  formatCount,
  formatPercent,
  formatPp,
  formatPpRange,
  formatPValueCell,
  formatSignedPp,
} from "../ui/format.js";
import type { Analysis } from "./analysis.js";
import type { PipelineResult } from "./pipeline.js";

const levelOf = (a: Analysis) => `${Math.round(a.confidence * 100)}%`;

/** The name of the correction chosen, as people know it ("Holm"). */
export const correctionLabel = (a: Analysis) => pAdjustMethods.find((m) => m.id === a.correction)!.label;

/** How the models' intervals were computed, in words. */
function intervalName(a: Analysis): string {
  const kind = a.models[0]?.interval;
  if (kind === "cluster-t")
    return `mean ± t·SE, cluster-robust over ${a.clusterCount} clusters (t with ${(a.clusterCount ?? 2) - 1} degrees of freedom)`;
  if (kind === "wilson")
    return "Wilson's score interval (it stays within 0–100% and is honest at 0 or all right)";
  return `mean ± t·SE (t with ${a.n - 1} degrees of freedom)`;
}

const headRow = (columns: readonly string[]) =>
  html`<thead><tr>${columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>`;

/** Each model's accuracy, interval, plausible ranks, standard errors and the items it was missing. */
export function accuracyTable(a: Analysis, coverage: PipelineResult["combined"]): HTMLElement {
  const level = levelOf(a);
  const clustered = a.clusterCount !== null && a.clusterCount >= 2;
  const rows = [...a.models].sort((x, y) => x.rank - y.rank || y.accuracy - x.accuracy);
  const columns = [
    "Rank",
    `Plausible ranks (${level})`,
    "Model",
    "Accuracy",
    `${level} interval`,
    "SE if items were independent",
    ...(clustered ? ["Clustered SE", "Interval is wider by"] : []),
    "Items not shared (left out)",
  ];
  const clusteredCells = (m: Analysis["models"][number]) =>
    clustered
      ? html.fragment`<td data-readout="clustered-se" data-value=${100 * (m.clusteredSE ?? 0)}>${formatPp(m.clusteredSE ?? 0)}</td><td data-readout="width-ratio" data-value=${m.widthRatio ?? 1}>${(m.widthRatio ?? 1).toFixed(2)}×</td>`
      : null;
  return html`<table class="results-table" data-table="accuracy">
    <caption>Accuracy on the ${formatCount(a.n)} shared items, with its ${level} interval: ${intervalName(a)}</caption>
    ${headRow(columns)}
    <tbody>${rows.map((m) => {
      const cov = coverage?.coverage.find((c) => c.model === m.model);
      const ranks = m.rankLower === m.rankUpper ? String(m.rankLower) : `${m.rankLower}–${m.rankUpper}`;
      return html`<tr data-model=${m.model}>
        <td>${m.rank}</td>
        <td data-readout="rank-interval" data-lower=${m.rankLower} data-upper=${m.rankUpper}>${ranks}</td>
        <th scope="row">${m.model}</th>
        <td data-readout="accuracy" data-value=${100 * m.accuracy}>${formatPercent(m.accuracy)}</td>
        <td data-readout="interval" data-lower=${m.lower} data-upper=${m.upper}>${formatPercent(m.lower)} – ${formatPercent(m.upper)}</td>
        <td data-readout="naive-se" data-value=${100 * m.naiveSE}>${formatPp(m.naiveSE)}</td>
        ${clusteredCells(m)}
        <td data-readout="not-shared" data-value=${cov?.notShared ?? 0}>${cov ? `${formatCount(cov.notShared)} of ${formatCount(cov.items)}` : "–"}</td>
      </tr>`;
    })}</tbody>
  </table>`;
}

/** Every pair: the paired difference, its interval, the paired t-test and the corrected p. */
export function pairsTable(a: Analysis): HTMLElement {
  const method = correctionLabel(a);
  const level = levelOf(a);
  const alpha = 1 - a.confidence;
  const df = a.pairs[0]?.df ?? a.n - 1;
  const mcnemar = a.pairs.some((p) => p.mcnemarP !== null);
  const sorted = [...a.pairs].sort((x, y) => x.adjustedP - y.adjustedP || y.diff - x.diff);
  const columns = [
    "Higher",
    "Lower",
    "Difference",
    `${level} interval`,
    "Right only by higher / lower",
    "Corr. r",
    "Paired t-test p",
    ...(mcnemar ? ["McNemar exact p"] : []),
    `${method} p`,
    `Apart at ${Math.round(alpha * 100)}%?`,
  ];
  return html`<table class="results-table" data-table="pairs">
    <caption>Every pair on the shared items: the paired difference with its interval and a paired t-test (${df} degrees of freedom) from the same per-item differences — so the interval leaves out 0 exactly when p &lt; ${Number(alpha.toFixed(3))} — and the p-value after ${method}'s correction for ${a.pairs.length} comparisons${mcnemar ? "; McNemar's exact p beside it for reference" : ""}</caption>
    ${headRow(columns)}
    <tbody>${sorted.map(
      (p) => html`<tr data-pair=${`${p.a}|${p.b}`} class=${p.separated ? "separated" : "tied"}>
        <td>${p.a}</td><td>${p.b}</td>
        <td data-readout="diff" data-value=${100 * p.diff}>${formatSignedPp(p.diff)}</td>
        <td data-readout="diff-interval" data-lower=${p.lower} data-upper=${p.upper}>${formatPpRange(p.lower, p.upper)}</td>
        <td>${a.binary ? `${formatCount(p.onlyA)} / ${formatCount(p.onlyB)}` : "–"}</td>
        <td>${p.correlation.toFixed(2)}</td>
        <td data-readout="p-value" data-value=${p.pValue}>${formatPValueCell(p.pValue)}</td>
        ${mcnemar ? html`<td data-readout="mcnemar-p" data-value=${String(p.mcnemarP)}>${p.mcnemarP === null ? "–" : formatPValueCell(p.mcnemarP)}</td>` : null}
        <td data-readout="adjusted-p" data-value=${p.adjustedP}>${formatPValueCell(p.adjustedP)}</td>
        <td data-readout="separated" data-value=${p.separated ? "1" : "0"}>${p.separated ? "✓ yes" : "≈ tied"}</td>
      </tr>`,
    )}</tbody>
  </table>`;
}
