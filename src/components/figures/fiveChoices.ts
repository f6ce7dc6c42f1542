// Lesson 1, figure 1: one simulated model, one fixed question set (MMLU's 57 subjects at their real
// sizes), five choices. The waterfall walks from a reference setup to the chosen one, one choice at
// a time, so each choice's contribution is visible next to the score's own 95% interval.

import { html } from "htl";
import type { MmluSubject } from "../data/types.js";
import {
  type Aggregation,
  type ChoiceKey,
  choiceOrder,
  type Decoding,
  referenceSetup,
  type Shots,
  type SimRule,
  type SimScore,
  type SimSetup,
  type WaterfallStep,
} from "../sim/scoreSimulation.js";
import { choice, range, toggle } from "../ui/controls.js";
import { explorable, type RenderContext } from "../ui/explorable.js";
import { formatCount, formatPercent, formatPlusMinus, formatSignedPp } from "../ui/format.js";
import { palette } from "../ui/palette.js";
import * as Plot from "../vendor/plot.js";
import {
  type FiveChoicesData,
  fiveChoicesData,
  idlePrecomputer,
  SEED_MAX,
  SEED_MIN,
} from "./fiveChoicesData.js";

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

export interface FiveChoicesValues extends SimSetup {
  seed: number;
}

/** One bar of the waterfall, in %: a total (from the axis) or a step (from the previous score). */
export interface WaterfallBar {
  label: string;
  y1: number;
  y2: number;
  /** Change from the previous bar (proportion); for the last bar, the setup's total change. */
  delta: number;
  kind: "total" | "up" | "down" | "none";
}

/** Everything the figure shows for one setup and seed. */
export interface FiveChoicesModel extends FiveChoicesData {
  setup: SimSetup;
  seed: number;
  /** Reference, one bar per choice in the order applied, then the setup's own score. */
  bars: WaterfallBar[];
  /** The score axis (%): every bar and the interval, rounded out to 5 with 5 to spare. */
  domain: [number, number];
  /** Half-width of the final score's 95% interval (proportion). */
  halfWidth: number;
  /** The setup's score minus the reference's (proportion). */
  moved: number;
}

/** A step smaller than this (proportion) is drawn as "no change". */
const NO_CHANGE = 5e-5;

