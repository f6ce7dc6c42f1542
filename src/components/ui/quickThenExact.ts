// A figure whose exact result takes longer than a frame (a bootstrap) draws a quick one while a
// control moves and the exact one once the hand stops: `derive` returns the exact model when it is
// already known, else the quick one now, and `delay` ms after the last change computes the exact
// one and asks the figure to draw again. A drag sends an input every ≈ 16 ms, so 20 ms waits out a
// drag without adding much to the wait after the last input. Exact models are kept (least recently
// used first out), so going back to a setting is immediate and exact; settings named `ahead` (a
// menu's other choices) are made exact while the page is idle, so a first pick is exact at once.
import { keyedCache } from "../cache/keyedCache.js";
import { makeAheadInto } from "./idleQueue.js";

export interface QuickThenExactOptions<V, M> {
  /** The same string for the same setting. */
  keyOf(values: V): string;
  quick(values: V): M;
  exact(values: V): M;
  /** The figure's current values, and a redraw (`explorable`'s `values` and `setValues({})`). */
  figure(): { readonly values: unknown; setValues(values: Record<string, unknown>): void } | null;
  delay?: number;
  limit?: number;
  /**
   * Settings a learner is likely to pick next (a menu's other choices): once the current one is
   * exact, their exact models are made while the page is idle, one per idle period, so picking one
   * draws the exact model at once (no quick drawing, no second drawing).
   */
  ahead?(values: V): V[];
}

export function quickThenExact<V, M>({
  keyOf,
  quick,
  exact,
  figure,
  delay = 20,
  limit = 64,
  ahead,
}: QuickThenExactOptions<V, M>): (values: V) => M {
  const known = keyedCache<M>(limit);
  let settle: ReturnType<typeof setTimeout> | undefined;
  const makeAhead = makeAheadInto(known);
  const prepareAround = (values: V) => {
    if (ahead) makeAhead(ahead(values), keyOf, exact);
  };
  return (values) => {
    const key = keyOf(values);
    clearTimeout(settle);
    if (known.has(key)) {
      prepareAround(values);
      return known.get(key, () => exact(values));
    }
    settle = setTimeout(() => {
      const f = figure();
      if (!f || keyOf(f.values as V) !== key) return;
      known.get(key, () => exact(values));
      f.setValues({});
    }, delay);
    return quick(values);
  };
}
