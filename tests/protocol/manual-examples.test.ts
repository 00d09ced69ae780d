/**
 * Every command the manual shows — the "例" lines of chapter 3, the step lists of chapter 2 — run through
 * interpretCommand, as a module would receive them. Accepted ones must give the canonical value; the ones
 * module-behaviour.md rules wrong must fail with the decided code.
 */
import { describe, expect, it } from 'vitest';
import { interpretCommand, withPassword } from '../../src/protocol/command';

type Vector = readonly [section: string, line: string, op: string, value?: string];

const ACCEPTED: readonly Vector[] = [
  // 2.1.1 network transparent mode, steps 1–5
  ['2.1.1', 'AT+WKMOD=NET', 'set', 'NET'],
  ['2.1.1', 'AT+SOCKAEN=ON', 'set', 'ON'],
  ['2.1.1', 'AT+SOCKA=TCP,test.usr.cn,2317', 'set', 'TCP,test.usr.cn,2317'],
  ['2.1.1', 'AT+SOCKASL=LONG', 'set', 'LONG'],
  ['2.1.1', 'AT+Z', 'exec'],
  // 2.1.2 HTTPD client mode, steps 1–8, and the values of the software-tool steps
  ['2.1.2', 'AT+WKMOD=HTTPD', 'set', 'HTTPD'],
  ['2.1.2', 'AT+HTPTP=GET', 'set', 'GET'],
  ['2.1.2', 'AT+HTPURL=/1.php[3F]', 'set', '/1.php[3F]'],
  ['2.1.2', 'AT+HTPSV=test.usr.cn,80', 'set', 'test.usr.cn,80'],
  ['2.1.2', 'AT+HTPHD=Connection: close[0D][0A]', 'set', 'Connection: close[0D][0A]'],
  ['2.1.2', 'AT+HTPTO=10', 'set', '10'],
  ['2.1.2', 'AT+HTPFLT=ON', 'set', 'ON'],
  ['2.1.2', 'AT+HTPSV=www.usr.cn,80', 'set', 'www.usr.cn,80'],
  ['2.1.2', 'AT+HTPHD=Connection: Keep-Alive[0D][0A]', 'set', 'Connection: Keep-Alive[0D][0A]'],
  // 2.3.1 registration packet
  ['2.3.1', 'AT+REGEN=ON', 'set', 'ON'],
  ['2.3.1', 'AT+REGTP=USER', 'set', 'USER'],
  ['2.3.1', 'AT+REGDT=7777772E7573722E636E', 'set', '7777772E7573722E636E'],
  ['2.3.1', 'AT+REGSND=LINK', 'set', 'LINK'],
  // 2.3.2 heartbeat (step 3, AT+HEARTTP, is rejected below)
  ['2.3.2', 'AT+HEARTEN=ON', 'set', 'ON'],
  ['2.3.2', 'AT+HEARTDT=7777772E7573722E636E', 'set', '7777772E7573722E636E'],
  ['2.3.2', 'AT+HEARTTM=30', 'set', '30'],
  // 2.3.3 USR Cloud, the alias commands
  ['2.3.3', 'AT+CLOUDEN=ON', 'set', 'ON'],
  ['2.3.3', 'AT+CLOUDID=01234567890123456789', 'set', '01234567890123456789'],
  ['2.3.3', 'AT+CLOUDPA=12345678', 'set', '12345678'],
  // 2.3.9.1 FTP self-upgrade: the key is a placeholder but well-formed; restart with REBOOT
  ['2.3.9.1', 'AT+UPDATE=XXXXXXXXX', 'set', 'XXXXXXXXX'],
  ['2.3.9.1', 'AT+REBOOT', 'exec'],
  // 3.1.2 leaving command mode
  ['3.1.2', 'AT+ENTM', 'exec'],
  // 3.1.7 examples and format lines
  ['3.1.7.1', 'AT', 'exec'],
  ['3.1.7.2', 'AT+H', 'exec'],
  ['3.1.7.3', 'AT+Z', 'exec'],
  ['3.1.7.4', 'AT+REBOOT', 'exec'],
  ['3.1.7.5', 'AT+E', 'query'],
  ['3.1.7.5', 'AT+E?', 'query'],
  ['3.1.7.5', 'AT+E=ON', 'set', 'ON'],
  ['3.1.7.6', 'AT+ENTM', 'exec'],
  ['3.1.7.7', 'AT+WKMOD', 'query'],
  ['3.1.7.7', 'AT+WKMOD?', 'query'],
  ['3.1.7.7', 'AT+WKMOD=NET', 'set', 'NET'],
  ['3.1.7.8', 'AT+CMDPW?', 'query'],
  ['3.1.7.9', 'AT+STMSG=www.usr.cn', 'set', 'www.usr.cn'],
  ['3.1.7.10', 'AT+RSTIM?', 'query'],
  ['3.1.7.11', 'AT+CSQ', 'query'],
  ['3.1.7.11', 'AT+CSQ?', 'query'],
  ['3.1.7.12', 'AT+SYSINFO?', 'query'],
  ['3.1.7.13', 'AT+RELD', 'exec'],
  ['3.1.7.14', 'AT+CLEAR', 'exec'],
  ['3.1.7.15', 'AT+CFGTF', 'exec'],
  ['3.1.7.16', 'AT+VER', 'query'],
  ['3.1.7.17', 'AT+SN?', 'query'],
  ['3.1.7.18', 'AT+ICCID', 'query'],
  ['3.1.7.19', 'AT+IMEI?', 'query'],
  ['3.1.7.20', 'AT+UART=115200,8,1,NONE,NFC', 'set', '115200,8,1,NONE,NFC'],
  ['3.1.7.21', 'AT+UARTFT=200', 'set', '200'],
  ['3.1.7.22', 'AT+ UARTFL=1000', 'set', '1000'],
  ['3.1.7.23', 'AT+RFCEN=ON', 'set', 'ON'],
  ['3.1.7.24', 'AT+APN=3gnet,admin,admin', 'set', '3gnet,admin,admin'],
  ['3.1.7.25', 'AT+SOCKA=TCP,test.usr.cn,8899', 'set', 'TCP,test.usr.cn,8899'],
  ['3.1.7.26', 'AT+SOCKB=TCP,test.usr.cn,8899', 'set', 'TCP,test.usr.cn,8899'],
  ['3.1.7.27', 'AT+SOCKC=TCP,test.usr.cn,8899', 'set', 'TCP,test.usr.cn,8899'],
  ['3.1.7.27', 'AT+ SOCKC?', 'query'],
  ['3.1.7.28', 'AT+ SOCKD=TCP,test.usr.cn,8899', 'set', 'TCP,test.usr.cn,8899'],
  ['3.1.7.29', 'AT+SOCKAEN?', 'query'],
  ['3.1.7.33', 'AT+SOCKASL=LONG', 'set', 'LONG'],
  ['3.1.7.34', 'AT+SOCKBSL=LONG', 'set', 'LONG'],
  ['3.1.7.35', 'AT+SOCKCSL=LONG', 'set', 'LONG'],
  ['3.1.7.36', 'AT+SOCKDSL=LONG', 'set', 'LONG'],
  ['3.1.7.37', 'AT+SOCKALK', 'query'],
  ['3.1.7.40', 'AT+SOCKDLK?', 'query'],
  ['3.1.7.41', 'AT+SOCKATO=10', 'set', '10'],
  ['3.1.7.45', 'AT+SHORATO?', 'query'],
  ['3.1.7.49', 'AT+SOCKIND?', 'query'],
  ['3.1.7.50', 'AT+SDPEN?', 'query'],
  ['3.1.7.52', 'AT+ REGTP=ICCID', 'set', 'ICCID'],
  ['3.1.7.53', 'AT+ REGDT=7777772E7573722E636E', 'set', '7777772E7573722E636E'],
  ['3.1.7.54', 'AT+ REGSND=DATA', 'set', 'DATA'],
  ['3.1.7.55', 'AT+ CLOUD=12345678901234567890,12345678', 'set', '12345678901234567890,12345678'],
  ['3.1.7.57', 'AT+ HEARTDT=7777772E7573722E636E', 'set', '7777772E7573722E636E'],
  ['3.1.7.58', 'AT+HEARTSND=COM', 'set', 'COM'],
  ['3.1.7.59', 'AT+HEARTTM=30', 'set', '30'],
  ['3.1.7.60', 'AT+HTPTP=POST', 'set', 'POST'],
  ['3.1.7.61', 'AT+HTPURL=/1.php[3F]', 'set', '/1.php[3F]'],
  ['3.1.7.62', 'AT+ HTPSV=test.usr.cn,80', 'set', 'test.usr.cn,80'],
  ['3.1.7.63', 'AT+HTPHD=Connection: close[0D][0A]', 'set', 'Connection: close[0D][0A]'],
  ['3.1.7.64', 'AT+HTPTO=10', 'set', '10'],
  ['3.1.7.65', 'AT+HTPFLT?', 'query'],
  ['3.1.7.66', 'AT+SMSEND=8613854123456,你好啊', 'set', '8613854123456,你好啊'],
  ['3.1.7.67', 'AT+CISMSSEND=8613854123456,你好啊', 'set', '8613854123456,你好啊'],
];

