/**
 * The manual's AT examples run against the simulator: every step list of chapter 2 and every "例" of
 * chapter 3, with the documented reply (or the decision of module-behaviour.md where the manual is wrong).
 */
import { describe, expect, it } from 'vitest';
import { ERR, Harness, info, OK, text } from './harness';

function commandMode(): Harness {
  const h = new Harness();
  h.enterCommandMode();
  return h;
}

/** Runs `[command, expected reply]` pairs. */
function run(h: Harness, steps: readonly (readonly [string, string])[]): void {
  for (const [cmd, reply] of steps) expect(h.command(cmd), cmd).toBe(reply);
}

describe('chapter 2 step lists', () => {
  it('2.1.1 network transparent mode: WKMOD, SOCKAEN, SOCKA, SOCKASL, Z; then data reaches the server', () => {
    const h = commandMode();
    run(h, [
      ['AT+WKMOD=NET', OK],
      ['AT+SOCKAEN=ON', OK],
      ['AT+SOCKA=TCP,test.usr.cn,2317', OK],
      ['AT+SOCKASL=LONG', OK],
      ['AT+Z', OK],
    ]);
    h.advance(4000);
    expect(h.take()).toBe('\r\nUSR-LTE-7S4\r\n');
    h.type('hello server');
    h.advance(200);
    expect(text(h.server('A').receivedBytes())).toBe('hello server');
  });

  it('2.1.2 HTTPD mode: WKMOD, HTPTP, HTPURL, HTPSV, HTPHD, HTPTO, HTPFLT, Z; then a GET is made', () => {
    const h = commandMode();
    run(h, [
      ['AT+WKMOD=HTTPD', OK],
      ['AT+HTPTP=GET', OK],
      ['AT+HTPURL=/1.php[3F]', OK],
      ['AT+HTPSV=test.usr.cn,80', OK],
      ['AT+HTPHD=Connection: close[0D][0A]', OK],
      ['AT+HTPTO=10', OK],
      ['AT+HTPFLT=ON', OK],
      ['AT+Z', OK],
    ]);
    h.advance(4000);
    h.take();
    h.type('a=1');
    h.advance(1000);
    expect(h.world.http.requests[0]?.target).toBe('/1.php?a=1');
    expect(h.take()).toBe('Hello from the virtual HTTP server');
  });

  it('2.3.1 registration: REGEN, REGTP, REGDT, REGSND, Z; the server gets www.usr.cn on connect', () => {
    const h = commandMode();
    run(h, [
      ['AT+REGEN=ON', OK],
      ['AT+REGTP=USER', OK],
      ['AT+REGDT=7777772E7573722E636E', OK],
      ['AT+REGSND=LINK', OK],
      ['AT+Z', OK],
    ]);
    h.advance(4000);
    expect(text(h.server('A').receivedBytes('registration'))).toBe('www.usr.cn');
  });

  it('2.3.2 heartbeat: HEARTEN, HEARTDT, HEARTTP (ERR2: the command is HEARTSND), HEARTTM, Z', () => {
    const h = commandMode();
    run(h, [
      ['AT+HEARTEN=ON', OK],
      ['AT+HEARTDT=7777772E7573722E636E', OK],
      ['AT+HEARTTP=NET', ERR(2)],
      ['AT+HEARTSND=NET', OK],
      ['AT+HEARTTM=30', OK],
      ['AT+Z', OK],
    ]);
    h.advance(3000 + 31_000);
    expect(text(h.server('A').receivedBytes('heartbeat'))).toBe('www.usr.cn');
  });

  it('2.3.3 cloud: CLOUDEN, CLOUDID, CLOUDPA, Z; the server gets id + password on connect', () => {
    const h = commandMode();
    run(h, [
      ['AT+CLOUDEN=ON', OK],
      ['AT+CLOUDID=01234567890123456789', OK],
      ['AT+CLOUDPA=12345678', OK],
      ['AT+Z', OK],
    ]);
    h.advance(4000);
    expect(text(h.server('A').receivedBytes('registration'))).toBe('0123456789012345678912345678');
  });

  it('2.3.9.1 FTP self-upgrade: AT+UPDATE=key answers success; the version changes after AT+REBOOT, not AT+Z', () => {
    const h = commandMode();
    const reply = h.command('AT+UPDATE=XXXXXXXXX', 10_000);
    expect(reply).toContain('+UPDATE:SUCCESS');
    expect(reply.endsWith(OK)).toBe(true);
    h.command('AT+Z');
    h.advance(4000);
    h.enterCommandMode();
    expect(h.command('AT+VER')).toBe(info('VER', 'V1.0.6'));
    h.command('AT+REBOOT');
    h.advance(20_000);
    h.enterCommandMode();
    expect(h.command('AT+VER')).toBe(info('VER', 'V1.0.7'));
  });
});

