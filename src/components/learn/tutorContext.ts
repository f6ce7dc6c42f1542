// What the built-in tutor knows about a lab before any message: the lab's brief and rubric, the
// benchmark sizes, the numbers its placeholders stand for ({gap}, {n}, …), the course search and
// the lab's topic words. Also the placeholder filling every tutor text goes through.
import type { LabBrief, LabConcept } from "../../content/labs.js";
import { formatCount } from "../ui/format.js";
import type { CourseIndex } from "./courseIndex.js";
import { type CourseSearch, createCourseSearch } from "./courseSearch.js";
import { topicSet } from "./exchangeRule.js";
import {
  type BenchmarkRow,
  type BenchmarkSize,
  benchmarkSizes,
  type ComputedFact,
  computeFacts,
} from "./numberClaims.js";

export interface TutorContext {
  lab: LabBrief;
  sizes: BenchmarkSize[];
  /** Placeholder values computed from the scenario's claim ({gap}, {n}, …). */
  values: Record<string, string>;
  /** Facts computed from the scenario's claims (for the model's system prompt). */
  scenarioFacts: ComputedFact[];
  /** The course index, searched to answer questions (null: the tutor can't answer from the course). */
  search: CourseSearch | null;
  /** Topic words of the whole lab (its brief and rubric). */
  labTopics: ReadonlySet<string>;
}

export interface Turn {
  role: "learner" | "tutor";
  text: string;
}

const fmt1 = (x: number) => (100 * x).toFixed(1);
const signed1 = (x: number) => `${x < 0 ? "−" : ""}${Math.abs(100 * x).toFixed(1)}`;
const pText = (p: number) => (p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(p < 0.01 ? 3 : 2)}`);

/**
 * Numbers for the placeholders (see content/labs.ts). The difference placeholders — {gap},
 * {diffLow}, {diffHigh}, {pValue} — come only from a claim that compares two scores: the
 * two-proportion interval of their difference at the benchmark's real N (numberClaims.ts
 * compareScores → stats twoProportionTest). A single score's own interval never fills them.
 */
export function placeholderValues(facts: readonly ComputedFact[]): Record<string, string> {
  const out: Record<string, string> = {};
  const pair = facts.find((f) => f.kind === "pair" && f.values.lower !== undefined)?.values;
  const v = pair ?? facts[0]?.values ?? {};
  // d3-format, not toLocaleString: the first Intl call builds a locale, ≈40 ms at a lab's load.
  if (v.n !== undefined) out.n = formatCount(v.n);
  const half = v.halfA ?? v.half;
  if (half !== undefined) out.halfA = (100 * half).toFixed(2);
  if (!pair) return out;
  out.a = fmt1(pair.a!);
  out.b = fmt1(pair.b!);
  out.gap = fmt1(Math.abs(pair.diff!));
  // {gap} is unsigned, so its interval is written for the larger score minus the smaller.
  const [low, high] = pair.diff! >= 0 ? [pair.lower!, pair.upper!] : [-pair.upper!, -pair.lower!];
  out.diffLow = signed1(low);
  out.diffHigh = signed1(high);
  out.pValue = pText(pair.pValue!);
  return out;
}

export function createTutorContext(
  lab: LabBrief,
  benchmarks: readonly BenchmarkRow[],
  courseIndex: CourseIndex | null = null,
): TutorContext {
  const sizes = benchmarkSizes(benchmarks);
  const scenarioFacts = lab.claims.flatMap((c) =>
    computeFacts(c, sizes, { defaultBenchmark: lab.defaultBenchmark }),
  );
  const values = placeholderValues(scenarioFacts);
  let search: CourseSearch | null | undefined;
  const labTopics = topicSet(
    lab.task,
    lab.scenario,
    lab.prompt,
    lab.opening,
    ...(lab.options ?? []).flatMap((o) => [o.label, o.intro, ...o.terms]),
    ...lab.concepts.flatMap((c) => conceptTexts(c, values)),
    ...lab.misconceptions.map((m) => fill(m.correction, values)),
  );
  return {
    lab,
    sizes,
    values,
    scenarioFacts,
    // Indexing the course takes ≈80 ms: done when the tutor first needs it, not at the lab's load.
    get search() {
      if (search === undefined) search = courseIndex ? createCourseSearch(courseIndex) : null;
      return search;
    },
    labTopics,
  };
}

/** Everything a concept says: its name, words, acknowledgements, reasons and questions. */
export function conceptTexts(c: LabConcept, values: Record<string, string>): string[] {
  return [
    c.label,
    c.section.label,
    ...c.terms.filter((t) => !t.startsWith("re:")).map((t) => t.replace(/[*#]/g, "")),
    ...c.acks,
    c.why,
    ...c.questions,
    ...Object.values(c.scenarioNotes ?? {}),
    ...Object.values(c.scenarioQuestions ?? {}),
  ].map((t) => fill(t ?? "", values));
}

/** Fill {placeholders}; an unknown one is left as a plain word rather than braces. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? k);
}

export function conceptById(ctx: TutorContext, id: string): LabConcept | undefined {
  return ctx.lab.concepts.find((c) => c.id === id);
}

/** The course passage a concept's section points to (its text widens what "on topic" means). */
export function sectionText(ctx: TutorContext, c: LabConcept): string {
  const entry = ctx.search?.index.entries.find(
    (e) => e.page === `lessons/${c.section.lesson}` && e.anchor === c.section.anchor && e.kind === "section",
  );
  return entry?.text ?? "";
}
