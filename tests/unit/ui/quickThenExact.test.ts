// quickThenExact: the quick model while values change, the exact one once they have been still
// for the delay (and the figure asked to draw again), the exact one at once for a setting seen before.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { quickThenExact } from "../../../src/components/ui/quickThenExact.ts";

type V = { n: number };
function setup() {
  let values: V = { n: 1 };
  const redraws: V[] = [];
  const calls = { quick: 0, exact: 0 };
  const figure = { values: {} as unknown, setValues: () => redraws.push(values) };
  Object.defineProperty(figure, "values", { get: () => values });
  const derive = quickThenExact<V, string>({
    keyOf: (v) => String(v.n),
    quick: (v) => {
      calls.quick++;
      return `quick ${v.n}`;
    },
    exact: (v) => {
      calls.exact++;
      return `exact ${v.n}`;
    },
    figure: () => figure,
  });
  // What a figure does on a change: set the values, derive, draw.
  const change = (n: number) => {
    values = { n };
    return derive(values);
  };
  const set = (n: number) => {
    values = { n };
  };
  return { derive: () => derive(values), change, set, redraws, calls };
}

describe("quickThenExact", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("draws quick at once, exact 20 ms after the last change, and redraws once", () => {
    const f = setup();
    expect(f.change(5)).toBe("quick 5");
    vi.advanceTimersByTime(19);
    expect(f.redraws).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(f.redraws).toEqual([{ n: 5 }]);
    // The redraw derives again: now exact, without computing it twice.
    expect(f.derive()).toBe("exact 5");
    expect(f.calls).toEqual({ quick: 1, exact: 1 });
  });

  it("a drag (a change every 16 ms) computes no exact model until the hand stops, then only the last", () => {
    const f = setup();
    for (let n = 10; n < 20; n++) {
      expect(f.change(n)).toBe(`quick ${n}`);
      vi.advanceTimersByTime(16);
    }
    expect(f.calls.exact).toBe(0);
    vi.advanceTimersByTime(4);
    expect(f.redraws).toEqual([{ n: 19 }]);
    expect(f.derive()).toBe("exact 19");
    expect(f.calls.exact).toBe(1);
  });

  it("a setting seen before is exact at once, with no redraw", () => {
    const f = setup();
    f.change(7);
    vi.advanceTimersByTime(20);
    f.change(8);
    vi.advanceTimersByTime(20);
    expect(f.change(7)).toBe("exact 7");
    vi.advanceTimersByTime(100);
    expect(f.redraws).toEqual([{ n: 7 }, { n: 8 }]);
    expect(f.calls.exact).toBe(2);
  });

  it("values that moved on before the delay are not computed for", () => {
    const f = setup();
    f.change(3);
    // Changed without a derive yet (a control's value is set before its input event arrives).
    f.set(4);
    vi.advanceTimersByTime(20);
    expect(f.redraws).toEqual([]);
    expect(f.calls.exact).toBe(0);
  });
});
