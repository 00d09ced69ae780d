/**
 * Executes one AT command line (manual 3.1.6–3.1.7) against the module: the same for command mode, password
 * AT on serial, network AT on a socket and SMS AT (3.1.3–3.1.5). Pure dispatch: the firmware supplies
 * state and side effects through `AtHost`.
 */
import { formatErrorReply } from '../../protocol/at-error';
import { CATALOGUE } from '../../protocol/catalogue';
import { describeRange, interpretCommand } from '../../protocol/command';
import { unescapeBytes } from '../../protocol/escape';
import type { CommandEntry } from '../../protocol/types';
import type { LinkState, ModuleIdentity, RadioState, SocketId } from './control';
import { splitCloud } from './config';
import type { Flash } from './flash';
import { MANUAL_FIRMWARE, type FirmwareVariant } from './variants';

/** Where a command came from; replies go back the same way. */
export type AtChannel = 'serial' | 'password' | 'network' | 'sms';

export interface AtHost {
  readonly flash: Flash;
  /** How answers are written (firmware variant); the manual's format when absent. */
  readonly replies?: ReplyFormat;
  readonly identity: ModuleIdentity;
  /** AT+E is the one setting that takes effect at once. */
  setEcho(on: boolean): void;
  linkState(socket: SocketId): LinkState;
  readonly radio: RadioState;
  readonly attached: boolean;
  /** Runs after the reply has been sent. */
  restart(kind: 'app' | 'reboot'): void;
  /** AT+ENTM: back to the working mode (command mode only). */
  leaveCommandMode(): void;
  sendSms(number: string, text: string): void;
  /** AT+UPDATE: answers through `reply` when done (possibly much later). */
  update(key: string, reply: (text: string) => void, progress: (text: string) => void): void;
  /** CSQ and SYSINFO values. */
  csq(): string;
  sysinfo(): string;
  /** Settings were restored (event). */
  restored(source: 'factory' | 'user'): void;
}

export const OK = '\r\nOK\r\n';

export function infoReply(name: string, value: string): string {
  return `\r\n+${name}:${value}\r\n${OK}`;
}

/** How the firmware writes its answers (variants.ts: plusOk, queriesWithoutOk, blankAfterColon). */
export interface ReplyFormat {
  /** Success of a set or an action: `\r\nOK\r\n`, or `\r\n+OK\r\n` (plusOk). */
  readonly ok: string;
  /** One information line: `\r\n+NAME:value\r\n` (`+NAME: value` with blankAfterColon). */
  line(name: string, value: string): string;
  /** The answer to a query or `=?`: the line, then OK (no OK with queriesWithoutOk). */
  info(name: string, value: string): string;
  /** An error: `\r\n+ERR:n\r\n`, or `\r\n+ERR=-n\r\n` (plusOk). */
  error(code: number): string;
}

/** The reply format of a firmware variant. */
export function replyFormat(variant: FirmwareVariant): ReplyFormat {
  const ok = variant.plusOk ? '\r\n+OK\r\n' : OK;
  const colon = variant.blankAfterColon ? ': ' : ':';
  const line = (name: string, value: string): string => `\r\n+${name}${colon}${value}\r\n`;
  return {
    ok,
    line,
    info: (name, value) => (variant.queriesWithoutOk ? line(name, value) : line(name, value) + ok),
    error: (code) => (variant.plusOk ? `\r\n+ERR=-${code}\r\n` : formatErrorReply(code)),
  };
}

/** The manual's format: `\r\nOK\r\n`, `\r\n+NAME:value\r\n\r\nOK\r\n`, `\r\n+ERR:n\r\n`. */
export const MANUAL_REPLIES: ReplyFormat = replyFormat(MANUAL_FIRMWARE);

const utf8 = new TextDecoder();

/** The AT+H text: one line per command of table 14. */
export function helpText(): string {
  const lines = CATALOGUE.filter((e) => !e.aliasOf).map((e) => {
    const cmd = e.name === '' ? 'AT' : `AT+${e.name}`;
    return `${cmd.padEnd(14)}${e.label.en}`;
  });
  return lines.join('\r\n');
}

/**
 * How long a command keeps the firmware busy (variants.ts `processing`): `fast` — queries, `=?`, actions
 * and errors; `set` — a plain set (a flash write); `slow-set` — a set that reconfigures a link or the UART;
 * `own-timing` — AT+Z, AT+REBOOT, AT+RELD, AT+CLEAR, AT+UPDATE, which already take their own time.
 */
export type CommandClass = 'fast' | 'set' | 'slow-set' | 'own-timing';

/** Sets that take the longest: socket parameters, APN, UART (docs/simulator.md, "Firmware variants"). */
export const SLOW_SET_COMMANDS = /^(SOCK[A-D](EN|SL|TO)?|SHOR[A-D]TO|APN|UART)$/;

