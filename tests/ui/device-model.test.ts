import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/clock/virtual-clock';
import { webSerialFromGlobals } from '../../src/serial/web-serial';
import { SimulatedModule } from '../../src/simulator/core';
import { createSimulatorPort } from '../../src/simulator/host/in-process-port';
import { noDeviceMemory } from '../../src/ui/device-memory/device-memory';
import { DeviceModel } from '../../src/ui/device-model/device-model';
import { markerOf, shortTime, summaryLines } from '../../src/ui/device-model/provenance';
import { MODEL } from '../../src/ui/device-model/strings';
import { wireDeviceModel } from '../../src/ui/device-model/wire-model';
import { KEEP } from '../../src/ui/keep-work/strings';
import { PRESET_TEXT } from '../../src/ui/presets/strings';
import { SessionAdapter } from '../../src/ui/services/session-adapter';
import type { DeviceFact, SessionService, UiSessionState } from '../../src/ui/services/session-service';
import { ConfigStore } from '../../src/ui/state/config-store';
import { placeholders, textPairs } from './text-pairs';

const T0 = Date.UTC(2026, 2, 26, 14, 2);

function value(name: string, v: string, source: 'read' | 'set', terminal = false): DeviceFact {
  return { kind: 'value', name, value: v, at: 0, source, terminal };
}

describe('device model', () => {
  it('keeps every value with when and how it was learned', () => {
    const m = new DeviceModel();
    m.readValues({ HEARTTM: '30', WKMOD: 'NET' }, T0);
    expect(m.get('HEARTTM')).toEqual({ value: '30', at: T0, how: 'read', terminal: false });
    m.learn(value('HEARTTM', '90', 'set', true), T0 + 60_000);
    expect(m.get('HEARTTM')).toEqual({ value: '90', at: T0 + 60_000, how: 'set', terminal: true });
    expect(m.values()).toEqual({ HEARTTM: '90', WKMOD: 'NET' });
    expect(m.unconfirmed()).toEqual(['HEARTTM']);
    m.learn(value('HEARTTM', '90', 'read', true), T0 + 120_000);
    expect(m.get('HEARTTM')?.how).toBe('read');
    expect(m.unconfirmed()).toEqual([]);
  });

  it('marks everything stale on RELD/CLEAR, until each value is read again', () => {
    const m = new DeviceModel();
    m.readValues({ HEARTTM: '30', WKMOD: 'NET' }, T0);
    m.learn({ kind: 'stale', at: 5, reason: 'reload' }, T0 + 1000);
    expect(m.get('WKMOD')?.stale).toEqual({ reason: 'reload', at: T0 + 1000 });
    expect(m.values()['WKMOD']).toBe('NET');
    expect(m.unconfirmed().sort()).toEqual(['HEARTTM', 'WKMOD']);
    m.readValues({ WKMOD: 'HTTPD' }, T0 + 2000);
    expect(m.get('WKMOD')).toEqual({ value: 'HTTPD', at: T0 + 2000, how: 'read', terminal: false });
    expect(m.summary()).toMatchObject({ stale: ['HEARTTM'], staleBecause: { reason: 'reload' } });
  });

  it('keeps the values on disconnect, not live; forgets them for another module', () => {
    const m = new DeviceModel();
    m.setLive(true, T0);
    m.readValues({ HEARTTM: '30' }, T0);
    expect(m.setLive(false, T0 + 5)).toBe(true);
    expect(m.summary()).toMatchObject({ live: false, offlineSince: T0 + 5, count: 1, lastReadAt: T0 });
    expect(m.values()).toEqual({ HEARTTM: '30' });
    m.forget();
    expect(m.size).toBe(0);
  });

  it('gives the same values object until something changes (stable for the views)', () => {
    const m = new DeviceModel();
    m.readValues({ HEARTTM: '30' }, T0);
    const a = m.values();
    expect(m.readValues({ HEARTTM: '30' }, T0)).toBe(false);
    expect(m.values()).toBe(a);
    m.readValues({ HEARTTM: '31' }, T0);
    expect(m.values()).not.toBe(a);
  });
});

describe('provenance words', () => {
  it('says read, set in the terminal (not read back) and may have changed', () => {
    const now = T0 + 1000;
    const read = markerOf({ value: '30', at: T0, how: 'read', terminal: false }, 'en', now);
    expect(read).toEqual({ kind: 'read', tone: 'muted', text: `read ${shortTime(T0, 'en', now)}` });
    const set = markerOf({ value: '90', at: T0, how: 'set', terminal: true }, 'en', now);
    expect(set.kind).toBe('set');
    expect(set.tone).toBe('warn');
    expect(set.text).toContain('set in the terminal');
    expect(set.text).toContain('not read back yet');
    const stale = markerOf(
      { value: '90', at: T0, how: 'read', terminal: false, stale: { reason: 'factory', at: T0 } },
      'zh',
      now,
    );
    expect(stale.kind).toBe('stale');
    expect(stale.text).toContain('AT+CLEAR');
  });

  it('sums up: last read, not connected, not read back, stale', () => {
    const m = new DeviceModel();
    m.setLive(true, T0);
    m.readValues({ HEARTTM: '30' }, T0);
    m.learn(value('SOCKASL', 'SHORT', 'set', true), T0);
    const live = summaryLines(m.summary(), 'en', T0);
    expect(live[0]).toMatch(/^Last read at/);
    expect(live[1]).toContain('not read back yet: Socket A connection type (AT+SOCKASL)');
    expect(summaryLines(m.summary(), 'en', T0, { readAt: false })[0]).toContain('not read back');
    m.setLive(false, T0 + 10);
    expect(summaryLines(m.summary(), 'en', T0)[0]).toMatch(/^Not connected/);
    m.markStale('restarted', T0 + 20);
    expect(summaryLines(m.summary(), 'en', T0).join(' ')).toContain('restarted by itself');
  });

  it('has both languages and the same placeholders for every string', () => {
    const pairs = textPairs({ MODEL, KEEP, PRESET_TEXT });
    expect(pairs.length).toBeGreaterThan(20);
    for (const [path, text] of pairs) {
      expect(text.en.trim(), path).not.toBe('');
      expect(text.zh.trim(), path).not.toBe('');
      expect(placeholders(text.zh), path).toEqual(placeholders(text.en));
    }
  });
});

