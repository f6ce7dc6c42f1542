// What the published-scores table itself says about a pair of published numbers: on which other
// benchmarks one evaluator scored both models (and who led), and whether a third party reproduced
// each number. Also the "same model, different numbers" groups the lesson shows.
import type { Benchmark, PublishedScore } from "../data/types.js";
import { twoProportionTest } from "../stats/tests.js";
import { benchmarkSize, canonicalBenchmark } from "./benchmarkNames.js";
import type { PairEvidence } from "./protocol.js";
import { canonicalModel, evaluatorKind } from "./scoreCard.js";

const key = (r: PublishedScore) => `${canonicalModel(r.model)}\u0000${canonicalBenchmark(r.benchmark)}`;

/**
 * Is `row` reproduced by a third party in `rows`? Another row for the same model and benchmark,
 * by a different, non-self-reporting evaluator, whose score is within noise of this one
 * (the 95% interval of the difference includes zero; within 1 pp when N is unknown).
 */
export function reproductionOf(
  rows: readonly PublishedScore[],
  row: PublishedScore,
  benchmarks: readonly Benchmark[],
): { reproduced: boolean | null; note: string | null } {
  const k = key(row);
  const others = rows.filter(
    (r) => r !== row && key(r) === k && r.evaluator !== row.evaluator && evaluatorKind(r) !== "self-reported",
  );
  if (others.length === 0) return { reproduced: null, note: null };
  const n = benchmarkSize(benchmarks, row.benchmark)?.n ?? null;
  const close = (r: PublishedScore) => {
    if (!n) return Math.abs(r.score - row.score) <= 1;
    const t = twoProportionTest(
      { k: Math.round((row.score / 100) * n), n },
      { k: Math.round((r.score / 100) * n), n },
    );
    return t.lower <= 0 && t.upper >= 0;
  };
  const hit = others.find(close);
  if (hit) {
    return {
      reproduced: true,
      note: `${row.model}'s ${row.score} was reproduced by ${hit.evaluator} (${hit.score})`,
    };
  }
  const first = others[0]!;
  return {
    reproduced: false,
    note: `${first.evaluator} got ${first.score} for ${row.model}, not ${row.score}`,
  };
}

/**
 * Other benchmarks on which both models were scored by one evaluator (the pair's own evaluator
 * when they share one), with who led on each. Null when there are none.
 */
export function otherBenchmarks(
  rows: readonly PublishedScore[],
  a: PublishedScore,
  b: PublishedScore,
): { benchmark: string; leader: "A" | "B" | "tie"; evaluator: string }[] | null {
  const mA = canonicalModel(a.model);
  const mB = canonicalModel(b.model);
  if (mA === mB) return null;
  const here = canonicalBenchmark(a.benchmark);
  const preferred = a.evaluator === b.evaluator ? a.evaluator : null;
  const out = new Map<string, { benchmark: string; leader: "A" | "B" | "tie"; evaluator: string }>();
  const ofA = rows.filter((r) => canonicalModel(r.model) === mA);
  const ofB = rows.filter((r) => canonicalModel(r.model) === mB);
  for (const ra of ofA) {
    const bm = canonicalBenchmark(ra.benchmark);
    if (bm === here) continue;
    if (preferred && ra.evaluator !== preferred) continue;
    const rb = ofB.find(
      (r) => canonicalBenchmark(r.benchmark) === bm && r.evaluator === ra.evaluator && r.shots === ra.shots,
    );
    if (!rb) continue;
    if (out.has(bm)) continue;
    out.set(bm, {
      benchmark: bm,
      leader: ra.score > rb.score ? "A" : rb.score > ra.score ? "B" : "tie",
      evaluator: ra.evaluator,
    });
  }
  return out.size ? [...out.values()] : null;
}

/** Everything the table says about a pair, in the shape the protocol takes. */
export function evidenceFor(
  rows: readonly PublishedScore[],
  a: PublishedScore,
  b: PublishedScore,
  benchmarks: readonly Benchmark[],
): PairEvidence {
  const ra = reproductionOf(rows, a, benchmarks);
  const rb = reproductionOf(rows, b, benchmarks);
  return {
    otherBenchmarks:
      otherBenchmarks(rows, a, b)?.map(({ benchmark, leader }) => ({ benchmark, leader })) ?? null,
    reproducedA: ra.reproduced,
    reproducedB: rb.reproduced,
    ...(ra.note ? { reproductionNoteA: ra.note } : {}),
    ...(rb.note ? { reproductionNoteB: rb.note } : {}),
  };
}

export interface SameModelGroup {
  model: string;
  benchmark: string;
  rows: PublishedScore[];
  spread: number;
}

/**
 * Models with more than one published score on the same benchmark (same canonical model,
 * benchmark and shot count), widest spread first. The real-world face of the comparability
 * requirements: one model, several numbers.
 */
export function sameModelGroups(rows: readonly PublishedScore[], { minRows = 2 } = {}): SameModelGroup[] {
  const groups = new Map<string, PublishedScore[]>();
  for (const r of rows) {
    const k = `${key(r)}\u0000${r.shots ?? ""}`;
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  const out: SameModelGroup[] = [];
  for (const list of groups.values()) {
    if (list.length < minRows) continue;
    const scores = list.map((r) => r.score);
    out.push({
      model: list[0]!.model,
      benchmark: canonicalBenchmark(list[0]!.benchmark),
      rows: [...list].sort((x, y) => x.score - y.score),
      spread: Math.max(...scores) - Math.min(...scores),
    });
  }
  return out.sort((x, y) => y.spread - x.spread);
}
