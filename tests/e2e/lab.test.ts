// The labs in a browser: the built-in tutor completes a lab offline (3 exchanges, kept after a
// reload, recorded in the progress store); the learner's own model streams token by token from a
// local fake OpenAI-compatible server; each failure shows its message and keeps the learner's
// text; HTML and script in the chat stay inert, whoever wrote them.
import { readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CourseIndex } from "../../src/components/learn/courseIndex.ts";
import { twoProportionTest } from "../../src/components/stats/tests.ts";
import { labs } from "../../src/content/labs.ts";
import { axeViolations, open, useBrowser } from "./browser.ts";
import {
  deadPort,
  type FakeLlm,
  HTML_PAYLOAD,
  MARKDOWN_TOKENS,
  OK_TOKENS,
  startFakeLlm,
  VALID_KEY,
} from "./fakeLlm.ts";

const browser = useBrowser();
let llm: FakeLlm;

beforeAll(async () => {
  llm = await startFakeLlm();
});
afterAll(async () => {
  await llm?.close();
});

const input = (lesson = "1") => `#lab-input-${lesson}`;
const exchanges = async (page: Page) =>
  Number(await page.locator('[data-readout="exchanges"]').getAttribute("data-value"));

async function say(page: Page, text: string, lesson = "1") {
  const before = await page.locator(".lab-msg-tutor").count();
  await page.fill(input(lesson), text);
  await page.press(input(lesson), "Enter");
  await page.waitForFunction((n) => document.querySelectorAll(".lab-msg-tutor").length > n, before);
}

/** Problems on the page other than those caused by talking to the endpoints the test configured. */
function watchEndpoints(page: Page, origins: string[]) {
  const fromEndpoint = new Set<string>();
  page.on("console", (msg) => {
    const url = msg.location()?.url ?? "";
    if (
      msg.type() === "error" &&
      (origins.some((o) => url.startsWith(o)) || origins.some((o) => msg.text().includes(o)))
    ) {
      fromEndpoint.add(`console error: ${msg.text()}`);
    }
  });
  return (problems: string[]) =>
    problems.filter((p) => !fromEndpoint.has(p) && !origins.some((o) => p.includes(o)));
}

async function useModel(
  page: Page,
  { baseUrl, model, key = "", stall = 5 }: { baseUrl: string; model: string; key?: string; stall?: number },
) {
  await page.check('input[name="lab-1-tutor"][value="model"]');
  await page.locator("#lab-settings-1").waitFor({ state: "visible" });
  await page.selectOption("#lab-preset-1", "custom");
  await page.fill("#lab-base-1", baseUrl);
  await page.fill("#lab-model-1", model);
  await page.fill("#lab-key-1", key);
  await page.fill("#lab-stall-1", String(stall));
}

