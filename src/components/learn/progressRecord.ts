// The learner's progress as a record: its shape, how a stored (or imported) value is read entry by
// entry, described in words and merged with another copy. Pure: no storage, no window. The store
// that keeps it (localStorage, the tab's copy, other tabs) is in progress.ts.
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
  /** The closing questions of the "Going deeper" pages, by page slug (not part of the module test). */
  deeper: Record<string, QuizRecord>;
}

export type NoticeKind = "damaged" | "unreadable" | "newer" | "unavailable" | "write-failed";

export type ProgressStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** The one localStorage key. The version lives both in the key's value and in `version`. */
export const STORAGE_KEY = "reading-benchmark-scores:progress";
/** Where a damaged or unreadable stored value is copied before anything is written over it. */
export const BACKUP_KEY = `${STORAGE_KEY}:unreadable`;
/** The tab's copy (sessionStorage) of progress that could not be saved to localStorage. */
export const UNSAVED_KEY = `${STORAGE_KEY}:unsaved`;
export const PROGRESS_VERSION = 2;

export const LESSON_KEYS: readonly LessonKey[] = ["1", "2", "3", "4"];

export const NOTICE_CORRUPT =
  "Your saved progress could not be read, so it has been started afresh. Everything you do now is kept.";
export const NOTICE_UNAVAILABLE =
  "This browser is not letting the site save anything (private mode or storage turned off), so your progress is kept only until you close this tab.";
export const NOTICE_WRITE_FAILED =
  "Your progress could not be saved: this browser's storage for the site is full (or blocked). It is kept in this tab until you close it. Download it now (the button here), then free some space — clear a lab conversation you no longer need, or this site's data in the browser's settings — and reload.";
export const NOTICE_BACKUP_KEPT =
  "A copy of the saved data as it was has been set aside in this browser; you can download it here.";
export const NOTICE_BACKUP_FAILED =
  "There was no room to set a copy of the damaged data aside, so it is left as it was and nothing is saved over it: download it here, then free some space and reload. Until then, what you do is kept only in this tab.";

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lessonsRead: {}, quizzes: {}, labs: {}, test: null, deeper: {} };
}

/**
 * How a stored value was read:
 * - empty: nothing stored; ok: read whole; migrated: an older version, read whole and upgraded;
 * - damaged: read entry by entry, some entries set aside (`setAside` says which and why);
 * - unreadable: not JSON or not an object, nothing could be kept;
 * - newer: written by a newer version of the site: read as far as this version can, never written.
 */
export type ParseStatus = "empty" | "ok" | "migrated" | "damaged" | "unreadable" | "newer";

export interface ParseResult {
  /** True when every entry was read (empty, ok, migrated). */
  ok: boolean;
  status: ParseStatus;
  /** Everything that could be read. */
  progress: Progress;
  /** Each entry that was set aside, and why, in plain words. */
  setAside: string[];
  /** For unreadable values: why. */
  reason?: string;
  /** The version the value declared, if it was a number. */
  version?: number;
}

// ---- validation -------------------------------------------------------------------------

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;
const isDate = (v: unknown): v is string => typeof v === "string" && !Number.isNaN(Date.parse(v));
const isLessonKey = (k: string): k is LessonKey => (LESSON_KEYS as readonly string[]).includes(k);
/** A "Going deeper" page's slug, as in /deeper/<slug>: lower-case words joined by hyphens. */
export const isDeeperSlug = (k: string): boolean => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(k) && k.length <= 40;

class Invalid extends Error {}

function fail(reason: string): never {
  throw new Invalid(reason);
}

