// Lesson 1, figure 1: one simulated model, one fixed question set (MMLU's 57 subjects at their real
// sizes), five choices. The waterfall walks from a reference setup to the chosen one, one choice at
// a time, so each choice's contribution is visible next to the score's own 95% interval.

import { keyedCache } from "../cache/keyedCache.js";
import type { MmluSubject } from "../data/types.js";
import {
  type Aggregation,
  type ChoiceKey,
  cachedScore,
  choiceOrder,
  type Decoding,
  makeQuestionSet,
  type QuestionSet,
  referenceSetup,
  type Shots,
  type SimRule,
  type SimScore,
  type SimSetup,
  setupKey,
  type WaterfallStep,
  waterfall,
} from "../sim/scoreSimulation.js";
import { choice, range, toggle } from "../ui/controls.js";
import { explorable } from "../ui/explorable.js";
import { formatCount, formatPercent } from "../ui/format.js";
import { palette } from "../ui/palette.js";
import * as Plot from "../vendor/plot.js";
import { el, readoutSpan, signedPp } from "./lesson1Dom.js";

export const ruleLabels: Record<SimRule, string> = {
  answerIs: "“answer is (X)”, unreadable = wrong",
  answerIsGuess: "“answer is (X)”, unreadable = random guess",
  firstCapital: "first capital letter",
  lastLetter: "last capital letter",
};

export const stepLabels: Record<ChoiceKey | "reference" | "final", string> = {
  reference: "Reference",
  shots: "Shot count",
  decoding: "Decoding",
  rule: "Extraction",
  aggregation: "Aggregation",
  contamination: "Contamination",
  final: "Your setup",
};

// About 1 MB each: keep a few.
const sets = keyedCache<QuestionSet>(6);
/** The question set for a seed and subject sizes, built once (about 3 ms) and kept. */
export function questionSetFor(sizes: readonly number[], seed: number): QuestionSet {
  return sets.get(`${seed}:${sizesKey(sizes)}`, () => makeQuestionSet(sizes, seed));
}

/** Is the question set for this seed among the few kept? */
export function hasQuestionSet(sizes: readonly number[], seed: number): boolean {
  return sets.has(`${seed}:${sizesKey(sizes)}`);
}

const sizeKeys = new WeakMap<readonly number[], string>();
function sizesKey(sizes: readonly number[]): string {
  let key = sizeKeys.get(sizes);
  if (key === undefined) {
    key = sizes.join(",");
    sizeKeys.set(sizes, key);
  }
  return key;
}

export interface FiveChoicesData {
  steps: WaterfallStep[];
  final: SimScore;
  reference: SimScore;
}

/** How many (seed, setup) results are remembered: a few hundred bytes each. */
export const RESULTS_KEPT = 400;
const results = keyedCache<FiveChoicesData>(RESULTS_KEPT);
const resultKey = (sizes: readonly number[], setup: SimSetup, seed: number) =>
  `${seed}:${setupKey(setup)}:${sizesKey(sizes)}`;

/** Is the figure's data for this seed and setup already remembered (a redraw then does no simulation)? */
export function hasFiveChoicesData(sizes: readonly number[], setup: SimSetup, seed: number): boolean {
  return results.has(resultKey(sizes, setup, seed));
}

/**
 * Everything the figure shows for a setup and seed (pure given the question set), remembered per
 * (seed, setup): returning to a seed or a setup redraws without simulating. `keepSet: false` (the
 * idle precomputation of other seeds) uses a question set without adding it to the few kept, so
 * it never evicts the set of the seed on screen.
 */
export function fiveChoicesData(
  sizes: readonly number[],
  setup: SimSetup,
  seed: number,
  { keepSet = true }: { keepSet?: boolean } = {},
): FiveChoicesData {
  return results.get(resultKey(sizes, setup, seed), () => {
    const set =
      keepSet || hasQuestionSet(sizes, seed) ? questionSetFor(sizes, seed) : makeQuestionSet(sizes, seed);
    return {
      steps: waterfall(set, setup),
      final: cachedScore(set, setup),
      reference: cachedScore(set, referenceSetup),
    };
  });
}

