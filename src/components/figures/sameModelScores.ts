// Lesson 3: one model, several published numbers for the same benchmark and shot count.
// Each number with its 95% interval; when they disagree by more than their intervals allow,
// the difference is the pipeline, not the model.

import { benchmarkSize } from "../compare/benchmarkNames.js";
import { type SameModelGroup, sameModelGroups } from "../compare/evidence.js";
import type { Benchmark, PublishedScore } from "../data/types.js";
import { halfWidth } from "../stats/index.js";
import { choice } from "../ui/controls.js";
import { explorable } from "../ui/explorable.js";
import { formatCount } from "../ui/format.js";
import { categorical } from "../ui/palette.js";
import * as Plot from "../vendor/plot.js";

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

export const groupKey = (g: SameModelGroup) => `${g.model}|${g.benchmark}`.slice(0, 64);

/** Row label: evaluator and what distinguishes the run. */
export function runLabel(r: PublishedScore): string {
  const who = r.evaluator
    .replace(/^Hugging Face (Open LLM )?/, "")
    .replace("(three implementations)", "")
    .trim();
  const setting = r.evaluator_type.startsWith("same-lab")
    ? ", re-run"
    : r.evaluator_type.includes("competitor")
      ? ", rival's re-run"
      : "";
  const impl = /^(HELM|EleutherAI harness|original)/.exec(r.extra_setting ?? "")?.[1] ?? "";
  const text = `${who}${setting}${impl ? `, ${impl}` : ""}`;
  return text.length > 34 ? `${text.slice(0, 33)}…` : text;
}

export function sameModelScoresFigure(rows: readonly PublishedScore[], benchmarks: readonly Benchmark[]) {
  const groups = sameModelGroups(rows).filter((g) => benchmarkSize(benchmarks, g.benchmark) !== null);
  const byKey = new Map(groups.map((g) => [groupKey(g), g]));
  const options = groups.map((g) => ({
    value: groupKey(g),
    label: `${g.model} · ${g.benchmark} (${g.rows.length} numbers, spread ${g.spread.toFixed(2)} pp)`,
  }));
  const pick = (model: string, benchmark: string) =>
    byKey.has(`${model}|${benchmark}`) ? `${model}|${benchmark}` : options[0]!.value;
  return explorable<{ group: string }>({
    id: "l3-same-model",
    title: "One model, several published scores on the same benchmark",
    notice:
      "Each number's own interval is narrow; the numbers still disagree. That spread is the evaluation pipeline — prompt format, harness, averaging — not the model.",
    controls: {
      group: choice({
        key: "group",
        label: "Model and benchmark",
        kind: "select",
        options,
        value: pick("Llama 2 70B", "MMLU"),
      }),
    },
    presets: [
      { label: "Llama 2 70B on MMLU", values: { group: pick("Llama 2 70B", "MMLU") } },
      { label: "Mistral 7B on MMLU", values: { group: pick("Mistral 7B", "MMLU") } },
      { label: "LLaMA 65B: three MMLU implementations", values: { group: pick("Llama 1 65B", "MMLU") } },
      { label: "Llama 3 70B on ARC-Challenge", values: { group: pick("Llama 3 70B", "ARC-Challenge") } },
    ],
    source:
      "data/published_scores.csv: model cards, papers and leaderboard rows (sources listed in the table). N from data/benchmarks.csv.",
    render(v, { width }) {
      const g = byKey.get(v.group) ?? groups[0]!;
      const size = benchmarkSize(benchmarks, g.benchmark)!;
      const points = g.rows.map((r, i) => {
        const h = 100 * halfWidth(Math.min(0.999, Math.max(0.001, r.score / 100)), size.n);
        return {
          label: `${i + 1}. ${runLabel(r)}`,
          score: r.score,
          lo: r.score - h,
          hi: r.score + h,
          h,
          row: r,
        };
      });
      const lo = Math.min(...points.map((p) => p.lo));
      const hi = Math.max(...points.map((p) => p.hi));
      const pad = Math.max(0.5, (hi - lo) * 0.15);
      const marginLeft = Math.min(300, Math.max(150, width * 0.36));
      const figure = Plot.plot({
        width,
        height: 60 + 34 * points.length,
        marginLeft,
        marginRight: 50,
        marginBottom: 44,
        style: { fontSize: "13px" },
        x: {
          domain: [lo - pad, hi + pad],
          label: `${g.benchmark} score, 95% interval at N = ${formatCount(size.n)} (%) →`,
          grid: true,
          labelOffset: 38,
        },
        y: { domain: points.map((p) => p.label), label: null },
        marks: [
          Plot.link(points, {
            x1: "lo",
            x2: "hi",
            y1: "label",
            y2: "label",
            stroke: (_d: unknown, i: number) => categorical[i % categorical.length],
            strokeWidth: 3,
          }),
          Plot.dot(points, {
            x: "score",
            y: "label",
            fill: (_d: unknown, i: number) => categorical[i % categorical.length],
            r: 6,
            symbol: (_d: unknown, i: number) =>
              ["circle", "square", "triangle", "diamond", "star", "cross", "wye", "asterisk"][i % 8],
          }),
          Plot.text(points, {
            x: "hi",
            y: "label",
            text: (d: (typeof points)[number]) => `${d.score}`,
            dx: 8,
            textAnchor: "start",
            fontWeight: 700,
          }),
        ],
      });
      figure.setAttribute("aria-label", `${g.model}'s published ${g.benchmark} scores with their intervals`);
      const typical = points.reduce((s, p) => s + p.h, 0) / points.length;
      const readout = document.createElement("div");
      readout.className = "l3-readout";
      readout.innerHTML = `
        <p><span class="big-number" data-readout="spread" data-value="${g.spread}">${g.spread.toFixed(2)} pp</span>
        <span class="big-caption">spread between ${g.rows.length} published numbers, against a 95% half-width of <span data-readout="half-width" data-value="${typical}">±${typical.toFixed(2)} pp</span> for each</span></p>
        <table class="l3-runs"><thead><tr><th scope="col">#</th><th scope="col">Score</th><th scope="col">Evaluator</th><th scope="col">Shots</th><th scope="col">CoT</th><th scope="col">Metric</th><th scope="col">Source</th></tr></thead>
        <tbody>${g.rows
          .map(
            (r, i) =>
              `<tr><td>${i + 1}</td><td data-readout="score" data-value="${r.score}">${r.score}</td><td>${esc(r.evaluator)}</td><td>${esc(r.shots ?? "not stated")}</td><td>${esc(r.cot)}</td><td>${esc(r.metric ?? "")}</td><td class="l3-source">${esc(r.source)}${r.note ? ` — <em>${esc(r.note)}</em>` : ""}</td></tr>`,
          )
          .join("")}</tbody></table>`;
      const summary = `${g.model} on ${g.benchmark}: ${g.rows.map((r) => `${r.score} (${r.evaluator})`).join(", ")}. Spread ${g.spread.toFixed(2)} pp; each number's 95% half-width at N = ${formatCount(size.n)} is about ±${typical.toFixed(2)} pp.`;
      return { figure, summary, readout };
    },
  });
}
