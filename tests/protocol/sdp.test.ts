import { describe, expect, it } from 'vitest';
import {
  encodeHostFrame,
  encodeModuleFrame,
  encodeStatusMessage,
  HostFrameDecoder,
  ModuleFrameDecoder,
  SDP_ERROR,
  SDP_MAX_DATA,
  sdpChecksum,
  type SdpDecoder,
  type SdpEvent,
} from '../../src/protocol/sdp';

const h = (text: string): Uint8Array => Uint8Array.from(text.split(' ').map((x) => parseInt(x, 16)));
const toHex = (data: Uint8Array): string =>
  [...data].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
const codes = (events: readonly SdpEvent[]): (string | number)[] =>
  events.map((e) => (e.type === 'error' ? e.code : e.type));

// Hand-computed (module-behaviour.md, "Socket distribution protocol"):
// host → socket A "12": LEN = 2 + 2 = 00 04; SUM = 61 + 00 + 31 + 32 = C4.
const HOST_A_12 = '55 FD AA 00 04 61 00 31 32 C4';
// host → socket D FF FF: SUM = 64 + 00 + FF + FF = 0x262 → 62.
const HOST_D_FFFF = '55 FD AA 00 04 64 00 FF FF 62';
// module → host, socket B, data "hi": SUM = 62 + 00 + 68 + 69 = 0x133 → 33.
const MODULE_B_HI = 'AA FD 55 00 04 62 00 68 69 33';
// module status, socket C, checksum error 03: SUM = 63 + 80 + 03 = E6.
const STATUS_C_03 = 'AA FD 55 00 03 63 80 03 E6';
// module status about no valid socket (SOCK 00), header error 00: SUM = 00 + 80 + 00 = 80.
const STATUS_NONE_00 = 'AA FD 55 00 03 00 80 00 80';
// module status, socket D, send failed 10: SUM = 64 + 80 + 10 = F4.
const STATUS_D_10 = 'AA FD 55 00 03 64 80 10 F4';

describe('SDP encoders (module-behaviour.md socket distribution protocol)', () => {
  it('encodes host data for socket A as 55 FD AA 00 04 61 00 31 32 C4', () => {
    expect(toHex(encodeHostFrame('A', ascii('12')))).toBe(HOST_A_12);
  });
  it('encodes host data for socket D with a checksum that wraps (FF FF → 62)', () => {
    expect(toHex(encodeHostFrame('D', h('FF FF')))).toBe(HOST_D_FFFF);
  });
  it('encodes module data from socket B as AA FD 55 00 04 62 00 68 69 33', () => {
    expect(toHex(encodeModuleFrame('B', 0x00, ascii('hi')))).toBe(MODULE_B_HI);
  });
  it('encodes status messages with FLAG 80 and the code as the data byte', () => {
    expect(toHex(encodeStatusMessage('C', SDP_ERROR.checksum))).toBe(STATUS_C_03);
    expect(toHex(encodeStatusMessage(undefined, SDP_ERROR.header))).toBe(STATUS_NONE_00);
    expect(toHex(encodeStatusMessage('D', SDP_ERROR.sendFailed))).toBe(STATUS_D_10);
  });
  it('computes SUM as the low byte of SOCK + FLAG + data', () => {
    expect(sdpChecksum(0x61, 0x00, ascii('12'))).toBe(0xc4);
    expect(sdpChecksum(0x64, 0x80, Uint8Array.of(0x10))).toBe(0xf4);
  });
  it('writes LEN big-endian: 4087 data bytes give LEN 0F F9 and a 4095-byte frame (under 4096)', () => {
    const frame = encodeHostFrame('A', new Uint8Array(SDP_MAX_DATA));
    expect(SDP_MAX_DATA).toBe(4087);
    expect(frame.length).toBe(4095);
    expect(toHex(frame.subarray(3, 5))).toBe('0F F9');
  });
  it('refuses empty data and data that would make a frame of 4096 bytes or more', () => {
    expect(() => encodeHostFrame('A', new Uint8Array(0))).toThrow(RangeError);
    expect(() => encodeHostFrame('A', new Uint8Array(SDP_MAX_DATA + 1))).toThrow(RangeError);
    expect(() => encodeModuleFrame('A', 0x100, ascii('x'))).toThrow(RangeError);
  });
});

