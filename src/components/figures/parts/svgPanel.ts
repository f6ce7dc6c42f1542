// A chart drawn as plain SVG (no Plot) and kept across redraws: an <svg> in Plot's look holding one
// <g> per kind of mark, in drawing order, made once; each redraw sizes it and moves the marks in
// the groups (svgAxis.keptChildren) instead of building a new chart.
import { svg } from "htl";
import { setAttrs } from "../../ui/inPlace.js";

type Attrs = Record<string, string | number>;

export interface SvgPanel<K extends string> {
  root: SVGSVGElement;
  parts: Record<K, SVGGElement>;
}

/** An <svg> of class `className` with a group per key of `groups` (each with its fixed attributes). */
export function svgPanel<K extends string>(className: string, groups: Record<K, Attrs>): SvgPanel<K> {
  const root =
    svg`<svg class=${className} fill="currentColor" font-family="system-ui, sans-serif" text-anchor="middle"></svg>` as SVGSVGElement;
  const parts = {} as Record<K, SVGGElement>;
  for (const name of Object.keys(groups) as K[]) {
    const g = document.createElementNS("http://www.w3.org/2000/svg", "g");
    setAttrs(g, { class: name, ...groups[name] });
    root.append(g);
    parts[name] = g;
  }
  return { root, parts };
}

/** Size the panel's <svg> (its viewBox too) and give it its font size and accessible name. */
export function sizePanel(
  root: SVGSVGElement,
  width: number,
  height: number,
  fontSize: number,
  label: string,
) {
  setAttrs(root, {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    "font-size": fontSize,
    "aria-label": label,
  });
}
