/**
 * AT command lines (manual 3.1.6): building the lines the configurator sends, and interpreting a line the
 * way the module does, with the error codes of table 15. Pure; the terminator is `\r` (3.1.6.2).
 */
import { findCommand } from './catalogue';
import type { CommandEntry, CommandKind, ParamType, Text } from './types';
import { validateValue } from './validate';

export type CommandOp = 'exec' | 'query' | 'range' | 'set';

export type InterpretResult =
  | { ok: true; entry: CommandEntry; op: CommandOp; value?: string }
  | { ok: false; code: 1 | 2 | 3 | 4; message: Text };

/** Which operations each kind of command accepts (3.1.6.2, table 11). */
const OPS: Readonly<Record<CommandKind, readonly CommandOp[]>> = {
  setting: ['query', 'range', 'set'],
  query: ['query'],
  action: ['exec'],
  set: ['range', 'set'],
};

/** Commands the manual itself gets wrong, with the one meant (module-behaviour.md). */
const MANUAL_SLIPS: Readonly<Record<string, string>> = { HEARTTP: 'HEARTSND' };

const commandText = (e: CommandEntry): string => (e.name === '' ? 'AT' : `AT+${e.name}`);

function entryFor(name: string, op: CommandOp): CommandEntry {
  const entry = findCommand(name);
  if (!entry) throw new Error(`Unknown AT command "${name}"`);
  if (!OPS[entry.kind].includes(op)) throw new Error(`${commandText(entry)} has no ${op} form`);
  return entry;
}

/** `AT+WKMOD?\r`. Throws for unknown commands and commands that cannot be queried. */
export function buildQuery(name: string): string {
  return `${commandText(entryFor(name, 'query'))}?\r`;
}

/**
 * `AT+WKMOD=NET\r`. `canonical` is sent as given (a value read from a device is written back even where
 * our limits are stricter); throws for unknown commands, commands that cannot be set, and CR/LF in the value.
 */
export function buildSet(name: string, canonical: string): string {
  if (/[\r\n]/.test(canonical)) {
    throw new Error('A set value must not contain CR or LF: escape them as [0D] [0A]');
  }
  return `${commandText(entryFor(name, 'set'))}=${canonical}\r`;
}

/** `AT+Z\r`; `''` gives `AT\r`. */
export function buildAction(name: string): string {
  return `${commandText(entryFor(name, 'exec'))}\r`;
}

/** `AT+WKMOD=?\r` (type 1 of table 11). */
export function buildRange(name: string): string {
  return `${commandText(entryFor(name, 'range'))}=?\r`;
}

/** Password AT (3.1.3–3.1.5): `usr.cn` + `AT+VER\r` is answered without entering command mode. */
export function withPassword(password: string, line: string): string {
  return password + line;
}

const failure = (code: 1 | 2 | 3 | 4, en: string, zh: string): InterpretResult => ({
  ok: false,
  code,
  message: { en, zh },
});

/**
 * Interprets one received command line without its terminator, as the module does: case-insensitive,
 * spaces tolerated right after `AT+` (the manual's examples carry them). A bare `AT+CMD` queries a
 * setting or runs an action; `AT+CMD=?` asks a setting's or set command's range.
 */
export function interpretCommand(line: string): InterpretResult {
  if (!/^at/i.test(line)) {
    return failure(
      1,
      `Not an AT command: a command starts with "AT" (got "${line}")`,
      `不是 AT 指令：指令须以“AT”开头（收到“${line}”）`,
    );
  }
  const rest = line.slice(2);
  if (!rest.startsWith('+')) {
    if (rest === '') return { ok: true, entry: entryFor('', 'exec'), op: 'exec' };
    if (/^[=?]/.test(rest)) return wrongForm(entryFor('', 'exec'));
    return failure(
      2,
      `Unknown command "${line}": write commands as AT+<name>`,
      `未知指令“${line}”：指令格式为 AT+<名称>`,
    );
  }
  const body = rest.slice(1).replace(/^ +/, '');
  const cut = body.search(/[=?]/);
  const name = cut < 0 ? body : body.slice(0, cut);
  const opText = cut < 0 ? '' : body.slice(cut);
  const entry = name === '' ? undefined : findCommand(name);
  if (!entry) return unknown(name);
  const op = operation(entry.kind, opText);
  if (op === undefined || !OPS[entry.kind].includes(op)) return wrongForm(entry);
  if (op !== 'set') return { ok: true, entry, op };
  const checked = validateValue(entry, opText.slice(1));
  if (!checked.ok) return { ok: false, code: 4, message: checked.error.message };
  return { ok: true, entry, op, value: checked.value };
}

/** The operation an operator text asks for (table 11), or undefined for a malformed one. */
function operation(kind: CommandKind, opText: string): CommandOp | undefined {
  if (opText === '') return kind === 'action' ? 'exec' : 'query';
  if (opText === '?') return 'query';
  if (opText === '=?') return 'range';
  return opText.startsWith('=') ? 'set' : undefined;
}

function unknown(name: string): InterpretResult {
  const upper = name.toUpperCase();
  if (upper === '') return failure(2, 'Missing command name after "AT+"', '“AT+”后缺少指令名称');
  const meant = MANUAL_SLIPS[upper];
  return failure(
    2,
    `Unknown command AT+${upper}` + (meant ? `: the command is AT+${meant}` : ''),
    `未知指令 AT+${upper}` + (meant ? `：应为 AT+${meant}` : ''),
  );
}

function wrongForm(entry: CommandEntry): InterpretResult {
  const cmd = commandText(entry);
  const placeholder = entry.params.map((p) => `<${p.name}>`).join(',');
  const forms = OPS[entry.kind].flatMap((op): string[] => {
    if (op === 'exec') return [cmd];
    if (op === 'query') return [cmd, `${cmd}?`];
    return op === 'range' ? [`${cmd}=?`] : [`${cmd}=${placeholder}`];
  });
  const list = forms.join(' | ');
  return failure(3, `Wrong form for ${cmd}: use ${list}`, `${cmd} 的格式不对：请用 ${list}`);
}

function paramRange(type: ParamType): string {
  switch (type.kind) {
    case 'enum':
      return type.values.join('/');
    case 'int':
      return type.allowed
        ? type.allowed.join('/')
        : [...(type.alsoAllowed ?? []), `${type.min}-${type.max}`].join('/');
    case 'port':
      return '1-65535';
    case 'host':
      return `host(1-${type.maxLength})`;
    case 'hex':
      return `hex(${type.minBytes}-${type.maxBytes})`;
    case 'text': {
      const size = type.minBytes === type.maxBytes ? `${type.minBytes}` : `${type.minBytes}-${type.maxBytes}`;
      const sizes = type.allowEmpty && type.minBytes > 0 ? `0/${size}` : size;
      return `${type.digitsOnly ? 'digits' : 'text'}(${sizes})`;
    }
  }
}

/**
 * The `AT+CMD=?` reply text: parameters separated by `,` as in the set command; within one parameter,
 * choices separated by `/`, ranges as `min-max`, and sizes in bytes as `text(1-10)`, `hex(1-80)`,
 * `digits(20)`, `host(1-64)`. E.g. WKMOD `NET/HTTPD`, UARTFT `50-60000`, SOCKA `TCP/UDP,host(1-64),1-65535`.
 */
export function describeRange(entry: CommandEntry): string {
  return entry.params.map((p) => paramRange(p.type)).join(',');
}
