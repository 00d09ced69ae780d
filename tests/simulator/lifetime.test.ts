/**
 * Configuration lifetime (module-behaviour.md "Configuration lifetime"; manual 3.1.7.3–4, 3.1.7.13–15,
 * 2.3.8): stored vs running settings, restarts, user and factory defaults, the Reload pin, RSTIM.
 */
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/clock/virtual-clock';
import { DEFAULT_TIMINGS, SimulatedModule } from '../../src/simulator/core';
import { Harness, HOST_LINE, info, OK } from './harness';

describe('stored and running settings', () => {
  it('a set is stored at once (queries return it) but runs only after AT+Z (3.1.7.3)', () => {
    const h = new Harness();
    h.enterCommandMode();
    expect(h.command('AT+UARTFL=4')).toBe(OK);
    expect(h.command('AT+UARTFL')).toBe(info('UARTFL', '4'));
    expect(h.module.running['UARTFL']).toBe('1024');
    h.command('AT+ENTM');
    h.advance(100);
    h.type('abcdefgh');
    h.advance(200);
    expect(h.server('A').received.map((p) => p.bytes.length)).toEqual([8]);
    h.enterCommandMode();
    h.command('AT+Z');
    h.advance(DEFAULT_TIMINGS.appRestartMs + 500);
    expect(h.module.running['UARTFL']).toBe('4');
    h.server('A').clearRecords();
    h.type('abcdefgh');
    h.advance(200);
    expect(h.server('A').received.map((p) => p.bytes.length)).toEqual([4, 4]);
  });

  it('AT+Z restarts in about 2.5 s, deaf meanwhile, and prints the start message (3.1.7.3, 3.1.7.9)', () => {
    const h = new Harness();
    h.enterCommandMode();
    expect(h.command('AT+STMSG=hello[2C] world')).toBe(OK);
    expect(h.raw('AT+Z', 10)).toBe('AT+Z\r' + OK);
    expect(h.module.mode).toBe('restarting');
    h.type('AT\r');
    h.advance(DEFAULT_TIMINGS.appRestartMs - 20);
    expect(h.take()).toBe('');
    h.advance(30);
    expect(h.take()).toBe('\r\nhello, world\r\n');
    expect(h.module.mode).toBe('net');
  });

  it('AT+Z keeps the radio attached; sockets reconnect within a second (3.1.7.3 fast)', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.command('AT+Z');
    h.advance(DEFAULT_TIMINGS.appRestartMs + 200);
    expect(h.module.attached).toBe(true);
    expect(h.module.linkState('A')).toBe('connected');
  });

  it('AT+REBOOT takes the full boot time and re-attaches the network (3.1.7.4 slow)', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.command('AT+REBOOT');
    expect(h.module.mode).toBe('booting');
    expect(h.module.leds.work).toBe(false);
    h.advance(DEFAULT_TIMINGS.bootMs - 100);
    expect(h.take()).toBe('');
    h.advance(200);
    expect(h.take()).toBe('\r\nUSR-LTE-7S4\r\n');
    expect(h.module.attached).toBe(false);
    expect(h.module.linkState('A')).toBe('no-network');
    h.advance(4000);
    expect(h.module.attached).toBe(true);
    expect(h.module.linkState('A')).toBe('connected');
  });

  it('a new AT+UART runs after restart: the host must follow or it reads garbage (3.1.7.20, 3.1.1)', () => {
    const h = new Harness();
    h.enterCommandMode();
    expect(h.command('AT+UART=9600,8,1,NONE,NFC')).toBe(OK);
    h.command('AT+Z');
    h.advance(3000);
    expect(h.module.uart.baud).toBe(9600);
    // Old settings: no usable answer.
    h.take();
    h.advance(100);
    h.type('+++');
    h.advance(300);
    expect(h.take()).not.toBe('a');
    h.line = { ...HOST_LINE, baud: 9600 };
    h.enterCommandMode();
    expect(h.command('AT+UART')).toBe(info('UART', '9600,8,1,NONE,NFC'));
  });

  it('settings survive a power cycle; the module boots into the stored working mode', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.command('AT+WKMOD=HTTPD');
    h.module.control({ type: 'power-cycle' });
    expect(h.module.mode).toBe('off');
    expect(h.module.leds.pwr).toBe(false);
    h.advance(1000 + DEFAULT_TIMINGS.bootMs + 10);
    expect(h.module.mode).toBe('httpd');
  });

  it('set-power off and on', () => {
    const h = new Harness();
    h.module.control({ type: 'set-power', on: false });
    expect(h.module.mode).toBe('off');
    h.type('AT\r');
    h.advance(1000);
    expect(h.take()).toBe('');
    h.module.control({ type: 'set-power', on: true });
    h.advance(DEFAULT_TIMINGS.bootMs);
    expect(h.take()).toBe('\r\nUSR-LTE-7S4\r\n');
  });
});

