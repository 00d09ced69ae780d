/**
 * The IndexedDB schema, typed for idb (style.md: typed DBSchema, versioned upgrades from version 1 on).
 *
 * Version 1: `profiles` (key `id`), `devices` (key `id` = IMEI, else SN), `applies` (auto key, index
 * `by-device`), `settings` (key/value, out-of-line keys).
 * Version 2: index `by-updated` on `profiles` (`profile.updated`) and `by-time` on `applies` (`at`).
 * Records are read back as untrusted data (profiles are validated on every read; see profiles.ts).
 */
import type { DBSchema } from 'idb';
import type { Profile } from '../profile/profile';

export const DB_NAME = 'usr-7s4-configurator';
export const DB_VERSION = 2;

export interface ProfileRecord {
  readonly id: string;
  readonly profile: Profile;
  /** Set while the profile is in the trash (soft delete); cleared by restore. */
  readonly trashedAt?: number;
}

/** One configuration read from a device. */
export interface DeviceRead {
  readonly at: number;
  readonly values: Readonly<Record<string, string>>;
}

export interface DeviceRecord {
  /** IMEI when known (it never changes with the SIM), else the serial number. */
  readonly id: string;
  readonly imei?: string;
  readonly sn?: string;
  readonly firmware?: string;
  readonly firstSeen: number;
  readonly lastSeen: number;
  readonly lastRead?: DeviceRead;
}

/** What happened to one setting of an apply (architecture.md, "Apply"). */
export type SettingOutcome = 'applied' | 'unchanged' | 'rejected' | 'not-reached';

export interface SettingResult {
  readonly setting: string;
  readonly outcome: SettingOutcome;
  /** The value that was to be written. */
  readonly value: string;
  /** The device's value before the apply, when it was read. */
  readonly previous?: string;
  /** The module's error answer for `rejected`, as received (`+ERR:4`). */
  readonly error?: string;
}

export interface ApplyRecord {
  /** Assigned by the store. */
  readonly id?: number;
  readonly deviceId: string;
  readonly at: number;
  readonly profileId?: string;
  readonly profileName?: string;
  readonly restarted: boolean;
  readonly results: readonly SettingResult[];
}

/** App settings: small JSON-able values under string keys (language, last port, …). */
export type AppSettingValue =
  string | number | boolean | null | readonly AppSettingValue[] | { readonly [k: string]: AppSettingValue };

/** The schema as version 1 created it; kept for the upgrade test and as the record of what v1 was. */
export interface StoreSchemaV1 extends DBSchema {
  profiles: { key: string; value: ProfileRecord };
  devices: { key: string; value: DeviceRecord };
  applies: { key: number; value: ApplyRecord; indexes: { 'by-device': string } };
  settings: { key: string; value: AppSettingValue };
}

export interface StoreSchema extends DBSchema {
  profiles: { key: string; value: ProfileRecord; indexes: { 'by-updated': number } };
  devices: { key: string; value: DeviceRecord };
  applies: { key: number; value: ApplyRecord; indexes: { 'by-device': string; 'by-time': number } };
  settings: { key: string; value: AppSettingValue };
}
