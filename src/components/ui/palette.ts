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
