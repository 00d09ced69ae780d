/**
 * A support bundle's configuration as the baseline of "only what differs" (docs/remote.md): the module's
 * values when the customer made the bundle; withheld passwords have no baseline and are sent; a file that
 * is not a bundle is refused with the bundle reader's own error.
 */
import { describe, expect, it } from 'vitest';
import { buildBundle, bundleToJson } from '../../src/profile/bundle';
import { bundleBaseline, notHeld } from '../../src/profile/remote/bundle-baseline';
import { planRemote } from '../../src/profile/remote/remote-plan';

function bundleText(device: Record<string, string>, includeSecrets: boolean): string {
  return bundleToJson(
    buildBundle({
      createdAt: new Date('2026-11-29T15:00:00Z'),
      app: { version: '0.1.0', browser: 'Node test' },
      transport: 'serial',
      identity: { version: 'V1.0.0', sn: 'SN1', imei: '860000000000001', iccid: '8986' },
      device,
      report: undefined,
      linkProof: undefined,
      traffic: [],
      dropped: { entries: 0, bytes: 0 },
      includeSecrets,
    }),
  );
}

const PROFILE = { HTPTO: '25', HEARTTM: '77', APN: 'cmnet,user,s3cret' };

describe('a support bundle as the baseline', () => {
  it('its "after" values: only the settings the module did not hold are sent, then AT+Z', () => {
    const text = bundleText({ HTPTO: '25', HEARTTM: '30', APN: 'cmnet,user,s3cret' }, true);
    const read = bundleBaseline(text);
    if (!read.ok) throw new Error(read.error.en);
    expect(notHeld(read.baseline.values, PROFILE)).toEqual([]);
    expect(read.baseline.madeAt).toBe(Date.parse('2026-11-29T15:00:00Z'));
    expect(read.baseline.identity?.imei).toBe('860000000000001');
    const plan = planRemote(PROFILE, {
      password: 'usr.cn',
      uartfl: 1024,
      socket: 'A',
      current: read.baseline.values,
    });
    expect(plan.sms.map((p) => p.command)).toEqual(['AT+HEARTTM=77', 'AT+Z']);
  });

  it('a bundle made without passwords names the withheld setting, which is then sent', () => {
    const text = bundleText({ HTPTO: '25', HEARTTM: '77', APN: 'cmnet,user,s3cret' }, false);
    const read = bundleBaseline(text);
    if (!read.ok) throw new Error(read.error.en);
    expect(notHeld(read.baseline.values, PROFILE)).toEqual(['APN']);
    expect(JSON.stringify(read.baseline.values)).not.toContain('s3cret');
    const plan = planRemote(PROFILE, {
      password: 'usr.cn',
      uartfl: 1024,
      socket: 'A',
      current: read.baseline.values,
    });
    expect(plan.writes.map((w) => w.name)).toEqual(['APN']);
  });

  it('a profile file or broken JSON is refused with the bundle reader’s error', () => {
    const profile = bundleBaseline('{"kind":"usr-lte-7s4-profile","values":{}}');
    expect(profile.ok).toBe(false);
    if (!profile.ok) expect(profile.error.en).toMatch(/^This is not a support bundle \(its "kind" should be/);
    const broken = bundleBaseline('{"kind": "usr-lte-7s4-support-bundle", ');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error.en).toMatch(/^This is not a support bundle: /);
    const bad = JSON.parse(bundleText({ HEARTTM: '30' }, true)) as Record<string, unknown>;
    const invalid = bundleBaseline(JSON.stringify({ ...bad, after: { HEARTTM: 5 } }));
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) expect(invalid.error.en).toContain('after');
  });
});
