import { describe, expect, it } from 'vitest';
import {
  decodeRfc2217,
  encodeRfc2217,
  findRfc2217Frames,
  rfc2217Checksum,
  withoutFrames,
} from '../../src/protocol/rfc2217';
import {
  BAUD_RATES,
  bitsPerCharacter,
  formatUartValue,
  isModuleUart,
  parseUartValue,
  sameLineSettings,
  uartToSerialOptions,
  type UartSettings,
} from '../../src/protocol/uart';

const frame = (hexText: string): Uint8Array =>
  Uint8Array.from(hexText.split(' ').map((h) => parseInt(h, 16)));
const toHex = (data: Uint8Array): string =>
  [...data].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');

const B115200_8N1: UartSettings = { baud: 115200, dataBits: 8, stopBits: 1, parity: 'NONE' };
const B9600_8N1: UartSettings = { baud: 9600, dataBits: 8, stopBits: 1, parity: 'NONE' };

describe('RFC2217-like checksum (2.2.3 table 3: low byte of the 4 bytes after the header)', () => {
  it('computes 46 for the manual 115200 frame 01 C2 00 83: 0x01+0xC2+0x00+0x83 = 0x146', () => {
    expect(0x01 + 0xc2 + 0x00 + 0x83).toBe(0x146);
    expect(rfc2217Checksum(0x01, 0xc2, 0x00, 0x83)).toBe(0x46);
  });
  it('computes 28 for the manual 9600 frame 00 25 80 83: 0x00+0x25+0x80+0x83 = 0x128', () => {
    expect(0x00 + 0x25 + 0x80 + 0x83).toBe(0x128);
    expect(rfc2217Checksum(0x00, 0x25, 0x80, 0x83)).toBe(0x28);
  });
  it('computes C6 for the vendor 115200 frame 01 C2 00 03', () => {
    expect(rfc2217Checksum(0x01, 0xc2, 0x00, 0x03)).toBe(0xc6);
  });
  it('computes A8 for the vendor 9600 frame 00 25 80 03', () => {
    expect(rfc2217Checksum(0x00, 0x25, 0x80, 0x03)).toBe(0xa8);
  });
});

describe('decodeRfc2217 on the manual and vendor vectors (2.2.3, module-behaviour.md)', () => {
  it('decodes the manual 115200 8N1 vector 55 AA 55 01 C2 00 83 46 (2.2.3; bits 7:6 ignored)', () => {
    expect(decodeRfc2217(frame('55 AA 55 01 C2 00 83 46'))).toEqual({ ok: true, settings: B115200_8N1 });
  });
  it('decodes the manual 9600 8N1 vector 55 AA 55 00 25 80 83 28 (2.2.3; bits 7:6 ignored)', () => {
    expect(decodeRfc2217(frame('55 AA 55 00 25 80 83 28'))).toEqual({ ok: true, settings: B9600_8N1 });
  });
  it('decodes the vendor 115200 8N1 vector 55 AA 55 01 C2 00 03 C6', () => {
    expect(decodeRfc2217(frame('55 AA 55 01 C2 00 03 C6'))).toEqual({ ok: true, settings: B115200_8N1 });
  });
  it('decodes the vendor 9600 8N1 vector 55 AA 55 00 25 80 03 A8', () => {
    expect(decodeRfc2217(frame('55 AA 55 00 25 80 03 A8'))).toEqual({ ok: true, settings: B9600_8N1 });
  });
  it('ignores bit 6 as well as bit 7 (43, C3 decode like 03)', () => {
    expect(decodeRfc2217(frame('55 AA 55 01 C2 00 43 06'))).toEqual({ ok: true, settings: B115200_8N1 });
    expect(decodeRfc2217(frame('55 AA 55 01 C2 00 C3 86'))).toEqual({ ok: true, settings: B115200_8N1 });
  });
});

describe('encodeRfc2217 (2.2.3 tables 3–4)', () => {
  it('encodes 115200 8N1 as the vendor frame 55 AA 55 01 C2 00 03 C6 (bits 7:6 written 0)', () => {
    expect(toHex(encodeRfc2217(B115200_8N1))).toBe('55 AA 55 01 C2 00 03 C6');
  });
  it('encodes 9600 8N1 as the vendor frame 55 AA 55 00 25 80 03 A8', () => {
    expect(toHex(encodeRfc2217(B9600_8N1))).toBe('55 AA 55 00 25 80 03 A8');
  });
  it('encodes the table 4 bits: 7 data bits 10, 2 stop bits bit 2, EVEN = enable bit 3 + type 01', () => {
    const bytes = encodeRfc2217({ baud: 300, dataBits: 7, stopBits: 2, parity: 'EVEN' });
    expect(bytes[6]).toBe(0b0001_1110);
  });
  it('encodes ODD as type 00 and MARK as type 10 with the enable bit', () => {
    expect(encodeRfc2217({ baud: 300, dataBits: 8, stopBits: 1, parity: 'ODD' })[6]).toBe(0b0000_1011);
    expect(encodeRfc2217({ baud: 300, dataBits: 5, stopBits: 1, parity: 'MARK' })[6]).toBe(0b0010_1000);
  });
  it('refuses a baud that does not fit in 3 bytes', () => {
    expect(() => encodeRfc2217({ ...B9600_8N1, baud: 0x1000000 })).toThrow(RangeError);
    expect(() => encodeRfc2217({ ...B9600_8N1, baud: 0 })).toThrow(RangeError);
  });

  it('round-trips every table 2 baud × data 7/8 × stop 1/2 × parity NONE/ODD/EVEN', () => {
    let count = 0;
    for (const baud of BAUD_RATES) {
      for (const dataBits of [7, 8] as const) {
        for (const stopBits of [1, 2] as const) {
          for (const parity of ['NONE', 'ODD', 'EVEN'] as const) {
            const settings: UartSettings = { baud, dataBits, stopBits, parity };
            const bytes = encodeRfc2217(settings);
            expect(bytes).toHaveLength(8);
            expect(decodeRfc2217(bytes)).toEqual({ ok: true, settings });
            count++;
          }
        }
      }
    }
    expect(count).toBe(11 * 2 * 2 * 3);
  });
});

