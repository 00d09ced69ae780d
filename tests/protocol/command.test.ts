import { describe, expect, it } from 'vitest';
import { CATALOGUE, SETTING_NAMES, factoryDefaults, findCommand } from '../../src/protocol/catalogue';
import {
  buildAction,
  buildQuery,
  buildRange,
  buildSet,
  describeRange,
  interpretCommand,
  withPassword,
} from '../../src/protocol/command';

/** [line, Err code of table 15, what the message must say]. */
const BAD_INPUTS: readonly (readonly [string, 1 | 2 | 3 | 4, RegExp])[] = [
  // Err1: not an AT command
  ['', 1, /starts with "AT"/],
  ['+++', 1, /starts with "AT"/],
  ['usr.cnAT+VER', 1, /got "usr.cnAT\+VER"/],
  ['A T+VER', 1, /starts with "AT"/],
  // Err2: unknown command
  ['ATI', 2, /AT\+<name>/],
  ['AT+', 2, /Missing command name/],
  ['AT+HEARTTP=NET', 2, /Unknown command AT\+HEARTTP: the command is AT\+HEARTSND/],
  ['AT+FOO?', 2, /Unknown command AT\+FOO/],
  ['AT+WKMOD =NET', 2, /Unknown command AT\+WKMOD /],
  // Err3: wrong form for the command
  ['AT+VER=1', 3, /use AT\+VER \| AT\+VER\?$/],
  ['AT+VER=?', 3, /Wrong form for AT\+VER/],
  ['AT+Z?', 3, /use AT\+Z$/],
  ['AT+REBOOT=1', 3, /Wrong form for AT\+REBOOT/],
  ['AT?', 3, /Wrong form for AT: use AT$/],
  ['AT+SMSEND?', 3, /AT\+SMSEND=<number>,<data>/],
  ['AT+CISMSSEND', 3, /AT\+CISMSSEND=\?/],
  ['AT+SOCKALK=ON', 3, /use AT\+SOCKALK \| AT\+SOCKALK\?/],
  ['AT+CLOUDEN?', 3, /AT\+CLOUDEN=<status>/],
  ['AT+WKMOD??', 3, /AT\+WKMOD=<mode>/],
  // Err4: enum words
  ['AT+WKMOD=TCPX', 4, /Unknown value "TCPX" for Mode: choose NET or HTTPD/],
  ['AT+WKMOD=', 4, /Mode is empty: choose NET or HTTPD/],
  ['AT+E=1', 4, /Unknown value "1" for Echo: choose ON or OFF/],
  ['AT+SOCKAEN=', 4, /Socket A is empty/],
  ['AT+SOCKA=TCPX,test.usr.cn,2317', 4, /Unknown value "TCPX" for Protocol: choose TCP or UDP/],
  ['AT+SOCKASL=MEDIUM', 4, /choose SHORT or LONG/],
  ['AT+REGTP=NONE', 4, /choose ICCID, IMEI, D2DID, CLOUD or USER/],
  ['AT+REGSND=BOTH', 4, /choose LINK or DATA/],
  ['AT+HEARTSND=SERIAL', 4, /choose COM or NET/],
  ['AT+HTPTP=PUT', 4, /choose GET or POST/],
  ['AT+CLOUDEN=YES', 4, /Unknown value "YES"/],
  ['AT+WKMOD= NET', 4, /Unknown value " NET"/],
  // Err4: ports
  ['AT+SOCKA=TCP,test.usr.cn,0', 4, /Port must be a whole number from 1 to 65535 \(got 0\)/],
  ['AT+SOCKA=TCP,test.usr.cn,65536', 4, /\(got 65536\)/],
  ['AT+SOCKB=TCP,test.usr.cn,abc', 4, /\(got "abc"\)/],
  ['AT+SOCKC=TCP,test.usr.cn,', 4, /Port is empty/],
  ['AT+SOCKD=TCP,test.usr.cn,+80', 4, /\(got "\+80"\)/],
  ['AT+SOCKA=TCP,test.usr.cn,-1', 4, /\(got "-1"\)/],
  ['AT+HTPSV=test.usr.cn,80.0', 4, /\(got "80.0"\)/],
  // Err4: parameter count
  ['AT+SOCKA=TCP,test.usr.cn', 4, /takes 3 parameters \(Protocol, Server address, Port\), got 2/],
  ['AT+SOCKA=TCP,test.usr.cn,2317,1', 4, /got 4/],
  ['AT+UART=115200,8,1,NONE', 4, /takes 5 parameters/],
  ['AT+APN=CMNET', 4, /takes 3 parameters/],
  ['AT+CLOUD=12345678901234567890', 4, /takes 2 parameters/],
  ['AT+SMSEND=8613854123456', 4, /takes 2 parameters/],
  ['AT+HTPSV=test.usr.cn', 4, /takes 2 parameters/],
  ['AT+E=ON,OFF', 4, /takes 1 parameter \(Echo\), got 2$/],
  // Err4: hosts
  ['AT+SOCKA=TCP,test usr.cn,2317', 4, /must not contain spaces/],
  ['AT+SOCKA=TCP,http://test.usr.cn,2317', 4, /remove "http:\/\/"/],
  ['AT+HTPSV=https://test.usr.cn,443', 4, /remove "https:\/\/"/],
  ['AT+SOCKA=TCP,test.usr.cn:2317,2317', 4, /without a path or ":port"/],
  ['AT+HTPSV=test.usr.cn/1.php,80', 4, /without a path/],
  ['AT+SOCKA=TCP,1.2.3.256,2317', 4, /must be 0 to 255 \(got 256\)/],
  ['AT+SOCKA=TCP,999.1.1.1,2317', 4, /\(got 999\)/],
  ['AT+SOCKA=TCP,1.2.3,2317', 4, /needs 4 numbers/],
  ['AT+SOCKA=TCP,1.2.3.4.5,2317', 4, /needs 4 numbers/],
  ['AT+SOCKA=TCP,01.2.3.4,2317', 4, /leading zeros \(got 01\)/],
  ['AT+SOCKA=TCP,test..usr.cn,2317', 4, /empty part between dots/],
  ['AT+SOCKA=TCP,.usr.cn,2317', 4, /empty part between dots/],
  ['AT+SOCKA=TCP,test.usr.cn.,2317', 4, /empty part between dots/],
  ['AT+SOCKA=TCP,-test.usr.cn,2317', 4, /not start or end with "-" \(got "-test"\)/],
  ['AT+SOCKA=TCP,test_1.usr.cn,2317', 4, /contains "_"/],
  ['AT+SOCKA=TCP,,2317', 4, /Server address is empty/],
  [`AT+SOCKA=TCP,${'a'.repeat(61)}.com,2317`, 4, /at most 64 characters \(got 65\)/],
  [`AT+HTPSV=${'a'.repeat(64)},80`, 4, /1 to 63 characters/],
  ['AT+HTPSV=测试.cn,80', 4, /contains "测"/],
  // Err4: serial port
  ['AT+UART=1234,8,1,NONE,NFC', 4, /Baud rate must be one of 300, 600, .*230400 \(got 1234\)/],
  ['AT+UART=115200,5,1,NONE,NFC', 4, /Data bits must be one of 7, 8 \(got 5\)/],
  ['AT+UART=115200,8,3,NONE,NFC', 4, /Stop bits must be one of 1, 2 \(got 3\)/],
  ['AT+UART=115200,8,1,MARK,NFC', 4, /Unknown value "MARK" for Parity/],
  ['AT+UART=115200,8,1,NONE,RTS', 4, /Unknown value "RTS" for Flow control: choose NFC$/],
  ['AT+UARTFT=49', 4, /from 50 to 60000 ms \(got 49\)/],
  ['AT+UARTFT=60001', 4, /\(got 60001\)/],
  ['AT+UARTFT=1e3', 4, /\(got "1e3"\)/],
  ['AT+UARTFT= 100', 4, /\(got " 100"\)/],
  ['AT+UARTFT=100 ', 4, /\(got "100 "\)/],
  ['AT+UARTFL=0', 4, /from 1 to 1024 bytes \(got 0\)/],
  ['AT+UARTFL=1025', 4, /\(got 1025\)/],
  // Err4: times
  ['AT+HEARTTM=0', 4, /from 1 to 6000 s \(got 0\)/],
  ['AT+HEARTTM=6001', 4, /\(got 6001\)/],
  ['AT+HTPTO=0', 4, /from 1 to 600 s \(got 0\)/],
  ['AT+HTPTO=601', 4, /\(got 601\)/],
  ['AT+SOCKATO=0', 4, /from 1 to 100 s \(got 0\)/],
  ['AT+SOCKDTO=101', 4, /\(got 101\)/],
  ['AT+SHORBTO=0', 4, /from 1 to 100 s/],
  ['AT+RSTIM=59', 4, /0 or a whole number from 60 to 65535 s \(got 59\)/],
  ['AT+RSTIM=65536', 4, /\(got 65536\)/],
  ['AT+RSTIM=', 4, /Auto-restart time is empty/],
  // Err4: hex
  ['AT+REGDT=7777772', 4, /even number of hex digits: 7 given/],
  ['AT+REGDT=', 4, /1 to 80 bytes \(2 to 160 hex digits\), got 0/],
  [`AT+REGDT=${'00'.repeat(81)}`, 4, /got 81/],
  ['AT+REGDT=77GG', 4, /"G" is not one/],
  ['AT+REGDT=0x7777', 4, /"x" is not one/],
  [`AT+HEARTDT=${'00'.repeat(41)}`, 4, /1 to 40 bytes \(2 to 80 hex digits\), got 41/],
  ['AT+HEARTDT=777', 4, /even number of hex digits: 3 given/],
  ['AT+HEARTDT=77 77', 4, /" " is not one/],
  // Err4: text
  ['AT+HTPHD=Connection: close', 4, /HTTP header must end with \[0D\]\[0A\]/],
  ['AT+HTPHD=Connection: close[0D]', 4, /must end with \[0D\]\[0A\]/],
  ['AT+HTPHD=Connection: close[0A][0D]', 4, /must end with \[0D\]\[0A\]/],
  ['AT+HTPURL=/1.php?a=1', 4, /"\?" must be written as \[3F\] inside text/],
  ['AT+HTPURL=/1.php[3F]a=1', 4, /"=" must be written as \[3D\] inside text/],
  ['AT+HTPURL=/a,b', 4, /takes 1 parameter \(URL path\), got 2; inside text write "," as \[2C\]/],
  ['AT+HTPURL=1.php', 4, /must start with "\/"/],
  ['AT+HTPURL=', 4, /1 to 100 characters \(got 0\)/],
  [`AT+HTPURL=/${'a'.repeat(100)}`, 4, /\(got 101\)/],
  ['AT+HTPURL=/数据', 4, /plain ASCII: "数"/],
  ['AT+CMDPW=www.usr.cn#', 4, /1 to 10 characters \(got 11\)/],
  ['AT+CMDPW=', 4, /\(got 0\)/],
  ['AT+CMDPW=a=b', 4, /"=" must be written as \[3D\]/],
  [`AT+STMSG=${'x'.repeat(21)}`, 4, /1 to 20 characters \(got 21\)/],
  ['AT+STMSG=欢迎', 4, /plain ASCII/],
  ['AT+STMSG=a[01]b', 4, /control character \[01\]/],
  ['AT+APN=,,', 4, /APN name must be 1 to 62 characters \(got 0\)/],
  [`AT+APN=${'a'.repeat(63)},,`, 4, /\(got 63\)/],
  ['AT+UPDATE=', 4, /Upgrade key must be 1 to 64 characters/],
  // Err4: USR Cloud
  ['AT+CLOUD=1234567890123456789,12345678', 4, /exactly 20 digits, or empty \(got 19\)/],
  ['AT+CLOUD=12345678901234567890,123456789', 4, /exactly 8 characters, or empty \(got 9\)/],
  ['AT+CLOUD=1234567890123456789A,12345678', 4, /digits only: "A" is not a digit/],
  ['AT+CLOUDID=', 4, /exactly 20 digits \(got 0\)/],
  ['AT+CLOUDPA=1234567', 4, /exactly 8 characters \(got 7\)/],
  // Err4: SMS
  ['AT+SMSEND=+8613854123456,hi', 4, /without "\+"/],
  ['AT+SMSEND=86,hi', 4, /3 to 20 digits \(got 2\)/],
  ['AT+SMSEND=86138 54123456,hi', 4, /" " is not a digit/],
  ['AT+SMSEND=8613854123456,', 4, /Message text must be 1 to 320 bytes of UTF-8 \(got 0/],
  ['AT+SMSEND=8613854123456,[FF]', 4, /not valid UTF-8/],
  ['AT+CISMSSEND=8613854123456,a?b', 4, /"\?" must be written as \[3F\]/],
];

describe('building lines (3.1.6.2: AT+ CMD OP PARA CR)', () => {
  it('builds query, set, action and range lines ending in CR', () => {
    expect(buildQuery('WKMOD')).toBe('AT+WKMOD?\r');
    expect(buildQuery('ver')).toBe('AT+VER?\r');
    expect(buildSet('WKMOD', 'NET')).toBe('AT+WKMOD=NET\r');
    expect(buildSet('HTPURL', '/1.php[3F]')).toBe('AT+HTPURL=/1.php[3F]\r');
    expect(buildSet('SMSEND', '8613854123456,你好啊')).toBe('AT+SMSEND=8613854123456,你好啊\r');
    expect(buildAction('Z')).toBe('AT+Z\r');
    expect(buildAction('')).toBe('AT\r');
    expect(buildRange('WKMOD')).toBe('AT+WKMOD=?\r');
  });

  it('refuses unknown commands and forms a command does not have', () => {
    expect(() => buildSet('HEARTTP', 'NET')).toThrow(/Unknown/);
    expect(() => buildQuery('Z')).toThrow(/no query form/);
    expect(() => buildSet('VER', '1')).toThrow(/no set form/);
    expect(() => buildAction('WKMOD')).toThrow(/no exec form/);
    expect(() => buildRange('SOCKALK')).toThrow(/no range form/);
  });

  it('refuses a CR or LF inside a set value, which would end the line early (3.1.6.4)', () => {
    expect(() => buildSet('HTPHD', 'A: b\r\n')).toThrow(/\[0D\]/);
  });

  it('password AT prefixes the password (3.1.3)', () => {
    expect(withPassword('usr.cn', buildQuery('VER'))).toBe('usr.cnAT+VER?\r');
  });
});

describe('interpreting forms (table 11)', () => {
  it('a bare setting or query name reads the value (type 2)', () => {
    expect(interpretCommand('AT+WKMOD')).toMatchObject({ ok: true, op: 'query' });
    expect(interpretCommand('AT+CSQ')).toMatchObject({ ok: true, op: 'query' });
  });

  it('"=?" asks the range of settings and write-only commands (type 1)', () => {
    expect(interpretCommand('AT+UARTFT=?')).toMatchObject({ ok: true, op: 'range' });
    expect(interpretCommand('AT+SMSEND=?')).toMatchObject({ ok: true, op: 'range' });
  });

  it('is case-insensitive in the prefix, the name and enum values (3.1.6)', () => {
    expect(interpretCommand('at+wkmod=httpd')).toMatchObject({ ok: true, op: 'set', value: 'HTTPD' });
    expect(interpretCommand('At+Ver')).toMatchObject({ ok: true, entry: { name: 'VER' } });
  });

  it('tolerates spaces right after AT+ as in the manual examples, not elsewhere', () => {
    expect(interpretCommand('AT+   SOCKC?')).toMatchObject({
      ok: true,
      op: 'query',
      entry: { name: 'SOCKC' },
    });
    expect(interpretCommand('AT+WKMOD =NET')).toMatchObject({ ok: false, code: 2 });
  });

  it('every setting and query answers both AT+CMD and AT+CMD? (3.1.7 format lines)', () => {
    for (const e of CATALOGUE.filter((x) => x.kind === 'setting' || x.kind === 'query')) {
      expect(interpretCommand(`AT+${e.name}`)).toMatchObject({ ok: true, op: 'query', entry: e });
      expect(interpretCommand(`AT+${e.name}?`)).toMatchObject({ ok: true, op: 'query', entry: e });
    }
  });

  it('every action runs bare and refuses "?", "=?" and parameters (Err3)', () => {
    for (const e of CATALOGUE.filter((x) => x.kind === 'action')) {
      const cmd = e.name === '' ? 'AT' : `AT+${e.name}`;
      expect(interpretCommand(cmd)).toMatchObject({ ok: true, op: 'exec', entry: e });
      for (const suffix of ['?', '=?', '=1'])
        expect(interpretCommand(cmd + suffix)).toMatchObject({ code: 3 });
    }
  });
});

describe('table 15 error codes for bad input', () => {
  it('has at least 70 bad inputs', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(70);
  });

  it.each(BAD_INPUTS)('%j is Err%i', (line, code, why) => {
    const r = interpretCommand(line);
    expect(r).toMatchObject({ ok: false, code });
    if (r.ok) return;
    expect(r.message.en).toMatch(why);
    expect(r.message.zh).not.toBe('');
    expect(r.message.zh).not.toBe(r.message.en);
  });
});

