/**
 * Small builders for catalogue entries, so each group file reads like the manual's table: one call per
 * command, with only what differs. `secret` is derived from the parameters, `needsRestart` from the kind.
 */
import type { CommandEntry, CommandGroup, Param, ParamType, Text } from '../types';

export const t = (en: string, zh: string): Text => ({ en, zh });

export const ON_OFF: ParamType = { kind: 'enum', values: ['ON', 'OFF'] };
export const PORT: ParamType = { kind: 'port' };
/** Server address: domain name or IPv4 (docs/catalogue-decisions.md: 64 characters). */
export const HOST: ParamType = { kind: 'host', maxLength: 64 };

export function seconds(min: number, max: number): ParamType {
  return { kind: 'int', min, max, unit: 's' };
}

export function param(name: string, type: ParamType, label: Text, help?: Text, secret?: boolean): Param {
  return { name, type, label, ...(help ? { help } : {}), ...(secret ? { secret } : {}) };
}

/** The ON/OFF switch most settings are made of. */
export function onOff(label: Text, help?: Text): Param {
  return param('status', ON_OFF, label, help);
}

interface Base {
  readonly name: string;
  readonly group: CommandGroup;
  readonly section: string;
  readonly label: Text;
  readonly help: Text;
  readonly socket?: 'A' | 'B' | 'C' | 'D';
}

function finish(base: Base, rest: Omit<CommandEntry, keyof Base | 'secret'>): CommandEntry {
  return { ...base, ...rest, secret: rest.params.some((p) => p.secret === true) };
}

/**
 * A stored setting. `guessed` marks a factory default the manual does not give (module-behaviour.md).
 * Every setting but E needs a restart to take effect.
 */
export function setting(
  base: Base & { readonly params: readonly Param[]; readonly default: string; readonly guessed?: boolean },
): CommandEntry {
  const { params, default: value, guessed, ...rest } = base;
  return finish(rest, {
    kind: 'setting',
    params,
    default: value,
    ...(guessed ? { defaultGuessed: true } : {}),
    needsRestart: rest.name !== 'E',
  });
}

/** Read-only information; the reply is described in `help`, decoded elsewhere. */
export function query(base: Base): CommandEntry {
  return finish(base, { kind: 'query', params: [], needsRestart: false });
}

/** Runs something; no parameters. */
export function action(base: Base): CommandEntry {
  return finish(base, { kind: 'action', params: [], needsRestart: false });
}

/** Write-only command with parameters (SMS, upgrade, the 2.3.3 cloud aliases). */
export function writeOnly(
  base: Base & {
    readonly params: readonly Param[];
    readonly aliasOf?: string;
    readonly needsRestart: boolean;
  },
): CommandEntry {
  const { params, aliasOf, needsRestart, ...rest } = base;
  return finish(rest, { kind: 'set', params, needsRestart, ...(aliasOf ? { aliasOf } : {}) });
}
