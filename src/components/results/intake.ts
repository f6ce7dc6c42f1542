// How files reach the tool: a drop zone (files or whole folders), "choose files", "choose a
// folder…", and the sample file. Hands on each choice as a list of named blobs; reads nothing.
import { html } from "htl";
import { type DropEntry, filesFromEntries, type NamedFile } from "./dropEntries.js";

export interface ChosenFile {
  /** The file's path within what was dropped or chosen (a run's folder counts). */
  name: string;
  blob: Blob;
}

export interface IntakeOptions {
  sample: { href: string; name: string; text: () => Promise<string> };
  /** Files chosen; `fromFolder` when a folder brought them (only readable kinds kept). */
  onFiles: (files: ChosenFile[], fromFolder: boolean) => void;
  /** Something went wrong before any file was read: say so. */
  onError: (message: string) => void;
}

const READABLE = /\.(csv|tsv|txt|jsonl?|gz|eval)$/i;
const ACCEPT = ".csv,.tsv,.txt,.jsonl,.json,.gz,.eval,text/csv,text/tab-separated-values,application/json";
const HINT =
  "Read here: CSV/TSV tables, JSON Lines; lm-evaluation-harness output folders (samples_*.jsonl per task, results_*.json; .gz too); Inspect logs (.eval or .json); HELM runs (per_instance_stats.json with run_spec.json); Every Eval Ever records; MMLU-Pro-style pred/answer files. A dropped folder keeps its layout: files in one folder are one run of one model. Nothing is uploaded: the files are read by this page, in your browser.";

/** Files as named blobs; from a folder, only the kinds the page reads. */
export function chosenFiles(files: ArrayLike<File | NamedFile>, fromFolder: boolean): ChosenFile[] {
  return Array.from(files)
    .map((f) =>
      f instanceof Blob
        ? {
            name: (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name,
            blob: f as Blob,
          }
        : { name: f.name, blob: f.file as Blob },
    )
    .filter((f) => !fromFolder || READABLE.test(f.name));
}

/** A drop: folders come as entries, walked so each file keeps its path (its run's folder). */
function dropped(dt: DataTransfer, take: IntakeOptions["onFiles"], onError: IntakeOptions["onError"]) {
  const entries = Array.from(dt.items ?? [])
    .map((i) => (i.kind === "file" ? (i.webkitGetAsEntry?.() as DropEntry | null) : null))
    .filter((x): x is DropEntry => x !== null);
  if (entries.some((x) => x.isDirectory)) {
    void filesFromEntries(entries).then(
      (found) => take(chosenFiles(found, true), true),
      (err: unknown) =>
        onError(
          `The dropped folder could not be read (${(err as Error).message}); choose it with "Choose a folder…" instead.`,
        ),
    );
  } else if (dt.files) take(chosenFiles(dt.files, false), false);
}

/** The drop zone (with the file input) and the row of other ways in. */
export function fileIntake({ sample, onFiles, onError }: IntakeOptions): {
  zone: HTMLElement;
  actions: HTMLElement;
} {
  const fromInput = (fromFolder: boolean) => (e: Event) => {
    const input = e.target as HTMLInputElement;
    if (input.files) onFiles(chosenFiles(input.files, fromFolder), fromFolder);
    input.value = "";
  };
  const input = html`<input type="file" multiple id="results-file-input" accept=${ACCEPT} data-key="files" onchange=${fromInput(false)}>`;
  const folderInput = html`<input type="file" multiple webkitdirectory id="results-folder-input" class="sr-only" data-key="folder" onchange=${fromInput(true)}>`;
  const zone = html`<label class="results-drop" for="results-file-input"><span class="results-drop-title">Drop your results files or folders here, or choose files</span><span class="results-drop-hint">${HINT}</span>${input}</label>`;
  const over = (e: Event) => {
    e.preventDefault();
    zone.classList.add("over");
  };
  zone.addEventListener("dragenter", over);
  zone.addEventListener("dragover", over);
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("over");
    if (e.dataTransfer) dropped(e.dataTransfer, onFiles, onError);
  });
  const folderKey = (e: KeyboardEvent) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      folderInput.click();
    }
  };
  const loadSample = async (e: Event) => {
    const button = e.currentTarget as HTMLButtonElement;
    button.disabled = true;
    try {
      const text = await sample.text();
      onFiles(chosenFiles([new File([text], sample.name, { type: "text/csv" })], false), false);
    } catch (err) {
      onError(`The sample could not be loaded (${(err as Error).message}).`);
    } finally {
      button.disabled = false;
    }
  };
  const actions = html`<div class="results-actions"><label class="preset results-folder" for="results-folder-input" tabindex="0" role="button" onkeydown=${folderKey}>Choose a folder…</label>${folderInput} <button type="button" class="preset" data-action="load-sample" onclick=${loadSample}>Analyse the sample file</button> <a href=${sample.href} download=${sample.name}>Download the sample (${sample.name})</a></div>`;
  return { zone, actions };
}
