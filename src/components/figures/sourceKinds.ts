// The same model and benchmark as reported by different evaluators: self-reported, same-lab
// re-runs, competitors' re-runs and third-party leaderboards, with the spread between them.
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

/** The spread as a table element. */
export function spreadTable(title: string, spread: ReturnType<typeof publishedSpread>): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "l2-table l2-spread";
  const caption = document.createElement("caption");
  caption.textContent = `${title}: ${spread.rows.length} published numbers, ${spread.min.toFixed(1)} to ${spread.max.toFixed(1)} — a spread of ${spread.spreadPp.toFixed(1)} pp`;
  table.append(caption);
  const head = table.createTHead().insertRow();
  for (const h of ["Score", "Evaluated by", "Kind of source", "Setting"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = h;
    head.append(th);
  }
  const body = table.createTBody();
  for (const r of spread.rows) {
    const tr = body.insertRow();
    tr.dataset.score = String(r.score);
    tr.title = r.source;
    for (const text of [r.score.toFixed(2).replace(/0$/, ""), r.evaluator, r.kind, r.setting])
      tr.insertCell().textContent = text;
  }
  return table;
}
