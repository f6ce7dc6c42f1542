// What the learner's own model is told: the lab's brief, the scenario, the rubric, the numbers
// the site computed (for the scenario and for the learner's latest message), and the passages of
// the lessons that match the message, each with its section link — so the model teaches with the
// site's statistics and text instead of its own arithmetic and memory, and links the same sections
// the built-in tutor would. Pure.
import { type CourseHit, linkMarkdown } from "./courseSearch.js";
import type { ChatMessage } from "./llmRequest.js";
import { computeFacts } from "./numberClaims.js";
import { fill, type Turn, type TutorContext } from "./tutorContext.js";

/** How many earlier turns go to the model (the opening is always sent). */
export const HISTORY_LIMIT = 20;
/** Passages of the course sent with a message, and the characters of each. */
export const PASSAGES = 3;
export const PASSAGE_CHARS = 900;

/** The lesson passages that best match a message (sections and glossary terms first). */
export function passagesFor(ctx: TutorContext, message: string): CourseHit[] {
  if (!ctx.search) return [];
  const hits = ctx.search.search(ctx.search.correct(message), { lesson: ctx.lab.lesson });
  const out: CourseHit[] = [];
  for (const h of hits) {
    if (out.length >= PASSAGES) break;
    if (!h.entry.text || h.score < (hits[0]?.score ?? 0) * 0.25) continue;
    if (
      out.some(
        (o) =>
          o.entry.page === h.entry.page && o.entry.anchor === h.entry.anchor && o.entry.kind === h.entry.kind,
      )
    )
      continue;
    out.push(h);
  }
  return out;
}

function passageBlock(hits: readonly CourseHit[]): string {
  if (!hits.length) return "";
  const lines = [
    "Passages of the course's lessons that match the learner's latest message. Teach from them (\"…\" marks a value the page computes live; don't guess it), and end with the Markdown link of the section you drew on, exactly as given:",
  ];
  hits.forEach((h, i) => {
    const text =
      h.entry.text.length > PASSAGE_CHARS
        ? `${h.entry.text.slice(0, PASSAGE_CHARS).replace(/\s+\S*$/, "")} …`
        : h.entry.text;
    const what =
      h.entry.kind === "term"
        ? `Glossary: ${h.entry.heading}`
        : h.entry.kind === "source"
          ? "Sources note"
          : "Section";
    lines.push(`${i + 1}. ${what} — link: ${linkMarkdown(h.entry)}`, `   ${text}`);
  });
  return lines.join("\n");
}

export function systemPrompt(ctx: TutorContext): string {
  const { lab } = ctx;
  const lines: string[] = [
    `You are the tutor of Lab ${lab.lesson} — “${lab.title}” — in an online course on reading LLM benchmark scores.`,
    "Teach by asking: acknowledge what the learner got right, correct misconceptions plainly, and end with one guiding question about a point they have not raised yet.",
    "Answer in at most about 150 words. Light Markdown is shown formatted (bold, lists, `code`, formulas between $…$); no HTML and no images. Use only the numbers given below or stated by the learner; if a number you need is not here, say what it depends on instead of inventing it.",
    "",
    `The learner's task: ${lab.task}`,
    `The scenario: ${lab.scenario} ${lab.prompt}`,
  ];
  if (lab.options) {
    for (const o of lab.options) lines.push(`  (${o.letter}) ${o.label}`);
  }
  lines.push("", "Points a good answer raises (the rubric):");
  for (const c of lab.concepts) lines.push(`- ${c.label}: ${fill(c.why, ctx.values)}`);
  lines.push("", "Misconceptions to correct when you see them:");
  for (const m of lab.misconceptions) lines.push(`- ${fill(m.correction, ctx.values)}`);
  if (ctx.scenarioFacts.length) {
    lines.push(
      "",
      "Numbers computed by the course's statistics for the scenario (95% intervals, two-sided tests):",
    );
    for (const f of ctx.scenarioFacts) lines.push(`- ${f.text}`);
  }
  const sizes = ctx.sizes
    .filter((b) => ["MMLU", "GSM8K", "HumanEval", "HellaSwag", "ARC-Challenge"].includes(b.name))
    .map((b) => `${b.name} N = ${b.n.toLocaleString("en-US")}`);
  if (sizes.length) lines.push(`Test-set sizes: ${sizes.join("; ")}.`);
  return lines.join("\n");
}

/**
 * The messages for one request: the system prompt (which also carries the opening), then the
 * conversation as strictly alternating user/assistant turns — many local chat templates reject
 * anything else — ending with the learner's message and the numbers computed for it.
 */
export function modelMessages(ctx: TutorContext, history: readonly Turn[], message: string): ChatMessage[] {
  const passages = passageBlock(passagesFor(ctx, message));
  const system = `${systemPrompt(ctx)}\n\nYou opened the conversation with: “${ctx.lab.opening}”${passages ? `\n\n${passages}` : ""}`;
  const facts = computeFacts(message, ctx.sizes, { defaultBenchmark: ctx.lab.defaultBenchmark });
  const last = facts.length
    ? `${message}\n\n[Numbers the course computed for this message — use them, don't recompute: ${facts.map((f) => f.text).join(" ")}]`
    : message;
  const turns: ChatMessage[] = [];
  for (const t of [...history.slice(-HISTORY_LIMIT), { role: "learner" as const, text: last }]) {
    const role = t.role === "learner" ? "user" : "assistant";
    const previous = turns[turns.length - 1];
    if (previous && previous.role === role) previous.content += `\n\n${t.text}`;
    else if (!previous && role === "assistant")
      continue; // the conversation must start with the learner
    else turns.push({ role, content: t.text });
  }
  return [{ role: "system", content: system }, ...turns];
}
