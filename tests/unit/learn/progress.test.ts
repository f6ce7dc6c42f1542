// The progress store: round trip through storage, the rules of each record (best kept,
// attempts counted, lab completion sticky, first reading kept), migration from version 1,
// and every kind of bad storage — corrupt, foreign, throwing, full — handled without a crash.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createProgressStore,
  emptyProgress,
  LESSON_KEYS,
  type LessonKey,
  NOTICE_CORRUPT,
  NOTICE_UNAVAILABLE,
  NOTICE_WRITE_FAILED,
  PROGRESS_VERSION,
  parseProgress,
  STORAGE_KEY,
  syncFromStorage,
} from "../../../src/components/learn/progress.ts";

/** A Storage stand-in with switches for failure. */
class MemoryStorage {
  map = new Map<string, string>();
  failGet = false;
  failSet = false;
  failRemove = false;
  writes = 0;
  getItem(k: string) {
    if (this.failGet) throw new DOMException("denied", "SecurityError");
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.failSet) throw new DOMException("full", "QuotaExceededError");
    this.writes++;
    this.map.set(k, v);
  }
  removeItem(k: string) {
    if (this.failRemove) throw new DOMException("denied", "SecurityError");
    this.map.delete(k);
  }
}

/** A clock that ticks one day per call, from 1 March 2026. */
function clock() {
  let t = Date.UTC(2026, 2, 1);
  return () => {
    const d = new Date(t);
    t += 86_400_000;
    return d;
  };
}

describe("a fresh store", () => {
  it("starts empty, with no notice, and writes nothing until something happens", () => {
    const storage = new MemoryStorage();
    const store = createProgressStore(storage);
    expect(store.get()).toEqual(emptyProgress());
    expect(store.notice).toBeNull();
    expect(storage.writes).toBe(0);
  });

  it("hands out copies: changing what get() returned changes nothing", () => {
    const store = createProgressStore(new MemoryStorage());
    const p = store.get();
    p.quizzes["1"] = { best: 4, total: 4, attempts: 1, lastScore: 4, updatedAt: "2026-01-01T00:00:00.000Z" };
    expect(store.get().quizzes["1"]).toBeUndefined();
  });
});

describe("records", () => {
  it("quizzes keep the best score and count attempts", () => {
    const store = createProgressStore(new MemoryStorage(), { now: clock() });
    store.recordQuiz("2", 2, 4);
    store.recordQuiz("2", 4, 4);
    store.recordQuiz("2", 1, 4);
    expect(store.get().quizzes["2"]).toEqual({
      best: 4,
      total: 4,
      attempts: 3,
      lastScore: 1,
      updatedAt: "2026-03-03T00:00:00.000Z",
    });
  });

  it("quizzes refuse impossible scores", () => {
    const store = createProgressStore(new MemoryStorage());
    expect(() => store.recordQuiz("1", 5, 4)).toThrow(RangeError);
    expect(() => store.recordQuiz("1", -1, 4)).toThrow(RangeError);
    expect(() => store.recordQuiz("1", 0, 0)).toThrow(RangeError);
    expect(() => store.recordQuiz("1", Number.NaN, 4)).toThrow(RangeError);
    expect(store.get().quizzes["1"]).toBeUndefined();
  });

  it("a quiz of a different length starts its record over (scores out of 4 and 5 do not mix)", () => {
    const store = createProgressStore(new MemoryStorage());
    store.recordQuiz("1", 4, 4);
    store.recordQuiz("1", 3, 5);
    expect(store.get().quizzes["1"]).toMatchObject({ best: 3, total: 5, attempts: 2 });
  });

  it("labs keep the most exchanges, and completion is sticky with its first date", () => {
    const store = createProgressStore(new MemoryStorage(), { now: clock() });
    store.recordLab("3", 1, false);
    expect(store.get().labs["3"]).toEqual({ exchanges: 1, complete: false, completedAt: null });
    store.recordLab("3", 3, true);
    store.recordLab("3", 0, false); // a new chat later: still complete, same date
    expect(store.get().labs["3"]).toEqual({
      exchanges: 3,
      complete: true,
      completedAt: "2026-03-02T00:00:00.000Z",
    });
  });

  it("the test keeps the best result and the date it was reached; a pass is never lost", () => {
    const store = createProgressStore(new MemoryStorage(), { now: clock() });
    store.recordTest(11, 15, false); // 1 Mar
    store.recordTest(13, 15, true); // 2 Mar
    store.recordTest(9, 15, false); // 3 Mar
    expect(store.get().test).toEqual({
      best: 13,
      total: 15,
      passed: true,
      attempts: 3,
      bestAt: "2026-03-02T00:00:00.000Z",
    });
    store.recordTest(13, 15, true); // equal, not better: the first date stays
    expect(store.get().test?.bestAt).toBe("2026-03-02T00:00:00.000Z");
    store.recordTest(15, 15, true);
    expect(store.get().test).toMatchObject({ best: 15, attempts: 5, bestAt: "2026-03-05T00:00:00.000Z" });
  });

  it("a lesson is read on the first date it was reached", () => {
    const store = createProgressStore(new MemoryStorage(), { now: clock() });
    store.markLessonRead("1");
    store.markLessonRead("1");
    store.markLessonRead("4");
    expect(store.get().lessonsRead).toEqual({
      "1": "2026-03-01T00:00:00.000Z",
      "4": "2026-03-02T00:00:00.000Z",
    });
  });
});

