// Rank intervals on demand for a figure that redraws on every slider step: a quick bootstrap
// (few resamples) now, the full bootstrap later — in a Worker when one is given, else when the
// main thread is idle — cached per key so a value seen before redraws instantly.
import { type RankEntry, type RankInterval, rankIntervals } from "../stats/index.js";

export interface RankIntervalResult {
  intervals: RankInterval[];
  /** Whether these come from the full bootstrap (true) or the quick one (false). */
  refined: boolean;
  resamples: number;
}

export interface RankIntervalCacheOptions {
  quick?: number;
  full?: number;
  seed?: number;
  /** Wait this long after the last request before refining (ms). */
  delay?: number;
  /** A Worker running rankIntervalsWorker.js; without one the refinement runs on the main thread. */
  worker?: Worker | null;
  /**
   * A cheaper stand-in for the quick bootstrap (e.g. ranks from pairwise tests); when given,
   * the main thread runs no bootstrap at all and the full one runs in the worker or when idle.
   */
  quickIntervals?: ((entries: readonly RankEntry[]) => RankInterval[]) | null;
  /** Called when a key's full result arrives. */
  onRefined?: (key: string) => void;
  /** Keys kept (least recently used dropped first). */
  capacity?: number;
}

// Job ids are unique across every cache, so two caches may share one worker.
let nextJobId = 0;

export class RankIntervalCache {
  readonly quick: number;
  readonly full: number;
  readonly seed: number;
  private readonly delay: number;
  private readonly capacity: number;
  private worker: Worker | null;
  private readonly onRefined: (key: string) => void;
  private readonly quickIntervals: ((entries: readonly RankEntry[]) => RankInterval[]) | null;
  private readonly results = new Map<string, RankIntervalResult>();
  private pending: { key: string; entries: RankEntry[] } | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private jobs = new Map<number, string>();

  constructor({
    quick = 200,
    full = 2000,
    seed = 1,
    delay = 120,
    worker = null,
    onRefined = () => {},
    capacity = 400,
    quickIntervals = null,
  }: RankIntervalCacheOptions = {}) {
    this.quickIntervals = quickIntervals;
    this.quick = quick;
    this.full = full;
    this.seed = seed;
    this.delay = delay;
    this.capacity = capacity;
    this.worker = worker;
    this.onRefined = onRefined;
    if (worker) {
      worker.addEventListener(
        "message",
        (event: MessageEvent<{ id: number; intervals?: RankInterval[]; error?: string }>) => {
          const key = this.jobs.get(event.data.id);
          this.jobs.delete(event.data.id);
          if (key === undefined) return;
          if (event.data.intervals)
            this.store(key, { intervals: event.data.intervals, refined: true, resamples: this.full });
          else this.refineHere(key); // the worker failed: do it here
        },
      );
      worker.addEventListener("error", () => {
        // A worker that cannot start (old browser, blocked script) must not stop the figure.
        this.worker = null;
        for (const key of this.jobs.values()) this.refineHere(key);
        this.jobs.clear();
      });
    }
  }

  /** The best result known for `key`, computing the quick one now if nothing is cached. */
  get(key: string, entries: readonly RankEntry[]): RankIntervalResult {
    const known = this.results.get(key);
    if (known) {
      // Refresh its place in the LRU order.
      this.results.delete(key);
      this.results.set(key, known);
      if (!known.refined) this.schedule(key, entries);
      return known;
    }
    const result = this.quickIntervals
      ? { intervals: this.quickIntervals(entries), refined: false, resamples: 0 }
      : {
          intervals: rankIntervals(entries, { resamples: this.quick, seed: this.seed }),
          refined: false,
          resamples: this.quick,
        };
    this.remember(key, result);
    this.schedule(key, entries);
    return result;
  }

  /** The full result now (synchronously), cached. */
  refineNow(key: string, entries: readonly RankEntry[]): RankIntervalResult {
    const known = this.results.get(key);
    if (known?.refined) return known;
    const result = {
      intervals: rankIntervals(entries, { resamples: this.full, seed: this.seed }),
      refined: true,
      resamples: this.full,
    };
    this.remember(key, result);
    return result;
  }

  private entriesFor = new Map<string, RankEntry[]>();

  private schedule(key: string, entries: readonly RankEntry[]) {
    this.pending = { key, entries: [...entries] };
    this.entriesFor.set(key, this.pending.entries);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const job = this.pending;
      this.pending = null;
      if (!job || this.results.get(job.key)?.refined) return;
      if (this.worker) {
        const id = ++nextJobId;
        this.jobs.set(id, job.key);
        this.worker.postMessage({ id, entries: job.entries, resamples: this.full, seed: this.seed });
      } else {
        this.refineHere(job.key);
      }
    }, this.delay);
  }

  private refineHere(key: string) {
    const entries = this.entriesFor.get(key);
    if (!entries) return;
    this.store(key, {
      intervals: rankIntervals(entries, { resamples: this.full, seed: this.seed }),
      refined: true,
      resamples: this.full,
    });
  }

  private store(key: string, result: RankIntervalResult) {
    this.remember(key, result);
    this.entriesFor.delete(key);
    this.onRefined(key);
  }

  private remember(key: string, result: RankIntervalResult) {
    this.results.delete(key);
    this.results.set(key, result);
    while (this.results.size > this.capacity) {
      const oldest = this.results.keys().next().value as string;
      this.results.delete(oldest);
    }
  }
}