describe("Lab 1 with the built-in tutor (offline)", () => {
  it("shows the task, the scenario and the opening, and makes no request off the site", async () => {
    const { page, context, problems } = await open(browser, "/labs/1");
    await page.locator(".lab").waitFor();
    expect(await page.locator("main h1").textContent()).toContain("Lab 1: Score Dissection");
    expect(await page.locator(".lab-scenario").textContent()).toContain("91.2% on MMLU (5-shot)");
    expect(await page.locator(".lab-msg-tutor").first().textContent()).toContain(labs["1"].opening);
    expect(await page.locator('.lab-links a[href="../lessons/1"]').count()).toBe(1);
    expect(await page.locator('.lab-links a[href="../quizzes/1"]').count()).toBe(1);
    expect(await exchanges(page)).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("completes at 3 substantive exchanges, answers numbers with the statistics core, and keeps it all after a reload", async () => {
    const { page, context, problems } = await open(browser, "/labs/1");
    await page.locator(".lab").waitFor();
    await say(page, "hi");
    expect(await exchanges(page)).toBe(0);
    expect(await page.locator('.lab-msg-learner[data-substantive="false"]').count()).toBe(1);

    await say(page, "Model B's shot count isn't stated, was it 5-shot too?");
    expect(await exchanges(page)).toBe(1);
    expect(await page.locator(".lab-msg-tutor").last().textContent()).toContain("shot count");

    await say(page, "91.2% vs 89.4% on MMLU");
    expect(await exchanges(page)).toBe(2);
    const t = twoProportionTest(
      { k: Math.round(0.912 * 14042), n: 14042 },
      { k: Math.round(0.894 * 14042), n: 14042 },
    );
    const reply = await page.locator(".lab-msg-tutor").last().textContent();
    expect(reply).toContain("N = 14,042");
    expect(reply).toContain(`${(100 * t.lower).toFixed(1)} to ${(100 * t.upper).toFixed(1)} pp`);
    expect(await page.locator(".lab").getAttribute("data-complete")).toBe("false");

    await say(page, "Could the extraction regex or greedy decodng explain it?");
    expect(await exchanges(page)).toBe(3);
    expect(await page.locator(".lab").getAttribute("data-complete")).toBe("true");
    expect(await page.locator(".lab-badge").isVisible()).toBe(true);
    expect(await page.locator(".lab-msg-tutor").last().textContent()).toContain("the lab is complete");
    // The summary marks covered and missed points, and links the missed ones to the lesson.
    expect(await page.locator('.lab-summary [data-concept="extraction"]').getAttribute("data-covered")).toBe(
      "true",
    );
    expect(await page.locator('.lab-summary [data-concept="decoding"]').getAttribute("data-covered")).toBe(
      "true",
    );
    expect(await page.locator('.lab-summary [data-concept="contamination"] a').getAttribute("href")).toBe(
      "../lessons/1#the-five-elements-at-a-glance",
    );
    // Recorded in the progress store.
    const stored = await page.evaluate(() => localStorage.getItem("reading-benchmark-scores:progress"));
    expect(JSON.parse(stored!).labs["1"]).toMatchObject({ exchanges: 3, complete: true });

    await page.reload({ waitUntil: "networkidle" });
    await page.locator(".lab").waitFor();
    // The summary needs the tutor's code, which a finished lab imports at once.
    await page.locator('.lab-summary:not([hidden]) [data-concept="extraction"]').waitFor();
    expect(await exchanges(page)).toBe(3);
    expect(await page.locator(".lab").getAttribute("data-complete")).toBe("true");
    expect(await page.locator(".lab-msg-learner").count()).toBe(4);
    expect(await page.locator(".lab-msg-learner").nth(2).textContent()).toContain("91.2% vs 89.4% on MMLU");
    // The conversation continues where it left off: no reply repeats the one before it.
    const last = await page.locator(".lab-msg-tutor").last().textContent();
    await say(page, "ok");
    expect(await page.locator(".lab-msg-tutor").last().textContent()).not.toBe(last);

    // Export as Markdown.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('[data-action="export"]'),
    ]);
    const md = await readFile((await download.path())!, "utf8");
    expect(download.suggestedFilename()).toBe("lab-1-score-dissection.md");
    expect(md).toContain("# Lab 1 — Score Dissection");
    expect(md).toContain("**You**: 91.2% vs 89.4% on MMLU");
    expect(md).toContain("3 substantive exchanges · complete");

    // Clear: asks first, then empties the chat; completion stays recorded.
    await page.click('[data-action="clear"]');
    await page.click('[data-action="cancel-clear"]');
    expect(await page.locator(".lab-msg-learner").count()).toBe(5);
    await page.click('[data-action="clear"]');
    await page.click('[data-action="confirm-clear"]');
    expect(await page.locator(".lab-msg").count()).toBe(1); // the opening
    expect(await exchanges(page)).toBe(0);
    expect(await page.locator(".lab-badge").isVisible()).toBe(true);
    expect(
      await page.evaluate(() => localStorage.getItem("reading-benchmark-scores:lab-1-transcript")),
    ).toBeNull();

    expect(problems).toEqual([]);
    await context.close();
  });

  it("keeps HTML and script typed by the learner inert", async () => {
    const { page, context, problems } = await open(browser, "/labs/2");
    await page.locator(".lab").waitFor();
    await say(page, HTML_PAYLOAD, "2");
    const li = page.locator(".lab-msg-learner .lab-msg-text").last();
    expect(await li.textContent()).toBe(HTML_PAYLOAD);
    expect(await page.locator(".lab-log img, .lab-log script").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.reload({ waitUntil: "networkidle" });
    await page.locator(".lab").waitFor();
    expect(await page.locator(".lab-log img, .lab-log script").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(problems).toEqual([]); // no request for /pwned.png
    await context.close();
  });

  it("survives a corrupt saved transcript with a notice", async () => {
    const { page, context, problems } = await open(browser, "/labs/3", {
      storage: { "reading-benchmark-scores:lab-3-transcript": "{broken" },
    });
    await page.locator(".lab").waitFor();
    expect(await page.locator(".lab-notice").textContent()).toMatch(/couldn't be read/);
    await say(page, "X is self-reported and 0-shot, Y is 5-shot on the leaderboard", "3");
    expect(await exchanges(page)).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});

/** The course index the build wrote (dist/_file/data/course-index.<hash>.json). */
function builtIndex(): CourseIndex {
  // DIST (the folder the tests serve) may be relative to the project or absolute.
  const dir = resolve(import.meta.dirname, "../..", process.env.DIST ?? "dist", "_file/data");
  const file = readdirSync(dir).find((f) => /^course-index\.[\w-]+\.json$/.test(f));
  if (!file) throw new Error("No course-index JSON in the build: run npm run build");
  return JSON.parse(readFileSync(join(dir, file), "utf8")) as CourseIndex;
}

describe("Lab 2: the built-in tutor answers questions from the lessons, with links that land", () => {
  it("answers three questions, each linking the lesson section about it, still asks its question, and completes on ideas", async () => {
    const index = builtIndex();
    const { page, context, problems } = await open(browser, "/labs/2");
    await page.locator(".lab").waitFor();
    // Questions whose sections are stable, each with the word its section's heading must contain.
    const questions: Array<[string, string]> = [
      ["What is Goodhart's law?", "goodhart"],
      ["How is contamination detected?", "contamination"],
      ["Why is a leaderboard rank only an estimate?", "rank"],
    ];
    for (const [question, topic] of questions) {
      await say(page, question, "2");
      const reply = page.locator(".lab-msg-tutor").last();
      const link = reply.locator('a.lab-md-link[href^="../lessons/"]').first();
      const href = (await link.getAttribute("href"))!;
      const [, lesson, anchor] = /^\.\.\/lessons\/(\d)#([\w-]+)$/.exec(href) ?? [];
      expect(lesson, `${question} → ${href}`).toBe("2");
      const entry = index.entries.find(
        (e) => e.page === `lessons/${lesson}` && e.anchor === anchor && e.kind === "section",
      );
      expect(entry, `${href} is a section of the index`).toBeDefined();
      expect(`${entry!.heading} ${entry!.keywords}`.toLowerCase()).toContain(topic);
      // The answer quotes the section's own text, and the tutor still asks its next question.
      const text = (await reply.textContent()) ?? "";
      // The sentence before the link is the lesson's own, word for word.
      const answer = (await reply.locator("p").first().textContent())!.replace(/\s*Lesson 2 ·[\s\S]*$/, "");
      // (A glossary answer leads with its term in bold: "Goodhart's law: …".)
      const strong = reply.locator("p").first().locator("strong");
      const term = (await strong.count()) ? ((await strong.first().textContent()) ?? "") : "";
      const quoted = answer
        .replace(term && answer.startsWith(term) ? `${term}: ` : "", "")
        .split(/(?<=[.!?]["”’]?)\s+/)
        .pop()!;
      expect(quoted.length).toBeGreaterThan(20);
      expect(
        index.entries.some((e) => e.page === "lessons/2" && e.text.includes(quoted)),
        quoted,
      ).toBe(true);
      expect(text.trim().endsWith("?")).toBe(true);
      // The link lands on that section: a new tab opens the lesson scrolled to the heading.
      const [lessonPage] = await Promise.all([context.waitForEvent("page"), link.click()]);
      await lessonPage.waitForLoadState("networkidle");
      expect(new URL(lessonPage.url()).hash).toBe(`#${anchor}`);
      const heading = lessonPage.locator(`[id="${anchor}"]`);
      expect(await heading.count()).toBe(1);
      expect(await heading.evaluate((h) => h.tagName)).toMatch(/^H[23]$/);
      expect((await heading.textContent())!.toLowerCase()).toContain(topic);
      const box = await heading.boundingBox();
      expect(box && box.y >= -1 && box.y < 800, `heading at y = ${box?.y}`).toBe(true);
      await lessonPage.close();
    }
    // Two questions named an idea of the lab; the third (ranks) did not — so two exchanges.
    expect(await exchanges(page)).toBe(2);
    await say(page, "raters prefer long, confident answers, so verbose models climb the arena", "2");
    expect(await exchanges(page)).toBe(3);
    expect(await page.locator(".lab").getAttribute("data-complete")).toBe("true");
    // Repeating the last message doesn't count again, and the tutor says so.
    await say(page, "raters prefer long, confident answers, so verbose models climb the arena", "2");
    expect(await exchanges(page)).toBe(3);
    expect(await page.locator(".lab-msg-tutor").last().textContent()).toContain("said that already");
    expect(await page.locator('.lab-msg-learner[data-substantive="false"]').last().textContent()).toContain(
      "doesn't count",
    );
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it("reads “10k” as 10,000 in Lab 4, and says how it read it", async () => {
    const { page, context, problems } = await open(browser, "/labs/4");
    await page.locator(".lab").waitFor();
    await say(page, "B", "4");
    await say(page, "we have 10k past tickets", "4");
    const reply = await page.locator(".lab-msg-tutor").last().textContent();
    expect(reply).toContain("“10k” as 10,000");
    expect(reply).toContain("With 10,000 examples");
    expect(reply).not.toContain("With 10 examples");
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("Lab 1 with the learner's own model (fake OpenAI-compatible server)", () => {
  it("test connection lists the endpoint's models", async () => {
    const { page, context, problems } = await open(browser, "/labs/1");
    const clean = watchEndpoints(page, [llm.origin]);
    await page.locator(".lab").waitFor();
    await useModel(page, { baseUrl: llm.url, model: "" });
    await page.click('[data-action="test"]');
    await page.locator(".lab-model-pick").first().waitFor();
    expect(await page.locator(".lab-model-pick").allTextContents()).toEqual([
      "ok",
      "slow",
      "needs-key",
      "html-payload",
      "markdown",
    ]);
    expect(await page.inputValue("#lab-model-1")).toBe("ok");
    expect(clean(problems)).toEqual([]);
    await context.close();
  });

  it("streams the answer token by token, with the lab's brief and computed facts in the system prompt", async () => {
    const { page, context, problems } = await open(browser, "/labs/1");
    const clean = watchEndpoints(page, [llm.origin]);
    await page.locator(".lab").waitFor();
    await useModel(page, { baseUrl: llm.url, model: "ok", key: "sk-session-only-42" });
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      new MutationObserver(() => {
        const el = document.querySelector(".lab-msg[data-streaming] .lab-msg-text");
        if (el?.textContent && seen[seen.length - 1] !== el.textContent) seen.push(el.textContent);
      }).observe(document.querySelector(".lab-log")!, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    const start = llm.received.length;
    await page.fill(input(), "Is 91.2 vs 89.4 on MMLU a real difference?");
    await page.press(input(), "Enter");
    await page.locator('[data-action="stop"]').waitFor({ state: "visible" });
    await page.locator('.lab-msg-tutor[data-source="model"]:not([data-streaming])').waitFor();
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    // The text grew through the tokens, one at a time (drawn as a paragraph: without the
    // trailing space a token may end with).
    const prefixes = OK_TOKENS.map((_, i) =>
      OK_TOKENS.slice(0, i + 1)
        .join("")
        .trim(),
    );
    expect(seen.filter((s) => prefixes.includes(s)).length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < seen.length; i++)
      expect(seen[i]!.startsWith(seen[i - 1]!.replace(/…$/, ""))).toBe(true);
    expect(await page.locator(".lab-msg-tutor").last().textContent()).toContain(OK_TOKENS.join(""));
    expect(await exchanges(page)).toBe(1);
    expect(await page.locator('[data-action="stop"]').isVisible()).toBe(false);

    const req = llm.received.slice(start).find((r) => r.url.endsWith("/chat/completions"))!;
    expect(req.authorization).toBe("Bearer sk-session-only-42");
    const body = req.body as { stream: boolean; messages: { role: string; content: string }[] };
    expect(body.stream).toBe(true);
    expect(body.messages[0]!.role).toBe("system");
    expect(body.messages[0]!.content).toContain(labs["1"].scenario);
    expect(body.messages[0]!.content).toContain("N = 14,042");
    expect(body.messages[0]!.content).toContain("1.1 to 2.5 pp");
    expect(body.messages[0]!.content).toContain(labs["1"].opening);
    expect(body.messages.map((m) => m.role)).toEqual(["system", "user"]);
    const last = body.messages.at(-1)!;
    expect(last.content.startsWith("Is 91.2 vs 89.4 on MMLU a real difference?")).toBe(true);
    expect(last.content).toContain("Numbers the course computed for this message");
    // The key went in the header only: never in a URL, and only to the configured endpoint.
    expect(llm.received.every((r) => !r.url.includes("sk-session"))).toBe(true);
    expect(await page.evaluate(() => location.href)).not.toContain("sk-session");
    // Kept for the session only (not in localStorage) unless "remember" is ticked.
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(storage).not.toContain("sk-session");
    expect(await page.evaluate(() => sessionStorage.getItem("reading-benchmark-scores:llm-key"))).toBe(
      "sk-session-only-42",
    );
    expect(clean(problems)).toEqual([]);
    await context.close();
  });

  it("Stop keeps what arrived", async () => {
    const { page, context, problems } = await open(browser, "/labs/1");
    const clean = watchEndpoints(page, [llm.origin]);
    await page.locator(".lab").waitFor();
    await useModel(page, { baseUrl: llm.url, model: "slow" });
    await page.fill(input(), "Tell me about decoding and the extraction rule please");
    await page.press(input(), "Enter");
    await page.waitForFunction(() =>
      (document.querySelector(".lab-msg[data-streaming] .lab-msg-text")?.textContent ?? "").includes("word2"),
    );
    await page.click('[data-action="stop"]');
    const partial = page.locator('.lab-msg-tutor[data-partial="stopped"]');
    await partial.waitFor();
    expect(await partial.textContent()).toContain("word0 word1 word2");
    expect(await exchanges(page)).toBe(0);
    expect(await page.locator(".lab-error").isVisible()).toBe(false);
    expect(clean(problems)).toEqual([]);
    await context.close();
  });

  it("renders HTML and script from the model as text", async () => {
    const { page, context, problems } = await open(browser, "/labs/1");
    const clean = watchEndpoints(page, [llm.origin]);
    await page.locator(".lab").waitFor();
    await useModel(page, { baseUrl: llm.url, model: "html-payload" });
    await say(page, "show me something");
    await page.locator('.lab-msg-tutor[data-source="model"]:not([data-streaming])').waitFor();
    expect(await page.locator(".lab-msg-tutor .lab-msg-text").last().textContent()).toBe(HTML_PAYLOAD);
    expect(await page.locator(".lab-log img, .lab-log script").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(clean(problems)).toEqual([]);
    await context.close();
  });

  it("each failure shows its message, keeps the learner's text, and offers Retry and the built-in tutor", async () => {
    const dead = `http://127.0.0.1:${await deadPort()}`;
    const cases: Array<{
      name: string;
      baseUrl: string;
      model: string;
      key?: string;
      kind: string;
      says: RegExp;
    }> = [
      {
        name: "unreachable",
        baseUrl: `${dead}/v1`,
        model: "ok",
        kind: "unreachable",
        says: /Could not reach/,
      },
      {
        name: "blocked by CORS",
        baseUrl: `${llm.origin}/nocors/v1`,
        model: "ok",
        kind: "unreachable",
        says: /CORS/,
      },
      { name: "401", baseUrl: llm.url, model: "needs-key", key: "sk-wrong", kind: "auth", says: /401/ },
      {
        name: "404 model",
        baseUrl: llm.url,
        model: "no-such-model",
        kind: "not-found",
        says: /no model called “no-such-model”/,
      },
      { name: "429", baseUrl: llm.url, model: "busy", kind: "rate-limit", says: /wait 7 s/ },
      { name: "5xx", baseUrl: llm.url, model: "broken", kind: "server", says: /500/ },
      { name: "not SSE", baseUrl: llm.url, model: "html", kind: "not-sse", says: /text\/html/ },
      { name: "malformed", baseUrl: llm.url, model: "malformed", kind: "malformed", says: /malformed/ },
      { name: "stalled", baseUrl: llm.url, model: "stall", kind: "stalled", says: /No data for 1 s/ },
      { name: "cut", baseUrl: llm.url, model: "cut", kind: "cut", says: /cut off/ },
    ];
    const { page, context, problems } = await open(browser, "/labs/1");
    const clean = watchEndpoints(page, [llm.origin, dead]);
    await page.locator(".lab").waitFor();
    for (const c of cases) {
      await useModel(page, { baseUrl: c.baseUrl, model: c.model, key: c.key ?? "", stall: 1 });
      const text = `Case ${c.name}: was Model B evaluated with the same shot count?`;
      await page.fill(input(), text);
      await page.press(input(), "Enter");
      const panel = page.locator(`.lab-error[data-error-kind="${c.kind}"]`);
      await panel.waitFor({ state: "visible", timeout: 15_000 });
      expect(await panel.textContent(), c.name).toMatch(c.says);
      // Nothing the learner typed is lost: back in the box, and in the transcript as not answered.
      expect(await page.inputValue(input()), c.name).toBe(text);
      expect(
        await page.locator('.lab-msg-learner[data-status="failed"] .lab-msg-text').last().textContent(),
      ).toBe(text);
      expect(await page.locator('.lab-error [data-action="retry"]').isVisible()).toBe(true);
      expect(await page.locator('.lab-error [data-action="fallback"]').isVisible()).toBe(true);
      if (c.name === "unreachable" || c.name === "blocked by CORS") {
        // The page's origin is the one Ollama would need in OLLAMA_ORIGINS (shown for Ollama's port).
        expect(await panel.textContent()).toMatch(/nothing is listening|refused this page's origin/);
      }
      if (c.name === "cut" || c.name === "stalled") {
        expect(await page.locator(".lab-msg-tutor[data-partial]").count()).toBe(1);
      }
      expect(await exchanges(page)).toBe(0);
    }
    // Only one unanswered message is kept: each new send replaced the previous failed one.
    expect(await page.locator('.lab-msg-learner[data-status="failed"]').count()).toBe(1);

    // Retry after fixing the key succeeds and replaces the failure.
    await useModel(page, { baseUrl: llm.url, model: "needs-key", key: "sk-wrong", stall: 5 });
    await page.fill(input(), "Does the shot count matter for the comparison here?");
    await page.press(input(), "Enter");
    await page.locator('.lab-error[data-error-kind="auth"]').waitFor({ state: "visible" });
    await page.fill("#lab-key-1", VALID_KEY);
    await page.click('.lab-error [data-action="retry"]');
    await page
      .locator('.lab-msg-tutor[data-source="model"]:not([data-partial]):not([data-streaming])')
      .waitFor();
    expect(await page.locator(".lab-error").isVisible()).toBe(false);
    expect(await exchanges(page)).toBe(1);
    expect(await page.inputValue(input())).toBe("");

    // Fall back to the built-in tutor for a failed message.
    await useModel(page, { baseUrl: llm.url, model: "broken" });
    await page.fill(input(), "Could contamination inflate Model A's score here?");
    await page.press(input(), "Enter");
    await page.locator('.lab-error[data-error-kind="server"]').waitFor({ state: "visible" });
    await page.click('.lab-error [data-action="fallback"]');
    await page.waitForFunction(
      () => document.querySelector(".lab-msg-tutor:last-child")?.getAttribute("data-source") === "builtin",
    );
    expect(await page.locator(".lab-msg-tutor").last().textContent()).toContain("Contamination");
    expect(await page.isChecked('input[name="lab-1-tutor"][value="builtin"]')).toBe(true);
    expect(await exchanges(page)).toBe(2);
    expect(await page.inputValue(input())).toBe("");

    expect(clean(problems)).toEqual([]);
    await context.close();
  });

  it("settings with no base URL say so instead of sending", async () => {
    const { page, context, problems } = await open(browser, "/labs/1");
    await page.locator(".lab").waitFor();
    await useModel(page, { baseUrl: "", model: "ok" });
    const n = llm.received.length;
    await page.fill(input(), "What should I check first about this claim?");
    await page.press(input(), "Enter");
    await page.locator('.lab-error[data-error-kind="settings"]').waitFor({ state: "visible" });
    expect(await page.inputValue(input())).toBe("What should I check first about this claim?");
    expect(llm.received.length).toBe(n);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("Markdown in the tutor's replies", () => {
  it("renders a streamed Markdown answer as formatted text, block by block, safely, announced once", async () => {
    const { page, context, problems } = await open(browser, "/labs/1");
    const clean = watchEndpoints(page, [llm.origin]);
    await page.locator(".lab").waitFor();
    await useModel(page, { baseUrl: llm.url, model: "markdown" });
    await page.evaluate(() => {
      const w = window as unknown as { __live: string[]; __busy: string[]; __firstBlock: Element | null };
      w.__live = [];
      w.__busy = [];
      w.__firstBlock = null;
      const live = document.querySelector(".lab [aria-live]")!;
      new MutationObserver(() => w.__live.push(live.textContent ?? "")).observe(live, {
        childList: true,
        characterData: true,
        subtree: true,
      });
      new MutationObserver(() => {
        const body = document.querySelector(".lab-msg[data-streaming] .lab-msg-text");
        if (!body) return;
        w.__busy.push(document.querySelector(".lab-log")!.getAttribute("aria-busy") ?? "");
        // The heading block, once complete, must keep its element while later blocks arrive.
        const heading = body.querySelector(".lab-md-heading");
        if (heading?.textContent === "Is the gap real?" && body.querySelector("strong"))
          w.__firstBlock ??= heading;
      }).observe(document.querySelector(".lab-log")!, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    await page.fill(input(), "Is 91.2 vs 89.4 on MMLU a real difference?");
    await page.press(input(), "Enter");
    // While the answer streams, what has arrived is already formatted.
    await page.waitForFunction(() =>
      Boolean(document.querySelector(".lab-msg[data-streaming] .lab-md ol li code")),
    );
    const mid = page.locator(".lab-msg[data-streaming] .lab-md");
    expect(await mid.locator("strong").first().textContent()).toBe("1.8 pp");
    expect(await mid.locator(".lab-md-heading").textContent()).toBe("Is the gap real?");
    const firstBlockKept = await page.evaluate(() => {
      const w = window as unknown as { __firstBlock: Element | null };
      return w.__firstBlock?.isConnected === true;
    });
    expect(firstBlockKept).toBe(true);

    await page.locator('.lab-msg-tutor[data-source="model"]:not([data-streaming])').waitFor();
    const msg = page.locator(".lab-msg-tutor .lab-md").last();
    const check = async () => {
      expect(await msg.locator(".lab-md-heading").textContent()).toBe("Is the gap real?");
      expect(await msg.locator("strong").first().textContent()).toBe("1.8 pp");
      expect(await msg.locator("em").first().textContent()).toBe("not");
      expect(await msg.locator(".lab-md-math").first().textContent()).toBe("[1.1, 2.5]");
      expect(await msg.locator("ol > li").count()).toBe(2);
      expect(await msg.locator("ol > li code").textContent()).toBe("5-shot");
      expect(await msg.locator("ol > li ul > li").textContent()).toBe("self-reported vs leaderboard");
      expect(await msg.locator("table th").allTextContents()).toEqual(["Test", "N"]);
      expect(await msg.locator("table td").allTextContents()).toEqual(["MMLU", "14,042"]);
      expect(await msg.locator("pre code").textContent()).toBe("prop.test(c(12806, 12554), c(14042, 14042))");
      const link = msg.locator("a");
      expect(await link.count()).toBe(1);
      expect(await link.getAttribute("href")).toBe("https://example.org/paper");
      expect(await link.getAttribute("target")).toBe("_blank");
      expect((await link.getAttribute("rel"))?.split(" ")).toEqual(
        expect.arrayContaining(["noopener", "noreferrer"]),
      );
      expect(await msg.textContent()).toContain("this (javascript:window.__pwned=3)");
      expect(await msg.textContent()).toContain('<img src="/pwned.png" onerror="window.__pwned=4">');
      // No element the model didn't earn: no image, script, heading in the page outline.
      expect(await page.locator(".lab-log img, .lab-log script, .lab-log iframe").count()).toBe(0);
      expect(await page.locator(".lab-log :is(h1, h2, h3, h4, h5, h6)").count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    };
    await check();
    // The live region spoke twice (answering, answered) — never token by token; the log was busy
    // (so screen readers wait) the whole time the answer streamed.
    const { live, busy } = await page.evaluate(() => {
      const w = window as unknown as { __live: string[]; __busy: string[] };
      return { live: w.__live, busy: w.__busy };
    });
    expect(live).toEqual(["The tutor is answering…", "The tutor answered."]);
    expect(busy.length).toBeGreaterThan(MARKDOWN_TOKENS.length / 2);
    expect(new Set(busy)).toEqual(new Set(["true"]));
    expect(await exchanges(page)).toBe(1);

    // Kept as Markdown: a reload renders the same, and passes axe.
    await page.reload({ waitUntil: "networkidle" });
    await page.locator(".lab").waitFor();
    await check();
    expect(await axeViolations(page, { include: ".lab" })).toEqual([]);
    expect(clean(problems)).toEqual([]); // nothing fetched /pwned.png
    const key = "reading-benchmark-scores:lab-1-transcript";
    const stored = (await page.evaluate((k) => localStorage.getItem(k), key))!;
    await context.close();

    const dark = await open(browser, "/labs/1", { colorScheme: "dark", storage: { [key]: stored } });
    await dark.page.locator(".lab-md table").waitFor();
    expect(await axeViolations(dark.page, { include: ".lab" })).toEqual([]);
    expect(dark.problems).toEqual([]);
    await dark.context.close();
  });

  it("renders the built-in tutor's replies as paragraphs, and a new reply leaves earlier messages' elements alone", async () => {
    const { page, context, problems } = await open(browser, "/labs/2");
    await page.locator(".lab").waitFor();
    await say(page, "How would I tell contamination from real capability?", "2");
    const first = page.locator(".lab-msg-tutor").nth(1);
    expect(await first.locator(".lab-md > p").count()).toBeGreaterThanOrEqual(2);
    expect(await first.textContent()).toContain("0.7 to 2.4 pp (p < 0.001)");
    await page.evaluate(() => {
      (window as unknown as { __kept: Element }).__kept = document.querySelectorAll(".lab-msg")[1]!;
    });
    await say(page, "P's lead over Q is just noise.", "2");
    expect(await page.locator(".lab-msg-tutor").last().textContent()).toContain(
      "P's 1.5 pp lead over Q has a 95% interval of 0.7 to 2.4 pp",
    );
    expect(
      await page.evaluate(
        () => (window as unknown as { __kept: Element }).__kept === document.querySelectorAll(".lab-msg")[1],
      ),
    ).toBe(true);
    expect(await page.locator(".lab-scenario").textContent()).toContain("85.0% on MMLU");
    expect(problems).toEqual([]);
    await context.close();
  });
});
