/**
 * What the views share about the connected module: the values last read from it, the person's edits
 * (draft), identity and status for the dashboard, and the last apply's report. Plain state with change
 * notification; no catalogue import, so it stays in the initial bundle cheaply.
 *
 * The draft keeps one text per parameter as typed, so a field with a stray "," is never split wrongly.
 */
import type { ApplyReport, DeviceStatus, Identity } from '../services/session-service';

export type StoreListener = () => void;

export class ConfigStore {
  private _device: Readonly<Record<string, string>> | undefined;
  private readonly _draft = new Map<string, readonly string[]>();
  private _identity: Identity | undefined;
  private _status: { readonly value: DeviceStatus; readonly at: Date } | undefined;
  private _report: ApplyReport | undefined;
  private listeners: StoreListener[] = [];

  /** Values read from the device (canonical), or undefined before the first read. */
  get device(): Readonly<Record<string, string>> | undefined {
    return this._device;
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

  subscribe(listener: StoreListener): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** New device values; edits now equal to the device's value are dropped. */
  setDevice(values: Readonly<Record<string, string>>): void {
    this._device = { ...values };
    for (const [name, parts] of this._draft) {
      if (parts.join(',') === values[name]) this._draft.delete(name);
    }
    this.emit();
  }

  /** Merges values read back after an apply into the device values. */
  updateDevice(values: Readonly<Record<string, string>>): void {
    this.setDevice({ ...(this._device ?? {}), ...values });
  }

  /** An edit of `name`; `base` is the value it is compared with (device or factory). Equal: no edit. */
  edit(name: string, parts: readonly string[], base: string): void {
    if (parts.join(',') === base) this._draft.delete(name);
    else this._draft.set(name, [...parts]);
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

  /** A different module (or none): forget what was read, keep the edits (they may be for the next one). */
  forgetDevice(): void {
    this._device = undefined;
    this._identity = undefined;
    this._status = undefined;
    this._report = undefined;
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
