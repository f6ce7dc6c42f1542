// The frame every figure lives in: title, controls, the drawing, a readout, "what to notice",
// a text alternative that speaks the current numbers, and the state in the URL.
// Figures supply controls and a pure-ish render(values, {width}); this file does the rest, once.
import type { Control } from "./controls.js";
import { readState, writeState } from "./urlState.js";

export interface RenderResult {
  /** The drawing (usually a Plot SVG or figure element). */
  figure: Node;
  /** Plain-text description of what the figure shows with the current numbers. */
  summary: string;
  /** Numbers and verdicts shown beside the drawing (elements with data-readout are read by tests). */
  readout?: Node;
}

export interface ExplorableSpec<V extends Record<string, unknown>> {
  /** Short, URL-safe id, unique on the site, e.g. "ci-width". */
  id: string;
  title: string;
  /** One line: what to notice. */
  notice: string | ((values: NoInfer<V>) => string);
  controls: { [K in keyof V]: Control<V[K]> };
  presets?: readonly { label: string; values: Partial<NoInfer<V>> }[];
  render(values: NoInfer<V>, context: { width: number }): RenderResult;
  /** Where the numbers come from, shown under the figure. */
  source?: string;
}

export interface ExplorableElement extends HTMLElement {
  /** Current values of the controls. */
  readonly values: Record<string, unknown>;
  /** Set some values (as a preset or a test would) and redraw. */
  setValues(values: Record<string, unknown>): void;
}

const h = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

export function explorable<V extends Record<string, unknown>>(spec: ExplorableSpec<V>): ExplorableElement {
  const keys = Object.keys(spec.controls) as (keyof V & string)[];
  const root = h("section", "explorable") as unknown as ExplorableElement;
  root.id = `fig-${spec.id}`;
  root.dataset.explorable = spec.id;
  const title = h("h3", "explorable-title", spec.title);
  title.id = `fig-${spec.id}-title`;
  root.setAttribute("aria-labelledby", title.id);

  const controls = h("div", "explorable-controls");
  controls.setAttribute("role", "group");
  controls.setAttribute("aria-label", `Controls for ${spec.title}`);
  for (const key of keys) controls.append(spec.controls[key].element);

  const presets = h("div", "explorable-presets");
  if (spec.presets?.length) {
    presets.append(h("span", "explorable-presets-label", "Try:"));
    for (const preset of spec.presets) {
      const button = h("button", "preset", preset.label);
      button.type = "button";
      button.addEventListener("click", () => root.setValues(preset.values));
      presets.append(button);
    }
  }

  const body = h("div", "explorable-body");
  const plot = h("div", "explorable-figure");
  const readout = h("div", "explorable-readout");
  body.append(plot, readout);

  const notice = h("p", "explorable-notice");
  const live = h("p", "sr-only");
  live.setAttribute("aria-live", "polite");
  const alt = h("details", "explorable-alt");
  const altText = h("p");
  alt.append(h("summary", undefined, "Text description of this figure"), altText);
  const source = spec.source ? h("p", "explorable-source", spec.source) : null;

  root.append(title, controls, ...(spec.presets?.length ? [presets] : []), body, notice, alt, live);
  if (source) root.append(source);

  const values = () => Object.fromEntries(keys.map((k) => [k, spec.controls[k].value])) as V;
  Object.defineProperty(root, "values", { get: values });

  let lastWidth = 0;
  let renders = 0;
  let announce: ReturnType<typeof setTimeout> | undefined;
  let persist: ReturnType<typeof setTimeout> | undefined;

  function draw() {
    const started = performance.now();
    const v = values();
    const width = Math.max(280, Math.floor(plot.clientWidth || root.clientWidth || 640));
    lastWidth = width;
    const result = spec.render(v, { width });
    plot.replaceChildren(result.figure);
    readout.replaceChildren(...(result.readout ? [result.readout] : []));
    notice.replaceChildren(
      h("strong", undefined, "What to notice: "),
      typeof spec.notice === "function" ? spec.notice(v) : spec.notice,
    );
    altText.textContent = result.summary;
    root.dataset.renders = String(++renders);
    root.dataset.renderMs = (performance.now() - started).toFixed(2);
    return result;
  }

  function changed() {
    const result = draw();
    clearTimeout(announce);
    announce = setTimeout(() => {
      live.textContent = result.summary;
    }, 500);
    clearTimeout(persist);
    persist = setTimeout(() => {
      const search = writeState(location.search, spec.id, values(), spec.controls);
      history.replaceState(history.state, "", `${location.pathname}${search}${location.hash}`);
    }, 200);
  }

  root.setValues = (next) => {
    for (const key of keys) if (key in next) spec.controls[key].value = next[key] as V[typeof key];
    changed();
  };

  // Start from the URL when it names this figure (clamped, bad values ignored).
  const initial = readState<V>(location.search, spec.id, spec.controls);
  for (const key of Object.keys(initial) as (keyof V & string)[]) spec.controls[key].value = initial[key] as V[typeof key];

  controls.addEventListener("input", changed);
  draw();
  if (typeof ResizeObserver !== "undefined") {
    new ResizeObserver(() => {
      const width = Math.floor(plot.clientWidth);
      if (width > 0 && Math.abs(width - lastWidth) > 8) draw();
    }).observe(plot);
  }
  return root;
}
