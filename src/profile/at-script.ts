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
 * what common serial terminals put around them: timestamps (`[10:31:02.123]`, `2024/01/31 10:31:02.123`),
 * direction marks (`[TX]`, `[RX]`, `>>`, `<<`, `TX:`, `收←◆`, `发→◇`), Docklight's `<CR><LF>`, and any of
 * CR LF, LF or CR as line ends. A set followed by an error answer is not taken. Later lines win over
 * earlier ones. Every line that is skipped for a reason is reported; lines longer than MAX_LINE_CHARS are
 * not read (reported when they hold a setting). A header that does not pass the profile's rules (a name
 * with a direction override, a bad time) is reported and replaced, so the settings are still taken.
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
import { MAX_LINE_CHARS, MAX_REPORT_ENTRIES } from './import/limits';
import { checkSetting, orderedValues } from './settings-check';
import { checkDeviceId, checkName, checkNotes, checkTime } from './text-rules';
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
  | {
      readonly ok: true;
      readonly profile: Profile;
      /** Lines not taken (or taken with a word to say), in line order; at most MAX_REPORT_ENTRIES. */
      readonly notes: readonly ScriptNote[];
      /** Further notes, counted only. */
      readonly moreNotes: number;
      /** True when the text carried a terminal's decorations or the module's answers: a captured log. */
      readonly log: boolean;
    }
  | {
      readonly ok: false;
      readonly problems: readonly ProfileProblem[];
      /** Lines that were read and not taken, as for a script that was taken (may be empty). */
      readonly notes?: readonly ScriptNote[];
      readonly moreNotes?: number;
    };

/** Longer input is no script or session log of one module. */
export const MAX_SCRIPT_CHARS = 20_000_000;

/** Timestamps a terminal writes first: `[10:00:00.123]`, `[Mon Jan 01 …]`, `2024/01/31 10:00:00.123`, `10:00:00,123`. */
const TIMESTAMP =
  /^\s*(?:\[[^\]\r\n]{0,40}\]|\(\s*\d[\d:.,\s/-]{4,30}\)|\d{2,4}[/.-]\d{1,2}[/.-]\d{1,4}[ T]\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,6})?|\d{1,2}:\d{2}:\d{2}(?:[.,:]\d{1,6})?)/;
/** Direction marks: `>>`, `<<`, `->`, `<-`, arrows, `TX:`, `RX>`, `SEND`, `收←◆`, and Docklight's `- `. */
const DIRECTION =
  /^\s*(?:[←→◆◇<>-]*[<>←→◆◇]+[←→◆◇<>-]*|(?:(?:RX|TX|SEND|RECV|SENT|RCVD|READ|WRITE|IN|OUT)(?![A-Za-z])|收|发)\s*[:：>-]?|-\s)/i;
/** A prefix is looked for in this many characters at the start of a line. */
const PREFIX_WINDOW = 200;
const INFO_LINE = /^\+\s*([A-Za-z][A-Za-z0-9]*)\s*:[ \t]?(.*)$/;
const HEADER = /^#\s*(name|notes|created|updated|source device)\s*:\s?(.*)$/i;
/** What may start a line that sets something: `AT+NAME=`, `usr.cnAT+NAME=`, `+NAME:`. */
const SETTING_START = /^(?:[\x21-\x7e]{0,10}?AT\+\s*|\+\s*)([A-Za-z][A-Za-z0-9]{0,15})\s*[=:]/i;
/** Docklight writes line ends as text; some terminals write `\r\n`. */
const WRITTEN_LINE_END = /(?:<CR>|<LF>|\\r\\n)+$/i;
const WRITTEN_LINE_START = /^(?:<CR>|<LF>)+/i;

interface Pending {
  readonly line: number;
  readonly name: string;
  readonly value: string;
}

interface HeaderValue {
  readonly value: string;
  readonly line: number;
}

/** The text of a line without a terminal's timestamps and direction marks; `decorated` when it had some. */
export function stripLogPrefix(line: string): { text: string; decorated: boolean } {
  let rest = line.length > PREFIX_WINDOW ? line.slice(0, PREFIX_WINDOW) : line;
  const tail = line.length > PREFIX_WINDOW ? line.slice(PREFIX_WINDOW) : '';
  let decorated = false;
  for (let guard = 0; guard < 8; guard++) {
    const m = TIMESTAMP.exec(rest) ?? DIRECTION.exec(rest);
    if (!m || m[0].length === 0) break;
    rest = rest.slice(m[0].length);
    decorated = true;
  }
  let text = (rest + tail).trim();
  if (WRITTEN_LINE_END.test(text) || WRITTEN_LINE_START.test(text)) {
    text = text.replace(WRITTEN_LINE_END, '').replace(WRITTEN_LINE_START, '').trim();
    decorated = true;
  }
  return { text, decorated };
}