describe('decodeRfc2217 rejections (frames that are ordinary data, module-behaviour.md)', () => {
  it('rejects a bad header', () => {
    const r = decodeRfc2217(frame('55 AB 55 01 C2 00 03 C6'));
    expect(r.ok === false && r.rejection).toBe('header');
  });
  it('rejects a bad checksum and says what the sum is', () => {
    const r = decodeRfc2217(frame('55 AA 55 01 C2 00 03 C7'));
    expect(r.ok === false && r.rejection).toBe('checksum');
    expect(r.ok === false && r.reason.en).toContain('C6');
  });
  it('rejects a frame that is not 8 bytes', () => {
    const r = decodeRfc2217(frame('55 AA 55 01 C2 00 03'));
    expect(r.ok === false && r.rejection).toBe('length');
  });
  it('rejects a baud the UART cannot run at (14400), keeping what was asked', () => {
    const r = decodeRfc2217(encodeRfc2217({ ...B9600_8N1, baud: 14400 }));
    expect(r.ok === false && r.rejection).toBe('baud');
    expect(r.ok === false && r.settings?.baud).toBe(14400);
  });
  it('does not apply 5 or 6 data bits (AT+UART does 7/8)', () => {
    for (const dataBits of [5, 6] as const) {
      const r = decodeRfc2217(encodeRfc2217({ ...B9600_8N1, dataBits }));
      expect(r.ok === false && r.rejection).toBe('data-bits');
      expect(r.ok === false && r.settings?.dataBits).toBe(dataBits);
    }
  });
  it('does not apply MARK parity (AT+UART does NONE/ODD/EVEN)', () => {
    const r = decodeRfc2217(encodeRfc2217({ ...B9600_8N1, parity: 'MARK' }));
    expect(r.ok === false && r.rejection).toBe('mark-parity');
  });
  it('rejects the undefined parity type 11 (table 4)', () => {
    // 00 25 80 3B: 8 bits, 1 stop, parity enabled, type 11.
    const r = decodeRfc2217(
      frame(`55 AA 55 00 25 80 3B ${toHex(Uint8Array.of((0x25 + 0x80 + 0x3b) & 0xff))}`),
    );
    expect(r.ok === false && r.rejection).toBe('parity-type');
  });
  it('ignores the parity type bits when parity is not enabled', () => {
    const r = decodeRfc2217(
      frame(`55 AA 55 00 25 80 33 ${toHex(Uint8Array.of((0x25 + 0x80 + 0x33) & 0xff))}`),
    );
    expect(r).toEqual({ ok: true, settings: B9600_8N1 });
  });
  it('gives every rejection a reason in both languages', () => {
    const r = decodeRfc2217(frame('00 AA 55 01 C2 00 03 C6'));
    expect(r.ok === false && r.reason.en.length > 0 && r.reason.zh.length > 0).toBe(true);
  });
});

describe('findRfc2217Frames (the simulator spots frames inside network data)', () => {
  it('finds a frame alone, at offset 0', () => {
    const found = findRfc2217Frames(frame('55 AA 55 01 C2 00 83 46'));
    expect(found.map((f) => [f.offset, f.result.ok])).toEqual([[0, true]]);
  });
  it('finds frames inside data with their positions', () => {
    const data = Uint8Array.from([
      0x31,
      0x55,
      0xaa,
      ...frame('55 AA 55 00 25 80 03 A8'),
      0x32,
      ...frame('55 AA 55 01 C2 00 83 46'),
    ]);
    const found = findRfc2217Frames(data);
    expect(found.map((f) => f.offset)).toEqual([3, 12]);
    expect(found.map((f) => f.result.ok && f.result.settings.baud)).toEqual([9600, 115200]);
    expect(toHex(found[0]?.bytes ?? new Uint8Array())).toBe('55 AA 55 00 25 80 03 A8');
  });
  it('does not list a header with a wrong checksum (it is data)', () => {
    expect(findRfc2217Frames(frame('55 AA 55 01 C2 00 03 C7'))).toEqual([]);
  });
  it('lists a well-formed frame the UART cannot apply, with the reason', () => {
    const found = findRfc2217Frames(encodeRfc2217({ ...B9600_8N1, dataBits: 6 }));
    expect(found).toHaveLength(1);
    expect(found[0]?.result.ok).toBe(false);
  });
  it('does not find a frame cut short at the end of the packet', () => {
    expect(findRfc2217Frames(frame('55 AA 55 01 C2 00 83'))).toEqual([]);
  });
  it('withoutFrames cuts the given frames out of the data, keeping the rest in order', () => {
    const data = Uint8Array.from([0x41, ...frame('55 AA 55 00 25 80 03 A8'), 0x42]);
    const found = findRfc2217Frames(data);
    expect(toHex(withoutFrames(data, found))).toBe('41 42');
    expect(toHex(withoutFrames(data, []))).toBe(toHex(data));
  });
});

