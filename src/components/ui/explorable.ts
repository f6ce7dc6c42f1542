// The frame every figure lives in: title, controls, the drawing, a readout, "what to notice",
// a text alternative that speaks the current numbers, and the state in the URL.
// Figures supply controls and their anatomy (derive → draw, readout, notice, summary; see
// FigureAnatomy); this file does the rest, once:
// the toolbar (present, share, export), embedding (?embed=<id>), print and accessibility.

import { html } from "htl";
import type { Control } from "./controls.js";
import { exportFigureFile } from "./exportFigure.js";
import { setText } from "./inPlace.js";
import { drawingFitter, phoneRoom } from "./phoneFit.js";
import { sharePlotStyles } from "./plotStyles.js";
import { PRESENT_BAR_ROOM, presentZoom, registerFigure, togglePresent } from "./present.js";
import { SITE_NAME, sharePanel } from "./share.js";
import { labelSvgs } from "./svgAccessibility.js";
import { embedTarget, figureQuery, readState, writeState } from "./urlState.js";

export interface RenderResult {
  /** The drawing (usually a Plot SVG or figure element). */
  figure: Node;
  /** Plain-text description of what the figure shows with the current numbers. */
  summary: string;
  /** Numbers and verdicts shown beside the drawing (elements with data-readout are read by tests). */
  readout?: Node;
}

export interface RenderContext {
  /** The width to draw at, in CSS px. */
  width: number;
  /** True while the figure is shown in present mode (scaled up on a projector); optional to use. */
  present?: boolean;
  /**
   * The height (CSS px) the drawing has on the screen: in present mode, from the top of the drawing
   * to the present bar (before the projector zoom); on a phone, the drawing's box, which stays at
   * the top of the screen above its controls (about half the screen). Draw within it and the whole
   * drawing is in view at once (a taller one is scaled down a little, then scrolls inside its box).
   * Undefined on a wider page, where the reader scrolls.
   */
  height?: number;
  /**
   * True when the frame asks for a drawing to keep apart from the page (an export at its own
   * width). A figure that updates its drawing in place across redraws builds a new one then.
   */
  copy?: boolean;
}

/**
 * A figure's anatomy: one pure step that computes, four that only present what it computed.
 *
 * - `derive(values) → model`: every number the figure shows, from the control values and the data
 *   the figure was made with. Pure, no DOM: unit-test it against independent values.
 * - `draw(model, {width, present, height})`: the drawing (usually one `Plot.plot`), nothing else.
 * - `readout(model)`: the numbers beside the drawing (htl `html`; `data-readout` marks what tests read).
 * - `notice(model)`: "What to notice", computed from the model (a largest or first is the current one).
 * - `summary(model)`: the text alternative that states the current numbers.
 *
 * The frame calls them in that order on every change, and `summary` again for the live region.
 */
export interface FigureAnatomy<V, M> {
  derive(values: V): M;
  draw(model: M, context: RenderContext): Node;
  readout?(model: M): Node | null;
  notice(model: M): string | Node;
  summary(model: M): string;
}

interface FrameSpec<V extends Record<string, unknown>> {
  /** Short, URL-safe id, unique on the site, e.g. "ci-width". */
  id: string;
  title: string;
  controls: { [K in keyof V]: Control<V[K]> };
  presets?: readonly { label: string; values: Partial<NoInfer<V>> }[];
  /** Where the numbers come from, shown under the figure. */
  source?: string;
  /** Offer SVG/PNG downloads (default true; set false for a figure that draws no SVG). */
  exportable?: boolean;
}

/** A figure not yet split into its anatomy: one `render` that does all four steps. Being retired. */
interface RenderSpec<V extends Record<string, unknown>> extends FrameSpec<V> {
  /** One line: what to notice. */
  notice: string | ((values: NoInfer<V>) => string);
  render(values: NoInfer<V>, context: RenderContext): RenderResult;
}

export type ExplorableSpec<V extends Record<string, unknown>, M = unknown> =
  | (FrameSpec<V> & FigureAnatomy<NoInfer<V>, M>)
  | RenderSpec<V>;