const OWN_TIMING = new Set(['Z', 'REBOOT', 'RELD', 'CLEAR', 'UPDATE']);

export function classifyCommand(line: string): CommandClass {
  const r = interpretCommand(line);
  if (!r.ok) return 'fast';
  const name = r.entry.name;
  if (OWN_TIMING.has(name) && (r.op === 'exec' || r.op === 'set')) return 'own-timing';
  if (r.op === 'set') return SLOW_SET_COMMANDS.test(name) ? 'slow-set' : 'set';
  if (name === 'CFGTF') return 'set';
  return 'fast';
}

export function executeAt(
  line: string,
  host: AtHost,
  channel: AtChannel,
  reply: (text: string) => void,
): void {
  const f = host.replies ?? MANUAL_REPLIES;
  const r = interpretCommand(line);
  if (!r.ok) {
    reply(f.error(r.code));
    return;
  }
  const { entry, op } = r;
  const name = entry.name;
  if (op === 'range') {
    reply(f.info(name, describeRange(entry)));
    return;
  }
  switch (entry.kind) {
    case 'action':
      runAction(entry, host, channel, reply, f);
      return;
    case 'query':
      reply(f.info(name, queryValue(name, host)));
      return;
    case 'setting':
      if (op === 'query') {
        reply(f.info(name, host.flash.stored[name] ?? entry.default ?? ''));
        return;
      }
      host.flash.stored[name] = r.value ?? '';
      if (name === 'E') host.setEcho(r.value === 'ON');
      reply(f.ok);
      return;
    case 'set':
      runSet(entry, r.value ?? '', host, reply, f);
      return;
  }
}

function runAction(
  entry: CommandEntry,
  host: AtHost,
  channel: AtChannel,
  reply: (t: string) => void,
  f: ReplyFormat,
): void {
  switch (entry.name) {
    case '':
      reply(f.ok);
      return;
    case 'H':
      reply(`\r\n${helpText()}\r\n${f.ok}`);
      return;
    case 'Z':
      reply(f.ok);
      host.restart('app');
      return;
    case 'REBOOT':
      reply(f.ok);
      host.restart('reboot');
      return;
    case 'ENTM':
      reply(f.ok);
      if (channel === 'serial') host.leaveCommandMode();
      return;
    case 'CFGTF':
      host.flash.saveUser();
      reply(f.ok);
      return;
    case 'RELD':
      host.flash.restoreUser();
      host.restored('user');
      reply(f.ok);
      host.restart('reboot');
      return;
    case 'CLEAR':
      host.flash.restoreFactory();
      host.restored('factory');
      reply(f.ok);
      host.restart('reboot');
      return;
    default:
      reply(f.error(2));
  }
}

function queryValue(name: string, host: AtHost): string {
  const id = host.identity;
  switch (name) {
    case 'VER':
      return id.version;
    case 'SN':
      return id.sn;
    case 'ICCID':
      return id.iccid;
    case 'IMEI':
      return id.imei;
    case 'CSQ':
      return host.csq();
    case 'SYSINFO':
      return host.sysinfo();
    default: {
      const m = /^SOCK([A-D])LK$/.exec(name);
      if (m) return host.linkState(m[1] as SocketId) === 'connected' ? 'ON' : 'OFF';
      return '';
    }
  }
}

function runSet(
  entry: CommandEntry,
  value: string,
  host: AtHost,
  reply: (t: string) => void,
  f: ReplyFormat,
): void {
  const stored = host.flash.stored;
  switch (entry.name) {
    case 'CLOUDEN':
      // 2.3.3 alias: the cloud switch is REGEN with REGTP=CLOUD (module-behaviour.md).
      if (value === 'ON') {
        stored['REGEN'] = 'ON';
        stored['REGTP'] = 'CLOUD';
      } else if (stored['REGTP'] === 'CLOUD') stored['REGEN'] = 'OFF';
      reply(f.ok);
      return;
    case 'CLOUDID': {
      const { password } = splitCloud(stored['CLOUD'] ?? ',');
      stored['CLOUD'] = `${value},${password}`;
      reply(f.ok);
      return;
    }
    case 'CLOUDPA': {
      const { id } = splitCloud(stored['CLOUD'] ?? ',');
      stored['CLOUD'] = `${id},${value}`;
      reply(f.ok);
      return;
    }
    case 'SMSEND':
    case 'CISMSSEND': {
      const comma = value.indexOf(',');
      const number = value.slice(0, comma);
      const text = utf8.decode(unescapeBytes(value.slice(comma + 1)));
      host.sendSms(number, text);
      reply(f.ok);
      return;
    }
    case 'UPDATE':
      host.update(value, reply, reply);
      return;
    default:
      reply(f.error(2));
  }
}
