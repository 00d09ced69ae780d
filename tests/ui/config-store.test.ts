import { describe, expect, it } from 'vitest';
import { ConfigStore } from '../../src/ui/state/config-store';

describe('config store shared by the views', () => {
  it('keeps an edit only while it differs from its base', () => {
    const s = new ConfigStore();
    let calls = 0;
    s.subscribe(() => calls++);
    s.edit('HEARTTM', ['5'], '30');
    expect(s.draft.get('HEARTTM')).toEqual(['5']);
    s.edit('HEARTTM', ['30'], '30');
    expect(s.draft.has('HEARTTM')).toBe(false);
    expect(calls).toBe(2);
  });

  it('drops edits the device now has after a read', () => {
    const s = new ConfigStore();
    s.edit('HEARTTM', ['5'], '30');
    s.edit('WKMOD', ['HTTPD'], 'NET');
    s.setDevice({ HEARTTM: '5', WKMOD: 'NET' });
    expect([...s.draft.keys()]).toEqual(['WKMOD']);
  });

  it('merges values read back after an apply and clears written edits', () => {
    const s = new ConfigStore();
    s.setDevice({ HEARTTM: '30', WKMOD: 'NET' });
    s.edit('HEARTTM', ['5'], '30');
    s.edit('WKMOD', ['HTTPD'], 'NET');
    s.updateDevice({ HEARTTM: '5' });
    s.clearEdits(['HEARTTM']);
    expect(s.device).toEqual({ HEARTTM: '5', WKMOD: 'NET' });
    expect([...s.draft.keys()]).toEqual(['WKMOD']);
  });

  it('drops the last apply report at a new edit, keeps the last link check for the dashboard', () => {
    const s = new ConfigStore();
    const report = { results: [], snapshot: {}, restarted: false, confirmed: {} };
    s.setReport(report);
    s.setLinkProof({ kind: 'stopped', report });
    s.edit('HEARTTM', ['5'], '30');
    expect(s.report).toBeUndefined();
    expect(s.linkProof?.kind).toBe('stopped');
    s.forgetDevice();
    expect(s.linkProof).toBeUndefined();
  });

  it('forgets the device but keeps edits when another module is connected', () => {
    const s = new ConfigStore();
    s.setDevice({ WKMOD: 'NET' });
    s.edit('WKMOD', ['HTTPD'], 'NET');
    s.forgetDevice();
    expect(s.device).toBeUndefined();
    expect(s.draft.size).toBe(1);
  });
});
