// Phones: a figure's drawing comes first and stays at the top of the screen while its controls
// scroll below it (style.css, "phones"), so a learner dragging a slider sees what it changes. The
// drawing's room there is bounded (half the screen); this file works out that room, and scales a
// drawing that is still taller than it down (never below FIT_MIN, so text stays readable), after
// which the rest scrolls inside the drawing's box.

/** The screens the phone layout applies to; style.css uses the same width. */
export const PHONE_QUERY = "(max-width: 700px)";

/** The smallest scale a drawing is shrunk to on a phone; 10 px chart text stays ≥ 8 px. */
export const FIT_MIN = 0.8;

/**
 * The scale that fits a drawing `natural` px tall into `room` px: 1 when it fits or when either
 * size is unknown, else room / natural rounded down to a hundredth, never below `min`.
 */
export function fitScale(natural: number, room: number | undefined, min = FIT_MIN): number {
  if (room === undefined || !(natural > 0) || !(room > 0) || natural <= room) return 1;
  return Math.max(min, Math.floor((room / natural) * 100) / 100);
}

let phone: MediaQueryList | null | undefined;
function isPhone(): boolean {
  if (phone === undefined) phone = typeof matchMedia === "function" ? matchMedia(PHONE_QUERY) : null;
  return phone?.matches ?? false;
}

/**
 * The content height (CSS px) a drawing has in `box` (the frame's .explorable-figure) on a phone:
 * its max-height less padding and border. Undefined elsewhere (a wide screen, present mode, print),
 * where the drawing takes the height it needs. Reads computed style only, never layout.
 */
export function phoneRoom(box: HTMLElement): number | undefined {
  if (!isPhone()) return undefined;
  const s = getComputedStyle(box);
  const max = Number.parseFloat(s.maxHeight);
  if (!Number.isFinite(max)) return undefined;
  const px = (v: string) => Number.parseFloat(v) || 0;
  const chrome =
    s.boxSizing === "border-box"
      ? px(s.paddingTop) + px(s.paddingBottom) + px(s.borderTopWidth) + px(s.borderBottomWidth)
      : 0;
  return Math.max(0, Math.floor(max - chrome));
}

/**
 * Scale the drawing (`box`'s only element) to fit `room`: a transform from the top centre, and the
 * box's height set to the scaled height so no empty space is left below it. `natural` is the
 * drawing's layout height (a transform does not change it). Returns the scale applied.
 */
export function applyFit(box: HTMLElement, room: number | undefined, natural: number): number {
  const drawing = box.childElementCount === 1 ? (box.firstElementChild as HTMLElement | SVGElement) : null;
  const scale = drawing ? fitScale(natural, room) : 1;
  if (!drawing || scale === 1) {
    drawing?.style.removeProperty("transform");
    drawing?.style.removeProperty("transform-origin");
    box.style.removeProperty("height");
    delete box.dataset.fit;
    return 1;
  }
  drawing.style.transformOrigin = "top center";
  drawing.style.transform = `scale(${scale})`;
  const s = getComputedStyle(box);
  const chrome =
    s.boxSizing === "border-box"
      ? (Number.parseFloat(s.paddingTop) || 0) + (Number.parseFloat(s.paddingBottom) || 0)
      : 0;
  box.style.height = `${Math.ceil(natural * scale + chrome)}px`;
  box.dataset.fit = String(scale);
  return scale;
}

/**
 * Keeps `box`'s drawing fitted to its phone room as it is redrawn: `fit(room)` after each drawing
 * (room undefined off a phone). A ResizeObserver reports the drawing's layout height once, after
 * layout and before paint, so fitting never forces a layout of its own.
 */
export function drawingFitter(box: HTMLElement): { fit(room: number | undefined): void } {
  let room: number | undefined;
  let watched: Element | null = null;
  let natural = 0;
  const observer =
    typeof ResizeObserver === "undefined"
      ? null
      : new ResizeObserver((entries) => {
          const entry = entries[entries.length - 1];
          if (!entry || entry.target !== watched) return;
          natural = entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height;
          applyFit(box, room, natural);
        });
  return {
    fit(next) {
      room = next;
      const drawing = box.childElementCount === 1 ? box.firstElementChild : null;
      const watch = room !== undefined ? drawing : null;
      if (watch !== watched) {
        if (watched) observer?.unobserve(watched);
        watched = watch;
        if (watch) observer?.observe(watch);
      } else if (watch) {
        applyFit(box, room, natural);
      }
      // Not on a phone (or a drawing of several elements): no scale, the box takes its height.
      if (!watch && box.dataset.fit) applyFit(box, undefined, 0);
    },
  };
}
