/**
 * Firmware variants (shared/spec/module-behaviour.md, "Firmware variants a session must survive"): each
 * switch of core/variants.ts on its own, combinations, the selection grammar, the control command and the
 * CLI option. Wire bytes and times are exact (VirtualClock, wire timing off unless said).
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIMINGS,
  describeFirmware,
  ENTRY_OK,
  EXTRA_CRLF_DELAY_MS,
  FIRMWARE_PRESETS,
  MANUAL_FIRMWARE,
  NOTICE_INTERVAL_MS,
  NOTICE_TEXT,
  resolveFirmware,
  SimulatedModule,
  SLOW_PROCESSING,
  V2_BANNER,
} from '../../src/simulator/core';
import { VirtualClock } from '../../src/clock/virtual-clock';
import { parseCliArgs, HELP } from '../../src/simulator/node/cli-args';
import { ERR, Harness, info, OK, text, type HarnessOptions } from './harness';

const PLUS_OK = '\r\n+OK\r\n';
const PLUS_ERR = (n: number): string => `\r\n+ERR=-${n}\r\n`;

function commandMode(options: HarnessOptions): Harness {
  const h = new Harness(options);
  h.enterCommandMode();
  h.take();
  return h;
}

/**
 * Sends `line` + CR and moves the clock 1 ms at a time until the output ends with `until`; returns the
 * output and the time it took (ms after the CR).
 */
function timed(h: Harness, line: string, until: string, limitMs = 2000): { out: string; ms: number } {
  h.take();
  const t0 = h.clock.now();
  h.type(`${line}\r`);
  let out = h.take();
  while (!out.endsWith(until)) {
    if (h.clock.now() - t0 > limitMs) throw new Error(`no ${JSON.stringify(until)} after ${line}: ${out}`);
    h.advance(1);
    out += h.take();
  }
  return { out, ms: h.clock.now() - t0 };
}

