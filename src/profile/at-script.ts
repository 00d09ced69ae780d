/**
 * A profile as an AT script, and an AT script or a captured terminal log back into a profile.
 *
 * Export: one `AT+NAME=value` line per setting (CRLF), after a header of `#` lines that carry the name,
 * notes, times and source device exactly (name and notes as JSON strings), so export → import is exact.
 * The module has no comment syntax: pasted into a terminal in command mode, each `#` line is answered
 * `+ERR:1` (not an AT command) and changes nothing, then every AT line is set. `comments: false` gives a
 * script of AT lines only, for tools that stop at the first error. Neither ends with `AT+Z`: the values
 * are stored at once and take effect after a restart, which the person starts on purpose.
 *
 * Import reads both scripts and terminal logs: set lines (`AT+SOCKA=…`), query replies (`+SOCKA:…`,
 * with or without a space after the colon), `OK` and error lines, echoes, password-prefixed lines, and
 * common terminal timestamps (`[10:31:02.123]`) and direction marks. A set followed by an error answer is
 * not taken. Later lines win over earlier ones. Every line that is skipped for a reason is reported.
 */
import { parseErrorLine } from '../protocol/at-error';
import { interpretCommand } from '../protocol/command';
import { findCommand } from '../protocol/catalogue';
import type { Text } from '../protocol/types';
import {
  MAX_NAME_LENGTH,
  PROFILE_FORMAT_VERSION,
  problem,
  type Profile,
  type ProfileProblem,
} from './profile';
import { checkSetting, orderedValues } from './settings-check';
import { validateProfile } from './validate-profile';

export const SCRIPT_MAGIC = 'usr-7s4-profile 1';

export interface ScriptExportOptions {
  /** Default true: the `#` header with name, notes, times and advice. */
  readonly comments?: boolean;
}

export function exportAtScript(profile: Profile, options: ScriptExportOptions = {}): string {
  const lines: string[] = [];
  if (options.comments ?? true) {
    lines.push(
      `# USR-LTE-7S4 profile — ${SCRIPT_MAGIC}`,
      `# name: ${JSON.stringify(profile.name)}`,
      `# notes: ${JSON.stringify(profile.notes)}`,
      `# created: ${new Date(profile.created).toISOString()}`,
      `# updated: ${new Date(profile.updated).toISOString()}`,
    );
    if (profile.sourceDevice !== undefined) lines.push(`# source device: ${profile.sourceDevice}`);
    lines.push(
      '# Paste in command mode (+++ then a). The module answers +ERR:1 to these # lines and changes nothing for them.',
      '# 在指令模式下粘贴（+++ 后回复 a）。模块对以 # 开头的行回复 +ERR:1，不会因此修改任何参数。',
      '# Settings take effect after AT+Z. 参数在 AT+Z 重启后生效。',
    );
  }
  for (const [name, value] of Object.entries(profile.values)) lines.push(`AT+${name}=${value}`);
  return `${lines.join('\r\n')}\r\n`;
}

export interface ScriptImportOptions {
  /** Name when the script has no `# name:` header (e.g. the file name). */
  readonly name?: string;
  /** Creation time when the script has none (from the injected clock). */
  readonly now: number;
}

/** A line that was read but not taken, and why. */
export interface ScriptNote {
  readonly line: number;
  readonly message: Text;
}

export type ScriptImport =
  | { readonly ok: true; readonly profile: Profile; readonly notes: readonly ScriptNote[] }
  | { readonly ok: false; readonly problems: readonly ProfileProblem[] };

/** Longer input is no script or session log of one module. */
export const MAX_SCRIPT_CHARS = 2_000_000;
const MAX_NOTES = 200;

/** `[2025-01-01 10:00:00.123]`, `[10:00:00]` and direction marks such as `←◆`, `→◇`, `>>`, `<<`. */
const LOG_PREFIX =
  /^(?:\s*\[[^\]\r\n]{0,40}\])*\s*(?:[←→◆◇<>]+\s*|(?:RX|TX|SEND|RECV|收|发)(?:\s*[:：])?\s*)*/i;
const INFO_LINE = /^\+\s*([A-Za-z][A-Za-z0-9]*)\s*:[ \t]?(.*)$/;
const HEADER = /^#\s*(name|notes|created|updated|source device)\s*:\s?(.*)$/i;

interface Pending {
  readonly line: number;
  readonly name: string;
  readonly value: string;
}

export function importAtScript(source: string, options: ScriptImportOptions): ScriptImport {
  if (source.length > MAX_SCRIPT_CHARS) {
    return {
      ok: false,
      problems: [problem('', 'The text is too long to be an AT script', '文本过长，不是 AT 脚本')],
    };
  }
  const reader = new ScriptReader();
  source
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, i) => reader.line(raw, i + 1));
  reader.flush();
  return reader.result(options);
}

class ScriptReader {
  private readonly values = new Map<string, { value: string; line: number }>();
  private readonly header = new Map<string, string>();
  private readonly notes: ScriptNote[] = [];
  private pending: Pending | undefined;
  private imei: string | undefined;
  private sn: string | undefined;

  note(line: number, en: string, zh: string): void {
    if (this.notes.length < MAX_NOTES) this.notes.push({ line, message: { en, zh } });
  }

