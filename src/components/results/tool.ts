// The "your own eval results" tool: files in (intake.ts), read and analysed in a Web Worker with
// progress shown and a Cancel (runner.ts), then what was read (runSummary.ts), the comparison of
// the models (analysisFigure.ts, clusterTable.ts) and the export (exportButtons.ts). This file only
// wires them: the maths lives in analysis.ts and the readers.
import { html } from "htl";
import type { PAdjustMethod } from "../stats/multipleComparisons.js";
import { formatCount } from "../ui/format.js";
import { type ChosenFile, fileIntake } from "./intake.js";
// Types only: the pipeline loads in the Worker, or on demand in the runner.
import type { PipelineResult, Progress } from "./pipeline.js";
import { analysisRunner } from "./runner.js";
import { fileReport, summaryTable, trustNote } from "./runSummary.js";
import type { ReadOptions } from "./types.js";

export interface ToolOptions {
  /** Creates the analysis worker (the page resolves the module URL so Framework compiles it). */
  createWorker?: () => Worker;
  /** The sample file: its download URL, name, and a way to load its text. */
  sample: { href: string; name: string; text: () => Promise<string> };
}

type Loaded = ChosenFile & { options: ReadOptions };

/**
 * What a large job will take, from the benchmark record (bench/results.md, "your-results:
 * 1,000,000-row CSV"): 20.7 MB in 24.6 s on a 2-core machine. Said for files over 10 MB only.
 */
export function runEstimate(bytes: number): string {
  const mb = bytes / 1e6;
  if (mb < 10) return "";
  const seconds = Math.max(1, Math.round((mb * 24.6) / 20.7));
  const time = seconds < 90 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
  return `${mb.toFixed(0)} MB to read: about ${time} on a two-core laptop (this site's benchmark read 20.7 MB in 24.6 s), less on a faster machine. The page stays usable meanwhile, and Cancel stops it.`;
}

const files = (n: number) => `${formatCount(n)} file${n === 1 ? "" : "s"}`;

/**
 * The figure, the cluster table and the export (Observable Plot among them): imported when the first
 * analysis arrives, not with the page, which then loads only what reading a file needs.
 */
const presenters = () =>
  Promise.all([import("./analysisFigure.js"), import("./clusterTable.js"), import("./exportButtons.js")]);

/** The analysis, or why there is none (with a harness's own scores when that is all there is). */
async function analysisOutput(result: PipelineResult): Promise<Node[]> {
  if (result.error)
    return [
      html`<div class="warning results-fatal" label="No analysis" data-readout="fatal"><p>${result.error}</p></div>`,
      ...(result.summaryOnly?.length ? [summaryTable(result.summaryOnly)] : []),
    ];
  if (!result.analyses) return [];
  let loaded: Awaited<ReturnType<typeof presenters>>;
  try {
    loaded = await presenters();
  } catch {
    return [
      html`<div class="warning results-fatal" label="Not drawn" data-readout="fatal"><p>The analysis is done, but the code that draws it could not be loaded (is the connection down?). Reload the page and drop the files again; nothing was sent anywhere.</p></div>`,
    ];
  }
  const [{ analysisFigure }, { clusterTable }, { exportButtons }] = loaded;
  const figure = analysisFigure(result);
  const out: Node[] = [figure, exportButtons(result, () => figure.values.correction as PAdjustMethod)];
  if (result.byCluster) {
    const order = [...result.analysis!.models]
      .sort((x, y) => x.rank - y.rank || y.accuracy - x.accuracy)
      .map((m) => m.model);
    out.push(clusterTable(result.byCluster, order));
  }
  return out;
}

/** Build the tool. */
export function yourResultsTool({ createWorker, sample }: ToolOptions): HTMLElement {
  const progress =
    html`<progress max="1" value="0" aria-label="Reading and analysing"></progress>` as unknown as HTMLProgressElement;
  const message = html`<span class="results-message"></span>`;
  const cancel =
    html`<button type="button" class="preset" data-action="cancel" hidden>Cancel</button>` as unknown as HTMLButtonElement;
  const estimate = html`<p class="results-estimate" data-readout="estimate"></p>`;
  const status = html`<div class="results-status" role="status" aria-live="polite" hidden>${progress} ${message} ${cancel}${estimate}</div>`;
  const fileList = html`<ul class="results-files" aria-label="Files read"></ul>`;
  const trust = html`<div></div>`;
  const out = html`<div class="results-output"></div>`;
  const runner = analysisRunner(createWorker);
  let loaded: Loaded[] = [];

  const say = (text: string) => {
    message.textContent = text;
    status.hidden = false;
  };
  const show = (p: Progress) => {
    progress.value = p.fraction;
    message.textContent = p.message;
    root.dataset.progress = p.fraction.toFixed(3);
  };
  const rerunWith = (i: number) => (options: ReadOptions) => {
    loaded[i]!.options = options;
    void run();
  };

  const render = async (result: PipelineResult) => {
    // Marks let a test tell the (main-thread) drawing of results from the (worker) reading of files.
    performance.mark("results-render");
    cancel.hidden = true;
    estimate.textContent = "";
    status.hidden = result.error === undefined && !!result.analysis;
    message.textContent = result.error ? "" : `Done in ${(result.ms / 1000).toFixed(1)} s.`;
    fileList.replaceChildren(
      ...result.files.map((f, i) => fileReport(f, rerunWith(i), loaded[i]?.options ?? {})),
    );
    const note = trustNote(result);
    trust.replaceChildren(...(note ? [note] : []));
    out.replaceChildren(...(await analysisOutput(result)));
    root.dataset.state = result.error ? "error" : "done";
    root.dataset.runs = String(Number(root.dataset.runs ?? 0) + 1);
  };

  async function run() {
    performance.mark("results-run-start");
    root.dataset.state = "running";
    status.hidden = false;
    cancel.hidden = false;
    estimate.textContent = runEstimate(loaded.reduce((sum, f) => sum + f.blob.size, 0));
    show({ phase: "reading", fraction: 0, message: `Reading ${files(loaded.length)}…` });
    const chosen = loaded.map((f) => ({ name: f.name, file: f.blob, options: f.options }));
    const result = await runner.run(chosen, {
      progress: show,
      message: (text) => (message.textContent = text),
    });
    if (result) await render(result);
  }

  cancel.addEventListener("click", () => {
    runner.cancel();
    cancel.hidden = true;
    estimate.textContent = "";
    progress.value = 0;
    message.textContent = `Stopped. Nothing was analysed; the ${loaded.length === 1 ? "file is" : `${loaded.length} files are`} still chosen — drop fewer or smaller files, or choose them again to start over.`;
    root.dataset.state = "cancelled";
  });

  const { zone, actions } = fileIntake({
    sample,
    onError: say,
    onFiles(chosen, fromFolder) {
      loaded = chosen.map((f) => ({ ...f, options: {} }));
      if (loaded.length > 0) void run();
      else if (fromFolder)
        say("The folder holds no file this page reads (.csv, .tsv, .txt, .json, .jsonl, .gz, .eval).");
      else {
        message.textContent = "";
        status.hidden = true;
      }
    },
  });
  const root = html`<div class="results-tool">${zone}${actions}${status}${fileList}${trust}${out}</div>`;
  return root;
}