describe('firmware variants: one switch at a time', () => {
  it("g786 timing sends a UARTFT after the third + and +ok UARTFT after the host's a", () => {
    const h = new Harness({ firmware: ['g786-timing'] });
    h.advance(100);
    h.type('+++');
    h.advance(49);
    expect(h.take()).toBe(''); // the manual's firmware has answered by now (T3 = UARTFT/2)
    h.advance(1);
    expect(h.take()).toBe('a'); // T4 = UARTFT
    h.advance(500);
    h.type('a');
    h.advance(49);
    expect(h.take()).toBe('');
    expect(h.module.mode).toBe('entering');
    h.advance(1);
    expect(h.take()).toBe(ENTRY_OK); // T6 = UARTFT
    expect(h.module.mode).toBe('command');
    expect(h.raw('AT')).toBe('AT\r' + OK);
  });

  it('g786 timing follows the running UARTFT, and a byte inside T4 makes +++ data', () => {
    const h = new Harness({ firmware: ['g786-timing'] });
    h.advance(100);
    h.type('+++');
    h.advance(60);
    h.type('a');
    h.advance(60);
    expect(h.take()).toBe('a' + ENTRY_OK);
    // UARTFT = 50 so far; now 200.
    h.type('AT+UARTFT=200\r');
    h.advance(100);
    h.type('AT+Z\r');
    h.advance(DEFAULT_TIMINGS.appRestartMs + 500);
    h.take();
    h.type('+++');
    h.advance(199);
    expect(h.take()).toBe('');
    h.advance(1);
    expect(h.take()).toBe('a');
    h.type('a');
    h.advance(199);
    expect(h.take()).toBe('');
    h.advance(1);
    expect(h.take()).toBe(ENTRY_OK);
    h.type('AT+ENTM\r');
    h.advance(500);
    h.take();
    // A byte 150 ms after +++ (inside T4 = 200 ms): the three + are data.
    h.type('+++');
    h.advance(150);
    h.type('x');
    h.advance(1000);
    expect(h.module.mode).toBe('net');
    expect(text(h.server('A').receivedBytes('data'))).toBe('+++x');
  });

  it("g786 timing drops bytes that arrive between the host's a and +ok", () => {
    const h = new Harness({ firmware: ['g786-timing'] });
    h.advance(100);
    h.type('+++');
    h.advance(60);
    expect(h.take()).toBe('a');
    h.type('aAT\r');
    h.advance(20);
    h.type('AT\r');
    h.advance(100);
    expect(h.take()).toBe(ENTRY_OK);
    expect(h.raw('AT+VER')).toBe('AT+VER\r' + info('VER', 'V1.0.6'));
  });

  it('no-ok queries end after the +NAME line', () => {
    const h = commandMode({ firmware: ['no-ok-queries'] });
    expect(h.command('AT+VER')).toBe('\r\n+VER:V1.0.6\r\n');
    expect(h.command('AT+UARTFT?')).toBe('\r\n+UARTFT:50\r\n');
    expect(h.command('AT+CSQ')).toMatch(/^\r\n\+CSQ:\d+,\d+\r\n$/);
    expect(h.command('AT+E=?')).toBe('\r\n+E:ON/OFF\r\n');
    // Sets and actions still get OK; errors are unchanged.
    expect(h.command('AT+UARTFT=60')).toBe(OK);
    expect(h.command('AT')).toBe(OK);
    expect(h.command('AT+NOPE')).toBe(ERR(2));
  });

  it('plus-ok answers a set with +OK and a bad value with +ERR=-4', () => {
    const h = commandMode({ firmware: ['plus-ok'] });
    expect(h.command('AT+UARTFT=100')).toBe(PLUS_OK);
    expect(h.command('AT+UARTFT=1')).toBe(PLUS_ERR(4));
    expect(h.command('AT+VER')).toBe('\r\n+VER:V1.0.6\r\n' + PLUS_OK);
    expect(h.command('AT')).toBe(PLUS_OK);
    expect(h.command('AT+NOPE')).toBe(PLUS_ERR(2));
    expect(h.command('hello')).toBe(PLUS_ERR(1));
    // `+++` in command mode is an error in the same format.
    h.advance(100);
    h.type('+++');
    h.advance(100);
    expect(h.take()).toBe('+++' + PLUS_ERR(1));
    expect(h.command('AT+ENTM')).toBe(PLUS_OK);
    expect(h.module.mode).toBe('net');
  });

  it('slow firmware answers a SOCKA set 150–300 ms after the CR', () => {
    const times: number[] = [];
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const h = commandMode({ firmware: ['slow'], seed });
      const { out, ms } = timed(h, 'AT+SOCKA=TCP,10.0.0.1,2317', OK);
      expect(out).toBe('AT+SOCKA=TCP,10.0.0.1,2317\r' + OK);
      expect(ms).toBeGreaterThanOrEqual(150);
      expect(ms).toBeLessThanOrEqual(300);
      expect(h.module.processingSpentMs).toBe(ms);
      times.push(ms);
    }
    // Jitter: not all the same.
    expect(new Set(times).size).toBeGreaterThan(1);
  });

  it('the snapshot tells the page how long the firmware spent processing (the benchmarks’ minimum)', () => {
    const slow = commandMode({ firmware: ['slow'], seed: 3 });
    expect(slow.module.snapshot().processingMs).toBe(0);
    const a = timed(slow, 'AT+VER', OK).ms;
    const b = timed(slow, 'AT+HEARTTM=60', OK).ms;
    expect(a).toBeGreaterThan(0);
    expect(slow.module.snapshot().processingMs).toBe(a + b);
    // The manual's firmware answers in zero time: nothing to add to a minimum.
    const manual = commandMode({ seed: 3 });
    timed(manual, 'AT+VER', OK);
    expect(manual.module.snapshot().processingMs).toBe(0);
  });

  it('slow firmware: queries 5–40 ms, plain sets 20–80 ms, APN and UART sets 150–300 ms, AT+Z at once', () => {
    const h = commandMode({ firmware: ['slow'], seed: 42 });
    let spent = 0;
    const check = (line: string, min: number, max: number, until = OK): void => {
      const { ms } = timed(h, line, until);
      expect(ms, line).toBeGreaterThanOrEqual(min);
      expect(ms, line).toBeLessThanOrEqual(max);
      spent += ms;
      expect(h.module.processingSpentMs).toBe(spent);
    };
    for (let i = 0; i < 5; i++) {
      check('AT+VER', 5, 40);
      check('AT', 5, 40);
      check('AT+NOPE', 5, 40, ERR(2));
      check('AT+HEARTTM=60', 20, 80);
      check('AT+APN=CMNET,,', 150, 300);
      check('AT+UART=115200,8,1,NONE,NFC', 150, 300);
      check('AT+SOCKBEN=ON', 150, 300);
    }
    // AT+Z has its own time (the restart): answered as the CR arrives.
    h.take();
    h.type('AT+Z\r');
    expect(h.take()).toBe('AT+Z\r' + OK);
    expect(h.module.processingSpentMs).toBe(spent);
  });

  it('slow firmware echoes as bytes arrive and queues a second command behind the first', () => {
    const h = commandMode({ firmware: ['slow'], seed: 9 });
    h.type('AT+VER\rAT+SN\r');
    expect(h.take()).toBe('AT+VER\rAT+SN\r'); // echo at once, replies later
    let out = '';
    const seen: number[] = [];
    const t0 = h.clock.now();
    for (let i = 0; i < 200; i++) {
      h.advance(1);
      const got = h.take();
      if (got) seen.push(h.clock.now() - t0);
      out += got;
    }
    expect(out).toBe(info('VER', 'V1.0.6') + info('SN', '01201812010000012345'));
    expect(seen).toHaveLength(2);
    // The second reply comes its own delay after the first: the sum of both delays.
    expect(seen[1]).toBe(h.module.processingSpentMs);
    expect(seen[0]).toBeGreaterThanOrEqual(5);
    expect((seen[1] ?? 0) - (seen[0] ?? 0)).toBeGreaterThanOrEqual(5);
  });

  it('slow firmware is deterministic for a seed', () => {
    const run = (seed: number): number[] => {
      const h = commandMode({ firmware: ['slow'], seed });
      return ['AT+VER', 'AT+SOCKA=TCP,10.0.0.1,1', 'AT+HEARTTM=40'].map((l) => timed(h, l, OK).ms);
    };
    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));
  });

  it('slow firmware: lines typed while AT+ENTM is processed are dropped, not sent to the server', () => {
    const h = commandMode({ firmware: ['slow'], seed: 3 });
    h.type('AT+ENTM\rAT+VER\r');
    h.advance(200);
    expect(h.module.mode).toBe('net');
    expect(h.take()).toBe('AT+ENTM\rAT+VER\r' + OK);
    expect(h.server('A').receivedBytes('data').length).toBe(0);
  });

  it('extra CRLF follows OK', () => {
    const h = commandMode({ firmware: ['extra-crlf'] });
    h.type('AT\r');
    expect(h.take()).toBe('AT\r' + OK);
    h.advance(EXTRA_CRLF_DELAY_MS - 1);
    expect(h.take()).toBe('');
    h.advance(1);
    expect(h.take()).toBe('\r\n');
    // After a query's OK too; never after an error.
    h.type('AT+VER\r');
    h.advance(20);
    expect(h.take()).toBe('AT+VER\r' + info('VER', 'V1.0.6') + '\r\n');
    h.type('AT+NOPE\r');
    h.advance(20);
    expect(h.take()).toBe('AT+NOPE\r' + ERR(2));
  });

  it('v2 banner at boot', () => {
    const h = new Harness({ boot: false, firmware: ['v2-banner'] });
    h.advance(DEFAULT_TIMINGS.bootMs);
    expect(h.take()).toBe(V2_BANNER);
    expect(V2_BANNER).toBe('\r\n[USR-7S4 V2]\r\n');
    // Also after AT+Z, whatever STMSG says.
    h.enterCommandMode();
    h.command('AT+STMSG=HELLO');
    h.command('AT+Z');
    h.advance(DEFAULT_TIMINGS.appRestartMs);
    expect(h.take()).toBe(V2_BANNER);
  });

  it('no start message at boot', () => {
    const h = new Harness({ boot: false, firmware: ['no-banner'] });
    h.advance(DEFAULT_TIMINGS.bootMs + 100);
    expect(h.take()).toBe('');
    expect(h.module.mode).toBe('net');
    h.enterCommandMode();
    h.command('AT+Z');
    h.advance(DEFAULT_TIMINGS.appRestartMs + 100);
    expect(h.take()).toBe('');
  });

  it('notices appear in working mode only', () => {
    const h = new Harness({ boot: false, firmware: ['notices'] });
    h.advance(DEFAULT_TIMINGS.bootMs);
    const started = h.clock.now();
    expect(h.take()).toBe('\r\nUSR-LTE-7S4\r\n');
    h.advance(NOTICE_INTERVAL_MS - 1);
    expect(h.take()).toBe('');
    h.advance(1);
    expect(h.take()).toBe(NOTICE_TEXT);
    expect(h.clock.now() - started).toBe(NOTICE_INTERVAL_MS);
    // Network data restarts the wait: the echo of `x` comes back over the network.
    h.advance(10_000);
    h.type('x');
    h.advance(100);
    expect(h.take()).toBe('x');
    const echoed = h.server('A').received.at(-1)?.at ?? 0;
    h.advance(NOTICE_INTERVAL_MS - 200);
    expect(h.take()).toBe('');
    h.advance(200);
    expect(h.take()).toBe(NOTICE_TEXT);
    expect(echoed).toBeGreaterThan(0);
    // Command mode: none for a minute.
    h.enterCommandMode();
    h.take();
    h.advance(60_000);
    expect(h.take()).toBe('');
    expect(h.command('AT+ENTM')).toBe(OK);
    h.advance(NOTICE_INTERVAL_MS);
    expect(h.take()).toBe(NOTICE_TEXT);
  });

  it('blank after colon: +NAME: value', () => {
    const h = commandMode({ firmware: ['blank-colon'] });
    expect(h.command('AT+ICCID')).toBe('\r\n+ICCID: 89860117851012345678\r\n' + OK);
    expect(h.command('AT+CSQ')).toMatch(/^\r\n\+CSQ: \d+,\d+\r\n\r\nOK\r\n$/);
    expect(h.command('AT+E=OFF')).toBe(OK);
  });

  it('silent +++ in command mode answers +ERR:1 after the CR', () => {
    const h = commandMode({ firmware: ['silent-plus'] });
    h.advance(100);
    h.type('+++');
    h.advance(2000);
    expect(h.take()).toBe('+++'); // the echo, no answer
    expect(h.module.mode).toBe('command');
    h.type('\r');
    expect(h.take()).toBe('\r' + ERR(1));
    expect(h.raw('AT')).toBe('AT\r' + OK);
  });

  it('split input: a pause longer than UARTFT splits a command', () => {
    const h = commandMode({ firmware: ['split-input'] });
    // A pause shorter than UARTFT keeps the line whole.
    h.type('AT+V');
    h.advance(40);
    h.type('ER\r');
    expect(h.take()).toBe('AT+VER\r' + info('VER', 'V1.0.6'));
    // A longer one ends it: AT+V is a command of its own (ERR2), ER another (ERR1).
    h.type('AT+V');
    h.advance(49);
    expect(h.take()).toBe('AT+V');
    h.advance(11);
    expect(h.take()).toBe(ERR(2));
    h.type('ER\r');
    expect(h.take()).toBe('ER\r' + ERR(1));
    // A command without CR is run when the pause ends it.
    h.type('AT');
    h.advance(60);
    expect(h.take()).toBe('AT' + OK);
  });

  it('the manual firmware keeps a paused line whole', () => {
    const h = commandMode({});
    h.type('AT+V');
    h.advance(5000);
    h.type('ER\r');
    expect(h.take()).toBe('AT+VER\r' + info('VER', 'V1.0.6'));
  });
});