describe('chapter 3.1.3–3.1.5 password AT', () => {
  it('3.1.3 serial: usr.cnAT+VER<CR> in the working mode is answered, not echoed, not forwarded', () => {
    const h = new Harness();
    h.advance(100);
    h.type('usr.cnAT+VER\r');
    h.advance(100);
    expect(h.take()).toBe(info('VER', 'V1.0.6'));
    expect(h.server('A').receivedBytes().length).toBe(0);
    expect(h.module.mode).toBe('net');
  });

  it('3.1.4 network: usr.cnAT+VER<CR> from the server is answered on that socket', () => {
    const h = new Harness();
    h.module.control({ type: 'server-send', socket: 'A', bytes: new TextEncoder().encode('usr.cnAT+VER\r') });
    h.advance(200);
    expect(h.take()).toBe('');
    expect(text(h.server('A').receivedBytes('at-reply'))).toBe(info('VER', 'V1.0.6'));
  });

  it('3.1.5 SMS: usr.cnAT+VER from the phone is answered by SMS', () => {
    const h = new Harness();
    h.module.control({ type: 'phone-send', text: 'usr.cnAT+VER' });
    h.advance(5000);
    expect(h.world.phone.inbox.map((m) => m.text)).toEqual(['+VER:V1.0.6\r\n\r\nOK']);
  });
});

