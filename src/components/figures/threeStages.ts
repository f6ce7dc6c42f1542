// Lesson 4, figure 4: the three-stage strategy — leaderboard filter, task-specific evaluation,
// pilot with real users — with what each stage costs and what it can tell. Stage 2's numbers
// come from figure 2 (the learner's expected accuracy, gap and eval size), read live.

import { html } from "htl";
import { halfWidth } from "../stats/intervals.js";
import { minimumDetectableDifference, power, sampleSizeTwoProportions } from "../stats/power.js";
import { range } from "../ui/controls.js";
import { type ExplorableElement, explorable, type RenderContext } from "../ui/explorable.js";
import { formatCount, formatPercent, formatPlusMinus } from "../ui/format.js";
import { keptDrawing, setAttrs, setPart } from "../ui/inPlace.js";
import { keptEvidence, keptFunnel } from "./parts/stagesDrawing.js";
import { type EvalSizeInputs, evalSizeDefaults } from "./taskEvalSize.js";

export type StageInputs = {
  candidates: number;
  shortlist: number;
  requests: number;
  share: number;
  days: number;
};

export interface Stage {
  id: "filter" | "evaluate" | "pilot";
  name: string;
  /** Models still in the running after the stage. */
  remaining: number;
  /** Items scored per model at this stage. */
  itemsPerModel: number;
  /** What the items are drawn from. */
  itemsOf: string;
  /** 95% half-width of one model's score at that many items, in pp. */
  halfWidthPp: number;
  /** Power to detect the learner's gap at that many items (stages 2 and 3). */
  power: number | null;
  /** New examples someone must collect and label (stage 2), or users exposed (stage 3). */
  cost: string;
  tells: string;
  cannotTell: string;
}

export interface StagePlan {
  stages: [Stage, Stage, Stage];
  /** Examples per model stage 2 needs for the target power at the learner's gap. */
  nNeeded: number;
  /** Interactions the pilot sees in total and per finalist. */
  pilotTotal: number;
  pilotPerArm: number;
  finalists: number;
}

/** The three stages for the inputs (pure; unit-tested). */
export function stagePlan(
  s: StageInputs,
  e: EvalSizeInputs,
  benchmark: { name: string; n: number } = { name: "MMLU", n: 14_042 },
): StagePlan {
  const p1 = e.p;
  const p2 = Number((e.p - e.gap / 100).toFixed(10));
  const shortlist = Math.min(s.shortlist, s.candidates);
  const finalists = Math.min(2, shortlist);
  const pilotTotal = Math.round(s.requests * s.share * s.days);
  const pilotPerArm = Math.max(1, Math.floor(pilotTotal / finalists));
  const nNeeded = sampleSizeTwoProportions(p1, p2, { power: e.target });
  const stage2Power = power(p1, p2, e.n);
  const stage3Power = power(p1, p2, pilotPerArm);
  return {
    nNeeded,
    pilotTotal,
    pilotPerArm,
    finalists,
    stages: [
      {
        id: "filter",
        name: "1 · Filter on the leaderboard",
        remaining: shortlist,
        itemsPerModel: benchmark.n,
        itemsOf: `${benchmark.name} questions, run by someone else`,
        halfWidthPp: 100 * halfWidth(p1, benchmark.n),
        power: null,
        cost: `Low: reading the published scores of ${formatCount(s.candidates)} candidates; no new examples`,
        tells: `Which ${formatCount(shortlist)} of ${formatCount(s.candidates)} models are worth a task eval: those with the skills your task needs at all`,
        cannotTell:
          "How any of them does on your inputs — the interval is narrow, but it is the benchmark's interval, not your task's",
      },
      {
        id: "evaluate",
        name: "2 · Evaluate on your task",
        remaining: finalists,
        itemsPerModel: e.n,
        itemsOf: "examples drawn from your production inputs",
        halfWidthPp: 100 * halfWidth(p1, e.n),
        power: stage2Power,
        cost: `${formatCount(e.n)} examples to collect and grade; ${formatCount(e.n * shortlist)} model runs (${formatCount(shortlist)} models)`,
        tells: `Each model's accuracy on your task to ±${(100 * halfWidth(p1, e.n)).toFixed(1)} pp; gaps of ${(100 * minimumDetectableDifference(p1, e.n, { power: e.target })).toFixed(1)} pp or more are found ${formatPercent(e.target, 0)} of the time`,
        cannotTell:
          stage2Power >= e.target
            ? `How real users fare, or traffic that drifts after launch (a ${e.gap} pp gap it does find: power ${formatPercent(stage2Power, 0)})`
            : `Which of two models ${e.gap} pp apart is better: power ${formatPercent(stage2Power, 0)}; that needs ${formatCount(nNeeded)} examples per model`,
      },
      {
        id: "pilot",
        name: "3 · Pilot with real users",
        remaining: 1,
        itemsPerModel: pilotPerArm,
        itemsOf: `real interactions (${formatPercent(s.share, 0)} of ${formatCount(s.requests)} a day for ${s.days} days, split between ${finalists})`,
        halfWidthPp: 100 * halfWidth(p1, pilotPerArm),
        power: stage3Power,
        cost: `${formatCount(pilotTotal)} real requests served by a model not yet proven, plus monitoring and feedback collection`,
        tells:
          "How the finalists do on the real distribution, with real users — the evidence for a production decision",
        cannotTell:
          stage3Power >= e.target
            ? "Only what the pilot's traffic contained: rare inputs and later drift still need monitoring"
            : `A ${e.gap} pp difference in success rate at this traffic (power ${formatPercent(stage3Power, 0)}): run it longer or on more traffic`,
      },
    ],
  };
}

