// The learner's progress across pages and reloads: a quiz taken and a lesson read show on the
// home page and survive a reload; export gives the stored JSON; reset asks first. Corrupt,
// foreign or unavailable storage gives a working page with a notice, told once.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  emptyProgress,
  NOTICE_CORRUPT,
  NOTICE_UNAVAILABLE,
  PROGRESS_VERSION,
  type Progress,
  STORAGE_KEY,
} from "../../src/components/learn/progress.ts";
import { axeViolations, baseUrl, open, useBrowser } from "./browser.ts";
import { takeQuiz } from "./quizPage.ts";

const browser = useBrowser();

const stored = async (p: Page) =>
  JSON.parse((await p.evaluate((k) => localStorage.getItem(k), STORAGE_KEY)) ?? "null");
const figure = async (p: Page, name: string) =>
  p.locator(`.progress-panel [data-progress="${name}"]`).getAttribute("data-value");

describe("progress across pages and reloads", () => {
  it("a quiz score and a lesson read show on the home page, and are still there after a reload", async () => {
    const { page, context, problems } = await open(browser, "/");
    expect(await figure(page, "quizzes-taken")).toBe("0");
    expect(await page.locator("[data-progress-notice]").count()).toBe(0);

    await page.goto(new URL("/quizzes/2", page.url()).href, { waitUntil: "networkidle" });
    await takeQuiz(page, 2, 3);

    // Reaching the end of a lesson (its footer) marks it read.
    await page.goto(new URL("/lessons/4", page.url()).href, { waitUntil: "networkidle" });
    await page.locator(".lesson-footer").scrollIntoViewIfNeeded();
    await page.locator('.lesson-footer-status[data-lesson-read="true"]').waitFor();
    expect(Object.keys((await stored(page)).lessonsRead)).toEqual(["4"]);

    await page.goto(new URL("/", page.url()).href, { waitUntil: "networkidle" });
    for (const pass of ["before", "after"]) {
      if (pass === "after") await page.reload({ waitUntil: "networkidle" });
      expect(await figure(page, "quizzes-taken"), pass).toBe("1");
      expect(await figure(page, "lessons-read"), pass).toBe("1");
      expect(
        await page.locator('tr[data-lesson="2"] td[data-cell="quiz"]').getAttribute("data-value"),
        pass,
      ).toBe("3");
      expect(await page.locator('tr[data-lesson="2"] td[data-cell="quiz"]').textContent(), pass).toContain(
        "3 of 4",
      );
      expect(await page.locator('tr[data-lesson="4"] td[data-cell="read"]').textContent(), pass).toContain(
        "Read",
      );
      expect(await page.locator('tr[data-lesson="1"] td[data-cell="read"]').textContent(), pass).toContain(
        "Not yet",
      );
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows labs completed and the module test result from storage", async () => {
    const progress: Progress = {
      version: PROGRESS_VERSION,
      lessonsRead: { "1": "2026-11-20T10:00:00.000Z" },
      quizzes: {},
      labs: {
        "1": { exchanges: 3, complete: true, completedAt: "2026-11-21T10:00:00.000Z" },
        "2": { exchanges: 1, complete: false, completedAt: null },
      },
      test: { best: 13, total: 15, passed: true, attempts: 2, bestAt: "2026-11-22T10:00:00.000Z" },
      deeper: {},
    };
    const { page, context, problems } = await open(browser, "/", {
      storage: { [STORAGE_KEY]: JSON.stringify(progress) },
    });
    expect(await figure(page, "labs-complete")).toBe("1");
    expect(await page.locator('[data-progress="test"]').getAttribute("data-passed")).toBe("true");
    expect(await page.locator('tr[data-lesson="1"] td[data-cell="lab"]').textContent()).toContain(
      "Complete 21 Nov 2026",
    );
    expect(await page.locator('tr[data-lesson="2"] td[data-cell="lab"]').textContent()).toContain(
      "1 of 3 exchanges",
    );
    expect(await page.locator('td[data-cell="test"]').textContent()).toContain(
      "Passed · best 13 of 15 on 22 Nov 2026",
    );
    expect(await page.locator("[data-progress-notice]").count()).toBe(0);
    expect(await axeViolations(page, { include: "#observablehq-main" })).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("going deeper", () => {
  it("the home page counts the going-deeper pages whose questions were answered, apart from the module test", async () => {
    const progress: Progress = {
      ...emptyProgress(),
      deeper: {
        "pass-at-k": { best: 2, total: 3, attempts: 2, lastScore: 2, updatedAt: "2026-11-20T10:00:00.000Z" },
      },
    };
    const { page, context, problems } = await open(browser, "/", {
      storage: { [STORAGE_KEY]: JSON.stringify(progress) },
    });
    const cell = page.locator('td[data-cell="deeper"]');
    expect(await cell.getAttribute("data-value")).toBe("1");
    expect(await cell.textContent()).toContain("1 of 6 pages' questions answered");
    expect(await cell.textContent()).toContain("pass@k and pass^k: 2 of 3");
    // Not the module test: it still reads "not taken".
    expect(await page.locator('[data-progress="test"]').getAttribute("data-passed")).toBe("false");
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("export and reset", () => {
  it("export downloads the stored progress as JSON; reset asks, can be cancelled, then clears", async () => {
    const { page, context, problems } = await open(browser, "/quizzes/3");
    await takeQuiz(page, 3, 4);
    await page.goto(new URL("/", page.url()).href, { waitUntil: "networkidle" });
    expect(await figure(page, "quizzes-taken")).toBe("1");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator(".progress-export").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^benchmark-course-progress-\d{4}-\d\d-\d\d\.json$/);
    const exported = JSON.parse(readFileSync((await download.path())!, "utf8"));
    const saved = await stored(page);
    const { exportedAt, ...rest } = exported;
    expect(rest).toEqual(saved);
    expect(exported.quizzes["3"]).toMatchObject({ best: 4, total: 4 });
    expect(typeof exportedAt).toBe("string");

    await page.locator(".progress-reset").click();
    expect(await page.locator(".progress-confirm").isVisible()).toBe(true);
    expect(await axeViolations(page, { include: "#observablehq-main" })).toEqual([]);
    await page.locator(".progress-reset-cancel").click();
    expect(await page.locator(".progress-confirm").isVisible()).toBe(false);
    expect(await figure(page, "quizzes-taken")).toBe("1");
    expect(await stored(page)).not.toBeNull();

    await page.locator(".progress-reset").click();
    await page.locator(".progress-reset-confirm").click();
    expect(await figure(page, "quizzes-taken")).toBe("0");
    expect(await stored(page)).toBeNull();
    await page.reload({ waitUntil: "networkidle" });
    expect(await figure(page, "quizzes-taken")).toBe("0");
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("bad storage", () => {
  // Each with the words the learner must be told (the corpus in tests/fixtures/bad-input/storage.json
  // has every kind, checked in the unit tests and, for the cases, in robustness.test.ts).
  const bad: [string, string, string][] = [
    ["bad JSON", "{this is not json", NOTICE_CORRUPT],
    [
      "a newer version",
      JSON.stringify({ version: 42, lessonsRead: {}, quizzes: {}, labs: {}, test: null }),
      "saved by a newer version of this site (version 42)",
    ],
    [
      "wrong types",
      JSON.stringify({
        version: PROGRESS_VERSION,
        lessonsRead: {},
        quizzes: { "1": { best: "lots" } },
        labs: {},
        test: null,
      }),
      "Set aside: the Lesson 1 quiz: the number of questions is not a positive whole number (missing)",
    ],
  ];
  for (const [what, raw, says] of bad) {
    it(`${what}: the home page works and says so`, async () => {
      const { page, context, problems } = await open(browser, "/", { storage: { [STORAGE_KEY]: raw } });
      const notice = page.locator("[data-progress-notice]");
      await notice.waitFor();
      expect(await notice.count()).toBe(1);
      expect(await notice.textContent()).toContain(says);
      expect(await figure(page, "quizzes-taken")).toBe("0");
      expect(await axeViolations(page, { include: "#observablehq-main" })).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it("a quiz page with corrupt storage still works and records the new score", async () => {
    const { page, context, problems } = await open(browser, "/quizzes/1", {
      storage: { [STORAGE_KEY]: "][" },
    });
    expect(await page.locator("#quiz-1 [data-progress-notice]").textContent()).toContain(NOTICE_CORRUPT);
    await takeQuiz(page, 1, 2);
    expect(await page.locator("#quiz-1 .quiz-score").textContent()).toBe("2 of 4");
    expect((await stored(page)).quizzes["1"]).toMatchObject({ best: 2, total: 4, attempts: 1 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it("corrupted by hand and reloaded: a working page with a notice, told only once", async () => {
    const { page, context, problems } = await open(browser, "/quizzes/4");
    await takeQuiz(page, 4, 4);
    await page.goto(new URL("/", page.url()).href, { waitUntil: "networkidle" });
    expect(await figure(page, "quizzes-taken")).toBe("1");

    await page.evaluate((k) => localStorage.setItem(k, '{"version": 2, "quizzes": 7'), STORAGE_KEY);
    await page.reload({ waitUntil: "networkidle" });
    expect(await page.locator("[data-progress-notice]").textContent()).toContain(NOTICE_CORRUPT);
    expect(await figure(page, "quizzes-taken")).toBe("0");
    // Dismissable.
    await page.locator(".progress-notice-close").click();
    expect(await page.locator("[data-progress-notice]").count()).toBe(0);

    // The page keeps working and the next load says nothing more.
    await page.goto(new URL("/test", page.url()).href, { waitUntil: "networkidle" });
    expect(await page.locator("[data-progress-notice]").count()).toBe(0);
    await page.goto(new URL("/", page.url()).href, { waitUntil: "networkidle" });
    expect(await page.locator("[data-progress-notice]").count()).toBe(0);
    expect((await stored(page)).version).toBe(PROGRESS_VERSION);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("storage that throws (private mode, SecurityError): a working quiz, kept for the tab, with a notice", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => {
      Object.defineProperty(window, "localStorage", {
        get() {
          throw new DOMException("The operation is insecure.", "SecurityError");
        },
      });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    const base = new URL("/", baseUrl()).href;
    await page.goto(new URL("quizzes/1", base).href, { waitUntil: "networkidle" });
    expect(await page.locator("[data-progress-notice]").textContent()).toContain(NOTICE_UNAVAILABLE);
    await takeQuiz(page, 1, 4);
    expect(await page.locator("#quiz-1 .quiz-score").textContent()).toBe("4 of 4");
    expect(await page.locator("#quiz-1 .quiz-best").textContent()).toContain("Best so far: 4 of 4");
    await page.goto(base, { waitUntil: "networkidle" });
    expect(await page.locator("[data-progress-notice]").textContent()).toContain(NOTICE_UNAVAILABLE);
    // The tab's sessionStorage kept it, as the notice says ("kept only until you close this tab").
    expect(await figure(page, "quizzes-taken")).toBe("1");
    expect(errors).toEqual([]);
    await context.close();
  });
});