describe('firmware variants: combinations', () => {
  it('plus-ok with no-ok queries: +NAME:value alone, sets +OK', () => {
    const h = commandMode({ firmware: ['plus-ok', 'no-ok-queries'] });
    expect(h.command('AT+VER')).toBe('\r\n+VER:V1.0.6\r\n');
    expect(h.command('AT+HEARTTM=45')).toBe(PLUS_OK);
    expect(h.command('AT+HEARTTM=0')).toBe(PLUS_ERR(4));
  });

  it('blank-colon with plus-ok and extra CRLF', () => {
    const h = commandMode({ firmware: ['blank-colon', 'plus-ok', 'extra-crlf'] });
    h.type('AT+VER\r');
    h.advance(10);
    expect(h.take()).toBe('AT+VER\r\r\n+VER: V1.0.6\r\n' + PLUS_OK + '\r\n');
  });

  it('slow with extra CRLF: the CR LF follows the delayed OK by 5 ms', () => {
    const h = commandMode({ firmware: ['slow', 'extra-crlf'], seed: 11 });
    const { ms } = timed(h, 'AT', OK);
    h.advance(EXTRA_CRLF_DELAY_MS - 1);
    expect(h.take()).toBe('');
    h.advance(1);
    expect(h.take()).toBe('\r\n');
    expect(ms).toBe(h.module.processingSpentMs);
  });

  it('noisy: V2 banner, notices and extra CR LF together', () => {
    const h = new Harness({ boot: false, firmware: ['noisy'] });
    h.advance(DEFAULT_TIMINGS.bootMs);
    expect(h.take()).toBe(V2_BANNER);
    h.advance(NOTICE_INTERVAL_MS);
    expect(h.take()).toBe(NOTICE_TEXT);
    h.enterCommandMode();
    h.type('AT\r');
    h.advance(10);
    expect(h.take()).toBe('AT\r' + OK + '\r\n');
  });

  it('presets combine left to right: the later start message wins', () => {
    expect(resolveFirmware(['no-banner', 'v2-banner']).startMessage).toBe('v2-banner');
    expect(resolveFirmware(['v2-banner', 'no-banner']).startMessage).toBe('none');
    expect(resolveFirmware(['noisy', 'no-banner'])).toMatchObject({
      notices: true,
      extraCrlf: true,
      startMessage: 'none',
    });
  });

  it('worst case: a careful host still enters, reads and leaves', () => {
    const h = new Harness({ boot: false, firmware: ['worst-case'], seed: 77 });
    h.advance(DEFAULT_TIMINGS.bootMs + 5000);
    expect(h.take()).toBe(V2_BANNER);
    h.advance(100);
    h.type('+++');
    h.advance(60);
    expect(h.take()).toBe('a');
    h.type('a');
    h.advance(60);
    expect(h.take()).toBe(ENTRY_OK);
    const { out } = timed(h, 'AT+VER', '\r\n+VER: V1.0.6\r\n');
    expect(out).toBe('AT+VER\r\r\n+VER: V1.0.6\r\n');
    const set = timed(h, 'AT+SOCKA=TCP,10.0.0.2,2317', PLUS_OK);
    expect(set.ms).toBeGreaterThanOrEqual(150);
    h.advance(10);
    expect(h.take()).toBe('\r\n');
    const leave = timed(h, 'AT+ENTM', PLUS_OK);
    expect(leave.out).toBe('AT+ENTM\r' + PLUS_OK);
    h.advance(10);
    expect(h.module.mode).toBe('net');
  });
});