describe('canonical round trip', () => {
  it.each(SETTING_NAMES.map((n) => [n]))('%s: buildSet(default) reads back as the same value', (name) => {
    const value = factoryDefaults()[name] ?? '';
    const line = buildSet(name, value);
    expect(line.endsWith('\r')).toBe(true);
    expect(interpretCommand(line.slice(0, -1))).toMatchObject({ ok: true, op: 'set', value });
  });
});

describe('describeRange (AT+CMD=? reply text)', () => {
  const range = (name: string): string => {
    const e = findCommand(name);
    if (!e) throw new Error(name);
    return describeRange(e);
  };

  it('separates parameters with "," and choices with "/"', () => {
    expect(range('WKMOD')).toBe('NET/HTTPD');
    expect(range('UARTFT')).toBe('50-60000');
    expect(range('RSTIM')).toBe('0/60-65535');
    expect(range('SOCKA')).toBe('TCP/UDP,host(1-64),1-65535');
    expect(range('UART')).toBe(
      '300/600/1200/2400/4800/9600/19200/38400/57600/115200/230400,7/8,1/2,NONE/ODD/EVEN,NFC',
    );
  });

  it('gives sizes of text, hex and digits in bytes', () => {
    expect(range('CMDPW')).toBe('text(1-10)');
    expect(range('REGDT')).toBe('hex(1-80)');
    expect(range('HEARTDT')).toBe('hex(1-40)');
    expect(range('CLOUD')).toBe('digits(0/20),text(0/8)');
    expect(range('CLOUDID')).toBe('digits(20)');
    expect(range('SMSEND')).toBe('digits(3-20),text(1-320)');
  });

  it('is empty for commands without parameters', () => {
    expect(range('VER')).toBe('');
  });
});
