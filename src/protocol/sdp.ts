/**
 * The socket distribution protocol (`AT+SDPEN=ON`, manual 2.3.4 names it; the bytes are not in the manual —
 * module-behaviour.md, "Socket distribution protocol", from sibling firmware and the DR404 manual):
 *
 * - host → module: `55 FD AA` · LEN (2 bytes, high first) · SOCK · `00` · data · SUM
 * - module → host: `AA FD 55` · LEN · SOCK · FLAG · data · SUM
 *   FLAG bit 7 = 1: a status message from the module; 0: data received from the network on SOCK.
 * - LEN = data length + 2 (it counts SOCK and the reserved/FLAG byte); SOCK `0x61`–`0x64` = sockets a–d.
 * - SUM = low byte of SOCK + reserved/FLAG + every data byte.
 * - Status codes: `00` header, `01` length, `02` parameter, `03` checksum, `10` send failed.
 *
 * Decisions where the source is silent (keep them here, so they can be corrected in one place):
 * - A whole frame is under 4096 bytes: LEN ≤ 4089, so data ≤ 4087 bytes. A frame carries ≥ 1 data byte.
 * - A status message carries its code as its one data byte, FLAG `0x80`, and the SOCK of the frame it is
 *   about; `0x00` when that frame named no valid socket (header, length or socket errors).
 * - Parameter errors (unknown SOCK; host reserved byte not 00) are checked before the checksum, so a corrupt
 *   SOCK byte is reported as a parameter error, not as the checksum error it also causes.
 * - After an error the decoder drops bytes until the next header start, reporting the run once.
 */
import type { Text } from './types';

export type SdpSocket = 'A' | 'B' | 'C' | 'D';
export type SdpDirection = 'host-to-module' | 'module-to-host';

export const SDP_HOST_HEADER: readonly number[] = [0x55, 0xfd, 0xaa];
export const SDP_MODULE_HEADER: readonly number[] = [0xaa, 0xfd, 0x55];
/** Header (3) + LEN (2) + SOCK + reserved/FLAG + SUM. */
export const SDP_OVERHEAD = 8;
/** Largest whole frame: "frames under 4096 bytes". */
export const SDP_MAX_FRAME = 4095;
export const SDP_MAX_DATA = SDP_MAX_FRAME - SDP_OVERHEAD;
/** FLAG bit 7: the frame is a status message from the module. */
export const SDP_STATUS_FLAG = 0x80;

export const SDP_ERROR = {
  header: 0x00,
  length: 0x01,
  parameter: 0x02,
  checksum: 0x03,
  sendFailed: 0x10,
} as const;
export type SdpErrorCode = (typeof SDP_ERROR)[keyof typeof SDP_ERROR];

const STATUS_MEANINGS: ReadonlyMap<number, Text> = new Map([
  [SDP_ERROR.header, { en: 'Frame header error', zh: '帧头错误' }],
  [SDP_ERROR.length, { en: 'Frame length error', zh: '长度错误' }],
  [
    SDP_ERROR.parameter,
    { en: 'Parameter error (socket or reserved byte)', zh: '参数错误（Socket 或保留字节）' },
  ],
  [SDP_ERROR.checksum, { en: 'Checksum error', zh: '校验错误' }],
  [SDP_ERROR.sendFailed, { en: 'Sending to the network failed', zh: '发送失败' }],
]);

/** The meaning of a status code, in both languages. */
export function sdpStatusMeaning(code: number): Text {
  const hex = code.toString(16).toUpperCase().padStart(2, '0');
  return STATUS_MEANINGS.get(code) ?? { en: `Unknown status ${hex}`, zh: `未知状态 ${hex}` };
}

/** SOCK byte of a socket: `a`–`d`. */
export function sdpSockByte(socket: SdpSocket): number {
  return 0x61 + 'ABCD'.indexOf(socket);
}

