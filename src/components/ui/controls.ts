// The inputs every figure uses: labelled, keyboard-operable, and able to read and write
// their value as text (for shareable URLs). Each constructor returns a Control.
import { booleanCodec, choiceCodec, numberCodec, snapNumber } from "./urlState.js";

export interface Control<T> {
  key: string;
  label: string;
  /** The labelled widget to place in the figure's control panel. */
  element: HTMLElement;
  get value(): T;
  set value(v: T);
  /** Parse a value from a URL; undefined for anything unusable. Numbers are clamped. */
  parse(text: string): T | undefined;
  /** The value as URL text. */
  format(v: T): string;
  /** The value for people, e.g. "N = 1,319", for captions and text alternatives. */
  describe(v: T): string;
}

let uid = 0;
const nextId = (key: string) => `ctl-${key}-${++uid}`;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

export interface RangeOptions {
  key: string;
  label: string;
  min: number;
  max: number;
  step?: number;
  value: number;
  /** A log-scale slider (min > 0): the thumb moves in log10 units, values are rounded to integers. */
  log?: boolean;
  /** How the value is shown next to the slider. */
  format?: (v: number) => string;
  /** Also offer a number box to type an exact value. */
  numberBox?: boolean;
  /** Unit for the text description, e.g. "pp". */
  describe?: (v: number) => string;
}

/**
 * The next value of a log slider moved from the keyboard: `steps` twentieths of a decade
 * (an arrow key is 1 step, ≈ ×1.12; Page Up/Down 5 steps, ≈ ×1.78), rounded to an integer that
 * differs from `value`, within [min, max].
 */
export function nextLogValue(value: number, steps: number, min: number, max: number): number {
  const raw = Math.round(10 ** (Math.log10(Math.max(min, value)) + steps / 20));
  const moved = steps > 0 ? Math.max(raw, value + 1) : Math.min(raw, value - 1);
  return Math.min(max, Math.max(min, moved));
}

