/**
 * Devices seen (keyed by IMEI, else SN), the last configuration read from each, and the history of
 * applies with a result per setting. History is append-only.
 */
import { read, storeConfig, write } from './connection';
import { storageError } from './errors';
import type { ApplyRecord, DeviceRecord, SettingResult } from './schema';

export interface DeviceIdentity {
  readonly imei?: string;
  readonly sn?: string;
  readonly firmware?: string;
}

/** IMEI when known, else SN; a device with neither cannot be remembered. */
export function deviceId(identity: DeviceIdentity): string {
  const id = identity.imei?.trim() || identity.sn?.trim();
  if (!id) throw storageError('invalid');
  return id;
}

/** Records that a device was seen (identified), and optionally the configuration read from it. */
export async function recordDevice(
  identity: DeviceIdentity,
  values?: Readonly<Record<string, string>>,
): Promise<DeviceRecord> {
  const id = deviceId(identity);
  const now = storeConfig().now();
  return write(['devices'], async (tx) => {
    const store = tx.objectStore('devices');
    const before = await store.get(id);
    const record: DeviceRecord = {
      ...before,
      id,
      ...(identity.imei ? { imei: identity.imei } : {}),
      ...(identity.sn ? { sn: identity.sn } : {}),
      ...(identity.firmware ? { firmware: identity.firmware } : {}),
      firstSeen: before?.firstSeen ?? now,
      lastSeen: now,
      ...(values ? { lastRead: { at: now, values: { ...values } } } : {}),
    };
    await store.put(record);
    return record;
  });
}

export async function getDevice(id: string): Promise<DeviceRecord | undefined> {
  return read(['devices'], (tx) => tx.objectStore('devices').get(id));
}

/** Devices, most recently seen first. */
export async function listDevices(): Promise<DeviceRecord[]> {
  const all = await read(['devices'], (tx) => tx.objectStore('devices').getAll());
  return all.sort((a, b) => b.lastSeen - a.lastSeen);
}

export interface ApplyInput {
  readonly profileId?: string;
  readonly profileName?: string;
  readonly restarted: boolean;
  readonly results: readonly SettingResult[];
}

/** Appends one apply to a device's history; the device must have been recorded. */
export async function recordApply(device: string, apply: ApplyInput): Promise<ApplyRecord> {
  const at = storeConfig().now();
  return write(['devices', 'applies'], async (tx) => {
    if ((await tx.objectStore('devices').get(device)) === undefined) throw storageError('not-found');
    const record: ApplyRecord = { ...apply, deviceId: device, at, results: [...apply.results] };
    const id = await tx.objectStore('applies').add(record);
    return { ...record, id };
  });
}

/** A device's applies, newest first. */
export async function listApplies(device: string): Promise<ApplyRecord[]> {
  const all = await read(['applies'], (tx) => tx.objectStore('applies').index('by-device').getAll(device));
  return all.sort((a, b) => b.at - a.at || (b.id ?? 0) - (a.id ?? 0));
}