/** The waterfall's bars (pure): each step starts where the previous one ended. */
export function waterfallBars(
  steps: readonly WaterfallStep[],
  final: SimScore,
  reference: SimScore,
): WaterfallBar[] {
  const bars = steps.map((s, i): WaterfallBar => {
    const kind = i === 0 ? "total" : Math.abs(s.delta) < NO_CHANGE ? "none" : s.delta > 0 ? "up" : "down";
    return {
      label: stepLabels[s.key],
      y1: i === 0 ? 0 : 100 * steps[i - 1]!.score,
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
  return bars;
}

/** The figure's model (pure given the remembered simulation): the data, the waterfall's bars and axis. */
export function deriveFiveChoices(v: FiveChoicesValues, sizes: readonly number[]): FiveChoicesModel {
  const setup = setupOf(v);
  const d = fiveChoicesData(sizes, setup, v.seed);
  const bars = waterfallBars(d.steps, d.final, d.reference);
  const ends = bars.flatMap((b) => (b.kind === "total" ? [b.y2] : [b.y1, b.y2]));
  return {
    ...d,
    setup,
    seed: v.seed,
    bars,
    domain: [
      Math.max(0, Math.floor(Math.min(...ends, 100 * d.final.lower) / 5) * 5 - 5),
      Math.min(100, Math.ceil(Math.max(...ends, 100 * d.final.upper) / 5) * 5 + 5),
    ],
    halfWidth: (d.final.upper - d.final.lower) / 2,
    moved: d.final.score - d.reference.score,
  };
}

const barFill = { total: palette.grey, up: palette.blue, down: palette.vermillion, none: "none" } as const;

/** The waterfall from the reference setup to the chosen one, with the final score's 95% interval. */
export function drawFiveChoices(m: FiveChoicesModel, { width }: RenderContext): Node {
  const [lo] = m.domain;
  const { final } = m;
  const last = stepLabels.final;
  const narrow = width < 480;
  const label = (b: WaterfallBar) =>
    b.kind === "total"
      ? `${b.y2.toFixed(1)}%${b.label === last ? ` ± ${(100 * m.halfWidth).toFixed(1)}` : ""}`
      : b.kind === "none"
        ? "no change"
        : `${b.kind === "up" ? "▲" : "▼"} ${formatSignedPp(b.delta)}`;
  const chart = Plot.plot({
    width,
    height: 80 + 40 * m.bars.length,
    marginLeft: narrow ? 96 : 110,
    marginBottom: 42,
    marginRight: narrow ? 74 : 90,
    style: { fontSize: narrow ? "12px" : "14px" },
    y: { domain: m.bars.map((b) => b.label), label: null, padding: 0.3 },
    x: { domain: m.domain, label: "Score (%) →", grid: true },
    marks: [
      Plot.barX(m.bars, {
        y: "label",
        x1: (b: WaterfallBar) => (b.kind === "total" ? lo : b.y1),
        x2: "y2",
        fill: (b: WaterfallBar) => barFill[b.kind],
        fillOpacity: (b: WaterfallBar) => (b.kind === "total" ? 0.45 : 0.9),
      }),
      // Connectors: each step starts where the previous one ended.
      Plot.ruleX(m.bars.slice(0, -1), {
        x: "y2",
        y: "label",
        stroke: "currentColor",
        strokeOpacity: 0.45,
        strokeDasharray: "2,2",
        dy: 14,
      }),
      // The final score's 95% interval across its bar, with a tick at each end.
      Plot.ruleY([last], {
        x1: 100 * final.lower,
        x2: 100 * final.upper,
        stroke: "currentColor",
        strokeWidth: 3,
      }),
      Plot.tickX([100 * final.lower, 100 * final.upper], {
        x: (x: number) => x,
        y: () => last,
        stroke: "currentColor",
        strokeWidth: 2,
      }),
      Plot.text(m.bars, {
        y: "label",
        x: (b: WaterfallBar) => (b.label === last ? Math.max(b.y2, 100 * final.upper) : Math.max(b.y1, b.y2)),
        dx: 8,
        textAnchor: "start",
        text: label,
        fontWeight: 700,
      }),
    ],
  });
  chart.setAttribute(
    "aria-label",
    "Waterfall of score changes from the reference setup, one choice at a time",
  );
  return chart;
}

const pctSpan = (name: string, x: number) =>
  html`<span data-readout=${name} data-value=${100 * x}>${formatPercent(x)}</span>`;
const ppSpan = (name: string, x: number) =>
  html`<span data-readout=${name} data-value=${100 * x}>${formatSignedPp(x)}</span>`;

export function fiveChoicesReadout(m: FiveChoicesModel): Node {
  const { final } = m;
  return html`<div>
    <div class="big-number">${pctSpan("score", final.score)}</div>
    <div class="big-caption">95% interval ${pctSpan("lower", final.lower)} – ${pctSpan("upper", final.upper)} (${formatPlusMinus(m.halfWidth, 1)}) on ${formatCount(final.n)} questions</div>
    <p>Reference setup: ${pctSpan("reference", m.reference.score)}. Choices alone moved the score by ${ppSpan("moved", m.moved)}${
      Math.abs(m.moved) > m.halfWidth
        ? " — more than the interval's half-width."
        : " — within the interval's half-width."
    }</p>
    <table class="l1-steps">
      <caption>Contribution of each choice (applied in this order)</caption>
      <tbody>${m.steps
        .slice(1)
        .map(
          (s) =>
            html`<tr data-step=${s.key}><th scope="row">${stepLabels[s.key]}</th><td>${ppSpan(`delta-${s.key}`, s.delta)}</td></tr>`,
        )}</tbody>
    </table>
    <p class="table-note">Unreadable responses: ${formatCount(final.unparsed)}; misread as another letter: ${formatCount(final.misread)}${
      final.leaked ? `; answered from memory: ${formatCount(final.leaked)}` : ""
    }. The split among choices depends on their order; the total does not.</p>
  </div>`;
}

/**
 * "What to notice", computed from the current state: which changed choice moves the score most
 * (by the size of its step in the waterfall), and how that compares with the score's 95% interval.
 * Nothing names a largest or first that the numbers on screen do not show.
 */
export function fiveChoicesNotice(m: {
  setup: SimSetup;
  steps: readonly WaterfallStep[];
  final: Pick<SimScore, "lower" | "upper">;
}): string {
  const { setup } = m;
  const changed = changedChoices(setup);
  const halfWidth = (m.final.upper - m.final.lower) / 2;
  const hw = formatPlusMinus(halfWidth, 1);
  if (changed.length === 0)
    return "This is the reference recipe, so every bar is zero. Change one choice and watch its bar.";
  const steps = m.steps
    .filter((s): s is WaterfallStep & { key: ChoiceKey } => s.key !== "reference" && changed.includes(s.key))
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
  const [top, next] = steps as [WaterfallStep & { key: ChoiceKey }, (WaterfallStep & { key: ChoiceKey })?];
  const size = (delta: number) =>
    Math.abs(delta) > halfWidth
      ? `${(Math.abs(delta) / halfWidth).toFixed(1)} times the ${hw} half-width of the score's own 95% interval`
      : `within the ${hw} half-width of the score's own 95% interval`;
  const what = choiceWords(top.key, setup);
  if (changed.length === 1)
    return `Changing one choice, ${what}, moves the score ${formatSignedPp(top.delta)}: ${size(top.delta)}.`;
  return (
    `Of the ${changed.length} choices changed, ${what} moves the score most (${formatSignedPp(top.delta)}, ${size(top.delta)})` +
    (next ? `, then ${choiceWords(next.key, setup)} (${formatSignedPp(next.delta)})` : "") +
    ". Set the others back to the reference to see one choice alone."
  );
}

/** The setup in words, for the text alternative. */
function describeSetup(s: SimSetup): string {
  return [
    `${s.shots}-shot`,
    s.decoding === "greedy" ? "greedy decoding" : `sampling at temperature ${s.temperature.toFixed(2)}`,
    `extraction by ${ruleLabels[s.rule]}`,
    `${s.aggregation}-average`,
    s.contamination ? "8% of questions leaked into training" : "no contamination",
  ].join(", ");
}

export function fiveChoicesSummary(m: FiveChoicesModel): string {
  const { final, reference } = m;
  return (
    `Simulated model ${m.seed} on ${formatCount(final.n)} MMLU-sized questions. Setup: ${describeSetup(m.setup)}. ` +
    `Score ${formatPercent(final.score)} (95% interval ${formatPercent(final.lower)} to ${formatPercent(final.upper)}); ` +
    `reference setup ${formatPercent(reference.score)}. Contributions: ` +
    m.steps
      .slice(1)
      .map((s) => `${stepLabels[s.key]} ${formatSignedPp(s.delta)}`)
      .join(", ") +
    `. ${fiveChoicesNotice(m)}`
  );
}

export function fiveChoicesFigure(subjects: readonly MmluSubject[]) {
  const sizes = subjects.map((s) => s.n_test);
  const total = sizes.reduce((a, b) => a + b, 0);
  const precompute = idlePrecomputer(sizes);
  return explorable({
    id: "l1-five-choices",
    title: "Five choices behind one score: the same simulated model, the same questions, different numbers",
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
    derive(v) {
      const m = deriveFiveChoices(v, sizes);
      // Simulate the other seeds for this setup while the learner reads (idle time only).
      precompute(m.setup, m.seed);
      return m;
    },
    draw: drawFiveChoices,
    readout: fiveChoicesReadout,
    notice: fiveChoicesNotice,
    summary: fiveChoicesSummary,
  });
}
