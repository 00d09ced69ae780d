/**
 * Serial transcripts of the module's replies, built from the manual's reply formats (3.1.6.3 table 13 and
 * every format line of 3.1.7) and from the variants module-behaviour.md says to tolerate. Each transcript
 * is a list of steps (what the session told the parser, and the bytes that arrived) and the events a
 * correct reader gives. Shared: parser tests use them, and so can simulator tests (the simulator's answers
 * must read the same way).
 *
 * Expected events are written in a plain comparable form (`ExpectedEvent`): errors by family and code,
 * unsolicited bytes as hex, consecutive unsolicited runs merged. `summarize` brings real events to it.
 */
import type { AtErrorFamily } from '../../src/protocol/at-error';
import type { ReplyEvent } from '../../src/protocol/reply-parser';

export type Step =
  | { readonly op: 'expect'; readonly command: string }
  | { readonly op: 'entry' }
  | { readonly op: 'idle' }
  | { readonly op: 'bytes'; readonly data: Uint8Array };

export type ExpectedEvent =
  | { readonly type: 'echo'; readonly line: string }
  | { readonly type: 'info'; readonly name: string; readonly value: string }
  | { readonly type: 'ok' }
  | { readonly type: 'error'; readonly family: AtErrorFamily; readonly code: number | undefined }
  | { readonly type: 'text'; readonly line: string }
  | { readonly type: 'unsolicited'; readonly hex: string }
  | { readonly type: 'entry-a' }
  | { readonly type: 'entry-ok' };

export interface Transcript {
  readonly name: string;
  /** Manual section or spec topic the transcript comes from. */
  readonly source: string;
  readonly steps: readonly Step[];
  readonly events: readonly ExpectedEvent[];
}

const encoder = new TextEncoder();

export function bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

export function hex(data: Uint8Array): string {
  return [...data].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}

/** Real events in the comparable form; consecutive unsolicited events become one. */
export function summarize(events: readonly ReplyEvent[]): ExpectedEvent[] {
  const out: ExpectedEvent[] = [];
  let run: number[] = [];
  const flush = (): void => {
    if (run.length > 0) out.push({ type: 'unsolicited', hex: hex(Uint8Array.from(run)) });
    run = [];
  };
  for (const e of events) {
    if (e.type === 'unsolicited') {
      run.push(...e.bytes);
      continue;
    }
    flush();
    if (e.type === 'error') out.push({ type: 'error', family: e.error.family, code: e.error.code });
    else out.push(e);
  }
  flush();
  return out;
}

// Step and event builders.
const expectCmd = (command: string): Step => ({ op: 'expect', command });
const entry: Step = { op: 'entry' };
const idle: Step = { op: 'idle' };
const recv = (text: string): Step => ({ op: 'bytes', data: bytes(text) });

const echo = (line: string): ExpectedEvent => ({ type: 'echo', line });
const info = (name: string, value: string): ExpectedEvent => ({ type: 'info', name, value });
const ok: ExpectedEvent = { type: 'ok' };
const err = (family: AtErrorFamily, code: number | undefined): ExpectedEvent => ({
  type: 'error',
  family,
  code,
});
const text = (line: string): ExpectedEvent => ({ type: 'text', line });
const unsolicited = (data: string): ExpectedEvent => ({ type: 'unsolicited', hex: hex(bytes(data)) });
const entryA: ExpectedEvent = { type: 'entry-a' };
const entryOk: ExpectedEvent = { type: 'entry-ok' };

/** Table 13 type 1: `<CR><LF><+CMD:><PARA><CR><LF><CR><LF><OK><CR><LF>`. */
const queryReply = (line: string): string => `\r\n${line}\r\n\r\nOK\r\n`;
/** Table 13 type 0: `<CR><LF><OK><CR><LF>`. */
const OK_REPLY = '\r\nOK\r\n';

/**
 * Every query format line of 3.1.7 with a realistic value: [section, command, reply line as the manual
 * spells it (blanks and typos kept), name and value the reader must give].
 */
