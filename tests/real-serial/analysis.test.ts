import { describe, expect, it } from 'vitest';
import {
  clientSegment,
  formatTrace,
  parsePageLog,
  parseTrace,
  plusGaps,
  readDelays,
  strayServerData,
  summarise,
  writeDelays,
  type TraceEntry,
} from './analysis';

const hex = (s: string): string => Buffer.from(s, 'latin1').toString('hex');
const T = 1_800_000_000_000;
const into = (t: number, s: string, uartft = 50, mode = 'net'): TraceEntry => ({
  t: T + t,
  dir: 'in',
  hex: hex(s),
  n: s.length,
  mode,
  uartft,
});
const out = (t: number, s: string): TraceEntry => ({ t: T + t, dir: 'out', hex: hex(s), n: s.length });

describe('real-serial trace analysis', () => {
  it('measures each +++ against the previous chunk from the host, and whether `a` came', () => {
    const trace: TraceEntry[] = [
      { t: T, dir: 'client', event: 'connect', peer: 'x' },
      into(10, '+++'),
      out(40, 'a'),
      into(41, 'a', 50, 'entering'),
      into(60, 'AT+ENTM\r', 50, 'command'),
      out(70, '\r\nOK\r\n'),
      into(200, '+++'),
      out(230, 'a'),
      into(400, 'AT+Z\r'),
      into(430, '+++'), // too early: went to the server as data
    ];
    const { gaps, split } = plusGaps(trace);
    expect(split).toEqual([]);
    expect(gaps.map((g) => [g.gap, g.answeredA])).toEqual([
      [Infinity, true],
      [140, true],
      [30, false],
    ]);
    expect(plusGaps([into(0, 'x+++'), into(5, '++'), into(6, '+')]).split).toHaveLength(3);
  });

  it('finds the page writes in the TCP byte stream and times them (chunks split and merged)', () => {
    const origin = 1_000_000;
    const page = parsePageLog(
      [
        '{"format":"usr-7s4-traffic","version":1}',
        `{"seq":1,"t":${T - origin + 5},"dir":"tx","hex":"${hex('+++')}","text":"+++"}`,
        `{"seq":2,"t":${T - origin + 50},"dir":"rx","hex":"${hex('a')}","text":"a"}`,
        `{"seq":3,"t":${T - origin + 51},"dir":"tx","hex":"${hex('a')}","text":"a"}`,
        `{"seq":4,"t":${T - origin + 52},"dir":"tx","hex":"${hex('AT\r')}","text":"AT"}`,
      ].join('\n'),
    );
    // The same bytes "+++" were sent earlier by another program on the same connection.
    const trace = [into(-9000, '+++'), into(7, '+++'), out(45, 'a'), into(60, 'aAT'), into(61, '\r')];
    const w = writeDelays(page, origin, trace);
    expect(w?.map((d) => Math.round(d.delay))).toEqual([2, 9, 8]);
    expect(readDelays(page, origin, trace)?.map((d) => Math.round(d.delay))).toEqual([5]);
    expect(writeDelays(page, origin, [into(0, 'zzz')])).toBeUndefined();
  });

  it('splits a trace by client, lists data that reached a server, and prints bytes readably', () => {
    const text = [
      { t: T, dir: 'client', event: 'connect', peer: 'a' },
      into(1, 'x'),
      { t: T + 2, dir: 'server', socket: 'A', tag: 'data', hex: hex('x'), n: 1 },
      { t: T + 3, dir: 'server', socket: 'A', tag: 'heartbeat', hex: hex('hb'), n: 2 },
      { t: T + 4, dir: 'client', event: 'disconnect', peer: 'a' },
      { t: T + 5, dir: 'client', event: 'connect', peer: 'b' },
      into(6, 'AT\r\x01'),
    ]
      .map((e) => JSON.stringify(e))
      .join('\n');
    const trace = parseTrace(text);
    expect(clientSegment(trace, 0)).toHaveLength(5);
    expect(clientSegment(trace, 1)).toHaveLength(2);
    expect(strayServerData(trace)).toHaveLength(1);
    expect(formatTrace(clientSegment(trace, 1), T)).toContain('host→module "AT\\\\r\\\\x01"');
  });

  it('summarises a distribution', () => {
    expect(summarise([5, 1, 3, 2, 4, Infinity])).toEqual({
      count: 5,
      min: 1,
      median: 3,
      p90: 5,
      max: 5,
      mean: 3,
    });
  });
});
