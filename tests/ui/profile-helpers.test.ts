import { describe, expect, it } from 'vitest';
import { pathLabel, problemText, settingLabel, formatTime } from '../../src/ui/logic/profile-format';
import { shareFragmentOf } from '../../src/ui/logic/profile-link-hash';
import { persistOnFirstSave } from '../../src/ui/logic/profile-persist';
import { applyFraction, applyProgressLabel } from '../../src/ui/logic/apply-progress';
import { isFailure, restoreValues, toSettingResults } from '../../src/ui/logic/profile-results';
import type { ApplyReport } from '../../src/ui/services/session-service';

describe('share-link fragments in the address', () => {
  it('are told apart from view ids', () => {
    expect(shareFragmentOf('#p=1.AbC_-')).toBe('p=1.AbC_-');
    expect(shareFragmentOf('#/p=1.x')).toBe('p=1.x');
    expect(shareFragmentOf('#profiles')).toBeUndefined();
    expect(shareFragmentOf('#settings')).toBeUndefined();
    expect(shareFragmentOf('')).toBeUndefined();
    expect(shareFragmentOf('#p=')).toBe('p=');
  });

  it('a link whose fragment a chat app percent-encoded still opens', () => {
    expect(shareFragmentOf('#p%3D1.AbC_-')).toBe('p=1.AbC_-');
    expect(shareFragmentOf('#%70%3D1.AbC')).toBe('p=1.AbC');
    expect(shareFragmentOf('#p%253D1.AbC')).toBe('p=1.AbC');
    expect(shareFragmentOf('#p=1.AbC%20_-%E2%80%8B')).toBe('p=1.AbC_-');
    expect(shareFragmentOf('#settings%20')).toBeUndefined();
  });
});

describe('showing profiles', () => {
  it('labels problem paths with the setting', () => {
    expect(pathLabel('profiles[2].values.SOCKA', 'en')).toMatch(/\(AT\+SOCKA\)$/);
    expect(pathLabel('name', 'en')).toBe('name');
    expect(pathLabel('values.FOO', 'en')).toBe('values.FOO');
    expect(problemText({ path: '', message: { en: 'Bad', zh: '坏' } }, 'zh')).toBe('坏');
    expect(problemText({ path: 'values.E', message: { en: 'Bad', zh: '坏' } }, 'en')).toMatch(
      /\(AT\+E\): Bad$/,
    );
    expect(settingLabel('NOPE', 'en')).toBe('NOPE');
    expect(formatTime(Date.UTC(2026, 0, 2), 'en')).toMatch(/2026/);
  });
});

describe('persistent storage', () => {
  it('is asked for once, on the first save', async () => {
    let asked = false;
    let requests = 0;
    const deps = {
      wasAsked: () => Promise.resolve(asked),
      markAsked: () => {
        asked = true;
        return Promise.resolve();
      },
      request: () => {
        requests++;
        return Promise.resolve('persisted' as const);
      },
    };
    expect(await persistOnFirstSave(deps)).toBe('persisted');
    expect(await persistOnFirstSave(deps)).toBe('asked-before');
    expect(requests).toBe(1);
  });

  it('never throws', async () => {
    const r = await persistOnFirstSave({
      wasAsked: () => Promise.reject(new Error('closed')),
      markAsked: () => Promise.resolve(),
      request: () => Promise.resolve('persisted'),
    });
    expect(r).toBe('unsupported');
  });
});

describe('apply results', () => {
  const report: ApplyReport = {
    results: [
      { name: 'SOCKA', value: 'TCP,b.cn,2', outcome: 'applied' },
      {
        name: 'E',
        value: 'OFF',
        outcome: 'rejected',
        error: { raw: '+ERR:4', meaning: { en: 'x', zh: 'x' } },
      },
      { name: 'HEARTTM', value: '5', outcome: 'not-reached' },
    ],
    snapshot: { SOCKA: 'TCP,a.cn,1', E: 'ON' },
    restarted: true,
    confirmed: { SOCKA: 'TCP,b.cn,2' },
  };

  it('become history records with the value before and the error', () => {
    expect(toSettingResults(report)).toEqual([
      { setting: 'SOCKA', outcome: 'applied', value: 'TCP,b.cn,2', previous: 'TCP,a.cn,1' },
      { setting: 'E', outcome: 'rejected', value: 'OFF', previous: 'ON', error: '+ERR:4' },
      { setting: 'HEARTTM', outcome: 'not-reached', value: '5' },
    ]);
    expect(report.results.filter(isFailure).map((r) => r.name)).toEqual(['E', 'HEARTTM']);
    expect(restoreValues(report)).toEqual({ SOCKA: 'TCP,a.cn,1', E: 'ON' });
  });

  it('give a progress fraction that only grows through the phases', () => {
    const phases = [
      applyFraction({ phase: 'plan', done: 0, total: 2 }),
      applyFraction({ phase: 'snapshot', done: 0, total: 2 }),
      applyFraction({ phase: 'write', done: 1, total: 2 }),
      applyFraction({ phase: 'restart', done: 2, total: 2 }),
      applyFraction({ phase: 'confirm', done: 1, total: 2 }),
      applyFraction({ phase: 'done', done: 2, total: 2 }),
    ];
    expect([...phases].sort((a, b) => a - b)).toEqual(phases);
    expect(phases.at(-1)).toBe(1);
  });

  it('name the step with the setting and a count that never passes the total', () => {
    expect(applyProgressLabel({ phase: 'write', name: 'SOCKA', done: 0, total: 2 }, 'en')).toBe(
      'Writing SOCKA (1/2)',
    );
    expect(applyProgressLabel({ phase: 'write', name: 'SOCKA', done: 2, total: 2 }, 'en')).toBe(
      'Writing SOCKA (2/2)',
    );
  });
});