describe('chapter 3 examples (例)', () => {
  const examples: readonly (readonly [
    section: string,
    command: string,
    reply: string,
    query?: string,
    value?: string,
  ])[] = [
    ['3.1.7.5', 'AT+E=ON', OK, 'E', 'ON'],
    ['3.1.7.7', 'AT+WKMOD=NET', OK, 'WKMOD', 'NET'],
    // 11 bytes: the 1–10 byte limit holds (module-behaviour.md); the stored password is unchanged.
    ['3.1.7.8', 'AT+CMDPW=www.usr.cn#', ERR(4), 'CMDPW', 'usr.cn'],
    ['3.1.7.9', 'AT+STMSG=www.usr.cn', OK, 'STMSG', 'www.usr.cn'],
    // `time` is the manual's placeholder, not a number (module-behaviour.md).
    ['3.1.7.10', 'AT+RSTIM=time', ERR(4), 'RSTIM', '1800'],
    ['3.1.7.20', 'AT+UART=115200,8,1,NONE,NFC', OK, 'UART', '115200,8,1,NONE,NFC'],
    ['3.1.7.21', 'AT+UARTFT=200', OK, 'UARTFT', '200'],
    ['3.1.7.22', 'AT+ UARTFL=1000', OK, 'UARTFL', '1000'],
    ['3.1.7.23', 'AT+RFCEN=ON', OK, 'RFCEN', 'ON'],
    ['3.1.7.24', 'AT+APN=3gnet,admin,admin', OK, 'APN', '3gnet,admin,admin'],
    ['3.1.7.25', 'AT+SOCKA=TCP,test.usr.cn,8899', OK, 'SOCKA', 'TCP,test.usr.cn,8899'],
    ['3.1.7.26', 'AT+SOCKB=TCP,test.usr.cn,8899', OK, 'SOCKB', 'TCP,test.usr.cn,8899'],
    ['3.1.7.27', 'AT+ SOCKC=TCP,test.usr.cn,8899', OK, 'SOCKC', 'TCP,test.usr.cn,8899'],
    ['3.1.7.28', 'AT+ SOCKD=TCP,test.usr.cn,8899', OK, 'SOCKD', 'TCP,test.usr.cn,8899'],
    ['3.1.7.33', 'AT+SOCKASL=LONG', OK, 'SOCKASL', 'LONG'],
    ['3.1.7.34', 'AT+SOCKBSL=LONG', OK, 'SOCKBSL', 'LONG'],
    ['3.1.7.35', 'AT+SOCKCSL=LONG', OK, 'SOCKCSL', 'LONG'],
    ['3.1.7.36', 'AT+SOCKDSL=LONG', OK, 'SOCKDSL', 'LONG'],
    ['3.1.7.41', 'AT+SOCKATO=10', OK, 'SOCKATO', '10'],
    ['3.1.7.52', 'AT+ REGTP=ICCID', OK, 'REGTP', 'ICCID'],
    ['3.1.7.53', 'AT+ REGDT=7777772E7573722E636E', OK, 'REGDT', '7777772E7573722E636E'],
    ['3.1.7.54', 'AT+ REGSND=DATA', OK, 'REGSND', 'DATA'],
    ['3.1.7.55', 'AT+ CLOUD=12345678901234567890,12345678', OK, 'CLOUD', '12345678901234567890,12345678'],
    ['3.1.7.57', 'AT+ HEARTDT=7777772E7573722E636E', OK, 'HEARTDT', '7777772E7573722E636E'],
    ['3.1.7.58', 'AT+HEARTSND=COM', OK, 'HEARTSND', 'COM'],
    ['3.1.7.59', 'AT+HEARTTM=30', OK, 'HEARTTM', '30'],
    ['3.1.7.60', 'AT+HTPTP=POST', OK, 'HTPTP', 'POST'],
    ['3.1.7.61', 'AT+HTPURL=/1.php[3F]', OK, 'HTPURL', '/1.php[3F]'],
    ['3.1.7.62', 'AT+ HTPSV=test.usr.cn,80', OK, 'HTPSV', 'test.usr.cn,80'],
    ['3.1.7.63', 'AT+HTPHD=Connection: close[0D][0A]', OK, 'HTPHD', 'Connection: close[0D][0A]'],
    ['3.1.7.64', 'AT+HTPTO=10', OK, 'HTPTO', '10'],
    ['3.1.7.66', 'AT+SMSEND=8613854123456,你好啊', OK],
    ['3.1.7.67', 'AT+CISMSSEND=8613854123456,你好啊', OK],
  ];

  for (const [section, command, reply, query, value] of examples) {
    it(`${section} ${command} → ${JSON.stringify(reply)}${query ? `, AT+${query}? → ${value}` : ''}`, () => {
      const h = commandMode();
      expect(h.command(command)).toBe(reply);
      if (query && value !== undefined) expect(h.command(`AT+${query}?`)).toBe(info(query, value));
    });
  }

  it('3.1.7.66 the SMS 你好啊 reaches the phone as UTF-8 text', () => {
    const h = commandMode();
    h.command('AT+SMSEND=8613854123456,你好啊');
    h.advance(3000);
    expect(h.world.phone.inbox.map((m) => m.text)).toEqual(['你好啊']);
    expect(h.eventsOf('sms-out')[0]).toMatchObject({ to: '8613854123456', text: '你好啊', delivered: true });
  });

  it('3.1.6.4 escapes: [3F] [2C] [3D] in a parameter are stored escaped and decoded where used', () => {
    const h = commandMode();
    expect(h.command('AT+HTPURL=/a.php[3F]x[3D]1[2C]2')).toBe(OK);
    expect(h.command('AT+HTPURL?')).toBe(info('HTPURL', '/a.php[3F]x[3D]1[2C]2'));
    expect(h.command('AT+HTPURL=/a.php?x=1')).toBe(ERR(4));
  });
});
