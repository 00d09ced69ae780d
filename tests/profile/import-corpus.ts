/**
 * A generated corpus of damaged files, per kind (profile JSON, AT script, terminal log, the app's traffic
 * log): good files from the fixtures, then one to three mutations each — wrong types at every path, huge
 * values, deep nesting, a BOM, duplicate keys, mixed line ends, truncation, stray characters. Seeded, so
 * every run builds the same files.
 */
import { SETTING_NAMES, factoryDefaults } from '../../src/protocol/catalogue';
import { exportAtScript, exportProfilesJson } from '../../src/profile';
import type { Profile } from '../../src/profile/profile';
import { defaultsProfile, fullProfile, smallProfile } from './fixtures';

export type CorpusKind = 'profiles-json' | 'at-script' | 'terminal-log' | 'traffic-log';

export interface CorpusFile {
  readonly kind: CorpusKind;
  readonly what: string;
  readonly text: string;
}

/** mulberry32: small, fast, good enough to pick mutations. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(list: readonly T[]): T {
    const v = list[this.int(list.length)];
    if (v === undefined) throw new Error('empty list');
    return v;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const HUGE = 'H'.repeat(300_000);
const STRAY = ['"', '{', '}', '[', ']', ',', ':', '\\', '\u202E', '\u0000', '“', '\u2028', '\uD800', '\n'];

function someProfiles(rng: Rng): Profile[] {
  const out: Profile[] = [];
  const n = 1 + rng.int(5);
  for (let i = 0; i < n; i++) {
    const base = rng.pick([
      () => fullProfile(),
      () => defaultsProfile(`Defaults ${i}`),
      () => smallProfile(`Small ${i}`),
      () => smallProfile(`<b>Pump</b> "${i}"`, { HEARTTM: String(1 + rng.int(6000)) }),
    ])();
    out.push({ ...base, name: `${base.name} #${i}` });
  }
  return out;
}

/** Every path of a JSON value (iteratively), as key lists. */
export function pathsOf(root: unknown): (string | number)[][] {
  const out: (string | number)[][] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const top = stack.pop();
    if (!top) break;
    out.push(top.path);
    if (Array.isArray(top.value)) {
      top.value.forEach((v, i) => stack.push({ value: v, path: [...top.path, i] }));
    } else if (typeof top.value === 'object' && top.value !== null) {
      for (const [k, v] of Object.entries(top.value)) stack.push({ value: v, path: [...top.path, k] });
    }
  }
  return out;
}

export function setAt(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  let node: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return root; // an earlier mutation replaced it
    node = (node as Record<string | number, unknown>)[key];
  }
  const last = path[path.length - 1];
  if (typeof node === 'object' && node !== null && last !== undefined) {
    (node as Record<string | number, unknown>)[last] = value;
  }
  return root;
}

function wrongValue(rng: Rng): unknown {
  return rng.pick<() => unknown>([
    () => 42,
    () => -1.5e300,
    () => 'text',
    () => '',
    () => null,
    () => true,
    () => [],
    () => [1, 'two', null],
    () => ({}),
    () => ({ nested: { deeper: [1] } }),
    () => HUGE,
    () => '\u202Eevil',
  ])();
}

