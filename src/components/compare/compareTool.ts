// The "compare two scores" tool: two score cards (filled from the published-scores table or typed
// by hand), what is known about the pair, and the verdict of the course's protocol with the
// statistics. Every field lives in the URL, so a comparison can be shared as a link.
import type { Benchmark, PublishedScore } from "../data/types.js";
import { readState, writeState } from "../ui/urlState.js";
import { benchmarkSize, sizedBenchmarks } from "./benchmarkNames.js";
import {
  cardCodecs,
  decodings,
  evaluatorKinds,
  evidenceFromFields,
  exampleCards,
  fieldsFromEvidence,
  type PairFields,
  pairCodecs,
  tristates,
  validateCard,
} from "./cardState.js";
import { comparisonPlot, comparisonReadout, comparisonSummary } from "./comparisonView.js";
import { evidenceFor } from "./evidence.js";
import { compareCards } from "./protocol.js";
import { menuRows } from "./publishedMenu.js";
import { cardFromPublished, type ScoreCard } from "./scoreCard.js";

type Side = "a" | "b";

interface FieldSpec {
  key: keyof ScoreCard;
  label: string;
  kind: "text" | "number" | "select";
  options?: readonly { value: string; label: string }[];
  step?: string;
  hint?: string;
}

const fields: FieldSpec[] = [
  { key: "model", label: "Model", kind: "text" },
  {
    key: "benchmark",
    label: "Benchmark",
    kind: "text",
    hint: "N fills in for benchmarks in the reference table",
  },
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

const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
};

let uid = 0;

