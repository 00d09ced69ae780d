/** One benchmark result: a measured value against its goal, printed as a ratio. */
export interface BenchResult {
  readonly name: string;
  readonly measured: number;
  readonly unit: string;
  readonly goal: number;
  /** 'max': measured must stay at or under the goal; 'min': at or over it. */
  readonly kind: 'max' | 'min';
  readonly note?: string;
}

export function ratio(r: BenchResult): number {
  return r.measured / r.goal;
}

export function meetsGoal(r: BenchResult): boolean {
  return r.kind === 'max' ? r.measured <= r.goal : r.measured >= r.goal;
}

export function formatResult(r: BenchResult): string {
  const sign = r.kind === 'max' ? '≤' : '≥';
  const verdict = meetsGoal(r) ? 'meets goal' : 'MISSES goal';
  const note = r.note ? `  (${r.note})` : '';
  return `${r.name}: ${fmt(r.measured)} ${r.unit} (goal ${sign} ${fmt(r.goal)} ${r.unit}) ratio ${ratio(r).toFixed(3)} — ${verdict}${note}`;
}

function fmt(n: number): string {
  return Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2);
}