export function importAtScript(source: string, options: ScriptImportOptions): ScriptImport {
  if (source.length > MAX_SCRIPT_CHARS) {
    return {
      ok: false,
      problems: [
        problem(
          '',
          `The text is too long to be an AT script (more than ${MAX_SCRIPT_CHARS} characters)`,
          `文本过长，不是 AT 脚本（超过 ${MAX_SCRIPT_CHARS} 个字符）`,
        ),
      ],
    };
  }
  const reader = new ScriptReader();
  const text = source.replace(/^\uFEFF/, '');
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  let n = 1;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    reader.line(text.slice(start, m.index), n++);
    start = m.index + m[0].length;
  }
  if (start < text.length) reader.line(text.slice(start), n);
  return reader.result(options);
}

/**
 * Reads a script or log one line at a time (`line(text, n)`), then builds the profile (`result`). Used for
 * script files and, fed line by line, for the app's own traffic logs.
 */
export class ScriptReader {
  private readonly values = new Map<string, { value: string; lines: number[] }>();
  private readonly header = new Map<string, HeaderValue>();
  private readonly notes: ScriptNote[] = [];
  private moreNotes = 0;
  private pending: Pending | undefined;
  private imei: string | undefined;
  private sn: string | undefined;
  private log = false;

  note(line: number, en: string, zh: string): void {
    if (this.notes.length < MAX_REPORT_ENTRIES) this.notes.push({ line, message: { en, zh } });
    else this.moreNotes++;
  }

  /** Reads line `n`; `length` is its full length when only its start is passed (a long line). */
  line(raw: string, n: number, length = raw.length): void {
    if (length > MAX_LINE_CHARS) {
      this.longLine(raw, n, length);
      return;
    }
    const trimmed = raw.trim();
    if (trimmed === '') return;
    if (trimmed.startsWith('#')) {
      this.headerLine(trimmed, n);
      return;
    }
    const stripped = stripLogPrefix(trimmed);
    const text = stripped.text;
    if (stripped.decorated) this.log = true;
    if (text === '') return;
    if (/^OK$/i.test(text)) {
      this.log = true;
      this.flush();
      return;
    }
    const error = parseErrorLine(text);
    if (error) {
      this.log = true;
      const p = this.pending;
      this.pending = undefined;
      if (p) {
        this.note(
          p.line,
          `AT+${p.name} was refused by the module (${shorten(error.raw.trim())}): not taken`,
          `AT+${p.name} 被模块拒绝（${shorten(error.raw.trim())}），未采用`,
        );
      }
      return;
    }
    if (/^AT/i.test(text)) {
      this.command(text, n);
      return;
    }
    const info = INFO_LINE.exec(text);
    if (info) {
      this.log = true;
      this.flush();
      this.reply((info[1] ?? '').toUpperCase(), info[2] ?? '', n);
      return;
    }
    // Password AT (3.1.3): `<CMDPW>AT+…`. The password itself is never kept.
    const withPassword = /^[\x21-\x7e]{1,10}?(AT\+.*)$/i.exec(text);
    if (withPassword) this.command(withPassword[1] ?? '', n);
    // Anything else in a log is data, a boot message or the terminal's own text: not a setting.
  }

  flush(): void {
    const p = this.pending;
    this.pending = undefined;
    if (p) this.take(p.name, p.value, p.line);
  }

  /** A line too long to read: reported when it starts like a setting, else it is data. */
  private longLine(raw: string, n: number, length: number): void {
    const start = stripLogPrefix(raw.slice(0, PREFIX_WINDOW).trimStart()).text;
    const m = SETTING_START.exec(start);
    const entry = m ? findCommand(m[1] ?? '') : undefined;
    if (entry?.kind !== 'setting') return;
    this.note(
      n,
      `The line is ${length} characters long; lines longer than ${MAX_LINE_CHARS} characters are not read (no setting of this module is that long): AT+${entry.name} not taken`,
      `该行长 ${length} 个字符；超过 ${MAX_LINE_CHARS} 个字符的行不读取（本模块没有这么长的参数）：AT+${entry.name} 未采用`,
    );
  }

