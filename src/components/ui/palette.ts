// Colour-blind-safe colours (Okabe & Ito 2008). Meaning is never carried by colour alone:
// every coloured mark also differs in shape, dash or label.
export const palette = {
  blue: "#0072B2",
  orange: "#E69F00",
  green: "#009E73",
  vermillion: "#D55E00",
  sky: "#56B4E9",
  purple: "#CC79A7",
  yellow: "#F0E442",
  grey: "#888888",
} as const;

/** An ordinal range for categories, in a fixed order. */
export const categorical = [
  palette.blue,
  palette.orange,
  palette.green,
  palette.vermillion,
  palette.purple,
  palette.sky,
  palette.yellow,
  palette.grey,
];

/**
 * The same hues as text ink (4.5:1 on the site's light and dark cards). style.css applies these to
 * SVG text drawn in a palette colour automatically; use them for HTML text in a palette colour.
 */
export const paletteText = {
  light: {
    blue: "#0072B2",
    orange: "#936600",
    green: "#007E5C",
    vermillion: "#B75100",
    sky: "#39779A",
    purple: "#9B5C7F",
    yellow: "#787221",
    grey: "#707070",
  },
  dark: {
    blue: "#3D94C4",
    orange: "#E69F00",
    green: "#05A076",
    vermillion: "#DA711F",
    sky: "#56B4E9",
    purple: "#CC79A7",
    yellow: "#F0E442",
    grey: "#8D8D8D",
  },
} as const;
