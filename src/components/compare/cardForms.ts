// The compare tool's forms: one fieldset per score card (a picker of published scores above the
// card's fields) and one for what else is known about the pair. Only builds the inputs and reports
// what the reader typed; the tool keeps the state (compareState.ts).
import { html } from "htl";
import type { Benchmark } from "../data/types.js";
import { sizedBenchmarks } from "./benchmarkNames.js";
import { decodings, evaluatorKinds, type PairFields, tristates } from "./cardState.js";
import type { Side } from "./compareState.js";
import type { MenuRow } from "./publishedMenu.js";
import type { ScoreCard } from "./scoreCard.js";

export type FieldInput = HTMLInputElement | HTMLSelectElement;

interface FieldSpec {
  key: keyof ScoreCard;
  label: string;
  kind: "text" | "number" | "select";
  options?: readonly { value: string; label: string }[];
  step?: string;
}

export const cardFields: readonly FieldSpec[] = [
  { key: "model", label: "Model", kind: "text" },
  { key: "benchmark", label: "Benchmark", kind: "text" },
  { key: "version", label: "Version or split", kind: "text" },
  { key: "score", label: "Score (%)", kind: "number", step: "0.01" },
  { key: "n", label: "N (questions)", kind: "number", step: "1" },
  { key: "shots", label: "Shots", kind: "text" },
  {
    key: "cot",
    label: "Chain-of-thought",
    kind: "select",
    options: tristates.map((t) => ({ value: t, label: t === "unknown" ? "not stated" : t })),
  },
  {
    key: "decoding",
    label: "Decoding",
    kind: "select",
    options: decodings.map((d) => ({ value: d, label: d || "not stated" })),
  },
  { key: "metric", label: "Metric", kind: "text" },
  { key: "prompt", label: "Prompt template / harness", kind: "text" },
  { key: "evaluator", label: "Evaluator", kind: "text" },
  {
    key: "evaluatorKind",
    label: "Evaluator kind",
    kind: "select",
    options: evaluatorKinds.map((k) => ({
      value: k,
      label: k === "leaderboard" ? "same-harness leaderboard" : k,
    })),
  },
  { key: "params", label: "Parameters (billions)", kind: "number", step: "0.01" },
  { key: "source", label: "Source", kind: "text" },
];

const pairFields: readonly { key: keyof PairFields; label: string; select?: boolean }[] = [
  { key: "aLeads", label: "Other benchmarks where A leads (comma-separated)" },
  { key: "bLeads", label: "Other benchmarks where B leads" },
  { key: "reproA", label: "A reproduced by a third party?", select: true },
  { key: "reproB", label: "B reproduced by a third party?", select: true },
];

let uid = 0;

/** A published-scores picker: a select, and how to show a row in it. */
export interface RowPicker {
  select: HTMLSelectElement;
  /** Select row `id` ("" for "typed by hand"), whether or not the menu has been filled yet. */
  show(id: string): void;
}

/**
 * The published scores as a select, grouped by benchmark ("— typed by hand —" first). Its ~860
 * options are added when the learner reaches for it (pointer, focus, key) or the browser is idle,
 * not while the page opens: two filled pickers cost ≈50 ms of script and layout at load on a
 * 2-core machine (Lighthouse phone TBT). Until then it holds the row on show.
 */
function rowPicker(
  id: string,
  side: Side,
  menu: readonly MenuRow[],
  onPick: (id: string) => void,
): RowPicker {
  const select = html`<select id=${id} data-field=${`${side}.row`} onchange=${() => onPick(select.value)}>
    <option value="">— typed by hand —</option>
  </select>` as unknown as HTMLSelectElement;
  let filled = false;
  const fill = () => {
    if (filled) return;
    filled = true;
    const value = select.value;
    // Consecutive rows of one benchmark share an optgroup (the menu is sorted by benchmark).
    const groups: [string, MenuRow[]][] = [];
    for (const m of menu) {
      const name = m.label.split(" · ")[0]!;
      const last = groups.at(-1);
      if (last?.[0] === name) last[1].push(m);
      else groups.push([name, [m]]);
    }
    select.replaceChildren(
      new Option("— typed by hand —", ""),
      // The Option constructor (text, never markup) is ~100× cheaper than an htl template per option.
      ...groups.map(([name, rows]) => {
        const group = document.createElement("optgroup");
        group.label = name;
        group.append(...rows.map((m) => new Option(m.label.slice(name.length + 3), m.id)));
        return group;
      }),
    );
    select.value = value;
  };
  for (const type of ["pointerdown", "focus", "keydown"]) select.addEventListener(type, fill, { once: true });
  if (typeof requestIdleCallback === "function") requestIdleCallback(fill, { timeout: 2000 });
  else setTimeout(fill, 500);
  const byId = new Map(menu.map((m) => [m.id, m]));
  return {
    select,
    show(rowId: string) {
      const row = byId.get(rowId);
      if (!filled && row && !select.querySelector(`option[value="${CSS.escape(rowId)}"]`))
        select.append(new Option(row.label, rowId));
      select.value = row ? rowId : "";
    },
  };
}

