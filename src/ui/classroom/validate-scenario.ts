/**
 * The gate for scenario files (built in or imported by a trainer): strict — an unknown key, a wrong type,
 * an unknown check kind, a setting or value the command catalogue refuses, a firmware name the simulator
 * does not know are each an error naming where (a JSON path such as `check.of[1].max`) and what, in English
 * and Chinese. A file with any error is refused whole; nothing of it is used.
 */
import { findCommand } from '../../protocol/catalogue';
import type { CommandEntry, Text } from '../../protocol/types';
import { validateParam, validateValue } from '../../protocol/validate';
import { SOCKET_IDS } from '../../simulator/core/control';
import { normaliseFirmwareSelection } from '../../simulator/core/variants';
import { SCENARIO_FORMAT, SCENARIO_VERSION, type CheckKind, type Scenario } from './scenario';

export interface ScenarioError {
  /** Where in the file, as a JSON path (`start.settings.HEARTTM`); `` for the file itself. */
  readonly path: string;
  readonly message: Text;
}

export type ScenarioCheck =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly errors: readonly ScenarioError[] };

/** The longest scenario file read at all (a scenario is a few kB). */
export const MAX_SCENARIO_BYTES = 64 * 1024;
const MAX_TEXT = 4000;
const MAX_HINTS = 10;
const MAX_DEPTH = 8;

const MODES = ['off', 'booting', 'restarting', 'net', 'httpd', 'entering', 'command'] as const;
const LINK_STATES = ['disabled', 'no-network', 'idle', 'connecting', 'connected', 'waiting'] as const;
const TAGS = ['data', 'registration', 'heartbeat', 'at-reply'] as const;
const NETWORKS = ['none', '2G', '3G', '4G'] as const;
const BEHAVIOURS = ['echo', 'silent', 'refuse'] as const;
const LINK_REASONS = ['refused', 'dns', 'dropped', 'idle', 'restart', 'no-network'] as const;
export const CHECK_KINDS: readonly CheckKind[] = [
  'all',
  'any',
  'not',
  'setting',
  'mode',
  'mode-reached',
  'link',
  'packets',
  'link-events',
  'serial-out',
  'radio',
];

type Obj = Record<string, unknown>;
const isObject = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const t = (en: string, zh: string): Text => ({ en, zh });

/** Collects errors while walking a file. */
class Walk {
  readonly errors: ScenarioError[] = [];

  fail(path: string, message: Text): void {
    if (this.errors.length < 50) this.errors.push({ path, message });
  }

  /** Only `allowed` keys; `required` ones present. False when something is wrong. */
  keys(x: Obj, path: string, allowed: readonly string[], required: readonly string[]): boolean {
    let ok = true;
    for (const k of Object.keys(x)) {
      if (!allowed.includes(k)) {
        this.fail(
          join(path, k),
          t(
            `Unknown key "${k}" (allowed: ${allowed.join(', ')})`,
            `未知的键“${k}”（可用：${allowed.join('、')}）`,
          ),
        );
        ok = false;
      }
    }
    for (const k of required) {
      if (!(k in x)) {
        this.fail(join(path, k), t(`"${k}" is missing`, `缺少“${k}”`));
        ok = false;
      }
    }
    return ok;
  }

  object(x: unknown, path: string): x is Obj {
    if (isObject(x)) return true;
    this.fail(path, t('Expected an object { … }', '应为对象 { … }'));
    return false;
  }

  text(x: unknown, path: string): x is Text {
    if (!this.object(x, path)) return false;
    if (!this.keys(x, path, ['en', 'zh'], ['en', 'zh'])) return false;
    let ok = true;
    for (const lang of ['en', 'zh'] as const) {
      const v = x[lang];
      if (typeof v !== 'string' || v.trim() === '' || v.length > MAX_TEXT) {
        this.fail(
          join(path, lang),
          t(`Expected text of 1–${MAX_TEXT} characters`, `应为 1~${MAX_TEXT} 个字符的文本`),
        );
        ok = false;
      }
    }
    return ok;
  }

