// The compare tool: cards from data or by hand, the protocol's verdict and statistics exactly as
// compareCards() computes them, bad input named without losing anything, and the URL as a link.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  evidenceFromFields,
  exampleCards,
  fieldsFromEvidence,
} from "../../src/components/compare/cardState.ts";
import { evidenceFor } from "../../src/components/compare/evidence.ts";
import { compareCards } from "../../src/components/compare/protocol.ts";
import { findRowId } from "../../src/components/compare/publishedMenu.ts";
import { cardFromPublished, rowId, type ScoreCard } from "../../src/components/compare/scoreCard.ts";
import { readBenchmarks, readPublishedScores } from "../../src/data/tables.ts";
import { open, readout, useBrowser } from "./browser.ts";

const rows = readPublishedScores();
const benchmarks = readBenchmarks();
const byId = new Map(rows.map((r) => [rowId(r), r]));

const browser = useBrowser();
let page: Page;
let problems: string[];
const tool = "#compare-tool";

beforeAll(async () => {
  ({ page, problems } = await open(browser, "/tools/compare"));
  await page.locator(`${tool} [data-readout="verdict"]`).waitFor();
});

const field = (name: string) => page.locator(`${tool} [data-field="${name}"]`);
const typeInto = async (name: string, value: string) => {
  await field(name).fill(value);
};

async function expectShown(
  p: Page,
  a: ScoreCard,
  b: ScoreCard,
  evidence = evidenceFromFields(exampleCards.pair),
) {
  const cmp = compareCards(a, b, evidence);
  expect(await p.locator(`${tool} [data-readout="verdict"]`).getAttribute("data-verdict")).toBe(cmp.verdict);
  const statuses = await p
    .locator(`${tool} [data-check]`)
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));
  expect(statuses).toEqual([...cmp.requirements, ...cmp.steps].map((c) => c.status));
  if (cmp.stats) {
    expect(await readout(p, tool, "diff")).toBeCloseTo(cmp.stats.diff, 9);
    expect(await readout(p, tool, "p-value")).toBeCloseTo(cmp.stats.pValue, 9);
    expect(await readout(p, tool, "mdd")).toBeCloseTo(cmp.stats.mdd, 9);
    expect(
      Number(await p.locator(`${tool} [data-readout="a-interval"]`).getAttribute("data-lower")),
    ).toBeCloseTo(cmp.stats.a.lower, 9);
    expect(
      Number(await p.locator(`${tool} [data-readout="b-interval"]`).getAttribute("data-upper")),
    ).toBeCloseTo(cmp.stats.b.upper, 9);
  }
  return cmp;
}