/**
 * "What to notice", from the plan (pure; tested): which stage rests on the most items per model
 * — computed, since a long pilot or a large task eval can outgrow the benchmark — and what each
 * one's evidence is about.
 */
export function stagesNotice(plan: StagePlan): string {
  const [s1, s2] = plan.stages;
  const most = plan.stages.reduce((a, b) => (b.itemsPerModel > a.itemsPerModel ? b : a));
  const label = (s: Stage) => `stage ${plan.stages.indexOf(s) + 1}`;
  const lead =
    most.id === "filter"
      ? `Stage 1 rests on the most items per model (${formatCount(s1.itemsPerModel)}) and says the least about your task: they are the benchmark's questions, not your inputs.`
      : `Here ${label(most)} rests on the most items per model (${formatCount(most.itemsPerModel)}, against the benchmark's ${formatCount(s1.itemsPerModel)}), and it is about your own inputs.`;
  return `${lead} Stage 2 measures your task to ±${s2.halfWidthPp.toFixed(1)} pp; only stage 3 sees real users.`;
}

/** Everything the figure shows: the plan, with stage 2's inputs as figure 2 has them now. */
export interface StagesModel {
  values: StageInputs;
  /** Figure 2's inputs (accuracy, gap, N, power wanted). */
  e: EvalSizeInputs;
  plan: StagePlan;
  benchmark: { name: string; n: number };
  /** Models in the running before each stage. */
  before: [number, number, number];
}

/** The figure's model (pure). */
export function deriveStages(
  v: StageInputs,
  e: EvalSizeInputs,
  benchmark: { name: string; n: number },
): StagesModel {
  const plan = stagePlan(v, e, benchmark);
  return {
    values: v,
    e,
    plan,
    benchmark,
    before: [v.candidates, plan.stages[0].remaining, plan.stages[1].remaining],
  };
}

/**
 * The funnel and the evidence side by side on a wide screen, one above the other otherwise; both
 * plain SVG kept across redraws (parts/stagesDrawing.ts).
 */