const MANUAL_QUERIES: readonly (readonly [string, string, string, string, string])[] = [
  ['3.1.7.5', 'E', '+E:ON', 'E', 'ON'],
  ['3.1.7.7', 'WKMOD', '+WKMOD:NET', 'WKMOD', 'NET'],
  ['3.1.7.8', 'CMDPW', '+CMDPW:usr.cn', 'CMDPW', 'usr.cn'],
  ['3.1.7.9', 'STMSG', '+STMSG:www.usr.cn', 'STMSG', 'www.usr.cn'],
  ['3.1.7.10', 'RSTIM', '+RSTIM:3600', 'RSTIM', '3600'],
  // The manual's CSQ line has a blank after the colon and before the line end.
  ['3.1.7.11', 'CSQ', '+CSQ: 27,0,99 ', 'CSQ', '27,0,99 '],
  // … and SYSINFO a blank after the `+` too.
  ['3.1.7.12', 'SYSINFO', '+ SYSINFO: 2,LTE ', 'SYSINFO', '2,LTE '],
  ['3.1.7.16', 'VER', '+VER:V1.0.5', 'VER', 'V1.0.5'],
  ['3.1.7.17', 'SN', '+SN:01601216110100000123', 'SN', '01601216110100000123'],
  ['3.1.7.18', 'ICCID', '+ICCID:89860117750019823456', 'ICCID', '89860117750019823456'],
  ['3.1.7.19', 'IMEI', '+IMEI:865067031234567', 'IMEI', '865067031234567'],
  ['3.1.7.20', 'UART', '+UART:115200,8,1,NONE,NFC', 'UART', '115200,8,1,NONE,NFC'],
  ['3.1.7.21', 'UARTFT', '+UARTFT:50', 'UARTFT', '50'],
  ['3.1.7.22', 'UARTFL', '+UARTFL:1024', 'UARTFL', '1024'],
  ['3.1.7.23', 'RFCEN', '+RFCEN:OFF', 'RFCEN', 'OFF'],
  ['3.1.7.24', 'APN', '+APN:3gnet,admin,admin', 'APN', '3gnet,admin,admin'],
  ['3.1.7.25', 'SOCKA', '+SOCKA:TCP,test.usr.cn,2317', 'SOCKA', 'TCP,test.usr.cn,2317'],
  ['3.1.7.26', 'SOCKB', '+SOCKB:TCP,test.usr.cn,8899', 'SOCKB', 'TCP,test.usr.cn,8899'],
  ['3.1.7.27', 'SOCKC', '+ SOCKC:UDP,192.168.0.1,8899', 'SOCKC', 'UDP,192.168.0.1,8899'],
  ['3.1.7.28', 'SOCKD', '+ SOCKD:TCP,test.usr.cn,8899', 'SOCKD', 'TCP,test.usr.cn,8899'],
  ['3.1.7.29', 'SOCKAEN', '+SOCKAEN:ON', 'SOCKAEN', 'ON'],
  ['3.1.7.30', 'SOCKBEN', '+SOCKBEN:OFF', 'SOCKBEN', 'OFF'],
  ['3.1.7.31', 'SOCKCEN', '+ SOCKCEN:OFF', 'SOCKCEN', 'OFF'],
  ['3.1.7.32', 'SOCKDEN', '+SOCKDEN:OFF', 'SOCKDEN', 'OFF'],
  ['3.1.7.33', 'SOCKASL', '+SOCKASL:LONG', 'SOCKASL', 'LONG'],
  ['3.1.7.34', 'SOCKBSL', '+SOCKBSL:SHORT', 'SOCKBSL', 'SHORT'],
  ['3.1.7.35', 'SOCKCSL', '+SOCKCSL:LONG', 'SOCKCSL', 'LONG'],
  ['3.1.7.36', 'SOCKDSL', '+SOCKDSL:LONG', 'SOCKDSL', 'LONG'],
  ['3.1.7.37', 'SOCKALK', '+SOCKALK:ON', 'SOCKALK', 'ON'],
  ['3.1.7.38', 'SOCKBLK', '+SOCKBLK:OFF', 'SOCKBLK', 'OFF'],
  ['3.1.7.39', 'SOCKCLK', '+SOCKCLK:OFF', 'SOCKCLK', 'OFF'],
  ['3.1.7.40', 'SOCKDLK', '+SOCKDLK:OFF', 'SOCKDLK', 'OFF'],
  ['3.1.7.41', 'SOCKATO', '+SOCKATO:10', 'SOCKATO', '10'],
  ['3.1.7.42', 'SOCKBTO', '+SOCKBTO:10', 'SOCKBTO', '10'],
  ['3.1.7.43', 'SOCKCTO', '+SOCKCTO:10', 'SOCKCTO', '10'],
  ['3.1.7.44', 'SOCKDTO', '+SOCKDTO:10', 'SOCKDTO', '10'],
  // 3.1.7.45–48 print SOCKxTO in the SHORxTO format lines (module-behaviour.md); the reader reports the
  // name it received, the session decides what to make of it.
  ['3.1.7.45', 'SHORATO', '+SOCKATO:10', 'SOCKATO', '10'],
  ['3.1.7.46', 'SHORBTO', '+SHORBTO:10', 'SHORBTO', '10'],
  ['3.1.7.47', 'SHORCTO', '+SHORCTO:10', 'SHORCTO', '10'],
  ['3.1.7.48', 'SHORDTO', '+SHORDTO:10', 'SHORDTO', '10'],
  ['3.1.7.49', 'SOCKIND', '+SOCKIND:OFF', 'SOCKIND', 'OFF'],
  ['3.1.7.50', 'SDPEN', '+SDPEN:OFF', 'SDPEN', 'OFF'],
  ['3.1.7.51', 'REGEN', '+REGEN:OFF', 'REGEN', 'OFF'],
  ['3.1.7.52', 'REGTP', '+REGTP:USER', 'REGTP', 'USER'],
  ['3.1.7.53', 'REGDT', '+REGDT:7777772E7573722E636E', 'REGDT', '7777772E7573722E636E'],
  ['3.1.7.54', 'REGSND', '+REGSND:LINK', 'REGSND', 'LINK'],
  ['3.1.7.55', 'CLOUD', '+CLOUD:12345678901234567890,12345678', 'CLOUD', '12345678901234567890,12345678'],
  ['3.1.7.56', 'HEARTEN', '+HEARTEN:ON', 'HEARTEN', 'ON'],
  ['3.1.7.57', 'HEARTDT', '+HEARTDT:7777772E7573722E636E', 'HEARTDT', '7777772E7573722E636E'],
  ['3.1.7.58', 'HEARTSND', '+HEARTSND:NET', 'HEARTSND', 'NET'],
  ['3.1.7.59', 'HEARTTM', '+HEARTTM:30', 'HEARTTM', '30'],
  ['3.1.7.60', 'HTPTP', '+HTPTP:GET', 'HTPTP', 'GET'],
  ['3.1.7.61', 'HTPURL', '+HTPURL:/1.php[3F]', 'HTPURL', '/1.php[3F]'],
  ['3.1.7.62', 'HTPSV', '+HTPSV:test.usr.cn,80', 'HTPSV', 'test.usr.cn,80'],
  // The value itself holds ": " — only the first colon separates name and value.
  ['3.1.7.63', 'HTPHD', '+HTPHD:Connection: close[0D][0A]', 'HTPHD', 'Connection: close[0D][0A]'],
  ['3.1.7.64', 'HTPTO', '+HTPTO:10', 'HTPTO', '10'],
  ['3.1.7.65', 'HTPFLT', '+HTPFLT:ON', 'HTPFLT', 'ON'],
];

