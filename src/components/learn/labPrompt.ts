// What the learner's own model is told: the lab's brief, the scenario, the rubric, and the numbers
// the site computed (for the scenario and for the learner's latest message), so the model teaches
// with the site's statistics instead of its own arithmetic. Pure.
import type { ChatMessage } from "./llmClient.js";
import { computeFacts } from "./numberClaims.js";
import { fill, type Turn, type TutorContext } from "./tutor.js";

/** How many earlier turns go to the model (the opening is always sent). */
export const HISTORY_LIMIT = 20;

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
  const system = `${systemPrompt(ctx)}\n\nYou opened the conversation with: “${ctx.lab.opening}”`;
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
