// The closing questions of the three "Going deeper" pages: shape, and every number they quote
// checked against the data the pages show.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { derivePassAtK } from "../../../src/components/figures/passAtKCurves.ts";
import { passAtK } from "../../../src/components/stats/passAtK.ts";
import { questions as formatQs } from "../../../src/content/deeper/format-sensitivity.ts";
import { questions as judgeQs } from "../../../src/content/deeper/llm-judge.ts";
import { questions as passQs } from "../../../src/content/deeper/pass-at-k.ts";
import { readAlpacaEval2, readHumanEvalRuns } from "../../../src/data/deeperTables.ts";
import { readPublishedScores } from "../../../src/data/tables.ts";

const page = (slug: string) =>
  readFileSync(new URL(`../../../src/deeper/${slug}.md`, import.meta.url), "utf8");
const banks = { "format-sensitivity": formatQs, "pass-at-k": passQs, "llm-judge": judgeQs };
const text = (qs: typeof formatQs) =>
  qs.map((q) => [q.prompt, ...q.options.flatMap((o) => [o.text, o.feedback])].join(" ")).join(" ");

describe("deeper question banks", () => {
  it("two or three questions each, four options, a key, unique ids, a real lesson section", () => {
    const ids = new Set<string>();
    for (const [slug, qs] of Object.entries(banks)) {
      expect(qs.length, slug).toBeGreaterThanOrEqual(2);
      expect(qs.length, slug).toBeLessThanOrEqual(3);
      for (const q of qs) {
        expect(ids.has(q.id)).toBe(false);
        ids.add(q.id);
        expect(q.options).toHaveLength(4);
        expect(q.options[q.correct]).toBeDefined();
        // The section to revisit is a heading of the page itself.
        expect(page(slug)).toContain(`\n## ${q.sectionTitle}\n`);
        for (const o of q.options) expect(o.feedback.length).toBeGreaterThan(40);
      }
    }
  });

  it("format-sensitivity: the MMLU scores and gaps it quotes are the blog table's", () => {
    const rows = readPublishedScores().filter((r) => /three implementations/.test(r.evaluator));
    const score = (model: string, start: string) =>
      rows.find((r) => r.model === model && r.extra_setting!.toLowerCase().startsWith(start))!.score;
    const t = text(formatQs);
    for (const v of [score("llama-65b", "helm"), score("llama-65b", "eleutherai")])
      expect(t).toContain(v.toFixed(1));
    expect(t).toContain((score("llama-65b", "helm") - score("tiiuae/falcon-40b", "helm")).toFixed(1));
    expect(t).toContain(
      (score("tiiuae/falcon-40b", "eleutherai") - score("llama-65b", "eleutherai")).toFixed(1),
    );
    const g = derivePassAtK(readHumanEvalRuns(), { model: "gpt-4", k: 1 });
    expect(t).toContain(`${g.always} problems passed every run, ${g.never} none, ${g.sometimes} some`);
  });

  it("pass-at-k: 70.8% and 65.7% are 1 − C(7,3)/C(10,3) and 1 − 0.7³; GPT-4's 84.8% and 75.6%", () => {
    const t = text(passQs);
    expect(t).toContain(`${(100 * passAtK(10, 3, 3)).toFixed(1)}%`);
    expect(t).toContain(`${(100 * (1 - 0.7 ** 3)).toFixed(1)}%`);
    const g = derivePassAtK(readHumanEvalRuns(), { model: "gpt-4", k: 10 });
    expect(t).toContain(
      `${(100 * g.curve[0]!.passAt.mean).toFixed(1)}% at k = 1, ${(100 * g.here.passHat.mean).toFixed(1)}% at k = 10`,
    );
  });

  it("llm-judge: the verbose and concise GPT-4 Turbo win rates are the CSV's", () => {
    const t = text(judgeQs);
    const row = (m: string) => readAlpacaEval2().find((r) => r.model === m)!;
    for (const m of ["gpt4_1106_preview_verbose", "gpt4_1106_preview_concise"]) {
      expect(t).toContain(`${row(m).winRate.toFixed(1)}%`);
      expect(t).toContain(`${row(m).lcWinRate.toFixed(1)}%`);
    }
    expect(t).toContain(`${row("gpt4_1106_preview").nTotal} comparisons`);
  });
});
