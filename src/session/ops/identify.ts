/**
 * Who the module is and how it is doing: firmware (VER), serial number (SN), IMEI, SIM (ICCID), network
 * (SYSINFO) and signal (CSQ, read on the scale SYSINFO names). An item the module answers with an error
 * (no SIM: ICCID) is reported on its own; a line failure stops the operation.
 */
import { csqToSignal, parseCsqValue, type CsqValue, type Signal } from '../../protocol/signal';
import { parseSysinfo, type SysinfoResult } from '../../protocol/sysinfo';
import type { SessionError } from '../errors';
import type { OperationHost } from './host';
import { readSettings } from './read-settings';

export const IDENTITY_QUERIES = ['VER', 'SN', 'IMEI', 'ICCID', 'SYSINFO', 'CSQ'] as const;
export type IdentityItem = (typeof IDENTITY_QUERIES)[number];

export interface Identity {
  /** Raw values as answered, by query name. */
  readonly raw: Readonly<Partial<Record<IdentityItem, string>>>;
  readonly version: string | undefined;
  readonly sn: string | undefined;
  readonly imei: string | undefined;
  readonly iccid: string | undefined;
  readonly sysinfo: SysinfoResult | undefined;
  readonly csq: CsqValue | undefined;
  /** The signal read with SYSINFO's network (GSM scale when SYSINFO failed). */
  readonly signal: Signal | undefined;
  /** Items the module answered with an error. */
  readonly errors: Readonly<Partial<Record<IdentityItem, SessionError>>>;
}

export async function identify(host: OperationHost, signal?: AbortSignal): Promise<Identity> {
  const total = IDENTITY_QUERIES.length;
  const read = await readSettings(host, IDENTITY_QUERIES, signal, (name, i) =>
    host.progress({ done: Math.min(i, total), total, step: `AT+${name}?` }),
  );
  if (read.error) throw read.error;
  host.progress({ done: total, total, step: '' });
  const raw: Partial<Record<IdentityItem, string>> = read.values;
  const sysinfo = raw.SYSINFO === undefined ? undefined : parseSysinfo(raw.SYSINFO);
  const csq = raw.CSQ === undefined ? undefined : parseCsqValue(raw.CSQ);
  const network = sysinfo?.ok ? sysinfo.networkType : 'GSM';
  return {
    raw,
    version: raw.VER,
    sn: raw.SN,
    imei: raw.IMEI,
    iccid: raw.ICCID,
    sysinfo,
    csq,
    signal: csq ? csqToSignal(csq.rssi, network) : undefined,
    errors: read.rejected,
  };
}
