// One simulated model answering a fixed MMLU-shaped question set (the 57 real subject sizes),
// scored under the five choices that sit behind every published number: prompt (shot count),
// decoding, answer extraction, aggregation — and, outside the evaluator's control, contamination.
// Everything random is drawn once per seed, so a setup always gives the same score for a seed.
import { averages } from "../scoring/aggregate.js";
import { proportionInterval } from "../stats/intervals.js";
import { normalSampler, seededRandom } from "../stats/random.js";

export type Shots = 0 | 5 | 25;
export type Decoding = "greedy" | "sampled";
/** Rules the simulated grader can use (their real-text versions live in scoring/extractionRules). */
export type SimRule = "answerIs" | "answerIsGuess" | "firstCapital" | "lastLetter";
export type Aggregation = "micro" | "macro";

export interface SimSetup {
  shots: Shots;
  decoding: Decoding;
  /** Sampling temperature (used when decoding is "sampled"). */
  temperature: number;
  rule: SimRule;
  aggregation: Aggregation;
  contamination: boolean;
}

/** The setup every contribution is measured from: 5-shot, greedy, "answer is (X)", micro, clean. */
export const referenceSetup: SimSetup = {
  shots: 5,
  decoding: "greedy",
  temperature: 1,
  rule: "answerIs",
  aggregation: "micro",
  contamination: false,
};

/** How the model writes its answer. The same response is read differently by different rules. */
export type ResponseStyle = "bare" | "answerIs" | "mentionsOther" | "rambles" | "noLetter";

export const responseStyles: readonly { id: ResponseStyle; example: string }[] = [
  { id: "bare", example: "C" },
  { id: "answerIs", example: "… so the answer is (C)." },
  { id: "mentionsOther", example: "A is tempting, but … the answer is (C)." },
  { id: "rambles", example: "The answer is (C).\nQuestion: … (A) … (D)" },
  { id: "noLetter", example: "It depends on the interpretation of the question …" },
];

/**
 * Share of each response style by shot count. Few-shot examples show the format
 * ("The answer is (X)."), so the model follows it more often; zero-shot answers are freer.
 */
export const styleMix: Record<Shots, Record<ResponseStyle, number>> = {
  0: { bare: 0.03, answerIs: 0.75, mentionsOther: 0.09, rambles: 0.09, noLetter: 0.04 },
  5: { bare: 0.01, answerIs: 0.85, mentionsOther: 0.06, rambles: 0.05, noLetter: 0.03 },
  25: { bare: 0.01, answerIs: 0.88, mentionsOther: 0.05, rambles: 0.04, noLetter: 0.02 },
};

/**
 * What a rule makes of a response style: the intended letter, a rejected option, a letter from
 * run-on text, nothing (scored wrong), or nothing replaced by a random guess (as MMLU-Pro's scoring does).
 */
export type Reading = "intended" | "other" | "random" | "none" | "guess";
export const ruleReads: Record<SimRule, Record<ResponseStyle, Reading>> = {
  answerIs: {
    bare: "none",
    answerIs: "intended",
    mentionsOther: "intended",
    rambles: "intended",
    noLetter: "none",
  },
  answerIsGuess: {
    bare: "guess",
    answerIs: "intended",
    mentionsOther: "intended",
    rambles: "intended",
    noLetter: "guess",
  },
  firstCapital: {
    bare: "intended",
    answerIs: "intended",
    mentionsOther: "other",
    rambles: "intended",
    noLetter: "none",
  },
  lastLetter: {
    bare: "intended",
    answerIs: "intended",
    mentionsOther: "intended",
    rambles: "random",
    noLetter: "none",
  },
};

/** Shift of the model's margin (logits) by shot count: demonstrations help, with diminishing returns. */
export const shotBoost: Record<Shots, number> = { 0: -0.12, 5: 0, 25: 0.04 };
/** Logit scale of the model's option scores: larger means more confident (sampling costs less). */
const SHARPNESS = 2.2;
/** Share of questions that appeared in the training data when contamination is on. */
export const CONTAMINATION_RATE = 0.08;
const OPTIONS = 4;

export interface QuestionSet {
  seed: number;
  /** Subject index of each question. */
  subject: Uint16Array;
  sizes: readonly number[];
  /** Logit of the correct option before the shot boost; the three distractors' logits. */
  margin: Float64Array;
  distractors: Float64Array;
  /** Uniform draws: sampling, response style, random letter, contamination. */
  uSample: Float64Array;
  uStyle: Float64Array;
  uLetter: Float64Array;
  uLeak: Float64Array;
}

