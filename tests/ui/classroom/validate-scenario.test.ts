/**
 * The gate for scenario files a trainer imports (docs/scenarios.md): each mistake is refused with where it
 * is and what is wrong, in English and Chinese; values are checked against the command catalogue.
 */
import { describe, expect, it } from 'vitest';
import { evaluateCheck } from '../../../src/ui/classroom/evaluate';
import type { Check } from '../../../src/ui/classroom/scenario';
import { ScenarioTrace } from '../../../src/ui/classroom/trace';
import {
  parseScenarioFile,
  validateScenario,
  type ScenarioCheck,
} from '../../../src/ui/classroom/validate-scenario';
import { Harness } from '../../simulator/harness';

const GOOD = {
  format: 'dtu-scenario',
  version: 1,
  id: 'my-exercise',
  title: { en: 'Title', zh: '标题' },
  brief: { en: 'Brief', zh: '说明' },
  hints: [{ en: 'Hint', zh: '提示' }],
  start: { settings: { HEARTTM: '10' }, serverTiming: { A: { idleCloseSeconds: 15 } } },
  check: {
    kind: 'all',
    of: [
      { kind: 'setting', name: 'HEARTTM', max: 14 },
      { kind: 'not', check: { kind: 'link-events', socket: 'A', reason: 'dropped' } },
    ],
  },
};

/** GOOD with `patch` applied at a dotted path. */
function withPatch(path: string, value: unknown): unknown {
  const copy = structuredClone(GOOD) as Record<string, unknown>;
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  const last = keys.at(-1) as string;
  if (value === undefined) Reflect.deleteProperty(at, last);
  else at[last] = value;
  return copy;
}

function errors(r: ScenarioCheck): { path: string; en: string }[] {
  return r.ok ? [] : r.errors.map((e) => ({ path: e.path, en: e.message.en }));
}

describe('scenario files', () => {
  it('a well-formed file passes', () => {
    expect(validateScenario(GOOD)).toMatchObject({ ok: true, scenario: { id: 'my-exercise' } });
  });

  it('every error names its place, in English and Chinese', () => {
    const r = validateScenario(withPatch('check.of', [{ kind: 'setting', name: 'HEARTTM', max: 'ten' }]));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]?.path).toBe('check.of[0].max');
      expect(r.errors[0]?.message.zh).toMatch(/[一-龥]/);
    }
  });

  it('refuses unknown keys, missing keys and wrong types', () => {
    expect(errors(validateScenario(withPatch('colour', 'blue')))).toEqual([
      { path: 'colour', en: expect.stringContaining('Unknown key "colour"') },
    ]);
    expect(errors(validateScenario(withPatch('check', undefined)))).toEqual([
      { path: 'check', en: '"check" is missing' },
    ]);
    expect(errors(validateScenario(withPatch('title', 'Title')))[0]).toMatchObject({ path: 'title' });
    expect(errors(validateScenario(withPatch('hints', [])))[0]).toMatchObject({ path: 'hints' });
    expect(errors(validateScenario(withPatch('title.zh', '')))[0]).toMatchObject({ path: 'title.zh' });
    expect(errors(validateScenario(withPatch('id', 'My Exercise')))[0]).toMatchObject({ path: 'id' });
    expect(errors(validateScenario(withPatch('start.colour', 1)))[0]).toMatchObject({ path: 'start.colour' });
  });

  it('refuses another file format or version', () => {
    expect(errors(validateScenario(withPatch('format', 'dtu-profile')))[0]?.en).toContain(
      'Not a scenario file',
    );
    expect(errors(validateScenario(withPatch('version', 2)))[0]?.en).toContain('Version 2');
  });

  it('checks settings and values against the command catalogue', () => {
    expect(errors(validateScenario(withPatch('start.settings', { BAUD: '9600' })))).toEqual([
      { path: 'start.settings.BAUD', en: expect.stringContaining('not a setting') },
    ]);
    // The catalogue's own message: HEARTTM is 1–6000 s.
    expect(errors(validateScenario(withPatch('start.settings', { HEARTTM: '0' })))[0]).toMatchObject({
      path: 'start.settings.HEARTTM',
      en: expect.stringContaining('6000'),
    });
    expect(
      errors(validateScenario(withPatch('start.settings', { UART: '12345,8,1,NONE,NFC' })))[0],
    ).toMatchObject({ path: 'start.settings.UART' });
    // Lower case is not the manual's name.
    expect(errors(validateScenario(withPatch('start.settings', { hearttm: '5' })))[0]).toMatchObject({
      path: 'start.settings.hearttm',
    });
    expect(errors(validateScenario(withPatch('start.firmware', ['warp-drive'])))[0]?.en).toContain(
      'warp-drive',
    );
    expect(errors(validateScenario(withPatch('start.radio', { network: '5G', rssi: -70 })))[0]).toMatchObject(
      {
        path: 'start.radio.network',
      },
    );
    expect(errors(validateScenario(withPatch('start.serverTiming', { E: {} })))[0]).toMatchObject({
      path: 'start.serverTiming.E',
    });
  });

  it('refuses unknown check kinds and checks that could never be meant', () => {
    expect(errors(validateScenario(withPatch('check', { kind: 'telepathy' })))[0]).toEqual({
      path: 'check.kind',
      en: expect.stringContaining('Unknown check kind "telepathy"'),
    });
    expect(errors(validateScenario(withPatch('check', { kind: 'all', of: [] })))[0]).toMatchObject({
      path: 'check.of',
    });
    expect(
      errors(
        validateScenario(
          withPatch('check', { kind: 'setting', name: 'SOCKA', param: 'hostname', equals: 'x' }),
        ),
      ),
    ).toEqual([{ path: 'check.param', en: expect.stringContaining('protocol, address, port') }]);
    expect(
      errors(validateScenario(withPatch('check', { kind: 'setting', name: 'HEARTEN', equals: 'MAYBE' })))[0],
    ).toMatchObject({ path: 'check.equals' });
    expect(
      errors(validateScenario(withPatch('check', { kind: 'setting', name: 'SOCKA', max: 5 })))[0]?.en,
    ).toContain('whole-number');
    expect(
      errors(validateScenario(withPatch('check', { kind: 'setting', name: 'HEARTTM' })))[0]?.en,
    ).toContain('needs "equals"');
    expect(
      errors(
        validateScenario(
          withPatch('check', { kind: 'packets', socket: 'A', direction: 'up', min: 3, max: 1 }),
        ),
      ),
    ).toEqual([
      { path: 'check.direction', en: expect.any(String) },
      { path: 'check.max', en: expect.stringContaining('below') },
    ]);
    expect(
      errors(validateScenario(withPatch('check', { kind: 'link', socket: 'A', state: 'up' })))[0],
    ).toMatchObject({
      path: 'check.state',
    });
  });

  it('reads a file: JSON errors and oversized files are named', () => {
    expect(parseScenarioFile(JSON.stringify(GOOD)).ok).toBe(true);
    expect(errors(parseScenarioFile('{ "format": ')).at(0)?.en).toMatch(/^Not JSON/);
    expect(errors(parseScenarioFile(' '.repeat(70_000))).at(0)?.en).toContain('too large');
  });
});

