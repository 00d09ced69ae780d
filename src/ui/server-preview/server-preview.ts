/**
 * "What your server will see", before anything is written: from the values the module will run with (the
 * device's, with the pending ones over them), the sockets that connect, the registration packet (manual
 * 2.3.1: REGEN, REGTP, REGDT, REGSND, CLOUD), the heartbeat (2.3.2: HEARTEN, HEARTDT, HEARTSND, HEARTTM)
 * and how serial bytes become packets (2.2.2: UARTFT, UARTFL).
 *
 * The registration bytes follow the decision of module-behaviour.md ("Not public"), as the simulator sends
 * them: ICCID and IMEI as ASCII digits; CLOUD as the 20-character id then the 8-character password. Secrets
 * (the cloud password, data the person marked private) are masked unless `reveal`.
 */
import { findCommand } from '../../protocol/catalogue';
import { unescapeBytes } from '../../protocol/escape';
import { SECRET_MASK } from '../../protocol/secrets';
import { asciiView, bytesToHex, hexToBytes } from '../logic/bytes';
import { maskSecrets } from '../logic/fields';

export type SocketLetter = 'A' | 'B' | 'C' | 'D';
const LETTERS: readonly SocketLetter[] = ['A', 'B', 'C', 'D'];

/** Bytes as the server receives them, shown as text when they are printable ASCII, else as hex. */
export interface PacketView {
  /**
   * The bytes, when known (to compare with what a server received). Never shown: when `masked`, they hold
   * a secret, and only `shown` may reach the screen.
   */
  readonly bytes?: Uint8Array;
  /** As shown: `www.usr.cn`, `89860…`, or hex `01 02 FF`; masked parts as •••. */
  readonly shown: string;
  /** `shown` is hex (the bytes are not all printable). */
  readonly hex: boolean;
  /** Part of it is hidden (password, private data). */
  readonly masked: boolean;
  /** The content is not known yet (the identity was not read): `shown` names what it will be. */
  readonly unknown?: 'ICCID' | 'IMEI';
}

export interface SocketTarget {
  readonly socket: SocketLetter;
  /** `TCP` or `UDP`. */
  readonly protocol: string;
  readonly host: string;
  readonly port: string;
  /** Short connection: connects only when serial data arrives. */
  readonly short: boolean;
}

export type RegistrationPreview =
  | { readonly enabled: false }
  | {
      readonly enabled: true;
      /** REGTP. */
      readonly type: string;
      /** REGSND: once on each connect (LINK), or in front of every data packet (DATA). */
      readonly when: 'connect' | 'every-packet';
      /** Undefined for D2DID (not defined by the manual). */
      readonly packet?: PacketView;
    };

export type HeartbeatPreview =
  | { readonly enabled: false }
  | {
      readonly enabled: true;
      /** HEARTSND: to the server (NET) or to the serial device (COM). */
      readonly to: 'server' | 'serial';
      /** HEARTTM: seconds without data before one is sent. */
      readonly periodS: number;
      readonly packet: PacketView;
    };

export interface ServerPreview {
  readonly mode: 'NET' | 'HTTPD';
  /** Sockets that are on (SOCKxEN=ON), in NET mode. */
  readonly sockets: readonly SocketTarget[];
  readonly registration: RegistrationPreview;
  readonly heartbeat: HeartbeatPreview;
  /** UARTFT, UARTFL. */
  readonly framing: { readonly gapMs: number; readonly lengthBytes: number };
  /** HTPSV in HTTPD mode. */
  readonly httpServer?: string;
}

export interface Identity {
  readonly iccid?: string;
  readonly imei?: string;
}

const encoder = new TextEncoder();

function printable(bytes: Uint8Array): boolean {
  return bytes.length > 0 && bytes.every((b) => b >= 0x20 && b < 0x7f);
}

/** A packet from its bytes; `masked` bytes are never kept. */
export function packetOf(bytes: Uint8Array): PacketView {
  return printable(bytes)
    ? { bytes, shown: asciiView(bytes), hex: false, masked: false }
    : { bytes, shown: bytesToHex(bytes, ' '), hex: true, masked: false };
}

/** A hex setting (REGDT, HEARTDT) as a packet, masked when the person marked it private. */
function hexPacket(name: string, hex: string, reveal: boolean): PacketView {
  const entry = findCommand(name);
  const bytes = hexToBytes(hex) ?? new Uint8Array();
  if (!reveal && entry && maskSecrets(entry, hex) !== hex) {
    return { bytes, shown: SECRET_MASK, hex: false, masked: true };
  }
  return packetOf(bytes);
}