const REJECTED: readonly (readonly [section: string, line: string, code: number, why: RegExp])[] = [
  // 11 bytes against "1~10个字节" (module-behaviour.md: the limit holds)
  ['3.1.7.8', 'AT+CMDPW=www.usr.cn#', 4, /1 to 10 characters \(got 11\)/],
  // a placeholder, not seconds
  ['3.1.7.10', 'AT+RSTIM=time', 4, /whole number .*\(got "time"\)/],
  // the manual's step uses a command that does not exist; HEARTSND is meant
  ['2.3.2', 'AT+HEARTTP=NET', 2, /AT\+HEARTSND/],
];

/** Queries and actions have no value; '-' stands for none in the test table. */
const ACCEPTED_ROWS = ACCEPTED.map(
  ([section, line, op, value]) => [section, line, op, value ?? '-'] as const,
);

describe('manual examples accepted with their canonical value', () => {
  it.each(ACCEPTED_ROWS)('manual %s: accepts %s as %s %s', (_section, line, op, value) => {
    const r = interpretCommand(line);
    expect(r).toMatchObject({ ok: true, op });
    if (r.ok) expect(r.value ?? '-').toBe(value);
  });
});

describe('manual examples rejected where the spec decides', () => {
  it.each(REJECTED)('manual %s: %s is ERR%i', (_section, line, code, why) => {
    const r = interpretCommand(line);
    expect(r).toMatchObject({ ok: false, code });
    if (!r.ok) expect(r.message.en).toMatch(why);
  });
});

describe('password AT (3.1.3–3.1.5)', () => {
  it('prefixes the command password: usr.cn + AT+VER + CR (3.1.3)', () => {
    expect(withPassword('usr.cn', 'AT+VER\r')).toBe('usr.cnAT+VER\r');
  });

  it('the command after the password is an ordinary version query (3.1.3)', () => {
    expect(interpretCommand('AT+VER')).toMatchObject({ ok: true, op: 'query', entry: { name: 'VER' } });
  });
});