/** Seeds ordered by distance from `seed` (nearest first, the higher one first on a tie), `seed` excluded. */
export function seedsByDistance(seed: number, min: number, max: number): number[] {
  const out: number[] = [];
  for (let d = 1; seed + d <= max || seed - d >= min; d++) {
    if (seed + d <= max) out.push(seed + d);
    if (seed - d >= min) out.push(seed - d);
  }
  return out;
}

function describeSetup(s: SimSetup): string {
  return [
    `${s.shots}-shot`,
    s.decoding === "greedy" ? "greedy decoding" : `sampling at temperature ${s.temperature.toFixed(2)}`,
    `extraction by ${ruleLabels[s.rule]}`,
    `${s.aggregation}-average`,
    s.contamination ? "8% of questions leaked into training" : "no contamination",
  ].join(", ");
}

/** The seed slider's range. */
export const SEED_MIN = 1;
export const SEED_MAX = 20;

/** How long the inputs must rest before simulating ahead for a new setup (ms). */
export const SETUP_PAUSE_MS = 300;
/** How long the seed must rest before its question set is rebuilt, if it was dropped (ms). */
export const SEED_PAUSE_MS = 500;

/**
 * Simulate ahead while the learner reads: once the setup on screen has been left alone for a
 * moment, every other seed's result for it is computed in idle time (a seed takes ≈5 ms; one starts
 * only while the idle period has room for it), nearest seeds first — so dragging the seed slider
 * redraws without simulating. When that
 * is done and the seed has rested, the seed on screen gets its question set back if it was dropped,
 * so that changing another choice next is quick too. Any new call restarts the queue; nothing runs
 * while the page is busy.
 */
export function idlePrecomputer(sizes: readonly number[]): (setup: SimSetup, seed: number) => void {
  let shown = "";
  let timer: ReturnType<typeof setTimeout> | undefined;
  let handle: number | undefined;
  return (setup, seed) => {
    if (typeof requestIdleCallback !== "function") return;
    clearTimeout(timer);
    if (handle !== undefined) cancelIdleCallback(handle);
    handle = undefined;
    const queue = seedsByDistance(seed, SEED_MIN, SEED_MAX);
    const later = (task: IdleRequestCallback, ms: number) => {
      timer = setTimeout(() => (handle = requestIdleCallback(task)), ms);
    };
    const keepShownSet = (deadline: IdleDeadline) => {
      handle = undefined;
      if (deadline.timeRemaining() < 8) handle = requestIdleCallback(keepShownSet);
      else questionSetFor(sizes, seed);
    };
    const run = (deadline: IdleDeadline) => {
      handle = undefined;
      for (;;) {
        while (queue.length && hasFiveChoicesData(sizes, setup, queue[0]!)) queue.shift();
        // A seed takes about 5 ms: start one only while the idle period has room for it.
        if (!queue.length || deadline.timeRemaining() < 8) break;
        fiveChoicesData(sizes, setup, queue.shift()!, { keepSet: false });
      }
      if (queue.length) handle = requestIdleCallback(run);
      else if (!hasQuestionSet(sizes, seed)) later(keepShownSet, SEED_PAUSE_MS);
    };
    const key = setupKey(setup);
    // While the learner is still changing the setup, wait; the first drawing or a seed change
    // alone starts at once.
    later(run, key === shown || shown === "" ? 0 : SETUP_PAUSE_MS);
    shown = key;
  };
}

/** The simulation setup among a figure state's values (the seed aside). */
export function setupOf(v: SimSetup): SimSetup {
  const { shots, decoding, temperature, rule, aggregation, contamination } = v;
  return { shots, decoding, temperature, rule, aggregation, contamination };
}

/** The choices a setup changes from the reference (greedy decoding ignores the temperature). */
export function changedChoices(setup: SimSetup, reference: SimSetup = referenceSetup): ChoiceKey[] {
  return choiceOrder.filter((key) =>
    key === "decoding"
      ? setup.decoding !== reference.decoding ||
        (setup.decoding === "sampled" && setup.temperature !== reference.temperature)
      : setup[key] !== reference[key],
  );
}