  oneOf<T extends string>(x: unknown, path: string, values: readonly T[]): x is T {
    if (typeof x === 'string' && (values as readonly string[]).includes(x)) return true;
    this.fail(path, t(`Expected one of: ${values.join(', ')}`, `应为以下之一：${values.join('、')}`));
    return false;
  }

  count(x: unknown, path: string, min = 0, max = 1_000_000): x is number {
    if (typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max) return true;
    this.fail(path, t(`Expected a whole number ${min}–${max}`, `应为 ${min}~${max} 的整数`));
    return false;
  }

  string(x: unknown, path: string, maxLength = 200): x is string {
    if (typeof x === 'string' && x.length > 0 && x.length <= maxLength) return true;
    this.fail(path, t(`Expected text of 1–${maxLength} characters`, `应为 1~${maxLength} 个字符的文本`));
    return false;
  }
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

/** A catalogue setting by its exact name (upper case as in the manual), or an error. */
function settingEntry(w: Walk, name: unknown, path: string): CommandEntry | undefined {
  if (typeof name !== 'string') {
    w.fail(path, t('Expected a setting name such as "HEARTTM"', '应为参数名，例如“HEARTTM”'));
    return undefined;
  }
  const entry = findCommand(name);
  if (entry?.kind !== 'setting' || entry.name !== name) {
    w.fail(
      path,
      t(
        `"${name}" is not a setting of the USR-LTE-7S4 (names as in the manual, upper case)`,
        `“${name}”不是 USR-LTE-7S4 的参数（参数名与手册一致，大写）`,
      ),
    );
    return undefined;
  }
  return entry;
}

function checkStart(w: Walk, x: unknown, path: string): void {
  if (!w.object(x, path)) return;
  w.keys(x, path, ['settings', 'firmware', 'radio', 'behaviours', 'serverTiming', 'unknownHosts'], []);
  const settings = x['settings'];
  if (settings !== undefined && w.object(settings, join(path, 'settings'))) {
    for (const [name, value] of Object.entries(settings)) {
      const at = join(join(path, 'settings'), name);
      const entry = settingEntry(w, name, at);
      if (!entry) continue;
      if (typeof value !== 'string') {
        w.fail(
          at,
          t(
            'The value must be text, as after "=" in the set command',
            '值须为文本，与设置指令“=”之后的内容相同',
          ),
        );
        continue;
      }
      const r = validateValue(entry, value);
      if (!r.ok) w.fail(at, r.error.message);
    }
  }
  const firmware = x['firmware'];
  if (firmware !== undefined) {
    const at = join(path, 'firmware');
    if (!Array.isArray(firmware) || !firmware.every((f) => typeof f === 'string')) {
      w.fail(at, t('Expected a list of firmware variant names', '应为固件变体名称的列表'));
    } else {
      try {
        normaliseFirmwareSelection(firmware as string[]);
      } catch (e) {
        const detail = e instanceof Error ? e.message : String(e);
        w.fail(at, t(detail, `未知的固件变体。${detail}`));
      }
    }
  }
  const radio = x['radio'];
  if (radio !== undefined && w.object(radio, join(path, 'radio'))) {
    const at = join(path, 'radio');
    if (w.keys(radio, at, ['network', 'rssi'], ['network', 'rssi'])) {
      w.oneOf(radio['network'], join(at, 'network'), NETWORKS);
      const rssi = radio['rssi'];
      if (typeof rssi !== 'number' || !Number.isInteger(rssi) || rssi < -120 || rssi > -40) {
        w.fail(join(at, 'rssi'), t('Expected the signal in dBm, −120 to −40', '应为信号强度 dBm，−120~−40'));
      }
    }
  }
  const perSocket = (key: string, each: (v: unknown, at: string) => void): void => {
    const v = x[key];
    if (v === undefined || !w.object(v, join(path, key))) return;
    w.keys(v, join(path, key), SOCKET_IDS, []);
    for (const s of SOCKET_IDS) if (s in v) each(v[s], join(join(path, key), s));
  };
  perSocket('behaviours', (v, at) => w.oneOf(v, at, BEHAVIOURS));
  perSocket('serverTiming', (v, at) => {
    if (!w.object(v, at) || !w.keys(v, at, ['idleCloseSeconds', 'echoDelayMs'], [])) return;
    if ('idleCloseSeconds' in v) w.count(v['idleCloseSeconds'], join(at, 'idleCloseSeconds'), 0, 86_400);
    if ('echoDelayMs' in v) w.count(v['echoDelayMs'], join(at, 'echoDelayMs'), 0, 600_000);
  });
  const hosts = x['unknownHosts'];
  if (hosts !== undefined) {
    const at = join(path, 'unknownHosts');
    if (!Array.isArray(hosts)) w.fail(at, t('Expected a list of host names', '应为主机名列表'));
    else hosts.forEach((h, i) => w.string(h, join(at, i), 253));
  }
}

/** Keys each check kind takes besides `kind`. */
const CHECK_KEYS: Readonly<
  Record<CheckKind, { readonly allowed: readonly string[]; readonly required: readonly string[] }>
> = {
  all: { allowed: ['of'], required: ['of'] },
  any: { allowed: ['of'], required: ['of'] },
  not: { allowed: ['check'], required: ['check'] },
  setting: { allowed: ['name', 'param', 'source', 'equals', 'notEquals', 'min', 'max'], required: ['name'] },
  mode: { allowed: ['is'], required: ['is'] },
  'mode-reached': { allowed: ['mode'], required: ['mode'] },
  link: { allowed: ['socket', 'state', 'forSeconds'], required: ['socket', 'state'] },
  packets: {
    allowed: ['socket', 'direction', 'tag', 'contains', 'min', 'max'],
    required: ['socket', 'direction'],
  },
  'link-events': { allowed: ['socket', 'state', 'reason', 'min', 'max'], required: ['socket'] },
  'serial-out': { allowed: ['contains', 'inMode'], required: ['contains'] },
  radio: { allowed: ['attached', 'network'], required: [] },
};

function checkRange(w: Walk, x: Obj, path: string): void {
  if ('min' in x) w.count(x['min'], join(path, 'min'));
  if ('max' in x) w.count(x['max'], join(path, 'max'));
  if (typeof x['min'] === 'number' && typeof x['max'] === 'number' && x['min'] > x['max']) {
    w.fail(join(path, 'max'), t('"max" is below "min": nothing could pass', '“max”小于“min”：永远无法满足'));
  }
}

function checkSettingCheck(w: Walk, x: Obj, path: string): void {
  const entry = settingEntry(w, x['name'], join(path, 'name'));
  if ('source' in x) w.oneOf(x['source'], join(path, 'source'), ['running', 'stored'] as const);
  if (!entry) return;
  let index = -1;
  if ('param' in x) {
    index = entry.params.findIndex((p) => p.name === x['param']);
    if (index < 0) {
      const names = entry.params.map((p) => p.name).join(', ');
      w.fail(
        join(path, 'param'),
        t(
          `${entry.name} has no parameter "${String(x['param'])}" (it has: ${names})`,
          `${entry.name} 没有参数“${String(x['param'])}”（有：${names}）`,
        ),
      );
      return;
    }
  }
  for (const key of ['equals', 'notEquals'] as const) {
    if (!(key in x)) continue;
    const v = x[key];
    if (typeof v !== 'string') {
      w.fail(join(path, key), t('Expected the value as text', '值应为文本'));
      continue;
    }
    const r = index >= 0 ? validateParam(entry, index, v) : validateValue(entry, v);
    if (!r.ok) w.fail(join(path, key), r.error.message);
  }
  if ('min' in x || 'max' in x) {
    const param = index >= 0 ? entry.params[index] : entry.params.length === 1 ? entry.params[0] : undefined;
    const numeric = param && (param.type.kind === 'int' || param.type.kind === 'port');
    if (!numeric) {
      w.fail(
        path,
        t(
          `"min" / "max" need a whole-number value: ${entry.name}${index >= 0 ? '' : ' (name the parameter with "param")'} is not one`,
          `“min”/“max”只用于整数值：${entry.name}${index >= 0 ? '' : '（请用“param”指定参数）'}不是整数`,
        ),
      );
    }
    for (const key of ['min', 'max'] as const) {
      if (key in x && (typeof x[key] !== 'number' || !Number.isFinite(x[key]))) {
        w.fail(join(path, key), t('Expected a number', '应为数字'));
      }
    }
  }
  if (!['equals', 'notEquals', 'min', 'max'].some((k) => k in x)) {
    w.fail(
      path,
      t(
        'A setting check needs "equals", "notEquals", "min" or "max"',
        '参数检查需要“equals”“notEquals”“min”或“max”之一',
      ),
    );
  }
}

function checkCheck(w: Walk, x: unknown, path: string, depth: number): void {
  if (!w.object(x, path)) return;
  if (depth > MAX_DEPTH) {
    w.fail(path, t(`Checks nest at most ${MAX_DEPTH} deep`, `检查最多嵌套 ${MAX_DEPTH} 层`));
    return;
  }
  const kind = x['kind'];
  if (!(CHECK_KINDS as readonly unknown[]).includes(kind)) {
    w.fail(
      join(path, 'kind'),
      t(
        `Unknown check kind ${JSON.stringify(kind) ?? 'undefined'} (known: ${CHECK_KINDS.join(', ')})`,
        `未知的检查类型 ${JSON.stringify(kind) ?? 'undefined'}（可用：${CHECK_KINDS.join('、')}）`,
      ),
    );
    return;
  }
  const k = kind as CheckKind;
  const spec = CHECK_KEYS[k];
  if (!w.keys(x, path, ['kind', ...spec.allowed], spec.required)) return;
  switch (k) {
    case 'all':
    case 'any': {
      const of = x['of'];
      if (!Array.isArray(of) || of.length === 0) {
        w.fail(join(path, 'of'), t('Expected a non-empty list of checks', '应为非空的检查列表'));
        return;
      }
      of.forEach((c, i) => checkCheck(w, c, join(join(path, 'of'), i), depth + 1));
      return;
    }
    case 'not':
      checkCheck(w, x['check'], join(path, 'check'), depth + 1);
      return;
    case 'setting':
      checkSettingCheck(w, x, path);
      return;
    case 'mode':
      w.oneOf(x['is'], join(path, 'is'), MODES);
      return;
    case 'mode-reached':
      w.oneOf(x['mode'], join(path, 'mode'), MODES);
      return;
    case 'link':
      w.oneOf(x['socket'], join(path, 'socket'), SOCKET_IDS);
      w.oneOf(x['state'], join(path, 'state'), LINK_STATES);
      if ('forSeconds' in x) w.count(x['forSeconds'], join(path, 'forSeconds'), 0, 3600);
      return;
    case 'packets':
      w.oneOf(x['socket'], join(path, 'socket'), SOCKET_IDS);
      w.oneOf(x['direction'], join(path, 'direction'), ['to-server', 'from-server'] as const);
      if ('tag' in x) w.oneOf(x['tag'], join(path, 'tag'), TAGS);
      if ('contains' in x) w.string(x['contains'], join(path, 'contains'));
      checkRange(w, x, path);
      return;
    case 'link-events':
      w.oneOf(x['socket'], join(path, 'socket'), SOCKET_IDS);
      if ('state' in x) w.oneOf(x['state'], join(path, 'state'), LINK_STATES);
      if ('reason' in x) w.oneOf(x['reason'], join(path, 'reason'), LINK_REASONS);
      checkRange(w, x, path);
      return;
    case 'serial-out':
      w.string(x['contains'], join(path, 'contains'));
      if ('inMode' in x) w.oneOf(x['inMode'], join(path, 'inMode'), MODES);
      return;
    case 'radio':
      if ('attached' in x && typeof x['attached'] !== 'boolean') {
        w.fail(join(path, 'attached'), t('Expected true or false', '应为 true 或 false'));
      }
      if ('network' in x) w.oneOf(x['network'], join(path, 'network'), NETWORKS);
      if (!('attached' in x) && !('network' in x)) {
        w.fail(path, t('A radio check needs "attached" or "network"', '无线检查需要“attached”或“network”'));
      }
      return;
  }
}

/** Checks a parsed scenario (a built-in file or an import). */
export function validateScenario(x: unknown): ScenarioCheck {
  const w = new Walk();
  if (!w.object(x, '')) return { ok: false, errors: w.errors };
  w.keys(
    x,
    '',
    ['format', 'version', 'id', 'title', 'brief', 'hints', 'start', 'check', 'solved'],
    ['format', 'version', 'id', 'title', 'brief', 'hints', 'start', 'check'],
  );
  if ('format' in x && x['format'] !== SCENARIO_FORMAT) {
    w.fail(
      'format',
      t(
        `Not a scenario file: "format" must be "${SCENARIO_FORMAT}"`,
        `不是练习文件：“format”须为“${SCENARIO_FORMAT}”`,
      ),
    );
    return { ok: false, errors: w.errors };
  }
  if ('version' in x && x['version'] !== SCENARIO_VERSION) {
    w.fail(
      'version',
      t(
        `Version ${JSON.stringify(x['version'])} is not read by this app (it reads version ${SCENARIO_VERSION})`,
        `本应用不支持版本 ${JSON.stringify(x['version'])}（支持版本 ${SCENARIO_VERSION}）`,
      ),
    );
  }
  if ('id' in x && (typeof x['id'] !== 'string' || !/^[a-z0-9][a-z0-9-]{0,47}$/.test(x['id']))) {
    w.fail(
      'id',
      t(
        'Expected 1–48 lower-case letters, digits and "-", such as "wrong-baud-rate"',
        '应为 1~48 个小写字母、数字和“-”，例如“wrong-baud-rate”',
      ),
    );
  }
  if ('title' in x) w.text(x['title'], 'title');
  if ('brief' in x) w.text(x['brief'], 'brief');
  if ('solved' in x) w.text(x['solved'], 'solved');
  if ('hints' in x) {
    const hints = x['hints'];
    if (!Array.isArray(hints) || hints.length === 0 || hints.length > MAX_HINTS) {
      w.fail('hints', t(`Expected a list of 1–${MAX_HINTS} hints`, `应为 1~${MAX_HINTS} 条提示的列表`));
    } else hints.forEach((h, i) => w.text(h, join('hints', i)));
  }
  if ('start' in x) checkStart(w, x['start'], 'start');
  if ('check' in x) checkCheck(w, x['check'], 'check', 0);
  return w.errors.length > 0
    ? { ok: false, errors: w.errors }
    : { ok: true, scenario: x as unknown as Scenario };
}

/** Reads a scenario file's text (an import): JSON, then `validateScenario`. */
export function parseScenarioFile(text: string): ScenarioCheck {
  if (text.length > MAX_SCENARIO_BYTES) {
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: t(
            `The file is too large for a scenario (over ${MAX_SCENARIO_BYTES / 1024} KB)`,
            `文件过大，不是练习文件（超过 ${MAX_SCENARIO_BYTES / 1024} KB）`,
          ),
        },
      ],
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      errors: [{ path: '', message: t(`Not JSON: ${detail}`, `不是 JSON 格式：${detail}`) }],
    };
  }
  return validateScenario(data);
}
