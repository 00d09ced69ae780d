/**
 * HTTPD client mode (2.1.2, 3.1.7.60–65), SMS (3.1.7.66–67, 3.1.5) and AT+UPDATE (2.3.9.1).
 */
import { describe, expect, it } from 'vitest';
import { HTTPD_CONNECT_FAIL_TEXT, HTTPD_TIMEOUT_TEXT, HTTPD_TOO_LONG_TEXT } from '../../src/simulator/core';
import { ERR, Harness, info, OK, text } from './harness';

function only<T>(list: readonly T[]): T {
  expect(list).toHaveLength(1);
  return list[0] as T;
}

function httpd(commands: readonly string[] = []): Harness {
  const h = new Harness();
  h.enterCommandMode();
  for (const c of ['AT+WKMOD=HTTPD', ...commands]) expect(h.command(c), c).toBe(OK);
  h.command('AT+Z');
  h.advance(4000);
  h.take();
  return h;
}

describe('HTTPD mode (2.1.2)', () => {
  it('GET: serial data is appended to HTPURL; HTPHD is sent; HTPFLT=ON passes only the body (3.1.7.60–65)', () => {
    const h = httpd(['AT+HTPURL=/api/v1[3F]id[3D]', 'AT+HTPHD=X-Key: 42[0D][0A]']);
    h.type('7');
    h.advance(1000);
    const req = only(h.world.http.requests);
    expect(req.method).toBe('GET');
    expect(req.target).toBe('/api/v1?id=7');
    expect(req.headers).toContainEqual(['X-Key', '42']);
    expect(req.headers).toContainEqual(['Host', 'test.usr.cn']);
    expect(h.take()).toBe('Hello from the virtual HTTP server');
    expect(h.eventsOf('http-request')).toHaveLength(1);
  });

  it('POST: serial data is the body with a Content-Length (3.1.7.60)', () => {
    const h = httpd(['AT+HTPTP=POST', 'AT+HTPSV=api.example.com,8080']);
    h.type('{"t":21}');
    h.advance(1000);
    const req = only(h.world.http.requests);
    expect(req.method).toBe('POST');
    expect(req.target).toBe('/1.php?');
    expect(req.port).toBe(8080);
    expect(req.headers).toContainEqual(['Host', 'api.example.com:8080']);
    expect(req.headers).toContainEqual(['Content-Length', '8']);
    expect(text(req.body)).toBe('{"t":21}');
  });

  it('HTPFLT=OFF: the whole response with its headers goes to serial (3.1.7.65)', () => {
    const h = httpd(['AT+HTPFLT=OFF']);
    h.module.control({
      type: 'set-http-response',
      response: { status: 404, body: 'nope', headers: [['X-A', 'b']] },
    });
    h.type('q');
    h.advance(1000);
    expect(h.take()).toBe('HTTP/1.1 404 Not Found\r\nX-A: b\r\nContent-Length: 4\r\n\r\nnope');
  });

  it('no answer within HTPTO seconds: the timeout line goes to serial (3.1.7.64, docs/simulator.md)', () => {
    const h = httpd(['AT+HTPTO=3']);
    h.module.control({ type: 'set-http-response', response: { status: 200, body: 'late', delayMs: 5000 } });
    h.type('q');
    h.advance(2900);
    expect(h.take()).toBe('');
    h.advance(200);
    expect(h.take()).toBe(HTTPD_TIMEOUT_TEXT);
    h.advance(5000);
    expect(h.take()).toBe('');
  });

  it('a request over 1000 bytes is not sent (2.1.2 "最多 1000 字节")', () => {
    const h = httpd();
    h.write(new Uint8Array(990).fill(0x61));
    h.advance(1000);
    expect(h.take()).toBe(HTTPD_TOO_LONG_TEXT);
    expect(h.world.http.requests).toHaveLength(0);
  });

  it('an unknown server name gives the connect failure line', () => {
    const h = httpd(['AT+HTPSV=no.invalid,80']);
    h.type('q');
    h.advance(1000);
    expect(h.take()).toBe(HTTPD_CONNECT_FAIL_TEXT);
  });

  it('requests are answered one at a time, in order', () => {
    const h = httpd();
    h.module.control({ type: 'set-http-response', response: { status: 200, body: 'r', delayMs: 300 } });
    h.type('1');
    h.advance(60);
    h.type('2');
    h.advance(3000);
    expect(h.world.http.requests.map((r) => r.target)).toEqual(['/1.php?1', '/1.php?2']);
    expect(h.take()).toBe('rr');
  });

  it('password AT works in HTTPD mode too (3.1.3)', () => {
    const h = httpd();
    h.type('usr.cnAT+WKMOD\r');
    h.advance(200);
    expect(h.take()).toBe(info('WKMOD', 'HTTPD'));
    expect(h.world.http.requests).toHaveLength(0);
  });
});