describe('firmware variants: wire timing and robustness', () => {
  it('with wire timing the processing delay starts when the CR has arrived', () => {
    const clock = new VirtualClock();
    const module = new SimulatedModule({ clock, wireTiming: true, startRunning: true, firmware: ['slow'] });
    const got: { at: number; text: string }[] = [];
    module.onSerialOutput((b) => got.push({ at: clock.now(), text: text(b) }));
    const line = module.uart;
    const send = (s: string): void => module.hostWrite(new TextEncoder().encode(s), line);
    clock.advanceSync(1000);
    send('+++');
    clock.advanceSync(100);
    send('a');
    clock.advanceSync(100);
    send('AT+E=OFF\r');
    clock.advanceSync(500);
    got.length = 0;
    const spent = module.processingSpentMs;
    send('AT+SOCKA=TCP,10.0.0.3,2317\r');
    const crArrives = module.hostWriteDoneAt;
    clock.advanceSync(1000);
    const delay = module.processingSpentMs - spent;
    expect(delay).toBeGreaterThanOrEqual(150);
    expect(delay).toBeLessThanOrEqual(300);
    expect(got.map((g) => g.text).join('')).toBe(OK);
    // 6 characters at 115200 8N1 take ~0.52 ms; delivery is batched by at most BATCH_MS.
    const okArrived = got.at(-1)?.at ?? 0;
    expect(okArrived).toBeGreaterThanOrEqual(crArrives + delay);
    expect(okArrived).toBeLessThanOrEqual(crArrives + delay + 11);
  });

  it('random input never wedges the worst-case firmware; a careful host gets an answer afterwards', () => {
    const h = new Harness({ firmware: ['worst-case'], seed: 1234 });
    const lines = [
      'AT',
      'AT+VER',
      'AT+SOCKA=TCP,10.0.0.1,1',
      '+++',
      'a',
      'AT+ENTM',
      'AT+E=OFF',
      'usr.cnAT+SN',
    ];
    let seed = 99;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let i = 0; i < 3000; i++) {
      const r = rnd(10);
      if (r < 6) h.type((lines[rnd(lines.length)] ?? '') + (rnd(3) ? '\r' : ''));
      else if (r < 8) h.type(String.fromCharCode(...Array.from({ length: rnd(8) }, () => rnd(256))));
      else h.type('+++');
      h.advance(rnd(10) === 0 ? rnd(4000) : rnd(120));
    }
    h.advance(5000);
    h.take();
    // Careful host: silence, +++, wait UARTFT + margin for a, a, wait for +ok; or already in command mode.
    if (h.module.mode !== 'command') {
      h.advance(100);
      h.type('+++');
      h.advance(100);
      h.type('a');
      h.advance(100);
    }
    expect(h.module.mode).toBe('command');
    h.type('\r');
    h.advance(500);
    h.take();
    h.type('AT\r');
    h.advance(500);
    expect(h.take()).toMatch(/\r\n\+OK\r\n(\r\n)?$/);
  });
});

