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

/** Where a command came from; replies go back the same way. */
export type AtChannel = 'serial' | 'password' | 'network' | 'sms';

export interface AtHost {
  readonly flash: Flash;
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

const utf8 = new TextDecoder();

/** The AT+H text: one line per command of table 14. */
export function helpText(): string {
  const lines = CATALOGUE.filter((e) => !e.aliasOf).map((e) => {
    const cmd = e.name === '' ? 'AT' : `AT+${e.name}`;
    return `${cmd.padEnd(14)}${e.label.en}`;
  });
  return lines.join('\r\n');
}

export function executeAt(
  line: string,
  host: AtHost,
  channel: AtChannel,
  reply: (text: string) => void,
): void {
  const r = interpretCommand(line);
  if (!r.ok) {
    reply(formatErrorReply(r.code));
    return;
  }
  const { entry, op } = r;
  const name = entry.name;
  if (op === 'range') {
    reply(infoReply(name, describeRange(entry)));
    return;
  }
  switch (entry.kind) {
    case 'action':
      runAction(entry, host, channel, reply);
      return;
    case 'query':
      reply(infoReply(name, queryValue(name, host)));
      return;
    case 'setting':
      if (op === 'query') {
        reply(infoReply(name, host.flash.stored[name] ?? entry.default ?? ''));
        return;
      }
      host.flash.stored[name] = r.value ?? '';
      if (name === 'E') host.setEcho(r.value === 'ON');
      reply(OK);
      return;
    case 'set':
      runSet(entry, r.value ?? '', host, reply);
      return;
  }
}

function runAction(entry: CommandEntry, host: AtHost, channel: AtChannel, reply: (t: string) => void): void {
  switch (entry.name) {
    case '':
      reply(OK);
      return;
    case 'H':
      reply(`\r\n${helpText()}\r\n${OK}`);
      return;
    case 'Z':
      reply(OK);
      host.restart('app');
      return;
    case 'REBOOT':
      reply(OK);
      host.restart('reboot');
      return;
    case 'ENTM':
      reply(OK);
      if (channel === 'serial') host.leaveCommandMode();
      return;
    case 'CFGTF':
      host.flash.saveUser();
      reply(OK);
      return;
    case 'RELD':
      host.flash.restoreUser();
      host.restored('user');
      reply(OK);
      host.restart('reboot');
      return;
    case 'CLEAR':
      host.flash.restoreFactory();
      host.restored('factory');
      reply(OK);
      host.restart('reboot');
      return;
    default:
      reply(formatErrorReply(2));
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

function runSet(entry: CommandEntry, value: string, host: AtHost, reply: (t: string) => void): void {
  const stored = host.flash.stored;
  switch (entry.name) {
    case 'CLOUDEN':
      // 2.3.3 alias: the cloud switch is REGEN with REGTP=CLOUD (module-behaviour.md).
      if (value === 'ON') {
        stored['REGEN'] = 'ON';
        stored['REGTP'] = 'CLOUD';
      } else if (stored['REGTP'] === 'CLOUD') stored['REGEN'] = 'OFF';
      reply(OK);
      return;
    case 'CLOUDID': {
      const { password } = splitCloud(stored['CLOUD'] ?? ',');
      stored['CLOUD'] = `${value},${password}`;
      reply(OK);
      return;
    }
    case 'CLOUDPA': {
      const { id } = splitCloud(stored['CLOUD'] ?? ',');
      stored['CLOUD'] = `${id},${value}`;
      reply(OK);
      return;
    }
    case 'SMSEND':
    case 'CISMSSEND': {
      const comma = value.indexOf(',');
      const number = value.slice(0, comma);
      const text = utf8.decode(unescapeBytes(value.slice(comma + 1)));
      host.sendSms(number, text);
      reply(OK);
      return;
    }
    case 'UPDATE':
      host.update(value, reply, reply);
      return;
    default:
      reply(formatErrorReply(2));
  }
}
