// The Web Worker that reads and analyses dropped files off the main thread, posting progress.
// Message in:  {id, files: File[] | {name, bytes}[], options: {names?, read?: ReadOptions[], analysis}}
// Messages out: {id, type: "progress", progress} … then {id, type: "result", result} or {id, type: "error", message}.
import type { AnalysisOptions } from "./analysis.js";
import { type DroppedFile, inputFiles } from "./inputFiles.js";
import { runPipeline } from "./pipeline.js";

export interface WorkerRequest {
  id: number;
  files: DroppedFile[];
  analysis?: AnalysisOptions;
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = async (event) => {
  const { id, files, analysis } = event.data;
  try {
    const inputs = await inputFiles(files);
    let last = 0;
    const result = await runPipeline(inputs, analysis, (progress) => {
      const now = Date.now();
      if (now - last > 50 || progress.phase === "done") {
        last = now;
        scope.postMessage({ id, type: "progress", progress });
      }
    });
    scope.postMessage({ id, type: "result", result });
  } catch (e) {
    scope.postMessage({ id, type: "error", message: (e as Error).message ?? String(e) });
  }
};
