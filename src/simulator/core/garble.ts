import { sameLineSettings, type UartSettings } from '../../protocol/uart';
import type { Prng } from './prng';

/**
 * What a receiver makes of characters sent with other line settings (manual 3.1.1: the host must use the
 * module's settings "否则无法与 7S4 通信"). The result is deterministic for a given PRNG state:
 * - same settings: the bytes arrive, except that 7 data bits lose bit 7;
 * - another baud rate: the receiver samples at the wrong speed and sees about `n × receiverBaud/senderBaud`
 *   characters (at most 2 per character sent), none of them what was sent;
 * - same baud, other framing (data bits, parity, stop bits): about one character in five is lost to a
 *   framing or parity error and the rest arrive with wrong bits.
 */
export class Garbler {
  /** Fractional characters carried between calls, so many one-byte writes still give the right count. */
  private carry = 0;

  constructor(private readonly prng: Prng) {}

  pass(bytes: Uint8Array, sender: UartSettings, receiver: UartSettings): Uint8Array {
    if (sameLineSettings(sender, receiver)) {
      if (receiver.dataBits >= 8) return bytes;
      const mask = (1 << receiver.dataBits) - 1;
      const out = new Uint8Array(bytes.length);
      for (let i = 0; i < bytes.length; i++) out[i] = (bytes[i] as number) & mask;
      return out;
    }
    const mask = receiver.dataBits >= 8 ? 0xff : (1 << receiver.dataBits) - 1;
    if (sender.baud === receiver.baud) {
      const out: number[] = [];
      for (let i = 0; i < bytes.length; i++) {
        if (this.prng.int(5) === 0) continue;
        const flip = 1 + this.prng.int(255);
        out.push(((bytes[i] as number) ^ flip) & mask);
      }
      return Uint8Array.from(out);
    }
    const ratio = Math.min(2, receiver.baud / sender.baud);
    this.carry += bytes.length * ratio;
    const count = Math.floor(this.carry);
    this.carry -= count;
    const out = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      // Line noise seen at the wrong speed: mostly runs of 1 bits (0xFF, 0xF0, 0x80…) and a few others.
      const r = this.prng.next();
      const kind = r & 3;
      const v =
        kind === 0
          ? 0xff
          : kind === 1
            ? (0xf0 | (r >>> 8)) & 0xff
            : kind === 2
              ? 0x80 | ((r >>> 16) & 0x7f)
              : (r >>> 24) & 0xff;
      out[i] = v & mask;
    }
    return out;
  }
}
