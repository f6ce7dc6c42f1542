// A TeX formula as readable text: "\hat{p} \pm 1.96\sqrt{\frac{\hat{p}(1-\hat{p})}{n}}" →
// "p̂ ± 1.96√(p̂(1−p̂)/n)". Models write formulas between $…$; the lab shows them this way instead
// of loading a TeX engine. Covers what answers about benchmark statistics use (fractions, roots,
// accents, super- and subscripts, Greek letters, relations); an unknown command stays as written.
// Pure; linear in the length of the formula, with nesting capped.

const SYMBOLS: Record<string, string> = {
  alpha: "α",
  beta: "β",
  gamma: "γ",
  delta: "δ",
  epsilon: "ε",
  varepsilon: "ε",
  zeta: "ζ",
  eta: "η",
  theta: "θ",
  kappa: "κ",
  lambda: "λ",
  mu: "μ",
  nu: "ν",
  xi: "ξ",
  pi: "π",
  rho: "ρ",
  sigma: "σ",
  tau: "τ",
  phi: "φ",
  varphi: "φ",
  chi: "χ",
  psi: "ψ",
  omega: "ω",
  Gamma: "Γ",
  Delta: "Δ",
  Theta: "Θ",
  Lambda: "Λ",
  Xi: "Ξ",
  Pi: "Π",
  Sigma: "Σ",
  Phi: "Φ",
  Psi: "Ψ",
  Omega: "Ω",
  pm: "±",
  mp: "∓",
  times: "×",
  cdot: "·",
  div: "÷",
  ast: "∗",
  le: "≤",
  leq: "≤",
  ge: "≥",
  geq: "≥",
  ne: "≠",
  neq: "≠",
  approx: "≈",
  sim: "∼",
  simeq: "≃",
  equiv: "≡",
  propto: "∝",
  to: "→",
  rightarrow: "→",
  leftarrow: "←",
  Rightarrow: "⇒",
  implies: "⇒",
  iff: "⇔",
  infty: "∞",
  sum: "Σ",
  prod: "∏",
  int: "∫",
  partial: "∂",
  nabla: "∇",
  in: "∈",
  notin: "∉",
  subset: "⊂",
  cup: "∪",
  cap: "∩",
  forall: "∀",
  exists: "∃",
  neg: "¬",
  land: "∧",
  lor: "∨",
  ldots: "…",
  cdots: "⋯",
  dots: "…",
  mid: "|",
  vert: "|",
  lvert: "|",
  rvert: "|",
  langle: "⟨",
  rangle: "⟩",
  circ: "∘",
  prime: "′",
  star: "⋆",
  log: "log",
  ln: "ln",
  exp: "exp",
  max: "max",
  min: "min",
  lim: "lim",
  arg: "arg",
  sin: "sin",
  cos: "cos",
  Pr: "Pr",
  Var: "Var",
  quad: " ",
  qquad: "  ",
};
/** Commands that only change the look of their argument. */
const STYLE = new Set([
  "text",
  "textrm",
  "textit",
  "textbf",
  "mathrm",
  "mathit",
  "mathbf",
  "mathsf",
  "mathtt",
  "mathcal",
  "mathbb",
  "operatorname",
  "boldsymbol",
  "bm",
  "mbox",
]);
/** Commands that print nothing. */
const SILENT = new Set([
  "left",
  "right",
  "big",
  "Big",
  "bigg",
  "Bigg",
  "bigl",
  "bigr",
  "Bigl",
  "Bigr",
  "displaystyle",
  "textstyle",
  "limits",
  "nolimits",
]);
const ACCENTS: Record<string, string> = {
  hat: "\u0302",
  widehat: "\u0302",
  bar: "\u0304",
  overline: "\u0304",
  tilde: "\u0303",
  widetilde: "\u0303",
  vec: "\u20d7",
  dot: "\u0307",
};
const FRACTIONS = new Set(["frac", "dfrac", "tfrac", "cfrac"]);

const SUP: Record<string, string> = {
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
  "+": "⁺",
  "-": "⁻",
  "−": "⁻",
  "=": "⁼",
  "(": "⁽",
  ")": "⁾",
  n: "ⁿ",
  i: "ⁱ",
  k: "ᵏ",
  x: "ˣ",
  T: "ᵀ",
  "*": "*",
  "′": "′",
};
const SUB: Record<string, string> = {
  "0": "₀",
  "1": "₁",
  "2": "₂",
  "3": "₃",
  "4": "₄",
  "5": "₅",
  "6": "₆",
  "7": "₇",
  "8": "₈",
  "9": "₉",
  "+": "₊",
  "-": "₋",
  "−": "₋",
  "=": "₌",
  "(": "₍",
  ")": "₎",
  a: "ₐ",
  e: "ₑ",
  i: "ᵢ",
  j: "ⱼ",
  k: "ₖ",
  n: "ₙ",
  o: "ₒ",
  p: "ₚ",
  r: "ᵣ",
  s: "ₛ",
  t: "ₜ",
  x: "ₓ",
};

/** Formulas longer than this are shown as written. */
export const MAX_TEX = 4000;
const MAX_NESTING = 24;

// Inside the reader, a script with no Unicode form is wrapped in private-use marks; texRuns()
// turns them into sub/sup runs (drawn with <sub>/<sup>), texToText() into "_x" / "^(…)".
const SUB_OPEN = "\ue000";
const SUP_OPEN = "\ue001";
const CLOSE = "\ue002";
const MARKS = /[\ue000-\ue002]/g;

function script(arg: string, map: Record<string, string>, mark: "^" | "_"): string {
  const chars = [...arg];
  if (chars.length && chars.every((c) => map[c] !== undefined)) return chars.map((c) => map[c]).join("");
  return `${mark === "_" ? SUB_OPEN : SUP_OPEN}${arg}${CLOSE}`;
}