/** A slider (linear or log), with its value shown beside it and an optional number box. */
export function range(o: RangeOptions): Control<number> {
  const id = nextId(o.key);
  const fmt = o.format ?? ((v: number) => String(v));
  const step = o.step ?? (o.log ? 1 : (o.max - o.min) / 100);
  const scale = { min: o.min, max: o.max, step, log: o.log };
  const codec = numberCodec(scale);
  const snap = (v: number) => (Number.isFinite(v) ? snapNumber(v, scale) : current);
  const toSlider = (v: number) => (o.log ? Math.log10(v) : v);
  const fromSlider = (s: number) => snap(o.log ? 10 ** s : s);
  const slider = el("input", {
    id,
    type: "range",
    min: String(toSlider(o.min)),
    max: String(toSlider(o.max)),
    step: o.log ? "0.001" : String(step),
    "data-key": o.key,
  });
  const output = el("output", { for: id, class: "control-value", "aria-hidden": "true" });
  const box = o.numberBox
    ? el("input", {
        type: "number",
        min: String(o.min),
        max: String(o.max),
        step: o.log ? "1" : String(step),
        "aria-label": `${o.label} (exact value)`,
        class: "control-number",
        "data-key": `${o.key}-number`,
      })
    : null;
  let current = snapNumber(o.value, scale);
  const sync = () => {
    slider.value = String(toSlider(current));
    slider.setAttribute("aria-valuetext", fmt(current));
    output.textContent = fmt(current);
    if (box && document.activeElement !== box) box.value = String(current);
  };
  slider.addEventListener("input", (event) => {
    current = fromSlider(Number(slider.value));
    slider.setAttribute("aria-valuetext", fmt(current));
    output.textContent = fmt(current);
    if (box) box.value = String(current);
    // Let the explorable see one event per change, from the control's element.
    event.stopPropagation();
    element.dispatchEvent(new Event("input", { bubbles: true }));
  });
  if (o.log) {
    // The thumb moves in steps of 0.001 decades, far too fine for arrow keys: step in ratios instead.
    const keySteps: Record<string, number> = {
      ArrowRight: 1,
      ArrowUp: 1,
      ArrowLeft: -1,
      ArrowDown: -1,
      PageUp: 5,
      PageDown: -5,
    };
    slider.addEventListener("keydown", (event) => {
      const steps = keySteps[event.key];
      const next =
        event.key === "Home"
          ? o.min
          : event.key === "End"
            ? o.max
            : steps
              ? nextLogValue(current, steps, o.min, o.max)
              : null;
      if (next === null) return;
      event.preventDefault();
      if (next === current) return;
      current = next;
      sync();
      element.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }
  box?.addEventListener("change", () => {
    const v = Number(box.value);
    if (box.value.trim() === "" || !Number.isFinite(v)) {
      box.value = String(current);
      return;
    }
    current = snap(v);
    sync();
    box.value = String(current);
    element.dispatchEvent(new Event("input", { bubbles: true }));
  });
  box?.addEventListener("input", (event) => event.stopPropagation());
  const element = el("div", { class: "control control-range" }, [
    el("label", { for: id }, [o.label]),
    el("div", { class: "control-row" }, [slider, ...(box ? [box] : [output])]),
  ]);
  sync();
  return {
    key: o.key,
    label: o.label,
    element,
    get value() {
      return current;
    },
    set value(v: number) {
      current = snap(v);
      sync();
    },
    parse: codec.parse,
    format: codec.format,
    describe: (v) => `${o.label}: ${(o.describe ?? fmt)(v)}`,
  };
}

export interface ChoiceOptions<T extends string | number> {
  key: string;
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  /** "radio" shows every option as a segmented button group; "select" a drop-down. */
  kind?: "radio" | "select";
}

/** One of a few options, as radio buttons (default) or a drop-down. */
export function choice<T extends string | number>(o: ChoiceOptions<T>): Control<T> {
  const id = nextId(o.key);
  let current = o.value;
  const labelOf = (v: T) => o.options.find((x) => x.value === v)?.label ?? String(v);
  const find = (text: string) => o.options.find((x) => String(x.value) === text)?.value;
  const codec = choiceCodec(o.options.map((x) => x.value));
  let element: HTMLElement;
  let sync: () => void;
  if (o.kind === "select") {
    const select = el(
      "select",
      { id, "data-key": o.key },
      o.options.map((x) => el("option", { value: String(x.value) }, [x.label])),
    );
    select.addEventListener("input", (event) => {
      current = find(select.value) ?? current;
      event.stopPropagation();
      element.dispatchEvent(new Event("input", { bubbles: true }));
    });
    sync = () => {
      select.value = String(current);
    };
    // A long menu (more than 16 options) fills its column: sized to its content, the browser
    // measures every option's label on each change of selection (76 options: ≈ 2.5 ms a change;
    // 859: ≈ 35 ms). Every such menu here fills its column, or nearly, anyway.
    const long = o.options.length > 16 ? " control-long" : "";
    element = el("div", { class: `control control-select${long}` }, [
      el("label", { for: id }, [o.label]),
      select,
    ]);
  } else {
    const radios = o.options.map((x) => {
      const input = el("input", { type: "radio", name: id, value: String(x.value), "data-key": o.key });
      input.addEventListener("input", (event) => {
        if (!input.checked) return;
        current = x.value;
        event.stopPropagation();
        element.dispatchEvent(new Event("input", { bubbles: true }));
      });
      return {
        input,
        value: x.value,
        node: el("label", { class: "segment" }, [input, el("span", {}, [x.label])]),
      };
    });
    sync = () => {
      for (const r of radios) r.input.checked = r.value === current;
    };
    element = el("fieldset", { class: "control control-choice" }, [
      el("legend", {}, [o.label]),
      el(
        "div",
        { class: "segments" },
        radios.map((r) => r.node),
      ),
    ]);
  }
  sync();
  return {
    key: o.key,
    label: o.label,
    element,
    get value() {
      return current;
    },
    set value(v: T) {
      if (o.options.some((x) => x.value === v)) current = v;
      sync();
    },
    parse: codec.parse,
    format: codec.format,
    describe: (v) => `${o.label}: ${labelOf(v)}`,
  };
}

/** An on/off switch. */
export function toggle(o: { key: string; label: string; value: boolean }): Control<boolean> {
  const id = nextId(o.key);
  let current = o.value;
  const input = el("input", { id, type: "checkbox", "data-key": o.key });
  input.checked = current;
  input.addEventListener("input", (event) => {
    current = input.checked;
    event.stopPropagation();
    element.dispatchEvent(new Event("input", { bubbles: true }));
  });
  const element = el("div", { class: "control control-toggle" }, [
    input,
    el("label", { for: id }, [o.label]),
  ]);
  return {
    key: o.key,
    label: o.label,
    element,
    get value() {
      return current;
    },
    set value(v: boolean) {
      current = v;
      input.checked = v;
    },
    parse: booleanCodec.parse,
    format: booleanCodec.format,
    describe: (v) => `${o.label}: ${v ? "on" : "off"}`,
  };
}

/** The confidence levels the site offers, as one segmented control (key "confidence", 95% first chosen). */
export function confidenceChoice(
  levels: readonly number[] = [0.9, 0.95, 0.99],
  value = 0.95,
): Control<number> {
  return choice({
    key: "confidence",
    label: "Confidence",
    options: levels.map((c) => ({ value: c, label: `${Math.round(c * 100)}%` })),
    value,
  });
}
