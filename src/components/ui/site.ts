// Site-wide setup, loaded on every page from the head (observablehq.config.ts): fixes to
// Framework's page shell that an accessibility audit reports, a "Skip to content" link, present
// mode's key (P), printing figures with their text descriptions, the fallback when ?embed=
// names no figure here, and a link to a section that stays on its heading while the page fills in.
import { installPresentMode } from "./present.js";

/** Framework's shell: name the sidebar toggle and the navigation landmarks; keep lists to list items. */
export function fixShell(doc: Document = document): void {
  const toggle = doc.querySelector<HTMLInputElement>("#observablehq-sidebar-toggle");
  toggle?.setAttribute("aria-label", "Show or hide the course menu");
  doc.querySelector("#observablehq-sidebar")?.setAttribute("aria-label", "Course");
  doc.querySelector("#observablehq-toc nav")?.setAttribute("aria-label", "On this page");
  doc.querySelector("#observablehq-footer nav")?.setAttribute("aria-label", "Previous and next page");
  // The sidebar's first <ol> holds the close <label> beside its <li>: a list may only hold list items.
  const close = doc.querySelector("#observablehq-sidebar-close");
  const list = close?.parentElement;
  if (list && (list.localName === "ol" || list.localName === "ul")) {
    list.setAttribute("role", "none");
    for (const li of list.querySelectorAll(":scope > li")) li.setAttribute("role", "none");
    close.setAttribute("aria-hidden", "true");
  }
}

/**
 * "Skip to content": the first Tab stop of every page, past the course menu (about twenty links)
 * to the page's own text. Hidden until it has focus. It moves focus itself rather than following
 * its #hash: the 404 page has a <base href="/">, under which the hash would lead home.
 */
export function addSkipLink(doc: Document = document): HTMLAnchorElement | null {
  const main = doc.querySelector<HTMLElement>("#observablehq-main");
  if (!main || !doc.body) return null;
  const existing = doc.querySelector<HTMLAnchorElement>("a.skip-link");
  if (existing) return existing;
  const link = doc.createElement("a");
  link.className = "skip-link";
  link.href = "#observablehq-main";
  link.textContent = "Skip to content";
  link.addEventListener("click", (event) => {
    event.preventDefault();
    if (!main.hasAttribute("tabindex")) main.setAttribute("tabindex", "-1");
    main.focus();
  });
  doc.body.prepend(link);
  return link;
}

/**
 * Observable Plot puts aria-label on <g> elements (axe: aria-prohibited-attr, serious). Figures made
 * with explorable() are fixed as they draw; this catches any other Plot chart on a page: the group
 * gets a role that may carry a name (its attribute, which CSS or code may select on, is kept).
 */
function fixPlotGroups() {
  const main = document.querySelector("#observablehq-main");
  if (!main || typeof MutationObserver === "undefined") return;
  let queued = false;
  const fix = () => {
    queued = false;
    for (const g of main.querySelectorAll(
      "svg g[aria-label]:not([role]), svg g[aria-description]:not([role])",
    )) {
      g.setAttribute("role", "group");
    }
  };
  new MutationObserver(() => {
    if (!queued) {
      queued = true;
      requestAnimationFrame(fix);
    }
  }).observe(main, { childList: true, subtree: true });
  fix();
}

/** Print: open every figure's text description (the numbers in words), and restore afterwards. */
function setupPrint() {
  let opened: HTMLDetailsElement[] = [];
  addEventListener("beforeprint", () => {
    opened = [...document.querySelectorAll<HTMLDetailsElement>("details.explorable-alt:not([open])")];
    for (const d of opened) d.open = true;
  });
  addEventListener("afterprint", () => {
    for (const d of opened) d.open = false;
    opened = [];
  });
}

/** ?embed=<id> hides the page around one figure; if no such figure appears, show the page with a note. */
function setupEmbedFallback() {
  const root = document.documentElement;
  if (!root.classList.contains("embed-mode")) return;
  const give = () => {
    if (root.classList.contains("embed-ready")) return;
    root.classList.remove("embed-mode");
    const id = new URLSearchParams(location.search).get("embed") ?? "";
    const note = document.createElement("div");
    note.className = "warning embed-missing";
    note.setAttribute("role", "status");
    note.textContent = `This link asked for the figure “${id.slice(0, 64)}” alone, but this page has no figure by that name (it may have been renamed). Here is the whole page instead.`;
    document.querySelector("#observablehq-main")?.prepend(note);
  };
  // Figures render as the page's cells run; give them time, then fall back.
  if (document.readyState === "complete") setTimeout(give, 4000);
  else addEventListener("load", () => setTimeout(give, 4000));
}

/**
 * A link to a section (#heading): the browser scrolls to the heading as the HTML arrives, before
 * the page's cells have drawn the figures above it, which then push it down the page (Chromium 150
 * left it 3,500 px below the screen on Lesson 2). Keep the heading at the top while the page fills
 * in — until the reader scrolls, touches or presses a key, or for 5 s. A link to a figure
 * (#fig-…) is the figure's own business (explorable.ts).
 */
function holdHashTarget() {
  const id = decodeURIComponent(location.hash.slice(1));
  const main = document.querySelector("#observablehq-main");
  if (!id || id.startsWith("fig-") || !main || typeof ResizeObserver === "undefined") return;
  const events = ["wheel", "touchstart", "keydown", "pointerdown"] as const;
  const observer = new ResizeObserver(() => document.getElementById(id)?.scrollIntoView({ block: "start" }));
  const release = () => {
    observer.disconnect();
    for (const e of events) removeEventListener(e, release, true);
  };
  for (const e of events) addEventListener(e, release, { capture: true, passive: true });
  observer.observe(main);
  setTimeout(release, 5000);
}

/**
 * On a narrow screen the sidebar slides in while it holds focus, over a backdrop that catches a
 * click outside it. Framework showed the backdrop with a `:has()` rule, which the site leaves out
 * (scripts/vendorStyle.ts: every `:has()` rule slows every DOM change); the class does the same.
 */
function sidebarBackdrop() {
  const sidebar = document.getElementById("observablehq-sidebar");
  const backdrop = document.getElementById("observablehq-sidebar-backdrop");
  if (!sidebar || !backdrop) return;
  const set = () => backdrop.classList.toggle("sidebar-focused", sidebar.matches(":focus-within"));
  sidebar.addEventListener("focusin", set);
  sidebar.addEventListener("focusout", () => setTimeout(set));
}

if (typeof document !== "undefined") {
  fixShell();
  sidebarBackdrop();
  addSkipLink();
  fixPlotGroups();
  setupPrint();
  setupEmbedFallback();
  holdHashTarget();
  installPresentMode();
}
