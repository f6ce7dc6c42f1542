// Sample sizes for a curve drawn against N on a log axis: `points` + 1 steps from nMin to nMax,
// evenly spaced in log N, rounded to whole questions, each N once.

export function integerLogGrid(nMin: number, nMax: number, points: number): number[] {
  const a = Math.log10(nMin);
  const b = Math.log10(nMax);
  const out: number[] = [];
  for (let i = 0; i <= points; i++) {
    const n = Math.round(10 ** (a + ((b - a) * i) / points));
    if (n !== out[out.length - 1]) out.push(n);
  }
  return out;
}