function deep(depth: number, rng: Rng): string {
  return rng.chance(0.5)
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

function mixLineEnds(text: string, rng: Rng): string {
  return text.replace(/\r\n|\r|\n/g, () => rng.pick(['\n', '\r\n', '\r', '\n\n', '\r\r\n']));
}

function textMutation(text: string, rng: Rng): { text: string; what: string } {
  switch (rng.int(6)) {
    case 0:
      return { text: `\uFEFF${text}`, what: 'BOM' };
    case 1:
      return { text: mixLineEnds(text, rng), what: 'mixed line ends' };
    case 2: {
      const at = rng.int(text.length + 1);
      return { text: text.slice(0, at), what: `cut at ${at}` };
    }
    case 3: {
      const at = rng.int(text.length + 1);
      const ch = rng.pick(STRAY);
      return { text: text.slice(0, at) + ch + text.slice(at), what: `stray ${JSON.stringify(ch)} at ${at}` };
    }
    case 4: {
      const at = rng.int(text.length);
      return { text: text.slice(0, at) + text.slice(at + 1 + rng.int(20)), what: `bytes lost at ${at}` };
    }
    default: {
      const lines = text.split('\n');
      const i = rng.int(lines.length);
      lines.splice(i, 0, lines[rng.int(lines.length)] ?? '');
      return { text: lines.join('\n'), what: `line repeated at ${i}` };
    }
  }
}

function jsonFile(rng: Rng): CorpusFile {
  const profiles = someProfiles(rng);
  const whats: string[] = [];
  let text: string;
  const structural = rng.int(4);
  if (structural <= 1) {
    // Wrong types (or a huge value, or deep nesting) at a random path of the parsed file.
    const root = JSON.parse(exportProfilesJson(profiles)) as unknown;
    const paths = pathsOf(root);
    const count = 1 + rng.int(3);
    let data = root;
    let deepAt: string | undefined;
    for (let k = 0; k < count; k++) {
      const path = rng.pick(paths);
      if (rng.chance(0.15)) {
        deepAt = JSON.stringify(path);
        data = setAt(data, path, '__DEEP__');
      } else {
        const v = wrongValue(rng);
        if (v === HUGE && !rng.chance(0.2)) continue;
        data = setAt(data, path, v);
        whats.push(
          `${JSON.stringify(path)} = ${typeof v === 'string' && v.length > 20 ? `${v.length} chars` : JSON.stringify(v)}`,
        );
      }
    }
    text = JSON.stringify(data, null, rng.chance(0.5) ? 2 : 0);
    if (deepAt) {
      const depth = rng.pick([33, 40, 200, 5000]);
      text = text.replace('"__DEEP__"', deep(depth, rng));
      whats.push(`${deepAt} nested ${depth} deep`);
    }
  } else if (structural === 2) {
    // A key given twice, somewhere.
    text = exportProfilesJson(profiles);
    const lines = text.split('\n');
    const keyLines = lines.map((l, i) => (/^\s*"[^"]+": /.test(l) ? i : -1)).filter((i) => i >= 0);
    const i = rng.pick(keyLines);
    const line = lines[i] ?? '';
    const dup = line.endsWith(',') || line.endsWith('{') || line.endsWith('[') ? line : `${line},`;
    lines.splice(i, 0, dup.replace(/[{[]$/, '"x",'));
    text = lines.join('\n');
    whats.push(`key repeated at line ${i + 1}`);
  } else {
    text = exportProfilesJson(profiles, { includeSecrets: rng.chance(0.5) });
  }
  const more = rng.int(3);
  for (let k = 0; k < more; k++) {
    const m = textMutation(text, rng);
    text = m.text;
    whats.push(m.what);
  }
  return { kind: 'profiles-json', what: whats.join('; ') || 'unchanged', text };
}

const SCRIPT_LINES = [
  'AT+FOO=1',
  'AT+SMSEND=10086,hi',
  'AT+UARTFT=5',
  'AT+WKMOD=FOO',
  'AT+SOCKA=TCP,http://x.cn,1',
  'AT+HEARTTM=0',
  'AT+wkmod=httpd',
  'AT+STMSG=a,b',
  'AT+REGDT=XYZ',
  `AT+STMSG=${'S'.repeat(5000)}`,
  `AT+HTPURL=/${HUGE}`,
  '# name: "abc\\u202Etxt"',
  '# created: yesterday',
  '# updated: 1970-01-01T00:00:00Z',
  '# source device: <script>',
  'usr.cnAT+HEARTTM=60',
  '+ERR:4',
  'ERROR',
  '+CME ERROR: 10',
  'OK',
  '+++',
  'a',
  '+ok',
  '\u0000\u0001binary',
  'AT+E=OFF\u202E',
];

function scriptFile(rng: Rng): CorpusFile {
  const profile = rng.chance(0.5) ? fullProfile() : smallProfile('Script', { E: 'OFF' });
  const lines = exportAtScript(profile, { comments: rng.chance(0.7) }).split('\r\n');
  const whats: string[] = [];
  const inserts = 1 + rng.int(4);
  for (let k = 0; k < inserts; k++) {
    let line = rng.pick(SCRIPT_LINES);
    if (line.includes(HUGE) && !rng.chance(0.15)) line = 'AT+CSQ';
    const at = rng.int(lines.length + 1);
    lines.splice(at, 0, line);
    whats.push(`inserted ${JSON.stringify(line.slice(0, 30))} at ${at}`);
  }
  let text = lines.join(rng.pick(['\r\n', '\n', '\r']));
  const more = rng.int(3);
  for (let k = 0; k < more; k++) {
    const m = textMutation(text, rng);
    text = m.text;
    whats.push(m.what);
  }
  return { kind: 'at-script', what: whats.join('; '), text };
}

const STYLES: readonly ((dir: 'tx' | 'rx', t: string) => string)[] = [
  (_d, t) => `[${t}] `,
  (d, t) => `[${t}][${d.toUpperCase()}] `,
  (d) => (d === 'tx' ? '>> ' : '<< '),
  (d) => (d === 'tx' ? 'TX: ' : 'RX: '),
  (d, t) => `[${t}]${d === 'tx' ? '发→◇' : '收←◆'}`,
  (d, t) => `31/01/2024 ${t} [${d.toUpperCase()}] - `,
  (d, t) => `${t} ${d === 'tx' ? '->' : '<-'} `,
];

function logFile(rng: Rng): CorpusFile {
  const style = rng.pick(STYLES);
  const docklight = STYLES.indexOf(style) === 5;
  const end = docklight ? '<CR><LF>' : '';
  const lines: string[] = [];
  let ms = 0;
  const time = (): string => {
    ms += 1 + rng.int(500);
    const s = Math.floor(ms / 1000);
    return `10:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`;
  };
  const defaults = factoryDefaults();
  const settings = SETTING_NAMES.filter(() => rng.chance(0.3));
  for (const name of settings) {
    const value = rng.chance(0.8) ? (defaults[name] ?? '') : rng.pick(['0', 'FOO', '', '99999', 'a,b,c']);
    if (rng.chance(0.5)) {
      lines.push(`${style('tx', time())}AT+${name}=${value}${end}`);
      if (rng.chance(0.5)) lines.push(`${style('rx', time())}AT+${name}=${value}${end}`);
      lines.push(`${style('rx', time())}${rng.pick(['OK', 'OK', '+ERR:4', 'ERROR'])}${end}`);
    } else {
      lines.push(`${style('tx', time())}AT+${name}?${end}`);
      lines.push(`${style('rx', time())}+${name}:${rng.chance(0.5) ? '' : ' '}${value}${end}`);
      lines.push(`${style('rx', time())}OK${end}`);
    }
    if (rng.chance(0.1)) lines.push(`${style('rx', time())}+CSQ:27,99${end}`);
  }
  if (rng.chance(0.3)) lines.push(`${style('rx', time())}+IMEI:868123456789012${end}`);
  if (rng.chance(0.1)) lines.push(`${style('rx', time())}${'~'.repeat(rng.chance(0.5) ? 5000 : 100_000)}`);
  const whats = [`style ${STYLES.indexOf(style)}`, `${settings.length} settings`];
  let text = lines.join(rng.pick(['\r\n', '\n', '\r']));
  const more = rng.int(3);
  for (let k = 0; k < more; k++) {
    const m = textMutation(text, rng);
    text = m.text;
    whats.push(m.what);
  }
  return { kind: 'terminal-log', what: whats.join('; '), text };
}

const hex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();

function trafficFile(rng: Rng): CorpusFile {
  const enc = new TextEncoder();
  const out: string[] = [
    JSON.stringify({ format: 'usr-7s4-traffic', version: 1, dropped: { entries: 0, bytes: 0 }, entries: 0 }),
  ];
  let seq = 0;
  const push = (dir: string, text: string): void => {
    // Split as a serial read would.
    let rest = enc.encode(text);
    while (rest.length > 0) {
      const n = 1 + rng.int(Math.min(rest.length, 40));
      const chunk = rest.subarray(0, n);
      rest = rest.subarray(n);
      out.push(JSON.stringify({ seq: seq++, t: seq * 3.5, dir, hex: hex(chunk), text: '' }));
    }
  };
  const defaults = factoryDefaults();
  for (const name of SETTING_NAMES.filter(() => rng.chance(0.25))) {
    const value = rng.chance(0.85) ? (defaults[name] ?? '') : 'BAD,VALUE';
    push('tx', `AT+${name}=${value}\r`);
    push('rx', `AT+${name}=${value}\r\n\r\n${rng.pick(['OK', '+ERR:4'])}\r\n`);
    if (rng.chance(0.2)) out.push(JSON.stringify({ seq: seq++, t: 0, dir: 'note', hex: '', text: 'note' }));
  }
  if (rng.chance(0.05)) push('rx', `${'D'.repeat(300_000)}\r\n`);
  const whats: string[] = [];
  const damage = rng.int(4);
  for (let k = 0; k < damage; k++) {
    const i = 1 + rng.int(Math.max(1, out.length - 1));
    const line = out[i] ?? '';
    const kind = rng.int(4);
    if (kind === 0) out[i] = line.slice(0, rng.int(line.length));
    else if (kind === 1) out[i] = line.replace('"dir":"', '"dir":"x');
    else if (kind === 2) out[i] = line.replace(/"hex":"[0-9A-F]*"/, '"hex":"ZZ"');
    else out[i] = '{"seq": "nope"}';
    whats.push(`line ${i + 1} damaged (${kind})`);
  }
  if (rng.chance(0.05)) out[0] = (out[0] ?? '').replace('"version":1', '"version":2');
  let text = out.join(rng.pick(['\n', '\r\n']));
  if (rng.chance(0.3)) {
    const m = textMutation(text, rng);
    text = m.text;
    whats.push(m.what);
  }
  return { kind: 'traffic-log', what: whats.join('; ') || 'unchanged', text };
}

export function buildCorpus(perKind: number, seed = 20260314): CorpusFile[] {
  const rng = new Rng(seed);
  const files: CorpusFile[] = [];
  for (let i = 0; i < perKind; i++) {
    files.push(jsonFile(rng), scriptFile(rng), logFile(rng), trafficFile(rng));
  }
  return files;
}