describe('uart settings (2.2.1 table 2, 3.1.7.20)', () => {
  it('lists the table 2 baud rates 300…230400', () => {
    expect(BAUD_RATES).toEqual([300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400]);
  });
  it('parses the manual example 115200,8,1,NONE,NFC', () => {
    expect(parseUartValue('115200,8,1,NONE,NFC')).toEqual({ ...B115200_8N1, flowControl: 'NFC' });
  });
  it('tolerates blanks, lower case and a missing NFC field', () => {
    expect(parseUartValue(' 9600, 7 ,2,even,nfc ')).toEqual({
      baud: 9600,
      dataBits: 7,
      stopBits: 2,
      parity: 'EVEN',
      flowControl: 'NFC',
    });
    expect(parseUartValue('9600,8,1,ODD')?.parity).toBe('ODD');
  });
  it('rejects what AT+UART cannot hold', () => {
    for (const value of [
      '14400,8,1,NONE,NFC',
      '9600,6,1,NONE,NFC',
      '9600,8,3,NONE,NFC',
      '9600,8,1,MARK,NFC',
      '9600,8,1,NONE,FC',
      '9600,8,1',
      'x,8,1,NONE,NFC',
      '',
    ]) {
      expect(parseUartValue(value), value).toBeUndefined();
    }
  });
  it('formats the canonical value with NFC', () => {
    expect(formatUartValue(B9600_8N1)).toBe('9600,8,1,NONE,NFC');
    expect(formatUartValue({ baud: 300, dataBits: 7, stopBits: 2, parity: 'ODD', flowControl: 'NFC' })).toBe(
      '300,7,2,ODD,NFC',
    );
  });
  it('maps to Web Serial open options', () => {
    expect(uartToSerialOptions({ baud: 57600, dataBits: 7, stopBits: 2, parity: 'EVEN' })).toEqual({
      baudRate: 57600,
      dataBits: 7,
      stopBits: 2,
      parity: 'even',
      flowControl: 'none',
    });
    expect(uartToSerialOptions({ ...B9600_8N1, parity: 'ODD' })?.parity).toBe('odd');
    expect(uartToSerialOptions(B9600_8N1)?.parity).toBe('none');
  });
  it('has no Web Serial options for 5/6 data bits or MARK parity', () => {
    expect(uartToSerialOptions({ ...B9600_8N1, dataBits: 6 })).toBeUndefined();
    expect(uartToSerialOptions({ ...B9600_8N1, parity: 'MARK' })).toBeUndefined();
  });
  it('counts start + data + parity + stop bits per character', () => {
    expect(bitsPerCharacter(B9600_8N1)).toBe(10);
    expect(bitsPerCharacter({ baud: 9600, dataBits: 7, stopBits: 2, parity: 'EVEN' })).toBe(11);
    expect(bitsPerCharacter({ baud: 9600, dataBits: 8, stopBits: 2, parity: 'ODD' })).toBe(12);
  });
  it('compares line settings, ignoring the flow-control field', () => {
    expect(sameLineSettings(B9600_8N1, { ...B9600_8N1, flowControl: 'NFC' })).toBe(true);
    expect(sameLineSettings(B9600_8N1, { ...B9600_8N1, baud: 19200 })).toBe(false);
    expect(sameLineSettings(B9600_8N1, { ...B9600_8N1, parity: 'EVEN' })).toBe(false);
    expect(sameLineSettings(B9600_8N1, { ...B9600_8N1, stopBits: 2 })).toBe(false);
    expect(sameLineSettings(B9600_8N1, { ...B9600_8N1, dataBits: 7 })).toBe(false);
  });
  it('says whether AT+UART can hold settings', () => {
    expect(isModuleUart(B9600_8N1)).toBe(true);
    expect(isModuleUart({ ...B9600_8N1, baud: 14400 })).toBe(false);
    expect(isModuleUart({ ...B9600_8N1, dataBits: 5 })).toBe(false);
    expect(isModuleUart({ ...B9600_8N1, parity: 'MARK' })).toBe(false);
  });
});
