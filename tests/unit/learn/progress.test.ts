// The progress store: round trip through storage, the rules of each record (best kept,
// attempts counted, lab completion sticky, first reading kept), migration from version 1,
// and every kind of bad storage — corrupt, foreign, throwing, full — handled without a crash.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BACKUP_KEY,
  createProgressStore,
  describeProgress,
  emptyProgress,
  LESSON_KEYS,
  type LessonKey,
  loadProgress,
  mergeProgress,
  NOTICE_BACKUP_FAILED,
  NOTICE_BACKUP_KEPT,
  NOTICE_CORRUPT,
  NOTICE_UNAVAILABLE,
  NOTICE_WRITE_FAILED,
  PROGRESS_VERSION,
  type Progress,
  parseMessage,
  parseProgress,
  rereadProgress,
  STORAGE_KEY,
  syncFromStorage,
  UNSAVED_KEY,
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
      deeper: {},
    });
    // … and writes it back in the current version.
    expect(JSON.parse(storage.map.get(STORAGE_KEY)!).version).toBe(PROGRESS_VERSION);
  });

  it("a broken version-1 entry is set aside, the rest migrated", () => {
    const r = parseProgress(
      JSON.stringify({
        version: 1,
        quizzes: {
          "1": { score: "3", total: 4 },
          "2": { score: 2, total: 4, attempts: 1, date: "2025-10-01T12:00:00.000Z" },
        },
      }),
    );
    expect(r.ok).toBe(false);
    expect(r.status).toBe("damaged");
    expect(r.setAside).toEqual(['the Lesson 1 quiz: the best score is not a whole number up to 4 ("3")']);
    expect(r.progress.quizzes["2"]).toMatchObject({ best: 2, total: 4 });
  });
});

