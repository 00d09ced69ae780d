/**
 * The import's promise, checked on a generated corpus of damaged files (import-corpus.ts: 1 000 per kind —
 * wrong types at every path, huge values, deep nesting, BOM, duplicate keys, mixed line ends, truncation):
 * no unexpected problem, and every item of every file either imported or listed with a reason in English
 * and Chinese. Items are counted independently of the import (JSON.parse for profile lists, the protocol's
 * command interpreter for lines), so a reader that silently drops something fails here.
 */
import { describe, expect, it } from 'vitest';
import { findCommand } from '../../src/protocol/catalogue';
import { interpretCommand } from '../../src/protocol/command';
import { checkSetting } from '../../src/profile/settings-check';
import { stripLogPrefix } from '../../src/profile/at-script';
import { MAX_FILE_PROFILES, MAX_LINE_CHARS, importText, type ImportResult } from '../../src/profile/import';
import { validateProfile } from '../../src/profile/validate-profile';
import { exportProfilesJson } from '../../src/profile';
import { fullProfile, smallProfile } from './fixtures';
import { buildCorpus, pathsOf, setAt, type CorpusFile } from './import-corpus';

const PER_KIND = 1000;
const corpus = buildCorpus(PER_KIND);
const ctx = { fileName: 'corpus.txt', now: Date.UTC(2026, 2, 14) };

function failure(file: CorpusFile, message: string): string {
  return `${file.kind} (${file.what}): ${message}`;
}

/** Reasons are real sentences in both languages, never a programming error. */
function reasonsAreReal(file: CorpusFile, r: ImportResult): string[] {
  const bad: string[] = [];
  for (const e of r.leftOut) {
    if (e.detail !== undefined) bad.push(failure(file, `unexpected problem: ${e.detail.split('\n')[0]}`));
    if (e.reasons.length === 0)
      bad.push(failure(file, `an entry without a reason: ${JSON.stringify(e.item)}`));
    for (const p of e.reasons) {
      if (p.message.en.length < 8 || !/[\u4e00-\u9fff]/.test(p.message.zh))
        bad.push(failure(file, `a reason that is not a sentence in both languages: ${p.message.en}`));
      if (/TypeError|RangeError|call stack|Cannot convert|\[object|undefined\b/.test(p.message.en))
        bad.push(failure(file, `a programming error as a reason: ${p.message.en}`));
    }
  }
  if (r.refused && !r.leftOut.some((e) => e.item.type === 'file'))
    bad.push(failure(file, 'refused without saying why'));
  for (const p of r.profiles) {
    if (!validateProfile(p.profile).ok) bad.push(failure(file, 'an imported profile that is not valid'));
  }
  return bad;
}

/** Profile lists: every index either imported or listed (or in a listed range), never both. */
function everyProfileAccounted(file: CorpusFile, text: string, r: ImportResult): string[] {
  if (r.kind !== 'profiles-json' || r.refused) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // Damaged JSON: the import must say where reading stopped.
    return r.leftOut.some((e) => e.item.type === 'file') ? [] : [failure(file, 'damage not explained')];
  }
  const list =
    typeof parsed === 'object' && parsed !== null && 'profiles' in parsed
      ? (parsed as { profiles: unknown }).profiles
      : [parsed];
  if (!Array.isArray(list)) return [failure(file, 'taken although "profiles" is no list')];
  const seen = new Map<number, string>();
  const bad: string[] = [];
  const mark = (i: number, how: string): void => {
    if (seen.has(i)) bad.push(failure(file, `profile ${i} both ${seen.get(i)} and ${how}`));
    seen.set(i, how);
  };
  for (const p of r.profiles) if (p.item.type === 'profile') mark(p.item.index, 'imported');
  for (const e of r.leftOut) {
    if (e.item.type === 'profile') mark(e.item.index, 'left out');
    if (e.item.type === 'profiles') for (let i = e.item.from; i <= e.item.to; i++) mark(i, 'left out');
  }
  for (let i = 0; i < list.length; i++) {
    if (!seen.has(i)) bad.push(failure(file, `profile ${i} neither imported nor listed`));
  }
  if (list.length > MAX_FILE_PROFILES) bad.push(failure(file, 'corpus file too large'));
  return bad;
}

/**
 * Lines: every line that sets a setting is either taken (the profile holds its value, or a later line set
 * the same) or listed by its number; every line that tries to set one and fails is listed.
 */
