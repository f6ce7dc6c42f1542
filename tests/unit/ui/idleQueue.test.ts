// The idle-time queue: one task per idle period, a new plan replaces the old, nothing without idle.
import { describe, expect, it, vi } from "vitest";
import { keyedCache } from "../../../src/components/cache/keyedCache.ts";
import { idleQueue, makeAheadInto } from "../../../src/components/ui/idleQueue.ts";
import { useIdleStub } from "./idleStub.ts";

describe("idleQueue", () => {
  const idle = useIdleStub();

  it("runs the tasks in order, one in each idle period", () => {
    const ran: string[] = [];
    const plan = idleQueue();
    plan(["a", "b", "c"].map((t) => () => ran.push(t)));
    expect(ran).toEqual([]);
    expect(idle).toHaveLength(1);
    idle.shift()!();
    expect(ran).toEqual(["a"]);
    expect(idle).toHaveLength(1);
    idle.shift()!();
    idle.shift()!();
    expect(ran).toEqual(["a", "b", "c"]);
    // Nothing left: no further idle period is asked for.
    expect(idle).toHaveLength(0);
  });

  it("a new plan replaces what is still waiting, without asking for a second idle period", () => {
    const ran: string[] = [];
    const plan = idleQueue();
    plan(["a", "b"].map((t) => () => ran.push(t)));
    idle.shift()!();
    plan(["x", "y"].map((t) => () => ran.push(t)));
    // "b" was dropped; the idle period already asked for runs "x".
    expect(idle).toHaveLength(1);
    while (idle.length) idle.shift()!();
    expect(ran).toEqual(["a", "x", "y"]);
    plan([]);
    expect(idle).toHaveLength(0);
  });

  it("without requestIdleCallback nothing is run ahead", () => {
    vi.unstubAllGlobals();
    vi.stubGlobal("requestIdleCallback", undefined);
    const task = vi.fn();
    idleQueue()([task]);
    expect(task).not.toHaveBeenCalled();
  });
});

describe("makeAheadInto", () => {
  const idle = useIdleStub();

  it("makes the values not held yet, one per idle period, and none made meanwhile twice", () => {
    const cache = keyedCache<string>(8);
    cache.get("b", () => "B held");
    const made: number[] = [];
    const make = (v: number) => {
      made.push(v);
      return `made ${v}`;
    };
    const ahead = makeAheadInto(cache);
    ahead([1, 2, 3], (v) => ["a", "b", "c"][v - 1]!, make);
    // "b" is held: only 1 and 3 are planned.
    expect(made).toEqual([]);
    idle.shift()!();
    expect(made).toEqual([1]);
    // The learner picks 3 before its idle period: made now, on the pick, not again when idle.
    cache.get("c", () => "picked 3");
    while (idle.length) idle.shift()!();
    expect(made).toEqual([1]);
    expect(cache.get("a", () => "x")).toBe("made 1");
    expect(cache.get("b", () => "x")).toBe("B held");
    expect(cache.get("c", () => "x")).toBe("picked 3");
  });
});