/** Socket named by a SOCK byte, or `undefined` for any other byte. */
export function sdpSocketOf(sock: number): SdpSocket | undefined {
  return sock >= 0x61 && sock <= 0x64 ? (['A', 'B', 'C', 'D'] as const)[sock - 0x61] : undefined;
}

/** SUM: low byte of SOCK + reserved/FLAG + every data byte. */
export function sdpChecksum(sock: number, flag: number, data: Uint8Array): number {
  let sum = sock + flag;
  for (const b of data) sum += b;
  return sum & 0xff;
}

function encode(header: readonly number[], sock: number, flag: number, data: Uint8Array): Uint8Array {
  if (data.length < 1 || data.length > SDP_MAX_DATA) {
    throw new RangeError(`socket distribution frames carry 1–${SDP_MAX_DATA} data bytes, not ${data.length}`);
  }
  const len = data.length + 2;
  const out = new Uint8Array(data.length + SDP_OVERHEAD);
  out.set(header, 0);
  out[3] = len >>> 8;
  out[4] = len & 0xff;
  out[5] = sock;
  out[6] = flag;
  out.set(data, 7);
  out[out.length - 1] = sdpChecksum(sock, flag, data);
  return out;
}

/** A frame the host sends: data for one socket. */
export function encodeHostFrame(socket: SdpSocket, data: Uint8Array): Uint8Array {
  return encode(SDP_HOST_HEADER, sdpSockByte(socket), 0x00, data);
}

/** A frame the module sends: `flag` 0 for network data; bit 7 set for a status message. */
export function encodeModuleFrame(socket: SdpSocket, flag: number, data: Uint8Array): Uint8Array {
  if (!Number.isInteger(flag) || flag < 0 || flag > 0xff) throw new RangeError(`FLAG is one byte: ${flag}`);
  return encode(SDP_MODULE_HEADER, sdpSockByte(socket), flag, data);
}

/** The module's status message for `code`, about `socket` (or about no valid socket). */
export function encodeStatusMessage(socket: SdpSocket | undefined, code: number): Uint8Array {
  if (!Number.isInteger(code) || code < 0 || code > 0xff)
    throw new RangeError(`status code is one byte: ${code}`);
  const sock = socket === undefined ? 0x00 : sdpSockByte(socket);
  return encode(SDP_MODULE_HEADER, sock, SDP_STATUS_FLAG, Uint8Array.of(code));
}

export type SdpEvent =
  /** Data for (host → module) or from (module → host) a socket. `flag` is the reserved/FLAG byte. */
  | { readonly type: 'frame'; readonly socket: SdpSocket; readonly flag: number; readonly data: Uint8Array }
  /** A status message from the module (module → host only; FLAG bit 7). */
  | {
      readonly type: 'status';
      readonly socket: SdpSocket | undefined;
      readonly flag: number;
      readonly code: number;
      readonly meaning: Text;
    }
  /** Bytes that are not a good frame; `code` is what the module reports for them. */
  | {
      readonly type: 'error';
      readonly code: SdpErrorCode;
      readonly socket: SdpSocket | undefined;
      readonly reason: Text;
    };

type State =
  | { readonly at: 'seek'; readonly skipping: boolean }
  | { readonly at: 'header'; readonly matched: number }
  | { readonly at: 'len'; readonly hi: number | undefined }
  | { readonly at: 'body'; readonly len: number; readonly body: Uint8Array; filled: number };

const SEEK: State = { at: 'seek', skipping: false };
const SKIP: State = { at: 'seek', skipping: true };

/**
 * Incremental decoder for one direction. `push` takes bytes in any chunks and gives the same events however
 * they are split; `flush` says the packet ended (the module's packing interval passed), so a frame still
 * incomplete is a length (or header) error.
 */
export class SdpDecoder {
  private state: State = SEEK;
  private readonly header: readonly number[];

  constructor(readonly direction: SdpDirection) {
    this.header = direction === 'host-to-module' ? SDP_HOST_HEADER : SDP_MODULE_HEADER;
  }

