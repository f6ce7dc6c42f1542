// The idle-time queue: one task per idle period, a new plan replaces the old, nothing without idle.
import { describe, expect, it, vi } from "vitest";
import { idleQueue } from "../../../src/components/ui/idleQueue.ts";
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
