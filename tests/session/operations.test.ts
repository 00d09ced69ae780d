import { describe, expect, it } from 'vitest';
import { factoryDefaults, SETTING_NAMES } from '../../src/protocol/catalogue';
import type { Progress, SessionState } from '../../src/session/state';
import { AtSession } from '../../src/session/session';
import { createSimulatorPort } from '../../src/simulator/host/in-process-port';
import { simSetup, uart } from './sim-setup';

const decode = (b: Uint8Array): string => new TextDecoder().decode(b);

function sets(session: { log: { entries(): { dir: string; bytes: Uint8Array }[] } }): string[] {
  return session.log
    .entries()
    .filter((e) => e.dir === 'tx')
    .map((e) => decode(e.bytes))
    .filter((t) => /^AT\+[A-Z]+=/.test(t))
    .map((t) => t.trim());
}

describe('identify (3.1.7.11, 3.1.7.12, 3.1.7.16–19)', () => {
  it('reads VER, SN, IMEI, ICCID, SYSINFO and CSQ, and reads the signal on the network SYSINFO names', async () => {
    const { clock, module, session } = await simSetup();
    const id = await clock.run(session.identify());
    expect(id.version).toBe(module.identity.version);
    expect(id.sn).toBe(module.identity.sn);
    expect(id.imei).toBe(module.identity.imei);
    expect(id.iccid).toBe(module.identity.iccid);
    expect(id.sysinfo?.ok).toBe(true);
    expect(id.csq).toBeDefined();
    expect(id.signal?.unknown).toBe(false);
    expect(id.errors).toEqual({});
  });
});

describe('read all', () => {
  it('reads every catalogue setting, with progress through the busy state', async () => {
    const { clock, module, session } = await simSetup({
      settings: { SOCKA: 'TCP,example.com,9000', HTPURL: '/a.php[3F]x=1' },
    });
    const progress: Progress[] = [];
    const states: SessionState[] = [];
    session.subscribe((s) => states.push(s));
    const result = await clock.run(session.readAll({ onProgress: (p) => progress.push(p) }));
    expect(result.error).toBeUndefined();
    expect(result.notReached).toEqual([]);
    expect(Object.keys(result.values)).toEqual([...SETTING_NAMES]);
    expect(result.values).toEqual(module.stored);
    expect(progress.map((p) => p.step).slice(0, 3)).toEqual(['AT+E?', 'AT+WKMOD?', 'AT+CMDPW?']);
    expect(progress.at(-1)).toEqual({ done: SETTING_NAMES.length, total: SETTING_NAMES.length, step: '' });
    expect(states.some((s) => s.kind === 'busy' && s.operation === 'read-all')).toBe(true);
    expect(session.state).toEqual({ kind: 'command-mode' });
  });
});

