// Lazy figures: a page holds each figure's place with a light placeholder and imports, builds and
// draws the figure only when the reader comes near it — so a lesson's first screen loads the page
// and its prose, not Plot and a dozen simulations. The placeholder is a Framework input from the
// start (`view(lazyFigure(…))` works): it has the figure's default values until the figure
// arrives; then it forwards the figure's `value` and
// `input` events. A figure the URL asks for (`#fig-<id>`, `?embed=<id>`, its state in the query)
// and every figure once present mode starts are built at once.
import { html } from "htl";
import type { ExplorableElement } from "./explorable.js";
import { enterPresent, registerFigure } from "./present.js";
import { embedTarget } from "./urlState.js";

/** How far ahead of the viewport a figure starts loading: a little over half a screen below (and above). */
export const LAZY_MARGIN = "60% 0px 60% 0px";

export interface LazyOptions<V extends Record<string, unknown>> {
  /** The figure's id (its `explorable({id})`): the placeholder answers to `#fig-<id>` meanwhile. */
  id: string;
  /** The figure's title, shown while it loads (and listed by "Figures on this page"). */
  title: string;
  /** The figure's default control values, for `view()` before it arrives (a test checks they agree). */
  value?: V;
  /**
   * The height (CSS px) to hold before the figure arrives: [wide page, phone], the built figure's
   * height at 1280×800 and 390×844 (layoutShift.test.ts holds each within 40 px of it).
   */
  reserve?: readonly [number, number];
}

export interface LazyFigureElement extends HTMLElement {
  /** The figure's values: the defaults (or the URL's) until it arrives, then its own. */
  readonly value: Record<string, unknown> | undefined;
  /** The built figure, or null while it loads. */
  readonly figure: ExplorableElement | HTMLElement | null;
  /** Build the figure now (idempotent); resolves to it. */
  load(): Promise<ExplorableElement | HTMLElement>;
  /** Resolves to the figure once it is built (by the reader coming near it, or `load`), without forcing it. */
  whenBuilt(): Promise<ExplorableElement | HTMLElement>;
}

/** Does the page's URL ask for figure `id` itself (a link to it, an embed, or its state)? */
export function urlNamesFigure(id: string, { search, hash }: { search: string; hash: string }): boolean {
  if (hash === `#fig-${id}` || embedTarget(search) === id) return true;
  try {
    for (const key of new URLSearchParams(search).keys()) if (key.startsWith(`${id}.`)) return true;
  } catch {}
  return false;
}

/**
 * Call `then` once `element` comes within LAZY_MARGIN of the viewport. Observing starts when the
 * element is in the document (a page's cell displays it after making it).
 */
export function whenNear(element: HTMLElement, then: () => void): IntersectionObserver {
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        then();
      }
    },
    { rootMargin: LAZY_MARGIN },
  );
  const start = () => {
    if (element.isConnected) observer.observe(element);
    else requestAnimationFrame(start);
  };
  start();
  return observer;
}

const pending = new Set<LazyFigureElement>();
let presentHooked = false;

/** Present mode shows every figure in turn, and print shows them all: build them all when either starts. */
function hookPresent() {
  if (presentHooked || typeof document === "undefined") return;
  presentHooked = true;
  const loadAll = () => {
    for (const p of [...pending]) void p.load().catch(() => {});
  };
  document.addEventListener("present", (event) => {
    if ((event as CustomEvent<{ on: boolean }>).detail?.on) loadAll();
  });
  // Printing: start every figure (one drawn by the time the print preview refreshes is printed).
  addEventListener("beforeprint", loadAll);
}

/**
 * A figure built when it comes near the viewport: `load` imports its module and makes it, e.g.
 * `lazyFigure(() => import("../components/figures/ciWidth.js").then((m) => m.ciWidthFigure(data)), {id, title, value})`.
 */