/** The anatomy's five steps as the frame's one `render` (and `notice`) call. */
function asRender<V extends Record<string, unknown>, M>(
  spec: ExplorableSpec<V, M>,
): {
  render: (values: V, context: RenderContext) => RenderResult & { notice: string | Node };
} {
  if ("render" in spec) {
    const { render, notice } = spec;
    return {
      render: (values, context) => ({
        ...render(values, context),
        notice: typeof notice === "function" ? notice(values) : notice,
      }),
    };
  }
  return {
    render(values, context) {
      const model = spec.derive(values);
      return {
        figure: spec.draw(model, context),
        readout: spec.readout?.(model) ?? undefined,
        notice: spec.notice(model),
        summary: spec.summary(model),
      };
    },
  };
}

export interface ExplorableElement extends HTMLElement {
  /** Current values of the controls. */
  readonly values: Record<string, unknown>;
  /**
   * The same values: a figure is a Framework input (`view(figure)`). It dispatches a bubbling
   * `input` event whenever they change — a control, a preset, `setValues` or the URL.
   */
  readonly value: Record<string, unknown>;
  /** Set some values (as a preset or a test would) and redraw. */
  setValues(values: Record<string, unknown>): void;
  /** Each input's current value for people, e.g. "Questions in the test set (N): 1,319". */
  describe(): string[];
  /** The link that reopens this figure in its current state. */
  link(): string;
}

/** The frame's parts, built once: everything but the drawing, the readout and the texts. */
function frameParts(spec: FrameSpec<Record<string, unknown>>, keys: readonly string[]) {
  const root = html`<section class="explorable" id=${`fig-${spec.id}`} data-explorable=${spec.id}
    aria-labelledby=${`fig-${spec.id}-title`}></section>` as unknown as ExplorableElement;
  const controls = html`<div class="explorable-controls" role="group"
    aria-label=${`Controls for ${spec.title}`}>${keys.map((k) => spec.controls[k]!.element)}</div>`;
  const presets = spec.presets?.length
    ? html`<div class="explorable-presets"><span class="explorable-presets-label">Try:</span>${spec.presets.map(
        (preset) =>
          html`<button type="button" class="preset" onclick=${() => root.setValues(preset.values)}>${preset.label}</button>`,
      )}</div>`
    : null;
  const plot: HTMLElement = html`<div class="explorable-figure"></div>`;
  const readout: HTMLElement = html`<div class="explorable-readout"></div>`;
  const body = html`<div class="explorable-body">${plot}${readout}</div>`;
  const side = html`<div class="explorable-side">${controls}${presets}</div>`;
  // Controls and drawing side by side in present mode; on the page the two wrappers are transparent.
  const layout = html`<div class="explorable-layout">${side}${body}</div>`;
  const altText: HTMLElement = html`<p id=${`fig-${spec.id}-alt`}></p>`;
  return {
    root,
    controls,
    plot,
    readout,
    body,
    side,
    layout,
    altText,
    notice: html`<p class="explorable-notice"></p>` as HTMLElement,
    noticeLead: html`<strong>What to notice: </strong>` as HTMLElement,
    live: html`<p class="sr-only" aria-live="polite"></p>` as HTMLElement,
    alt: html`<details class="explorable-alt"><summary>Text description of this figure</summary>${altText}</details>`,
    source: spec.source ? html`<p class="explorable-source">${spec.source}</p>` : null,
    // The inputs' values in words: hidden on screen (the controls show them), printed instead of the controls.
    state: html`<p class="explorable-state"></p>` as HTMLElement,
    toolStatus: html`<p class="explorable-tool-status" role="status"></p>` as HTMLElement,
  };
}

/** The toolbar: present, share (link and embed code), download SVG and PNG. */
function toolbar(
  spec: FrameSpec<Record<string, unknown>>,
  o: { root: HTMLElement; share: HTMLElement; exportAs: (kind: "svg" | "png") => void },
): HTMLElement {
  const tool = (label: string, action: string, onClick: () => void, ariaLabel: string) =>
    html`<button type="button" class="explorable-tool" data-action=${action} aria-label=${ariaLabel}
      onclick=${onClick}>${label}</button>`;
  return html`<div class="explorable-toolbar no-print" role="group" aria-label=${`Tools for ${spec.title}`}>${[
    tool("Present", "present", () => togglePresent(o.root), "Present this figure full screen"),
    o.share,
    ...(spec.exportable !== false
      ? [
          tool("SVG", "export-svg", () => o.exportAs("svg"), "Download SVG of this figure"),
          tool("PNG", "export-png", () => o.exportAs("png"), "Download PNG of this figure (2× for slides)"),
        ]
      : []),
  ]}</div>`;
}