/** The manual's set examples ("例：") and action commands, all answered `\r\nOK\r\n` (table 13 type 0). */
const MANUAL_SETS: readonly (readonly [string, string])[] = [
  ['3.1.7.3', 'AT+Z'],
  ['3.1.7.4', 'AT+REBOOT'],
  ['3.1.7.5', 'AT+E=ON'],
  ['3.1.7.6', 'AT+ENTM'],
  ['3.1.7.7', 'AT+WKMOD=NET'],
  ['3.1.7.9', 'AT+STMSG=www.usr.cn'],
  ['3.1.7.13', 'AT+RELD'],
  ['3.1.7.14', 'AT+CLEAR'],
  ['3.1.7.15', 'AT+CFGTF'],
  ['3.1.7.20', 'AT+UART=115200,8,1,NONE,NFC'],
  ['3.1.7.21', 'AT+UARTFT=200'],
  ['3.1.7.22', 'AT+UARTFL=1000'],
  ['3.1.7.23', 'AT+RFCEN=ON'],
  ['3.1.7.24', 'AT+APN=3gnet,admin,admin'],
  ['3.1.7.25', 'AT+SOCKA=TCP,test.usr.cn,8899'],
  ['3.1.7.33', 'AT+SOCKASL=LONG'],
  ['3.1.7.41', 'AT+SOCKATO=10'],
  ['3.1.7.52', 'AT+REGTP=ICCID'],
  ['3.1.7.53', 'AT+REGDT=7777772E7573722E636E'],
  ['3.1.7.54', 'AT+REGSND=DATA'],
  ['3.1.7.55', 'AT+CLOUD=12345678901234567890,12345678'],
  ['3.1.7.58', 'AT+HEARTSND=COM'],
  ['3.1.7.59', 'AT+HEARTTM=30'],
  ['3.1.7.60', 'AT+HTPTP=POST'],
  ['3.1.7.61', 'AT+HTPURL=/1.php[3F]'],
  ['3.1.7.62', 'AT+HTPSV=test.usr.cn,80'],
  ['3.1.7.63', 'AT+HTPHD=Connection: close[0D][0A]'],
  ['3.1.7.64', 'AT+HTPTO=10'],
  ['3.1.7.66', 'AT+SMSEND=8613854123456,你好啊'],
  ['3.1.7.67', 'AT+CISMSSEND=8613854123456,你好啊'],
];

