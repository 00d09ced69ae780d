/**
 * The settings the firmware runs with, read once at start from the stored (canonical) values. A set
 * command changes only the stored value; these change at the next start (except AT+E, and the UART after
 * an RFC2217-like frame).
 */
import { unescapeBytes } from '../../protocol/escape';
import { parseUartValue, type UartSettings } from '../../protocol/uart';
import type { SocketId } from './control';

export interface SocketConfig {
  readonly id: SocketId;
  readonly enabled: boolean;
  readonly protocol: 'TCP' | 'UDP';
  readonly host: string;
  readonly port: number;
  readonly short: boolean;
  /** SHORxTO: short-connection idle timeout, ms. */
  readonly shortIdleMs: number;
  /** SOCKxTO: reconnect delay, ms. */
  readonly reconnectMs: number;
}

export interface RunningConfig {
  readonly values: Readonly<Record<string, string>>;
  readonly mode: 'NET' | 'HTTPD';
  readonly uart: UartSettings;
  readonly frameGapMs: number;
  readonly frameLength: number;
  readonly password: Uint8Array;
  readonly startMessage: Uint8Array;
  /** RSTIM in ms; 0 = off. */
  readonly restartIdleMs: number;
  readonly rfc2217: boolean;
  readonly sockets: readonly SocketConfig[];
  readonly sockInd: boolean;
  readonly sdp: boolean;
  readonly registration: {
    readonly enabled: boolean;
    readonly type: string;
    readonly userData: Uint8Array;
    readonly onEveryPacket: boolean;
    readonly cloud: string;
  };
  readonly heartbeat: {
    readonly enabled: boolean;
    readonly data: Uint8Array;
    readonly toSerial: boolean;
    readonly intervalMs: number;
  };
  readonly httpd: {
    readonly method: 'GET' | 'POST';
    readonly url: Uint8Array;
    readonly host: string;
    readonly port: number;
    readonly headers: Uint8Array;
    readonly timeoutMs: number;
    readonly filterHeaders: boolean;
  };
}

export const FALLBACK_UART: UartSettings = {
  baud: 115200,
  dataBits: 8,
  stopBits: 1,
  parity: 'NONE',
  flowControl: 'NFC',
};

export function hexBytes(hex: string): Uint8Array {
  const clean = hex.replace(/[^0-9a-fA-F]/g, '');
  const out = new Uint8Array(clean.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function int(v: string | undefined, fallback: number): number {
  const n = Number(v);
  return Number.isFinite(n) ? n : fallback;
}

/** `CLOUD` value `id,password` → its two fields (the password is escaped text). */
export function splitCloud(value: string): { id: string; password: string } {
  const comma = value.indexOf(',');
  return comma < 0
    ? { id: value, password: '' }
    : { id: value.slice(0, comma), password: value.slice(comma + 1) };
}

export function readConfig(values: Readonly<Record<string, string>>): RunningConfig {
  const v = (k: string): string => values[k] ?? '';
  const sockets = (['A', 'B', 'C', 'D'] as const).map((id): SocketConfig => {
    const [protocol = 'TCP', host = '', port = '0'] = v(`SOCK${id}`).split(',');
    return {
      id,
      enabled: v(`SOCK${id}EN`) === 'ON',
      protocol: protocol.toUpperCase() === 'UDP' ? 'UDP' : 'TCP',
      host,
      port: int(port, 0),
      short: v(`SOCK${id}SL`) === 'SHORT',
      shortIdleMs: int(v(`SHOR${id}TO`), 10) * 1000,
      reconnectMs: int(v(`SOCK${id}TO`), 5) * 1000,
    };
  });
  const [htHost = '', htPort = '80'] = v('HTPSV').split(',');
  return {
    values,
    mode: v('WKMOD') === 'HTTPD' ? 'HTTPD' : 'NET',
    uart: parseUartValue(v('UART')) ?? FALLBACK_UART,
    frameGapMs: Math.max(50, int(v('UARTFT'), 50)),
    frameLength: Math.max(1, Math.min(1024, int(v('UARTFL'), 1024))),
    password: unescapeBytes(v('CMDPW')),
    startMessage: unescapeBytes(v('STMSG')),
    restartIdleMs: int(v('RSTIM'), 0) * 1000,
    rfc2217: v('RFCEN') === 'ON',
    sockets,
    sockInd: v('SOCKIND') === 'ON',
    sdp: v('SDPEN') === 'ON',
    registration: {
      enabled: v('REGEN') === 'ON',
      type: v('REGTP'),
      userData: hexBytes(v('REGDT')),
      onEveryPacket: v('REGSND') === 'DATA',
      cloud: v('CLOUD'),
    },
    heartbeat: {
      enabled: v('HEARTEN') === 'ON',
      data: hexBytes(v('HEARTDT')),
      toSerial: v('HEARTSND') === 'COM',
      intervalMs: Math.max(1, int(v('HEARTTM'), 30)) * 1000,
    },
    httpd: {
      method: v('HTPTP') === 'POST' ? 'POST' : 'GET',
      url: unescapeBytes(v('HTPURL')),
      host: htHost,
      port: int(htPort, 80),
      headers: unescapeBytes(v('HTPHD')),
      timeoutMs: Math.max(1, int(v('HTPTO'), 10)) * 1000,
      filterHeaders: v('HTPFLT') !== 'OFF',
    },
  };
}