/** A value as it appears in a message: short, and never more than a few dozen characters. */
function shown(v: unknown): string {
  let s: string;
  try {
    s = v === undefined ? "missing" : JSON.stringify(v);
  } catch {
    s = String(v);
  }
  if (s === undefined) s = String(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

const FIELD_LABEL = {
  lessonsRead: (k: string) => `Lesson ${k} read`,
  quizzes: (k: string) => `the Lesson ${k} quiz`,
  labs: (k: string) => `Lab ${k}`,
} as const;

/** Reads each lesson's entry on its own: a bad entry is set aside, the others are kept. */
function lessonMap<T>(
  v: unknown,
  field: keyof typeof FIELD_LABEL,
  item: (x: unknown) => T,
  setAside: string[],
): Partial<Record<LessonKey, T>> {
  const out: Partial<Record<LessonKey, T>> = {};
  if (v === undefined || v === null) return out;
  if (!isObj(v)) {
    setAside.push(`${field}: not a list of lessons (${shown(v)})`);
    return out;
  }
  for (const [k, x] of Object.entries(v)) {
    if (!isLessonKey(k)) {
      setAside.push(`${field}: an entry for “${k.slice(0, 40)}”, which is not a lesson (they are 1 to 4)`);
      continue;
    }
    try {
      out[k] = item(x);
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      setAside.push(`${FIELD_LABEL[field](k)}: ${e.message}`);
    }
  }
  return out;
}

function readDate(x: unknown, what = "the date"): string {
  if (!isDate(x)) fail(`${what} is not a date (${shown(x)})`);
  return x;
}

function readQuiz(x: unknown): QuizRecord {
  if (!isObj(x)) fail(`not a quiz record (${shown(x)})`);
  const { best, total, attempts, lastScore, updatedAt } = x;
  if (!isCount(total) || total === 0)
    fail(`the number of questions is not a positive whole number (${shown(total)})`);
  if (!isCount(best) || best > total)
    fail(`the best score is not a whole number up to ${total} (${shown(best)})`);
  if (!isCount(lastScore) || lastScore > total)
    fail(`the last score is not a whole number up to ${total} (${shown(lastScore)})`);
  if (!isCount(attempts) || attempts === 0)
    fail(`the number of attempts is not a positive whole number (${shown(attempts)})`);
  return { best, total, attempts, lastScore, updatedAt: readDate(updatedAt) };
}

function readLab(x: unknown): LabRecord {
  if (!isObj(x)) fail(`not a lab record (${shown(x)})`);
  const { exchanges, complete, completedAt } = x;
  if (!isCount(exchanges)) fail(`the number of exchanges is not a whole number (${shown(exchanges)})`);
  if (typeof complete !== "boolean") fail(`“complete” is not true or false (${shown(complete)})`);
  const at =
    completedAt === null || completedAt === undefined ? null : readDate(completedAt, "the completion date");
  return { exchanges, complete, completedAt: complete ? at : null };
}

function readTest(x: unknown): TestRecord | null {
  if (x === null || x === undefined) return null;
  if (!isObj(x)) fail(`not a test record (${shown(x)})`);
  const { best, total, passed, attempts, bestAt } = x;
  if (!isCount(total) || total === 0)
    fail(`the number of questions is not a positive whole number (${shown(total)})`);
  if (!isCount(best) || best > total)
    fail(`the best score is not a whole number up to ${total} (${shown(best)})`);
  if (typeof passed !== "boolean") fail(`“passed” is not true or false (${shown(passed)})`);
  if (!isCount(attempts) || attempts === 0)
    fail(`the number of attempts is not a positive whole number (${shown(attempts)})`);
  return { best, total, passed, attempts, bestAt: readDate(bestAt) };
}

function salvageTest(x: unknown, read: (x: unknown) => TestRecord | null, setAside: string[]) {
  try {
    return read(x);
  } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    setAside.push(`the module test: ${e.message}`);
    return null;
  }
}

/** The going-deeper quizzes, each read on its own (a record without any is version 2 as first written). */
function deeperMap(v: unknown, setAside: string[]): Record<string, QuizRecord> {
  const out: Record<string, QuizRecord> = {};
  if (v === undefined || v === null) return out;
  if (!isObj(v)) {
    setAside.push(`deeper: not a list of pages (${shown(v)})`);
    return out;
  }
  for (const [k, x] of Object.entries(v)) {
    if (!isDeeperSlug(k)) {
      setAside.push(`deeper: an entry for “${k.slice(0, 40)}”, which is not a page name`);
      continue;
    }
    try {
      out[k] = readQuiz(x);
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      setAside.push(`the questions on “${k}”: ${e.message}`);
    }
  }
  return out;
}

function readCurrent(v: Obj, setAside: string[]): Progress {
  return {
    version: PROGRESS_VERSION,
    lessonsRead: lessonMap(v.lessonsRead, "lessonsRead", (x) => readDate(x), setAside),
    quizzes: lessonMap(v.quizzes, "quizzes", readQuiz, setAside),
    labs: lessonMap(v.labs, "labs", readLab, setAside),
    test: salvageTest(v.test, readTest, setAside),
    deeper: deeperMap(v.deeper, setAside),
  };
}

/**
 * Version 1 (the first draft of the store) kept quizzes as {score, total, attempts, date}
 * with `score` the best, labs as {exchanges, done} and the test as {score, total, passed, date};
 * it had no record of lessons read.
 */
function migrateV1(v: Obj, setAside: string[]): Progress {
  const quizzes = lessonMap(
    v.quizzes,
    "quizzes",
    (x) => {
      if (!isObj(x)) fail(`not a quiz record (${shown(x)})`);
      return readQuiz({
        best: x.score,
        total: x.total,
        attempts: x.attempts,
        lastScore: x.score,
        updatedAt: x.date,
      });
    },
    setAside,
  );
  const labs = lessonMap(
    v.labs,
    "labs",
    (x) => {
      if (!isObj(x)) fail(`not a lab record (${shown(x)})`);
      return readLab({ exchanges: x.exchanges, complete: x.done, completedAt: x.date ?? null });
    },
    setAside,
  );
  const test = salvageTest(
    v.test,
    (t) => {
      if (t === null || t === undefined) return null;
      if (!isObj(t)) fail(`not a test record (${shown(t)})`);
      return readTest({
        best: t.score,
        total: t.total,
        passed: t.passed,
        attempts: t.attempts ?? 1,
        bestAt: t.date,
      });
    },
    setAside,
  );
  return { version: PROGRESS_VERSION, lessonsRead: {}, quizzes, labs, test, deeper: {} };
}

/**
 * Reads a stored (or imported) value, keeping every entry that can be read. Missing (null) →
 * empty progress. An older version is migrated; a newer one is read as far as this version can.
 */
export function parseProgress(raw: string | null): ParseResult {
  if (raw === null || raw === "")
    return { ok: true, status: "empty", progress: emptyProgress(), setAside: [] };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return {
      ok: false,
      status: "unreadable",
      progress: emptyProgress(),
      setAside: [],
      reason: "the stored value is not JSON",
    };
  }
  if (!isObj(value)) {
    return {
      ok: false,
      status: "unreadable",
      progress: emptyProgress(),
      setAside: [],
      reason: "the stored value is not an object",
    };
  }
  const setAside: string[] = [];
  const version = value.version;
  const declared = typeof version === "number" ? { version } : {};
  if (version === PROGRESS_VERSION) {
    const progress = readCurrent(value, setAside);
    const ok = setAside.length === 0;
    return { ok, status: ok ? "ok" : "damaged", progress, setAside, ...declared };
  }
  if (version === 1) {
    const progress = migrateV1(value, setAside);
    const ok = setAside.length === 0;
    return { ok, status: ok ? "migrated" : "damaged", progress, setAside, ...declared };
  }
  if (typeof version === "number" && Number.isInteger(version) && version > PROGRESS_VERSION) {
    // A newer site may have added fields or changed some: keep what reads as this version's shape.
    const progress = readCurrent(value, setAside);
    return { ok: false, status: "newer", progress, setAside, ...declared };
  }
  setAside.push(`the version number (${shown(version)}, expected ${PROGRESS_VERSION})`);
  const progress = readCurrent(value, setAside);
  return { ok: false, status: "damaged", progress, setAside, ...declared };
}

