// The frame every figure lives in: title, controls, the drawing, a readout, "what to notice",
// a text alternative that speaks the current numbers, and the state in the URL.
// Figures supply controls and their anatomy (derive → draw, readout, notice, summary; see
// FigureAnatomy); this file does the rest, once:
// the toolbar (present, share, export), embedding (?embed=<id>), print and accessibility.
import type { Control } from "./controls.js";
import { composeSvg, downloadBlob, fileName, svgToPng, themeOf } from "./exportFigure.js";
import { applyFit, phoneRoom } from "./phoneFit.js";
import { sharePlotStyles } from "./plotStyles.js";
import { PRESENT_BAR_ROOM, presentZoom, registerFigure, togglePresent } from "./present.js";
import { SITE_NAME, sharePanel } from "./share.js";
import { labelSvgs } from "./svgAccessibility.js";
import { embedTarget, figureQuery, readState, writeState } from "./urlState.js";

/** The width a figure is drawn at for export: 960 CSS px, so the 2× PNG is 1920 px wide (a full-HD slide). */
export const EXPORT_WIDTH = 960;

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

const h = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

export function explorable<V extends Record<string, unknown>, M>(
  spec: FrameSpec<V> & FigureAnatomy<NoInfer<V>, M>,
): ExplorableElement;
export function explorable<V extends Record<string, unknown>>(spec: RenderSpec<V>): ExplorableElement;
export function explorable<V extends Record<string, unknown>, M>(
  spec: ExplorableSpec<V, M>,
): ExplorableElement {
  const { render } = asRender(spec);
  const keys = Object.keys(spec.controls) as (keyof V & string)[];
  const root = h("section", "explorable") as unknown as ExplorableElement;
  root.id = `fig-${spec.id}`;
  root.dataset.explorable = spec.id;
  const title = h("h3", "explorable-title", spec.title);
  title.id = `fig-${spec.id}-title`;
  root.setAttribute("aria-labelledby", title.id);
  const embedded = typeof location !== "undefined" && embedTarget(location.search) === spec.id;

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
  altText.id = `fig-${spec.id}-alt`;
  alt.append(h("summary", undefined, "Text description of this figure"), altText);
  const source = spec.source ? h("p", "explorable-source", spec.source) : null;
  // The inputs' values in words: hidden on screen (the controls show them), printed instead of the controls.
  const state = h("p", "explorable-state");

  const values = () => Object.fromEntries(keys.map((k) => [k, spec.controls[k].value])) as V;
  Object.defineProperty(root, "values", { get: values });
  Object.defineProperty(root, "value", { get: values });
  const describe = () => keys.map((k) => spec.controls[k].describe(spec.controls[k].value));
  root.describe = describe;
  const page = () => `${location.origin}${location.pathname}`;
  const link = () => `${page()}${figureQuery(spec.id, values(), spec.controls)}#${root.id}`;
  root.link = link;

  // The toolbar: present, share (link and embed code), download SVG and PNG.
  const tools = h("div", "explorable-toolbar no-print");
  tools.setAttribute("role", "group");
  tools.setAttribute("aria-label", `Tools for ${spec.title}`);
  const tool = (label: string, action: string, onClick: () => void, ariaLabel?: string) => {
    const b = h("button", "explorable-tool", label);
    b.type = "button";
    b.dataset.action = action;
    if (ariaLabel) b.setAttribute("aria-label", ariaLabel);
    b.addEventListener("click", onClick);
    return b;
  };
  const toolStatus = h("p", "explorable-tool-status");
  toolStatus.setAttribute("role", "status");
  const share = sharePanel({
    id: spec.id,
    title: spec.title,
    link,
    embedLink: () => `${page()}${figureQuery(spec.id, values(), spec.controls, { embed: spec.id })}`,
    height: () => Math.ceil(root.scrollHeight + 24),
  });
  tools.append(
    tool("Present", "present", () => togglePresent(root), "Present this figure full screen"),
    share.button,
  );
  if (spec.exportable !== false) {
    tools.append(
      tool("SVG", "export-svg", () => void exportAs("svg"), "Download SVG of this figure"),
      tool("PNG", "export-png", () => void exportAs("png"), "Download PNG of this figure (2× for slides)"),
    );
  }
  const header = h("div", "explorable-header");
  header.append(title, tools);

  // Controls and drawing side by side in present mode; on the page the two wrappers are transparent.
  const side = h("div", "explorable-side");
  side.append(controls, ...(spec.presets?.length ? [presets] : []));
  const layout = h("div", "explorable-layout");
  layout.append(side, body);
  root.append(header, share.panel, toolStatus, layout, notice, state, alt, live);
  if (source) root.append(source);
  if (embedded) {
    root.classList.add("is-embedded");
    const open = h("a", "explorable-open", `Open in the course: ${SITE_NAME} ↗`);
    open.setAttribute("target", "_blank");
    open.setAttribute("rel", "noopener");
    root.append(open);
    document.documentElement.classList.add("embed-ready");
  }

  async function exportAs(kind: "svg" | "png") {
    toolStatus.textContent = `Preparing the ${kind.toUpperCase()}…`;
    const host = h("div", "explorable-export-host");
    host.setAttribute("aria-hidden", "true");
    host.style.width = `${EXPORT_WIDTH}px`;
    root.append(host);
    try {
      let node: Node;
      try {
        node = render(values(), { width: EXPORT_WIDTH, present: false }).figure;
      } catch {
        node = plot.cloneNode(true);
      }
      host.append(node);
      const out = composeSvg(
        host,
        {
          title: spec.title,
          settings: describe(),
          site: SITE_NAME,
          url: link(),
          date: new Date().toISOString().slice(0, 10),
        },
        themeOf(root),
      );
      const name = fileName(spec.id, kind);
      if (kind === "svg") {
        downloadBlob(new Blob([out.svg], { type: "image/svg+xml" }), name);
        toolStatus.textContent = `Downloaded ${name} (${out.width} × ${out.height}).`;
      } else {
        downloadBlob(await svgToPng(out.svg, out.width, out.height, 2), name);
        toolStatus.textContent = `Downloaded ${name} (${2 * out.width} × ${2 * out.height} px).`;
      }
    } catch (error) {
      toolStatus.textContent = `The figure could not be exported: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      host.remove();
    }
  }

  let lastWidth = 0;
  /** The last drawing's width was a guess (the figure had no size yet: hidden, e.g. in a closed disclosure). */
  let widthGuessed = false;
  let presenting = false;
  let renders = 0;
  let announce: ReturnType<typeof setTimeout> | undefined;
  let persist: ReturnType<typeof setTimeout> | undefined;

  let observedWidth = 0;
  // Phones: the drawing's room (style.css bounds its box) and its layout height, which a
  // ResizeObserver reports after layout; a drawing taller than the room is scaled to fit it.
  let phoneDrawingRoom: number | undefined;
  let fitted: Element | null = null;
  let fittedHeight = 0;
  const fitObserver =
    typeof ResizeObserver === "undefined"
      ? null
      : new ResizeObserver((entries) => {
          const entry = entries[entries.length - 1];
          if (!entry || entry.target !== fitted) return;
          fittedHeight = entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height;
          applyFit(plot, phoneDrawingRoom, fittedHeight);
        });
  function watchFit() {
    const drawing = plot.childElementCount === 1 ? plot.firstElementChild : null;
    const watch = phoneDrawingRoom !== undefined ? drawing : null;
    if (watch !== fitted) {
      if (fitted) fitObserver?.unobserve(fitted);
      fitted = watch;
      // Observing reports the drawing's size once, after layout: the fit happens before paint.
      if (watch) fitObserver?.observe(watch);
    } else if (watch) {
      applyFit(plot, phoneDrawingRoom, fittedHeight);
    }
    // Not on a phone (or a drawing of several elements): no scale, the box takes its height.
    if (!watch && plot.dataset.fit) applyFit(plot, undefined, 0);
  }
  /** Present mode: room under the drawing's top edge, above the present bar (CSS px, unzoomed). */
  function presentRoom(): number | undefined {
    if (!presenting) return undefined;
    const zoom = presentZoom(innerWidth, innerHeight);
    // One layout read, on a clean layout (nothing changed since the last frame), present mode only.
    const top = plot.getBoundingClientRect().top;
    return Math.max(240, Math.floor((innerHeight - Math.max(0, top)) / zoom) - PRESENT_BAR_ROOM);
  }

  function draw() {
    const started = performance.now();
    const v = values();
    // The width comes from the ResizeObserver, so a redraw never forces a layout before it renders.
    const measured = observedWidth || Math.floor(plot.clientWidth || root.clientWidth);
    widthGuessed = !measured;
    const width = Math.max(280, measured || 640);
    lastWidth = width;
    const room = presenting ? presentRoom() : phoneRoom(plot);
    phoneDrawingRoom = presenting ? undefined : room;
    const result = render(v, { width, present: presenting, height: room });
    // Plot's per-drawing <style> restyles the whole page when inserted (≈1.5 ms per SVG): share it.
    plot.replaceChildren(sharePlotStyles(result.figure as ParentNode & Node));
    watchFit();
    labelSvgs(plot, spec.title, altText.id);
    // A figure drawn without any SVG (text and tables only) has nothing to download.
    for (const b of tools.querySelectorAll<HTMLButtonElement>("[data-action^=export-]"))
      b.hidden = !plot.querySelector("svg");
    readout.replaceChildren(...(result.readout ? [result.readout] : []));
    notice.replaceChildren(h("strong", undefined, "What to notice: "), result.notice);
    altText.textContent = result.summary;
    state.textContent = `Settings: ${describe().join(" · ")}`;
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

  controls.addEventListener("input", changed);
  // Present mode: the readout (unless it is a wide table) and "what to notice" join the controls beside the drawing.
  root.addEventListener("explorable:present", (event) => {
    presenting = (event as CustomEvent<{ on: boolean }>).detail.on;
    if (presenting) {
      if (!readout.querySelector("table")) side.append(readout);
      side.append(notice);
    } else {
      body.append(readout);
      layout.after(notice);
    }
    draw();
  });
  draw();
  registerFigure(root);
  // A link to this figure (…#fig-<id>) scrolls to it once it is on the page.
  if (location.hash === `#${root.id}` && !embedded) {
    let tries = 0;
    const scroll = () => {
      if (root.isConnected) root.scrollIntoView({ block: "start" });
      else if (++tries < 120) requestAnimationFrame(scroll);
    };
    requestAnimationFrame(scroll);
  }
  if (typeof ResizeObserver !== "undefined") {
    new ResizeObserver((entries) => {
      const width = Math.floor(entries[entries.length - 1]?.contentRect.width ?? plot.clientWidth);
      if (width > 0) observedWidth = width;
      // Redraw when the width really changed, or when the last drawing only guessed it.
      if (width > 0 && (widthGuessed || Math.abs(width - lastWidth) > 8)) draw();
    }).observe(plot);
  }
  return root;
}
