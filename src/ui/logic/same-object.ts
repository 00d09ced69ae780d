/**
 * Gives back the object handed out last time for a key when the new one has the same content. A view
 * that builds its children's properties afresh on each render (a value split into parts, a provenance
 * marker) would otherwise make every child render again whenever the view does — during a read-all that
 * was ~30 setting fields once a frame for a progress bar (Lit compares properties by identity).
 */
export class SameObjects<T> {
  private readonly last = new Map<string, T>();

  constructor(private readonly same: (a: T, b: T) => boolean) {}

  keep(key: string, value: T): T {
    const before = this.last.get(key);
    if (before !== undefined && this.same(before, value)) return before;
    this.last.set(key, value);
    return value;
  }
}

export const sameStrings = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);