export function stagesView() {
  const funnel = keptFunnel();
  const evidence = keptEvidence();
  const node: HTMLElement = html`<div class="l4-pair"></div>`;
  return (m: StagesModel, { width }: RenderContext): Node => {
    // On a phone the bands are ~80 px wide: the stage names alone, and the evidence labels above the bars.
    const narrow = width < 560;
    const names = narrow ? ["Filter", "Evaluate", "Pilot"] : ["1 · Filter", "2 · Evaluate", "3 · Pilot"];
    const stages = m.plan.stages.map((s, i) => ({ ...s, short: names[i]!, before: m.before[i]! }));
    const wide = width >= 1100;
    const w1 = wide ? Math.floor(width * 0.42) : width;
    const w2 = wide ? width - w1 - 16 : width;
    const left = funnel(stages, m.values.candidates, w1);
    const right = evidence(stages, w2);
    if (node.childElementCount === 0) node.append(left, right);
    return node;
  };
}

/** The readout, kept across redraws: the three stages' cards and the numbers are rewritten in place. */
export function stagesReadoutView() {
  const card = () =>
    html`<div class="l4-stage"><h4></h4>
    <p><strong>Evidence:</strong> <span data-part="evidence"></span></p>
    <p><strong>Costs:</strong> <span data-part="cost"></span></p>
    <p><strong>Tells you:</strong> <span data-part="tells"></span></p>
    <p><strong>Cannot tell you:</strong> <span data-part="cannot"></span></p></div>` as HTMLElement;
  const cards = [card(), card(), card()];
  const node: HTMLElement = html`<div>
    <div class="l4-stages">${cards}</div>
    <p class="table-note">Stage 2 at N = <span data-readout="stage2-n"></span>:
    ±<span data-readout="stage2-half-width"></span> pp,
    power <span data-readout="stage2-power"></span> for <span data-part="gap"></span> pp
    (needs <span data-readout="stage2-n-needed"></span>).
    Stage 3: <span data-readout="pilot-total"></span> interactions,
    <span data-readout="pilot-per-arm"></span> per finalist,
    ±<span data-readout="stage3-half-width"></span> pp,
    power <span data-readout="stage3-power"></span>.
    Change N, the accuracy or the gap in the figure above and stage 2 follows.</p>
  </div>`;
  const fixed = (x: number) => x.toFixed(6);
  return (m: StagesModel): Node => {
    const { plan, e } = m;
    const [, s2, s3] = plan.stages;
    plan.stages.forEach((s, i) => {
      const c = cards[i]!;
      setAttrs(c, { class: `l4-stage l4-stage-${s.id}`, "data-stage": s.id });
      setPart(c, "h4", s.name);
      setPart(c, '[data-part="evidence"]', `${formatCount(s.itemsPerModel)} ${s.itemsOf}`);
      setPart(c, '[data-part="cost"]', s.cost);
      setPart(c, '[data-part="tells"]', s.tells);
      setPart(c, '[data-part="cannot"]', s.cannotTell);
    });
    setPart(node, '[data-readout="stage2-n"]', formatCount(e.n), e.n);
    setPart(node, '[data-part="gap"]', String(e.gap));
    setPart(node, '[data-readout="stage2-n-needed"]', formatCount(plan.nNeeded), plan.nNeeded);
    setPart(node, '[data-readout="pilot-total"]', formatCount(plan.pilotTotal), plan.pilotTotal);
    setPart(node, '[data-readout="pilot-per-arm"]', formatCount(plan.pilotPerArm), plan.pilotPerArm);
    // Stages 2 and 3 state the same two numbers: the score's half-width and the power to see the gap.
    for (const [id, s] of [
      ["stage2", s2],
      ["stage3", s3],
    ] as const) {
      setPart(node, `[data-readout="${id}-half-width"]`, s.halfWidthPp.toFixed(1), fixed(s.halfWidthPp));
      const power = s.power ?? 0;
      setPart(node, `[data-readout="${id}-power"]`, formatPercent(power, 0), fixed(100 * power));
    }
    return node;
  };
}

