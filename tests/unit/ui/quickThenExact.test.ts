// quickThenExact: the quick model while values change, the exact one once they have been still
// for the delay (and the figure asked to draw again), the exact one at once for a setting seen before.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { quickThenExact } from "../../../src/components/ui/quickThenExact.ts";
import { useIdleStub } from "./idleStub.ts";

type V = { n: number };
function setup(ahead?: (v: V) => V[]) {
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
    ahead,
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

  describe("ahead: the likely next settings, made exact while the page is idle", () => {
    const idle = useIdleStub();
    const runIdle = () => {
      while (idle.length) idle.shift()!();
    };

    it("once the current setting is exact, each other one is made in its own idle period", () => {
      const f = setup((v) => [v.n - 1, v.n, v.n + 1].map((n) => ({ n })));
      f.change(5);
      // Nothing is prepared while the current setting is only quick.
      expect(idle).toHaveLength(0);
      vi.advanceTimersByTime(20);
      expect(f.derive()).toBe("exact 5");
      expect(idle).toHaveLength(1);
      idle.shift()!();
      expect(f.calls.exact).toBe(2);
      runIdle();
      // 4 and 6 (5 was known): three exact models in all, one quick.
      expect(f.calls).toEqual({ quick: 1, exact: 3 });
      // Picking one draws it exact at once, with no quick model and no redraw.
      expect(f.change(6)).toBe("exact 6");
      vi.advanceTimersByTime(100);
      expect(f.redraws).toEqual([{ n: 5 }]);
      expect(f.calls).toEqual({ quick: 1, exact: 3 });
    });

    it("a new setting replaces the waiting queue instead of adding to it", () => {
      const f = setup((v) => [{ n: v.n + 10 }, { n: v.n + 20 }]);
      f.change(1);
      vi.advanceTimersByTime(20);
      f.derive();
      f.change(2);
      vi.advanceTimersByTime(20);
      f.derive();
      runIdle();
      // 1 and 2 exact, then only 12 and 22 (11 and 21 were dropped before their turn).
      expect(f.calls.exact).toBe(4);
      expect(f.change(12)).toBe("exact 12");
      expect(f.change(22)).toBe("exact 22");
    });
  });
});
