// Present mode, for an instructor at a projector: the page's figures fill the screen one at a
// time, with type scaled up to be read from the back of a room. A button and the key P turn it
// on; ← → (and PageUp/PageDown, Home/End) step between figures, except while a control that
// uses the arrow keys has focus; Esc leaves. It works on every figure built with explorable(),
// found in the page by their data-explorable attribute: no figure has to opt in.
import { html } from "htl";

const FIGURE = "section.explorable[data-explorable]";
/** The logical width a presented figure is laid out in; the zoom scales it to the screen. */
const LOGICAL_WIDTH = 1060;
const LOGICAL_HEIGHT = 600;

let installed = false;
let current: HTMLElement | null = null;
let returnFocus: HTMLElement | null = null;
let bar: HTMLElement | null = null;
let pageButton: HTMLElement | null = null;
let status: HTMLElement | null = null;

/** The figures on the page, in reading order. */
export function figures(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(FIGURE)].filter(
    (f) => f.isConnected && !f.closest("[hidden]"),
  );
}

export function isPresenting(): boolean {
  return current !== null;
}

/** The presented figure's bottom padding, which the present bar covers (CSS px: style.css's 4rem). */
export const PRESENT_BAR_ROOM = 64;

/** The zoom that makes a LOGICAL_WIDTH × LOGICAL_HEIGHT layout fill the viewport (never below 1). */
export function presentZoom(width: number, height: number): number {
  const z = Math.min(width / LOGICAL_WIDTH, height / LOGICAL_HEIGHT);
  return Math.round(Math.min(3, Math.max(1, z)) * 100) / 100;
}

/** A key press that belongs to a text field (so P is typed, not a command). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !["button", "submit", "reset", "checkbox", "radio", "range", "color", "file", "image"].includes(
      target.type,
    );
  }
  return false;
}

/** A control that itself answers the arrow keys (sliders, radios, selects, text), where arrows must not change figure. */
export function usesArrows(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (isTyping(target)) return true;
  if (target instanceof HTMLInputElement && (target.type === "range" || target.type === "radio")) return true;
  const role = target.getAttribute("role");
  return (
    role === "slider" || role === "radio" || role === "spinbutton" || role === "listbox" || role === "tab"
  );
}

function titleOf(fig: HTMLElement): string {
  return fig.querySelector(".explorable-title")?.textContent?.trim() || "Figure";
}

function button(
  label: string,
  className: string,
  onClick: () => void,
  ariaLabel?: string,
): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.className = className;
  b.textContent = label;
  if (ariaLabel) b.setAttribute("aria-label", ariaLabel);
  b.addEventListener("click", onClick);
  return b;
}

function ensureBar(): HTMLElement {
  if (bar) return bar;
  bar = document.createElement("nav");
  bar.className = "present-bar";
  bar.setAttribute("aria-label", "Present mode");
  const position = document.createElement("span");
  position.className = "present-position";
  status = document.createElement("p");
  status.className = "sr-only";
  status.setAttribute("aria-live", "polite");
  const keys = document.createElement("span");
  keys.className = "present-keys";
  keys.textContent = "← → figures · Esc leaves";
  bar.append(
    button("◀ Previous", "present-prev", () => step(-1), "Previous figure"),
    position,
    button("Next ▶", "present-next", () => step(1), "Next figure"),
    keys,
    button("Full screen", "present-fullscreen", toggleFullscreen),
    button("Exit ✕", "present-exit", leavePresent, "Exit present mode"),
    status,
  );
  document.body.append(bar);
  return bar;
}

function toggleFullscreen() {
  if (document.fullscreenElement) void document.exitFullscreen?.();
  else void document.documentElement.requestFullscreen?.().catch(() => {});
}

/** Tell a figure it is (no longer) presented, so it can lay itself out for the screen. */
function signal(fig: HTMLElement, on: boolean) {
  fig.dispatchEvent(new CustomEvent("explorable:present", { detail: { on } }));
}

function updateZoom() {
  document.documentElement.style.setProperty("--present-zoom", String(presentZoom(innerWidth, innerHeight)));
}

