// The "compare two scores" tool: two score cards (filled from the published-scores table or typed
// by hand), what is known about the pair, and the verdict of the comparison protocol with the
// statistics. Every field lives in the URL, so a comparison can be shared as a link.
// The state and its changes are pure (compareState.ts); the forms are cardForms.ts; the verdict is
// drawn by comparisonView.ts. This file wires them.
import { html } from "htl";
import type { Benchmark, PublishedScore } from "../data/types.js";
import { whenNear } from "../ui/lazyFigure.js";
import {
  type CardFormHooks,
  cardFields,
  cardForm,
  type FieldInput,
  pairForm,
  type RowPicker,
} from "./cardForms.js";
import { evidenceFromFields, type PairFields, pairCodecs, validateCard } from "./cardState.js";
import {
  type CompareState,
  editField,
  exampleState,
  fillFromRow,
  type RowIndex,
  type Side,
  searchFromState,
  stateFromSearch,
  swapped,
} from "./compareState.js";
import type { comparisonPlot } from "./comparisonPlot.js";
import { COMPARISON_PLOT_HEIGHT, comparisonReadout, comparisonSummary } from "./comparisonView.js";
import { compareCards } from "./protocol.js";
import { menuRows } from "./publishedMenu.js";

const SIDES = ["a", "b"] as const;

/** The verdict panel: its parts, and a redraw from the cards as they stand. */
function verdictPanel() {
  const readoutBox = html`<div class="explorable-readout"></div>`;
  const plotBox = html`<div class="explorable-figure"></div>`;
  const altText = html`<p></p>`;
  const live = html`<p class="sr-only" aria-live="polite"></p>`;
  const section = html`<section class="explorable compare-result" aria-labelledby="compare-result-title">
    <h2 class="explorable-title" id="compare-result-title">The verdict</h2>
    ${readoutBox}${plotBox}<details class="explorable-alt"><summary>Text description of this comparison</summary>${altText}</details>${live}
  </section>`;
  let announce: ReturnType<typeof setTimeout> | undefined;
  // The drawing needs Plot: it is imported when the verdict comes near the screen (on a phone the
  // cards fill the first screens), and its height is held meanwhile so nothing shifts.
  let drawPlot: typeof comparisonPlot | null = null;
  let last: [CompareState, Record<Side, string[]>] | null = null;
  const pending = html`<div class="compare-plot-pending" style=${{ minHeight: `${COMPARISON_PLOT_HEIGHT}px` }} aria-busy="true"></div>`;
  whenNear(section, () => {
    import("./comparisonPlot.js").then(
      (m) => {
        drawPlot = m.comparisonPlot;
        if (last) draw(...last);
      },
      () => {
        pending.textContent =
          "The drawing could not be loaded: reload the page to see it (the verdict above is complete).";
      },
    );
  });
  /** Draws the verdict, or says what to fix; `errors` per card. */
  const draw = (s: CompareState, errors: Record<Side, string[]>) => {
    last = [s, errors];
    const started = performance.now();
    const width = Math.max(280, Math.floor(section.clientWidth || 640) - 40);
    if (errors.a.length || errors.b.length) {
      const msg = html`<p class="l3-adjusted" data-readout="invalid">Fix the card above to see a verdict: ${[...errors.a, ...errors.b].join(" ")}</p>`;
      readoutBox.replaceChildren(msg);
      plotBox.replaceChildren();
      altText.textContent = msg.textContent ?? "";
    } else {
      const cmp = compareCards(s.cards.a, s.cards.b, evidenceFromFields(s.pair));
      readoutBox.replaceChildren(comparisonReadout(cmp));
      plotBox.replaceChildren(drawPlot ? drawPlot(cmp, s.cards.a, s.cards.b, width) : pending);
      const summary = comparisonSummary(cmp, s.cards.a, s.cards.b);
      altText.textContent = summary;
      clearTimeout(announce);
      announce = setTimeout(() => {
        live.textContent = summary;
      }, 500);
    }
    section.dataset.renderMs = (performance.now() - started).toFixed(2);
    section.dataset.renders = String(Number(section.dataset.renders ?? 0) + 1);
  };
  return { section, draw };
}

