// The compare tool's state — two score cards and what is known about the pair — as text fields
// that round-trip through the URL (?a.model=…&a.score=…&pair.aLeads=…), so a comparison can be
// shared. Pure: parsing is forgiving (bad values are ignored, never an error), and validation
// says in words what is wrong with a card.
import type { Codec } from "../ui/urlState.js";
import type { PairEvidence } from "./protocol.js";
import type { EvaluatorKind, ScoreCard, Tristate } from "./scoreCard.js";

// A type alias (not an interface) so it fits Record<string, unknown> for the URL codecs.
export type PairFields = {
  /** Other benchmarks (comma-separated) on which A leads B in one pipeline. */
  aLeads: string;
  /** …and on which B leads A. */
  bLeads: string;
  reproA: Tristate;
  reproB: Tristate;
};

export const emptyPair: PairFields = { aLeads: "", bLeads: "", reproA: "unknown", reproB: "unknown" };

/** The course lab's scenario: Model X (89% MMLU, self-reported, 0-shot) vs Model Y (87%, Open LLM Leaderboard, 5-shot). */
export const exampleCards: { a: ScoreCard; b: ScoreCard; pair: PairFields } = {
  a: {
    model: "Model X",
    benchmark: "MMLU",
    version: "",
    score: 89,
    n: 14042,
    shots: "0",
    cot: "unknown",
    decoding: "",
    metric: "accuracy",
    prompt: "",
    evaluator: "Model X's lab",
    evaluatorKind: "self-reported",
    params: null,
    source: "typed by hand (Lab 3's scenario)",
  },
  b: {
    model: "Model Y",
    benchmark: "MMLU",
    version: "test",
    score: 87,
    n: 14042,
    shots: "5",
    cot: "no",
    decoding: "",
    metric: "accuracy",
    prompt: "lm-evaluation-harness",
    evaluator: "Hugging Face Open LLM Leaderboard",
    evaluatorKind: "leaderboard",
    params: null,
    source: "typed by hand (Lab 3's scenario)",
  },
  pair: emptyPair,
};

const MAX_TEXT = 300;

export const textCodec: Codec<string> = {
  parse: (t) => (typeof t === "string" && t.length <= MAX_TEXT ? t.trim() : undefined),
  format: (v) => v,
};

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** A number in [min, max] (optionally an integer); "-" or "" stands for "not stated" (null) when nullable. */
export function numberFieldCodec(
  min: number,
  max: number,
  { integer = false, nullable = false } = {},
): Codec<number | null> {
  return {
    parse(t) {
      if (typeof t !== "string" || t.length > 40) return undefined;
      const s = t.trim();
      if (s === "-" || s === "") return nullable ? null : undefined;
      if (!DECIMAL.test(s)) return undefined;
      const v = Number(s);
      if (!Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) return undefined;
      return v;
    },
    format: (v) => (v === null ? "-" : String(v)),
  };
}

export function oneOfCodec<T extends string>(values: readonly T[]): Codec<T> {
  return {
    parse: (t) => values.find((v) => v === (typeof t === "string" ? t.trim() : "")),
    format: (v) => v,
  };
}

export const tristates = ["yes", "no", "unknown"] as const satisfies readonly Tristate[];
export const evaluatorKinds = [
  "self-reported",
  "third-party",
  "leaderboard",
] as const satisfies readonly EvaluatorKind[];
export const decodings = ["", "greedy", "sampled"] as const;

export const cardCodecs: { [K in keyof ScoreCard]: Codec<ScoreCard[K]> } = {
  model: textCodec,
  benchmark: textCodec,
  version: textCodec,
  score: numberFieldCodec(0, 100) as Codec<number>,
  n: numberFieldCodec(1, 10_000_000, { integer: true, nullable: true }),
  shots: textCodec,
  cot: oneOfCodec(tristates),
  decoding: textCodec,
  metric: textCodec,
  prompt: textCodec,
  evaluator: textCodec,
  evaluatorKind: oneOfCodec(evaluatorKinds),
  params: numberFieldCodec(0, 100_000, { nullable: true }),
  source: textCodec,
};

export const pairCodecs: { [K in keyof PairFields]: Codec<PairFields[K]> } = {
  aLeads: textCodec,
  bLeads: textCodec,
  reproA: oneOfCodec(tristates),
  reproB: oneOfCodec(tristates),
};

/** Benchmarks named in a comma-separated field. */
export function benchmarkList(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The pair fields as the protocol's evidence. */
export function evidenceFromFields(p: PairFields): PairEvidence {
  const aLeads = benchmarkList(p.aLeads);
  const bLeads = benchmarkList(p.bLeads);
  const others = [
    ...aLeads.map((benchmark) => ({ benchmark, leader: "A" as const })),
    ...bLeads.map((benchmark) => ({ benchmark, leader: "B" as const })),
  ];
  const repro = (t: Tristate) => (t === "yes" ? true : t === "no" ? false : null);
  return {
    otherBenchmarks: others.length ? others : null,
    reproducedA: repro(p.reproA),
    reproducedB: repro(p.reproB),
  };
}

/** Evidence from the data, written back as fields (so the form shows what the table says). */
export function fieldsFromEvidence(e: PairEvidence): PairFields {
  const others = e.otherBenchmarks ?? [];
  const t = (r: boolean | null): Tristate => (r === true ? "yes" : r === false ? "no" : "unknown");
  return {
    aLeads: others
      .filter((o) => o.leader === "A")
      .map((o) => o.benchmark)
      .join(", "),
    bLeads: others
      .filter((o) => o.leader === "B")
      .map((o) => o.benchmark)
      .join(", "),
    reproA: t(e.reproducedA),
    reproB: t(e.reproducedB),
  };
}

/** What is wrong with a card, in words (empty when it can be compared). */
export function validateCard(c: ScoreCard, who: string): string[] {
  const out: string[] = [];
  if (!Number.isFinite(c.score) || c.score < 0 || c.score > 100)
    out.push(`${who}: the score must be a percentage between 0 and 100.`);
  if (c.n !== null && (!Number.isInteger(c.n) || c.n < 1))
    out.push(`${who}: N must be a whole number of questions, at least 1.`);
  if (!c.benchmark.trim()) out.push(`${who}: name the benchmark.`);
  return out;
}
