/**
 * The trainer's simulator panel (issue 12): the world's log says who sent what to whom, in order, and shows
 * the module's serial output as the module wrote it; the one-click faults send what turns them on and off
 * and read their state from the simulator; the server cards show host:port from the running settings.
 * The log is fed by a real simulated module on the virtual clock (with wire timing), not by made-up events.
 */
import { describe, expect, it } from 'vitest';
import type { SimCommand } from '../../src/simulator/core/control';
import {
  activeFaults,
  clearAllCommands,
  faultCommands,
  faultOn,
  NO_FAULTS,
  WEAK_RSSI,
  type WorldState,
} from '../../src/ui/sim-panel/faults';
import { serverAddress } from '../../src/ui/sim-panel/server-address';
import { MAX_GROUP, rowText, WorldLog, type WorldRow } from '../../src/ui/sim-panel/world-log';
import { bytes, Harness, HOST_LINE, text } from '../simulator/harness';

const label = (r: WorldRow): string =>
  r.kind === 'note'
    ? `note:${r.note}`
    : r.kind === 'sms'
      ? `${r.from}>${r.to} sms ${r.text}`
      : `${r.from}${r.kind === 'packet' && r.from === 'server' ? r.socket : ''}>${r.to}${r.kind === 'packet' && r.to === 'server' ? r.socket : ''} ${text(r.bytes)}`;

function logged(h: Harness): WorldLog {
  const log = new WorldLog();
  h.module.onEvent((e) => log.push(e));
  return log;
}

describe('the world log', () => {
  it('labels a host command, the module reply, a server message and an SMS exchange, in order', () => {
    const h = new Harness();
    h.enterCommandMode();
    const log = logged(h);
    h.type('AT+VER\r');
    h.advance(100);
    h.type('AT+ENTM\r');
    h.advance(100);
    h.module.control({ type: 'server-send', socket: 'A', bytes: bytes('ping from A\r\n') });
    h.advance(500);
    h.module.control({ type: 'phone-send', text: 'usr.cnAT+VER' });
    h.advance(5000);
    const rows = log.rows.map(label);
    const at = (s: string): number => rows.findIndex((r) => r.startsWith(s));
    expect(rows).toContain('host>module AT+VER\r');
    expect(at('module>host AT+VER\r')).toBeGreaterThan(at('host>module AT+VER\r'));
    expect(at('serverA>module ping from A')).toBeGreaterThan(at('host>module AT+ENTM'));
    expect(at('module>host ping from A')).toBeGreaterThan(at('serverA>module ping from A'));
    expect(at('phone>module sms usr.cnAT+VER')).toBeGreaterThan(at('module>host ping from A'));
    // The SMS answer is below its question.
    expect(at('module>phone sms +VER')).toBeGreaterThan(at('phone>module sms usr.cnAT+VER'));
  });

  it('keeps a server line whole at 9600 bit/s, though the wire delivers it in pieces', () => {
    const h = new Harness({ wireTiming: true });
    h.module.control({ type: 'set-wrong-baud', baud: 9600 });
    h.line = { ...HOST_LINE, baud: 9600 };
    const log = logged(h);
    const line = 'the quick brown fox jumps over the lazy dog while the trainer watches\r\n';
    h.module.control({ type: 'server-send', socket: 'A', bytes: bytes(line) });
    h.advance(1000);
    h.module.control({ type: 'server-send', socket: 'A', bytes: bytes('second line\r\n') });
    h.advance(1000);
    // The wire did deliver in pieces (about 10 characters each)…
    expect(h.eventsOf('serial-out').length).toBeGreaterThan(6);
    // …and the log shows each of the module's writes as one row.
    const serial = log.rows
      .filter((r) => r.kind === 'serial')
      .map((r) => (r.kind === 'serial' ? text(r.bytes) : ''));
    expect(serial).toEqual([line, 'second line\r\n']);
  });

  it('starts a new row at MAX_GROUP bytes while the module keeps writing', () => {
    const log = new WorldLog();
    for (let i = 0; i < 3; i++)
      log.push({ type: 'serial-out', at: i, bytes: new Uint8Array(600), end: false });
    const sizes = log.rows.map((r) => (r.kind === 'serial' ? r.bytes.length : 0));
    expect(sizes).toEqual([600, 600, 600]);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_GROUP);
  });

  it('a power cycle shows power off, booting and start; a refused link says why', () => {
    const h = new Harness();
    const log = logged(h);
    h.module.control({ type: 'set-server-behaviour', socket: 'A', behaviour: 'refuse' });
    h.module.control({ type: 'power-cycle' });
    h.advance(40_000);
    const notes = log.rows.filter((r) => r.kind === 'note').map((r) => (r.kind === 'note' ? r.note : ''));
    expect(notes.slice(0, 3)).toEqual(['power-off', 'power-on', 'started']);
    const down = log.rows.find((r) => r.kind === 'note' && r.note === 'link-down');
    expect(down?.kind === 'note' && down.values).toMatchObject({ s: 'A', reason: 'refused' });
  });

  it('says when the wrong baud rate begins and ends', () => {
    const h = new Harness();
    const log = logged(h);
    h.module.control({ type: 'set-wrong-baud', baud: 9600 });
    h.module.control({ type: 'set-wrong-baud', baud: null });
    expect(log.rows.map(label)).toEqual(['note:uart-fault', 'note:uart-back']);
  });
});

