/**
 * Devices seen (keyed by IMEI, else SN), the last configuration read from each, and the history of
 * applies with a result per setting. History is append-only; `forgetDevices` wipes it all at once.
 * Secrets never rest here: values are written with every secret part withheld (withhold.ts).
 *
 * Apart from those, what is remembered about the device behind a port (`ports`, keyed by what the port
 * tells before a byte is sent): the line settings that last reached it and its packing interval (UARTFT),
 * so the next connect tries that baud rate first and times `+++` from the right silence.
 */
import { read, storeConfig, write } from './connection';
import { storageError } from './errors';
import type { ApplyRecord, DeviceRecord, PortRecord, RememberedLine, SettingResult } from './schema';
import { withholdApply, withholdRead } from './withhold';

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

/**
 * Records that a device was seen (identified), and optionally the configuration read from it — kept with
 * its secrets withheld. The app itself passes no values: what is read stays in the page until the
 * person saves it as a profile (docs/security.md).
 */
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
      ...(values ? { lastRead: withholdRead({ at: now, values }) } : {}),
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

/** Appends one apply to a device's history (secrets withheld); the device must have been recorded. */
export async function recordApply(device: string, apply: ApplyInput): Promise<ApplyRecord> {
  const at = storeConfig().now();
  return write(['devices', 'applies'], async (tx) => {
    if ((await tx.objectStore('devices').get(device)) === undefined) throw storageError('not-found');
    const record: ApplyRecord = withholdApply({
      ...apply,
      deviceId: device,
      at,
      results: [...apply.results],
    });
    const id = await tx.objectStore('applies').add(record);
    return { ...record, id };
  });
}

/** A device's applies, newest first. */
export async function listApplies(device: string): Promise<ApplyRecord[]> {
  const all = await read(['applies'], (tx) => tx.objectStore('applies').index('by-device').getAll(device));
  return all.sort((a, b) => b.at - a.at || (b.id ?? 0) - (a.id ?? 0));
}

export interface DeviceDataCount {
  readonly devices: number;
  readonly applies: number;
  readonly ports: number;
}

/** How much is remembered about devices (for the privacy panel). */
export async function countDeviceData(): Promise<DeviceDataCount> {
  const [devices, applies, ports] = await read(['devices', 'applies', 'ports'], (tx) =>
    Promise.all([
      tx.objectStore('devices').count(),
      tx.objectStore('applies').count(),
      tx.objectStore('ports').count(),
    ]),
  );
  return { devices, applies, ports };
}

/**
 * Forgets every device, the whole apply history, what is remembered about ports and the batch station's
 * results (IMEIs, ICCIDs and values of the modules provisioned), in one transaction.
 */
export async function forgetDevices(): Promise<DeviceDataCount> {
  return write(['devices', 'applies', 'ports', 'batchResults'], async (tx) => {
    const counts = await Promise.all([
      tx.objectStore('devices').count(),
      tx.objectStore('applies').count(),
      tx.objectStore('ports').count(),
    ]);
    await Promise.all([
      tx.objectStore('devices').clear(),
      tx.objectStore('applies').clear(),
      tx.objectStore('ports').clear(),
      tx.objectStore('batchResults').clear(),
    ]);
    return { devices: counts[0], applies: counts[1], ports: counts[2] };
  });
}

// ---------------------------------------------------------------------------------------------- ports

/** The baud rates of the module's UART (manual 3.1.7.20). */
const RATES: ReadonlySet<number> = new Set([
  300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400,
]);
const PARITIES: ReadonlySet<unknown> = new Set(['NONE', 'ODD', 'EVEN']);

/** `simulator`, `serial`, or `usb:` + two 4-digit hex ids. */
export function isPortKey(key: string): boolean {
  return /^(simulator|serial|usb:[0-9a-f]{4}:[0-9a-f]{4})$/.test(key);
}

function validLine(line: unknown): RememberedLine | undefined {
  if (typeof line !== 'object' || line === null) return undefined;
  const l = line as Record<string, unknown>;
  if (typeof l['baud'] !== 'number' || !RATES.has(l['baud'])) return undefined;
  if (l['dataBits'] !== 7 && l['dataBits'] !== 8) return undefined;
  if (l['stopBits'] !== 1 && l['stopBits'] !== 2) return undefined;
  if (!PARITIES.has(l['parity'])) return undefined;
  return {
    baud: l['baud'],
    dataBits: l['dataBits'],
    stopBits: l['stopBits'],
    parity: l['parity'] as RememberedLine['parity'],
  };
}

/** AT+UARTFT's range (50–60000 ms). */
function validUartft(ms: unknown): number | undefined {
  return typeof ms === 'number' && Number.isInteger(ms) && ms >= 50 && ms <= 60000 ? ms : undefined;
}

/** A stored record read back as untrusted data: fields that do not fit are left out. */
function cleanPort(record: PortRecord | undefined): PortRecord | undefined {
  if (!record || typeof record.key !== 'string') return undefined;
  const line = validLine(record.line);
  const uartft = validUartft(record.uartft);
  return {
    key: record.key,
    ...(line ? { line } : {}),
    ...(uartft !== undefined ? { uartft } : {}),
    firstSeen: typeof record.firstSeen === 'number' ? record.firstSeen : 0,
    lastSeen: typeof record.lastSeen === 'number' ? record.lastSeen : 0,
  };
}

/** What is remembered about the device behind the port `key`, if anything. */
export async function getPort(key: string): Promise<PortRecord | undefined> {
  if (!isPortKey(key)) return undefined;
  return cleanPort(await read(['ports'], (tx) => tx.objectStore('ports').get(key)));
}

/** What was learnt about the device behind a port; absent fields keep their remembered value. */
export interface PortUpdate {
  readonly line?: RememberedLine;
  readonly uartft?: number;
}

/** Remembers `update` for the port `key` (refused with `invalid` when the key or a value does not fit). */
export async function rememberPort(key: string, update: PortUpdate): Promise<PortRecord> {
  const line = update.line === undefined ? undefined : validLine(update.line);
  const uartft = update.uartft === undefined ? undefined : validUartft(update.uartft);
  if (
    !isPortKey(key) ||
    (update.line !== undefined && !line) ||
    (update.uartft !== undefined && uartft === undefined)
  ) {
    throw storageError('invalid');
  }
  const now = storeConfig().now();
  return write(['ports'], async (tx) => {
    const store = tx.objectStore('ports');
    const before = cleanPort(await store.get(key));
    const keptLine = line ?? before?.line;
    const keptUartft = uartft ?? before?.uartft;
    const record: PortRecord = {
      key,
      ...(keptLine ? { line: keptLine } : {}),
      ...(keptUartft !== undefined ? { uartft: keptUartft } : {}),
      firstSeen: before?.firstSeen ?? now,
      lastSeen: now,
    };
    await store.put(record);
    return record;
  });
}
