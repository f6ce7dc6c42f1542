// Chatbot Arena ratings with 95% intervals and vote counts: the latest snapshot in full and a
// compact digest of the 88-snapshot history (each snapshot cut to its top models by rating).
import type { ArenaData, ArenaRow, ArenaSnapshot } from "../components/data/types.js";
import { readTable, type Schema } from "./source.js";

const schema = {
  snapshot_date: "string",
  rank: "integer",
  rank_stylectrl: "optional-number",
  model: "string",
  rating: "number",
  ci_lower: "number",
  ci_upper: "number",
  votes: "integer",
  organization: "optional-string",
  source_commit: "string",
} satisfies Schema;

const HISTORY_TOP = 20;

type Raw = ReturnType<typeof readTable<typeof schema>>[number];
const row = (r: Raw): ArenaRow => ({
  model: r.model,
  rating: r.rating,
  lower: r.ci_lower,
  upper: r.ci_upper,
  votes: r.votes,
  rank: r.rank,
  rankStyle: r.rank_stylectrl,
  organization: r.organization ?? "",
});

function snapshots(rows: Raw[], top = Number.POSITIVE_INFINITY): ArenaSnapshot[] {
  const byDate = new Map<string, Raw[]>();
  for (const r of rows) {
    const list = byDate.get(r.snapshot_date) ?? [];
    list.push(r);
    byDate.set(r.snapshot_date, list);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, list]) => {
      const sorted = list.sort((a, b) => b.rating - a.rating || a.rank - b.rank);
      return { date, total: list.length, commit: list[0]!.source_commit, rows: sorted.slice(0, top).map(row) };
    });
}

const latest = snapshots(readTable("arena_leaderboard.csv", schema))[0]!;
const history = snapshots(readTable("arena_leaderboard_history.csv", schema), HISTORY_TOP);

// The history as tuples over a table of model names: [model index, rating, lower, upper, votes, rank, rank with style control].
const models = [...new Set(history.flatMap((s) => s.rows.map((r) => r.model)))];
const index = new Map(models.map((m, i) => [m, i]));
const out: ArenaData = {
  latest,
  history: {
    models,
    snapshots: history.map((s) => ({
      date: s.date,
      total: s.total,
      commit: s.commit,
      rows: s.rows.map((r) => [index.get(r.model)!, r.rating, r.lower, r.upper, r.votes, r.rank, r.rankStyle]),
    })),
  },
  source:
    "fboulnois/llm-leaderboard-csv csv/lmsys.csv, every git version from 2024-06-19 to 2025-07-18 (MPL-2.0); the numbers are the LMArena (Chatbot Arena) text leaderboard's",
};

process.stdout.write(JSON.stringify(out));
