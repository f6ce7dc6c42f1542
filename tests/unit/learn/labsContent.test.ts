// The lab briefs say what is true, in the site's own voice and its own words: numbers checked
// against the data files they come from, corrected facts that must not come back, and no run of
// six words shared with the seed sentences that were copied into them before.
import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { questionKind } from "../../../src/components/learn/courseSearch.ts";
import { modelMessages, passagesFor } from "../../../src/components/learn/labPrompt.ts";
import { safeHref } from "../../../src/components/learn/markdownLite.ts";
import { createTutorContext } from "../../../src/components/learn/tutorContext.ts";
import { labs } from "../../../src/content/labs.ts";
import { benchmarkRows } from "./benchmarkRows.ts";
import { courseIndexFromDisk } from "./courseFixture.ts";

/** Every string in the four lab briefs. */
function strings(x: unknown): string[] {
  if (typeof x === "string") return [x];
  if (Array.isArray(x)) return x.flatMap(strings);
  if (x && typeof x === "object") return Object.values(x).flatMap(strings);
  return [];
}
const all = strings(labs);
const text = all.join("\n");

const data = (file: string) => readFileSync(new URL(`../../../data/${file}`, import.meta.url), "utf8");

describe("facts in the lab briefs", () => {
  it("contamination numbers are the measured ones in data/contamination.csv, not the untraced 2–7 pp", () => {
    const rows = csvParse(data("contamination.csv"));
    const gsm1k = rows
      .filter((r) => r.source!.includes("2405.00332v4"))
      .map((r) => Number(r.gap_pp))
      .sort((a, b) => a - b);
    const mid = gsm1k.length / 2;
    const median = gsm1k.length % 2 ? gsm1k[Math.floor(mid)]! : (gsm1k[mid - 1]! + gsm1k[mid]!) / 2;
    expect(text).toContain(`across ${gsm1k.length} models`);
    expect(text).toContain(`median ${median.toFixed(1)} pp`);
    expect(text).toContain(`up to ${gsm1k[gsm1k.length - 1]!.toFixed(1)} pp`);
    const mmluDirty = rows.find(
      (r) =>
        r.model === "Llama-2 70B" && r.benchmark === "MMLU" && r.method!.includes("input-and-label dirty"),
    )!;
    expect(text).toContain(
      `${Number(mmluDirty.gap_pp).toFixed(1)} pp higher on questions whose text and answer are online`,
    );
    expect(text).not.toMatch(/2[–-]7 ?pp/);
  });

  it("LLaMA-65B's three MMLU implementations are data/published_scores.csv's", () => {
    const rows = csvParse(data("published_scores.csv")).filter(
      (r) => r.model === "llama-65b" && r.benchmark === "MMLU",
    );
    const score = (impl: string) => rows.find((r) => r.extra_setting!.startsWith(impl))!.score;
    expect(text).toContain(`${score("HELM")} (HELM`);
    expect(text).toContain(`${score("original")} (the original code`);
    expect(text).toContain(`${score("EleutherAI")} (an early harness version`);
    expect(text).not.toMatch(/3\.2 pp|±3 pp|about 5 pp/);
  });

  it("Llama 2 70B's MMLU as Meta, Mistral and the leaderboard reported it", () => {
    const rows = csvParse(data("published_scores.csv")).filter((r) => r.benchmark === "MMLU");
    const meta = rows.find(
      (r) => r.model === "Llama 2 70B" && r.evaluator === "Meta" && r.evaluator_type === "self-reported",
    )!;
    const mistral = rows.find((r) => r.model === "Llama 2 70B" && r.evaluator === "Mistral AI")!;
    const board = rows.find((r) => r.model === "meta-llama/Llama-2-70b-hf")!;
    expect(text).toContain(`Meta reported ${meta.score} for Llama 2 70B`);
    expect(text).toContain(`Mistral's re-run gave ${mistral.score}`);
    expect(text).toContain(`Open LLM Leaderboard ${board.score}`);
  });

  it("GPT-4's 86.4 is 5-shot without chain of thought (Table 2), Claude 2's 78.5 with it", () => {
    const gpt4 = csvParse(data("published_scores.csv")).find(
      (r) => r.model === "GPT-4" && r.benchmark === "MMLU",
    )!;
    expect(gpt4.score).toBe("86.4");
    expect(gpt4.shots).toBe("5");
    expect(text).toContain("GPT-4's MMLU 86.4 was 5-shot without chain of thought");
    expect(text).toContain("Claude 2's 78.5 was 5-shot with it");
  });

  it("corrected claims stay corrected", () => {
    expect(text).not.toMatch(/TruthfulQA for calibration/);
    expect(text).toContain("TruthfulQA for whether answers repeat popular falsehoods");
    expect(text).not.toMatch(/medical question answering|medical category/i);
    expect(text).toContain("MMLU-Pro");
    expect(text).not.toMatch(/teams that skip it report|teams picked models by MMLU rank/);
  });

  it("speaks in one voice", () => {
    expect(text).not.toMatch(/the course (cites|says|text)|course's (own )?(table|text)/i);
  });
});

describe("own words", () => {
  // The seed's sentences that were near-copied into the briefs before (issue 21).
  const seed = [
    "A model in the top 10 of a well-run automated leaderboard is probably worth evaluating further. A model at rank 1 is not necessarily the best choice for your specific application.",
    "A model that ranks 3rd overall but ranks 1st in medical question answering may be exactly what a healthcare application needs.",
    "Use leaderboards to build a shortlist. Use your own evaluation data to make the final decision. A model's leaderboard rank is a hypothesis about its capability — your production task is the experiment that tests it.",
    "If you cannot satisfy all five, treat the comparison as indicative rather than definitive.",
    "Mistral 7B's 2023 paper was notable for explicitly framing its results as performance per parameter comparisons — a much more informative frame than raw score ranking against much larger models.",
    "Mistral AI's documentation for Mixtral 8x7B (December 2023) was notably careful to list exact evaluation configurations, precisely because the company knew that other labs' numbers used incompatible setups.",
    "The Open LLM Leaderboard exists precisely to solve this: it runs all models through identical code, at identical settings, on identical test data.",
  ];
  const words = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9 ]+/g, " ")
      .split(/\s+/)
      .filter(Boolean);
  const shingles = (s: string, n = 6) => {
    const w = words(s);
    return new Set(w.slice(0, Math.max(0, w.length - n + 1)).map((_, i) => w.slice(i, i + n).join(" ")));
  };
  it("shares no run of six words with those seed sentences", () => {
    const seedRuns = new Set(seed.flatMap((s) => [...shingles(s)]));
    const shared = all.flatMap((s) =>
      [...shingles(s)].filter((r) => seedRuns.has(r)).map((r) => `${r}  ←  ${s.slice(0, 80)}`),
    );
    expect(shared).toEqual([]);
  });
});

