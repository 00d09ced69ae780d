/**
 * One device model (issue "What the screen says is true"): every value the session learns about the
 * connected module's settings — read by an operation or a terminal query, accepted by a set and not read
 * back, from the terminal or password AT — lands here with when and how it was learned. Views (settings,
 * dashboard, compare, "save device configuration") read the device's values only from this model, so a
 * terminal `AT+HEARTTM=90` is what the settings view, a compare and a saved profile see.
 *
 * A value that may have changed since it was learned (AT+RELD / AT+CLEAR / a firmware update, or the
 * module restarted by itself — a power cycle cannot be told from the Reload pin, which restores the
 * factory settings) is kept but marked `stale`: shown as "may have changed", never as current. A
 * disconnect keeps the model and marks it not live ("as last read at …").
 *
 * Pure (no DOM, no catalogue), so it sits in the initial bundle with the config store and is tested in
 * Node (tests/ui/device-model.test.ts). Times are wall-clock ms (for "read 14:02"), given by the caller.
 */
import type { DeviceFact } from '../services/session-service';

/** How a value was learned: read from the module, or accepted by it (OK to a set) and not read back. */
export type Learned = 'read' | 'set';

/**
 * Why every value may have changed: AT+RELD (`reload`, user defaults), AT+CLEAR (`factory`), a firmware
 * update, or a restart the session did not start (`restarted`: power cycle or the Reload pin).
 */
export type StaleReason = 'reload' | 'factory' | 'update' | 'restarted';

export interface KnownValue {
  /** Canonical value. */
  readonly value: string;
  /** Wall-clock ms when it was learned. */
  readonly at: number;
  readonly how: Learned;
  /** Learned from a line the person typed in the terminal (or password AT), not an operation. */
  readonly terminal: boolean;
  /** Something happened since that may have changed it. */
  readonly stale?: { readonly reason: StaleReason; readonly at: number };
}

export interface ModelSummary {
  /** Settings known. */
  readonly count: number;
  /** The latest time a value was read (wall ms), if any was. */
  readonly lastReadAt: number | undefined;
  /** Settings accepted by the module but not read back (terminal or operation). */
  readonly notReadBack: readonly string[];
  /** Settings that may have changed since they were learned. */
  readonly stale: readonly string[];
  /** The latest stale mark, when any value carries one. */
  readonly staleBecause: { readonly reason: StaleReason; readonly at: number } | undefined;
  /** The module is connected now; false: the values are as last known. */
  readonly live: boolean;
  /** When the connection ended (wall ms), while not live. */
  readonly offlineSince: number | undefined;
}

export class DeviceModel {
  private readonly known = new Map<string, KnownValue>();
  private _live = false;
  private _offlineSince: number | undefined;
  private cache: Readonly<Record<string, string>> | undefined;

  /** What is known of `name`, or undefined. */
  get(name: string): KnownValue | undefined {
    return this.known.get(name);
  }

  get entries(): ReadonlyMap<string, KnownValue> {
    return this.known;
  }

  get size(): number {
    return this.known.size;
  }

  get live(): boolean {
    return this._live;
  }

  /** The known values (canonical), stale and not-read-back ones included; the same object until a change. */
  values(): Readonly<Record<string, string>> {
    this.cache ??= Object.freeze(Object.fromEntries([...this.known].map(([n, k]) => [n, k.value])));
    return this.cache;
  }

  /** A fact from the session; returns true when the model changed. */
  learn(fact: DeviceFact, now: number): boolean {
    if (fact.kind === 'stale') return this.markStale(fact.reason, now);
    return this.put(fact.name, { value: fact.value, at: now, how: fact.source, terminal: fact.terminal });
  }

  /** Values an operation read (a whole read-all, a read-back after an apply). */
  readValues(values: Readonly<Record<string, string>>, now: number): boolean {
    let changed = false;
    for (const [name, value] of Object.entries(values)) {
      changed = this.put(name, { value, at: now, how: 'read', terminal: false }) || changed;
    }
    return changed;
  }

  /** Every known value may have changed (stays shown, marked). */
  markStale(reason: StaleReason, now: number): boolean {
    if (this.known.size === 0) return false;
    for (const [name, k] of this.known) this.known.set(name, { ...k, stale: { reason, at: now } });
    this.cache = undefined;
    return true;
  }

  /** Connected (live) or not; a disconnect keeps the values as last known. */
  setLive(live: boolean, now: number): boolean {
    if (live === this._live) return false;
    this._live = live;
    this._offlineSince = live ? undefined : now;
    return true;
  }

  /** Another module (or none): nothing known any more. */
  forget(): boolean {
    if (this.known.size === 0) return false;
    this.known.clear();
    this.cache = undefined;
    return true;
  }

  /** Names whose value is not proven current: accepted and not read back, or stale. */
  unconfirmed(): string[] {
    return [...this.known].filter(([, k]) => k.how === 'set' || k.stale !== undefined).map(([n]) => n);
  }

  summary(): ModelSummary {
    let lastReadAt: number | undefined;
    let staleBecause: ModelSummary['staleBecause'];
    const notReadBack: string[] = [];
    const stale: string[] = [];
    for (const [name, k] of this.known) {
      if (k.how === 'read' && (lastReadAt === undefined || k.at > lastReadAt)) lastReadAt = k.at;
      if (k.how === 'set' && !k.stale) notReadBack.push(name);
      if (k.stale) {
        stale.push(name);
        if (!staleBecause || k.stale.at > staleBecause.at) staleBecause = k.stale;
      }
    }
    return {
      count: this.known.size,
      lastReadAt,
      notReadBack,
      stale,
      staleBecause,
      live: this._live,
      offlineSince: this._offlineSince,
    };
  }

  private put(name: string, next: KnownValue): boolean {
    const before = this.known.get(name);
    if (
      before &&
      !before.stale &&
      before.value === next.value &&
      before.how === next.how &&
      before.terminal === next.terminal &&
      before.at === next.at
    )
      return false;
    this.known.set(name, next);
    this.cache = undefined;
    return true;
  }
}
