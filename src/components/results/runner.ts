// Runs the reading and analysis of the chosen files: in a Web Worker when the page gives one (the
// page stays responsive, progress comes back as messages), else on the main thread, yielding
// between chunks. A newer run or a cancel makes an older run's messages and result count for nothing.
import type { DroppedFile } from "./inputFiles.js";
// Types only: the pipeline loads in the Worker, or on demand below.
import type { PipelineResult, Progress } from "./pipeline.js";
import type { WorkerRequest } from "./worker.js";

type WorkerMessage = {
  id: number;
  type: string;
  progress?: Progress;
  result?: PipelineResult;
  message?: string;
};

export interface RunCallbacks {
  progress: (p: Progress) => void;
  /** A note for the reader while the run goes on (the worker failed, the page took over). */
  message: (text: string) => void;
}

export interface Runner {
  /** The result, or null when a newer run or a cancel superseded this one. */
  run(files: DroppedFile[], on: RunCallbacks): Promise<PipelineResult | null>;
  cancel(): void;
}

export function analysisRunner(createWorker?: () => Worker): Runner {
  let worker: Worker | null = null;
  let runId = 0;

  const inWorker = (create: () => Worker, request: WorkerRequest, on: RunCallbacks) => {
    worker?.terminate();
    worker = create();
    const w = worker;
    return new Promise<PipelineResult>((resolve, reject) => {
      w.onmessage = (e: MessageEvent) => {
        const msg = e.data as WorkerMessage;
        if (msg.id !== runId) return;
        if (msg.type === "progress") on.progress(msg.progress!);
        else if (msg.type === "result") resolve(msg.result!);
        else reject(new Error(msg.message));
      };
      w.onerror = (e) => reject(new Error(e.message || "the analysis worker failed to start"));
      w.postMessage(request);
    });
  };

  const onPage = async (files: DroppedFile[], on: RunCallbacks) => {
    const [{ runPipeline }, { inputFiles }] = await Promise.all([
      import("./pipeline.js"),
      import("./inputFiles.js"),
    ]);
    const inputs = await inputFiles(files);
    return runPipeline(inputs, {}, on.progress, () => new Promise((r) => setTimeout(r, 0)));
  };

  return {
    async run(files, on) {
      const id = ++runId;
      if (createWorker) {
        try {
          const result = await inWorker(createWorker, { id, files }, on);
          return id === runId ? result : null;
        } catch (e) {
          if (id !== runId) return null;
          on.message(
            `The background worker failed (${(e as Error).message}); analysing on this page instead.`,
          );
        }
      }
      const result = await onPage(files, on);
      return id === runId ? result : null;
    },
    cancel() {
      runId++;
      worker?.terminate();
      worker = null;
    },
  };
}
