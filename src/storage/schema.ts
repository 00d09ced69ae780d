/**
 * The IndexedDB schema, typed for idb (style.md: typed DBSchema, versioned upgrades from version 1 on).
 *
 * Version 1: `profiles` (key `id`), `devices` (key `id` = IMEI, else SN), `applies` (auto key, index
 * `by-device`), `settings` (key/value, out-of-line keys).
 * Version 2: index `by-updated` on `profiles` (`profile.updated`) and `by-time` on `applies` (`at`).
 * Version 3: `ports` (key `key`): how the device behind a port was last reached (line settings, UARTFT).
 * Version 4: no new store; secrets already in `devices` (last read) and `applies` (results) are withheld
 * in place (docs/security.md), and profile records may carry `sealed` (secrets encrypted with a passphrase).
 * Version 5: `workspace` (key/value, out-of-line keys `draft` and `simulator`): the person's pending edits
 * and the simulated module's state, so a reload or a browser restart loses neither (keep-work/ in the UI).
 * Version 6: `batchResults` (auto key, index `by-run`): every module the batch station recorded (docs/batch.md),
 * its values with secrets withheld.
 * Version 7: `progress` (key `id`: how far the learner got with each classroom scenario) and `scenarios` (key
 * `id`: scenario files a trainer imported) — ui/classroom/, docs/scenarios.md.
 * Records are read back as untrusted data (profiles are validated on every read; see profiles.ts).
 */
import type { DBSchema } from 'idb';
import type { StationRecord } from '../profile/batch/station';
import type { Profile } from '../profile/profile';
import type { SealedSecrets } from './secret-box';

export const DB_NAME = 'usr-7s4-configurator';
export const DB_VERSION = 7;

export interface ProfileRecord {
  readonly id: string;
  readonly profile: Profile;
  /** Set while the profile is in the trash (soft delete); cleared by restore. */
  readonly trashedAt?: number;
  /**
   * The profile's secrets, encrypted with a passphrase the person chose (secret-box.ts); the settings in
   * it are not in `profile.values`. Version 4 on.
   */
  readonly sealed?: SealedSecrets;
}