/** Present mode: room under the drawing's top edge, above the present bar (CSS px, unzoomed). */
function presentRoom(plot: HTMLElement): number {
  const zoom = presentZoom(innerWidth, innerHeight);
  // One layout read, on a clean layout (nothing changed since the last frame), present mode only.
  const top = plot.getBoundingClientRect().top;
  return Math.max(240, Math.floor((innerHeight - Math.max(0, top)) / zoom) - PRESENT_BAR_ROOM);
}

/** Present mode: the readout (unless it is a wide table) and "what to notice" join the controls beside the drawing. */
function presentLayout(parts: ReturnType<typeof frameParts>, on: boolean) {
  if (on) {
    if (!parts.readout.querySelector("table")) parts.side.append(parts.readout);
    parts.side.append(parts.notice);
  } else {
    parts.body.append(parts.readout);
    parts.layout.after(parts.notice);
  }
}

/**
 * "What to notice", the text description and the settings line, each written only when its text
 * changes: an unchanged notice rewritten cost ≈ 1 ms of layout on Lesson 2, on every input.
 */
function writeTexts(
  parts: ReturnType<typeof frameParts>,
  result: { notice: string | Node; summary: string },
  settings: string,
) {
  const { notice } = parts;
  const rest = notice.childNodes[1];
  if (
    typeof result.notice === "string" &&
    notice.childNodes.length === 2 &&
    rest?.nodeType === Node.TEXT_NODE
  )
    setText(rest, result.notice);
  else notice.replaceChildren(parts.noticeLead, result.notice);
  setText(parts.altText, result.summary);
  setText(parts.state, settings);
}

/** Calls `then(width)` with the box's width whenever a ResizeObserver reports a non-zero one. */
function onWidth(box: HTMLElement, then: (width: number) => void) {
  if (typeof ResizeObserver === "undefined") return;
  new ResizeObserver((entries) => {
    const width = Math.floor(entries[entries.length - 1]?.contentRect.width ?? box.clientWidth);
    if (width > 0) then(width);
  }).observe(box);
}

/** A link to this figure (…#fig-<id>) scrolls to it once it is on the page. */
function scrollWhenAttached(root: HTMLElement) {
  let tries = 0;
  const scroll = () => {
    if (root.isConnected) root.scrollIntoView({ block: "start" });
    else if (++tries < 120) requestAnimationFrame(scroll);
  };
  requestAnimationFrame(scroll);
}