/** Parenthesise a fraction's part if it has an operator outside brackets: "(a+b)/c", "p(1−p)/n". */
function part(s: string): string {
  const t = s.trim();
  let depth = 0;
  for (const c of t) {
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (depth === 0 && " +−-±×·/=<>≤≥,".includes(c)) return `(${t})`;
  }
  return t;
}

class Reader {
  i = 0;
  constructor(readonly s: string) {}

  /** The text of the formula from here up to a closing brace (if `inGroup`) or the end. */
  seq(inGroup: boolean, depth: number): string {
    let out = "";
    while (this.i < this.s.length) {
      const c = this.s[this.i]!;
      if (c === "}") {
        if (inGroup) {
          this.i++;
          return out;
        }
        this.i++;
        out += "}";
        continue;
      }
      out += this.atom(depth);
    }
    return out;
  }

  /** One argument: a {group}, a command or a single character. */
  arg(depth: number): string {
    while (this.s[this.i] === " ") this.i++;
    if (this.i >= this.s.length) return "";
    return this.atom(depth);
  }

  atom(depth: number): string {
    const c = this.s[this.i]!;
    if (depth > MAX_NESTING * 2) {
      // Commands nested this deep are not a formula anyone wrote: copy the rest as written.
      const raw = this.s.slice(this.i);
      this.i = this.s.length;
      return raw;
    }
    if (c === "{") {
      this.i++;
      if (depth >= MAX_NESTING) {
        // Too deep to be a real formula: copy the rest of the group as written.
        const end = this.s.indexOf("}", this.i);
        const raw = this.s.slice(this.i, end < 0 ? this.s.length : end);
        this.i = end < 0 ? this.s.length : end + 1;
        return raw;
      }
      return this.seq(true, depth + 1);
    }
    if (c === "\\") return this.command(depth);
    if (c === "^" || c === "_") {
      this.i++;
      const a = this.arg(depth + 1).trim();
      return script(a, c === "^" ? SUP : SUB, c);
    }
    this.i++;
    if (c === "-") return "−";
    if (c === "~") return "\u00a0";
    if (c === "&") return " ";
    return c;
  }

  command(depth: number): string {
    const rest = this.s.slice(this.i + 1, this.i + 40);
    const name = /^[A-Za-z]+/.exec(rest)?.[0];
    if (!name) {
      const ch = this.s[this.i + 1] ?? "";
      this.i += 2;
      if (ch === "," || ch === ":" || ch === ";" || ch === " ") return " ";
      if (ch === "!") return "";
      if (ch === "\\") return " ";
      return ch; // \% \$ \{ \} \_ \& \#
    }
    this.i += 1 + name.length;
    if (FRACTIONS.has(name)) {
      const a = this.arg(depth + 1);
      const b = this.arg(depth + 1);
      return `${part(a)}/${part(b)}`;
    }
    if (name === "sqrt") {
      let index = "";
      if (this.s[this.i] === "[") {
        const end = this.s.indexOf("]", this.i);
        if (end > 0) {
          index = this.s.slice(this.i + 1, end);
          this.i = end + 1;
        }
      }
      const a = this.arg(depth + 1);
      return `${index ? script(index, SUP, "^") : ""}√${part(a)}`;
    }
    if (ACCENTS[name]) {
      const a = this.arg(depth + 1).trim();
      return [...a].length === 1 ? `${a}${ACCENTS[name]}` : `${name}(${a})`;
    }
    if (STYLE.has(name)) return this.arg(depth + 1);
    if (SILENT.has(name)) {
      // \left( → "(", \left. → ""
      if ((name === "left" || name === "right") && this.s[this.i] === ".") this.i++;
      return "";
    }
    const sym = SYMBOLS[name];
    if (sym !== undefined) return /^[a-zA-Z]/.test(sym) ? `${sym} ` : sym;
    return `\\${name} `;
  }
}

/** A formula as runs of text, with sub- and superscripts that have no Unicode form nested. */
export type MathRun = string | { script: "sub" | "sup"; children: MathRun[] };

/** A TeX formula as runs (for drawing with <sub>/<sup>). */
export function texRuns(tex: string): MathRun[] {
  if (tex.length > MAX_TEX) return [tex];
  const marked = new Reader(tex.replace(MARKS, ""))
    .seq(false, 0)
    .replace(/[ \t\n]+/g, " ")
    .trim();
  const root: MathRun[] = [];
  const stack: MathRun[][] = [root];
  let text = "";
  const flush = () => {
    if (text) stack[stack.length - 1]!.push(text);
    text = "";
  };
  for (const c of marked) {
    if (c === SUB_OPEN || c === SUP_OPEN) {
      flush();
      const node: MathRun = { script: c === SUB_OPEN ? "sub" : "sup", children: [] };
      stack[stack.length - 1]!.push(node);
      stack.push(node.children);
    } else if (c === CLOSE) {
      flush();
      if (stack.length > 1) stack.pop();
    } else text += c;
  }
  flush();
  return root;
}

function flatten(runs: readonly MathRun[]): string {
  return runs
    .map((r) => {
      if (typeof r === "string") return r;
      const inner = flatten(r.children);
      const mark = r.script === "sub" ? "_" : "^";
      return [...inner].length === 1 ? `${mark}${inner}` : `${mark}(${inner})`;
    })
    .join("");
}

/** A TeX formula as plain Unicode text ("p_A", "e^(iπ)" where no Unicode script exists). */
export function texToText(tex: string): string {
  return flatten(texRuns(tex));
}
