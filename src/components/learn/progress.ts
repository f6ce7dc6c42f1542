// The learner's progress through the module, kept in localStorage under one versioned key.
//
// Everything here is pure over the storage it is given: `createProgressStore(storage)` never
// touches `window`. `getProgressStore()` is the page's singleton over window.localStorage, guarded
// against private mode, a full quota and SecurityError.
//
// Nothing a learner did is thrown away. A stored value with a damaged entry keeps every entry that
// can be read; what cannot be read is listed in the notice and the raw value is copied to a backup
// key first. A value written by a newer version of the site is read as far as possible and never
// written over. A save that fails (storage full) keeps the progress in the tab's sessionStorage,
// so the next page still has it, and the notice says what to do (export, free space).
import {
  BACKUP_KEY,
  describeProgress,
  emptyProgress,
  type LessonKey,
  mergeProgress,
  NOTICE_BACKUP_FAILED,
  NOTICE_BACKUP_KEPT,
  NOTICE_UNAVAILABLE,
  NOTICE_WRITE_FAILED,
  type NoticeKind,
  type Progress,
  type ProgressStorage,
  parseMessage,
  parseProgress,
  STORAGE_KEY,
  UNSAVED_KEY,
} from "./progressRecord.js";

export * from "./progressRecord.js";

import { withDeeperQuiz, withLab, withLessonRead, withQuiz, withTest } from "./progressUpdates.js";

export interface ProgressStore {
  get(): Progress;
  markLessonRead(lesson: LessonKey): void;
  /** Keeps the best score, counts attempts. */
  recordQuiz(lesson: LessonKey, score: number, total: number): void;
  /** The same for a "Going deeper" page's closing questions, by the page's slug. */
  recordDeeperQuiz(slug: string, score: number, total: number): void;
  /** Completion is sticky: once complete, a lab stays complete. */
  recordLab(lesson: LessonKey, exchanges: number, complete: boolean): void;
  /** Keeps the best result and the date it was reached. */
  recordTest(score: number, total: number, passed: boolean): void;
  /** Takes in progress read from a file: merged with what is here, or replacing it. */
  importProgress(progress: Progress, mode: "merge" | "replace"): void;
  reset(): void;
  exportJson(): string;
  /** Called with a copy of the progress after every change (and when the notice changes). */
  subscribe(listener: (p: Progress) => void): () => void;
  /**
   * What the learner must be told about their stored progress: damage that was set aside, a
   * newer version's record left alone, storage unavailable, a save that failed. Null if nothing.
   * It can change while the page is open (a save that fails): listeners are called then.
   */
  readonly notice: string | null;
  /** Which kind of notice it is (the notice view offers the matching action). */
  readonly noticeKind: NoticeKind | null;
  /** The raw stored value that was set aside (damaged or unreadable), for the learner to download. */
  readonly setAside: string | null;
}

// ---- the store --------------------------------------------------------------------------

function clone(p: Progress): Progress {
  return JSON.parse(JSON.stringify(p)) as Progress;
}

const isEmpty = (p: Progress) => describeProgress(p) === "nothing";

export interface StoreOptions {
  /** The clock (for tests). */
  now?: () => Date;
  /**
   * The tab's own storage (sessionStorage): holds progress that could not be saved to `storage`,
   * so the next page in this tab still has it. Null or missing: none.
   */
  session?: ProgressStorage | null;
}

/** The tab's copy (sessionStorage) of progress that could not be saved to localStorage. */
function unsavedCopy(session: ProgressStorage | null) {
  return {
    read(): Progress | null {
      try {
        const parsed = parseProgress(session?.getItem(UNSAVED_KEY) ?? null);
        return parsed.status === "empty" || parsed.status === "unreadable" ? null : parsed.progress;
      } catch {
        return null;
      }
    },
    write(state: Progress) {
      try {
        if (isEmpty(state)) session?.removeItem(UNSAVED_KEY);
        else session?.setItem(UNSAVED_KEY, JSON.stringify(state));
      } catch {
        // the tab's storage is full too: the page still has it in memory
      }
    },
    drop() {
      try {
        session?.removeItem(UNSAVED_KEY);
      } catch {
        // nothing to drop
      }
    },
  };
}

