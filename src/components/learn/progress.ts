// The learner's progress through the module, kept in localStorage under one versioned key.
//
// Everything here is pure over the storage it is given: `createProgressStore(storage)` never
// touches `window`. `getProgressStore()` is the page's singleton over window.localStorage, guarded
// against private mode, a full quota and SecurityError. A stored value that cannot be read (bad
// JSON, an unknown version, wrong types) is replaced by an empty progress and the learner is told
// once (`notice`); the store then keeps working — in memory if storage itself fails.

export type LessonKey = "1" | "2" | "3" | "4";

export interface QuizRecord {
  best: number;
  total: number;
  attempts: number;
  lastScore: number;
  updatedAt: string;
}

export interface LabRecord {
  exchanges: number;
  complete: boolean;
  completedAt: string | null;
}

export interface TestRecord {
  best: number;
  total: number;
  passed: boolean;
  attempts: number;
  bestAt: string;
}

export interface Progress {
  version: number;
  lessonsRead: Partial<Record<LessonKey, string>>;
  quizzes: Partial<Record<LessonKey, QuizRecord>>;
  labs: Partial<Record<LessonKey, LabRecord>>;
  test: TestRecord | null;
}

export interface ProgressStore {
  get(): Progress;
  markLessonRead(lesson: LessonKey): void;
  /** Keeps the best score, counts attempts. */
  recordQuiz(lesson: LessonKey, score: number, total: number): void;
  /** Completion is sticky: once complete, a lab stays complete. */
  recordLab(lesson: LessonKey, exchanges: number, complete: boolean): void;
  /** Keeps the best result and the date it was reached. */
  recordTest(score: number, total: number, passed: boolean): void;
  reset(): void;
  exportJson(): string;
  subscribe(listener: (p: Progress) => void): () => void;
  /** Set once when stored data was unreadable (and was reset) or storage is unavailable. */
  readonly notice: string | null;
}

export type ProgressStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** The one localStorage key. The version lives both in the key's value and in `version`. */
export const STORAGE_KEY = "reading-benchmark-scores:progress";
export const PROGRESS_VERSION = 2;

export const LESSON_KEYS: readonly LessonKey[] = ["1", "2", "3", "4"];

export const NOTICE_CORRUPT =
  "Your saved progress could not be read, so it has been started afresh. Everything you do now is kept.";
export const NOTICE_UNAVAILABLE =
  "This browser is not letting the site save anything (private mode or storage turned off), so your progress is kept only until you close this tab.";
export const NOTICE_WRITE_FAILED =
  "Your progress could not be saved (the browser's storage is full or blocked), so it is kept only until you close this tab.";

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lessonsRead: {}, quizzes: {}, labs: {}, test: null };
}

export type ParseResult =
  | { ok: true; progress: Progress; migrated: boolean }
  | { ok: false; progress: Progress; reason: string };

// ---- validation -------------------------------------------------------------------------

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;
const isDate = (v: unknown): v is string => typeof v === "string" && !Number.isNaN(Date.parse(v));
const isLessonKey = (k: string): k is LessonKey => (LESSON_KEYS as readonly string[]).includes(k);

class Invalid extends Error {}

function fail(reason: string): never {
  throw new Invalid(reason);
}

function lessonMap<T>(v: unknown, field: string, item: (x: unknown, where: string) => T) {
  if (v === undefined) return {};
  if (!isObj(v)) fail(`${field} is not an object`);
  const out: Partial<Record<LessonKey, T>> = {};
  for (const [k, x] of Object.entries(v)) {
    if (!isLessonKey(k)) fail(`${field} has an unknown lesson "${k}"`);
    out[k] = item(x, `${field}.${k}`);
  }
  return out;
}

function readDate(x: unknown, where: string): string {
  if (!isDate(x)) fail(`${where} is not a date`);
  return x;
}

function readQuiz(x: unknown, where: string): QuizRecord {
  if (!isObj(x)) fail(`${where} is not an object`);
  const { best, total, attempts, lastScore, updatedAt } = x;
  if (!isCount(total) || total === 0) fail(`${where}.total is not a positive count`);
  if (!isCount(best) || best > total) fail(`${where}.best is not a count up to total`);
  if (!isCount(lastScore) || lastScore > total) fail(`${where}.lastScore is not a count up to total`);
  if (!isCount(attempts) || attempts === 0) fail(`${where}.attempts is not a positive count`);
  return { best, total, attempts, lastScore, updatedAt: readDate(updatedAt, `${where}.updatedAt`) };
}

