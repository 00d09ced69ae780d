/**
 * Faults on the line and in the module. Each test ends in a known state with a specific error, and the
 * result says exactly what was read or applied and what was not.
 */
import { describe, expect, it } from 'vitest';
import { SETTING_NAMES } from '../../src/protocol/catalogue';
import type { ApplyResult, SettingStatus } from '../../src/session/ops/apply';
import { FaultyPort } from './faulty-port';
import { simSetup, uart } from './sim-setup';

const decode = (b: Uint8Array): string => new TextDecoder().decode(b);

function statuses(result: ApplyResult): Record<string, SettingStatus> {
  return Object.fromEntries(result.outcomes.map((o) => [o.name, o.status]));
}

/** Resolves when the session has sent a line starting with `prefix` for the `n`-th time. */
function whenSent(
  session: { log: { subscribe(l: (e: { dir: string; bytes: Uint8Array }) => void): () => void } },
  prefix: string,
  n = 1,
): Promise<void> {
  return new Promise((resolve) => {
    let count = 0;
    const off = session.log.subscribe((e) => {
      if (e.dir === 'tx' && decode(e.bytes).startsWith(prefix) && ++count === n) {
        off();
        resolve();
      }
    });
  });
}

const APPLY_TARGET = { SOCKB: 'TCP,10.0.0.2,7000', SOCKBEN: 'ON', HEARTTM: '50', STMSG: 'unit-7' };