/** Copies a damaged stored value aside (a second one under a dated key); false if there was no room. */
function backUpRaw(backing: ProgressStorage | null, raw: string, now: () => Date): boolean {
  if (backing === null) return false;
  try {
    const existing = backing.getItem(BACKUP_KEY);
    const key = existing === null || existing === raw ? BACKUP_KEY : `${BACKUP_KEY}:${now().toISOString()}`;
    backing.setItem(key, raw);
    return true;
  } catch {
    return false;
  }
}

/**
 * What a stored value read as means for the store: a newer version's record is never written
 * over; a damaged or unreadable one is copied aside first (and left as it is if there is no room
 * for the copy); either way the learner is told.
 */
function readStored(
  parsed: ReturnType<typeof parseProgress>,
  raw: string | null,
  backUp: (raw: string) => boolean,
): { readOnly: boolean; setAside: string | null; notice: [NoticeKind, string] | null } {
  const message = parseMessage(parsed);
  if (parsed.status === "newer") return { readOnly: true, setAside: raw, notice: ["newer", message!] };
  if (parsed.status === "damaged" || parsed.status === "unreadable") {
    const kept = raw !== null && backUp(raw);
    return {
      // No room for the copy: leave the stored value as it is rather than lose it.
      readOnly: !kept,
      setAside: raw,
      notice: [parsed.status, `${message} ${kept ? NOTICE_BACKUP_KEPT : NOTICE_BACKUP_FAILED}`],
    };
  }
  return { readOnly: false, setAside: null, notice: null };
}

/** What a store starts from, read from its storage (see `loadProgress`). */
export interface LoadedProgress {
  state: Progress;
  /** A newer version's record, or a damaged one that could not be copied aside: never write over it. */
  readOnly: boolean;
  /** The raw stored value that was set aside (damaged, unreadable or newer), for download. */
  setAside: string | null;
  notice: [NoticeKind, string] | null;
  /** Write the state back at once (migrated, repaired, or holding the tab's unsaved progress). */
  save: boolean;
}

/**
 * The progress a store starts with. `raw` is the stored value (null: nothing stored; undefined:
 * storage unavailable), `unsaved` the tab's copy of progress a failed save kept. A value that is
 * damaged anywhere keeps every entry that reads; it is copied aside by `backUp` before it is
 * written over. Never throws: all parsing is parseProgress's, which never throws either.
 */
export function loadProgress(
  raw: string | null | undefined,
  unsaved: Progress | null,
  backUp: (raw: string) => boolean,
): LoadedProgress {
  if (raw === undefined) {
    return {
      state: unsaved ?? emptyProgress(),
      readOnly: false,
      setAside: null,
      notice: ["unavailable", NOTICE_UNAVAILABLE],
      save: false,
    };
  }
  const parsed = parseProgress(raw);
  const read = readStored(parsed, raw, backUp);
  const repaired =
    parsed.status === "migrated" || parsed.status === "damaged" || parsed.status === "unreadable";
  return {
    state: unsaved ? mergeProgress(parsed.progress, unsaved) : parsed.progress,
    readOnly: read.readOnly,
    setAside: read.setAside,
    notice: read.notice,
    save: unsaved !== null || repaired,
  };
}

/**
 * The state after another tab wrote `stored`: null if it cannot be read (keep what we have);
 * `newer` when it is a newer version's record (this page must stop writing). Pure.
 */
export function rereadProgress(
  stored: string | null,
  unsaved: Progress | null,
): { state: Progress; newer: string | null } | null {
  const parsed = parseProgress(stored);
  if (parsed.status === "unreadable") return null;
  return {
    state: unsaved ? mergeProgress(parsed.progress, unsaved) : parsed.progress,
    newer: parsed.status === "newer" ? parseMessage(parsed) : null,
  };
}