export function stagesSummary(m: StagesModel): string {
  const { plan, e, benchmark, values: v } = m;
  const [s1, s2, s3] = plan.stages;
  const pm = (pp: number) => formatPlusMinus(pp / 100, 1);
  return (
    `Stage 1: ${v.candidates} candidates filtered to ${s1.remaining} on ${benchmark.name} (${formatCount(benchmark.n)} questions, ${pm(s1.halfWidthPp)}, but not on your task). ` +
    `Stage 2: ${formatCount(e.n)} task examples, ${pm(s2.halfWidthPp)}, power ${formatPercent(s2.power ?? 0, 0)} for a ${e.gap} pp gap; ${formatCount(plan.nNeeded)} needed. ` +
    `Stage 3: ${formatCount(plan.pilotTotal)} real interactions, ${formatCount(plan.pilotPerArm)} per finalist, ${pm(s3.halfWidthPp)}, power ${formatPercent(s3.power ?? 0, 0)}.`
  );
}

/**
 * The figure. `stage2` returns figure 2's current inputs; call `link(source)` (or the page's
 * `linkStages`) so that a change in figure 2 redraws this one.
 */
export function threeStagesFigure({
  stage2 = () => evalSizeDefaults,
  benchmark = { name: "MMLU", n: 14_042 },
}: {
  stage2?: () => EvalSizeInputs;
  benchmark?: { name: string; n: number };
} = {}) {
  const readout = stagesReadoutView();
  return explorable<StageInputs, StagesModel>({
    id: "l4-stages",
    title: "Three stages from leaderboard to production: what each costs, and what it can tell",
    controls: {
      candidates: range({
        key: "candidates",
        label: "Candidate models on the leaderboard",
        min: 3,
        max: 60,
        step: 1,
        value: 20,
        format: formatCount,
      }),
      shortlist: range({
        key: "shortlist",
        label: "Shortlist for the task eval",
        min: 2,
        max: 8,
        step: 1,
        value: 3,
        format: formatCount,
      }),
      requests: range({
        key: "requests",
        label: "Production requests per day",
        min: 100,
        max: 100_000,
        log: true,
        value: 2000,
        numberBox: true,
        format: formatCount,
      }),
      share: range({
        key: "share",
        label: "Share of traffic in the pilot",
        min: 0.01,
        max: 0.5,
        step: 0.01,
        value: 0.05,
        format: (x) => formatPercent(x, 0),
      }),
      days: range({
        key: "days",
        label: "Pilot length (days)",
        min: 1,
        max: 60,
        step: 1,
        value: 14,
        format: (x) => `${x} d`,
      }),
    },
    presets: [
      {
        label: "A typical plan",
        values: { candidates: 20, shortlist: 3, requests: 2000, share: 0.05, days: 14 },
      },
      { label: "Low traffic: 300 a day", values: { requests: 300, share: 0.1, days: 14 } },
      { label: "Big pilot: 20% for 30 days", values: { requests: 2000, share: 0.2, days: 30 } },
    ],
    source: `Stage 1 uses ${benchmark.name}'s test-set size (N = ${formatCount(benchmark.n)}, data/benchmarks.csv); stage 2 takes its accuracy, gap and N from the figure above; stage 3 assumes the pilot splits its traffic between two finalists and measures a success rate near the same accuracy.`,
    derive: (v) => deriveStages(v, stage2(), benchmark),
    draw: keptDrawing(stagesView),
    readout: (m) => readout(m),
    notice: (m) => stagesNotice(m.plan),
    summary: stagesSummary,
  });
}

/** Redraw `stages` whenever `source` (figure 2) redraws — slider, number box, preset or URL. */
export function linkStages(source: ExplorableElement, stages: ExplorableElement): MutationObserver {
  const observer = new MutationObserver(() => stages.setValues({}));
  observer.observe(source, { attributes: true, attributeFilter: ["data-renders"] });
  return observer;
}

/** Figure 2's values as stage-2 inputs (the page passes this to threeStagesFigure). */
export function stage2From(source: ExplorableElement): () => EvalSizeInputs {
  return () => {
    const v = source.values as Partial<EvalSizeInputs>;
    return {
      p: v.p ?? evalSizeDefaults.p,
      gap: v.gap ?? evalSizeDefaults.gap,
      n: v.n ?? evalSizeDefaults.n,
      target: v.target ?? evalSizeDefaults.target,
    };
  };
}