describe('user and factory defaults (3.1.7.13–15, 2.3.8)', () => {
  it('AT+CFGTF saves user defaults; AT+RELD restores them and restarts (3.1.7.13, 3.1.7.15)', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.command('AT+UARTFT=300');
    expect(h.command('AT+CFGTF')).toBe(OK);
    h.command('AT+UARTFT=900');
    expect(h.command('AT+RELD')).toBe(OK);
    expect(h.module.mode).toBe('booting');
    h.advance(DEFAULT_TIMINGS.bootMs + 100);
    expect(h.module.running['UARTFT']).toBe('300');
    h.enterCommandMode(300);
    expect(h.command('AT+UARTFT')).toBe(info('UARTFT', '300'));
    expect(h.eventsOf('settings-restored').map((e) => e.source)).toEqual(['user']);
  });

  it('AT+CLEAR restores factory defaults (not user defaults) and restarts (3.1.7.14)', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.command('AT+UARTFT=300');
    h.command('AT+CFGTF');
    expect(h.command('AT+CLEAR')).toBe(OK);
    h.advance(DEFAULT_TIMINGS.bootMs + 100);
    h.enterCommandMode();
    expect(h.command('AT+UARTFT')).toBe(info('UARTFT', '50'));
  });

  it('Reload held low 3–15 s restores factory defaults; 2 s and 16 s do nothing (2.3.8)', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.command('AT+STMSG=mine');
    h.command('AT+ENTM');
    h.module.control({ type: 'press-reload', ms: 2000 });
    h.advance(3000);
    expect(h.module.stored['STMSG']).toBe('mine');
    h.module.control({ type: 'press-reload', ms: 16_000 });
    h.advance(17_000);
    expect(h.module.stored['STMSG']).toBe('mine');
    h.module.control({ type: 'press-reload', ms: 5000 });
    h.advance(5000);
    expect(h.module.stored['STMSG']).toBe('USR-LTE-7S4');
    expect(h.module.mode).toBe('booting');
    h.advance(DEFAULT_TIMINGS.bootMs);
    expect(h.take()).toContain('USR-LTE-7S4');
  });

  it('reset-demo brings back factory settings, identity and the world', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.command('AT+UPDATE=key', 10_000);
    h.command('AT+STMSG=mine');
    h.command('AT+CFGTF');
    h.module.control({ type: 'set-server-behaviour', socket: 'A', behaviour: 'refuse' });
    h.module.control({ type: 'reset-demo' });
    expect(h.module.stored['STMSG']).toBe('USR-LTE-7S4');
    expect(h.world.servers.A.behaviour).toBe('echo');
    h.boot();
    h.enterCommandMode();
    expect(h.command('AT+VER')).toBe(info('VER', 'V1.0.6'));
    h.command('AT+RELD');
    expect(h.module.stored['STMSG']).toBe('USR-LTE-7S4');
  });
});

describe('RSTIM (3.1.7.10)', () => {
  it('the module reboots when the network has sent nothing for RSTIM seconds', () => {
    const h = new Harness();
    h.enterCommandMode();
    expect(h.command('AT+RSTIM=60')).toBe(OK);
    h.command('AT+Z');
    h.advance(3000);
    const restarts = h.eventsOf('restart').length;
    h.advance(59_000);
    expect(h.eventsOf('restart').length).toBe(restarts);
    h.advance(2000);
    expect(h.eventsOf('restart').slice(restarts)[0]).toMatchObject({ kind: 'reboot', phase: 'start' });
  });

  it('network data keeps RSTIM from firing; RSTIM=0 is off', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.command('AT+RSTIM=60');
    h.command('AT+Z');
    h.advance(3000);
    const restarts = h.eventsOf('restart').length;
    for (let i = 0; i < 5; i++) {
      h.advance(40_000);
      h.module.control({ type: 'server-send', socket: 'A', bytes: Uint8Array.of(1) });
    }
    expect(h.eventsOf('restart').length).toBe(restarts);
    h.enterCommandMode();
    expect(h.command('AT+RSTIM=0')).toBe(OK);
    h.command('AT+Z');
    h.advance(3000);
    const after = h.eventsOf('restart').length;
    h.advance(3_600_000);
    expect(h.eventsOf('restart').length).toBe(after);
  });

  it('the factory RSTIM (1800 s) reboots an idle module after 30 minutes', () => {
    const h = new Harness();
    const before = h.eventsOf('restart').length;
    h.advance(1_800_000);
    expect(h.eventsOf('restart').length).toBeGreaterThan(before);
  });
});

describe('a module that starts already running (hosts)', () => {
  it('is in NET mode and registered at once, and socket A connects without a boot wait', () => {
    const clock = new VirtualClock();
    const module = new SimulatedModule({ clock, startRunning: true });
    expect(module.snapshot().mode).toBe('net');
    expect(module.attached).toBe(true);
    clock.advanceSync(1000);
    expect(module.linkState('A')).toBe('connected');
  });
});
