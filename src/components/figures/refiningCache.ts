// A value that is cheap to approximate and slow to compute fully (a bootstrap): the quick
// version now, the full one later — in a Worker when one is given, else when the main thread
// is idle — cached per key, so a slider never waits and a value seen before redraws instantly.

export interface Refined<R> {
  value: R;
  refined: boolean;
}

export interface RefiningCacheOptions<I, R> {
  /** The quick computation (runs synchronously on every request for an unseen key). */
  quick: (input: I) => R;
  /** The full computation, used on the main thread when there is no worker. */
  full: (input: I) => R;
  /** A Worker that answers {id, input} with {id, value} (or {id, error}). */
  worker?: Worker | null;
  onRefined?: (key: string) => void;
  delay?: number;
  capacity?: number;
}

export class RefiningCache<I, R> {
  private readonly results = new Map<string, Refined<R>>();
  private readonly inputs = new Map<string, I>();
  private readonly jobs = new Map<number, string>();
  private worker: Worker | null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: string | null = null;
  private jobId = 0;

  constructor(private readonly o: RefiningCacheOptions<I, R>) {
    this.worker = o.worker ?? null;
    this.worker?.addEventListener(
      "message",
      (event: MessageEvent<{ id: number; value?: R; error?: string }>) => {
        const key = this.jobs.get(event.data.id);
        this.jobs.delete(event.data.id);
        if (key === undefined) return;
        if (event.data.value !== undefined) this.store(key, event.data.value);
        else this.refineHere(key);
      },
    );
    this.worker?.addEventListener("error", () => {
      this.worker = null;
      for (const key of this.jobs.values()) this.refineHere(key);
      this.jobs.clear();
    });
  }

  get(key: string, input: I): Refined<R> {
    const known = this.results.get(key);
    if (known) {
      this.results.delete(key);
      this.results.set(key, known);
      if (!known.refined) this.schedule(key, input);
      return known;
    }
    const result = { value: this.o.quick(input), refined: false };
    this.remember(key, result);
    this.schedule(key, input);
    return result;
  }

  private schedule(key: string, input: I) {
    this.inputs.set(key, input);
    this.pending = key;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const job = this.pending;
      this.pending = null;
      if (job === null || this.results.get(job)?.refined) return;
      if (this.worker) {
        const id = ++this.jobId;
        this.jobs.set(id, job);
        this.worker.postMessage({ id, input: this.inputs.get(job) });
      } else {
        this.refineHere(job);
      }
    }, this.o.delay ?? 120);
  }

  private refineHere(key: string) {
    const input = this.inputs.get(key);
    if (input !== undefined) this.store(key, this.o.full(input));
  }

  private store(key: string, value: R) {
    this.remember(key, { value, refined: true });
    this.inputs.delete(key);
    this.o.onRefined?.(key);
  }

  private remember(key: string, result: Refined<R>) {
    this.results.delete(key);
    this.results.set(key, result);
    while (this.results.size > (this.o.capacity ?? 200))
      this.results.delete(this.results.keys().next().value as string);
  }
}
