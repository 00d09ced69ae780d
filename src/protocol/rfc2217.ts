/**
 * The RFC2217-like frame of manual 2.2.3 (tables 3 and 4): a server changes the module's serial settings by
 * sending 8 bytes over the network. The change is temporary (lost on restart).
 *
 * Frame: `55 AA 55` · baud (3 bytes, high byte first) · parameter byte · checksum.
 * Checksum: the low byte of the sum of the four bytes after the header (baud bytes + parameter byte).
 * Parameter byte (table 4): bits 1:0 data bits (00=5 … 11=8); bit 2 stop bits (0=1, 1=2); bit 3 parity
 * enable; bits 5:4 parity type (00 ODD, 01 EVEN, 10 MARK); bits 7:6 "undefined, write 0".
 *
 * Decisions (module-behaviour.md): the manual's own examples carry `83` (bit 7 set) while the vendor's web
 * pages carry `03`, so bits 7:6 are ignored on decode and written as 0 on encode. A frame with a bad
 * checksum, or a setting `AT+UART` cannot hold (5/6 data bits, MARK parity, unlisted baud), is not applied:
 * the module forwards it as ordinary data.
 */
import type { Text } from './types';
import { BAUD_RATES, type DataBits, type Parity, type UartSettings } from './uart';

export const RFC2217_HEADER: readonly number[] = [0x55, 0xaa, 0x55];
export const RFC2217_FRAME_LENGTH = 8;

/** Why a frame is not applied; `reason` says it to a person. */
export type Rfc2217Rejection =
  'length' | 'header' | 'checksum' | 'parity-type' | 'baud' | 'data-bits' | 'mark-parity';

export type Rfc2217Decoded =
  | { readonly ok: true; readonly settings: UartSettings }
  | {
      readonly ok: false;
      readonly rejection: Rfc2217Rejection;
      readonly reason: Text;
      /** What the frame asked for, when it is a well-formed frame the module just cannot apply. */
      readonly settings?: UartSettings;
    };

const DATA_BITS_CODE: Record<DataBits, number> = { 5: 0b00, 6: 0b01, 7: 0b10, 8: 0b11 };
const PARITY_TYPE_CODE: Record<Exclude<Parity, 'NONE'>, number> = { ODD: 0b00, EVEN: 0b01, MARK: 0b10 };

/** Low byte of the sum of baud bytes and parameter byte (bytes 3–6 of the frame). */
export function rfc2217Checksum(baudHi: number, baudMid: number, baudLo: number, param: number): number {
  return (baudHi + baudMid + baudLo + param) & 0xff;
}

/** The parameter byte of table 4 for these settings (bits 7:6 written as 0). */
export function rfc2217ParamByte(s: UartSettings): number {
  let param = DATA_BITS_CODE[s.dataBits];
  if (s.stopBits === 2) param |= 0b100;
  if (s.parity !== 'NONE') param |= 0b1000 | (PARITY_TYPE_CODE[s.parity] << 4);
  return param;
}

/**
 * The 8-byte frame for `s`. Any baud that fits in 3 bytes is encoded (a test or a simulated server may want
 * to send one the module will refuse); a baud outside 1–0xFFFFFF is a programming error and throws.
 */
export function encodeRfc2217(s: UartSettings): Uint8Array {
  if (!Number.isInteger(s.baud) || s.baud < 1 || s.baud > 0xffffff) {
    throw new RangeError(`baud rate does not fit in an RFC2217-like frame: ${s.baud}`);
  }
  const hi = (s.baud >>> 16) & 0xff;
  const mid = (s.baud >>> 8) & 0xff;
  const lo = s.baud & 0xff;
  const param = rfc2217ParamByte(s);
  return Uint8Array.from([...RFC2217_HEADER, hi, mid, lo, param, rfc2217Checksum(hi, mid, lo, param)]);
}

function reject(rejection: Rfc2217Rejection, reason: Text, settings?: UartSettings): Rfc2217Decoded {
  return settings ? { ok: false, rejection, reason, settings } : { ok: false, rejection, reason };
}