export function explorable<V extends Record<string, unknown>, M>(
  spec: FrameSpec<V> & FigureAnatomy<NoInfer<V>, M>,
): ExplorableElement;
export function explorable<V extends Record<string, unknown>>(spec: RenderSpec<V>): ExplorableElement;
export function explorable<V extends Record<string, unknown>, M>(
  spec: ExplorableSpec<V, M>,
): ExplorableElement {
  const { render } = asRender(spec);
  const keys = Object.keys(spec.controls) as (keyof V & string)[];
  const frame = spec as unknown as FrameSpec<Record<string, unknown>>;
  const parts = frameParts(frame, keys);
  const { root, plot, readout, notice, altText, state, live } = parts;
  const embedded = typeof location !== "undefined" && embedTarget(location.search) === spec.id;

  const values = () => Object.fromEntries(keys.map((k) => [k, spec.controls[k].value])) as V;
  Object.defineProperty(root, "values", { get: values });
  Object.defineProperty(root, "value", { get: values });
  const describe = () => keys.map((k) => spec.controls[k].describe(spec.controls[k].value));
  root.describe = describe;
  const page = () => `${location.origin}${location.pathname}`;
  const link = () => `${page()}${figureQuery(spec.id, values(), spec.controls)}#${root.id}`;
  root.link = link;

  const share = sharePanel({
    id: spec.id,
    title: spec.title,
    link,
    embedLink: () => `${page()}${figureQuery(spec.id, values(), spec.controls, { embed: spec.id })}`,
    height: () => Math.ceil(root.scrollHeight + 24),
  });
  const exportAs = (kind: "svg" | "png") =>
    void exportFigureFile({
      kind,
      root,
      id: spec.id,
      caption: {
        title: spec.title,
        settings: describe(),
        site: SITE_NAME,
        url: link(),
        date: new Date().toISOString().slice(0, 10),
      },
      drawAt: (width) => render(values(), { width, present: false, copy: true }).figure,
      fallback: () => plot.cloneNode(true),
      status: (text) => {
        parts.toolStatus.textContent = text;
      },
    });
  const tools = toolbar(frame, { root, share: share.button, exportAs });
  const title = html`<h3 class="explorable-title" id=${`fig-${spec.id}-title`}>${spec.title}</h3>`;
  root.append(
    html`<div class="explorable-header">${title}${tools}</div>`,
    share.panel,
    parts.toolStatus,
    parts.layout,
    notice,
    state,
    parts.alt,
    live,
  );
  if (parts.source) root.append(parts.source);
  if (embedded) {
    root.classList.add("is-embedded");
    root.append(
      html`<a class="explorable-open" target="_blank" rel="noopener">Open in the course: ${SITE_NAME} ↗</a>`,
    );
    document.documentElement.classList.add("embed-ready");
  }

  const fitter = drawingFitter(plot);
  let lastWidth = 0;
  /** The last drawing's width was a guess (the figure had no size yet: hidden, e.g. in a closed disclosure). */
  let widthGuessed = false;
  let observedWidth = 0;
  let presenting = false;
  let renders = 0;
  let announce: ReturnType<typeof setTimeout> | undefined;
  let persist: ReturnType<typeof setTimeout> | undefined;

  function draw() {
    const started = performance.now();
    // The width comes from the ResizeObserver, so a redraw never forces a layout before it renders.
    const measured = observedWidth || Math.floor(plot.clientWidth || root.clientWidth);
    widthGuessed = !measured;
    const width = Math.max(280, measured || 640);
    lastWidth = width;
    const room = presenting ? presentRoom(plot) : phoneRoom(plot);
    const result = render(values(), { width, present: presenting, height: room });
    // Plot's per-drawing <style> restyles the whole page when inserted (≈1.5 ms per SVG): share it.
    // A figure that updates its drawing in place returns the same node: leave it where it is (such
    // a figure passes each Plot drawing it puts in through sharePlotStyles itself).
    if (plot.childNodes.length !== 1 || plot.firstChild !== result.figure)
      plot.replaceChildren(sharePlotStyles(result.figure as ParentNode & Node));
    fitter.fit(presenting ? undefined : room);
    labelSvgs(plot, spec.title, altText.id);
    // A figure drawn without any SVG (text and tables only) has nothing to download.
    for (const b of tools.querySelectorAll<HTMLButtonElement>("[data-action^=export-]"))
      b.hidden = !plot.querySelector("svg");
    // Likewise a readout kept across redraws (updated in place) stays where it is.
    if (!result.readout) readout.replaceChildren();
    else if (readout.childNodes.length !== 1 || readout.firstChild !== result.readout)
      readout.replaceChildren(result.readout);
    writeTexts(parts, result, `Settings: ${describe().join(" · ")}`);
    if (embedded) root.querySelector(".explorable-open")?.setAttribute("href", link());
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
      share.refresh();
    }, 200);
  }

  root.setValues = (next) => {
    for (const key of keys) if (key in next) spec.controls[key].value = next[key] as V[typeof key];
    changed();
    // A control's own input event bubbles out of the figure; a preset or setValues says so itself.
    root.dispatchEvent(new Event("input", { bubbles: true }));
  };

  // Start from the URL when it names this figure (clamped, bad values ignored).
  const initial = readState<V>(location.search, spec.id, spec.controls);
  for (const key of Object.keys(initial) as (keyof V & string)[])
    spec.controls[key].value = initial[key] as V[typeof key];

  parts.controls.addEventListener("input", changed);
  root.addEventListener("explorable:present", (event) => {
    presenting = (event as CustomEvent<{ on: boolean }>).detail.on;
    presentLayout(parts, presenting);
    draw();
  });
  draw();
  registerFigure(root);
  if (location.hash === `#${root.id}` && !embedded) scrollWhenAttached(root);
  onWidth(plot, (width) => {
    observedWidth = width;
    // Redraw when the width really changed, or when the last drawing only guessed it.
    if (widthGuessed || Math.abs(width - lastWidth) > 8) draw();
  });
  return root;
}