const world = (over: Partial<WorldState> = {}): WorldState => ({
  radio: { network: '4G', rssi: -71 },
  behaviours: { A: 'echo', B: 'echo', C: 'echo', D: 'echo' },
  faults: NO_FAULTS,
  baud: 115200,
  ...over,
});

/** Runs `commands` on a module and returns the state the panel would read back. */
function applied(h: Harness, commands: readonly SimCommand[]): WorldState {
  for (const c of commands) h.module.control(c);
  const s = h.module.snapshot();
  return { radio: s.radio, behaviours: s.behaviours, faults: s.faults ?? NO_FAULTS, baud: s.uart.baud };
}

describe('one-click faults', () => {
  it('each lasting fault turns on and off on a real module, and the panel reads its state back', () => {
    const h = new Harness();
    for (const id of [
      'no-network',
      'weak-signal',
      'server-refuses',
      'slow-server',
      'line-noise',
      'wrong-baud',
    ] as const) {
      const before = applied(h, []);
      expect(faultOn(id, before), id).toBe(false);
      const on = applied(h, faultCommands(id, true, before));
      expect(faultOn(id, on), id).toBe(true);
      expect(activeFaults(on), id).toEqual([id]);
      const off = applied(h, faultCommands(id, false, on, before.radio));
      expect(activeFaults(off), id).toEqual([]);
    }
  });

  it('server refuses: the connected link goes down with the reason "refused"', () => {
    const h = new Harness();
    applied(h, faultCommands('server-refuses', true, world()));
    h.advance(15_000);
    expect(h.module.linkState('A')).toBe('waiting');
    expect(
      h
        .eventsOf('link')
        .filter((e) => e.socket === 'A')
        .at(-1)?.reason,
    ).toBe('refused');
  });

  it('weak signal sets a barely usable level; clear all puts network, signal and firmware back in one go', () => {
    const h = new Harness();
    const start = applied(h, []);
    let w = applied(h, faultCommands('no-network', true, start));
    w = applied(h, faultCommands('weak-signal', true, w));
    expect(w.radio).toEqual({ network: 'none', rssi: WEAK_RSSI });
    w = applied(h, [...faultCommands('line-noise', true, w), { type: 'set-firmware', selection: ['slow'] }]);
    w = applied(h, clearAllCommands(w, start.radio));
    expect(activeFaults(w)).toEqual([]);
    expect(w.radio).toEqual({ network: '4G', rssi: -71 });
    expect(h.module.firmwareSelection).toEqual([]);
  });

  it('wrong baud picks a rate the module is not at', () => {
    expect(faultCommands('wrong-baud', true, world())).toEqual([{ type: 'set-wrong-baud', baud: 9600 }]);
    expect(faultCommands('wrong-baud', true, world({ baud: 9600 }))).toEqual([
      { type: 'set-wrong-baud', baud: 115200 },
    ]);
  });
});

describe('server address', () => {
  it('shows host:port and protocol of an enabled socket, and says when one is not enabled', () => {
    const h = new Harness();
    const running = h.module.running;
    expect(serverAddress(running, 'A')).toEqual({
      enabled: true,
      protocol: 'TCP',
      host: 'test.usr.cn',
      port: '2317',
    });
    expect(serverAddress(running, 'B')?.enabled).toBe(false);
    expect(serverAddress({ ...running, WKMOD: 'HTTPD' }, 'A')?.enabled).toBe(false);
    expect(serverAddress({}, 'A')).toBeUndefined();
  });
});

describe('the world log over a view coming back', () => {
  it('skips events it already has when they are replayed, and keeps notes the page added', () => {
    const h = new Harness();
    const seen: Parameters<WorldLog['push']>[0][] = [];
    h.module.onEvent((e) => seen.push(e));
    const log = new WorldLog();
    h.module.control({ type: 'phone-send', text: 'hello' });
    h.advance(3000);
    for (const e of seen) log.push(e);
    log.pushNote('cable-out');
    const before = log.rows.map(label);
    for (const e of seen) log.push(e);
    expect(log.rows.map(label)).toEqual(before);
    expect(before.at(-1)).toBe('note:cable-out');
  });
});

describe('row text', () => {
  it('shows an AT answer as its lines, without the empty ones, and control characters visible', () => {
    expect(rowText(bytes('AT+VER?\r\r\n+VER:V1.0.6\r\n\r\nOK\r\n'))).toBe('AT+VER?↵\n+VER:V1.0.6\nOK');
    expect(rowText(bytes('\x01a'))).toBe('[01]a');
  });
});
