/**
 * What a person sees after an import: every item left out named and explained, text from the file made
 * visible, the screen bounded however large the file, the full report downloadable, and saving done at
 * once — with no exception message on the screen.
 */
import { describe, expect, it, vi } from 'vitest';
import { exportProfilesJson } from '../../src/profile';
import { MAX_FILE_BYTES, importText } from '../../src/profile/import';
import type { Profile } from '../../src/profile/profile';
import { storageError } from '../../src/storage/errors';
import {
  SCREEN_ENTRIES,
  SCREEN_REASONS,
  fullReportText,
  itemLabel,
  reportFileName,
  screenReport,
} from '../../src/ui/import/report-text';
import { runImport, type ImportSource } from '../../src/ui/import/run-import';
import { smallProfile } from '../profile/fixtures';

const NOW = Date.UTC(2026, 2, 14);
const ctx = { fileName: 'f.json', now: NOW };
const source = (name: string, text: string): ImportSource => {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.length, bytes: () => Promise.resolve(bytes) };
};

describe('the import report', () => {
  it('a name with a direction override is shown with the character visible, not acting on the text', () => {
    const r = importText(exportProfilesJson([smallProfile('ok'), smallProfile('abc\u202Etxt.exe')]), ctx);
    const screen = screenReport(r, 'en');
    expect(screen.entries[0]?.label).toBe('Profile 2 "abc[U+202E]txt.exe"');
    expect(screen.entries[0]?.reasons[0]).toMatch(/^name: The name contains a text-direction override/);
    expect(itemLabel({ type: 'profile', index: 0, name: '\u2066x\u2069' }, 'zh')).toBe(
      '第 1 个配置档案 "[U+2066]x[U+2069]"',
    );
  });

  it('a file of 2 000 rejected profiles shows a bounded report, and the full report lists them all', () => {
    const bad = Array.from({ length: 2000 }, (_, i) => ({
      ...smallProfile(`bad ${i}`),
      values: Object.fromEntries(Array.from({ length: 60 }, (_v, k) => [`FOO${k}`, 'x'])),
    }));
    const text = JSON.stringify({ format: 'usr-7s4-profiles', version: 1, profiles: bad });
    const r = importText(text, ctx);
    expect(r.leftOut).toHaveLength(2000);
    const screen = screenReport(r, 'en');
    expect(screen.entries).toHaveLength(SCREEN_ENTRIES);
    expect(screen.entries.every((e) => e.reasons.length <= SCREEN_REASONS)).toBe(true);
    expect(screen.entries[0]?.moreReasons).toBe(51 - SCREEN_REASONS);
    expect(screen.more).toBe(2000 - SCREEN_ENTRIES);
    const full = fullReportText(r, { fileName: 'bad.json', lang: 'en', at: NOW, saved: [] });
    expect(full).toContain('Profile 2000 "bad 1999"');
    expect(full).toContain('Left out (2000):');
    expect(full.split('\r\n').length).toBeGreaterThan(2000 * 50);
  });

  it('a reason is cut on screen but whole in the full report; both languages', () => {
    const r = importText(`AT+WKMOD=NET\nAT+${'Q'.repeat(3000)}=1`, { ...ctx, fileName: 'x.txt' });
    const screen = screenReport(r, 'zh');
    expect(screen.entries[0]?.label).toBe('第 2 行');
    expect(screen.entries[0]?.reasons[0]?.length).toBeLessThanOrEqual(301);
    const full = fullReportText(r, { fileName: 'x.txt', lang: 'zh', at: NOW, saved: ['x'] });
    expect(full).toContain('Q'.repeat(3000));
    expect(full).toContain('已导入（1）');
  });

  it('the report file name is safe on every system', () => {
    expect(reportFileName('C:\\logs\\a:b*\u202E.json')).toBe('usr-7s4-import-report-a_b_.txt');
    expect(reportFileName('')).toBe('usr-7s4-import-report-file.txt');
  });
});

describe('running an import', () => {
  it('saves every good profile in one call and lists the rest', async () => {
    const save = vi.fn((_p: readonly Profile[]) => Promise.resolve());
    const afterSave = vi.fn(() => Promise.resolve('persisted'));
    const text = exportProfilesJson([
      smallProfile('a'),
      smallProfile('b', { UARTFT: '1' }),
      smallProfile('c'),
    ]);
    const o = await runImport(source('two.json', text), { now: () => NOW, save, afterSave });
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]?.[0].map((p) => p.name)).toEqual(['a', 'c']);
    expect(afterSave).toHaveBeenCalledTimes(1);
    expect(o.saved.map((p) => p.name)).toEqual(['a', 'c']);
    expect(o.result.leftOut[0]?.item).toEqual({ type: 'profile', index: 1, name: 'b' });
  });

  it('a storage failure says what to do, and nothing of the file counts as saved', async () => {
    const save = () => Promise.reject(storageError('quota'));
    const o = await runImport(source('a.json', exportProfilesJson([smallProfile('a')])), {
      now: () => NOW,
      save,
    });
    expect(o.saved).toEqual([]);
    expect(o.saveError?.en).toMatch(/no room left/);
  });

  it('a fault while saving is an unexpected problem with a copyable detail, not a message', async () => {
    const save = () => Promise.reject(new TypeError('x is not a function'));
    const o = await runImport(source('a.json', exportProfilesJson([smallProfile('a')])), {
      now: () => NOW,
      save,
    });
    expect(o.saveError).toBeUndefined();
    expect(o.unexpected).toMatch(/^TypeError: x is not a function/);
  });

  it('a file over the limit is refused before it is read', async () => {
    const bytes = vi.fn(() => Promise.resolve(new Uint8Array(0)));
    const o = await runImport(
      { name: 'huge.log', size: MAX_FILE_BYTES + 1, bytes },
      { now: () => NOW, save: () => Promise.resolve() },
    );
    expect(bytes).not.toHaveBeenCalled();
    expect(o.result.leftOut[0]?.reasons[0]?.message.en).toMatch(/files up to 20 MB are read/);
  });

  it('a file that cannot be opened says so', async () => {
    const o = await runImport(
      { name: 'gone.json', size: 10, bytes: () => Promise.reject(new DOMException('x', 'NotReadableError')) },
      { now: () => NOW, save: () => Promise.resolve() },
    );
    expect(o.openError?.en).toMatch(/could not be opened/);
    expect(o.unexpected).toBeUndefined();
  });
});