describe("compare tool", () => {
  it("opens on Lab 3's Model X vs Model Y: not comparable (0-shot vs 5-shot), with the reasons", async () => {
    const cmp = await expectShown(page, exampleCards.a, exampleCards.b);
    expect(cmp.verdict).toBe("not-comparable");
    const text = await page.locator(`${tool} .compare-result`).textContent();
    expect(text).toContain("0-shot vs 5-shot");
    expect(text).toContain("Different evaluators");
  });

  it("filling both cards from the published table fills the evidence too", async () => {
    const a = findRowId(rows, "meta-llama/Llama-2-70b-hf", "MMLU", 69.83)!;
    const b = findRowId(rows, "meta-llama/Llama-2-13b-hf", "MMLU", 55.77)!;
    await page.selectOption(`${tool} [data-field="a.row"]`, a);
    await page.selectOption(`${tool} [data-field="b.row"]`, b);
    const ra = byId.get(a)!;
    const rb = byId.get(b)!;
    const fields = fieldsFromEvidence(evidenceFor(rows, ra, rb, benchmarks));
    expect(await field("pair.aLeads").inputValue()).toBe(fields.aLeads);
    expect(await field("a.score").inputValue()).toBe("69.83");
    expect(await field("a.n").inputValue()).toBe("14042");
    const cmp = await expectShown(
      page,
      cardFromPublished(ra, benchmarks),
      cardFromPublished(rb, benchmarks),
      evidenceFromFields(fields),
    );
    expect(cmp.verdict).toBe("comparable");
  });

  it("typing over a field makes the card hand-typed and recomputes", async () => {
    const a = findRowId(rows, "meta-llama/Llama-2-70b-hf", "MMLU", 69.83)!;
    const b = findRowId(rows, "meta-llama/Llama-2-13b-hf", "MMLU", 55.77)!;
    const fields = fieldsFromEvidence(evidenceFor(rows, byId.get(a)!, byId.get(b)!, benchmarks));
    await typeInto("b.score", "69.2");
    expect(await field("b.row").inputValue()).toBe("");
    const cardA = cardFromPublished(byId.get(a)!, benchmarks);
    const cardB = { ...cardFromPublished(byId.get(b)!, benchmarks), score: 69.2 };
    const cmp = await expectShown(page, cardA, cardB, evidenceFromFields(fields));
    expect(cmp.verdict).toBe("indicative");
    expect(cmp.steps[2]!.status).toBe("not-met");
  });

  it("every kind of field feeds the checks", async () => {
    await page.locator(`${tool} [data-action="reset"]`).click();
    let a = { ...exampleCards.a };
    let b = { ...exampleCards.b };
    await typeInto("a.shots", "5");
    a = { ...a, shots: "5" };
    await page.selectOption(`${tool} [data-field="a.cot"]`, "no");
    a = { ...a, cot: "no" };
    await page.selectOption(`${tool} [data-field="a.decoding"]`, "greedy");
    await page.selectOption(`${tool} [data-field="b.decoding"]`, "sampled");
    a = { ...a, decoding: "greedy" };
    b = { ...b, decoding: "sampled" };
    await typeInto("a.version", "test");
    a = { ...a, version: "test" };
    await typeInto("a.metric", "acc_norm");
    a = { ...a, metric: "acc_norm" };
    await typeInto("a.evaluator", "Hugging Face Open LLM Leaderboard");
    a = { ...a, evaluator: "Hugging Face Open LLM Leaderboard" };
    await page.selectOption(`${tool} [data-field="a.evaluatorKind"]`, "leaderboard");
    a = { ...a, evaluatorKind: "leaderboard" };
    await typeInto("a.model", "My model");
    await typeInto("a.prompt", "my template");
    await typeInto("a.params", "8");
    await typeInto("a.source", "my notes");
    a = { ...a, model: "My model", prompt: "my template", params: 8, source: "my notes" };
    let cmp = await expectShown(page, a, b);
    expect(cmp.verdict).toBe("not-comparable");
    expect(cmp.headline).toMatch(/metrics differ, the decoding differs/);
    // Pair evidence fields.
    await typeInto("pair.aLeads", "GSM8K, ARC-Challenge");
    await page.selectOption(`${tool} [data-field="pair.reproA"]`, "yes");
    const pair = {
      aLeads: "GSM8K, ARC-Challenge",
      bLeads: "",
      reproA: "yes" as const,
      reproB: "unknown" as const,
    };
    cmp = await expectShown(page, a, b, evidenceFromFields(pair));
    expect(cmp.steps[3]!.status).toBe("met");
  });

  it("a typed benchmark fills in N from the reference table", async () => {
    await typeInto("a.benchmark", "GSM8K");
    expect(await field("a.n").inputValue()).toBe("1319");
    await typeInto("a.benchmark", "MMLU");
    expect(await field("a.n").inputValue()).toBe("14042");
  });

  it("a bad score gets a clear message and loses nothing", async () => {
    await typeInto("a.score", "150");
    await expect
      .poll(() => page.locator(`${tool} [data-errors="a"]`).textContent())
      .toMatch(/Score A: the score must be a percentage between 0 and 100/);
    expect(await page.locator(`${tool} [data-readout="invalid"]`).count()).toBe(1);
    expect(await field("a.model").inputValue()).toBe("My model");
    await typeInto("a.score", "89");
    expect(await page.locator(`${tool} [data-readout="invalid"]`).count()).toBe(0);
    expect(await page.locator(`${tool} [data-errors="a"]`).isHidden()).toBe(true);
  });

  it("swap exchanges the cards", async () => {
    const before = await field("a.model").inputValue();
    await page.locator(`${tool} [data-action="swap"]`).click();
    expect(await field("b.model").inputValue()).toBe(before);
    expect(await field("a.model").inputValue()).toBe("Model Y");
  });

  it("the URL carries the whole comparison: a second browser tab shows the same verdict", async () => {
    await page.locator(`${tool} [data-action="copy"]`).click();
    await expect.poll(() => page.locator(`${tool} .compare-copied`).textContent()).not.toBe("");
    const url = new URL(page.url());
    expect(url.searchParams.get("b.model")).toBe("My model");
    expect(url.searchParams.get("pair.bLeads")).toBe("GSM8K, ARC-Challenge");
    const verdict = await page.locator(`${tool} [data-readout="verdict"]`).getAttribute("data-verdict");
    const statuses = await page
      .locator(`${tool} [data-check]`)
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));
    const second = await open(browser, `${url.pathname}${url.search}`);
    await second.page.locator(`${tool} [data-readout="verdict"]`).waitFor();
    expect(await second.page.locator(`${tool} [data-readout="verdict"]`).getAttribute("data-verdict")).toBe(
      verdict,
    );
    expect(
      await second.page
        .locator(`${tool} [data-check]`)
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-status"))),
    ).toEqual(statuses);
    expect(await second.page.locator(`${tool} [data-field="b.model"]`).inputValue()).toBe("My model");
    expect(second.problems).toEqual([]);
    await second.context.close();
  });

  it("junk in the URL is ignored, not fatal", async () => {
    const junk = await open(
      browser,
      "/tools/compare?a.score=abc&a.n=-5&a.row=zzz&b.cot=perhaps&a.model=From%20a%20link",
    );
    await junk.page.locator(`${tool} [data-readout="verdict"]`).waitFor();
    expect(await junk.page.locator(`${tool} [data-field="a.model"]`).inputValue()).toBe("From a link");
    await expectShown(junk.page, { ...exampleCards.a, model: "From a link" }, exampleCards.b);
    expect(junk.problems).toEqual([]);
    await junk.context.close();
  });

  it("typed text is shown as text, never as markup", async () => {
    await typeInto("a.model", '<b data-injected="1">bold</b>');
    await typeInto("a.evaluator", '<img data-injected="2" src="x">');
    await expect
      .poll(() => page.locator(`${tool} .compare-result`).textContent())
      .toContain('<img data-injected="2" src="x">');
    expect(await page.locator("[data-injected]").count()).toBe(0);
  });

  it("had no console errors or failed requests", () => {
    expect(problems).toEqual([]);
  });
});