/** A choice as the setup makes it, in words: "0-shot prompting", "sampling at temperature 0.70", … */
export function choiceWords(key: ChoiceKey, s: SimSetup): string {
  switch (key) {
    case "shots":
      return `${s.shots}-shot prompting`;
    case "decoding":
      return s.decoding === "greedy"
        ? "greedy decoding"
        : `sampling at temperature ${s.temperature.toFixed(2)}`;
    case "rule":
      return `extraction by ${ruleLabels[s.rule]}`;
    case "aggregation":
      return `the ${s.aggregation}-average`;
    case "contamination":
      return s.contamination ? "contamination" : "a clean test set";
  }
}

/**
 * "What to notice", computed from the current state: which changed choice moves the score most
 * (by the size of its step in the waterfall), and how that compares with the score's 95% interval.
 * Nothing names a largest or first that the numbers on screen do not show.
 */
export function fiveChoicesNotice(
  setup: SimSetup,
  d: { steps: readonly WaterfallStep[]; final: Pick<SimScore, "lower" | "upper"> },
): string {
  const changed = changedChoices(setup);
  const halfWidth = (d.final.upper - d.final.lower) / 2;
  const hw = `±${(100 * halfWidth).toFixed(1)} pp`;
  if (changed.length === 0)
    return "This is the reference recipe, so every bar is zero. Change one choice and watch its bar.";
  const steps = d.steps
    .filter((s): s is WaterfallStep & { key: ChoiceKey } => s.key !== "reference" && changed.includes(s.key))
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
  const [top, next] = steps as [WaterfallStep & { key: ChoiceKey }, (WaterfallStep & { key: ChoiceKey })?];
  const size = (delta: number) =>
    Math.abs(delta) > halfWidth
      ? `${(Math.abs(delta) / halfWidth).toFixed(1)} times the ${hw} half-width of the score's own 95% interval`
      : `within the ${hw} half-width of the score's own 95% interval`;
  const what = choiceWords(top.key, setup);
  if (changed.length === 1)
    return `Changing one choice, ${what}, moves the score ${signedPp(top.delta)}: ${size(top.delta)}.`;
  return (
    `Of the ${changed.length} choices changed, ${what} moves the score most (${signedPp(top.delta)}, ${size(top.delta)})` +
    (next ? `, then ${choiceWords(next.key, setup)} (${signedPp(next.delta)})` : "") +
    ". Set the others back to the reference to see one choice alone."
  );
}

