/**
 * What the views share about the connected module: the device model (every value learned about its
 * settings, with when and how: device-model/device-model.ts), the person's edits (draft), identity and
 * status for the dashboard, and the last apply's report. Plain state with change notification; no
 * catalogue import, so it stays in the initial bundle cheaply.
 *
 * The draft keeps one text per parameter as typed, so a field with a stray "," is never split wrongly.
 */
import type { ProofState } from '../link-proof/findings';
import { DeviceModel, type StaleReason } from '../device-model/device-model';
import type { ApplyReport, DeviceFact, DeviceStatus, Identity } from '../services/session-service';

export type StoreListener = () => void;

/** Edits brought back from the last visit (keep-work/), until the person has seen them. */
export interface RestoredDraft {
  readonly count: number;
  /** Wall ms when they were saved. */
  readonly savedAt: number;
}

export class ConfigStore {
  /** The one device model: views read the device's values only from it (`device`, `model`). */
  readonly model = new DeviceModel();
  private _restored: RestoredDraft | undefined;
  private readonly _draft = new Map<string, readonly string[]>();
  private _identity: Identity | undefined;
  private _status: { readonly value: DeviceStatus; readonly at: Date } | undefined;
  private _report: ApplyReport | undefined;
  private _linkProof: ProofState | undefined;
  private listeners: StoreListener[] = [];

  /** `now`: wall-clock ms, for when values were learned. */
  constructor(private readonly now: () => number = () => Date.now()) {}

  /**
   * The device's values as the model knows them (canonical; read, accepted-not-read-back and stale ones —
   * `model` tells which), or undefined while nothing is known.
   */
  get device(): Readonly<Record<string, string>> | undefined {
    return this.model.size === 0 ? undefined : this.model.values();
  }

  /** Edits restored from the last visit, until dismissed. */
  get restored(): RestoredDraft | undefined {
    return this._restored;
  }

  get draft(): ReadonlyMap<string, readonly string[]> {
    return this._draft;
  }

  get identity(): Identity | undefined {
    return this._identity;
  }

  get status(): { readonly value: DeviceStatus; readonly at: Date } | undefined {
    return this._status;
  }

  get report(): ApplyReport | undefined {
    return this._report;
  }

  /** The last link check after an apply (link-proof/), for the report and the dashboard. */
  get linkProof(): ProofState | undefined {
    return this._linkProof;
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** Values an operation read from the device; edits now equal to the device's value are dropped. */
  setDevice(values: Readonly<Record<string, string>>): void {
    this.model.readValues(values, this.now());
    this.dropEditsEqualTo(values);
    this.emit();
  }

  /** Merges values read back after an apply into the device values. */
  updateDevice(values: Readonly<Record<string, string>>): void {
    this.setDevice(values);
  }

  /** A fact from the session (services/session-service.ts `onFact`). */
  learn(fact: DeviceFact): void {
    const changed = this.model.learn(fact, this.now());
    if (fact.kind === 'value') this.dropEditsEqualTo({ [fact.name]: fact.value });
    if (changed) this.emit();
  }

  /** Every known value may have changed (a restart the session did not start, …). */
  markStale(reason: StaleReason): void {
    if (this.model.markStale(reason, this.now())) this.emit();
  }

  /** The module is connected (live) or not; the values are kept as last known. */
  setLive(live: boolean): void {
    if (this.model.setLive(live, this.now())) this.emit();
  }

  /**
   * Edits saved on the last visit (keep-work/draft-keeper.ts); an edit made in this page meanwhile wins.
   * Returns how many were taken.
   */
  restoreDraft(edits: ReadonlyMap<string, readonly string[]>, savedAt: number): number {
    let n = 0;
    for (const [name, parts] of edits) {
      if (this._draft.has(name)) continue;
      this._draft.set(name, [...parts]);
      n++;
    }
    if (n > 0) {
      this._restored = { count: n, savedAt };
      this.emit();
    }
    return n;
  }

  dismissRestored(): void {
    if (!this._restored) return;
    this._restored = undefined;
    this.emit();
  }

  private dropEditsEqualTo(values: Readonly<Record<string, string>>): void {
    for (const [name, parts] of this._draft) {
      if (values[name] !== undefined && parts.join(',') === values[name]) this._draft.delete(name);
    }
  }

  /**
   * An edit of `name`; `base` is the value it is compared with (device or factory). Equal: no edit. A new
   * edit ends the last apply's report: it is about values that are no longer the ones pending.
   */
  edit(name: string, parts: readonly string[], base: string): void {
    if (parts.join(',') === base) this._draft.delete(name);
    else this._draft.set(name, [...parts]);
    this._report = undefined;
    this.emit();
  }

  revert(name: string): void {
    if (this._draft.delete(name)) this.emit();
  }

  revertAll(): void {
    if (this._draft.size === 0) return;
    this._draft.clear();
    this.emit();
  }

  /** Drops the edits that were written (after an apply). */
  clearEdits(names: Iterable<string>): void {
    for (const name of names) this._draft.delete(name);
    this.emit();
  }

  setIdentity(identity: Identity): void {
    this._identity = identity;
    this.emit();
  }

  setStatus(status: DeviceStatus, at: Date): void {
    this._status = { value: status, at };
    this.emit();
  }

  setReport(report: ApplyReport | undefined): void {
    this._report = report;
    this.emit();
  }

  setLinkProof(state: ProofState | undefined): void {
    this._linkProof = state;
    this.emit();
  }

  /** A different module (or none): forget what was read, keep the edits (they may be for the next one). */
  forgetDevice(): void {
    this.model.forget();
    this._identity = undefined;
    this._status = undefined;
    this._report = undefined;
    this._linkProof = undefined;
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