/** Draw a question set for the given subject sizes (deterministic for a seed). */
export function makeQuestionSet(sizes: readonly number[], seed: number): QuestionSet {
  const rng = seededRandom(seed);
  const normal = normalSampler(rng);
  const total = sizes.reduce((a, b) => a + b, 0);
  const subject = new Uint16Array(total);
  const margin = new Float64Array(total);
  const distractors = new Float64Array(total * (OPTIONS - 1));
  const uSample = new Float64Array(total);
  const uStyle = new Float64Array(total);
  const uLetter = new Float64Array(total);
  const uLeak = new Float64Array(total);
  let i = 0;
  sizes.forEach((n, s) => {
    const skill = 1.15 + 0.45 * normal(); // subject skill
    for (let q = 0; q < n; q++, i++) {
      subject[i] = s;
      margin[i] = SHARPNESS * (skill - 1.1 * normal()); // harder questions have smaller margins
      for (let d = 0; d < OPTIONS - 1; d++) distractors[i * (OPTIONS - 1) + d] = SHARPNESS * 0.6 * normal();
      uSample[i] = rng();
      uStyle[i] = rng();
      uLetter[i] = rng();
      uLeak[i] = rng();
    }
  });
  return { seed, subject, sizes, margin, distractors, uSample, uStyle, uLetter, uLeak };
}

const styleIds = responseStyles.map((r) => r.id);
const ANSWER_IS_STYLE = styleIds.indexOf("answerIs");

// Per question set, the expensive per-question work is done once and kept as typed arrays:
// the response style for each shot count, and whether the model's own choice is correct for each
// (shots, decoding, temperature). A redraw then only runs a tight loop of table look-ups.
const styleCache = new WeakMap<QuestionSet, Map<Shots, Uint8Array>>();
const choiceCache = new WeakMap<QuestionSet, Map<string, Uint8Array>>();

/** Response style (index into responseStyles) of each question at a shot count. */
export function stylesFor(set: QuestionSet, shots: Shots): Uint8Array {
  let memo = styleCache.get(set);
  if (!memo) {
    memo = new Map();
    styleCache.set(set, memo);
  }
  let styles = memo.get(shots);
  if (!styles) {
    const cumulative: number[] = [];
    let acc = 0;
    for (const id of styleIds) {
      acc += styleMix[shots][id];
      cumulative.push(acc);
    }
    styles = new Uint8Array(set.margin.length);
    for (let i = 0; i < styles.length; i++) {
      const u = set.uStyle[i]!;
      let k = 0;
      while (k < cumulative.length - 1 && u >= cumulative[k]!) k++;
      styles[i] = k;
    }
    memo.set(shots, styles);
  }
  return styles;
}

/** 1 where the model's own choice (before extraction) is the correct option. */
export function choicesFor(
  set: QuestionSet,
  setup: Pick<SimSetup, "shots" | "decoding" | "temperature">,
): Uint8Array {
  const key = `${setup.shots}|${setup.decoding}|${setup.decoding === "sampled" ? setup.temperature : ""}`;
  let memo = choiceCache.get(set);
  if (!memo) {
    memo = new Map();
    choiceCache.set(set, memo);
  }
  let out = memo.get(key);
  if (!out) {
    if (memo.size > 60) memo.clear();
    out = new Uint8Array(set.margin.length);
    const boost = SHARPNESS * shotBoost[setup.shots];
    const t = Math.max(0.05, setup.temperature);
    const D = OPTIONS - 1;
    for (let i = 0; i < out.length; i++) {
      const m = set.margin[i]! + boost;
      const base = i * D;
      if (setup.decoding === "greedy") {
        let ok = 1;
        for (let d = 0; d < D; d++) if (set.distractors[base + d]! >= m) ok = 0;
        out[i] = ok;
      } else {
        let max = m;
        for (let d = 0; d < D; d++) max = Math.max(max, set.distractors[base + d]!);
        const eCorrect = Math.exp((m - max) / t);
        let sum = eCorrect;
        for (let d = 0; d < D; d++) sum += Math.exp((set.distractors[base + d]! - max) / t);
        out[i] = set.uSample[i]! < eCorrect / sum ? 1 : 0;
      }
    }
    memo.set(key, out);
  }
  return out;
}

const READING_CODE: Record<Reading, number> = { intended: 0, other: 1, random: 2, none: 3, guess: 4 };

export interface SimScore {
  setup: SimSetup;
  /** The score under the setup's aggregation, 0–1. */
  score: number;
  lower: number;
  upper: number;
  micro: number;
  macro: number;
  correct: number;
  n: number;
  /** Responses the rule could not read (scored wrong). */
  unparsed: number;
  /** Responses the rule read as a letter the model did not intend. */
  misread: number;
  /** Questions answered from memory (contamination on). */
  leaked: number;
}