/** One configuration read from a device. */
export interface DeviceRead {
  readonly at: number;
  /** Values as read, each secret part replaced by `SECRET_MASK` (empty ones stay empty: "not set"). */
  readonly values: Readonly<Record<string, string>>;
  /** Settings whose secret parts were withheld (version 4 on). */
  readonly withheld?: readonly string[];
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

/** Host line settings that reached a module (the shape of `protocol/uart.ts` `UartSettings`, 8N1 etc.). */
export interface RememberedLine {
  readonly baud: number;
  readonly dataBits: 7 | 8;
  readonly stopBits: 1 | 2;
  readonly parity: 'NONE' | 'ODD' | 'EVEN';
}

/**
 * What is remembered about the device behind a port, so the next connect reaches it at once and never
 * times `+++` shorter than its packing interval. Keyed by what the port tells before anything is sent: USB
 * vendor and product ids, or `simulator`. Never a secret (no password, no values read).
 */
export interface PortRecord {
  /** `simulator`, `usb:1a86:7523` (USB vendor:product, 4 lower-case hex digits each), or `serial` (no ids). */
  readonly key: string;
  /** The host line settings that last worked. */
  readonly line?: RememberedLine;
  /** The module's packing interval (AT+UARTFT, ms): the silence needed before `+++`. */
  readonly uartft?: number;
  readonly firstSeen: number;
  readonly lastSeen: number;
}

/** What happened to one setting of an apply (architecture.md, "Apply"). */
export type SettingOutcome = 'applied' | 'unchanged' | 'rejected' | 'not-reached';

export interface SettingResult {
  readonly setting: string;
  readonly outcome: SettingOutcome;
  /** The value that was to be written; secret parts replaced by `SECRET_MASK` (version 4 on). */
  readonly value: string;
  /** The device's value before the apply, when it was read; secret parts withheld as in `value`. */
  readonly previous?: string;
  /** The module's error answer for `rejected`, as received (`+ERR:4`). */
  readonly error?: string;
  /**
   * Present when `value` or `previous` held a secret that was withheld: whether the secret parts
   * differed (decided when recorded; absent when there was no previous value to compare with).
   */
  readonly withheld?: { readonly changed?: boolean };
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

/** The schema as version 2 left it; kept for the upgrade test and as the record of what v2 was. */
export interface StoreSchemaV2 extends DBSchema {
  profiles: { key: string; value: ProfileRecord; indexes: { 'by-updated': number } };
  devices: { key: string; value: DeviceRecord };
  applies: { key: number; value: ApplyRecord; indexes: { 'by-device': string; 'by-time': number } };
  settings: { key: string; value: AppSettingValue };
}

/** The schema as version 3 left it (version 4 changed records, not stores). */
export interface StoreSchemaV3 extends StoreSchemaV2 {
  ports: { key: string; value: PortRecord };
}

/** The pending edits of the settings editor (ui/keep-work/draft-keeper.ts), under the key `draft`. */
export interface DraftRecord {
  /** Wall ms of the save. */
  readonly savedAt: number;
  /** Setting → the texts as typed, one per parameter. Never an edit that holds a secret. */
  readonly edits: Readonly<Record<string, readonly string[]>>;
  /** Edits that hold a secret: kept in the page only, named here (never their value). */
  readonly withheld: readonly string[];
}

/**
 * The simulated module's state (ui/keep-work/simulator-keeper.ts), under the key `simulator`: its stored
 * settings, user defaults, identity, firmware variant and the world's server behaviours and radio, as the
 * simulator host describes them (`simulator/host/saved-state.ts`; checked again when read). Settings holding
 * a secret are not kept (their factory value comes back), named in `withheld`.
 */
export interface SimulatorRecord {
  readonly savedAt: number;
  readonly state: AppSettingValue;
  readonly withheld: readonly string[];
}

export interface WorkspaceValues {
  readonly draft: DraftRecord;
  readonly simulator: SimulatorRecord;
}

export type WorkspaceKey = keyof WorkspaceValues;

/** The schema as version 4 left it (the same stores as version 3). */
export type StoreSchemaV4 = StoreSchemaV3;

/** Version 5: the workspace (pending edits, the simulated module). */
export interface StoreSchemaV5 extends StoreSchemaV4 {
  workspace: { key: WorkspaceKey; value: DraftRecord | SimulatorRecord };
}

/** One module recorded by the batch station (version 6). */
export interface BatchResultRecord {
  /** Assigned by the store. */
  readonly id?: number;
  /** The station run it belongs to (one start of the station with one profile and table). */
  readonly runId: string;
  readonly profileName: string;
  readonly tableName: string;
  /** The record; secret parts of its values replaced by `SECRET_MASK`. */
  readonly record: StationRecord;
}

/** Version 6: the batch station's results. */
export interface StoreSchemaV6 extends StoreSchemaV5 {
  batchResults: { key: number; value: BatchResultRecord; indexes: { 'by-run': string } };
}

/** How far a learner got with one classroom scenario (version 7). */
export interface ScenarioProgressRecord {
  /** The scenario's id. */
  readonly id: string;
  readonly state: 'started' | 'solved';
  /** Wall ms of the first start. */
  readonly startedAt: number;
  /** Wall ms of the last start. */
  readonly lastStartedAt: number;
  /** Wall ms when the check first passed. */
  readonly solvedAt?: number;
  /** Seconds from the start to the solution (the start it was solved after). */
  readonly seconds?: number;
  /** Hints shown so far (they are shown in order). */
  readonly hintsShown: number;
  /** How many times it was started. */
  readonly attempts: number;
}

/** A scenario file a trainer imported (version 7): its JSON as read, checked again whenever it is used. */
export interface ImportedScenarioRecord {
  readonly id: string;
  readonly importedAt: number;
  readonly scenario: AppSettingValue;
}

/** Version 7: the classroom — progress per scenario and imported scenario files. */
export interface StoreSchemaV7 extends StoreSchemaV6 {
  progress: { key: string; value: ScenarioProgressRecord };
  scenarios: { key: string; value: ImportedScenarioRecord };
}

export type StoreSchema = StoreSchemaV7;
