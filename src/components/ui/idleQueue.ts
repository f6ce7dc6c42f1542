// Work for the page's idle time (a menu's other choices, made ahead of the learner): `plan(tasks)`
// replaces whatever is still waiting with `tasks`, which then run one per idle period, so a learner
// who moves on drops the old plan and no task holds up a frame. Where the browser has no
// requestIdleCallback (Safari before 2025, tests' Node), nothing is run ahead.
import type { KeyedCache } from "../cache/keyedCache.js";

export function idleQueue(): (tasks: readonly (() => void)[]) => void {
  let queue: (() => void)[] = [];
  const idle = typeof requestIdleCallback === "function" ? requestIdleCallback : undefined;
  const next = () => {
    queue.shift()?.();
    if (queue.length) idle?.(next);
  };
  return (tasks) => {
    if (!idle) return;
    const waiting = queue.length > 0;
    queue = [...tasks];
    if (!waiting && queue.length) idle(next);
  };
}

/**
 * Making ahead into `cache`: `ahead(values, keyOf, make)` plans, for each of `values` not held yet,
 * its making one per idle period; a value made in the meantime (the learner picked it) is not made
 * again. A new call replaces what is still waiting.
 */
export function makeAheadInto<T>(
  cache: KeyedCache<T>,
): <V>(values: readonly V[], keyOf: (v: V) => string, make: (v: V) => T) => void {
  const plan = idleQueue();
  return (values, keyOf, make) =>
    plan(
      values
        .filter((v) => !cache.has(keyOf(v)))
        .map((v) => () => {
          cache.get(keyOf(v), () => make(v));
        }),
    );
}