describe('SDP decoder, host → module (what the simulated module reads)', () => {
  const decode = (text: string, flush = true): SdpEvent[] => {
    const d = new HostFrameDecoder();
    return [...d.push(h(text)), ...(flush ? d.flush() : [])];
  };

  it('decodes the hand-computed frames', () => {
    expect(decode(HOST_A_12)).toEqual([{ type: 'frame', socket: 'A', flag: 0, data: ascii('12') }]);
    expect(decode(HOST_D_FFFF)).toEqual([{ type: 'frame', socket: 'D', flag: 0, data: h('FF FF') }]);
  });
  it('decodes the largest frame (4095 bytes)', () => {
    const data = Uint8Array.from({ length: SDP_MAX_DATA }, (_, i) => i & 0xff);
    const events = new HostFrameDecoder().push(encodeHostFrame('C', data));
    expect(events).toEqual([{ type: 'frame', socket: 'C', flag: 0, data }]);
  });
  it('reports a corrupt header as error 00, once for the whole run', () => {
    expect(codes(decode('56 FD AA 00 04 61 00 31 32 C4'))).toEqual([SDP_ERROR.header]);
    expect(codes(decode('55 FE AA 00 04 61 00 31 32 C4'))).toEqual([SDP_ERROR.header]);
    expect(codes(decode('55 FD AB 00 04 61 00 31 32 C4'))).toEqual([SDP_ERROR.header]);
  });
  it('reports a LEN below 3 or above 4089 as error 01', () => {
    expect(codes(decode('55 FD AA 00 02 61 00 C4'))).toEqual([SDP_ERROR.length]);
    expect(codes(decode('55 FD AA 0F FA 61 00 31 32 C4'))).toEqual([SDP_ERROR.length]);
    expect(codes(decode('55 FD AA FF FF 61 00 31 32 C4'))).toEqual([SDP_ERROR.length]);
  });
  it('reports a frame shorter than its LEN as error 01 when the packet ends (flush)', () => {
    expect(codes(decode('55 FD AA 00 05 61 00 31 32 C4', false))).toEqual([]);
    expect(codes(decode('55 FD AA 00 05 61 00 31 32 C4'))).toEqual([SDP_ERROR.length]);
    expect(codes(decode('55 FD AA 00'))).toEqual([SDP_ERROR.length]);
  });
  it('reports a header cut short by the end of the packet as error 00', () => {
    expect(codes(decode('55 FD'))).toEqual([SDP_ERROR.header]);
  });
  it('reports an unknown SOCK (65, upper-case 41) as parameter error 02', () => {
    expect(codes(decode('55 FD AA 00 04 65 00 31 32 C8'))).toEqual([SDP_ERROR.parameter]);
    expect(codes(decode('55 FD AA 00 04 41 00 31 32 A4'))).toEqual([SDP_ERROR.parameter]);
    // SOCK corrupted in transit, checksum left as sent: still a parameter error.
    expect(codes(decode('55 FD AA 00 04 66 00 31 32 C4'))).toEqual([SDP_ERROR.parameter]);
  });
  it('reports a reserved byte other than 00 as parameter error 02, naming the socket', () => {
    const events = decode('55 FD AA 00 04 61 01 31 32 C5');
    expect(events).toEqual([
      { type: 'error', code: SDP_ERROR.parameter, socket: 'A', reason: expect.any(Object) as object },
    ]);
  });
  it('reports a wrong SUM as checksum error 03, naming the socket', () => {
    const events = decode('55 FD AA 00 04 61 00 31 32 C5');
    expect(codes(events)).toEqual([SDP_ERROR.checksum]);
    expect(events[0]?.type === 'error' && events[0].socket).toBe('A');
    expect(events[0]?.type === 'error' && events[0].reason.en).toMatch(/checksum/i);
  });
  it('resynchronises on the next header after garbage and after an error', () => {
    const events = decode(`31 32 ${HOST_A_12} 55 FD AA 00 04 61 00 31 32 C5 ${HOST_D_FFFF}`);
    expect(codes(events)).toEqual([SDP_ERROR.header, 'frame', SDP_ERROR.checksum, 'frame']);
  });
  it('restarts a header on 55 inside a broken header (55 55 FD AA …)', () => {
    expect(codes(decode(`55 ${HOST_A_12}`))).toEqual([SDP_ERROR.header, 'frame']);
  });
  it('does not take a module frame for a host frame', () => {
    expect(codes(decode(MODULE_B_HI))).toEqual([SDP_ERROR.header, SDP_ERROR.header]);
  });
});