  line(raw: string, n: number): void {
    const trimmed = raw.trim();
    if (trimmed === '') return;
    if (trimmed.startsWith('#')) {
      this.headerLine(trimmed, n);
      return;
    }
    const text = trimmed.replace(LOG_PREFIX, '').trim();
    if (text === '') return;
    if (/^OK$/i.test(text)) {
      this.flush();
      return;
    }
    const error = parseErrorLine(text);
    if (error) {
      const p = this.pending;
      this.pending = undefined;
      if (p) {
        this.note(
          p.line,
          `AT+${p.name} was refused by the module (${error.raw.trim()}): not taken`,
          `AT+${p.name} 被模块拒绝（${error.raw.trim()}），未采用`,
        );
      }
      return;
    }
    if (/^AT/i.test(text)) {
      this.flush();
      this.command(text, n);
      return;
    }
    const info = INFO_LINE.exec(text);
    if (info) {
      this.flush();
      this.reply((info[1] ?? '').toUpperCase(), info[2] ?? '', n);
      return;
    }
    // Password AT (3.1.3): `<CMDPW>AT+…`. The password itself is never kept.
    const withPassword = /^[\x21-\x7e]{1,10}?(AT\+.*)$/i.exec(text);
    if (withPassword) {
      this.flush();
      this.command(withPassword[1] ?? '', n);
    }
    // Anything else in a log is data, a boot message or the terminal's own text: not a setting.
  }

  flush(): void {
    const p = this.pending;
    this.pending = undefined;
    if (p) this.take(p.name, p.value, p.line);
  }

  private headerLine(line: string, n: number): void {
    const m = HEADER.exec(line);
    if (!m) return;
    const key = (m[1] ?? '').toLowerCase();
    const value = (m[2] ?? '').trim();
    if (key === 'name' || key === 'notes') {
      try {
        const parsed: unknown = JSON.parse(value);
        if (typeof parsed === 'string') {
          this.header.set(key, parsed);
          return;
        }
      } catch {
        // Not JSON: take the text as written (a hand-written header).
      }
      this.header.set(key, value);
      return;
    }
    if (key === 'created' || key === 'updated') {
      const ms = Date.parse(value);
      if (Number.isNaN(ms))
        this.note(
          n,
          `The ${key} time "${value}" is not a date: ignored`,
          `${key} 时间“${value}”不是日期，已忽略`,
        );
      else this.header.set(key, String(ms));
      return;
    }
    this.header.set('sourceDevice', value);
  }

  private command(line: string, n: number): void {
    const r = interpretCommand(line);
    if (!r.ok) {
      if (r.code === 4) {
        this.note(
          n,
          `${shorten(line)}: ${r.message.en}; not taken`,
          `${shorten(line)}：${r.message.zh}；未采用`,
        );
      } else {
        this.note(n, `${r.message.en}; line skipped`, `${r.message.zh}；已跳过该行`);
      }
      return;
    }
    if (r.op !== 'set') return; // queries, actions and range questions change nothing
    if (r.entry.kind !== 'setting' || r.value === undefined) {
      this.note(
        n,
        `AT+${r.entry.name} is not a stored setting; skipped`,
        `AT+${r.entry.name} 不是可保存的参数，已跳过`,
      );
      return;
    }
    this.pending = { line: n, name: r.entry.name, value: r.value };
  }

  private reply(name: string, value: string, n: number): void {
    if (name === 'IMEI' && /^[0-9]{15}$/.test(value.trim())) this.imei = value.trim();
    if (name === 'SN' && /^[A-Za-z0-9._:-]{1,64}$/.test(value.trim())) this.sn = value.trim();
    const entry = findCommand(name);
    if (entry?.kind !== 'setting') return; // +VER:, +CSQ:, +SOCKALK: … are information, not settings
    const checked = checkSetting(`line ${n}`, name, value);
    if (!checked.ok) {
      this.note(n, `${checked.problem.message.en}; not taken`, `${checked.problem.message.zh}；未采用`);
      return;
    }
    this.take(checked.name, checked.value, n);
  }

  private take(name: string, value: string, n: number): void {
    const before = this.values.get(name);
    if (before && before.value !== value) {
      this.note(
        n,
        `AT+${name} appears more than once with different values; the later one (line ${n}) is used`,
        `AT+${name} 多次出现且值不同；采用较后的一次（第 ${n} 行）`,
      );
    }
    this.values.set(name, { value, line: n });
  }

  result(options: ScriptImportOptions): ScriptImport {
    if (this.values.size === 0) {
      return {
        ok: false,
        problems: [
          problem(
            '',
            'No settings found: expected lines such as AT+WKMOD=NET or +WKMOD:NET',
            '未找到任何参数：应包含 AT+WKMOD=NET 或 +WKMOD:NET 这样的行',
          ),
        ],
      };
    }
    const created = Number(this.header.get('created') ?? options.now);
    const device = this.header.get('sourceDevice') ?? this.imei ?? this.sn;
    const candidate = {
      formatVersion: PROFILE_FORMAT_VERSION,
      name: this.header.get('name') ?? (options.name ?? 'Imported AT script').slice(0, MAX_NAME_LENGTH),
      notes: this.header.get('notes') ?? '',
      values: orderedValues(new Map([...this.values].map(([k, v]) => [k, v.value]))),
      created,
      updated: Number(this.header.get('updated') ?? created),
      ...(device === undefined ? {} : { sourceDevice: device }),
    };
    const r = validateProfile(candidate);
    return r.ok ? { ok: true, profile: r.profile, notes: this.notes } : { ok: false, problems: r.problems };
  }
}

function shorten(line: string): string {
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}