describe('firmware selection', () => {
  it('the manual firmware is the default, every switch off, and applies no delay', () => {
    const h = commandMode({});
    expect(h.module.firmwareVariant).toEqual(MANUAL_FIRMWARE);
    expect(h.module.snapshot().firmware).toEqual([]);
    h.command('AT+SOCKA=TCP,10.0.0.1,2317');
    expect(h.module.processingSpentMs).toBe(0);
    expect(MANUAL_FIRMWARE).toEqual({
      slowEntry: false,
      queriesWithoutOk: false,
      plusOk: false,
      processing: undefined,
      extraCrlf: false,
      startMessage: 'stmsg',
      notices: false,
      blankAfterColon: false,
      silentPlusInCommandMode: false,
      splitInput: false,
    });
  });

  it('the presets of the brief exist with their switches', () => {
    expect(FIRMWARE_PRESETS['manual']).toEqual({});
    expect(FIRMWARE_PRESETS['g786-timing']).toEqual({ slowEntry: true });
    expect(FIRMWARE_PRESETS['no-ok-queries']).toEqual({ queriesWithoutOk: true });
    expect(FIRMWARE_PRESETS['plus-ok']).toEqual({ plusOk: true });
    expect(FIRMWARE_PRESETS['slow']).toEqual({ processing: SLOW_PROCESSING });
    expect(FIRMWARE_PRESETS['noisy']).toEqual({ notices: true, extraCrlf: true, startMessage: 'v2-banner' });
    expect(FIRMWARE_PRESETS['blank-colon']).toEqual({ blankAfterColon: true });
    expect(FIRMWARE_PRESETS['silent-plus']).toEqual({ silentPlusInCommandMode: true });
    expect(FIRMWARE_PRESETS['split-input']).toEqual({ splitInput: true });
    expect(FIRMWARE_PRESETS['no-banner']).toEqual({ startMessage: 'none' });
  });

  it('switch names and other spellings select the same as the presets', () => {
    expect(resolveFirmware(['slowEntry'])).toEqual(resolveFirmware(['g786-timing']));
    expect(resolveFirmware(['processing']).processing).toEqual(SLOW_PROCESSING);
    expect(resolveFirmware(['Split_Input', 'PLUS-OK'])).toMatchObject({ splitInput: true, plusOk: true });
    expect(resolveFirmware([])).toEqual(MANUAL_FIRMWARE);
    expect(resolveFirmware(['manual', ''])).toEqual(MANUAL_FIRMWARE);
  });

  it('resolveFirmware names every unknown name and lists the valid ones', () => {
    expect(() => resolveFirmware(['slow', 'bogus', 'g999'])).toThrow(
      /Unknown firmware variant "bogus", "g999"\. Valid names: presets: manual, g786-timing, .*; switches: slowEntry, /,
    );
    expect(() => new Harness({ firmware: ['nope'] })).toThrow(/"nope"/);
  });

  it('describeFirmware gives a short label in both languages', () => {
    expect(describeFirmware([])).toEqual({ en: 'As the manual says', zh: '按手册' });
    const label = describeFirmware(['slow', 'noisy']);
    expect(label.en).toBe('Slow replies (5–300 ms) + Noisy (V2 banner, notices, extra CR LF)');
    expect(label.zh).toContain('回复有处理延时');
    expect(describeFirmware(['slowEntry']).en).toBe('Slow +++ entry (G786/G809)');
    expect(describeFirmware(['zzz']).en).toBe('unknown "zzz"');
  });

  it('a variant given as switches: snapshot lists the matching presets', () => {
    const h = new Harness({ firmware: { plusOk: true, startMessage: 'none' } });
    expect(h.module.firmwareVariant).toMatchObject({ plusOk: true, startMessage: 'none', slowEntry: false });
    expect(h.module.snapshot().firmware).toEqual(['plus-ok', 'no-banner']);
  });
});