describe("questions and links", () => {
  it("recognises questions by a question mark or an interrogative or imperative opening", () => {
    for (const q of [
      "What is Goodhart's law?",
      "tell me about the arena",
      "Explain contamination",
      "so what should we do",
      "why does it matter",
      "How is it detected",
    ])
      expect(questionKind(q), q).toBe("info");
    for (const q of ["Should we trust it?", "is it real", "Was it 5-shot?"])
      expect(questionKind(q), q).toBe("yes-no");
    for (const s of [
      "Contamination inflates scores.",
      "The shot count differs",
      "I would check the evaluator",
    ])
      expect(questionKind(s), s).toBeNull();
  });

  it("tutor Markdown may link a page of this site, and nothing else relative", () => {
    expect(safeHref("../lessons/2#goodharts-law-in-action-2023-2024")).toBe(
      "../lessons/2#goodharts-law-in-action-2023-2024",
    );
    expect(safeHref("../deeper/pass-at-k")).toBe("../deeper/pass-at-k");
    for (const bad of [
      "../lessons/2#x onclick",
      "../../etc/passwd",
      "../lessons/2/../../x",
      "/lessons/1",
      "../evil.example/x",
    ])
      expect(safeHref(bad), bad).toBeNull();
  });
});

describe("the learner's own model gets the lesson passages", () => {
  it("sends the passages that match the message, each with its section link", () => {
    const ctx = createTutorContext(labs["2"], benchmarkRows, courseIndexFromDisk());
    const hits = passagesFor(ctx, "What is Goodhart's law?");
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(3);
    expect(hits.some((h) => /goodhart/i.test(`${h.entry.heading} ${h.entry.keywords}`))).toBe(true);
    const [system] = modelMessages(ctx, [], "What is Goodhart's law?");
    expect(system!.content).toContain("Passages of the course's lessons that match");
    expect(system!.content).toMatch(/\[Lesson 2 · Goodhart[^\]]*→\]\(\.\.\/lessons\/2#goodhart/);
    // Without an index, no passages and no empty heading.
    const bare = createTutorContext(labs["2"], benchmarkRows);
    expect(modelMessages(bare, [], "What is Goodhart's law?")[0]!.content).not.toContain("Passages");
  });
});