export function fiveChoicesFigure(subjects: readonly MmluSubject[]) {
  const sizes = subjects.map((s) => s.n_test);
  const total = sizes.reduce((a, b) => a + b, 0);
  const precompute = idlePrecomputer(sizes);
  return explorable({
    id: "l1-five-choices",
    title: "Five choices behind one score: the same simulated model, the same questions, different numbers",
    notice: (v) => {
      const setup = setupOf(v);
      return fiveChoicesNotice(setup, fiveChoicesData(sizes, setup, v.seed));
    },
    controls: {
      shots: choice<Shots>({
        key: "shots",
        label: "Prompt: examples shown",
        options: [
          { value: 0, label: "0-shot" },
          { value: 5, label: "5-shot" },
          { value: 25, label: "25-shot" },
        ],
        value: 0,
      }),
      decoding: choice<Decoding>({
        key: "decoding",
        label: "Decoding",
        options: [
          { value: "greedy", label: "Greedy" },
          { value: "sampled", label: "Sampled" },
        ],
        value: "greedy",
      }),
      temperature: range({
        key: "temperature",
        label: "Sampling temperature",
        min: 0.1,
        max: 1.5,
        step: 0.05,
        value: 1,
        format: (t) => t.toFixed(2),
      }),
      rule: choice<SimRule>({
        key: "rule",
        label: "Answer-extraction rule",
        kind: "select",
        options: (Object.keys(ruleLabels) as SimRule[]).map((r) => ({ value: r, label: ruleLabels[r] })),
        value: "answerIs",
      }),
      aggregation: choice<Aggregation>({
        key: "aggregation",
        label: "Aggregation over 57 subjects",
        options: [
          { value: "micro", label: "Micro" },
          { value: "macro", label: "Macro" },
        ],
        value: "micro",
      }),
      contamination: toggle({
        key: "contamination",
        label: "Contamination: 8% of test questions in training data",
        value: false,
      }),
      seed: range({
        key: "seed",
        label: "Simulated model (seed)",
        min: SEED_MIN,
        max: SEED_MAX,
        step: 1,
        value: 1,
      }),
    },
    presets: [
      { label: "Reference setup", values: { ...referenceSetup } },
      { label: "Only the shot count: 0-shot", values: { ...referenceSetup, shots: 0 } },
      { label: "Only the regex: last capital letter", values: { ...referenceSetup, rule: "lastLetter" } },
      {
        label: "Only decoding: sampled at 1.0",
        values: { ...referenceSetup, decoding: "sampled", temperature: 1 },
      },
      {
        label: "A typical mixed setup",
        values: {
          shots: 0,
          decoding: "sampled",
          temperature: 0.7,
          rule: "lastLetter",
          aggregation: "macro",
          contamination: false,
        },
      },
    ],
    source: `Simulation (seeded, deterministic): MMLU's 57 subjects at their real test sizes (${formatCount(total)} questions, data/mmlu_subjects.csv); the model, its response styles and the contamination rate are invented for teaching.`,
    render(v, { width }) {
      const setup = setupOf(v);
      const { steps, final, reference } = fiveChoicesData(sizes, setup, v.seed);
      precompute(setup, v.seed);
      type Bar = {
        label: string;
        y1: number;
        y2: number;
        delta: number;
        kind: "total" | "up" | "down" | "none";
      };
      const bars: Bar[] = steps.map((s: WaterfallStep, i) => {
        const before = i === 0 ? s.score : steps[i - 1]!.score;
        const kind: Bar["kind"] =
          i === 0 ? "total" : Math.abs(s.delta) < 5e-5 ? "none" : s.delta > 0 ? "up" : "down";
        return {
          label: stepLabels[s.key],
          y1: 100 * (i === 0 ? 0 : before),
          y2: 100 * s.score,
          delta: s.delta,
          kind,
        };
      });
      bars.push({
        label: stepLabels.final,
        y1: 0,
        y2: 100 * final.score,
        delta: final.score - reference.score,
        kind: "total",
      });
      const values = bars.flatMap((b) => (b.kind === "total" ? [b.y2] : [b.y1, b.y2]));
      const lo = Math.max(0, Math.floor(Math.min(...values, 100 * final.lower) / 5) * 5 - 5);
      const hi = Math.min(100, Math.ceil(Math.max(...values, 100 * final.upper) / 5) * 5 + 5);
      const fillOf = (b: Bar) =>
        b.kind === "total"
          ? palette.grey
          : b.kind === "up"
            ? palette.blue
            : b.kind === "down"
              ? palette.vermillion
              : "none";
      const chart = Plot.plot({
        width,
        height: 80 + 40 * bars.length,
        marginLeft: width < 480 ? 96 : 110,
        marginBottom: 42,
        marginRight: width < 480 ? 74 : 90,
        style: { fontSize: width < 480 ? "12px" : "14px" },
        y: { domain: bars.map((b) => b.label), label: null, padding: 0.3 },
        x: { domain: [lo, hi], label: "Score (%) →", grid: true },
        marks: [
          Plot.barX(bars, {
            y: "label",
            x1: (b: Bar) => (b.kind === "total" ? lo : b.y1),
            x2: "y2",
            fill: fillOf,
            fillOpacity: (b: Bar) => (b.kind === "total" ? 0.45 : 0.9),
          }),
          // Connectors: each step starts where the previous one ended.
          Plot.ruleX(bars.slice(0, -1), {
            x: "y2",
            y: "label",
            stroke: "currentColor",
            strokeOpacity: 0.45,
            strokeDasharray: "2,2",
            dy: 14,
          }),
          // The final score's 95% interval across its bar.
          Plot.ruleY([stepLabels.final], {
            y: (d: string) => d,
            x1: 100 * final.lower,
            x2: 100 * final.upper,
            stroke: "currentColor",
            strokeWidth: 3,
          }),
          Plot.tickX([stepLabels.final, stepLabels.final], {
            y: (d: string) => d,
            x: (_: string, i: number) => 100 * (i === 0 ? final.lower : final.upper),
            stroke: "currentColor",
            strokeWidth: 2,
          }),
          Plot.text(bars, {
            y: "label",
            x: (b: Bar) =>
              b.label === stepLabels.final ? Math.max(b.y2, 100 * final.upper) : Math.max(b.y1, b.y2),
            dx: 8,
            textAnchor: "start",
            text: (b: Bar) =>
              b.kind === "total"
                ? `${b.y2.toFixed(1)}%${b.label === stepLabels.final ? ` ± ${((100 * (final.upper - final.lower)) / 2).toFixed(1)}` : ""}`
                : b.kind === "none"
                  ? "no change"
                  : `${b.kind === "up" ? "▲" : "▼"} ${signedPp(b.delta)}`,
            fontWeight: 700,
          }),
        ],
      });
      chart.setAttribute(
        "aria-label",
        "Waterfall of score changes from the reference setup, one choice at a time",
      );

      const deltas = steps.slice(1);
      const halfWidthPp = (100 * (final.upper - final.lower)) / 2;
      const moved = final.score - reference.score;
      const readout = el(
        "div",
        {},
        el(
          "div",
          { class: "big-number" },
          readoutSpan("score", 100 * final.score, formatPercent(final.score)),
        ),
        el(
          "div",
          { class: "big-caption" },
          "95% interval ",
          readoutSpan("lower", 100 * final.lower, formatPercent(final.lower)),
          " – ",
          readoutSpan("upper", 100 * final.upper, formatPercent(final.upper)),
          ` (±${halfWidthPp.toFixed(1)} pp) on ${formatCount(final.n)} questions`,
        ),
        el(
          "p",
          {},
          "Reference setup: ",
          readoutSpan("reference", 100 * reference.score, formatPercent(reference.score)),
          ". Choices alone moved the score by ",
          readoutSpan("moved", 100 * moved, signedPp(moved)),
          Math.abs(moved) > (final.upper - final.lower) / 2
            ? " — more than the interval's half-width."
            : " — within the interval's half-width.",
        ),
        el(
          "table",
          { class: "l1-steps" },
          el("caption", {}, "Contribution of each choice (applied in this order)"),
          el("tbody", {}, [
            ...deltas.map((s) =>
              el(
                "tr",
                { "data-step": s.key },
                el("th", { scope: "row" }, stepLabels[s.key]),
                el("td", {}, readoutSpan(`delta-${s.key}`, 100 * s.delta, signedPp(s.delta))),
              ),
            ),
          ]),
        ),
        el(
          "p",
          { class: "table-note" },
          `Unreadable responses: ${formatCount(final.unparsed)}; misread as another letter: ${formatCount(final.misread)}` +
            (final.leaked ? `; answered from memory: ${formatCount(final.leaked)}` : "") +
            ". The split among choices depends on their order; the total does not.",
        ),
      );
      const summary =
        `Simulated model ${v.seed} on ${formatCount(final.n)} MMLU-sized questions. Setup: ${describeSetup(setup)}. ` +
        `Score ${formatPercent(final.score)} (95% interval ${formatPercent(final.lower)} to ${formatPercent(final.upper)}); ` +
        `reference setup ${formatPercent(reference.score)}. Contributions: ` +
        deltas.map((s) => `${stepLabels[s.key]} ${signedPp(s.delta)}`).join(", ") +
        `. ${fiveChoicesNotice(setup, { steps, final })}`;
      return { figure: chart, summary, readout };
    },
  });
}