function identityPacket(kind: 'ICCID' | 'IMEI', digits: string | undefined): PacketView {
  if (!digits) return { shown: kind, hex: false, masked: false, unknown: kind };
  return packetOf(encoder.encode(digits));
}

function cloudPacket(value: string, reveal: boolean): PacketView {
  const comma = value.indexOf(',');
  const id = comma < 0 ? value : value.slice(0, comma);
  const password = comma < 0 ? '' : value.slice(comma + 1);
  const bytes = new Uint8Array([...encoder.encode(id), ...unescapeBytes(password)]);
  if (reveal || password === '') return packetOf(bytes);
  return { bytes, shown: `${id}${SECRET_MASK}`, hex: false, masked: true };
}

function registration(
  v: Readonly<Record<string, string>>,
  id: Identity,
  reveal: boolean,
): RegistrationPreview {
  if (v['REGEN'] !== 'ON') return { enabled: false };
  const type = v['REGTP'] ?? 'USER';
  const when = v['REGSND'] === 'DATA' ? 'every-packet' : 'connect';
  switch (type) {
    case 'ICCID':
      return { enabled: true, type, when, packet: identityPacket('ICCID', id.iccid) };
    case 'IMEI':
      return { enabled: true, type, when, packet: identityPacket('IMEI', id.imei) };
    case 'CLOUD':
      return { enabled: true, type, when, packet: cloudPacket(v['CLOUD'] ?? ',', reveal) };
    case 'USER':
      return { enabled: true, type, when, packet: hexPacket('REGDT', v['REGDT'] ?? '', reveal) };
    default:
      return { enabled: true, type, when };
  }
}

function int(text: string | undefined, fallback: number): number {
  const n = Number(text);
  return Number.isFinite(n) && text !== undefined && text.trim() !== '' ? n : fallback;
}

/**
 * What the server sees with the module running `values` (every setting: the device's with the pending
 * values over them; factory defaults for what was never read).
 */
export function serverPreview(
  values: Readonly<Record<string, string>>,
  identity: Identity = {},
  reveal = false,
): ServerPreview {
  const mode = values['WKMOD'] === 'HTTPD' ? 'HTTPD' : 'NET';
  const sockets: SocketTarget[] = [];
  if (mode === 'NET') {
    for (const s of LETTERS) {
      if (values[`SOCK${s}EN`] !== 'ON') continue;
      const [protocol = 'TCP', host = '', port = ''] = (values[`SOCK${s}`] ?? '').split(',');
      sockets.push({ socket: s, protocol, host, port, short: values[`SOCK${s}SL`] === 'SHORT' });
    }
  }
  const heartbeat: HeartbeatPreview =
    mode === 'NET' && values['HEARTEN'] === 'ON'
      ? {
          enabled: true,
          to: values['HEARTSND'] === 'COM' ? 'serial' : 'server',
          periodS: int(values['HEARTTM'], 30),
          packet: hexPacket('HEARTDT', values['HEARTDT'] ?? '', reveal),
        }
      : { enabled: false };
  return {
    mode,
    sockets,
    registration: mode === 'NET' ? registration(values, identity, reveal) : { enabled: false },
    heartbeat,
    framing: { gapMs: int(values['UARTFT'], 50), lengthBytes: int(values['UARTFL'], 1024) },
    ...(mode === 'HTTPD' && values['HTPSV'] ? { httpServer: values['HTPSV'] } : {}),
  };
}

export type PreviewPart = 'sockets' | 'registration' | 'heartbeat' | 'framing' | 'mode';

/** Which parts differ between what the server sees now and after the pending changes. */
export function changedParts(before: ServerPreview, after: ServerPreview): ReadonlySet<PreviewPart> {
  const key = (x: unknown): string =>
    JSON.stringify(x, (_k, v: unknown) => (v instanceof Uint8Array ? bytesToHex(v) : v));
  const out = new Set<PreviewPart>();
  if (before.mode !== after.mode) out.add('mode');
  if (key(before.sockets) !== key(after.sockets)) out.add('sockets');
  if (key(before.registration) !== key(after.registration)) out.add('registration');
  if (key(before.heartbeat) !== key(after.heartbeat)) out.add('heartbeat');
  if (key(before.framing) !== key(after.framing)) out.add('framing');
  return out;
}

/** True when `seen` bytes are what the preview expects (unknown or masked content: not compared). */
export function sameBytes(expected: PacketView | undefined, seen: Uint8Array): boolean | undefined {
  if (!expected?.bytes) return undefined;
  return expected.bytes.length === seen.length && expected.bytes.every((b, i) => b === seen[i]);
}