describe('config store over the device model', () => {
  it('a fact updates the device values and drops an edit it now equals', () => {
    const s = new ConfigStore(() => T0);
    s.setDevice({ HEARTTM: '30', WKMOD: 'NET' });
    s.edit('HEARTTM', ['90'], '30');
    s.edit('WKMOD', ['HTTPD'], 'NET');
    let calls = 0;
    s.subscribe(() => calls++);
    s.learn(value('HEARTTM', '90', 'set', true));
    expect(s.device).toEqual({ HEARTTM: '90', WKMOD: 'NET' });
    expect([...s.draft.keys()]).toEqual(['WKMOD']);
    expect(s.model.get('HEARTTM')?.how).toBe('set');
    expect(calls).toBe(1);
  });

  it('restores saved edits without overriding ones made in this page', () => {
    const s = new ConfigStore(() => T0);
    s.edit('HEARTTM', ['5'], '30');
    const n = s.restoreDraft(
      new Map([
        ['HEARTTM', ['7']],
        ['SOCKASL', ['SHORT']],
      ]),
      T0 - 1000,
    );
    expect(n).toBe(1);
    expect(s.draft.get('HEARTTM')).toEqual(['5']);
    expect(s.draft.get('SOCKASL')).toEqual(['SHORT']);
    expect(s.restored).toEqual({ count: 1, savedAt: T0 - 1000 });
    s.dismissRestored();
    expect(s.restored).toBeUndefined();
  });
});

/** A SessionService-shaped fake: only state and facts, which is all the wiring uses. */
function fakeSession() {
  let state: UiSessionState = { kind: 'disconnected' };
  const states = new Set<(s: UiSessionState) => void>();
  const facts = new Set<(f: DeviceFact) => void>();
  const service = {
    get state() {
      return state;
    },
    subscribe(l: (s: UiSessionState) => void) {
      states.add(l);
      return () => states.delete(l);
    },
    onFact(l: (f: DeviceFact) => void) {
      facts.add(l);
      return () => facts.delete(l);
    },
  } as unknown as SessionService;
  return {
    service,
    set(next: UiSessionState) {
      state = next;
      for (const l of states) l(next);
    },
    fact(f: DeviceFact) {
      for (const l of facts) l(f);
    },
  };
}

describe('wiring the session to the model', () => {
  const line = { baud: 115200, dataBits: 8, stopBits: 1, parity: 'NONE' } as const;

  it('follows facts, live state, and marks a restart the session did not start, once', () => {
    const fake = fakeSession();
    const store = new ConfigStore(() => T0);
    wireDeviceModel(fake.service, store);
    fake.set({ kind: 'command', transport: 'simulator', line });
    fake.fact(value('HEARTTM', '30', 'read'));
    expect(store.model.live).toBe(true);
    fake.set({ kind: 'working', transport: 'simulator', line, restarted: true });
    expect(store.model.get('HEARTTM')?.stale?.reason).toBe('restarted');
    fake.fact(value('HEARTTM', '30', 'read'));
    fake.set({ kind: 'working', transport: 'simulator', line, restarted: true });
    expect(store.model.get('HEARTTM')?.stale).toBeUndefined();
    fake.set({ kind: 'disconnected' });
    expect(store.model.live).toBe(false);
    expect(store.device).toEqual({ HEARTTM: '30' });
  });

  it('through the real adapter: a terminal set is marked, a read makes it plain, RELD makes all stale', async () => {
    const clock = new VirtualClock();
    const module = new SimulatedModule({ clock, poweredOn: false, wireTiming: true, seed: 5 });
    module.powerOn();
    clock.advanceSync(module.timings.bootMs + 5000);
    const adapter = new SessionAdapter(
      {
        simulatorPort: async () => createSimulatorPort(module),
        webSerial: webSerialFromGlobals({}),
      },
      { clock, memory: noDeviceMemory },
    );
    const store = new ConfigStore(() => T0);
    wireDeviceModel(adapter, store);
    await clock.run(adapter.connect({ transport: 'simulator', line: 'auto' }));
    await clock.run(adapter.readAll());
    expect(store.model.get('HEARTTM')).toMatchObject({ value: '30', how: 'read', terminal: false });
    expect(store.model.size).toBe(47);

    const reply = await clock.run(adapter.sendRaw('AT+HEARTTM=90'));
    expect(reply.ok).toBe(true);
    expect(store.model.get('HEARTTM')).toMatchObject({ value: '90', how: 'set', terminal: true });
    expect(store.device?.['HEARTTM']).toBe('90');

    await clock.run(adapter.sendRaw('AT+HEARTTM?'));
    expect(store.model.get('HEARTTM')).toMatchObject({ value: '90', how: 'read', terminal: true });

    const reld = await clock.run(adapter.manage('RELD'));
    expect(reld.ok).toBe(true);
    expect(store.model.get('WKMOD')?.stale?.reason).toBe('reload');
    await clock.run(adapter.readAll());
    expect(store.model.unconfirmed()).toEqual([]);
    expect(store.model.get('HEARTTM')?.value).toBe('30');

    await clock.run(adapter.disconnect());
    expect(store.model.live).toBe(false);
    expect(store.model.size).toBe(47);
  });
});