/** Reads one 8-byte frame. */
export function decodeRfc2217(bytes: Uint8Array): Rfc2217Decoded {
  if (bytes.length !== RFC2217_FRAME_LENGTH) {
    return reject('length', {
      en: `An RFC2217-like frame is 8 bytes, not ${bytes.length}`,
      zh: `类 RFC2217 协议帧应为 8 字节，而不是 ${bytes.length} 字节`,
    });
  }
  const b = (i: number): number => bytes[i] ?? 0;
  if (b(0) !== 0x55 || b(1) !== 0xaa || b(2) !== 0x55) {
    return reject('header', { en: 'The frame does not start with 55 AA 55', zh: '包头不是 55 AA 55' });
  }
  const sum = rfc2217Checksum(b(3), b(4), b(5), b(6));
  if (sum !== b(7)) {
    const hex = (n: number): string => n.toString(16).toUpperCase().padStart(2, '0');
    return reject('checksum', {
      en: `Checksum ${hex(b(7))} is wrong; the four bytes after the header add up to ${hex(sum)}`,
      zh: `和校验 ${hex(b(7))} 错误，包头后四个字节之和为 ${hex(sum)}`,
    });
  }
  const param = b(6); // bits 7:6 ignored (see the file comment)
  const dataBits = ([5, 6, 7, 8] as const)[param & 0b11] ?? 8;
  const stopBits = param & 0b100 ? 2 : 1;
  let parity: Parity = 'NONE';
  if (param & 0b1000) {
    const type = (param >> 4) & 0b11;
    if (type === 0b11) {
      return reject('parity-type', {
        en: 'Parity type 11 is not defined (table 4)',
        zh: '校验位类型 11 未定义（表 4）',
      });
    }
    parity = type === 0b00 ? 'ODD' : type === 0b01 ? 'EVEN' : 'MARK';
  }
  const baud = (b(3) << 16) | (b(4) << 8) | b(5);
  const settings: UartSettings = { baud, dataBits, stopBits, parity };
  if (!BAUD_RATES.includes(baud)) {
    return reject(
      'baud',
      { en: `The module's UART cannot run at ${baud} baud`, zh: `模块串口不支持 ${baud} 波特率` },
      settings,
    );
  }
  if (dataBits !== 7 && dataBits !== 8) {
    return reject(
      'data-bits',
      {
        en: `${dataBits} data bits: the module's UART does 7 or 8, so the frame is not applied`,
        zh: `${dataBits} 位数据位：模块串口只支持 7 或 8 位，不执行此帧`,
      },
      settings,
    );
  }
  if (parity === 'MARK') {
    return reject(
      'mark-parity',
      {
        en: "MARK parity: the module's UART does NONE, ODD or EVEN, so the frame is not applied",
        zh: 'Mark 校验：模块串口只支持 NONE、ODD、EVEN，不执行此帧',
      },
      settings,
    );
  }
  return { ok: true, settings };
}

export interface Rfc2217Found {
  /** Index of the frame's first byte (`55`) in the scanned data. */
  readonly offset: number;
  /** The frame's 8 bytes (a copy). */
  readonly bytes: Uint8Array;
  /** `ok` when the module applies it; otherwise why not (the bytes are then ordinary data). */
  readonly result: Rfc2217Decoded;
}

/**
 * Finds RFC2217-like frames inside a block of network data: every place where the header is followed by 5
 * more bytes whose checksum is right. Frames do not overlap (scanning resumes after a found frame). A header
 * with a wrong checksum is not a frame, so it is not listed; a well-formed frame the UART cannot apply is
 * listed with `result.ok === false`, so the caller can log it before forwarding it as data.
 *
 * Decision: each network packet is scanned on its own; a frame split across two packets is data, because the
 * module reads the frame out of the packet it received.
 */
export function findRfc2217Frames(data: Uint8Array): Rfc2217Found[] {
  const found: Rfc2217Found[] = [];
  let i = 0;
  while (i + RFC2217_FRAME_LENGTH <= data.length) {
    if (
      data[i] === 0x55 &&
      data[i + 1] === 0xaa &&
      data[i + 2] === 0x55 &&
      rfc2217Checksum(data[i + 3] ?? 0, data[i + 4] ?? 0, data[i + 5] ?? 0, data[i + 6] ?? 0) === data[i + 7]
    ) {
      const bytes = data.slice(i, i + RFC2217_FRAME_LENGTH);
      found.push({ offset: i, bytes, result: decodeRfc2217(bytes) });
      i += RFC2217_FRAME_LENGTH;
    } else {
      i += 1;
    }
  }
  return found;
}

/** `data` with the given frames cut out (pass the applied ones; the rest stay as data). */
export function withoutFrames(data: Uint8Array, frames: readonly Pick<Rfc2217Found, 'offset'>[]): Uint8Array {
  const cut = [...frames].map((f) => f.offset).sort((a, b) => a - b);
  const out: number[] = [];
  let from = 0;
  for (const at of cut) {
    for (let k = from; k < at; k++) out.push(data[k] ?? 0);
    from = Math.max(from, at + RFC2217_FRAME_LENGTH);
  }
  for (let k = from; k < data.length; k++) out.push(data[k] ?? 0);
  return Uint8Array.from(out);
}
