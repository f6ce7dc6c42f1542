// The clocks and the Stop of one request to the learner's model: the learner's Stop, a time-out
// when no data arrives for a while (re-armed by each piece of data), and an overall deadline for
// an answer that keeps dripping. Any of them aborts the request's own signal; `failure` then says
// which one did, in the learner's terms.
import { type LlmFailure, overdue, stalled, stopped } from "./llmFailure.js";

export interface Watch {
  /** Aborts the request: the learner's Stop, a stall or the deadline. */
  readonly signal: AbortSignal;
  /** Data arrived: restart the stall clock. */
  arm(): void;
  /** Why the request was aborted (`text`: what arrived), or null if it was not. */
  failure(text: string): LlmFailure | null;
  /** Stop the clocks and stop listening to the learner's Stop. */
  dispose(): void;
}

export function watch(outer: AbortSignal | undefined, stallMs: number, deadlineMs: number): Watch {
  const inner = new AbortController();
  let stall = false;
  let late = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = setTimeout(() => {
    late = true;
    inner.abort();
  }, deadlineMs);
  const onOuterAbort = () => inner.abort();
  outer?.addEventListener("abort", onOuterAbort);
  return {
    signal: inner.signal,
    arm() {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        stall = true;
        inner.abort();
      }, stallMs);
    },
    failure(text) {
      if (outer?.aborted) return stopped();
      if (late) return overdue(deadlineMs, text);
      if (stall) return stalled(stallMs, text);
      return null;
    },
    dispose() {
      clearTimeout(deadline);
      if (timer !== undefined) clearTimeout(timer);
      outer?.removeEventListener("abort", onOuterAbort);
    },
  };
}
