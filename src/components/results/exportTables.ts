// The analysis as files to keep: per-model and per-pair tables (CSV) and everything in one JSON,
// each with what it was computed from — the files and the formats they were read as, and the
// settings (confidence, correction, interval methods).
import { csvFormat } from "d3-dsv";
import type { Analysis } from "./analysis.js";
import type { FileOutcome } from "./pipeline.js";

export interface ExportContext {
  files: readonly FileOutcome[];
  analysis: Analysis;
  /** When the export was made (ISO date), written into the files. */
  date: string;
}

function provenance({ files, analysis, date }: ExportContext): string[] {
  return [
    `# Reading Benchmark Scores — your results, exported ${date}`,
    `# confidence ${analysis.confidence}; multiple-comparison correction ${analysis.correction}; items ${analysis.n}`,
    `# intervals: ${analysis.models[0]?.interval ?? "?"}; pairs: paired t-test, df ${analysis.pairs[0]?.df ?? analysis.n - 1}`,
    ...files.map((f) =>
      f.ok ? `# file ${f.file}: read as ${f.formatLabel}` : `# file ${f.file}: not used (${f.error})`,
    ),
  ];
}

export function modelsCsv(ctx: ExportContext): string {
  const rows = ctx.analysis.models.map((m) => ({
    model: m.model,
    items: m.n,
    sum_correct: m.k,
    accuracy: m.accuracy,
    lower: m.lower,
    upper: m.upper,
    interval: m.interval,
    naive_se: m.naiveSE,
    clustered_se: m.clusteredSE ?? "",
    rank: m.rank,
    rank_lower: m.rankLower,
    rank_upper: m.rankUpper,
  }));
  return `${provenance(ctx).join("\n")}\n${csvFormat(rows)}\n`;
}

export function pairsCsv(ctx: ExportContext): string {
  const rows = ctx.analysis.pairs.map((p) => ({
    higher: p.a,
    lower: p.b,
    difference: p.diff,
    ci_lower: p.lower,
    ci_upper: p.upper,
    se: p.se,
    df: p.df,
    p_value: p.pValue,
    adjusted_p: p.adjustedP,
    mcnemar_exact_p: p.mcnemarP ?? "",
    only_higher_right: p.onlyA,
    only_lower_right: p.onlyB,
    correlation: p.correlation,
    separated: p.separated,
  }));
  return `${provenance(ctx).join("\n")}\n${csvFormat(rows)}\n`;
}

export function analysisJson(ctx: ExportContext): string {
  return JSON.stringify(
    {
      exported: ctx.date,
      files: ctx.files.map((f) =>
        f.ok
          ? {
              file: f.file,
              format: f.format,
              formatLabel: f.formatLabel,
              model: f.model,
              task: f.task,
              records: f.records,
            }
          : { file: f.file, error: f.error },
      ),
      settings: {
        confidence: ctx.analysis.confidence,
        correction: ctx.analysis.correction,
        power: ctx.analysis.power,
      },
      models: ctx.analysis.models,
      pairs: ctx.analysis.pairs,
      closest: ctx.analysis.closest,
    },
    (_k, v) => (v === Number.POSITIVE_INFINITY ? "Infinity" : v),
    2,
  );
}
