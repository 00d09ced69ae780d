import { describe, expect, it } from 'vitest';
import { toHex, toPrintable, TrafficLog } from '../../src/session/traffic-log';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('traffic log', () => {
  it('keeps memory bounded: the oldest entries go first and are counted', () => {
    const log = new TrafficLog({ maxBytes: 1024, maxEntries: 16 });
    for (let i = 0; i < 40; i++) log.add(i, i % 2 ? 'rx' : 'tx', bytes(`AT+N${i}\r`));
    expect(log.size.entries).toBe(16);
    expect(log.dropped.entries).toBe(24);
    expect(log.entries()[0]?.seq).toBe(24);
    const big = new TrafficLog({ maxBytes: 1024, maxEntries: 100 });
    for (let i = 0; i < 10; i++) big.add(i, 'rx', new Uint8Array(300));
    expect(big.size.bytes).toBeLessThanOrEqual(1024);
    expect(big.dropped.bytes).toBe(300 * 7);
  });

  it('exports JSON lines: a header with the drop count, then time, direction, hex and text per entry', () => {
    const log = new TrafficLog();
    log.add(12.5, 'tx', bytes('AT\r'));
    log.add(13, 'rx', bytes('\r\nOK\r\n'));
    log.note(14, 'close');
    const lines = log
      .exportLog()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({
      format: 'usr-7s4-traffic',
      version: 1,
      dropped: { entries: 0, bytes: 0 },
      entries: 3,
    });
    expect(lines[1]).toEqual({ seq: 0, t: 12.5, dir: 'tx', hex: '41540D', text: 'AT\\r' });
    expect(lines[2]).toMatchObject({ dir: 'rx', text: '\\r\\nOK\\r\\n' });
    expect(lines[3]).toMatchObject({ dir: 'note', text: 'close' });
  });

  it('a downloaded log withholds the command password, even when the line came in pieces, unless asked', () => {
    const log = new TrafficLog();
    log.add(1, 'tx', bytes('AT+CMDPW=sec'));
    log.add(2, 'tx', bytes('ret9\r'));
    log.add(3, 'rx', bytes('\r\nOK\r\n'));
    log.add(4, 'tx', bytes('secret9AT+VER?\r'));
    const parse = (text: string) =>
      text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    const withheld = log.exportLog();
    expect(withheld).not.toMatch(/sec|ret9/);
    const lines = parse(withheld);
    expect(lines[0]).toMatchObject({ withheld: 2, entries: 3 });
    expect(lines[1]).toMatchObject({ seq: 0, t: 1, dir: 'tx' });
    expect(String(lines[1]?.['text'])).toMatch(/^AT\+CMDPW=•+\\r$/);
    expect(String(lines[3]?.['text'])).toMatch(/^•+AT\+VER\?\\r$/);
    const full = log.exportLog({ includeSecrets: true });
    expect(full).toContain('secret9AT+VER?');
    expect(parse(full)[0]).not.toHaveProperty('withheld');
  });

  it('shows bytes as hex and as text with control bytes escaped, for the terminal', () => {
    expect(toHex(Uint8Array.of(0x55, 0xaa, 0x0d), true)).toBe('55 AA 0D');
    expect(toPrintable(Uint8Array.of(0x61, 0x00, 0x0d, 0x0a, 0x09))).toBe('a\\x00\\r\\n\\t');
    expect(toPrintable(bytes('你好'))).toBe('你好');
  });

  it('tells subscribers about each entry as it is added', () => {
    const log = new TrafficLog();
    const seen: string[] = [];
    const off = log.subscribe((e) => seen.push(`${e.dir}:${e.bytes.length}`));
    log.add(0, 'tx', bytes('AT\r'));
    off();
    log.add(1, 'rx', bytes('OK'));
    expect(seen).toEqual(['tx:3']);
  });
});