export function compareTool(rows: readonly PublishedScore[], benchmarks: readonly Benchmark[]): HTMLElement {
  const menu = menuRows(rows);
  const byId = new Map(menu.map((m) => [m.id, m.row]));
  const rowCodec = {
    parse: (t: string) => (byId.has(t) || t === "" ? t : undefined),
    format: (v: string) => v,
  };

  // State: from the URL when it has any, otherwise the Lab 3 scenario.
  const search = location.search;
  const cards: Record<Side, ScoreCard> = {
    a: { ...exampleCards.a, ...readState<ScoreCard>(search, "a", cardCodecs) },
    b: { ...exampleCards.b, ...readState<ScoreCard>(search, "b", cardCodecs) },
  };
  let pair: PairFields = { ...exampleCards.pair, ...readState<PairFields>(search, "pair", pairCodecs) };
  const picked: Record<Side, string> = {
    a: readState<{ row: string }>(search, "a", { row: rowCodec }).row ?? "",
    b: readState<{ row: string }>(search, "b", { row: rowCodec }).row ?? "",
  };

  const root = el("div", { class: "compare-tool", id: "compare-tool" });
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const pickers = {} as Record<Side, HTMLSelectElement>;

  const cardForm = (side: Side) => {
    const id = `cmp-${side}-${++uid}`;
    const picker = el("select", { id: `${id}-pick`, "data-field": `${side}.row` }) as HTMLSelectElement;
    picker.append(el("option", { value: "" }, "— typed by hand —"));
    let group: HTMLOptGroupElement | null = null;
    let groupName = "";
    for (const m of menu) {
      const name = m.label.split(" · ")[0]!;
      if (name !== groupName) {
        group = el("optgroup", { label: name }) as HTMLOptGroupElement;
        picker.append(group);
        groupName = name;
      }
      group!.append(el("option", { value: m.id }, m.label.slice(name.length + 3)));
    }
    pickers[side] = picker;
    picker.addEventListener("change", () => fill(side, picker.value));
    const grid = el("div", { class: "compare-fields" });
    for (const f of fields) {
      const fid = `${id}-${f.key}`;
      let input: HTMLInputElement | HTMLSelectElement;
      if (f.kind === "select") {
        input = el("select", { id: fid }) as HTMLSelectElement;
        for (const o of f.options ?? []) input.append(el("option", { value: o.value }, o.label));
      } else {
        input = el("input", {
          id: fid,
          type: f.kind === "number" ? "number" : "text",
          autocomplete: "off",
        }) as HTMLInputElement;
        if (f.step) input.setAttribute("step", f.step);
        if (f.key === "benchmark") input.setAttribute("list", `${id}-benchmarks`);
      }
      input.dataset.field = `${side}.${f.key}`;
      input.addEventListener("input", () => edited(side, f.key, input.value));
      inputs.set(`${side}.${f.key}`, input);
      grid.append(
        el(
          "div",
          { class: `compare-field compare-field-${f.key}` },
          el("label", { for: fid }, f.label),
          input,
        ),
      );
    }
    const list = el("datalist", { id: `${id}-benchmarks` });
    for (const b of sizedBenchmarks(benchmarks))
      list.append(el("option", { value: b.name }, `${b.name} (N = ${b.n})`));
    const errors = el("p", { class: "compare-errors", role: "alert", "data-errors": side });
    return el(
      "fieldset",
      { class: `compare-card compare-card-${side}` },
      el("legend", {}, `Score ${side.toUpperCase()}`),
      el(
        "div",
        { class: "compare-field compare-pick" },
        el("label", { for: `${id}-pick` }, "Fill from published scores"),
        picker,
      ),
      grid,
      list,
      errors,
    );
  };

  const pairForm = () => {
    const id = `cmp-pair-${++uid}`;
    const box = el(
      "fieldset",
      { class: "compare-card compare-pair" },
      el("legend", {}, "What else is known about the pair"),
    );
    const specs: { key: keyof PairFields; label: string; select?: boolean }[] = [
      { key: "aLeads", label: "Other benchmarks where A leads (comma-separated)" },
      { key: "bLeads", label: "Other benchmarks where B leads" },
      { key: "reproA", label: "A reproduced by a third party?", select: true },
      { key: "reproB", label: "B reproduced by a third party?", select: true },
    ];
    const grid = el("div", { class: "compare-fields" });
    for (const s of specs) {
      const fid = `${id}-${s.key}`;
      let input: HTMLInputElement | HTMLSelectElement;
      if (s.select) {
        input = el("select", { id: fid }) as HTMLSelectElement;
        for (const t of tristates)
          input.append(el("option", { value: t }, t === "unknown" ? "not known" : t));
      } else {
        input = el("input", { id: fid, type: "text", autocomplete: "off" }) as HTMLInputElement;
      }
      input.dataset.field = `pair.${s.key}`;
      input.addEventListener("input", () => {
        pair = { ...pair, [s.key]: input.value };
        update();
      });
      inputs.set(`pair.${s.key}`, input);
      grid.append(el("div", { class: "compare-field" }, el("label", { for: fid }, s.label), input));
    }
    box.append(
      el(
        "p",
        { class: "table-note" },
        "Filled from the published-scores table when both cards come from it; edit freely for your own numbers.",
      ),
      grid,
    );
    return box;
  };

  const swap = el("button", { type: "button", class: "preset", "data-action": "swap" }, "Swap A and B");
  const copy = el(
    "button",
    { type: "button", class: "preset", "data-action": "copy" },
    "Copy link to this comparison",
  );
  const reset = el(
    "button",
    { type: "button", class: "preset", "data-action": "reset" },
    "Start again from the example",
  );
  const copied = el("span", { class: "compare-copied", role: "status" });
  const actions = el("div", { class: "explorable-presets" }, swap, copy, reset, copied);

  const result = el("section", {
    class: "explorable compare-result",
    "aria-labelledby": "compare-result-title",
  });
  const resultTitle = el("h2", { class: "explorable-title", id: "compare-result-title" }, "The verdict");
  const plotBox = el("div", { class: "explorable-figure" });
  const readoutBox = el("div", { class: "explorable-readout" });
  const live = el("p", { class: "sr-only", "aria-live": "polite" });
  const alt = el(
    "details",
    { class: "explorable-alt" },
    el("summary", {}, "Text description of this comparison"),
  );
  const altText = el("p");
  alt.append(altText);
  result.append(resultTitle, readoutBox, plotBox, alt, live);

  root.append(
    el("div", { class: "compare-cards" }, cardForm("a"), cardForm("b")),
    pairForm(),
    actions,
    result,
  );

  function sync() {
    for (const side of ["a", "b"] as const) {
      for (const f of fields) {
        const input = inputs.get(`${side}.${f.key}`)!;
        if (document.activeElement === input) continue;
        const v = cards[side][f.key];
        input.value = v === null ? "" : String(v);
      }
      pickers[side].value = picked[side];
    }
    for (const k of Object.keys(pairCodecs) as (keyof PairFields)[]) {
      const input = inputs.get(`pair.${k}`)!;
      if (document.activeElement !== input) input.value = pair[k];
    }
  }

  function fill(side: Side, id: string) {
    picked[side] = id;
    const row = byId.get(id);
    if (row) cards[side] = cardFromPublished(row, benchmarks);
    const ra = byId.get(picked.a);
    const rb = byId.get(picked.b);
    if (ra && rb) pair = fieldsFromEvidence(evidenceFor(rows, ra, rb, benchmarks));
    sync();
    update();
  }

  function edited(side: Side, key: keyof ScoreCard, text: string) {
    const card = { ...cards[side] };
    if (key === "score") card.score = text.trim() === "" ? Number.NaN : Number(text);
    else if (key === "n") card.n = text.trim() === "" ? null : Number(text);
    else if (key === "params") card.params = text.trim() === "" ? null : Number(text);
    else if (key === "cot") card.cot = text as ScoreCard["cot"];
    else if (key === "evaluatorKind") card.evaluatorKind = text as ScoreCard["evaluatorKind"];
    else card[key] = text as never;
    if (key === "benchmark") {
      const size = benchmarkSize(benchmarks, text);
      if (size) {
        card.n = size.n;
        if (!card.version.trim()) card.version = size.split;
      }
    }
    cards[side] = card;
    if (picked[side]) {
      picked[side] = "";
      pickers[side].value = "";
    }
    sync();
    update();
  }

  let persist: ReturnType<typeof setTimeout> | undefined;
  let announce: ReturnType<typeof setTimeout> | undefined;
  function writeUrl() {
    let s = location.search;
    s = writeState(s, "a", { ...cards.a, row: picked.a } as ScoreCard & { row: string }, {
      ...cardCodecs,
      row: rowCodec,
    });
    s = writeState(s, "b", { ...cards.b, row: picked.b } as ScoreCard & { row: string }, {
      ...cardCodecs,
      row: rowCodec,
    });
    s = writeState(s, "pair", pair, pairCodecs);
    history.replaceState(history.state, "", `${location.pathname}${s}${location.hash}`);
  }

  function update() {
    const started = performance.now();
    const errors = { a: validateCard(cards.a, "Score A"), b: validateCard(cards.b, "Score B") };
    for (const side of ["a", "b"] as const) {
      const box = root.querySelector<HTMLElement>(`[data-errors="${side}"]`)!;
      box.textContent = errors[side].join(" ");
      box.hidden = errors[side].length === 0;
    }
    const width = Math.max(280, Math.floor(result.clientWidth || 640) - 40);
    if (errors.a.length || errors.b.length) {
      const msg = el(
        "p",
        { class: "l3-adjusted", "data-readout": "invalid" },
        "Fix the card above to see a verdict: ",
        [...errors.a, ...errors.b].join(" "),
      );
      readoutBox.replaceChildren(msg);
      plotBox.replaceChildren();
      altText.textContent = msg.textContent ?? "";
    } else {
      const cmp = compareCards(cards.a, cards.b, evidenceFromFields(pair));
      readoutBox.replaceChildren(comparisonReadout(cmp));
      plotBox.replaceChildren(comparisonPlot(cmp, cards.a, cards.b, width));
      const summary = comparisonSummary(cmp, cards.a, cards.b);
      altText.textContent = summary;
      clearTimeout(announce);
      announce = setTimeout(() => {
        live.textContent = summary;
      }, 500);
    }
    result.dataset.renderMs = (performance.now() - started).toFixed(2);
    result.dataset.renders = String(Number(result.dataset.renders ?? 0) + 1);
    clearTimeout(persist);
    persist = setTimeout(writeUrl, 200);
  }

  swap.addEventListener("click", () => {
    [cards.a, cards.b] = [cards.b, cards.a];
    [picked.a, picked.b] = [picked.b, picked.a];
    pair = { aLeads: pair.bLeads, bLeads: pair.aLeads, reproA: pair.reproB, reproB: pair.reproA };
    sync();
    update();
  });
  reset.addEventListener("click", () => {
    cards.a = { ...exampleCards.a };
    cards.b = { ...exampleCards.b };
    picked.a = "";
    picked.b = "";
    pair = { ...exampleCards.pair };
    sync();
    update();
  });
  copy.addEventListener("click", async () => {
    clearTimeout(persist);
    writeUrl();
    try {
      await navigator.clipboard.writeText(location.href);
      copied.textContent = "Link copied.";
    } catch {
      copied.textContent = `Copy this link: ${location.href}`;
    }
  });

  // A row id from the URL that no longer exists keeps the card's own fields (nothing is lost).
  // A link that names only rows (as Lesson 3's checker makes) fills the cards from the table.
  const params = new URLSearchParams(search);
  for (const side of ["a", "b"] as const) {
    const row = byId.get(picked[side]);
    if (!row) picked[side] = "";
    else if (!params.has(`${side}.score`)) cards[side] = cardFromPublished(row, benchmarks);
  }
  const ra = byId.get(picked.a);
  const rb = byId.get(picked.b);
  if (ra && rb && ![...params.keys()].some((k) => k.startsWith("pair."))) {
    pair = fieldsFromEvidence(evidenceFor(rows, ra, rb, benchmarks));
  }
  sync();
  update();
  // Redraw the drawing at its real width once the tool is on the page (and when the page resizes).
  let drawnWidth = 0;
  if (typeof ResizeObserver !== "undefined") {
    new ResizeObserver(() => {
      const w = Math.floor(result.clientWidth);
      if (w > 0 && Math.abs(w - drawnWidth) > 8) {
        drawnWidth = w;
        update();
      }
    }).observe(result);
  }
  return root;
}