  private headerLine(line: string, n: number): void {
    const m = HEADER.exec(line);
    if (!m) return;
    const key = (m[1] ?? '').toLowerCase();
    const value = (m[2] ?? '').trim();
    if (key === 'name' || key === 'notes') {
      let text = value;
      try {
        const parsed: unknown = JSON.parse(value);
        if (typeof parsed === 'string') text = parsed;
      } catch {
        // Not JSON: take the text as written (a hand-written header).
      }
      this.header.set(key, { value: text, line: n });
      return;
    }
    if (key === 'created' || key === 'updated') {
      const ms = Date.parse(value);
      if (Number.isNaN(ms))
        this.note(
          n,
          `The ${key} time "${shorten(value)}" is not a date: ignored`,
          `${key} 时间“${shorten(value)}”不是日期，已忽略`,
        );
      else this.header.set(key, { value: String(ms), line: n });
      return;
    }
    this.header.set('sourceDevice', { value, line: n });
  }

  private command(line: string, n: number): void {
    const r = interpretCommand(line);
    if (!r.ok) {
      this.flush();
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
    if (r.op !== 'set') {
      this.flush();
      return; // queries, actions and range questions change nothing
    }
    if (r.entry.kind !== 'setting' || r.value === undefined) {
      this.flush();
      this.note(
        n,
        `AT+${r.entry.name} is not a stored setting; skipped`,
        `AT+${r.entry.name} 不是可保存的参数，已跳过`,
      );
      return;
    }
    const p = this.pending;
    if (p && p.name === r.entry.name && p.value === r.value) {
      // The module's echo of the command just sent (or the terminal's own echo): one command, not two.
      this.log = true;
      return;
    }
    this.flush();
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
    if (before && before.value === value) {
      before.lines.push(n);
      return;
    }
    if (before) {
      // Every earlier line with the value now replaced is named, not just the last one.
      for (const line of before.lines) {
        this.note(
          line,
          `AT+${name} appears more than once with different values; the later one (line ${n}) is used`,
          `AT+${name} 多次出现且值不同；采用较后的一次（第 ${n} 行）`,
        );
      }
    }
    this.values.set(name, { value, lines: [n] });
  }

  /** A header field, checked with the profile's own rule; a failing one is reported and not used. */
  private headerField(
    key: string,
    check: (path: string, v: unknown) => ProfileProblem | undefined,
  ): string | undefined {
    const h = this.header.get(key);
    if (!h) return undefined;
    const p = check(key, key === 'created' || key === 'updated' ? Number(h.value) : h.value);
    if (!p) return h.value;
    this.note(
      h.line,
      `The header's ${key} is not used: ${p.message.en}`,
      `未采用文件头中的 ${key}：${p.message.zh}`,
    );
    return undefined;
  }

  result(options: ScriptImportOptions): ScriptImport {
    this.flush();
    if (this.values.size === 0) {
      return {
        ok: false,
        notes: [...this.notes].sort((a, b) => a.line - b.line),
        moreNotes: this.moreNotes,
        problems: [
          problem(
            '',
            'No settings found: expected lines such as AT+WKMOD=NET or +WKMOD:NET',
            '未找到任何参数：应包含 AT+WKMOD=NET 或 +WKMOD:NET 这样的行',
          ),
        ],
      };
    }
    const fallbackName = (options.name ?? 'Imported AT script').slice(0, MAX_NAME_LENGTH);
    const name = this.headerField('name', checkName) ?? fallbackName;
    const notes = this.headerField('notes', checkNotes) ?? '';
    const created = Number(this.headerField('created', checkTime) ?? options.now);
    let updated = Number(this.headerField('updated', checkTime) ?? created);
    if (updated < created) {
      const line = this.header.get('updated')?.line ?? 0;
      this.note(
        line,
        'The header says the profile was changed before it was created: the creation time is used for both',
        '文件头中的修改时间早于创建时间：两者均采用创建时间',
      );
      updated = created;
    }
    const device = this.headerField('sourceDevice', checkDeviceId) ?? this.imei ?? this.sn;
    const candidate = {
      formatVersion: PROFILE_FORMAT_VERSION,
      name,
      notes,
      values: orderedValues(new Map([...this.values].map(([k, v]) => [k, v.value]))),
      created,
      updated,
      ...(device === undefined ? {} : { sourceDevice: device }),
    };
    const r = validateProfile(candidate);
    if (!r.ok) return { ok: false, problems: r.problems };
    const sorted = [...this.notes].sort((a, b) => a.line - b.line);
    return { ok: true, profile: r.profile, notes: sorted, moreNotes: this.moreNotes, log: this.log };
  }
}

function shorten(line: string): string {
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}
