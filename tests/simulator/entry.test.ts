/**
 * Entering and leaving temporary command mode: manual 3.1.2 (figure 27) and module-behaviour.md
 * "Entering and leaving command mode". Windows come from the running UARTFT.
 */
import { describe, expect, it } from 'vitest';
import { ENTRY_OK } from '../../src/simulator/core';
import { ERR, Harness, info, OK, text } from './harness';

function dataAt(h: Harness): string {
  return text(h.server('A').receivedBytes('data'));
}

describe('+++ entry (3.1.2, figure 27)', () => {
  it("+++ after more than UARTFT of silence is answered a, then +ok after the host's a (3.1.2 T1/T5)", () => {
    const h = new Harness();
    h.advance(100);
    h.type('+++');
    h.advance(20);
    expect(h.take()).toBe('');
    h.advance(20);
    expect(h.take()).toBe('a');
    expect(h.module.mode).toBe('entering');
    h.advance(2000);
    h.type('a');
    expect(h.take()).toBe(ENTRY_OK);
    expect(h.module.mode).toBe('command');
    expect(h.raw('AT')).toBe('AT\r' + OK);
  });

  it('+++ one write or three separate writes within UARTFT both work (3.1.2 T2 < UARTFT)', () => {
    const h = new Harness();
    h.advance(100);
    h.type('+');
    h.advance(40);
    h.type('+');
    h.advance(40);
    h.type('+');
    h.advance(40);
    expect(h.take()).toBe('a');
  });

  it('+++ after less than UARTFT of silence is forwarded as data (3.1.2 T1)', () => {
    const h = new Harness();
    h.advance(100);
    h.type('x');
    h.advance(30);
    h.type('+++');
    h.advance(200);
    expect(h.take()).toBe('x+++'); // the echo server sends it back
    expect(h.module.mode).toBe('net');
    expect(dataAt(h)).toBe('x+++');
  });

  it('+++ exactly UARTFT after the last byte is data: T1 must be longer than UARTFT (3.1.2 T1)', () => {
    const h = new Harness();
    h.advance(100);
    h.type('x');
    h.advance(50);
    h.type('+++');
    h.advance(200);
    expect(h.module.mode).toBe('net');
    expect(h.server('A').received.map((p) => text(p.bytes))).toEqual(['x', '+++']);
  });

  it('a gap longer than UARTFT inside +++ makes the + ordinary data (3.1.2 T2)', () => {
    const h = new Harness();
    h.advance(100);
    h.type('+');
    h.advance(60);
    h.type('++');
    h.advance(300);
    expect(h.module.mode).toBe('net');
    expect(h.take()).not.toContain('a');
    expect(dataAt(h)).toBe('+++');
  });

  it('a byte right after +++ (inside T3) makes it data (3.1.2 T3)', () => {
    const h = new Harness();
    h.advance(100);
    h.type('+++');
    h.advance(10);
    h.type('y');
    h.advance(300);
    expect(h.module.mode).toBe('net');
    expect(dataAt(h)).toBe('+++y');
  });

  it('++++ (four) is data (3.1.2)', () => {
    const h = new Harness();
    h.advance(100);
    h.type('++++');
    h.advance(300);
    expect(h.module.mode).toBe('net');
    expect(dataAt(h)).toBe('++++');
  });

  it("the host's a after 3 s is too late: back to the working mode and +++ is forwarded (3.1.2 T5, spec decision)", () => {
    const h = new Harness();
    h.advance(100);
    h.type('+++');
    h.advance(100);
    expect(h.take()).toBe('a');
    h.advance(3100);
    expect(h.module.mode).toBe('net');
    h.type('a');
    h.advance(300);
    expect(h.take()).not.toContain('+ok');
    expect(h.server('A').received.map((p) => text(p.bytes))).toEqual(['+++', 'a']);
  });

  it("the host's a at 2.9 s is in time (3.1.2 T5 < 3 s)", () => {
    const h = new Harness();
    h.advance(100);
    h.type('+++');
    h.advance(100);
    expect(h.take()).toBe('a');
    h.advance(2850);
    h.type('a');
    expect(h.take()).toBe(ENTRY_OK);
  });

  it('another byte instead of a aborts entry; +++ and the byte are data (spec decision)', () => {
    const h = new Harness();
    h.advance(100);
    h.type('+++');
    h.advance(100);
    expect(h.take()).toBe('a');
    h.type('b');
    h.advance(300);
    expect(h.module.mode).toBe('net');
    expect(dataAt(h)).toBe('+++b');
  });

  it('UARTFT=2000 needs more than 2 s of silence, and + gaps under 2 s are fine (3.1.2 with AT+UARTFT)', () => {
    const h = new Harness();
    h.enterCommandMode();
    expect(h.command('AT+UARTFT=2000')).toBe(OK);
    expect(h.command('AT+Z')).toBe(OK);
    h.advance(5000);
    h.take();
    // 1.5 s of silence is not enough now.
    h.type('x');
    h.advance(1500);
    h.type('+++');
    h.advance(3000);
    expect(h.take()).toBe('x+++');
    expect(h.module.mode).toBe('net');
    // 2.1 s is, with 1.5 s between the +.
    h.advance(2100);
    h.type('+');
    h.advance(1500);
    h.type('+');
    h.advance(1500);
    h.type('+');
    h.advance(900);
    expect(h.take()).toBe('');
    h.advance(200);
    expect(h.take()).toBe('a');
    h.type('a');
    expect(h.take()).toBe(ENTRY_OK);
    expect(h.command('AT+UARTFT')).toBe(info('UARTFT', '2000'));
  });

  it('UARTFT=50: 60 ms of silence is enough, 40 ms is not (3.1.2 T1 at the minimum)', () => {
    const h = new Harness();
    h.advance(100);
    h.type('z');
    h.advance(40);
    h.type('+++');
    h.advance(300);
    expect(h.module.mode).toBe('net');
    h.take();
    h.type('z');
    h.advance(60);
    h.type('+++');
    h.advance(30);
    expect(h.take()).toBe('a');
  });

  it('+++ while already in command mode is not a command: +ERR:1 (spec 3.1.2 step 6)', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.advance(100);
    h.type('+++');
    h.advance(100);
    expect(h.take()).toBe('+++' + ERR(1));
    expect(h.module.mode).toBe('command');
    expect(h.raw('AT')).toBe('AT\r' + OK);
  });

  it('+++<CR> in command mode is +ERR:1 too (3.1.6, table 15 Err1)', () => {
    const h = new Harness();
    h.enterCommandMode();
    expect(h.raw('+++', 10)).toBe('+++\r' + ERR(1));
  });

  it('AT+ENTM answers OK and returns to the working mode; data flows again (3.1.2, 3.1.7.6)', () => {
    const h = new Harness();
    h.enterCommandMode();
    expect(h.command('AT+ENTM')).toBe(OK);
    expect(h.module.mode).toBe('net');
    h.advance(100);
    h.type('hello');
    h.advance(200);
    expect(h.take()).toBe('hello');
  });

  it('AT+ENTM\\r\\n: the LF after CR is ignored and does not become data (3.1.2 "0x0D 0x0A")', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.type('AT+ENTM\r\n');
    h.advance(300);
    expect(h.take()).toBe('AT+ENTM\r\n' + OK);
    expect(h.server('A').receivedBytes('data').length).toBe(0);
  });

  it('AT+ENTM returns to HTTPD when that is the working mode (3.1.2)', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.command('AT+WKMOD=HTTPD');
    h.command('AT+Z');
    h.advance(3000);
    expect(h.module.mode).toBe('httpd');
    h.enterCommandMode();
    expect(h.command('AT+ENTM')).toBe(OK);
    expect(h.module.mode).toBe('httpd');
  });

  it('entry works right after boot with no earlier bytes (3.1.2)', () => {
    const h = new Harness({ boot: false });
    h.advance(18_000);
    h.take();
    h.type('+++');
    h.advance(30);
    expect(h.take()).toBe('a');
  });

  it('bytes sent while the module boots are not heard (deaf while restarting)', () => {
    const h = new Harness({ boot: false });
    h.advance(1000);
    h.type('AT\r+++');
    h.advance(17_500);
    expect(h.take()).toBe('\r\nUSR-LTE-7S4\r\n');
    expect(h.module.mode).toBe('net');
  });
});