describe("storage round trip", () => {
  it("a second store on the same storage reads back exactly what the first wrote", () => {
    const storage = new MemoryStorage();
    const a = createProgressStore(storage, { now: clock() });
    a.markLessonRead("1");
    a.recordQuiz("1", 3, 4);
    a.recordLab("1", 3, true);
    a.recordTest(12, 15, true);
    const b = createProgressStore(storage);
    expect(b.get()).toEqual(a.get());
    expect(b.notice).toBeNull();
    expect(JSON.parse(storage.map.get(STORAGE_KEY)!).version).toBe(PROGRESS_VERSION);
  });

  it("any sequence of records round-trips and stays valid", () => {
    const lesson = fc.constantFrom<LessonKey>(...LESSON_KEYS);
    const op = fc.oneof(
      fc.record({ kind: fc.constant("read" as const), lesson }),
      fc.record({ kind: fc.constant("quiz" as const), lesson, score: fc.integer({ min: 0, max: 4 }) }),
      fc.record({
        kind: fc.constant("lab" as const),
        lesson,
        n: fc.integer({ min: 0, max: 9 }),
        done: fc.boolean(),
      }),
      fc.record({ kind: fc.constant("test" as const), score: fc.integer({ min: 0, max: 15 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const storage = new MemoryStorage();
        const store = createProgressStore(storage, { now: clock() });
        for (const o of ops) {
          if (o.kind === "read") store.markLessonRead(o.lesson);
          else if (o.kind === "quiz") store.recordQuiz(o.lesson, o.score, 4);
          else if (o.kind === "lab") store.recordLab(o.lesson, o.n, o.done);
          else store.recordTest(o.score, 15, o.score >= 12);
        }
        const raw = storage.map.get(STORAGE_KEY) ?? null;
        const parsed = parseProgress(raw);
        expect(parsed.ok).toBe(true);
        expect(parsed.progress).toEqual(store.get());
        // Counts add up.
        const quizOps = ops.filter((o) => o.kind === "quiz");
        for (const k of LESSON_KEYS) {
          const mine = quizOps.filter((o) => o.lesson === k);
          expect(store.get().quizzes[k]?.attempts ?? 0).toBe(mine.length);
          if (mine.length) expect(store.get().quizzes[k]?.best).toBe(Math.max(...mine.map((o) => o.score)));
        }
        const tests = ops.filter((o) => o.kind === "test");
        expect(store.get().test?.best ?? null).toBe(
          tests.length ? Math.max(...tests.map((o) => o.score)) : null,
        );
      }),
      { numRuns: 150 },
    );
  });

  it("tells listeners about every change, and stops when unsubscribed", () => {
    const store = createProgressStore(new MemoryStorage());
    const seen: number[] = [];
    const off = store.subscribe((p) => seen.push(p.quizzes["1"]?.attempts ?? 0));
    store.recordQuiz("1", 1, 4);
    store.recordQuiz("1", 2, 4);
    off();
    store.recordQuiz("1", 3, 4);
    expect(seen).toEqual([1, 2]);
  });

  it("catches up with what another tab wrote", () => {
    const storage = new MemoryStorage();
    const here = createProgressStore(storage);
    const there = createProgressStore(storage);
    const seen: number[] = [];
    here.subscribe((p) => seen.push(p.quizzes["2"]?.best ?? -1));
    there.recordQuiz("2", 3, 4);
    syncFromStorage(here);
    expect(here.get().quizzes["2"]?.best).toBe(3);
    expect(seen).toEqual([3]);
  });

  it("reset removes the key; export is the progress as JSON", () => {
    const storage = new MemoryStorage();
    const store = createProgressStore(storage, { now: clock() });
    store.recordQuiz("4", 2, 4);
    const exported = JSON.parse(store.exportJson());
    expect(exported).toMatchObject({ version: PROGRESS_VERSION, quizzes: { "4": { best: 2, total: 4 } } });
    expect(typeof exported.exportedAt).toBe("string");
    expect(parseProgress(store.exportJson()).ok).toBe(true); // an export can be read back
    store.reset();
    expect(storage.map.has(STORAGE_KEY)).toBe(false);
    expect(store.get()).toEqual(emptyProgress());
  });
});

describe("migration", () => {
  it("reads version 1 (quizzes as {score, total, attempts, date}, labs as {exchanges, done}) into the current shape", () => {
    const v1 = {
      version: 1,
      quizzes: { "1": { score: 3, total: 4, attempts: 2, date: "2025-10-01T12:00:00.000Z" } },
      labs: {
        "2": { exchanges: 4, done: true, date: "2025-10-02T12:00:00.000Z" },
        "3": { exchanges: 1, done: false },
      },
      test: { score: 12, total: 15, passed: true, date: "2025-10-03T12:00:00.000Z" },
    };
    const storage = new MemoryStorage();
    storage.map.set(STORAGE_KEY, JSON.stringify(v1));
    const store = createProgressStore(storage);
    expect(store.notice).toBeNull();
    expect(store.get()).toEqual({
      version: PROGRESS_VERSION,
      lessonsRead: {},
      quizzes: {
        "1": { best: 3, total: 4, attempts: 2, lastScore: 3, updatedAt: "2025-10-01T12:00:00.000Z" },
      },
      labs: {
        "2": { exchanges: 4, complete: true, completedAt: "2025-10-02T12:00:00.000Z" },
        "3": { exchanges: 1, complete: false, completedAt: null },
      },
      test: { best: 12, total: 15, passed: true, attempts: 1, bestAt: "2025-10-03T12:00:00.000Z" },
    });
    // … and writes it back in the current version.
    expect(JSON.parse(storage.map.get(STORAGE_KEY)!).version).toBe(PROGRESS_VERSION);
  });

  it("a broken version-1 value is treated as corrupt", () => {
    const r = parseProgress(JSON.stringify({ version: 1, quizzes: { "1": { score: "3", total: 4 } } }));
    expect(r.ok).toBe(false);
  });
});

describe("bad storage never breaks the store", () => {
  // The corpus of unreadable stored values (tests/fixtures/bad-input/storage.json).
  const corrupt = (
    JSON.parse(readFileSync("tests/fixtures/bad-input/storage.json", "utf8")) as {
      what: string;
      raw: string;
    }[]
  ).map(({ what, raw }) => [what, raw] as const);
  it("the corpus holds every kind of damage", () => {
    expect(corrupt.length).toBeGreaterThanOrEqual(16);
    // Each value is really stored as written: the version check in it is the current one.
    expect(corrupt.find(([w]) => w === "a test that is a number")![1]).toContain(
      `"version":${PROGRESS_VERSION}`,
    );
  });

  for (const [what, raw] of corrupt) {
    it(`${what}: empty progress, a notice once, and the store keeps working`, () => {
      const storage = new MemoryStorage();
      storage.map.set(STORAGE_KEY, raw);
      const store = createProgressStore(storage);
      expect(store.get()).toEqual(emptyProgress());
      expect(store.notice).toBe(NOTICE_CORRUPT);
      store.recordQuiz("1", 2, 4);
      expect(store.get().quizzes["1"]?.best).toBe(2);
      // The unreadable value was replaced, so the next page load says nothing.
      const again = createProgressStore(storage);
      expect(again.notice).toBeNull();
      expect(again.get().quizzes["1"]?.best).toBe(2);
    });
  }

  it("parseProgress says why", () => {
    const r = parseProgress(JSON.stringify({ ...emptyProgress(), version: 99 }));
    expect(r).toMatchObject({ ok: false, reason: "unknown version 99" });
    expect(parseProgress(null)).toMatchObject({ ok: true });
    expect(parseProgress("")).toMatchObject({ ok: true });
  });

  it("no storage at all (null): in memory, with a notice", () => {
    const store = createProgressStore(null);
    expect(store.notice).toBe(NOTICE_UNAVAILABLE);
    store.recordTest(12, 15, true);
    expect(store.get().test?.passed).toBe(true);
    expect(() => store.reset()).not.toThrow();
  });

  it("storage that throws on read (SecurityError): in memory, with a notice", () => {
    const storage = new MemoryStorage();
    storage.failGet = true;
    storage.failSet = true;
    storage.failRemove = true;
    const store = createProgressStore(storage);
    expect(store.notice).toBe(NOTICE_UNAVAILABLE);
    store.recordQuiz("3", 4, 4);
    expect(store.get().quizzes["3"]?.best).toBe(4);
    expect(() => store.reset()).not.toThrow();
  });

  it("storage that is full (setItem throws): keeps working in memory, tells the learner once", () => {
    const storage = new MemoryStorage();
    storage.failSet = true;
    const store = createProgressStore(storage);
    expect(store.notice).toBeNull();
    store.recordQuiz("1", 1, 4);
    expect(store.notice).toBe(NOTICE_WRITE_FAILED);
    store.recordQuiz("1", 4, 4);
    expect(store.get().quizzes["1"]).toMatchObject({ best: 4, attempts: 2 });
    expect(store.notice).toBe(NOTICE_WRITE_FAILED);
  });

  it("a listener that throws does not stop the others or the store", () => {
    const store = createProgressStore(new MemoryStorage());
    const seen: number[] = [];
    const original = console.error;
    console.error = () => {};
    try {
      store.subscribe(() => {
        throw new Error("boom");
      });
      store.subscribe((p) => seen.push(p.quizzes["2"]?.best ?? -1));
      store.recordQuiz("2", 3, 4);
    } finally {
      console.error = original;
    }
    expect(seen).toEqual([3]);
  });
});