describe('SMS (3.1.7.66–67, 3.1.5)', () => {
  it('AT+SMSEND with escapes delivers the decoded text to the phone', () => {
    const h = new Harness();
    h.enterCommandMode();
    expect(h.command('AT+SMSEND=8613854123456,a[2C]b[3F]')).toBe(OK);
    h.advance(2500);
    expect(h.world.phone.inbox).toMatchObject([{ peer: '8613800138000', text: 'a,b?' }]);
  });

  it('without network the SMS is not delivered (sms-out delivered=false)', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.module.control({ type: 'set-radio', network: 'none', rssi: -120 });
    expect(h.command('AT+SMSEND=8613854123456,hi')).toBe(OK);
    h.advance(5000);
    expect(h.world.phone.inbox).toEqual([]);
    expect(h.eventsOf('sms-out')[0]).toMatchObject({ delivered: false });
  });

  it('SMS AT sets are applied and answered by SMS; a wrong password is ignored (3.1.5)', () => {
    const h = new Harness();
    h.module.control({ type: 'phone-send', text: 'usr.cnAT+HEARTTM=99' });
    h.module.control({ type: 'phone-send', text: 'nopeAT+HEARTTM=98' });
    h.advance(5000);
    expect(h.module.stored['HEARTTM']).toBe('99');
    expect(h.world.phone.inbox.map((m) => m.text)).toEqual(['OK']);
    expect(h.eventsOf('sms-in')).toHaveLength(2);
  });

  it('an SMS to a module that is off is delivered once it is up (store and forward)', () => {
    const h = new Harness();
    h.module.control({ type: 'set-power', on: false });
    h.module.control({ type: 'phone-send', text: 'usr.cnAT+SN' });
    h.advance(10_000);
    expect(h.world.phone.inbox).toEqual([]);
    h.module.control({ type: 'set-power', on: true });
    h.advance(40_000);
    expect(h.world.phone.inbox.map((m) => m.text)).toEqual(['+SN:01201812010000012345\r\n\r\nOK']);
  });
});

describe('AT+UPDATE (2.3.9.1, module-behaviour.md)', () => {
  it('reports progress, ends with OK; the serial side is busy meanwhile', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.type('AT+UPDATE=abc\r');
    h.advance(2500);
    h.type('AT\r');
    h.advance(10_000);
    const out = h.take();
    expect(out).toBe(
      'AT+UPDATE=abc\r\r\n+UPDATE:25%\r\n\r\n+UPDATE:50%\r\n\r\n+UPDATE:75%\r\n\r\n+UPDATE:100%\r\n' +
        '\r\n+UPDATE:SUCCESS,restart with AT+REBOOT\r\n' +
        OK,
    );
    expect(h.eventsOf('update').map((e) => e.percent)).toEqual([0, 25, 50, 75, 100]);
  });

  it('without network it fails with +ERR:5', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.module.control({ type: 'set-radio', network: 'none', rssi: -120 });
    expect(h.command('AT+UPDATE=abc')).toBe('\r\n+UPDATE:NO NETWORK\r\n' + ERR(5));
  });

  it('a power cycle also installs the new version (2.3.9.1 "或重新上电")', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.command('AT+UPDATE=abc', 10_000);
    h.module.control({ type: 'power-cycle', offMs: 500 });
    h.advance(30_000);
    h.enterCommandMode();
    expect(h.command('AT+VER')).toBe(info('VER', 'V1.0.7'));
  });
});