function fieldInput(f: FieldSpec, id: string, listId: string): FieldInput {
  if (f.kind === "select")
    return html`<select id=${id}>${(f.options ?? []).map((o) => html`<option value=${o.value}>${o.label}</option>`)}</select>` as unknown as HTMLSelectElement;
  return html`<input id=${id} type=${f.kind === "number" ? "number" : "text"} autocomplete="off" step=${f.step} list=${f.key === "benchmark" ? listId : undefined}>` as unknown as HTMLInputElement;
}

export interface CardFormHooks {
  /** Every input by its field name ("a.score", "pair.reproA"), filled in as the forms are built. */
  inputs: Map<string, FieldInput>;
  onPick: (side: Side, rowId: string) => void;
  onEdit: (side: Side, key: keyof ScoreCard, text: string) => void;
}

/** One score card: the picker, its fields, the benchmarks the reference table knows, and its errors. */
export function cardForm(
  side: Side,
  menu: readonly MenuRow[],
  benchmarks: readonly Benchmark[],
  hooks: CardFormHooks,
): { form: HTMLElement; picker: RowPicker } {
  const id = `cmp-${side}-${++uid}`;
  const picker = rowPicker(`${id}-pick`, side, menu, (row) => hooks.onPick(side, row));
  const fields = cardFields.map((f) => {
    const input = fieldInput(f, `${id}-${f.key}`, `${id}-benchmarks`);
    input.dataset.field = `${side}.${f.key}`;
    input.addEventListener("input", () => hooks.onEdit(side, f.key, input.value));
    hooks.inputs.set(`${side}.${f.key}`, input);
    return html`<div class=${`compare-field compare-field-${f.key}`}><label for=${`${id}-${f.key}`}>${f.label}</label>${input}</div>`;
  });
  const form = html`<fieldset class=${`compare-card compare-card-${side}`}>
    <legend>Score ${side.toUpperCase()}</legend>
    <div class="compare-field compare-pick"><label for=${`${id}-pick`}>Fill from published scores</label>${picker.select}</div>
    <div class="compare-fields">${fields}</div>
    <datalist id=${`${id}-benchmarks`}>${sizedBenchmarks(benchmarks).map((b) => new Option(`${b.name} (N = ${b.n})`, b.name))}</datalist>
    <p class="compare-errors" role="alert" data-errors=${side}></p>
  </fieldset>`;
  return { form, picker };
}

/** What else is known about the pair: other benchmarks each leads on, and reproductions. */
export function pairForm(
  inputs: Map<string, FieldInput>,
  onEdit: (key: keyof PairFields, text: string) => void,
): HTMLElement {
  const id = `cmp-pair-${++uid}`;
  const fields = pairFields.map((s) => {
    const fid = `${id}-${s.key}`;
    const input = (s.select
      ? html`<select id=${fid}>${tristates.map((t) => html`<option value=${t}>${t === "unknown" ? "not known" : t}</option>`)}</select>`
      : html`<input id=${fid} type="text" autocomplete="off">`) as unknown as FieldInput;
    input.dataset.field = `pair.${s.key}`;
    input.addEventListener("input", () => onEdit(s.key, input.value));
    inputs.set(`pair.${s.key}`, input);
    return html`<div class="compare-field"><label for=${fid}>${s.label}</label>${input}</div>`;
  });
  return html`<fieldset class="compare-card compare-pair">
    <legend>What else is known about the pair</legend>
    <p class="table-note">Filled from the published-scores table when both cards come from it; edit freely for your own numbers.</p>
    <div class="compare-fields">${fields}</div>
  </fieldset>`;
}
