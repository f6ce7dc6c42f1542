// Collecting per-line problems: every one is counted, the first few are kept in full.
import { type Issue, type IssueKind, MAX_ISSUES } from "./types.js";

export class IssueLog {
  readonly issues: Issue[] = [];
  readonly counts: Partial<Record<IssueKind, number>> = {};
  constructor(readonly file: string) {}
  add(line: number, kind: IssueKind, message: string): void {
    const count = (this.counts[kind] ?? 0) + 1;
    this.counts[kind] = count;
    if (count <= MAX_ISSUES)
      this.issues.push({ file: this.file, line, kind, message: `line ${line}: ${message}` });
  }
  /** Lines dropped (notes do not drop a line). */
  get dropped(): number {
    let n = 0;
    for (const [k, v] of Object.entries(this.counts))
      if (k !== "note" && k !== "cluster-conflict" && k !== "hash-conflict") n += v ?? 0;
    return n;
  }
}
