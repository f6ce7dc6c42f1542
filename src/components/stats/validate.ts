// Argument checks shared by the statistics core. Each throws a RangeError naming the argument.

export function assertCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${String(value)}`);
  }
}

export function assertTrials(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be an integer ≥ 1, got ${String(value)}`);
  }
}

export function assertSuccesses(k: number, n: number, kName = "k", nName = "n"): void {
  assertTrials(nName, n);
  assertCount(kName, k);
  if (k > n) throw new RangeError(`${kName} (${k}) must not exceed ${nName} (${n})`);
}

export function assertProbability(name: string, value: number, { open = false } = {}): void {
  const ok = Number.isFinite(value) && (open ? value > 0 && value < 1 : value >= 0 && value <= 1);
  if (!ok)
    throw new RangeError(
      `${name} must be a probability in ${open ? "(0, 1)" : "[0, 1]"}, got ${String(value)}`,
    );
}

export function assertConfidence(confidence: number): void {
  assertProbability("confidence", confidence, { open: true });
}
