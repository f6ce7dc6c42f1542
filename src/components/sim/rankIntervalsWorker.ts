// A Web Worker that runs the rank-interval bootstrap off the main thread, so the rank-overlap
// slider never waits for it. Message in: {id, entries, resamples, seed}; out: {id, intervals}.
// The ranks module alone: the stats index would load jstat and every test into the Worker.
import { type RankEntry, rankIntervals } from "../stats/ranks.js";

export interface RankJob {
  id: number;
  entries: RankEntry[];
  resamples: number;
  seed: number;
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<RankJob>) => void) | null;
  postMessage(message: unknown): void;
};
scope.onmessage = (event) => {
  const { id, entries, resamples, seed } = event.data;
  try {
    scope.postMessage({ id, intervals: rankIntervals(entries, { resamples, seed }) });
  } catch (error) {
    scope.postMessage({ id, error: String(error) });
  }
};