describe('set-firmware control command', () => {
  it('takes effect at once, is reported by an event and shows in the snapshot', () => {
    const h = commandMode({});
    expect(h.command('AT')).toBe(OK);
    h.module.control(
      structuredClone({ type: 'set-firmware', selection: ['plus-ok', 'blank-colon'] } as const),
    );
    expect(h.command('AT')).toBe(PLUS_OK);
    expect(h.command('AT+VER')).toBe('\r\n+VER: V1.0.6\r\n' + PLUS_OK);
    const event = h.eventsOf('firmware').at(-1);
    expect(event).toMatchObject({ selection: ['plus-ok', 'blank-colon'] });
    expect(event?.error).toBeUndefined();
    expect(structuredClone(event)).toEqual(event);
    expect(h.module.snapshot().firmware).toEqual(['plus-ok', 'blank-colon']);
    h.module.control({ type: 'set-firmware', selection: [] });
    expect(h.command('AT')).toBe(OK);
    expect(h.module.snapshot().firmware).toEqual([]);
  });

  it('an unknown name changes nothing and is reported, not thrown', () => {
    const h = commandMode({ firmware: ['plus-ok'] });
    expect(() => h.module.control({ type: 'set-firmware', selection: ['slow', 'nope'] })).not.toThrow();
    const event = h.eventsOf('firmware').at(-1);
    expect(event?.selection).toEqual(['plus-ok']);
    expect(event?.error).toMatch(/Unknown firmware variant "nope"/);
    expect(h.module.firmwareVariant.processing).toBeUndefined();
    expect(h.command('AT')).toBe(PLUS_OK);
    // Not a list at all (a malformed message): reported the same way.
    h.module.control({ type: 'set-firmware', selection: 'slow' as unknown as string[] });
    expect(h.eventsOf('firmware').at(-1)?.error).toMatch(/list of variant names/);
    expect(h.module.snapshot().firmware).toEqual(['plus-ok']);
  });

  it('switching notices on at run time starts them; off stops them', () => {
    const h = new Harness();
    h.module.control({ type: 'set-firmware', selection: ['notices'] });
    h.advance(NOTICE_INTERVAL_MS);
    expect(h.take()).toBe(NOTICE_TEXT);
    h.module.control({ type: 'set-firmware', selection: ['manual'] });
    h.advance(NOTICE_INTERVAL_MS * 3);
    expect(h.take()).toBe('');
  });

  it('the start message follows a variant chosen while the module runs, at the next start', () => {
    const h = new Harness();
    h.module.control({ type: 'set-firmware', selection: ['v2-banner'] });
    h.module.restart('app');
    h.advance(DEFAULT_TIMINGS.appRestartMs);
    expect(h.take()).toBe(V2_BANNER);
  });

  it('processingSpentMs adds up over restarts and counts serial password AT', () => {
    const clock = new VirtualClock();
    const module = new SimulatedModule({ clock, startRunning: true, firmware: ['slow'], seed: 4 });
    let out = '';
    module.onSerialOutput((b) => (out += text(b)));
    clock.advanceSync(1000);
    module.hostWrite(new TextEncoder().encode('usr.cnAT+VER\r'), module.uart);
    clock.advanceSync(50); // the UART frame ends after UARTFT
    const before = module.processingSpentMs;
    expect(out).toBe('');
    clock.advanceSync(100);
    expect(out).toBe(info('VER', 'V1.0.6'));
    expect(module.processingSpentMs).toBeGreaterThanOrEqual(before + 5);
    expect(module.processingSpentMs).toBeLessThanOrEqual(40);
    module.restart('app');
    clock.advanceSync(DEFAULT_TIMINGS.appRestartMs + 100);
    module.hostWrite(new TextEncoder().encode('usr.cnAT+SN\r'), module.uart);
    const spent = module.processingSpentMs;
    clock.advanceSync(200);
    expect(module.processingSpentMs).toBeGreaterThan(spent);
  });
});

describe('sim CLI --firmware', () => {
  it('parses a comma-separated list into the canonical selection', () => {
    const r = parseCliArgs(['--listen', '127.0.0.1:7000', '--firmware', 'slow,noisy']);
    expect(r).toEqual({
      kind: 'run',
      args: expect.objectContaining({ listen: '127.0.0.1:7000', firmware: ['slow', 'noisy'] }),
    });
    expect(parseCliArgs(['--firmware=slowEntry'])).toMatchObject({ args: { firmware: ['g786-timing'] } });
    expect(parseCliArgs([])).toMatchObject({ args: { firmware: [] } });
  });

  it('an unknown name is a clear error; --help lists the presets', () => {
    const r = parseCliArgs(['--firmware', 'slow,g999']);
    expect(r.kind).toBe('error');
    expect(r.kind === 'error' ? r.message : '').toMatch(
      /--firmware: Unknown firmware variant "g999"\. Valid names/,
    );
    expect(parseCliArgs(['--firmware']).kind).toBe('error');
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
    for (const name of Object.keys(FIRMWARE_PRESETS)) expect(HELP).toContain(name);
  });
});
