// The Observable Plot functions this site draws with — the one place figures import Plot from.
//
// Why: Framework serves each npm package as its own module, and Plot's entry imports the whole of
// d3, so every page loaded all thirty d3 modules (≈170 kB gzipped for Plot and d3). `npm run
// vendor` (run before `build` and `dev`) bundles this file with esbuild into ./plot.js, keeping
// only the code these functions reach (≈100 kB gzipped). Framework picks plot.js over plot.ts;
// tsc and vitest read this file. To draw with another Plot function, add it here.
// d3-scale's linear scale is here too: Plot bundles it anyway, and a separate import would load
// d3-scale and its four dependencies again.
export {
  areaY,
  arrow,
  barX,
  barY,
  cell,
  dodgeY,
  dot,
  line,
  link,
  plot,
  pointer,
  rect,
  rectX,
  rectY,
  ruleX,
  ruleY,
  text,
  tickX,
  tip,
} from "@observablehq/plot";
export { scaleLinear, scaleLog } from "d3-scale";
// d3-selection too (Plot draws with it): figures whose marks are one element per row bind them
// with its data join, which builds a hundred marks far faster than a template each.
export { type Selection, select } from "d3-selection";