function show(fig: HTMLElement, announce = true) {
  const all = figures();
  if (current && current !== fig) {
    current.classList.remove("is-presented");
    signal(current, false);
  }
  const changed = current !== fig;
  current = fig;
  // A figure behind a closed "Go deeper" disclosure is opened to be shown (a closed <details> hides it).
  for (let d = fig.closest("details"); d; d = d.parentElement?.closest("details") ?? null) d.open = true;
  fig.classList.add("is-presented");
  if (changed) signal(fig, true);
  fig.scrollTop = 0;
  if (!fig.hasAttribute("tabindex")) fig.setAttribute("tabindex", "-1");
  fig.focus({ preventScroll: true });
  const i = all.indexOf(fig);
  const b = ensureBar();
  const position = b.querySelector(".present-position")!;
  position.textContent = `Figure ${i + 1} of ${all.length}`;
  (b.querySelector(".present-prev") as HTMLButtonElement).disabled = i <= 0;
  (b.querySelector(".present-next") as HTMLButtonElement).disabled = i >= all.length - 1;
  document.documentElement.dataset.presentIndex = String(i + 1);
  if (announce && status) status.textContent = `Figure ${i + 1} of ${all.length}: ${titleOf(fig)}`;
}

/** The figure to start from: the one holding focus, else the one most in view. */
function startingFigure(all: HTMLElement[]): HTMLElement | undefined {
  const focused = document.activeElement?.closest<HTMLElement>(FIGURE);
  if (focused && all.includes(focused)) return focused;
  let best: HTMLElement | undefined;
  let bestVisible = 0;
  for (const f of all) {
    const r = f.getBoundingClientRect();
    const visible = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
    if (visible > bestVisible) {
      best = f;
      bestVisible = visible;
    }
  }
  return best ?? all[0];
}

export function enterPresent(target?: HTMLElement): void {
  const all = figures();
  const fig = target && all.includes(target) ? target : startingFigure(all);
  if (!fig) {
    flash("This page has no figures to present.");
    return;
  }
  if (!current) returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  updateZoom();
  document.documentElement.classList.add("presenting");
  ensureBar().hidden = false;
  show(fig, false);
  if (status) {
    status.textContent = `Present mode. Figure ${all.indexOf(fig) + 1} of ${all.length}: ${titleOf(fig)}. Arrow keys move between figures; Escape leaves.`;
  }
  pageButton?.setAttribute("aria-pressed", "true");
  document.dispatchEvent(new CustomEvent("present", { detail: { on: true } }));
}

export function leavePresent(): void {
  if (!current) return;
  const fig = current;
  fig.classList.remove("is-presented");
  signal(fig, false);
  current = null;
  document.documentElement.classList.remove("presenting");
  delete document.documentElement.dataset.presentIndex;
  if (bar) bar.hidden = true;
  if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => {});
  pageButton?.setAttribute("aria-pressed", "false");
  fig.scrollIntoView({ block: "start" });
  // Back to where the reader was, if that was in this figure; otherwise to the figure itself.
  const back = returnFocus && fig.contains(returnFocus) ? returnFocus : fig;
  back.focus({ preventScroll: true });
  returnFocus = null;
  document.dispatchEvent(new CustomEvent("present", { detail: { on: false } }));
}

export function togglePresent(target?: HTMLElement): void {
  if (current) leavePresent();
  else enterPresent(target);
}

