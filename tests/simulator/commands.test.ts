/**
 * Command dispatch in temporary command mode: formats of 3.1.6 (tables 10–13), error codes of table 15,
 * echo (3.1.7.5), aliases and manual slips decided in module-behaviour.md.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUE, factoryDefaults } from '../../src/protocol/catalogue';
import { describeRange } from '../../src/protocol/command';
import { findCommand } from '../../src/protocol/catalogue';
import { helpText, MAX_COMMAND_LINE } from '../../src/simulator/core';
import { ERR, Harness, info, OK } from './harness';

function commandMode(): Harness {
  const h = new Harness();
  h.enterCommandMode();
  return h;
}

describe('command formats (3.1.6)', () => {
  it('AT answers OK (3.1.7.1)', () => {
    expect(commandMode().command('AT')).toBe(OK);
  });

  it('every setting answers its factory default to AT+CMD and AT+CMD? (3.1.6.2 types 0 and 2)', () => {
    const h = commandMode();
    const defaults = factoryDefaults();
    for (const e of CATALOGUE.filter((c) => c.kind === 'setting')) {
      expect(h.command(`AT+${e.name}?`)).toBe(info(e.name, defaults[e.name] ?? ''));
      expect(h.command(`AT+${e.name}`)).toBe(info(e.name, defaults[e.name] ?? ''));
    }
  });

  it('every setting can be set to its default and answers OK (3.1.6.2 type 3)', () => {
    const h = commandMode();
    for (const e of CATALOGUE.filter((c) => c.kind === 'setting')) {
      expect(h.command(`AT+${e.name}=${e.default}`)).toBe(OK);
    }
  });

  it('AT+CMD=? answers the range text for settings and set commands (3.1.6.2 type 1)', () => {
    const h = commandMode();
    for (const e of CATALOGUE.filter((c) => c.kind === 'setting' || c.kind === 'set')) {
      expect(h.command(`AT+${e.name}=?`)).toBe(info(e.name, describeRange(e)));
    }
  });

  it('queries answer with the module identity (3.1.7.16–19)', () => {
    const h = commandMode();
    expect(h.command('AT+VER')).toBe(info('VER', 'V1.0.6'));
    expect(h.command('AT+SN?')).toBe(info('SN', '01201812010000012345'));
    expect(h.command('AT+ICCID')).toBe(info('ICCID', '89860117851012345678'));
    expect(h.command('AT+IMEI')).toBe(info('IMEI', '868323023456780'));
  });

  it('identity is configurable (3.1.7.16–19)', () => {
    const h = new Harness({ identity: { version: 'V2.0.1', imei: '490154203237518' } });
    h.enterCommandMode();
    expect(h.command('AT+VER')).toBe(info('VER', 'V2.0.1'));
    expect(h.command('AT+IMEI')).toBe(info('IMEI', '490154203237518'));
  });

  it('commands are case-insensitive (3.1.6 "不区分大小写")', () => {
    const h = commandMode();
    expect(h.command('at+ver')).toBe(info('VER', 'V1.0.6'));
    expect(h.command('At+WkMoD?')).toBe(info('WKMOD', 'NET'));
    expect(h.command('at+wkmod=httpd')).toBe(OK);
    expect(h.command('AT+WKMOD')).toBe(info('WKMOD', 'HTTPD'));
  });

  it("spaces right after AT+ are tolerated (the manual's own examples, 3.1.7.22/27)", () => {
    const h = commandMode();
    expect(h.command('AT+ UARTFL=1000')).toBe(OK);
    expect(h.command('AT+ SOCKC?')).toBe(info('SOCKC', 'TCP,test.usr.cn,2317'));
    expect(h.command('AT+UARTFL')).toBe(info('UARTFL', '1000'));
  });

  it('CR and CR LF both end a line; the LF is echoed and ignored (module-behaviour.md)', () => {
    const h = commandMode();
    h.take();
    h.type('AT\r\n');
    h.advance(20);
    expect(h.take()).toBe('AT\r\n' + OK);
    h.type('AT\r');
    h.advance(20);
    h.type('\n');
    h.advance(20);
    expect(h.take()).toBe('AT\r' + OK + '\n');
    h.type('AT+VER\r\nAT\r\n');
    h.advance(20);
    expect(h.take()).toBe('AT+VER\r\n' + info('VER', 'V1.0.6') + 'AT\r\n' + OK);
  });

  it('a command split over many writes is answered once complete (half commands)', () => {
    const h = commandMode();
    h.take();
    for (const c of 'AT+VER') {
      h.type(c);
      h.advance(300);
    }
    expect(h.take()).toBe('AT+VER');
    h.type('\r');
    expect(h.take()).toBe('\r' + info('VER', 'V1.0.6'));
  });

  it('an empty line gets no answer', () => {
    const h = commandMode();
    expect(h.command('')).toBe('');
  });
});

describe('error codes (table 15)', () => {
  it('Err1: the line does not start with AT', () => {
    const h = commandMode();
    expect(h.command('VER')).toBe(ERR(1));
    expect(h.command('hello')).toBe(ERR(1));
    expect(h.command('\x00\xff')).toBe(ERR(1));
  });

  it('Err2: no such command; AT+HEARTTP (2.3.2 step 3) is ERR2 as on a real module', () => {
    const h = commandMode();
    expect(h.command('AT+NOPE')).toBe(ERR(2));
    expect(h.command('AT+HEARTTP=NET')).toBe(ERR(2));
    expect(h.command('ATX')).toBe(ERR(2));
    expect(h.command('AT+')).toBe(ERR(2));
  });

  it('Err3: wrong query/set form for the command', () => {
    const h = commandMode();
    expect(h.command('AT+VER=1')).toBe(ERR(3));
    expect(h.command('AT+Z?')).toBe(ERR(3));
    expect(h.command('AT+SMSEND?')).toBe(ERR(3));
    expect(h.command('AT+WKMOD?X')).toBe(ERR(3));
  });

  it('Err4: parameter out of range or wrong number of parameters', () => {
    const h = commandMode();
    expect(h.command('AT+WKMOD=FTP')).toBe(ERR(4));
    expect(h.command('AT+UARTFT=49')).toBe(ERR(4));
    expect(h.command('AT+UARTFT=60001')).toBe(ERR(4));
    expect(h.command('AT+UARTFL=1025')).toBe(ERR(4));
    expect(h.command('AT+UART=115200,8,1,NONE')).toBe(ERR(4));
    expect(h.command('AT+UART=12345,8,1,NONE,NFC')).toBe(ERR(4));
    expect(h.command('AT+SOCKA=TCP,test.usr.cn,0')).toBe(ERR(4));
    expect(h.command('AT+SOCKATO=101')).toBe(ERR(4));
    expect(h.command('AT+HEARTTM=0')).toBe(ERR(4));
    // A rejected set leaves the stored value alone.
    expect(h.command('AT+UARTFT')).toBe(info('UARTFT', '50'));
  });
});

describe('echo (3.1.7.5)', () => {
  it('echo is on by default; AT+E=OFF takes effect at once and is stored', () => {
    const h = commandMode();
    expect(h.raw('AT+E')).toBe('AT+E\r' + info('E', 'ON'));
    expect(h.raw('AT+E=OFF')).toBe('AT+E=OFF\r' + OK);
    expect(h.raw('AT+E?')).toBe(info('E', 'OFF'));
    expect(h.raw('AT+E=ON')).toBe(OK);
    expect(h.raw('AT')).toBe('AT\r' + OK);
  });

  it('echo OFF survives AT+Z (stored like the rest)', () => {
    const h = commandMode();
    h.raw('AT+E=OFF');
    h.raw('AT+Z');
    h.advance(5000);
    h.enterCommandMode();
    expect(h.raw('AT')).toBe(OK);
  });
});

describe('limits and robustness', () => {
  it(`an over-long line (> ${MAX_COMMAND_LINE} bytes) is dropped with +ERR:1 and the module keeps answering`, () => {
    const h = commandMode();
    h.raw('AT+E=OFF');
    h.take();
    h.type('AT+' + 'A'.repeat(3000));
    h.advance(10);
    expect(h.take()).toBe(ERR(1));
    h.type('\r');
    h.advance(10);
    expect(h.take()).toBe('');
    expect(h.raw('AT')).toBe(OK);
  });

  it('a line of exactly the limit is still interpreted', () => {
    const h = commandMode();
    h.raw('AT+E=OFF');
    expect(h.raw('AT+STMSG=' + 'x'.repeat(MAX_COMMAND_LINE - 9))).toBe(ERR(4));
  });

  it('binary garbage in command mode never wedges the parser', () => {
    const h = commandMode();
    h.raw('AT+E=OFF');
    const junk = new Uint8Array(5000);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 131 + 7) & 0xff;
    h.write(junk);
    h.advance(100);
    h.take();
    expect(h.raw('\rAT').endsWith(OK)).toBe(true);
  });
});

describe('aliases and help', () => {
  it('AT+CLOUDEN/CLOUDID/CLOUDPA (2.3.3) write REGEN, REGTP and CLOUD (module-behaviour.md)', () => {
    const h = commandMode();
    expect(h.command('AT+CLOUDEN=ON')).toBe(OK);
    expect(h.command('AT+CLOUDID=01234567890123456789')).toBe(OK);
    expect(h.command('AT+CLOUDPA=12345678')).toBe(OK);
    expect(h.command('AT+REGEN')).toBe(info('REGEN', 'ON'));
    expect(h.command('AT+REGTP')).toBe(info('REGTP', 'CLOUD'));
    expect(h.command('AT+CLOUD')).toBe(info('CLOUD', '01234567890123456789,12345678'));
    expect(h.command('AT+CLOUDEN=OFF')).toBe(OK);
    expect(h.command('AT+REGEN')).toBe(info('REGEN', 'OFF'));
  });

  it('CLOUDID with 19 digits is ERR4 (3.1.7.55: 20 bytes)', () => {
    const h = commandMode();
    expect(h.command('AT+CLOUDID=0123456789012345678')).toBe(ERR(4));
  });

  it('AT+H answers the help text (3.1.7.2)', () => {
    const h = commandMode();
    const reply = h.command('AT+H');
    expect(reply).toBe(`\r\n${helpText()}\r\n` + OK);
    expect(reply).toContain('AT+SOCKA');
    expect(findCommand('H')).toBeDefined();
  });

  it('AT+SOCKALK answers ON while connected and OFF when disabled (3.1.7.37–40)', () => {
    const h = commandMode();
    expect(h.command('AT+SOCKALK')).toBe(info('SOCKALK', 'ON'));
    expect(h.command('AT+SOCKBLK')).toBe(info('SOCKBLK', 'OFF'));
    expect(h.command('AT+SOCKALK=ON')).toBe(ERR(3));
  });

  it('CSQ and SYSINFO come from the virtual radio (3.1.7.11–12)', () => {
    const h = commandMode();
    expect(h.command('AT+CSQ')).toBe(info('CSQ', '170,99'));
    expect(h.command('AT+SYSINFO')).toBe(info('SYSINFO', '2,LTE'));
    h.module.control({ type: 'set-radio', network: '2G', rssi: -75 });
    expect(h.command('AT+CSQ')).toBe(info('CSQ', '19,0'));
    expect(h.command('AT+SYSINFO')).toBe(info('SYSINFO', '2,GSM/GPRS'));
    h.module.control({ type: 'set-radio', network: 'none', rssi: -120 });
    expect(h.command('AT+CSQ')).toBe(info('CSQ', '99,99'));
    expect(h.command('AT+SYSINFO')).toBe(info('SYSINFO', '0,No Network'));
  });
});