function readLab(x: unknown, where: string): LabRecord {
  if (!isObj(x)) fail(`${where} is not an object`);
  const { exchanges, complete, completedAt } = x;
  if (!isCount(exchanges)) fail(`${where}.exchanges is not a count`);
  if (typeof complete !== "boolean") fail(`${where}.complete is not a boolean`);
  const at =
    completedAt === null || completedAt === undefined ? null : readDate(completedAt, `${where}.completedAt`);
  return { exchanges, complete, completedAt: complete ? at : null };
}

function readTest(x: unknown): TestRecord | null {
  if (x === null || x === undefined) return null;
  if (!isObj(x)) fail("test is not an object");
  const { best, total, passed, attempts, bestAt } = x;
  if (!isCount(total) || total === 0) fail("test.total is not a positive count");
  if (!isCount(best) || best > total) fail("test.best is not a count up to total");
  if (typeof passed !== "boolean") fail("test.passed is not a boolean");
  if (!isCount(attempts) || attempts === 0) fail("test.attempts is not a positive count");
  return { best, total, passed, attempts, bestAt: readDate(bestAt, "test.bestAt") };
}

function readV2(v: Obj): Progress {
  return {
    version: PROGRESS_VERSION,
    lessonsRead: lessonMap(v.lessonsRead, "lessonsRead", readDate),
    quizzes: lessonMap(v.quizzes, "quizzes", readQuiz),
    labs: lessonMap(v.labs, "labs", readLab),
    test: readTest(v.test),
  };
}

/**
 * Version 1 (the first draft of the store) kept quizzes as {score, total, attempts, date}
 * with `score` the best, labs as {exchanges, done} and the test as {score, total, passed, date};
 * it had no record of lessons read.
 */
function migrateV1(v: Obj): Progress {
  const quizzes = lessonMap(v.quizzes, "quizzes", (x, where) => {
    if (!isObj(x)) fail(`${where} is not an object`);
    return readQuiz(
      { best: x.score, total: x.total, attempts: x.attempts, lastScore: x.score, updatedAt: x.date },
      where,
    );
  });
  const labs = lessonMap(v.labs, "labs", (x, where) => {
    if (!isObj(x)) fail(`${where} is not an object`);
    return readLab({ exchanges: x.exchanges, complete: x.done, completedAt: x.date ?? null }, where);
  });
  let test: TestRecord | null = null;
  if (v.test !== null && v.test !== undefined) {
    if (!isObj(v.test)) fail("test is not an object");
    const t = v.test;
    test = readTest({
      best: t.score,
      total: t.total,
      passed: t.passed,
      attempts: t.attempts ?? 1,
      bestAt: t.date,
    });
  }
  return { version: PROGRESS_VERSION, lessonsRead: {}, quizzes, labs, test };
}

/**
 * Reads a stored value. Missing (null) → empty progress, ok. Anything unreadable → empty
 * progress with the reason; an older version is migrated.
 */
export function parseProgress(raw: string | null): ParseResult {
  if (raw === null || raw === "") return { ok: true, progress: emptyProgress(), migrated: false };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, progress: emptyProgress(), reason: "the stored value is not JSON" };
  }
  try {
    if (!isObj(value)) fail("the stored value is not an object");
    if (value.version === PROGRESS_VERSION) return { ok: true, progress: readV2(value), migrated: false };
    if (value.version === 1) return { ok: true, progress: migrateV1(value), migrated: true };
    fail(`unknown version ${JSON.stringify(value.version)}`);
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, progress: emptyProgress(), reason: e.message };
    throw e;
  }
}

// ---- the store --------------------------------------------------------------------------

function clone(p: Progress): Progress {
  return JSON.parse(JSON.stringify(p)) as Progress;
}

export interface StoreOptions {
  /** The clock (for tests). */
  now?: () => Date;
}