/** Move by `delta` figures (clamped to the first and last). */
export function step(delta: number): void {
  if (!current) return;
  const all = figures();
  const i = all.indexOf(current);
  const next = all[Math.min(all.length - 1, Math.max(0, Math.max(i, 0) + delta))];
  if (next && next !== current) show(next);
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** Keep Tab inside the presented figure and the bar, cycling like a dialog. */
function trapFocus(event: KeyboardEvent) {
  if (!current) return;
  const inside = [current, bar].flatMap((el) => (el ? [...el.querySelectorAll<HTMLElement>(FOCUSABLE)] : []));
  const focusable = inside.filter(
    (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility === "visible",
  );
  if (!focusable.length) return;
  const first = focusable[0]!;
  const last = focusable[focusable.length - 1]!;
  const active = document.activeElement as HTMLElement | null;
  const outside = !active || !focusable.includes(active);
  if (event.shiftKey && (active === first || outside)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || outside)) {
    event.preventDefault();
    first.focus();
  }
}

function flash(message: string) {
  const note = document.createElement("p");
  note.className = "present-flash";
  note.setAttribute("role", "status");
  note.textContent = message;
  document.body.append(note);
  setTimeout(() => note.remove(), 3000);
}

function onKey(event: KeyboardEvent) {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if ((event.key === "p" || event.key === "P") && !isTyping(target)) {
    if (document.documentElement.classList.contains("embed-mode")) return;
    event.preventDefault();
    togglePresent();
    return;
  }
  if (!current) return;
  if (event.key === "Tab") {
    trapFocus(event);
    return;
  }
  if (event.key === "Escape") {
    event.preventDefault();
    leavePresent();
    return;
  }
  if (usesArrows(target)) return;
  const moves: Record<string, () => void> = {
    ArrowRight: () => step(1),
    ArrowDown: () => step(1),
    PageDown: () => step(1),
    ArrowLeft: () => step(-1),
    ArrowUp: () => step(-1),
    PageUp: () => step(-1),
    Home: () => step(-Infinity),
    End: () => step(Infinity),
  };
  const move = moves[event.key];
  if (move) {
    event.preventDefault();
    move();
  }
}

/** Scroll to a figure on the page and give it focus: the next Tab reaches its first tool. */
export function jumpToFigure(fig: HTMLElement): void {
  if (!fig.hasAttribute("tabindex")) fig.setAttribute("tabindex", "-1");
  fig.scrollIntoView({ block: "start" });
  fig.focus({ preventScroll: true });
}

/**
 * "Figures on this page": a disclosure listing the page's figures by title, each a link that moves
 * focus to it — a keyboard reader reaches the third figure in a few key presses instead of tabbing
 * through every control of the first two. The list is built when it opens, so it is always current.
 */
function figureList(): HTMLDetailsElement {
  const details = document.createElement("details");
  details.className = "figure-jump";
  const summary = document.createElement("summary");
  summary.textContent = "Figures on this page";
  const list = document.createElement("ol");
  details.append(summary, list);
  // The ids the list was last filled with: refilling an unchanged list would remove the entry that
  // holds focus (a Tab pressed between the click and "toggle" would then drop focus to the page).
  let filled = "";
  const fill = () => {
    const ids = figures()
      .map((fig) => fig.id)
      .join(" ");
    if (ids === filled) return;
    filled = ids;
    list.replaceChildren(
      ...figures().map((fig) => {
        const a = document.createElement("a");
        a.href = `#${fig.id}`;
        a.textContent = titleOf(fig);
        a.addEventListener("click", (event) => {
          event.preventDefault();
          details.open = false;
          jumpToFigure(fig);
        });
        const li = document.createElement("li");
        li.append(a);
        return li;
      }),
    );
  };
  // Filled as the summary is activated (a click or Enter fires "click" before the list opens), so a
  // Tab pressed straight after Enter lands on the first entry; "toggle" (a task later) refills it.
  summary.addEventListener("click", () => {
    if (!details.open) fill();
  });
  details.addEventListener("toggle", () => {
    if (details.open) fill();
  });
  // Esc closes the open list and returns to its summary.
  details.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && details.open) {
      event.preventDefault();
      details.open = false;
      summary.focus();
    }
  });
  return details;
}

/** The page's "Present" button, placed under the page title once the page has a figure. */
function ensurePageButton() {
  if (pageButton?.isConnected || document.documentElement.classList.contains("embed-mode")) return;
  const main = document.querySelector("#observablehq-main");
  if (!main) return;
  const wrap = document.createElement("div");
  wrap.className = "present-launch no-print";
  const b = button("▶ Present the figures", "present-button", () => togglePresent());
  b.setAttribute("aria-pressed", "false");
  b.setAttribute("aria-keyshortcuts", "P");
  const hint = html`<span class="present-hint">full screen, one at a time · key <kbd>P</kbd></span>`;
  wrap.append(b, hint, figureList());
  const h1 = main.querySelector(":scope > h1");
  if (h1) h1.after(wrap);
  else main.prepend(wrap);
  pageButton = b;
}

/** Called by each figure as it is created (and by the site script): sets up keys and the page button once. */
export function installPresentMode(): void {
  if (typeof document === "undefined") return;
  if (!installed) {
    installed = true;
    document.addEventListener("keydown", onKey);
    addEventListener("resize", () => {
      if (current) updateZoom();
    });
  }
  // Figures arrive as the page's cells run; the button waits for the first one.
  queueMicrotask(() => {
    if (figures().length) ensurePageButton();
  });
}

/** Let a figure announce itself (explorable() calls this); the page button appears with the first. */
export function registerFigure(_fig: HTMLElement): void {
  installPresentMode();
  requestAnimationFrame(() => {
    if (figures().length) ensurePageButton();
  });
}