export function lazyFigure<V extends Record<string, unknown>>(
  load: () => Promise<ExplorableElement | HTMLElement>,
  { id, title, value, reserve = [640, 900] }: LazyOptions<V>,
): LazyFigureElement {
  // The defaults. A link that names the figure's state builds the figure at once, and its own
  // values — read from the URL and clamped by the frame — replace these as soon as it arrives
  // (the placeholder never passes on unchecked URL text: a hand-edited n = 10^200 once reached a
  // live sentence).
  const initial = value;
  const placeholder =
    html`<section class="explorable explorable-pending" id=${`fig-${id}`} data-explorable=${id}
    aria-labelledby=${`fig-${id}-title`} aria-busy="true">
    <h3 class="explorable-title" id=${`fig-${id}-title`}>${title}</h3>
    <p class="explorable-loading">Drawing the figure…</p>
  </section>` as HTMLElement;
  const root =
    html`<div class="lazy-figure" data-lazy=${id}>${placeholder}</div>` as unknown as LazyFigureElement;
  root.style.setProperty("--reserve-wide", `${reserve[0]}px`);
  root.style.setProperty("--reserve-phone", `${reserve[1]}px`);
  let figure: ExplorableElement | HTMLElement | null = null;
  let loading: Promise<ExplorableElement | HTMLElement> | null = null;
  let observer: IntersectionObserver | null = null;
  let resolveBuilt!: (figure: ExplorableElement | HTMLElement) => void;
  const whenBuilt = new Promise<ExplorableElement | HTMLElement>((resolve) => {
    resolveBuilt = resolve;
  });
  root.whenBuilt = () => whenBuilt;

  Object.defineProperty(root, "value", {
    get: () => (figure && "value" in figure ? (figure as ExplorableElement).value : initial),
  });
  Object.defineProperty(root, "figure", { get: () => figure });
  root.load = () => {
    loading ??= load().then(
      (built) => {
        figure = built;
        pending.delete(root);
        observer?.disconnect();
        const presented = placeholder.classList.contains("is-presented");
        placeholder.replaceWith(built);
        root.classList.add("is-built");
        // The figure's own values (clamped, or changed since) replace the placeholder's.
        if (initial !== undefined) root.dispatchEvent(new Event("input", { bubbles: true }));
        if (presented) enterPresent(built);
        resolveBuilt(built);
        return built;
      },
      (error: unknown) => {
        loading = null;
        const message = error instanceof Error ? error.message : String(error);
        placeholder.querySelector(".explorable-loading")!.textContent =
          `This figure could not be loaded (${message}). Reload the page to try again.`;
        placeholder.removeAttribute("aria-busy");
        throw error;
      },
    );
    return loading;
  };

  pending.add(root);
  hookPresent();
  // The page's "Present" button comes with the first figure, placeholder or not (its place is held).
  registerFigure(placeholder);
  // A presented placeholder (present mode stepped onto it) is built at once and takes its place.
  placeholder.addEventListener("explorable:present", () => void root.load().catch(() => {}));
  if (urlNamesFigure(id, location) || typeof IntersectionObserver === "undefined") {
    queueMicrotask(() => void root.load().catch(() => {}));
  } else {
    observer = whenNear(root, () => void root.load().catch(() => {}));
  }
  return root;
}

/**
 * A block that is not a figure (a table, say) built when it comes near the viewport; its module is
 * imported then. Inside a closed "Go deeper" disclosure it waits until the disclosure opens.
 */
export function lazyBlock(
  load: () => Promise<Node>,
  { reserve = 320 }: { reserve?: number } = {},
): HTMLElement & { load(): Promise<void> } {
  const root =
    html`<div class="lazy-block"><p class="explorable-loading">Loading…</p></div>` as unknown as HTMLElement & {
      load(): Promise<void>;
    };
  root.style.minHeight = `${reserve}px`;
  let loading: Promise<void> | null = null;
  root.load = () =>
    (loading ??= load().then(
      (node) => {
        root.replaceChildren(node);
        root.style.minHeight = "";
      },
      (error: unknown) => {
        root.firstElementChild!.textContent = `This part could not be loaded (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`;
      },
    ));
  if (typeof IntersectionObserver === "undefined") queueMicrotask(() => void root.load());
  else whenNear(root, () => void root.load());
  return root;
}