function manualTranscripts(): Transcript[] {
  const out: Transcript[] = [];
  for (const [section, cmd, line, name, value] of MANUAL_QUERIES) {
    out.push({
      name: `AT+${cmd}? answered ${JSON.stringify(line)}, echo off`,
      source: `${section}, table 13 type 1`,
      steps: [expectCmd(`AT+${cmd}?`), recv(queryReply(line))],
      events: [info(name, value), ok],
    });
    // Echo on: the module sends the command back as it received it, CR included.
    out.push({
      name: `AT+${cmd} answered ${JSON.stringify(line)}, echo on`,
      source: `${section}, table 13 type 1, echo (module-behaviour.md)`,
      steps: [expectCmd(`AT+${cmd}\r`), recv(`AT+${cmd}\r` + queryReply(line))],
      events: [echo(`AT+${cmd}`), info(name, value), ok],
    });
  }
  for (const [section, cmd] of MANUAL_SETS) {
    out.push({
      name: `${cmd} answered OK, echo off`,
      source: `${section}, table 13 type 0`,
      steps: [expectCmd(cmd), recv(OK_REPLY)],
      events: [ok],
    });
    out.push({
      name: `${cmd} answered OK, echo on with CR LF`,
      source: `${section}, table 13 type 0, echo`,
      steps: [expectCmd(`${cmd}\r\n`), recv(`${cmd}\r\n${OK_REPLY}`)],
      events: [echo(cmd), ok],
    });
  }
  return out;
}