describe('apply (architecture.md "Apply")', () => {
  it('sends only the changes, switches after their parameters, verifies each, restarts with AT+Z and reads again', async () => {
    const { clock, module, session } = await simSetup();
    const target = {
      ...factoryDefaults(),
      SOCKB: 'UDP,192.168.1.10,5000',
      SOCKBEN: 'ON',
      HEARTTM: '60',
      WKMOD: 'net', // canonical form is NET: unchanged
    };
    const result = await clock.run(session.apply(target));
    expect(result.ok).toBe(true);
    expect(result.error).toBeUndefined();
    expect(sets(session)).toEqual(['AT+SOCKB=UDP,192.168.1.10,5000', 'AT+HEARTTM=60', 'AT+SOCKBEN=ON']);
    const byName = Object.fromEntries(result.outcomes.map((o) => [o.name, o]));
    expect(byName['SOCKB']).toMatchObject({
      status: 'applied',
      from: 'TCP,test.usr.cn,2317',
      readBack: 'UDP,192.168.1.10,5000',
    });
    expect(byName['WKMOD']).toMatchObject({ status: 'unchanged' });
    expect(result.outcomes.filter((o) => o.status === 'unchanged')).toHaveLength(SETTING_NAMES.length - 3);
    expect(result.restarted).toBe(true);
    expect(module.running['SOCKB']).toBe('UDP,192.168.1.10,5000');
    expect(module.mode).toBe('command');
    expect(session.state).toEqual({ kind: 'command-mode' });
    expect(result.snapshot['SOCKB']).toBe('TCP,test.usr.cn,2317');
  });

  it('does not restart when nothing that needs it changed (AT+E takes effect at once)', async () => {
    const { clock, module, session } = await simSetup();
    const result = await clock.run(session.apply({ E: 'OFF' }));
    expect(result.ok).toBe(true);
    expect(result.restarted).toBe(false);
    expect(module.stored['E']).toBe('OFF');
    const again = await clock.run(session.apply({ E: 'OFF' }));
    expect(again.outcomes).toMatchObject([{ name: 'E', status: 'unchanged' }]);
    expect(sets(session)).toEqual(['AT+E=OFF']);
  });

  it('refuses invalid values before writing anything', async () => {
    const { clock, module, session } = await simSetup();
    const result = await clock.run(session.apply({ HEARTTM: '45', UARTFT: '10', VER: 'x' }));
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('invalid-value');
    expect(Object.fromEntries(result.outcomes.map((o) => [o.name, o.status]))).toEqual({
      HEARTTM: 'not-reached',
      UARTFT: 'invalid',
      VER: 'invalid',
    });
    expect(sets(session)).toEqual([]);
    expect(module.stored['HEARTTM']).toBe('30');
    expect(session.state).toEqual({ kind: 'command-mode' });
  });

  it('restore writes the snapshot back (restore = apply(snapshot))', async () => {
    const { clock, module, session } = await simSetup();
    const first = await clock.run(session.apply({ HEARTTM: '90', STMSG: 'hello' }));
    expect(module.running['STMSG']).toBe('hello');
    const back = await clock.run(session.restore(first.snapshot));
    expect(back.ok).toBe(true);
    expect(module.stored['HEARTTM']).toBe('30');
    expect(module.running['STMSG']).toBe('USR-LTE-7S4');
  });

  it('a new baud rate and UARTFT take effect after the restart: the session reopens at them and re-enters', async () => {
    const { clock, module, session } = await simSetup();
    const result = await clock.run(
      session.apply({ UART: '9600,8,1,NONE,NFC', UARTFT: '300', HEARTTM: '40' }),
    );
    expect(result.ok).toBe(true);
    // UART last: if anything before it had failed, the way back in would be unchanged.
    expect(sets(session)).toEqual(['AT+HEARTTM=40', 'AT+UARTFT=300', 'AT+UART=9600,8,1,NONE,NFC']);
    expect(module.uart.baud).toBe(9600);
    expect(session.uart).toMatchObject(uart('9600,8,1,NONE,NFC'));
    expect(session.uartft).toBe(300);
    expect(module.mode).toBe('command');
    expect(session.log.entries().some((e) => e.dir === 'note' && decode(e.bytes) === 'open 9600 8N1')).toBe(
      true,
    );
  });
});

describe('management actions (3.1.7.3, 3.1.7.4, 3.1.7.13–15)', () => {
  it('AT+Z waits for the module to come back and re-enters command mode', async () => {
    const { clock, module, session } = await simSetup();
    await clock.run(session.enterCommandMode());
    const start = clock.now();
    await clock.run(session.manage('Z'));
    expect(clock.now() - start).toBeGreaterThanOrEqual(module.timings.appRestartMs);
    expect(module.mode).toBe('command');
    expect(session.state).toEqual({ kind: 'command-mode' });
  });

  it('AT+REBOOT waits the full boot', async () => {
    const { clock, module, session } = await simSetup();
    await clock.run(session.enterCommandMode());
    const start = clock.now();
    await clock.run(session.manage('REBOOT'));
    expect(clock.now() - start).toBeGreaterThanOrEqual(module.timings.bootMs);
    expect(module.mode).toBe('command');
  });

  it('AT+CLEAR restores factory settings: the session follows the baud rate back to 115200', async () => {
    const { clock, module, session } = await simSetup({
      settings: { UART: '57600,8,1,NONE,NFC', STMSG: 'mine' },
      hostUart: uart('57600,8,1,NONE,NFC'),
    });
    await clock.run(session.manage('CLEAR'));
    expect(module.stored['STMSG']).toBe('USR-LTE-7S4');
    expect(module.uart.baud).toBe(115200);
    expect(session.uart.baud).toBe(115200);
    expect(module.mode).toBe('command');
  });

  it('AT+CFGTF then AT+RELD: user defaults come back; an unknown baud rate after RELD is searched', async () => {
    const { clock, module, session } = await simSetup();
    await clock.run(session.apply({ UART: '38400,8,1,NONE,NFC', HEARTTM: '77' }));
    await clock.run(session.manage('CFGTF'));
    await clock.run(session.apply({ UART: '115200,8,1,NONE,NFC', HEARTTM: '30' }));
    expect(session.uart.baud).toBe(115200);
    await clock.run(session.manage('RELD'));
    expect(module.stored['HEARTTM']).toBe('77');
    expect(module.uart.baud).toBe(38400);
    expect(session.uart.baud).toBe(38400);
    expect(module.mode).toBe('command');
  });
});

