// A stand-in for requestIdleCallback in a describe block: the callbacks asked for wait in the
// returned list (emptied before each test) until the test runs them, one idle period each.
import { afterEach, beforeEach, vi } from "vitest";

export function useIdleStub(): (() => void)[] {
  const idle: (() => void)[] = [];
  beforeEach(() => {
    idle.length = 0;
    vi.stubGlobal("requestIdleCallback", (f: () => void) => idle.push(f));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  return idle;
}