describe("a link from Lesson 3's checker", () => {
  it("names two rows and opens with both cards and the evidence filled from the table", async () => {
    const a = findRowId(rows, "Mistral 7B", "MMLU", 60.1)!;
    const b = findRowId(rows, "Mistral 7B", "MMLU", 62.5)!;
    const linked = await open(browser, `/tools/compare?a.row=${a}&b.row=${b}`);
    await linked.page.locator(`${tool} [data-readout="verdict"]`).waitFor();
    expect(await linked.page.locator(`${tool} [data-field="a.score"]`).inputValue()).toBe("60.1");
    expect(await linked.page.locator(`${tool} [data-field="a.row"]`).inputValue()).toBe(a);
    const ra = byId.get(a)!;
    const rb = byId.get(b)!;
    await expectShown(
      linked.page,
      cardFromPublished(ra, benchmarks),
      cardFromPublished(rb, benchmarks),
      evidenceFor(rows, ra, rb, benchmarks),
    );
    // The picker's rows arrive when the learner reaches for it (or the page is idle): then it
    // lists every published row, grouped, and still shows the linked one.
    await linked.page.locator(`${tool} [data-field="a.row"]`).focus();
    const offered = await linked.page
      .locator(`${tool} [data-field="a.row"] optgroup option`)
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(new Set(offered)).toEqual(new Set(rows.map(rowId)));
    expect(offered).toHaveLength(rows.length);
    expect(await linked.page.locator(`${tool} [data-field="a.row"]`).inputValue()).toBe(a);
    expect(linked.problems).toEqual([]);
    await linked.context.close();
  });
});