describe('SMS and terminal', () => {
  it('AT+SMSEND escapes the text and sends Chinese as UTF-8 (3.1.7.66)', async () => {
    const { clock, module, session } = await simSetup();
    const sent: string[] = [];
    module.onEvent((e) => {
      if (e.type === 'sms-out') sent.push(e.text);
    });
    await clock.run(session.sendSms('8613854123456', '你好, a=b?'));
    expect(sets(session)).toEqual(['AT+SMSEND=8613854123456,你好[2C] a[3D]b[3F]']);
    expect(sent).toEqual(['你好, a=b?']);
  });

  it('an SMS to a number that is no number is refused before anything is sent', async () => {
    const { clock, session } = await simSetup();
    const error = await clock.run(session.sendSms('+86 138', 'hi').catch((e: unknown) => e));
    expect(error).toMatchObject({ code: 'invalid-value' });
    expect(sets(session)).toEqual([]);
  });

  it('a terminal line gets its answer; AT+ENTM typed in the terminal changes the state', async () => {
    const { clock, module, session } = await simSetup();
    await clock.run(session.enterCommandMode());
    const reply = await clock.run(session.raw('AT+VER?'));
    expect(reply).toMatchObject({ status: 'ok', info: [{ name: 'VER', value: module.identity.version }] });
    await clock.run(session.raw('AT+ENTM'));
    expect(session.state).toEqual({ kind: 'working-mode', confirmed: true });
    await clock.run(session.raw('+++'));
    expect(module.mode).toBe('command');
  });
});

describe('baud-rate auto-detect (3.1.1, 3.1.7.20)', () => {
  it('finds 57600 from a wrong start setting of 115200, most common rates first', async () => {
    const { clock, module, session } = await simSetup({ settings: { UART: '57600,8,1,NONE,NFC' } });
    const tried: string[] = [];
    const found = await clock.run(session.findBaudRate({ onProgress: (p) => tried.push(p.step) }));
    expect(found.baud).toBe(57600);
    expect(tried.slice(0, 3)).toEqual(['115200', '9600', '57600']);
    expect(module.mode).toBe('command');
    const read = await clock.run(session.readAll({ names: ['UART'] }));
    expect(read.values['UART']).toBe('57600,8,1,NONE,NFC');
  });

  it('finds the rate of a module left in command mode (noise of the wrong rate is cleared by a CR)', async () => {
    const { clock, module, session } = await simSetup({
      settings: { UART: '9600,8,1,NONE,NFC' },
      hostUart: uart('9600,8,1,NONE,NFC'),
    });
    await clock.run(session.enterCommandMode());
    await clock.run(session.close());
    const again = new AtSession({ clock });
    await clock.run(again.open(createSimulatorPort(module)));
    expect((await clock.run(again.findBaudRate())).baud).toBe(9600);
    // One guarded `+++` per rate tried: 115200, then 9600.
    expect(again.log.entries().filter((e) => e.dir === 'tx' && decode(e.bytes) === '+++')).toHaveLength(2);
    const read = await clock.run(again.readAll({ names: ['UART'] }));
    expect(read.values['UART']).toBe('9600,8,1,NONE,NFC');
  });

  it('tries the rates it was told are likely first (last used on this device, the profile)', async () => {
    const { clock, module, session } = await simSetup({ settings: { UART: '38400,8,1,NONE,NFC' } });
    const tried: string[] = [];
    const found = await clock.run(
      session.findBaudRate({ prefer: [38400, 9600], onProgress: (p) => tried.push(p.step) }),
    );
    expect(found.baud).toBe(38400);
    expect(tried).toEqual(['38400']);
    expect(module.mode).toBe('command');
  });

  it('finds a working-mode module at 9600 in under 5 s, each rate with a properly guarded +++', async () => {
    const { clock, module, session } = await simSetup({ settings: { UART: '9600,8,1,NONE,NFC' } });
    const start = clock.now();
    const found = await clock.run(session.findBaudRate());
    expect(found.baud).toBe(9600);
    expect(module.mode).toBe('command');
    expect(clock.now() - start).toBeLessThan(5000);
    const tx = session.log.entries().filter((e) => e.dir === 'tx');
    const plus = tx.filter((e) => decode(e.bytes) === '+++');
    expect(plus).toHaveLength(2);
    // The second `+++` (at 9600) keeps the unknown-device guard after the last byte sent at 115200.
    const before = tx[tx.indexOf(plus[1] as (typeof tx)[number]) - 1];
    expect((plus[1]?.at ?? 0) - (before?.at ?? 0)).toBeGreaterThan(1000);
  });
});
