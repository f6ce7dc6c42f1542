// Keep the analysis: buttons that save it as CSV (models, pairs) and JSON, with the files and
// settings it came from. The writers (exportTables.ts) load on the first click.
import { html } from "htl";
import type { PAdjustMethod } from "../stats/multipleComparisons.js";
import { withCorrection } from "./analysis.js";
import type { PipelineResult } from "./pipeline.js";

type ExportKind = "models" | "pairs" | "json";

/** `correction`: the correction chosen in the figure at the time of the click. */
export function exportButtons(result: PipelineResult, correction: () => PAdjustMethod): HTMLElement {
  const status = html`<span class="results-export-status" role="status"></span>`;
  const save = async (kind: ExportKind) => {
    const { analysisJson, modelsCsv, pairsCsv } = await import("./exportTables.js");
    const { downloadBlob } = await import("../ui/exportFigure.js");
    const analysis = withCorrection(result.analysis!, correction());
    const ctx = { files: result.files, analysis, date: new Date().toISOString().slice(0, 10) };
    const [text, name, type] =
      kind === "models"
        ? [modelsCsv(ctx), "your-results-models.csv", "text/csv"]
        : kind === "pairs"
          ? [pairsCsv(ctx), "your-results-pairs.csv", "text/csv"]
          : [analysisJson(ctx), "your-results.json", "application/json"];
    downloadBlob(new Blob([text], { type }), name);
    status.textContent = `Saved ${name}.`;
  };
  const button = (label: string, kind: ExportKind) =>
    html`<button type="button" class="preset" data-action=${`export-${kind}`} onclick=${() => void save(kind)}>${label}</button>`;
  return html`<div class="results-export" role="group" aria-label="Export the analysis"><span>Keep the analysis: </span>${button("Models (CSV)", "models")} ${button("Pairs (CSV)", "pairs")} ${button("Everything (JSON)", "json")} ${status}</div>`;
}
