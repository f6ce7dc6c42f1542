// Accessible names for the SVGs a figure draws. Observable Plot puts aria-label on <g> elements,
// which have no role that allows a name (axe: aria-prohibited-attr, serious); screen readers
// should meet one named image per chart, described by the figure's text alternative. A chart with
// its own keyboard-operable parts (a focusable label, a link) stays explorable: it is not flattened
// into an image.

const INTERACTIVE =
  "a[href], button, input, select, textarea, [tabindex], [role=button], [role=link], [role=slider]";

/** Name each top-level SVG in `container` and give Plot's named groups a role that allows the name. */
export function labelSvgs(container: Element, name: string, describedBy?: string): void {
  for (const svg of container.querySelectorAll("svg")) {
    if (svg.parentElement?.closest("svg")) continue;
    const inSwatch = [...(svg.parentElement?.classList ?? [])].some((c) => /-swatch$/.test(c));
    if (inSwatch) {
      // A legend swatch: its label is the text beside it.
      svg.setAttribute("aria-hidden", "true");
      continue;
    }
    if (!svg.getAttribute("aria-label")?.trim()) svg.setAttribute("aria-label", name);
    if (describedBy && !svg.hasAttribute("aria-describedby"))
      svg.setAttribute("aria-describedby", describedBy);
    if (!svg.hasAttribute("role") && !svg.querySelector(INTERACTIVE)) svg.setAttribute("role", "img");
  }
  // Plot's aria-label on <g> (e.g. "x-axis tick", or a figure's own mark names that its CSS selects on):
  // keep the attribute, give the group a role that may carry a name.
  for (const el of container.querySelectorAll(
    "svg g[aria-label]:not([role]), svg g[aria-description]:not([role])",
  )) {
    el.setAttribute("role", "group");
  }
}
