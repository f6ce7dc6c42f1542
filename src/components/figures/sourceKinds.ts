// The same model and benchmark as reported by different evaluators: self-reported, same-lab
// re-runs, competitors' re-runs and third-party leaderboards, with the spread between them.
import { html } from "htl";
import type { PublishedScore } from "../data/types.js";

export interface SpreadRow {
  score: number;
  evaluator: string;
  kind: string;
  setting: string;
  source: string;
}

/** Every published score of `models` (names as they appear in the data) on `benchmark`, lowest first. */
export function publishedSpread(
  scores: readonly Pick<
    PublishedScore,
    "model" | "benchmark" | "score" | "shots" | "extra_setting" | "evaluator" | "evaluator_type" | "source"
  >[],
  models: readonly string[],
  benchmark: string,
) {
  const rows: SpreadRow[] = scores
    .filter((s) => models.includes(s.model) && s.benchmark === benchmark)
    .map((s) => ({
      score: s.score,
      evaluator: s.evaluator,
      kind: s.evaluator_type,
      setting: [
        s.shots && !(s.extra_setting ?? "").includes(`${s.shots}-shot`) ? `${s.shots}-shot` : "",
        s.extra_setting ?? "",
      ]
        .filter(Boolean)
        .join("; "),
      source: s.source,
    }))
    .sort((a, b) => a.score - b.score);
  const values = rows.map((r) => r.score);
  return {
    rows,
    min: Math.min(...values),
    max: Math.max(...values),
    spreadPp: Math.max(...values) - Math.min(...values),
  };
}

/** A published score as printed: two decimals, a trailing zero dropped (71.30 → "71.3"). */
const printed = (score: number) => score.toFixed(2).replace(/0$/, "");

/** The spread as a table element. */
export function spreadTable(title: string, spread: ReturnType<typeof publishedSpread>): HTMLTableElement {
  return html`<table class="l2-table l2-spread">
    <caption>${title}: ${spread.rows.length} published numbers, ${spread.min.toFixed(1)} to ${spread.max.toFixed(1)} — a spread of ${spread.spreadPp.toFixed(1)} pp</caption>
    <thead><tr>${["Score", "Evaluated by", "Kind of source", "Setting"].map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
    <tbody>${spread.rows.map(
      (r) =>
        html`<tr data-score=${r.score} title=${r.source}>${[printed(r.score), r.evaluator, r.kind, r.setting].map((text) => html`<td>${text}</td>`)}</tr>`,
    )}</tbody>
  </table>` as unknown as HTMLTableElement;
}
