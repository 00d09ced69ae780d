/**
 * One setting of a profile checked against the catalogue: the name must be a stored setting (not a query,
 * an action or a write-only command), and the value must pass the same validation a form uses. Files,
 * AT scripts and links all come through here, so they accept and refuse exactly the same things.
 */
import { SETTING_NAMES, findCommand } from '../protocol/catalogue';
import { validateValue } from '../protocol/validate';
import { problem, type ProfileProblem } from './profile';

export type SettingCheck =
  | { readonly ok: true; readonly name: string; readonly value: string }
  | { readonly ok: false; readonly problem: ProfileProblem };

/** Keys that mean something to JavaScript objects; refused by name so no reader ever treats them as data. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const fail = (path: string, en: string, zh: string): SettingCheck => ({
  ok: false,
  problem: problem(path, en, zh),
});

/** Checks the setting name alone; returns the canonical (upper-case) name. */
export function checkSettingName(path: string, key: string): SettingCheck {
  if (RESERVED_KEYS.has(key)) {
    return fail(path, `"${key}" is not allowed as a setting name`, `“${key}”不能用作参数名`);
  }
  const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
  if (!/^[A-Za-z][A-Za-z0-9]{0,15}$/.test(key)) {
    return fail(path, `"${shown}" is not a command name of this module`, `“${shown}”不是本模块的指令名`);
  }
  const entry = findCommand(key);
  if (!entry)
    return fail(
      path,
      `AT+${key.toUpperCase()} is not a command of this module`,
      `本模块没有 AT+${key.toUpperCase()} 指令`,
    );
  const cmd = `AT+${entry.name}`;
  if (entry.aliasOf) {
    return fail(
      path,
      `${cmd} is an old alias: profiles store AT+${entry.aliasOf}`,
      `${cmd} 是旧指令别名：配置档案中应使用 AT+${entry.aliasOf}`,
    );
  }
  switch (entry.kind) {
    case 'setting':
      return { ok: true, name: entry.name, value: '' };
    case 'query':
      return fail(
        path,
        `${cmd} is read-only information, not a setting`,
        `${cmd} 是只读信息，不是可设置的参数`,
      );
    case 'action':
      return fail(path, `${cmd} runs an action; it is not a setting`, `${cmd} 是执行动作的指令，不是参数`);
    case 'set':
      return fail(
        path,
        `${cmd} sends or starts something; it cannot be part of a profile`,
        `${cmd} 用于发送或启动操作，不能放入配置档案`,
      );
  }
}

/** Checks name and value; the value must be text and valid, and comes back canonical. */
export function checkSetting(path: string, key: string, value: unknown): SettingCheck {
  const named = checkSettingName(path, key);
  if (!named.ok) return named;
  const entry = findCommand(named.name);
  if (!entry) return named;
  if (typeof value !== 'string') {
    const got = value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
    return fail(
      path,
      `The value of AT+${entry.name} must be text (got ${got})`,
      `AT+${entry.name} 的值必须是文本（实际为 ${got}）`,
    );
  }
  const checked = validateValue(entry, value);
  if (!checked.ok) {
    const m = checked.error.message;
    return fail(path, `AT+${entry.name}: ${m.en}`, `AT+${entry.name}：${m.zh}`);
  }
  return { ok: true, name: entry.name, value: checked.value };
}

const ORDER: ReadonlyMap<string, number> = new Map(SETTING_NAMES.map((n, i) => [n, i]));

/** A values object in catalogue editor order, so equal profiles serialise identically. */
export function orderedValues(
  values: ReadonlyMap<string, string> | Readonly<Record<string, string>>,
): Record<string, string> {
  const entries = values instanceof Map ? [...values.entries()] : Object.entries(values);
  entries.sort(([a], [b]) => (ORDER.get(a) ?? 1e9) - (ORDER.get(b) ?? 1e9));
  return Object.fromEntries(entries);
}