  push(bytes: Uint8Array): SdpEvent[] {
    const events: SdpEvent[] = [];
    for (const b of bytes) this.step(b, events);
    return events;
  }

  /** End of a packet: an incomplete frame is reported, and the next byte starts afresh. */
  flush(): SdpEvent[] {
    const s = this.state;
    this.state = SEEK;
    if (s.at === 'header') return [this.error(SDP_ERROR.header, undefined)];
    if (s.at === 'len' || s.at === 'body') return [this.error(SDP_ERROR.length, undefined)];
    return [];
  }

  /** Forgets any partial frame without reporting it. */
  reset(): void {
    this.state = SEEK;
  }

  private step(b: number, events: SdpEvent[]): void {
    const s = this.state;
    switch (s.at) {
      case 'seek':
        if (b === this.header[0]) this.state = { at: 'header', matched: 1 };
        else if (!s.skipping) {
          events.push(this.error(SDP_ERROR.header, undefined));
          this.state = SKIP;
        }
        return;
      case 'header':
        if (b === this.header[s.matched]) {
          this.state =
            s.matched + 1 === this.header.length
              ? { at: 'len', hi: undefined }
              : { at: 'header', matched: s.matched + 1 };
        } else {
          events.push(this.error(SDP_ERROR.header, undefined));
          // The header's three bytes differ, so only its first byte can start a new frame here.
          this.state = b === this.header[0] ? { at: 'header', matched: 1 } : SKIP;
        }
        return;
      case 'len': {
        if (s.hi === undefined) {
          this.state = { at: 'len', hi: b };
          return;
        }
        const len = (s.hi << 8) | b;
        if (len < 3 || len > SDP_MAX_FRAME - 6) {
          events.push(this.error(SDP_ERROR.length, undefined));
          this.state = SKIP;
          return;
        }
        // LEN bytes (SOCK, reserved/FLAG, data) and SUM.
        this.state = { at: 'body', len, body: new Uint8Array(len + 1), filled: 0 };
        return;
      }
      case 'body':
        s.body[s.filled++] = b;
        if (s.filled === s.body.length) {
          this.state = SEEK;
          events.push(this.complete(s.body));
        }
        return;
    }
  }

  private complete(body: Uint8Array): SdpEvent {
    const sock = body[0] ?? 0;
    const flag = body[1] ?? 0;
    const data = body.slice(2, body.length - 1);
    const sum = body[body.length - 1] ?? 0;
    const socket = sdpSocketOf(sock);
    const isStatus = this.direction === 'module-to-host' && (flag & SDP_STATUS_FLAG) !== 0;
    const checksumOk = sdpChecksum(sock, flag, data) === sum;
    if (this.direction === 'host-to-module' && flag !== 0x00) return this.error(SDP_ERROR.parameter, socket);
    if (isStatus) {
      // A status message may name no socket (SOCK 00), see the file comment.
      if (socket === undefined && sock !== 0x00) return this.error(SDP_ERROR.parameter, undefined);
      if (!checksumOk) return this.error(SDP_ERROR.checksum, socket);
      const code = data[0] ?? 0;
      return { type: 'status', socket, flag, code, meaning: sdpStatusMeaning(code) };
    }
    if (socket === undefined) return this.error(SDP_ERROR.parameter, undefined);
    if (!checksumOk) return this.error(SDP_ERROR.checksum, socket);
    return { type: 'frame', socket, flag, data };
  }

  private error(code: SdpErrorCode, socket: SdpSocket | undefined): SdpEvent {
    return { type: 'error', code, socket, reason: sdpStatusMeaning(code) };
  }
}

/** Decodes what a host sends (the simulated module uses this). */
export class HostFrameDecoder extends SdpDecoder {
  constructor() {
    super('host-to-module');
  }
}

/** Decodes what the module sends (the configurator uses this). */
export class ModuleFrameDecoder extends SdpDecoder {
  constructor() {
    super('module-to-host');
  }
}