export function createProgressStore(
  storage: ProgressStorage | null,
  options: StoreOptions = {},
): ProgressStore {
  const now = options.now ?? (() => new Date());
  const session = options.session ?? null;
  let notice: string | null = null;
  let noticeKind: NoticeKind | null = null;
  let setAside: string | null = null;
  let backing: ProgressStorage | null = storage;
  /** A newer version's record is in storage: never write over it. */
  let readOnly = false;
  let state: Progress;
  const listeners = new Set<(p: Progress) => void>();

  const say = (kind: NoticeKind, message: string) => {
    notice = message;
    noticeKind = kind;
  };

  const { read: readUnsaved, write: writeUnsavedState, drop: dropUnsaved } = unsavedCopy(session);
  const writeUnsaved = () => writeUnsavedState(state);
  /** Copy a damaged value aside before anything is written over it; false if there was no room. */
  const backUp = (raw: string): boolean => backUpRaw(backing, raw, now);

  /** Write the state; returns false (and keeps it in the tab) if it could not be saved. */
  function persist(): boolean {
    if (backing === null || readOnly) {
      writeUnsaved();
      return false;
    }
    try {
      backing.setItem(STORAGE_KEY, JSON.stringify(state));
      dropUnsaved();
      return true;
    } catch {
      writeUnsaved();
      if (noticeKind !== "write-failed") say("write-failed", NOTICE_WRITE_FAILED);
      return false;
    }
  }

  // ---- loading ----
  let raw: string | null | undefined;
  try {
    raw = backing?.getItem(STORAGE_KEY);
  } catch {
    backing = null;
  }
  const loaded = loadProgress(backing === null ? undefined : raw, readUnsaved(), backUp);
  state = loaded.state;
  readOnly = loaded.readOnly;
  setAside = loaded.setAside;
  if (loaded.notice) say(...loaded.notice);
  if (loaded.save) persist();

  function notify() {
    for (const listener of [...listeners]) {
      try {
        listener(clone(state));
      } catch (e) {
        console.error(e);
      }
    }
  }

  function commit(next: Progress) {
    state = next;
    persist();
    notify();
  }

  const at = () => now().toISOString();

  const store: ProgressStore = {
    get: () => clone(state),
    markLessonRead(lesson) {
      if (!state.lessonsRead[lesson]) commit(withLessonRead(state, lesson, at()));
    },
    recordQuiz: (lesson, score, total) => commit(withQuiz(state, lesson, score, total, at())),
    recordDeeperQuiz: (slug, score, total) => commit(withDeeperQuiz(state, slug, score, total, at())),
    recordLab: (lesson, exchanges, complete) => commit(withLab(state, lesson, exchanges, complete, at())),
    recordTest: (score, total, passed) => commit(withTest(state, score, total, passed, at())),

    importProgress(progress, mode) {
      commit(mode === "merge" ? mergeProgress(state, progress) : mergeProgress(emptyProgress(), progress));
    },

    reset() {
      if (backing !== null && !readOnly) {
        try {
          backing.removeItem(STORAGE_KEY);
        } catch {
          // nothing to remove, or not allowed: the state below is what counts on this page
        }
      }
      dropUnsaved();
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
    get noticeKind() {
      return noticeKind;
    },
    get setAside() {
      return setAside;
    },
  };

  // Re-read storage after another tab wrote to it. An unreadable value there is ignored; a newer
  // version's record makes this page stop writing; this tab's unsaved progress is kept.
  reloaders.set(store, () => {
    if (backing === null) return;
    try {
      const stored = backing.getItem(STORAGE_KEY);
      const next = rereadProgress(stored, readUnsaved());
      if (next === null) return;
      if (next.newer !== null && !readOnly) {
        readOnly = true;
        setAside = stored;
        say("newer", next.newer);
      }
      state = next.state;
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
function browserStorage(kind: "localStorage" | "sessionStorage" = "localStorage"): ProgressStorage | null {
  try {
    if (typeof window === "undefined") return null;
    const s = window[kind];
    if (!s) return null;
    const probe = `${STORAGE_KEY}:probe`;
    try {
      s.setItem(probe, "1");
      s.removeItem(probe);
    } catch (error) {
      // Full, not blocked: what is stored can still be read, and a save that fails says "full".
      if (isQuotaError(error)) {
        s.getItem(STORAGE_KEY);
        return s;
      }
      throw error;
    }
    return s;
  } catch {
    return null;
  }
}

/** A write refused because the site's storage is full (not because storage is turned off). */
export function isQuotaError(error: unknown): boolean {
  const e = error as { name?: string; code?: number } | null;
  return e?.name === "QuotaExceededError" || e?.name === "NS_ERROR_DOM_QUOTA_REACHED" || e?.code === 22;
}

export function getProgressStore(): ProgressStore {
  if (singleton === null) {
    const storage = browserStorage();
    const store = createProgressStore(storage, { session: browserStorage("sessionStorage") });
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
