// Work for the page's idle time (a menu's other choices, made ahead of the learner): `plan(tasks)`
// replaces whatever is still waiting with `tasks`, which then run one per idle period, so a learner
// who moves on drops the old plan and no task holds up a frame. Where the browser has no
// requestIdleCallback (Safari before 2025, tests' Node), nothing is run ahead.
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