export function createProgressStore(
  storage: ProgressStorage | null,
  options: StoreOptions = {},
): ProgressStore {
  const now = options.now ?? (() => new Date());
  let notice: string | null = null;
  let backing: ProgressStorage | null = storage;
  let state: Progress;

  const goInMemory = (message: string) => {
    backing = null;
    notice ??= message;
  };

  if (backing === null) {
    notice = NOTICE_UNAVAILABLE;
    state = emptyProgress();
  } else {
    let raw: string | null = null;
    try {
      raw = backing.getItem(STORAGE_KEY);
    } catch {
      goInMemory(NOTICE_UNAVAILABLE);
    }
    const parsed = parseProgress(raw);
    state = parsed.progress;
    if (!parsed.ok) {
      notice ??= NOTICE_CORRUPT;
      persist(); // overwrite the unreadable value so the learner is told only once
    } else if (parsed.migrated) {
      persist();
    }
  }

  const listeners = new Set<(p: Progress) => void>();

  function persist() {
    if (backing === null) return;
    try {
      backing.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch {
      goInMemory(NOTICE_WRITE_FAILED);
    }
  }

  function commit(next: Progress) {
    state = next;
    persist();
    notify();
  }

  const count = (n: number, name: string) => {
    if (!Number.isFinite(n) || n < 0) throw new RangeError(`${name} must be a non-negative number, got ${n}`);
    return Math.round(n);
  };

  function notify() {
    for (const listener of [...listeners]) {
      try {
        listener(clone(state));
      } catch (e) {
        console.error(e);
      }
    }
  }

  const store: ProgressStore = {
    get: () => clone(state),

    markLessonRead(lesson) {
      if (state.lessonsRead[lesson]) return; // the first reading is the date that counts
      const next = clone(state);
      next.lessonsRead[lesson] = now().toISOString();
      commit(next);
    },

    recordQuiz(lesson, score, total) {
      const s = count(score, "score");
      const t = count(total, "total");
      if (t === 0 || s > t) throw new RangeError(`quiz score ${score}/${total} is impossible`);
      const at = now().toISOString();
      const next = clone(state);
      const before = next.quizzes[lesson];
      // A bank of a different size makes old scores incomparable: start that record over.
      const comparable = before && before.total === t;
      next.quizzes[lesson] = {
        best: comparable ? Math.max(before.best, s) : s,
        total: t,
        attempts: (before?.attempts ?? 0) + 1,
        lastScore: s,
        updatedAt: at,
      };
      commit(next);
    },

    recordLab(lesson, exchanges, complete) {
      const n = count(exchanges, "exchanges");
      const at = now().toISOString();
      const next = clone(state);
      const before = next.labs[lesson];
      const wasComplete = before?.complete ?? false;
      next.labs[lesson] = {
        exchanges: Math.max(n, before?.exchanges ?? 0),
        complete: wasComplete || complete,
        completedAt: wasComplete ? (before?.completedAt ?? null) : complete ? at : null,
      };
      commit(next);
    },

    recordTest(score, total, passed) {
      const s = count(score, "score");
      const t = count(total, "total");
      if (t === 0 || s > t) throw new RangeError(`test score ${score}/${total} is impossible`);
      const at = now().toISOString();
      const next = clone(state);
      const before = next.test;
      const attempts = (before?.attempts ?? 0) + 1;
      const better = !before || before.total !== t || s / t > before.best / before.total;
      next.test = better
        ? { best: s, total: t, passed, attempts, bestAt: at }
        : { ...before, passed: before.passed || passed, attempts };
      commit(next);
    },

    reset() {
      if (backing !== null) {
        try {
          backing.removeItem(STORAGE_KEY);
        } catch {
          goInMemory(NOTICE_WRITE_FAILED);
        }
      }
      state = emptyProgress();
      notify();
    },

    exportJson() {
      return `${JSON.stringify({ ...state, exportedAt: now().toISOString() }, null, 2)}\n`;
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    get notice() {
      return notice;
    },
  };

  // Re-read storage after another tab wrote to it; an unreadable value there is ignored.
  reloaders.set(store, () => {
    if (backing === null) return;
    try {
      const parsed = parseProgress(backing.getItem(STORAGE_KEY));
      if (!parsed.ok) return;
      state = parsed.progress;
      notify();
    } catch {
      // storage went away: keep what we have
    }
  });
  return store;
}

const reloaders = new WeakMap<ProgressStore, () => void>();

/** Brings a store up to date with its storage (used when another tab changed it). */
export function syncFromStorage(store: ProgressStore): void {
  reloaders.get(store)?.();
}

// ---- the page's singleton ---------------------------------------------------------------

let singleton: ProgressStore | null = null;

/** Reaching window.localStorage itself throws in some browsers (SecurityError); probe it once. */
function browserStorage(): ProgressStorage | null {
  try {
    if (typeof window === "undefined") return null;
    const s = window.localStorage;
    if (!s) return null;
    const probe = `${STORAGE_KEY}:probe`;
    s.setItem(probe, "1");
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

export function getProgressStore(): ProgressStore {
  if (singleton === null) {
    const storage = browserStorage();
    const store = createProgressStore(storage);
    singleton = store;
    // Another tab changed progress: tell this page's listeners (the store re-reads on `get`).
    if (storage !== null && typeof window !== "undefined") {
      window.addEventListener("storage", (event) => {
        if (event.key === STORAGE_KEY || event.key === null) syncFromStorage(store);
      });
    }
  }
  return singleton;
}
