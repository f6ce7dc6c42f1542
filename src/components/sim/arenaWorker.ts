// A Web Worker for the simulated arena's bootstrap (hundreds of Bradley–Terry fits), so the
// style-weight and votes sliders stay responsive. In: {id, input}; out: {id, value}.
import { type ArenaModel, runArena } from "./arena.js";

export interface ArenaJob {
  models: ArenaModel[];
  votes: number;
  styleWeight: number;
  seed: number;
  bootstrap: number;
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{ id: number; input: ArenaJob }>) => void) | null;
  postMessage(message: unknown): void;
};
scope.onmessage = (event) => {
  const { id, input } = event.data;
  try {
    scope.postMessage({ id, value: runArena(input.models, input) });
  } catch (error) {
    scope.postMessage({ id, error: String(error) });
  }
};