export function compareTool(rows: readonly PublishedScore[], benchmarks: readonly Benchmark[]): HTMLElement {
  const menu = menuRows(rows);
  const ix: RowIndex = { rows, byId: new Map(menu.map((m) => [m.id, m.row])), benchmarks };
  // State: from the URL when it has any, otherwise the Lab 3 scenario.
  let state = stateFromSearch(location.search, ix);

  const inputs = new Map<string, FieldInput>();
  const hooks: CardFormHooks = {
    inputs,
    onPick: (side, id) => set(fillFromRow(state, side, id, ix)),
    onEdit: (side, key, text) => set(editField(state, side, key, text, benchmarks)),
  };
  const a = cardForm("a", menu, benchmarks, hooks);
  const b = cardForm("b", menu, benchmarks, hooks);
  const pickers: Record<Side, RowPicker> = { a: a.picker, b: b.picker };
  const pair = pairForm(inputs, (key, text) => set({ ...state, pair: { ...state.pair, [key]: text } }));
  const verdict = verdictPanel();

  const copied = html`<span class="compare-copied" role="status"></span>`;
  const copy = async () => {
    clearTimeout(persist);
    writeUrl();
    try {
      await navigator.clipboard.writeText(location.href);
      copied.textContent = "Link copied.";
    } catch {
      copied.textContent = `Copy this link: ${location.href}`;
    }
  };
  const actions = html`<div class="explorable-presets">
    <button type="button" class="preset" data-action="swap" onclick=${() => set(swapped(state))}>Swap A and B</button>
    <button type="button" class="preset" data-action="copy" onclick=${() => void copy()}>Copy link to this comparison</button>
    <button type="button" class="preset" data-action="reset" onclick=${() => set(exampleState())}>Start again from the example</button>
    ${copied}
  </div>`;
  const root = html`<div class="compare-tool" id="compare-tool"><div class="compare-cards">${a.form}${b.form}</div>${pair}${actions}${verdict.section}</div>`;

  /** The inputs show the state (except the one being typed in). */
  function sync() {
    for (const side of SIDES) {
      for (const f of cardFields) {
        const input = inputs.get(`${side}.${f.key}`)!;
        if (document.activeElement === input) continue;
        const v = state.cards[side][f.key];
        input.value = v === null ? "" : String(v);
      }
      pickers[side].show(state.picked[side]);
    }
    for (const k of Object.keys(pairCodecs) as (keyof PairFields)[]) {
      const input = inputs.get(`pair.${k}`)!;
      if (document.activeElement !== input) input.value = state.pair[k];
    }
  }

  let persist: ReturnType<typeof setTimeout> | undefined;
  function writeUrl() {
    const s = searchFromState(location.search, state, ix);
    // Unchanged (the page as opened): no history write, which costs ≈15 ms at load on a 2-core machine.
    if (s === location.search) return;
    history.replaceState(history.state, "", `${location.pathname}${s}${location.hash}`);
  }

  function update() {
    const errors = { a: validateCard(state.cards.a, "Score A"), b: validateCard(state.cards.b, "Score B") };
    for (const side of SIDES) {
      const box = root.querySelector<HTMLElement>(`[data-errors="${side}"]`)!;
      box.textContent = errors[side].join(" ");
      box.hidden = errors[side].length === 0;
    }
    verdict.draw(state, errors);
    clearTimeout(persist);
    persist = setTimeout(writeUrl, 200);
  }

  function set(next: CompareState) {
    state = next;
    sync();
    update();
  }

  set(state);
  // Redraw the drawing at its real width once the tool is on the page (and when the page resizes).
  let drawnWidth = 0;
  if (typeof ResizeObserver !== "undefined") {
    new ResizeObserver(() => {
      const w = Math.floor(verdict.section.clientWidth);
      if (w > 0 && Math.abs(w - drawnWidth) > 8) {
        drawnWidth = w;
        update();
      }
    }).observe(verdict.section);
  }
  return root;
}