describe("bad storage never breaks the store", () => {
  // The corpus of damaged stored values (tests/fixtures/bad-input/storage.json), each with what
  // must be kept, what set aside, and the words the learner must be told.
  const corpus = JSON.parse(readFileSync("tests/fixtures/bad-input/storage.json", "utf8")) as {
    what: string;
    status: string;
    notice: string;
    kept: string;
    setAside: string[];
    raw: string;
  }[];
  it("the corpus holds every kind of damage", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(22);
    // Each value is really stored as written: the version check in it is the current one.
    expect(corpus.find((c) => c.what === "a test that is a number")!.raw).toContain(
      `"version":${PROGRESS_VERSION}`,
    );
    expect(new Set(corpus.map((c) => c.status))).toEqual(new Set(["unreadable", "damaged", "newer"]));
  });

  for (const c of corpus) {
    it(`${c.what}: keeps what can be read, sets the rest aside and says so`, () => {
      const parsed = parseProgress(c.raw);
      expect(parsed.status).toBe(c.status);
      expect(parsed.setAside).toEqual(c.setAside);
      expect(describeProgress(parsed.progress)).toBe(c.kept);
      // Nothing inherited: a __proto__ entry is data that was set aside, never a prototype.
      expect(Object.getPrototypeOf(parsed.progress.quizzes)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();

      const storage = new MemoryStorage();
      storage.map.set(STORAGE_KEY, c.raw);
      const store = createProgressStore(storage);
      expect(store.notice).toContain(c.notice);
      expect(store.get()).toEqual(parsed.progress);
      expect(store.setAside).toBe(c.raw);
      store.recordQuiz("3", 2, 4);
      expect(store.get().quizzes["3"]?.best).toBe(2);
      if (c.status === "unreadable") expect(store.notice!.startsWith(NOTICE_CORRUPT)).toBe(true);
      if (c.status === "newer") {
        // A newer version's record is never written over, and the learner is told on every load.
        expect(storage.map.get(STORAGE_KEY)).toBe(c.raw);
        expect(storage.map.has(BACKUP_KEY)).toBe(false);
        expect(store.noticeKind).toBe("newer");
        expect(createProgressStore(storage).notice).toContain(c.notice);
        return;
      }
      // The raw value was copied aside before the salvaged record replaced it…
      expect(storage.map.get(BACKUP_KEY)).toBe(c.raw);
      expect(store.notice).toContain(NOTICE_BACKUP_KEPT);
      // …so the next page load has the kept entries plus the new score, and says nothing more.
      const again = createProgressStore(storage);
      expect(again.notice).toBeNull();
      expect(again.get()).toEqual({
        ...parsed.progress,
        quizzes: { ...parsed.progress.quizzes, "3": store.get().quizzes["3"] },
      });
    }, 20_000); // a megabyte of brackets takes seconds to reject on a busy machine
  }

  it("a second damaged value does not overwrite the first backup", () => {
    const storage = new MemoryStorage();
    storage.map.set(STORAGE_KEY, "{first");
    createProgressStore(storage);
    storage.map.set(STORAGE_KEY, "{second");
    createProgressStore(storage, { now: () => new Date("2026-12-01T10:00:00Z") });
    expect(storage.map.get(BACKUP_KEY)).toBe("{first");
    expect(storage.map.get(`${BACKUP_KEY}:2026-12-01T10:00:00.000Z`)).toBe("{second");
  });

  it("no room for the backup: the damaged value is left in place and nothing is written over it", () => {
    const storage = new MemoryStorage();
    const raw = corpus.find((c) => c.what === "a fractional exchange count beside a full record")!.raw;
    storage.map.set(STORAGE_KEY, raw);
    storage.failSet = true;
    const session = new MemoryStorage();
    const store = createProgressStore(storage, { session });
    expect(store.notice).toContain(NOTICE_BACKUP_FAILED);
    expect(store.setAside).toBe(raw);
    storage.failSet = false; // even once there is room, this page does not write over it
    store.recordQuiz("4", 1, 4);
    expect(storage.map.get(STORAGE_KEY)).toBe(raw);
    expect(JSON.parse(session.map.get(UNSAVED_KEY)!).quizzes["4"].best).toBe(1);
  });

  it("parseProgress says why", () => {
    expect(parseProgress("{x")).toMatchObject({
      ok: false,
      status: "unreadable",
      reason: "the stored value is not JSON",
    });
    expect(parseProgress("[]")).toMatchObject({
      status: "unreadable",
      reason: "the stored value is not an object",
    });
    expect(parseProgress(JSON.stringify({ ...emptyProgress(), version: 99 }))).toMatchObject({
      ok: false,
      status: "newer",
      version: 99,
    });
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

  it("storage that is full (setItem throws): keeps working, tells the learner at once, and the tab keeps a copy", () => {
    const storage = new MemoryStorage();
    const session = new MemoryStorage();
    storage.failSet = true;
    const store = createProgressStore(storage, { session });
    expect(store.notice).toBeNull();
    const seen: (string | null)[] = [];
    store.subscribe(() => seen.push(store.notice));
    store.recordQuiz("1", 1, 4);
    // Listeners hear of it in the same change, so a notice drawn before can show it.
    expect(seen).toEqual([NOTICE_WRITE_FAILED]);
    expect(store.noticeKind).toBe("write-failed");
    store.recordQuiz("1", 4, 4);
    expect(store.get().quizzes["1"]).toMatchObject({ best: 4, attempts: 2 });
    expect(store.notice).toBe(NOTICE_WRITE_FAILED);
    expect(NOTICE_WRITE_FAILED).toMatch(/Download it now/);
    expect(NOTICE_WRITE_FAILED).toMatch(/free some space/);
    // The next page in this tab (a new store over the same storages) still has it, and says so.
    const next = createProgressStore(storage, { session });
    expect(next.get().quizzes["1"]).toMatchObject({ best: 4, attempts: 2 });
    expect(next.notice).toBe(NOTICE_WRITE_FAILED);
    // Once there is room, the next page saves it and the tab's copy goes.
    storage.failSet = false;
    const later = createProgressStore(storage, { session });
    expect(later.notice).toBeNull();
    expect(JSON.parse(storage.map.get(STORAGE_KEY)!).quizzes["1"]).toMatchObject({ best: 4, attempts: 2 });
    expect(session.map.has(UNSAVED_KEY)).toBe(false);
  });

  it("the tab's unsaved copy is merged with what is stored, not put in its place", () => {
    const storage = new MemoryStorage();
    const session = new MemoryStorage();
    const first = createProgressStore(storage, { now: clock() });
    first.markLessonRead("1");
    first.recordQuiz("2", 2, 4);
    storage.failSet = true;
    const here = createProgressStore(storage, { session, now: clock() });
    here.recordLab("3", 3, true);
    storage.failSet = false;
    const next = createProgressStore(storage, { session });
    expect(Object.keys(next.get().lessonsRead)).toEqual(["1"]);
    expect(next.get().quizzes["2"]?.best).toBe(2);
    expect(next.get().labs["3"]?.complete).toBe(true);
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

describe("merging two records (import, and the tab's unsaved copy)", () => {
  const a: Progress = {
    version: PROGRESS_VERSION,
    lessonsRead: { "1": "2026-11-05T00:00:00.000Z", "2": "2026-11-01T00:00:00.000Z" },
    quizzes: {
      "1": { best: 2, total: 4, attempts: 3, lastScore: 1, updatedAt: "2026-11-09T00:00:00.000Z" },
      "3": { best: 3, total: 5, attempts: 1, lastScore: 3, updatedAt: "2026-11-02T00:00:00.000Z" },
    },
    labs: { "1": { exchanges: 2, complete: false, completedAt: null } },
    test: { best: 11, total: 15, passed: false, attempts: 2, bestAt: "2026-11-03T00:00:00.000Z" },
    deeper: {
      "pass-at-k": { best: 1, total: 3, attempts: 1, lastScore: 1, updatedAt: "2026-11-10T00:00:00.000Z" },
    },
  };
  const b: Progress = {
    version: PROGRESS_VERSION,
    lessonsRead: { "1": "2026-11-02T00:00:00.000Z", "4": "2026-11-07T00:00:00.000Z" },
    quizzes: {
      "1": { best: 4, total: 4, attempts: 1, lastScore: 4, updatedAt: "2026-11-04T00:00:00.000Z" },
      "3": { best: 2, total: 4, attempts: 2, lastScore: 2, updatedAt: "2026-11-08T00:00:00.000Z" },
    },
    labs: { "1": { exchanges: 3, complete: true, completedAt: "2026-11-06T00:00:00.000Z" } },
    test: { best: 13, total: 15, passed: true, attempts: 1, bestAt: "2026-11-08T00:00:00.000Z" },
    deeper: {
      "pass-at-k": { best: 3, total: 3, attempts: 2, lastScore: 2, updatedAt: "2026-11-09T00:00:00.000Z" },
      "best-of-k": { best: 2, total: 2, attempts: 1, lastScore: 2, updatedAt: "2026-11-08T00:00:00.000Z" },
    },
  };
  it("keeps each lesson's first reading, each quiz's best, a completed lab and the better test (worked by hand)", () => {
    expect(mergeProgress(a, b)).toEqual({
      version: PROGRESS_VERSION,
      lessonsRead: {
        "1": "2026-11-02T00:00:00.000Z",
        "2": "2026-11-01T00:00:00.000Z",
        "4": "2026-11-07T00:00:00.000Z",
      },
      quizzes: {
        // same bank: best 4, most attempts 3, the last score from the later attempt (a's, 9 Nov)
        "1": { best: 4, total: 4, attempts: 3, lastScore: 1, updatedAt: "2026-11-09T00:00:00.000Z" },
        // banks of different sizes: the later record (b's, 8 Nov) whole
        "3": { best: 2, total: 4, attempts: 2, lastScore: 2, updatedAt: "2026-11-08T00:00:00.000Z" },
      },
      labs: { "1": { exchanges: 3, complete: true, completedAt: "2026-11-06T00:00:00.000Z" } },
      test: { best: 13, total: 15, passed: true, attempts: 2, bestAt: "2026-11-08T00:00:00.000Z" },
      deeper: {
        // same questions: best 3 (b), most attempts 2 (b), the last score from the later attempt (a's, 10 Nov)
        "pass-at-k": { best: 3, total: 3, attempts: 2, lastScore: 1, updatedAt: "2026-11-10T00:00:00.000Z" },
        "best-of-k": { best: 2, total: 2, attempts: 1, lastScore: 2, updatedAt: "2026-11-08T00:00:00.000Z" },
      },
    });
  });
  it("is the same either way round, and merging a record with itself changes nothing", () => {
    expect(mergeProgress(b, a)).toEqual(mergeProgress(a, b));
    expect(mergeProgress(a, a)).toEqual(a);
    expect(mergeProgress(emptyProgress(), b)).toEqual(b);
  });
  it("import merges or replaces, and what it took in is saved", () => {
    const storage = new MemoryStorage();
    const store = createProgressStore(storage);
    store.importProgress(a, "replace");
    expect(store.get()).toEqual(a);
    store.importProgress(b, "merge");
    expect(store.get()).toEqual(mergeProgress(a, b));
    store.importProgress(b, "replace");
    expect(store.get()).toEqual(b);
    expect(JSON.parse(storage.map.get(STORAGE_KEY)!)).toEqual(b);
  });
  it("an export read back is the same progress, read whole", () => {
    const store = createProgressStore(new MemoryStorage());
    store.importProgress(a, "replace");
    const parsed = parseProgress(store.exportJson());
    expect(parsed.status).toBe("ok");
    expect(parsed.progress).toEqual(a);
    expect(parseMessage(parsed)).toBeNull();
  });
  it("describes what a record holds in words", () => {
    expect(describeProgress(emptyProgress())).toBe("nothing");
    expect(describeProgress(a)).toBe(
      "2 lessons read, 2 quiz scores, 1 lab, the module test result and 1 going-deeper page's questions",
    );
    expect(describeProgress({ ...emptyProgress(), quizzes: { "1": a.quizzes["1"]! } })).toBe("1 quiz score");
  });
});

describe("a record written by a newer version, arriving from another tab", () => {
  it("this page stops writing and says so", () => {
    const storage = new MemoryStorage();
    const store = createProgressStore(storage);
    store.recordQuiz("1", 2, 4);
    const newer = JSON.stringify({ ...store.get(), version: PROGRESS_VERSION + 1, extra: { kept: true } });
    storage.map.set(STORAGE_KEY, newer);
    syncFromStorage(store);
    expect(store.noticeKind).toBe("newer");
    store.recordQuiz("2", 3, 4);
    expect(storage.map.get(STORAGE_KEY)).toBe(newer);
  });
});

describe("the going-deeper pages' questions", () => {
  const at = () => new Date("2026-12-02T12:00:00.000Z");
  it("keeps the best score per page and counts attempts; a record without any reads as before", () => {
    const storage = new MemoryStorage();
    const store = createProgressStore(storage, { now: at });
    store.recordDeeperQuiz("pass-at-k", 1, 3);
    store.recordDeeperQuiz("pass-at-k", 3, 3);
    store.recordDeeperQuiz("pass-at-k", 2, 3);
    store.recordDeeperQuiz("llm-judge", 0, 2);
    expect(store.get().deeper).toEqual({
      "pass-at-k": { best: 3, total: 3, attempts: 3, lastScore: 2, updatedAt: "2026-12-02T12:00:00.000Z" },
      "llm-judge": { best: 0, total: 2, attempts: 1, lastScore: 0, updatedAt: "2026-12-02T12:00:00.000Z" },
    });
    // Not part of the module test or the lesson quizzes.
    expect(store.get().quizzes).toEqual({});
    expect(store.get().test).toBeNull();
    expect(describeProgress(store.get())).toBe("2 going-deeper pages' questions");
    // A version-2 record written before the pages existed reads whole, with none.
    const old = parseProgress(
      JSON.stringify({ version: PROGRESS_VERSION, lessonsRead: {}, quizzes: {}, labs: {}, test: null }),
    );
    expect(old.status).toBe("ok");
    expect(old.progress.deeper).toEqual({});
  });
  it("refuses an impossible score or a page name that is not one, and sets aside a damaged entry alone", () => {
    const store = createProgressStore(new MemoryStorage(), { now: at });
    expect(() => store.recordDeeperQuiz("pass-at-k", 4, 3)).toThrow(RangeError);
    expect(() => store.recordDeeperQuiz("../lessons", 1, 3)).toThrow(RangeError);
    const parsed = parseProgress(
      JSON.stringify({
        version: PROGRESS_VERSION,
        lessonsRead: { "1": "2026-11-01T00:00:00.000Z" },
        quizzes: {},
        labs: {},
        test: null,
        deeper: {
          "pass-at-k": {
            best: 2,
            total: 3,
            attempts: 1,
            lastScore: 2,
            updatedAt: "2026-11-02T00:00:00.000Z",
          },
          "llm-judge": {
            best: 5,
            total: 3,
            attempts: 1,
            lastScore: 2,
            updatedAt: "2026-11-02T00:00:00.000Z",
          },
          __proto__: { best: 1, total: 3, attempts: 1, lastScore: 1, updatedAt: "2026-11-02T00:00:00.000Z" },
        },
      }),
    );
    expect(parsed.status).toBe("damaged");
    expect(Object.keys(parsed.progress.deeper)).toEqual(["pass-at-k"]);
    expect(parsed.progress.lessonsRead["1"]).toBe("2026-11-01T00:00:00.000Z");
    expect(parsed.setAside.join(" | ")).toMatch(/llm-judge.*best score/);
  });
});

describe("loadProgress: what a store starts from, whatever is stored", () => {
  // A valid record written by the store itself: lesson 1 read, quiz 2 at 3 of 4.
  function validRecord() {
    const storage = new MemoryStorage();
    const store = createProgressStore(storage, { now: clock() });
    store.markLessonRead("1");
    store.recordQuiz("2", 3, 4);
    return JSON.parse(storage.map.get(STORAGE_KEY)!) as Record<string, unknown>;
  }
  const backUps: string[] = [];
  const backUp = (raw: string) => {
    backUps.push(raw);
    return true;
  };

  it("truncated JSON: starts empty, copies the value aside, writes the empty record over it", () => {
    const raw = JSON.stringify(validRecord()).slice(0, 40);
    backUps.length = 0;
    const loaded = loadProgress(raw, null, backUp);
    expect(describeProgress(loaded.state)).toBe("nothing");
    expect(loaded.notice?.[0]).toBe("unreadable");
    expect(loaded.setAside).toBe(raw);
    expect(backUps).toEqual([raw]);
    expect(loaded).toMatchObject({ readOnly: false, save: true });
    // No room for the copy: the value is left as it is (never written over).
    expect(loadProgress(raw, null, () => false)).toMatchObject({ readOnly: true, save: true });
  });

  it("wrong types: the entries of the wrong type are dropped, every other one kept", () => {
    const record = validRecord();
    const quiz2 = (record.quizzes as Record<string, unknown>)["2"];
    const raw = JSON.stringify({
      ...record,
      lessonsRead: { ...(record.lessonsRead as object), "2": 42 },
      quizzes: { "1": { best: "three", total: 4 }, "2": quiz2 },
      labs: "none",
    });
    const loaded = loadProgress(raw, null, backUp);
    expect(loaded.notice?.[0]).toBe("damaged");
    expect(Object.keys(loaded.state.lessonsRead)).toEqual(["1"]);
    expect(loaded.state.lessonsRead["1"]).toBe((record.lessonsRead as Record<string, string>)["1"]);
    expect(loaded.state.quizzes).toEqual({ "2": quiz2 });
    expect(loaded.state.labs).toEqual({});
    expect(describeProgress(loaded.state)).toBe("1 lesson read and 1 quiz score");
  });

  it("an unknown version (not a number, or 0): read as this version, the version set aside", () => {
    for (const version of ["two", 0, null]) {
      const raw = JSON.stringify({ ...validRecord(), version });
      const loaded = loadProgress(raw, null, backUp);
      expect(loaded.notice?.[0]).toBe("damaged");
      expect(loaded.readOnly).toBe(false);
      expect(describeProgress(loaded.state)).toBe("1 lesson read and 1 quiz score");
    }
  });

  it("a newer version: read as far as possible, never written over, nothing copied aside", () => {
    const raw = JSON.stringify({ ...validRecord(), version: PROGRESS_VERSION + 1, future: [1, 2] });
    backUps.length = 0;
    const loaded = loadProgress(raw, null, backUp);
    expect(loaded).toMatchObject({ readOnly: true, save: false, setAside: raw });
    expect(loaded.notice?.[0]).toBe("newer");
    expect(describeProgress(loaded.state)).toBe("1 lesson read and 1 quiz score");
    expect(backUps).toEqual([]);
  });

  it("storage unavailable: the tab's unsaved copy, and the learner is told", () => {
    const unsaved = { ...emptyProgress(), lessonsRead: { "3": "2026-03-02T00:00:00.000Z" } };
    const loaded = loadProgress(undefined, unsaved, backUp);
    expect(loaded.state).toEqual(unsaved);
    expect(loaded.notice).toEqual(["unavailable", NOTICE_UNAVAILABLE]);
    expect(loaded.save).toBe(false);
  });

  it("never throws on any string", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (raw) => {
        const loaded = loadProgress(raw, null, () => true);
        expect(typeof describeProgress(loaded.state)).toBe("string");
        rereadProgress(raw, null); // throws if it cannot cope
      }),
    );
  });
});
