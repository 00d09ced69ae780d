import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setPrivateSettings } from '../../src/profile/secrets';
import { factoryDefaults } from '../../src/protocol/catalogue';
import {
  pristineState,
  type ModuleSavedState,
  type StatefulSimulator,
} from '../../src/simulator/host/saved-state';
import { setAppSetting } from '../../src/storage/app-settings';
import { closeStore } from '../../src/storage/connection';
import { getWorkspace, putWorkspace } from '../../src/storage/workspace';
import { draftRecord, editsOf, keepDraft, secretEdits } from '../../src/ui/keep-work/draft-keeper';
import { guardLeaving } from '../../src/ui/keep-work/keep-work';
import {
  keepSimulatorState,
  loadSimulatorState,
  simulatorRecord,
} from '../../src/ui/keep-work/simulator-keeper';
import { PRIVATE_MARKS_KEY } from '../../src/ui/secrets/private-marks';
import { ConfigStore } from '../../src/ui/state/config-store';
import { freshStore } from '../storage/helpers';

beforeEach(async () => {
  setPrivateSettings([]);
  await freshStore();
});
afterEach(() => closeStore());

const NOW = 1_800_000_000_000;

describe('pending edits kept over a reload', () => {
  it('are saved a moment after a change and come back in a new page', async () => {
    const first = new ConfigStore();
    const keeper = await keepDraft(first, { now: () => NOW, debounceMs: 0 });
    first.edit('HEARTTM', ['77'], '30');
    first.edit('SOCKA', ['TCP', 'demo.usr.cn', '2318'], 'TCP,test.usr.cn,2317');
    await keeper.flush();
    expect(await getWorkspace('draft')).toEqual({
      savedAt: NOW,
      edits: { HEARTTM: ['77'], SOCKA: ['TCP', 'demo.usr.cn', '2318'] },
      withheld: [],
    });
    keeper.stop();

    const second = new ConfigStore();
    const again = await keepDraft(second, { debounceMs: 0 });
    expect([...second.draft]).toEqual([
      ['HEARTTM', ['77']],
      ['SOCKA', ['TCP', 'demo.usr.cn', '2318']],
    ]);
    expect(second.restored).toEqual({ count: 2, savedAt: NOW });
    // Applied or reverted: nothing is kept any more.
    second.revertAll();
    await again.flush();
    expect(await getWorkspace('draft')).toBeUndefined();
    again.stop();
  });

  it('never writes an edit that holds a secret: it stays in the page, named', async () => {
    // The person marked the registration data private (Profiles → Passwords and privacy).
    await setAppSetting(PRIVATE_MARKS_KEY, ['REGDT']);
    const store = new ConfigStore();
    const keeper = await keepDraft(store, { now: () => NOW, debounceMs: 0 });
    store.edit('CMDPW', ['s3cret!'], 'usr.cn');
    store.edit('APN', ['CMNET', 'user', 'pw123'], 'CMNET,,');
    store.edit('HTPHD', ['Authorization: Bearer abc123[0D][0A]'], 'Connection: close[0D][0A]');
    store.edit('REGDT', ['4944313233'], '7777772E7573722E636E');
    store.edit('HEARTTM', ['77'], '30');
    expect(secretEdits(store.draft).sort()).toEqual(['APN', 'CMDPW', 'HTPHD', 'REGDT']);
    await keeper.flush();
    const record = await getWorkspace('draft');
    expect(record?.edits).toEqual({ HEARTTM: ['77'] });
    expect([...(record?.withheld ?? [])].sort()).toEqual(['APN', 'CMDPW', 'HTPHD', 'REGDT']);
    const text = JSON.stringify(record);
    for (const secret of ['s3cret!', 'pw123', 'abc123', '4944313233']) expect(text).not.toContain(secret);
    keeper.stop();
  });

  it('reads a stored draft as untrusted: unknown settings, wrong shapes and secrets are dropped', () => {
    const edits = editsOf({
      savedAt: 1,
      edits: {
        HEARTTM: ['77'],
        NOSUCH: ['1'],
        VER: ['x'],
        SOCKA: ['TCP', 'demo.usr.cn'],
        CMDPW: ['typed-by-hand'],
        __proto__: ['x'],
        UARTFT: ['9'.repeat(5000)],
      } as never,
      withheld: [],
    });
    expect([...edits]).toEqual([['HEARTTM', ['77']]]);
    expect(draftRecord(new Map([['HEARTTM', ['1']]]), 3)).toEqual({
      savedAt: 3,
      edits: { HEARTTM: ['1'] },
      withheld: [],
    });
  });

  it('asks before the page is left while edits are pending', () => {
    const store = new ConfigStore();
    const target = new EventTarget();
    guardLeaving(store, target as Window);
    const leave = (): boolean => {
      // Node's Event has a read-only returnValue; the browser's BeforeUnloadEvent a writable one.
      const e = new Event('beforeunload', { cancelable: true });
      Object.defineProperty(e, 'returnValue', { value: true, writable: true });
      target.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(leave()).toBe(false);
    store.edit('HEARTTM', ['77'], '30');
    expect(leave()).toBe(true);
    store.revertAll();
    expect(leave()).toBe(false);
  });
});

function state(stored: Record<string, string>): ModuleSavedState {
  const base = pristineState();
  return {
    ...base,
    stored: { ...base.stored, ...stored },
    firmware: ['g786-timing'],
    radio: { network: '2G', rssi: -95 },
  };
}

/** The worker's side of the simulator, as far as keeping its state goes. */
function fakeSimulator() {
  const listeners = new Set<(s: ModuleSavedState | null) => void>();
  const sim = {
    onSavedState(l: (s: ModuleSavedState | null) => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  } as unknown as StatefulSimulator;
  return { sim, tell: (s: ModuleSavedState | null) => listeners.forEach((l) => l(s)) };
}

describe('the simulated module kept over a reload', () => {
  it('writes each reported state without secrets, reads it back checked, and forgets it on reset', async () => {
    const { sim, tell } = fakeSimulator();
    keepSimulatorState(sim, () => NOW);
    tell(state({ HEARTTM: '77', CMDPW: 'n3wPass', APN: 'CMIOT,u,p4ss' }));
    await expect.poll(() => getWorkspace('simulator')).toBeDefined();
    const record = await getWorkspace('simulator');
    expect([...(record?.withheld ?? [])].sort()).toEqual(['APN', 'CMDPW']);
    expect(JSON.stringify(record)).not.toContain('n3wPass');
    expect(JSON.stringify(record)).not.toContain('p4ss');

    const loaded = await loadSimulatorState();
    expect(loaded?.stored['HEARTTM']).toBe('77');
    // Withheld settings come back at their factory value.
    expect(loaded?.stored['CMDPW']).toBe(factoryDefaults()['CMDPW']);
    expect(loaded?.stored['APN']).toBe(factoryDefaults()['APN']);
    expect(loaded?.firmware).toEqual(['g786-timing']);
    expect(loaded?.radio).toEqual({ network: '2G', rssi: -95 });

    tell(null);
    await expect.poll(() => getWorkspace('simulator')).toBeUndefined();
    expect(await loadSimulatorState()).toBeNull();
  });

  it('a damaged record starts the simulator as new, and bad parts fall back', async () => {
    await putWorkspace('simulator', { savedAt: 1, state: { nothing: true }, withheld: [] });
    expect(await loadSimulatorState()).toBeNull();
    await putWorkspace('simulator', {
      savedAt: 1,
      state: {
        stored: { HEARTTM: '99999', WKMOD: 'HTTPD', NOSUCH: '1' },
        firmware: ['no-such-firmware'],
        behaviours: { A: 'refuse', B: 'explode' },
        radio: { network: '5G', rssi: -70 },
      },
      withheld: [],
    });
    const loaded = await loadSimulatorState();
    expect(loaded?.stored['HEARTTM']).toBe('30');
    expect(loaded?.stored['WKMOD']).toBe('HTTPD');
    expect(loaded?.stored['NOSUCH']).toBeUndefined();
    expect(loaded?.firmware).toEqual([]);
    expect(loaded?.behaviours).toEqual({ A: 'refuse', B: 'echo', C: 'echo', D: 'echo' });
    expect(loaded?.radio).toEqual(pristineState().radio);
  });

  it('the record keeps settings, identity, firmware, behaviours and radio', () => {
    const r = simulatorRecord(state({ HEARTTM: '77' }), NOW);
    expect(r.savedAt).toBe(NOW);
    expect(r.withheld).toEqual([]);
    expect(r.state).toMatchObject({
      stored: { HEARTTM: '77' },
      firmware: ['g786-timing'],
      behaviours: { A: 'echo' },
      radio: { network: '2G', rssi: -95 },
      identity: pristineState().identity,
    });
  });
});
