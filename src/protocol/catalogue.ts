/**
 * The command catalogue: every AT command of manual table 14 (3.1.7), plus AT+UPDATE (2.3.9.1) and the
 * 2.3.3 cloud aliases, in table order. The data lives in one file per group under `catalogue/`.
 * Decisions the manual leaves open are in docs/catalogue-decisions.md.
 */
import { HEARTBEAT } from './catalogue/heartbeat';
import { HTTPD } from './catalogue/httpd';
import { MANAGEMENT } from './catalogue/management';
import { MESSAGING } from './catalogue/messaging';
import { REGISTRATION } from './catalogue/registration';
import { SERIAL } from './catalogue/serial';
import { SOCKETS } from './catalogue/socket';
import type { CommandEntry } from './types';

export const CATALOGUE: readonly CommandEntry[] = Object.freeze([
  ...MANAGEMENT,
  ...SERIAL,
  ...SOCKETS,
  ...REGISTRATION,
  ...HEARTBEAT,
  ...HTTPD,
  ...MESSAGING,
]);

const BY_NAME: ReadonlyMap<string, CommandEntry> = new Map(CATALOGUE.map((e) => [e.name, e]));

/** Case-insensitive; `''` is the bare `AT` test command. */
export function findCommand(name: string): CommandEntry | undefined {
  return BY_NAME.get(name.toUpperCase());
}

const SETTINGS = CATALOGUE.filter((e) => e.kind === 'setting');

/**
 * Settings in editor order: the manual's groups in table order, except that the per-socket settings are
 * gathered socket by socket (A's address, enable, type, timeouts, then B's, …), before SOCKIND and SDPEN.
 */
export const SETTING_NAMES: readonly string[] = Object.freeze(editorOrder(SETTINGS).map((e) => e.name));

function editorOrder(settings: readonly CommandEntry[]): CommandEntry[] {
  const first = settings.findIndex((e) => e.socket);
  const others = settings.filter((e) => !e.socket);
  const bySocket = (['A', 'B', 'C', 'D'] as const).flatMap((s) => settings.filter((e) => e.socket === s));
  return [...others.slice(0, first), ...bySocket, ...others.slice(first)];
}

const DEFAULTS: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(SETTINGS.map((e) => [e.name, e.default ?? ''])),
);

/** Every setting's factory default, canonical (the parameter text of its set command). */
export function factoryDefaults(): Readonly<Record<string, string>> {
  return DEFAULTS;
}