// ---- counting and merging ---------------------------------------------------------------

/** What a progress record holds, in words: "2 lessons read, 1 quiz, 1 lab and the module test". */
export function describeProgress(p: Progress): string {
  const parts: string[] = [];
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const read = Object.keys(p.lessonsRead).length;
  const quizzes = Object.keys(p.quizzes).length;
  const labs = Object.keys(p.labs).length;
  if (read) parts.push(n(read, "lesson read", "lessons read"));
  if (quizzes) parts.push(n(quizzes, "quiz score", "quiz scores"));
  if (labs) parts.push(n(labs, "lab", "labs"));
  if (p.test) parts.push("the module test result");
  const deeper = Object.keys(p.deeper).length;
  if (deeper) parts.push(n(deeper, "going-deeper page's questions", "going-deeper pages' questions"));
  if (!parts.length) return "nothing";
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/** The message for a stored value that was not read whole (null when it was). */
export function parseMessage(r: ParseResult): string | null {
  const kept = describeProgress(r.progress);
  const list = r.setAside.length
    ? ` Set aside: ${r.setAside.slice(0, 6).join("; ")}${r.setAside.length > 6 ? `; and ${r.setAside.length - 6} more` : ""}.`
    : "";
  switch (r.status) {
    case "empty":
    case "ok":
    case "migrated":
      return null;
    case "unreadable":
      return NOTICE_CORRUPT;
    case "damaged":
      return kept === "nothing"
        ? `Your saved progress was damaged and none of it could be read, so it starts afresh.${list}`
        : `Part of your saved progress was damaged. Kept: ${kept}.${list}`;
    case "newer":
      return (
        `Your progress was saved by a newer version of this site (version ${r.version}), so this page shows what it can read (${kept}) and will not save over it. ` +
        "Anything you do on this page is kept only in this tab. Reload to get the newer version of the site."
      );
  }
}

const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);
const earlier = (a: string, b: string) => (Date.parse(a) <= Date.parse(b) ? a : b);
/** A total order on records for ties, so merging is the same whichever side comes first. */
const tieBreak = <T>(a: T, b: T) => (JSON.stringify(a) >= JSON.stringify(b) ? a : b);