function everyLineAccounted(file: CorpusFile, text: string, r: ImportResult): string[] {
  if (r.kind !== 'at-script' && r.kind !== 'terminal-log') return [];
  const listed = new Set(r.leftOut.flatMap((e) => (e.item.type === 'line' ? [e.item.line] : [])));
  const values = r.profiles[0]?.profile.values ?? {};
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const bad: string[] = [];
  let previous = '';
  lines.forEach((raw, i) => {
    const n = i + 1;
    if (raw.length > MAX_LINE_CHARS) {
      const start = stripLogPrefix(raw.slice(0, 200).trimStart()).text;
      const m = /^(?:[\x21-\x7e]{0,10}?AT\+\s*|\+\s*)([A-Za-z][A-Za-z0-9]{0,15})\s*[=:]/i.exec(start);
      if (m && findCommand(m[1] ?? '')?.kind === 'setting' && !listed.has(n))
        bad.push(failure(file, `long line ${n} holding a setting not listed`));
      return;
    }
    if (raw.trim().startsWith('#')) return;
    const text = stripLogPrefix(raw.trim()).text;
    if (text === '') return;
    // An echo (the module's, or the terminal's) repeats the line before it: one command, one item.
    const echo = text === previous;
    previous = text;
    const set = /^(?:[\x21-\x7e]{0,10}?)(AT\+.*)$/i.exec(text)?.[1];
    if (set && /^AT\+\s*[A-Za-z][A-Za-z0-9]*=/i.test(set)) {
      const c = interpretCommand(set);
      if (!c.ok) {
        if (c.code === 4 && !listed.has(n)) bad.push(failure(file, `invalid set on line ${n} not listed`));
        return;
      }
      if (c.entry.kind !== 'setting' || c.value === undefined) return;
      const taken = values[c.entry.name] === c.value;
      if (!taken && !listed.has(n) && !echo && r.refused === false)
        bad.push(failure(file, `line ${n} (AT+${c.entry.name}) neither taken nor listed`));
      return;
    }
    const reply = /^\+\s*([A-Za-z][A-Za-z0-9]*)\s*:[ \t]?(.*)$/.exec(text);
    if (reply && findCommand(reply[1] ?? '')?.kind === 'setting') {
      const c = checkSetting('', reply[1] ?? '', reply[2] ?? '');
      const taken = c.ok && values[c.name] === c.value;
      if (!taken && !listed.has(n) && r.refused === false)
        bad.push(failure(file, `reply on line ${n} neither taken nor listed`));
    }
  });
  return bad;
}

/** Traffic logs: every line after the header is an entry or listed. */
function everyEntryAccounted(file: CorpusFile, text: string, r: ImportResult): string[] {
  if (r.kind !== 'traffic-log' || r.refused) return [];
  const listed = new Set(r.leftOut.flatMap((e) => (e.item.type === 'line' ? [e.item.line] : [])));
  const bad: string[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (i === 0 || line.trim() === '') return;
    let ok = false;
    try {
      const v = JSON.parse(line) as Record<string, unknown>;
      ok =
        typeof v === 'object' &&
        v !== null &&
        typeof v.dir === 'string' &&
        ((typeof v.hex === 'string' && /^(?:[0-9A-Fa-f]{2})*$/.test(v.hex)) || typeof v.text === 'string');
    } catch {
      ok = false;
    }
    if (!ok && !listed.has(i + 1)) bad.push(failure(file, `damaged log line ${i + 1} not listed`));
  });
  return bad;
}

describe('a corpus of damaged files of every kind', () => {
  it(`has at least ${PER_KIND} files of each kind`, () => {
    for (const kind of ['profiles-json', 'at-script', 'terminal-log', 'traffic-log']) {
      expect(corpus.filter((f) => f.kind === kind).length).toBeGreaterThanOrEqual(PER_KIND);
    }
  });

  it('every file: no unexpected problem, every item imported or listed with a reason', () => {
    const problems: string[] = [];
    const stats = { imported: 0, leftOut: 0, refused: 0 };
    for (const file of corpus) {
      const r = importText(file.text, ctx);
      stats.imported += r.profiles.length;
      stats.leftOut += r.leftOut.length + r.moreLeftOut;
      if (r.refused) stats.refused++;
      problems.push(
        ...reasonsAreReal(file, r),
        ...everyProfileAccounted(file, file.text, r),
        ...everyLineAccounted(file, file.text, r),
        ...everyEntryAccounted(file, file.text, r),
      );
    }
    expect(problems.slice(0, 20)).toEqual([]);
    // The corpus exercises both sides: plenty imported, plenty left out, some files refused.
    expect(stats.imported).toBeGreaterThan(1000);
    expect(stats.leftOut).toBeGreaterThan(1000);
    expect(stats.refused).toBeGreaterThan(50);
  });

  it('a wrong type at every path of a profile file: only the profile holding it is left out, with the path named', () => {
    const problems: string[] = [];
    const text = exportProfilesJson([smallProfile('before'), fullProfile(), smallProfile('after')]);
    const paths = pathsOf(JSON.parse(text)).filter((p) => p.length > 0);
    expect(paths.length).toBeGreaterThan(60);
    for (const path of paths) {
      for (const wrong of [42, 'text', null, true, [], {}, [[['deep']]]]) {
        const data = setAt(JSON.parse(text), path, wrong);
        const mutated = JSON.stringify(data);
        const file: CorpusFile = {
          kind: 'profiles-json',
          what: `${JSON.stringify(path)} = ${JSON.stringify(wrong)}`,
          text: mutated,
        };
        const r = importText(mutated, ctx);
        problems.push(...reasonsAreReal(file, r), ...everyProfileAccounted(file, mutated, r));
        const [top, index] = path;
        if (top === 'profiles' && typeof index === 'number' && path.length > 2) {
          const names = r.profiles.map((p) => p.profile.name);
          // Either the wrong value is refused (that profile left out, the others kept) or it is allowed.
          const left = r.leftOut.find((e) => e.item.type === 'profile' && e.item.index === index);
          if (left && names.length !== 2) problems.push(failure(file, `others lost: ${names.join(', ')}`));
          if (left && !left.reasons.some((p) => p.path.startsWith(`profiles[${index}].${String(path[2])}`)))
            problems.push(failure(file, `path not named: ${left.reasons.map((p) => p.path).join(', ')}`));
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });
});