describe('SDP decoder, module → host (what the configurator reads)', () => {
  const decode = (text: string): SdpEvent[] => {
    const d = new ModuleFrameDecoder();
    return [...d.push(h(text)), ...d.flush()];
  };

  it('decodes network data from socket B', () => {
    expect(decode(MODULE_B_HI)).toEqual([{ type: 'frame', socket: 'B', flag: 0, data: ascii('hi') }]);
  });
  it('decodes status messages (FLAG bit 7) with their code and meaning', () => {
    expect(decode(STATUS_C_03)).toEqual([
      { type: 'status', socket: 'C', flag: 0x80, code: 3, meaning: { en: 'Checksum error', zh: '校验错误' } },
    ]);
    expect(decode(STATUS_D_10)).toEqual([
      {
        type: 'status',
        socket: 'D',
        flag: 0x80,
        code: 0x10,
        meaning: { en: 'Sending to the network failed', zh: '发送失败' },
      },
    ]);
  });
  it('accepts SOCK 00 only in a status message', () => {
    expect(codes(decode(STATUS_NONE_00))).toEqual(['status']);
    expect(codes(decode('AA FD 55 00 03 00 00 41 41'))).toEqual([SDP_ERROR.parameter]);
  });
  it('reports a wrong SUM in a status message as checksum error 03', () => {
    expect(codes(decode('AA FD 55 00 03 63 80 03 E7'))).toEqual([SDP_ERROR.checksum]);
  });
});

describe('SDP decoders give the same events however the bytes are split', () => {
  const streams: readonly (readonly [string, () => SdpDecoder, string])[] = [
    [
      'host → module: garbage, frames, checksum error, bad SOCK, bad LEN',
      () => new HostFrameDecoder(),
      `31 ${HOST_A_12} 55 FD AA 00 04 61 00 31 32 C5 ${HOST_D_FFFF} 55 FD AA 00 04 65 00 31 32 C8 55 FD AA 00 01 ${HOST_A_12}`,
    ],
    [
      'module → host: data, status messages, broken header',
      () => new ModuleFrameDecoder(),
      `${MODULE_B_HI} ${STATUS_C_03} AA FD 56 ${STATUS_NONE_00} ${STATUS_D_10} AA FD 55 00 03 63 80 03 E7`,
    ],
  ];

  for (const [name, make, text] of streams) {
    const data = h(text);
    const run = (chunks: Uint8Array[]): SdpEvent[] => {
      const d = make();
      return [...chunks.flatMap((c) => d.push(c)), ...d.flush()];
    };
    const whole = run([data]);

    it(`${name}: split at every byte boundary`, () => {
      expect(whole.length).toBeGreaterThan(3);
      for (let cut = 1; cut < data.length; cut++) {
        expect(run([data.subarray(0, cut), data.subarray(cut)]), `cut at ${cut}`).toEqual(whole);
      }
    });
    it(`${name}: byte by byte`, () => {
      expect(run([...data].map((b) => Uint8Array.of(b)))).toEqual(whole);
    });
  }

  it('gives the expected event sequence for the host stream', () => {
    const d = new HostFrameDecoder();
    const events = d.push(h(streams[0]?.[2] ?? ''));
    expect(codes(events)).toEqual([
      SDP_ERROR.header,
      'frame',
      SDP_ERROR.checksum,
      'frame',
      SDP_ERROR.parameter,
      SDP_ERROR.length,
      'frame',
    ]);
  });

  it('reset forgets a partial frame without reporting it', () => {
    const d = new HostFrameDecoder();
    d.push(h('55 FD AA 00 04 61'));
    d.reset();
    expect(d.push(h(HOST_A_12))).toEqual([{ type: 'frame', socket: 'A', flag: 0, data: ascii('12') }]);
  });
});