const SPECIAL: readonly Transcript[] = [
  {
    name: 'AT answered exactly as its format line, with the trailing CR LF after OK',
    source: '3.1.7.1',
    steps: [expectCmd('AT'), recv('\r\nOK\r\n\r\n')],
    // After OK nothing is in flight: the extra line end is passed on, not read.
    events: [ok, unsolicited('\r\n')],
  },
  {
    name: 'AT+H help message as the format line gives it (no OK)',
    source: '3.1.7.2',
    steps: [expectCmd('AT+H'), recv('\r\nhelp message\r\n\r\n')],
    events: [text('help message')],
  },
  {
    name: 'AT+H with a several-line help message and OK, echo on',
    source: '3.1.7.2',
    steps: [expectCmd('AT+H'), recv('AT+H\r\r\nAT+VER: query version\r\nAT+Z: restart\r\n\r\nOK\r\n')],
    // Help lines start with `AT+`, not `+`: they are text, not info.
    events: [echo('AT+H'), text('AT+VER: query version'), text('AT+Z: restart'), ok],
  },
  {
    name: 'AT+VER as its format line gives it (no OK): the info line alone',
    source: '3.1.7.16',
    steps: [expectCmd('AT+VER'), recv('\r\n+VER:V1.0.5\r\n\r\n')],
    events: [info('VER', 'V1.0.5')],
  },
  {
    name: 'a query answered with a blank after the colon (+ICCID: …)',
    source: 'module-behaviour.md wire format',
    steps: [expectCmd('AT+ICCID'), recv(queryReply('+ICCID: 89860117750019823456'))],
    events: [info('ICCID', '89860117750019823456'), ok],
  },
  {
    name: 'AT+CSQ answered +CSQ: 27,99 (two-field form)',
    source: 'module-behaviour.md wire format',
    steps: [expectCmd('AT+CSQ'), recv(queryReply('+CSQ: 27,99'))],
    events: [info('CSQ', '27,99'), ok],
  },
  {
    name: 'a lower-case info name is upper-cased',
    source: 'manual 3.1.6: case-insensitive',
    steps: [expectCmd('at+ver'), recv('at+ver\r' + queryReply('+ver:V1.0.5'))],
    events: [echo('at+ver'), info('VER', 'V1.0.5'), ok],
  },
  {
    name: 'STMSG in Chinese (UTF-8), echo on',
    source: '3.1.7.9',
    steps: [expectCmd('AT+STMSG'), recv('AT+STMSG\r' + queryReply('+STMSG:有人物联网欢迎您'))],
    events: [echo('AT+STMSG'), info('STMSG', '有人物联网欢迎您'), ok],
  },
  {
    name: 'echo ends in CR alone, reply follows at once',
    source: 'module-behaviour.md echo',
    steps: [expectCmd('AT+VER'), recv('AT+VER\r\r\n+VER:V1.0.5\r\n\r\nOK\r\n')],
    events: [echo('AT+VER'), info('VER', 'V1.0.5'), ok],
  },
  {
    name: 'password AT echoed with its prefix',
    source: '3.1.3',
    steps: [expectCmd('AT+VER'), recv('usr.cnAT+VER\r\n' + queryReply('+VER:V1.0.5'))],
    events: [echo('usr.cnAT+VER'), info('VER', 'V1.0.5'), ok],
  },
  {
    name: 'password AT given with prefix, echoed with prefix',
    source: '3.1.3',
    steps: [expectCmd('usr.cnAT+VER\r'), recv('usr.cnAT+VER\r' + queryReply('+VER:V1.0.5'))],
    events: [echo('usr.cnAT+VER'), info('VER', 'V1.0.5'), ok],
  },
  {
    name: 'password AT given with prefix, echoed without it',
    source: '3.1.3',
    steps: [expectCmd('usr.cnAT+VER'), recv('AT+VER\r\n' + queryReply('+VER:V1.0.5'))],
    events: [echo('AT+VER'), info('VER', 'V1.0.5'), ok],
  },
  {
    name: 'password AT not echoed (as observed), then server data right after the reply',
    source: '3.1.3, module-behaviour.md',
    steps: [expectCmd('usr.cnAT+VER'), recv(queryReply('+VER:V1.0.5') + 'www.usr.cn')],
    events: [info('VER', 'V1.0.5'), ok, unsolicited('www.usr.cn')],
  },
  {
    name: 'lines ended by bare LF',
    source: 'module-behaviour.md terminator (tolerate)',
    steps: [expectCmd('AT+VER'), recv('AT+VER\n\n+VER:V1.0.5\n\nOK\n')],
    events: [echo('AT+VER'), info('VER', 'V1.0.5'), ok],
  },
  {
    name: 'lines ended by bare CR',
    source: 'module-behaviour.md terminator (tolerate)',
    steps: [expectCmd('AT+VER'), recv('\r+VER:V1.0.5\r\rOK\r')],
    events: [info('VER', 'V1.0.5'), ok],
  },
  {
    name: 'lines ended by CR CR LF',
    source: 'module-behaviour.md terminator (tolerate)',
    steps: [expectCmd('AT+VER'), recv('\r\r\n+VER:V1.0.5\r\r\n\r\r\nOK\r\r\n')],
    events: [info('VER', 'V1.0.5'), ok, unsolicited('\r\n')],
  },
  {
    name: 'a line equal to the command after another line is not an echo',
    source: '3.1.6.3',
    steps: [expectCmd('AT+H'), recv('\r\nusage:\r\nAT+H\r\n\r\nOK\r\n')],
    events: [text('usage:'), text('AT+H'), ok],
  },
];

/** Every error variant module-behaviour.md says to tolerate, echo off and on. */
const ERROR_VARIANTS: readonly (readonly [string, string, AtErrorFamily, number | undefined])[] = [
  ['HELLO', '+ERR:1', 'err', 1],
  ['AT+HEARTTP=NET', '+ERR: 2', 'err', 2],
  ['AT+VER=1', 'ERR3', 'err', 3],
  ['AT+CMDPW=www.usr.cn#', 'Err4', 'err', 4],
  ['AT+SOCKA=TCP,test.usr.cn,2317', '+ERR:5', 'err', 5],
  ['AT+SMSEND=8613854123456,hi', 'ERROR', 'error', undefined],
  ['AT+ICCID', '+CME ERROR:58', 'cme', 58],
  ['AT+IMEI', '+CME ERROR: 58', 'cme', 58],
];

function errorTranscripts(): Transcript[] {
  return ERROR_VARIANTS.flatMap(([cmd, line, family, code]) => [
    {
      name: `${cmd} answered ${line}, echo off`,
      source: '3.1.7 table 15, module-behaviour.md errors',
      steps: [expectCmd(cmd), recv(`\r\n${line}\r\n`)],
      events: [err(family, code)],
    },
    {
      name: `${cmd} answered ${line}, echo on`,
      source: '3.1.7 table 15, module-behaviour.md errors',
      steps: [expectCmd(cmd), recv(`${cmd}\r\r\n${line}\r\n`)],
      events: [echo(cmd), err(family, code)],
    },
  ]);
}