describe('the check language', () => {
  const pass = (check: Check, trace: ScenarioTrace): boolean => evaluateCheck(check, trace).passed;

  it('all / any / not combine, part by part', () => {
    const h = new Harness();
    const trace = new ScenarioTrace();
    h.module.onEvent((e) => trace.add(e));
    h.module.control({ type: 'load-state', state: { settings: { HEARTTM: '10' } } });
    h.advance(2000);
    trace.setSnapshot(h.module.snapshot());
    const low: Check = { kind: 'setting', name: 'HEARTTM', max: 14 };
    const high: Check = { kind: 'setting', name: 'HEARTTM', min: 15 };
    expect(pass(low, trace)).toBe(true);
    expect(pass(high, trace)).toBe(false);
    expect(pass({ kind: 'all', of: [low, high] }, trace)).toBe(false);
    expect(pass({ kind: 'any', of: [low, high] }, trace)).toBe(true);
    expect(pass({ kind: 'not', check: high }, trace)).toBe(true);
    const result = evaluateCheck({ kind: 'all', of: [low, high] }, trace);
    expect(result.parts.map((p) => p.passed)).toEqual([true, false]);
  });

  it('a link must have been up for the time asked, on the simulator’s clock', () => {
    const h = new Harness();
    const trace = new ScenarioTrace();
    h.module.onEvent((e) => trace.add(e));
    h.module.control({ type: 'load-state', state: {} });
    h.advance(1000);
    trace.setSnapshot(h.module.snapshot());
    const up5: Check = { kind: 'link', socket: 'A', state: 'connected', forSeconds: 5 };
    expect(pass({ kind: 'link', socket: 'A', state: 'connected' }, trace)).toBe(true);
    expect(pass(up5, trace)).toBe(false);
    h.advance(5000);
    trace.setSnapshot(h.module.snapshot());
    expect(pass(up5, trace)).toBe(true);
    expect(pass({ kind: 'packets', socket: 'A', direction: 'to-server', max: 0 }, trace)).toBe(true);
    expect(pass({ kind: 'mode', is: 'net' }, trace)).toBe(true);
    expect(pass({ kind: 'radio', attached: true, network: '4G' }, trace)).toBe(true);
  });
});