describe('faults', () => {
  it('port unplugged during read-all: what was read, what was not, and a disconnected failed state', async () => {
    const { clock, simPort, session } = await simSetup();
    void whenSent(session, 'AT+SOCKA?').then(() => simPort.unplug());
    const result = await clock.run(session.readAll());
    expect(result.error?.code).toBe('port');
    const read = Object.keys(result.values);
    expect(read).toEqual(SETTING_NAMES.slice(0, SETTING_NAMES.indexOf('SOCKA')));
    expect(result.notReached).toEqual(SETTING_NAMES.slice(SETTING_NAMES.indexOf('SOCKA')));
    expect(session.state).toMatchObject({ kind: 'failed', connected: false, error: { code: 'port' } });
    if (session.state.kind === 'failed') expect(session.state.advice.en).toMatch(/cable/);
  });

  it('port unplugged during apply: applied, unconfirmed and not reached, with the snapshot kept', async () => {
    const { clock, module, simPort, session } = await simSetup();
    void whenSent(session, 'AT+HEARTTM=').then(() => simPort.unplug());
    const result = await clock.run(session.apply(APPLY_TARGET));
    expect(result.ok).toBe(false);
    expect(result.stage).toBe('write');
    expect(result.error?.code).toBe('port');
    // Editor order STMSG, SOCKB, HEARTTM, then the switch SOCKBEN once its socket is set.
    expect(statuses(result)).toEqual({
      STMSG: 'applied',
      SOCKB: 'applied',
      HEARTTM: 'unconfirmed',
      SOCKBEN: 'not-reached',
    });
    expect(module.stored['SOCKB']).toBe('TCP,10.0.0.2,7000');
    expect(result.snapshot['SOCKB']).toBe('TCP,test.usr.cn,2317');
    expect(session.state).toMatchObject({ kind: 'failed', connected: false });
  });

  it('module rebooting during apply: the deaf module times out, the report is honest, restore works later', async () => {
    const { clock, module, session } = await simSetup();
    void whenSent(session, 'AT+HEARTTM=').then(() => module.powerCycle(500));
    const result = await clock.run(session.apply(APPLY_TARGET));
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('timeout');
    expect(statuses(result)).toEqual({
      STMSG: 'applied',
      SOCKB: 'applied',
      HEARTTM: 'unconfirmed',
      SOCKBEN: 'not-reached',
    });
    expect(session.state).toMatchObject({ kind: 'failed', connected: true, error: { code: 'timeout' } });
    // After the boot, the module answers again: back in, and the snapshot written back.
    await clock.advance(module.timings.bootMs);
    const back = await clock.run(session.restore(result.snapshot));
    expect(back.ok).toBe(true);
    expect(module.stored['SOCKB']).toBe('TCP,test.usr.cn,2317');
    expect(session.state).toEqual({ kind: 'command-mode' });
  });

  it('garbage bytes between replies are kept apart: read-all is exact', async () => {
    let faulty: FaultyPort | undefined;
    const { clock, module, session } = await simSetup({
      wrap: (p, c) => (faulty = new FaultyPort(p, c, { garbageAfterReplies: true })),
    });
    const noise: Uint8Array[] = [];
    session.onUnsolicited((b) => noise.push(b));
    const result = await clock.run(session.readAll());
    expect(result.error).toBeUndefined();
    expect(result.values).toEqual(module.stored);
    expect(noise.length).toBeGreaterThan(40);
    expect(faulty).toBeDefined();
  });

  it('1 % of bytes lost both ways: over 20 lines, no value reported differs from the device, no apply lies', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      let faulty: FaultyPort | undefined;
      const { clock, module, session } = await simSetup({
        wrap: (p, c) => (faulty = new FaultyPort(p, c, { dropRate: 0.01 }, seed * 7919)),
      });
      const result = await clock.run(session.readAll());
      expect(faulty?.dropped, `seed ${seed}`).toBeGreaterThan(5);
      expect(result.error, `seed ${seed}`).toBeUndefined();
      for (const [name, value] of Object.entries(result.values))
        expect(value, `seed ${seed} ${name}`).toBe(module.stored[name]);
      const applied = await clock.run(session.apply(APPLY_TARGET));
      expect(applied.ok, `seed ${seed}`).toBe(true);
      for (const [name, value] of Object.entries(APPLY_TARGET))
        expect(module.running[name], `seed ${seed} ${name}`).toBe(value);
    }
  });

  it('replies slower than usual but within the timeout are read normally', async () => {
    const { clock, module, session } = await simSetup({
      wrap: (p, c) => new FaultyPort(p, c, { delayMs: 600 }),
    });
    const result = await clock.run(session.readAll({ names: ['WKMOD', 'SOCKA', 'UART'] }));
    expect(result.error).toBeUndefined();
    expect(result.values).toEqual({
      WKMOD: 'NET',
      SOCKA: module.stored['SOCKA'],
      UART: module.stored['UART'],
    });
  });

  it('replies that never come: entry fails with not-answering and advice, nothing is assumed', async () => {
    const { clock, session } = await simSetup({ wrap: (p, c) => new FaultyPort(p, c, { mute: true }) });
    const error = await clock.run(session.readAll().catch((e: unknown) => e));
    expect(error).toMatchObject({ code: 'not-answering' });
    expect(session.state).toMatchObject({
      kind: 'failed',
      connected: true,
      error: { code: 'not-answering' },
    });
  });

  it('replies that stop coming in command mode: read-all stops with a timeout and says what it read', async () => {
    let faulty: FaultyPort | undefined;
    const { clock, session } = await simSetup({ wrap: (p, c) => (faulty = new FaultyPort(p, c)) });
    await clock.run(session.enterCommandMode());
    void whenSent(session, 'AT+UART?').then(() => {
      if (faulty) faulty.faults.mute = true;
    });
    const result = await clock.run(session.readAll());
    expect(result.error?.code).toBe('timeout');
    expect(result.notReached[0]).toBe('UART');
    expect(Object.keys(result.values)).toEqual(SETTING_NAMES.slice(0, SETTING_NAMES.indexOf('UART')));
    expect(session.state).toMatchObject({ kind: 'failed', connected: true, error: { code: 'timeout' } });
  });

  it('unsolicited data during command mode is reported apart and never taken for an answer', async () => {
    let faulty: FaultyPort | undefined;
    const { clock, module, session } = await simSetup({ wrap: (p, c) => (faulty = new FaultyPort(p, c)) });
    await clock.run(session.enterCommandMode());
    const seen: string[] = [];
    session.onUnsolicited((b) => seen.push(decode(b)));
    let n = 0;
    const off = session.log.subscribe((e) => {
      if (e.dir === 'rx' && decode(e.bytes).includes('OK') && ++n % 5 === 0)
        faulty?.inject('server says hi\r\n+HEARTTM:1\r\n');
    });
    const result = await clock.run(session.readAll());
    off();
    expect(result.error).toBeUndefined();
    expect(result.values).toEqual(module.stored);
    expect(seen.join('')).toContain('server says hi');
  });

  it('wrong baud rate: entry fails with garbled advice, and the baud search then finds the module', async () => {
    const { clock, module, session } = await simSetup({
      settings: { UART: '9600,8,1,NONE,NFC' },
      hostUart: uart('115200,8,1,NONE,NFC'),
    });
    const error = await clock.run(session.enterCommandMode().catch((e: unknown) => e));
    expect(error).toMatchObject({ code: expect.stringMatching(/garbled|not-answering/) });
    expect(session.state).toMatchObject({ kind: 'failed', connected: true });
    const found = await clock.run(session.findBaudRate());
    expect(found.baud).toBe(9600);
    expect(module.mode).toBe('command');
    expect(session.state).toEqual({ kind: 'command-mode' });
  });
});