/** Score a question set under one setup (pure; about 14k iterations). */
export function scoreSetup(set: QuestionSet, setup: SimSetup): SimScore {
  const S = set.sizes.length;
  const right = new Float64Array(S);
  let unparsed = 0;
  let misread = 0;
  let leaked = 0;
  const reads = Uint8Array.from(styleIds, (id) => READING_CODE[ruleReads[setup.rule][id]]);
  const styles = stylesFor(set, setup.shots);
  const chosen = choicesFor(set, setup);
  const leakRate = setup.contamination ? CONTAMINATION_RATE : -1;
  for (let i = 0; i < styles.length; i++) {
    const isLeaked = set.uLeak[i]! < leakRate;
    if (isLeaked) leaked++;
    const intendedCorrect = isLeaked || chosen[i] === 1;
    // A memorised answer is written in the demonstrated format ("The answer is (X).").
    const reading = reads[isLeaked ? ANSWER_IS_STYLE : styles[i]!]!;
    let correct = false;
    if (reading === 0) correct = intendedCorrect;
    else if (reading === 3) unparsed++;
    else if (reading === 4) {
      unparsed++;
      correct = set.uLetter[i]! < 1 / OPTIONS;
    } else {
      misread++;
      // 1 "other": an option the model mentioned and rejected — wrong when the intended one was right,
      // and right by luck a third of the time otherwise. 2 "random": a letter from run-on text.
      correct = reading === 2 ? set.uLetter[i]! < 1 / OPTIONS : !intendedCorrect && set.uLetter[i]! < 1 / 3;
    }
    if (correct) right[set.subject[i]!]!++;
  }
  const subjects = set.sizes.map((n, s) => ({ n, accuracy: right[s]! / n }));
  const avg = averages(subjects);
  const correct = right.reduce((a, b) => a + b, 0);
  const n = avg.totalN;
  let score: number;
  let lower: number;
  let upper: number;
  if (setup.aggregation === "micro") {
    const ci = proportionInterval(correct, n, { method: "wilson" });
    ({ estimate: score, lower, upper } = ci);
  } else {
    score = avg.macro;
    lower = Math.max(0, score - 1.959964 * avg.macroSe);
    upper = Math.min(1, score + 1.959964 * avg.macroSe);
  }
  return {
    setup,
    score,
    lower,
    upper,
    micro: avg.micro,
    macro: avg.macro,
    correct,
    n,
    unparsed,
    misread,
    leaked,
  };
}

const cache = new WeakMap<QuestionSet, Map<string, SimScore>>();
/** A setup as a string: equal for setups that score the same (greedy decoding ignores the temperature). */
export const setupKey = (s: SimSetup) =>
  `${s.shots}|${s.decoding}|${s.decoding === "sampled" ? s.temperature : ""}|${s.rule}|${s.aggregation}|${s.contamination}`;

/** scoreSetup, remembered per question set and setup (a redraw after one input change scores at most a few new setups). */
export function cachedScore(set: QuestionSet, setup: SimSetup): SimScore {
  let memo = cache.get(set);
  if (!memo) {
    memo = new Map();
    cache.set(set, memo);
  }
  const key = setupKey(setup);
  let hit = memo.get(key);
  if (!hit) {
    if (memo.size > 500) memo.clear();
    hit = scoreSetup(set, setup);
    memo.set(key, hit);
  }
  return hit;
}

/** The five choices in the order the waterfall applies them. */
export const choiceOrder = ["shots", "decoding", "rule", "aggregation", "contamination"] as const;
export type ChoiceKey = (typeof choiceOrder)[number];

export interface WaterfallStep {
  key: ChoiceKey | "reference";
  /** Score after this step (cumulative), 0–1. */
  score: number;
  /** Change from the previous step, in proportion units. */
  delta: number;
}

/**
 * Move from the reference setup to `setup` one choice at a time (shots, decoding, extraction,
 * aggregation, contamination) and record each step's contribution. The contributions add up to
 * the total difference; their split depends on the order, which is fixed and stated.
 */
export function waterfall(
  set: QuestionSet,
  setup: SimSetup,
  reference: SimSetup = referenceSetup,
): WaterfallStep[] {
  let current: SimSetup = { ...reference };
  let previous = cachedScore(set, current).score;
  const steps: WaterfallStep[] = [{ key: "reference", score: previous, delta: 0 }];
  for (const key of choiceOrder) {
    current =
      key === "decoding"
        ? { ...current, decoding: setup.decoding, temperature: setup.temperature }
        : { ...current, [key]: setup[key] };
    const score = cachedScore(set, current).score;
    steps.push({ key, score, delta: score - previous });
    previous = score;
  }
  return steps;
}
