// Lesson 3's opening states its published pair as text in the page (so the paragraph is on screen
// with the page and does not grow when the data arrives). Here the text is held to the data rows:
// each score, its settings and the gap must be the ones lessonNumbers reads from
// published-scores.csv, and those rows' own figures are checked against the reports in
// lessonNumbers.test.ts (GPT-4 86.4% from the GPT-4 Technical Report's Table 2; Claude 2 78.5%
// from Anthropic's July 2023 model card).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lessonNumbers } from "../../../src/components/compare/lessonNumbers.ts";
import { readBenchmarks, readPublishedScores } from "../../../src/data/tables.ts";

const page = readFileSync(new URL("../../../src/lessons/3.md", import.meta.url), "utf8");
const { gpt4, claude2, gap } = lessonNumbers(readPublishedScores(), readBenchmarks()).opening;

describe("Lesson 3's opening text agrees with the data", () => {
  it("GPT-4: 86.4% on MMLU, 5-shot, no chain of thought (its data row)", () => {
    expect([gpt4.score, gpt4.settings]).toEqual([86.4, "5-shot, no chain of thought"]);
    expect(page).toContain(
      `GPT-4 **${gpt4.score}%** on MMLU, <span data-setting="gpt4">${gpt4.settings}</span>`,
    );
    expect(page).toContain(`gives MMLU as ${gpt4.score}%, ${gpt4.settings}.`);
  });

  it("Claude 2: 78.5% on MMLU, 5-shot with chain of thought (its data row)", () => {
    expect([claude2.score, claude2.settings]).toEqual([78.5, "5-shot with chain of thought"]);
    expect(page).toContain(
      `Claude 2 **${claude2.score}%** on MMLU, <span data-setting="claude2">${claude2.settings}</span>`,
    );
  });

  it("the gap, 86.4 − 78.5 = 7.9 points, is stated twice and matches", () => {
    expect(gap).toBeCloseTo(7.9, 10);
    expect(page).toContain(`side by side, ${gap.toFixed(1)} points apart`);
    expect(page).toContain(`Some of those ${gap.toFixed(1)} points`);
  });
});