function mergeQuiz(a: QuizRecord, b: QuizRecord): QuizRecord {
  if (a.total !== b.total) {
    const ta = Date.parse(a.updatedAt);
    const tb = Date.parse(b.updatedAt);
    return ta === tb ? tieBreak(a, b) : ta > tb ? a : b;
  }
  const ta = Date.parse(a.updatedAt);
  const tb = Date.parse(b.updatedAt);
  const last = ta === tb ? tieBreak(a, b) : ta > tb ? a : b;
  return {
    best: Math.max(a.best, b.best),
    total: a.total,
    attempts: Math.max(a.attempts, b.attempts),
    lastScore: last.lastScore,
    updatedAt: later(a.updatedAt, b.updatedAt),
  };
}

function mergeLab(a: LabRecord, b: LabRecord): LabRecord {
  const dates = [a, b].filter((x) => x.complete && x.completedAt).map((x) => x.completedAt as string);
  const complete = a.complete || b.complete;
  return {
    exchanges: Math.max(a.exchanges, b.exchanges),
    complete,
    completedAt: complete && dates.length ? dates.reduce(earlier) : null,
  };
}

function mergeTest(a: TestRecord, b: TestRecord): TestRecord {
  if (a.total !== b.total) {
    const ta = Date.parse(a.bestAt);
    const tb = Date.parse(b.bestAt);
    return ta === tb ? tieBreak(a, b) : ta > tb ? a : b;
  }
  const best = a.best !== b.best ? (a.best > b.best ? a : b) : { ...a, bestAt: earlier(a.bestAt, b.bestAt) };
  return {
    best: best.best,
    total: a.total,
    passed: a.passed || b.passed,
    attempts: Math.max(a.attempts, b.attempts),
    bestAt: best.bestAt,
  };
}

/**
 * Two records of the same learner (another browser's export, this tab's unsaved copy) as one:
 * each lesson's first reading, each quiz's best score and most attempts, a lab complete if either
 * says so (at its first date), the better test result. The same whichever comes first, and
 * merging a record with itself changes nothing.
 */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const out = emptyProgress();
  for (const k of LESSON_KEYS) {
    const ra = a.lessonsRead[k];
    const rb = b.lessonsRead[k];
    if (ra || rb) out.lessonsRead[k] = ra && rb ? earlier(ra, rb) : (ra ?? rb);
    const qa = a.quizzes[k];
    const qb = b.quizzes[k];
    if (qa || qb) out.quizzes[k] = qa && qb ? mergeQuiz(qa, qb) : { ...(qa ?? qb)! };
    const la = a.labs[k];
    const lb = b.labs[k];
    if (la || lb) out.labs[k] = la && lb ? mergeLab(la, lb) : { ...(la ?? lb)! };
  }
  out.test =
    a.test && b.test ? mergeTest(a.test, b.test) : a.test || b.test ? { ...(a.test ?? b.test)! } : null;
  for (const k of new Set([...Object.keys(a.deeper), ...Object.keys(b.deeper)])) {
    const da = a.deeper[k];
    const db = b.deeper[k];
    out.deeper[k] = da && db ? mergeQuiz(da, db) : { ...(da ?? db)! };
  }
  return out;
}
