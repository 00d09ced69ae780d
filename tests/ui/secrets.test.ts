import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/clock/virtual-clock';
import { privateSettings, setPrivateSettings } from '../../src/profile/secrets';
import { webSerialFromGlobals } from '../../src/serial/web-serial';
import { SimulatedModule } from '../../src/simulator/core';
import { createSimulatorPort } from '../../src/simulator/host/in-process-port';
import { closeStore, getDb } from '../../src/storage/connection';
import { getDevice, listApplies, recordApply, recordDevice } from '../../src/storage/devices';
import { noDeviceMemory } from '../../src/ui/device-memory/device-memory';
import { maskSecrets } from '../../src/ui/logic/fields';
import { toSettingResults } from '../../src/ui/logic/profile-results';
import { rememberDeviceRead } from '../../src/ui/secrets/device-records';
import { loadPrivateMarks, setPrivateMark } from '../../src/ui/secrets/private-marks';
import { SessionAdapter } from '../../src/ui/services/session-adapter';
import { findCommand } from '../../src/protocol/catalogue';
import { freshStore } from '../storage/helpers';

const SECRETS = {
  CMDPW: 'Pw4field',
  APN: 'CMNET,fielduser,apnS3cret',
  CLOUD: '12345678901234567890,CLDpw123',
  HTPHD: 'Authorization: Bearer eyJhbGciOi.TOKEN[0D][0A]',
};
const CLEAR = ['Pw4field', 'apnS3cret', 'CLDpw123', 'eyJhbGciOi'];

async function dump(): Promise<string> {
  const db = await getDb();
  const out: unknown[] = [];
  for (const name of db.objectStoreNames) out.push(name, await db.getAll(name));
  return JSON.stringify(out);
}

beforeEach(async () => {
  setPrivateSettings([]);
  await freshStore();
});
afterEach(async () => {
  setPrivateSettings([]);
  await closeStore();
});

describe('what the UI keeps of a device (docs/security.md, "minimise")', () => {
  it('after "read device" with nothing saved, and after an apply, IndexedDB holds no secret in clear', async () => {
    const clock = new VirtualClock();
    const module = new SimulatedModule({ clock, poweredOn: false, wireTiming: true, seed: 5 });
    module.powerOn();
    clock.advanceSync(module.timings.bootMs + 5000);
    const adapter = new SessionAdapter(
      { simulatorPort: async () => createSimulatorPort(module), webSerial: webSerialFromGlobals({}) },
      { clock, memory: noDeviceMemory },
    );
    await clock.run(adapter.connect({ transport: 'simulator', line: 'auto' }));
    const id = await clock.run(adapter.identify());

    // The profile-apply component's steps: apply, then record the device and the result per setting.
    const report = await clock.run(adapter.apply(SECRETS));
    expect(report.results.map((r) => r.outcome)).toEqual(['applied', 'applied', 'applied', 'applied']);
    const device = await recordDevice({ imei: id.imei, sn: id.sn, firmware: id.version });
    await recordApply(device.id, {
      profileName: 'field',
      restarted: report.restarted,
      results: toSettingResults(report),
    });

    // The profile-device component's "read device": every value, secrets included, reaches the page…
    const values = await clock.run(adapter.readAll());
    expect(values['CMDPW']).toBe('Pw4field');
    expect(values['HTPHD']).toBe(SECRETS.HTPHD);
    // …and only who the device is reaches the database.
    await rememberDeviceRead({ imei: id.imei, sn: id.sn, firmware: id.version });

    const stored = await getDevice(device.id);
    expect(stored?.lastRead).toBeUndefined();
    expect(stored?.imei).toBe(id.imei);
    const [apply] = await listApplies(device.id);
    expect(apply?.results.find((r) => r.setting === 'CMDPW')).toMatchObject({
      value: '••••••',
      previous: '••••••',
      withheld: { changed: true },
    });
    const text = await dump();
    for (const secret of CLEAR) expect(text).not.toContain(secret);
    expect(text).not.toContain('"usr.cn"');
  });
});

describe('private marks and masked views', () => {
  it('marks are stored, applied at once, and read back at the next start', async () => {
    expect([...(await loadPrivateMarks())]).toEqual([]);
    await setPrivateMark('HEARTDT', true);
    await setPrivateMark('SOCKA', true);
    expect([...privateSettings()]).toEqual(['HEARTDT']);
    setPrivateSettings([]);
    expect([...(await loadPrivateMarks())]).toEqual(['HEARTDT']);
  });

  it('views mask credentials in free text and marked data, as they mask passwords', () => {
    const htphd = findCommand('HTPHD');
    const heartdt = findCommand('HEARTDT');
    if (!htphd || !heartdt) throw new Error('catalogue');
    expect(maskSecrets(htphd, SECRETS.HTPHD)).toBe('••••••');
    expect(maskSecrets(htphd, 'Connection: close[0D][0A]')).toBe('Connection: close[0D][0A]');
    expect(maskSecrets(heartdt, '7777')).toBe('7777');
    setPrivateSettings(['HEARTDT']);
    expect(maskSecrets(heartdt, '7777')).toBe('••••••');
  });
});