const UNSOLICITED: readonly Transcript[] = [
  {
    name: 'heartbeat www.usr.cn while idle is unsolicited',
    source: '2.3.2 (HEARTSND=COM)',
    steps: [idle, recv('www.usr.cn')],
    events: [unsolicited('www.usr.cn')],
  },
  {
    name: 'reply-looking bytes while idle are unsolicited, never info or ok',
    source: '2.3.2, transparent data',
    steps: [idle, recv('\r\n+VER:fake\r\n\r\nOK\r\n\r\n+ERR:1\r\n')],
    events: [unsolicited('\r\n+VER:fake\r\n\r\nOK\r\n\r\n+ERR:1\r\n')],
  },
  {
    name: 'start message while idle',
    source: '3.1.7.9, module-behaviour.md (boot banner)',
    steps: [idle, recv('\r\n[USR-7S4 V2]\r\nwww.usr.cn\r\n')],
    events: [unsolicited('\r\n[USR-7S4 V2]\r\nwww.usr.cn\r\n')],
  },
  {
    name: 'data before a command, heartbeat after its reply in the same chunk',
    source: '3.1.3, 2.3.2',
    steps: [
      idle,
      recv('www.usr.cn'),
      expectCmd('AT+CSQ'),
      recv('AT+CSQ\r\r\n+CSQ: 27,0,99 \r\n\r\nOK\r\nwww.usr.cn'),
    ],
    events: [
      unsolicited('www.usr.cn'),
      echo('AT+CSQ'),
      info('CSQ', '27,0,99 '),
      ok,
      unsolicited('www.usr.cn'),
    ],
  },
  {
    name: 'data after an error reply is unsolicited',
    source: 'module-behaviour.md errors',
    steps: [expectCmd('AT+XYZ'), recv('\r\n+ERR:2\r\n+VER:not a reply\r\n')],
    events: [err('err', 2), unsolicited('+VER:not a reply\r\n')],
  },
];

const ENTRY: readonly Transcript[] = [
  {
    name: '+++ entry: a, then +ok with CR LF',
    source: '3.1.2 figure 27',
    steps: [entry, recv('a'), recv('+ok\r\n')],
    events: [entryA, entryOk],
  },
  {
    name: '+++ entry: a, then +ok without line end',
    source: '3.1.2, module-behaviour.md (tolerate)',
    steps: [entry, recv('a'), recv('+ok')],
    events: [entryA, entryOk],
  },
  {
    name: '+++ entry: upper-case +OK',
    source: '3.1.2 (tolerate)',
    // The module sends `+OK` only after the host's `a`: two bursts.
    steps: [entry, recv('a'), recv('+OK\r\n')],
    events: [entryA, entryOk],
  },
  {
    name: '+++ entry with transparent data before the a and before the +ok',
    source: '3.1.2, 2.3.2',
    steps: [entry, recv('www.usr.cn\r\n'), recv('a'), recv('+x+o+ok\r\n')],
    events: [unsolicited('www.usr.cn\r\n'), entryA, unsolicited('+x+o'), entryOk],
  },
  {
    name: '+++ entry then the first command, echo on',
    source: '3.1.2, 3.1.7.1',
    steps: [entry, recv('a'), recv('+ok'), expectCmd('AT'), recv('\r\nAT\r\r\nOK\r\n')],
    // The CR LF right after `+ok` belongs to it; the reply's own CR LF then leads the echo.
    events: [entryA, entryOk, echo('AT'), ok],
  },
  {
    name: '+++ entry, +ok CR LF, then AT+ENTM',
    source: '3.1.2, 3.1.7.6',
    steps: [
      entry,
      recv('a'),
      recv('+ok\r\n'),
      expectCmd('AT+ENTM'),
      recv('AT+ENTM\r\r\nOK\r\n'),
      recv('data'),
    ],
    events: [entryA, entryOk, echo('AT+ENTM'), ok, unsolicited('data')],
  },
];

export const TRANSCRIPTS: readonly Transcript[] = [
  ...manualTranscripts(),
  ...SPECIAL,
  ...errorTranscripts(),
  ...UNSOLICITED,
  ...ENTRY,
];
