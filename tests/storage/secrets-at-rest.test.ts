import { openDB, type IDBPDatabase } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setPrivateSettings } from '../../src/profile/secrets';
import { SECRET_MASK } from '../../src/protocol/secrets';
import { closeStore, getDb } from '../../src/storage/connection';
import {
  countDeviceData,
  forgetDevices,
  getDevice,
  listApplies,
  recordApply,
  recordDevice,
  rememberPort,
} from '../../src/storage/devices';
import { StorageError } from '../../src/storage/errors';
import {
  countProfileSecrets,
  profileSecretState,
  removeAllProfileSecrets,
  removeProfileSecrets,
  saveProfileWithSecrets,
  sealProfileSecrets,
  unlockProfileSecrets,
  withUnlocked,
} from '../../src/storage/profile-secrets';
import { addProfile, getProfile, getRawProfileRecord, listProfiles } from '../../src/storage/profiles';
import { DB_VERSION, type StoreSchemaV1, type StoreSchemaV3 } from '../../src/storage/schema';
import { openSealed, sealSecrets } from '../../src/storage/secret-box';
import { trashProfile } from '../../src/storage/trash';
import { upgradeToV1, upgradeToV2, upgradeToV3 } from '../../src/storage/upgrade';
import { fullProfile, smallProfile } from '../profile/fixtures';
import { freshStore } from './helpers';

/** Secrets as a device or a profile holds them, and the texts that must never rest in clear. */
const SECRET_VALUES = {
  CMDPW: 'k3y!pw',
  APN: 'CMNET,fielduser,apnS3cret',
  CLOUD: '12345678901234567890,CLDpw123',
  HTPHD: 'Authorization: Bearer eyJhbGciOi.TOKEN[0D][0A]Connection: close[0D][0A]',
  HTPURL: '/up.php[3F]token[3D]T0kenValue',
  REGDT: '4944313233',
} as const;
const CLEAR_TEXTS = ['k3y!pw', 'apnS3cret', 'CLDpw123', 'eyJhbGciOi', 'T0kenValue'];

/** Every record of every store, as one text: what a copy of the browser's data would show. */
async function dumpDatabase(): Promise<string> {
  const db = await getDb();
  const out: unknown[] = [];
  for (const name of db.objectStoreNames) out.push(name, await db.getAll(name));
  return JSON.stringify(out);
}

function expectNoClearSecret(dump: string): void {
  for (const text of CLEAR_TEXTS) expect(dump).not.toContain(text);
}

const PASSPHRASE = 'correct horse battery';

beforeEach(async () => {
  setPrivateSettings([]);
  await freshStore();
});
afterEach(async () => {
  setPrivateSettings([]);
  await closeStore();
});

describe('devices store and apply history keep no secret in clear', () => {
  it('a device read is stored with every secret part masked ("set") and empty ones left empty ("not set")', async () => {
    await recordDevice({ imei: '868123456789012' }, { ...SECRET_VALUES, WKMOD: 'NET', APN: 'CMNET,u,pw9' });
    const d = await getDevice('868123456789012');
    expect(d?.lastRead?.values).toMatchObject({
      WKMOD: 'NET',
      CMDPW: SECRET_MASK,
      APN: `CMNET,u,${SECRET_MASK}`,
      CLOUD: `12345678901234567890,${SECRET_MASK}`,
      HTPHD: SECRET_MASK,
      HTPURL: SECRET_MASK,
      REGDT: '4944313233',
    });
    expect(d?.lastRead?.withheld).toEqual(['CMDPW', 'APN', 'CLOUD', 'HTPHD', 'HTPURL']);
    await recordDevice({ imei: '868123456789012' }, { APN: 'CMIOT,,', CLOUD: ',' });
    expect((await getDevice('868123456789012'))?.lastRead).toEqual({
      at: expect.any(Number),
      values: { APN: 'CMIOT,,', CLOUD: ',' },
    });
    expectNoClearSecret(await dumpDatabase());
  });

  it('registration data the person marked private is withheld like a password', async () => {
    setPrivateSettings(['REGDT']);
    await recordDevice({ sn: 'SN1' }, { REGDT: '4944313233', HEARTDT: '7777' });
    expect((await getDevice('SN1'))?.lastRead?.values).toEqual({ REGDT: SECRET_MASK, HEARTDT: '7777' });
  });

  it('an apply keeps old and new passwords only as "set" and whether they changed', async () => {
    await recordDevice({ sn: 'A' });
    await recordApply('A', {
      restarted: true,
      results: [
        { setting: 'CMDPW', outcome: 'applied', value: 'n3wPass', previous: 'k3y!pw' },
        { setting: 'APN', outcome: 'unchanged', value: 'CMNET,u,apnS3cret', previous: 'CMNET,u,apnS3cret' },
        { setting: 'APN', outcome: 'applied', value: 'CMNET,u2,apnS3cret', previous: 'CMNET,u,apnS3cret' },
        { setting: 'HTPHD', outcome: 'rejected', value: SECRET_VALUES.HTPHD, error: '+ERR:4' },
        { setting: 'WKMOD', outcome: 'applied', value: 'HTTPD', previous: 'NET' },
      ],
    });
    const [apply] = await listApplies('A');
    expect(apply?.results).toEqual([
      {
        setting: 'CMDPW',
        outcome: 'applied',
        value: SECRET_MASK,
        previous: SECRET_MASK,
        withheld: { changed: true },
      },
      {
        setting: 'APN',
        outcome: 'unchanged',
        value: `CMNET,u,${SECRET_MASK}`,
        previous: `CMNET,u,${SECRET_MASK}`,
        withheld: { changed: false },
      },
      {
        setting: 'APN',
        outcome: 'applied',
        value: `CMNET,u2,${SECRET_MASK}`,
        previous: `CMNET,u,${SECRET_MASK}`,
        withheld: { changed: false },
      },
      { setting: 'HTPHD', outcome: 'rejected', value: SECRET_MASK, error: '+ERR:4', withheld: {} },
      { setting: 'WKMOD', outcome: 'applied', value: 'HTTPD', previous: 'NET' },
    ]);
    expect(await dumpDatabase()).not.toContain('n3wPass');
    expectNoClearSecret(await dumpDatabase());
  });

  it('forgetting devices wipes devices, history and ports at once', async () => {
    await recordDevice({ sn: 'A' }, { WKMOD: 'NET' });
    await recordApply('A', { restarted: false, results: [] });
    await rememberPort('simulator', { uartft: 200 });
    expect(await countDeviceData()).toEqual({ devices: 1, applies: 1, ports: 1 });
    expect(await forgetDevices()).toEqual({ devices: 1, applies: 1, ports: 1 });
    expect(await countDeviceData()).toEqual({ devices: 0, applies: 0, ports: 0 });
  });

  it('upgrading a version-3 database withholds the secrets it already holds, keeping everything else', async () => {
    const name = await freshStore();
    const db: IDBPDatabase<StoreSchemaV3> = await openDB<StoreSchemaV3>(name, 3, {
      upgrade: (d, _old, _new, tx) => {
        upgradeToV1(d as unknown as IDBPDatabase<StoreSchemaV1>);
        upgradeToV2(tx as never);
        upgradeToV3(d);
      },
    });
    const tx = db.transaction(['devices', 'applies', 'profiles'], 'readwrite');
    await Promise.all([
      tx.objectStore('devices').put({
        id: 'SN9',
        sn: 'SN9',
        firstSeen: 1,
        lastSeen: 2,
        lastRead: { at: 2, values: { ...SECRET_VALUES, WKMOD: 'NET' } },
      }),
      tx.objectStore('devices').put({ id: 'SN8', sn: 'SN8', firstSeen: 1, lastSeen: 2 }),
      tx.objectStore('applies').add({
        deviceId: 'SN9',
        at: 3,
        restarted: true,
        results: [
          { setting: 'CMDPW', outcome: 'applied', value: 'n3wPass', previous: 'k3y!pw' },
          { setting: 'WKMOD', outcome: 'applied', value: 'HTTPD', previous: 'NET' },
        ],
      }),
      tx.objectStore('profiles').put({ id: 'p', profile: fullProfile() }),
    ]);
    await tx.done;
    db.close();

    expect((await getDb()).version).toBe(DB_VERSION);
    const device = await getDevice('SN9');
    expect(device?.lastRead?.values['WKMOD']).toBe('NET');
    expect(device?.lastRead?.values['CMDPW']).toBe(SECRET_MASK);
    expect((await getDevice('SN8'))?.lastRead).toBeUndefined();
    const [apply] = await listApplies('SN9');
    expect(apply?.results[0]).toEqual({
      setting: 'CMDPW',
      outcome: 'applied',
      value: SECRET_MASK,
      previous: SECRET_MASK,
      withheld: { changed: true },
    });
    expect(apply?.results[1]).toEqual({
      setting: 'WKMOD',
      outcome: 'applied',
      value: 'HTTPD',
      previous: 'NET',
    });
    // Saved profiles are the person's: the upgrade leaves them as they are.
    expect((await getProfile('p')).profile).toEqual(fullProfile());
    const dump = await dumpDatabase();
    for (const text of ['eyJhbGciOi', 'T0kenValue', 'n3wPass']) expect(dump).not.toContain(text);
  });
});

describe('saved profiles: marked, stripped, sealed', () => {
  const withSecrets = () => ({
    ...smallProfile('Pump 7'),
    values: { ...smallProfile('x').values, ...SECRET_VALUES },
  });

  it('a profile holding secrets says which; stripping one removes exactly those settings', async () => {
    const saved = await addProfile(withSecrets());
    // In the catalogue's editor order, as validation leaves a saved profile.
    expect(profileSecretState(saved)).toEqual({
      clear: ['CMDPW', 'APN', 'CLOUD', 'HTPURL', 'HTPHD'],
      sealed: [],
    });
    const stripped = await removeProfileSecrets(saved.id);
    expect(profileSecretState(stripped)).toEqual({ clear: [], sealed: [] });
    expect(stripped.profile.values['REGDT']).toBe('4944313233');
    expect(Object.keys(stripped.profile.values)).toEqual(
      Object.keys(saved.profile.values).filter(
        (n) => !['CMDPW', 'APN', 'CLOUD', 'HTPHD', 'HTPURL'].includes(n),
      ),
    );
  });

  it('secrets can be removed from all profiles at once, the trash included; damaged records are left alone', async () => {
    const a = await addProfile(withSecrets());
    const b = await addProfile(fullProfile());
    await trashProfile(b.id);
    await addProfile(smallProfile('no secrets'));
    await saveProfileWithSecrets(withSecrets(), { keep: 'sealed', passphrase: PASSPHRASE });
    const db = await getDb();
    await db.put('profiles', { id: 'broken', profile: { name: 'half' } } as never);
    expect(await countProfileSecrets()).toEqual({ clear: 2, sealed: 1, damaged: 1 });

    expect(await removeAllProfileSecrets()).toEqual({ profiles: 3, damaged: 1 });
    expect(await countProfileSecrets()).toEqual({ clear: 0, sealed: 0, damaged: 1 });
    expect(profileSecretState(await getProfile(a.id)).clear).toEqual([]);
    expect(await getRawProfileRecord('broken')).toEqual({ id: 'broken', profile: { name: 'half' } });
    expect((await listProfiles()).profiles.map((p) => p.profile.name).sort()).toEqual([
      'Pump 7',
      'Pump 7',
      'no secrets',
    ]);
    expectNoClearSecret(await dumpDatabase());
  });

  it('sealed secrets round-trip with the passphrase, never rest in clear, and a wrong one fails cleanly', async () => {
    const saved = await saveProfileWithSecrets(withSecrets(), { keep: 'sealed', passphrase: PASSPHRASE });
    expect(profileSecretState(saved)).toEqual({
      clear: [],
      sealed: ['CMDPW', 'APN', 'CLOUD', 'HTPHD', 'HTPURL'],
    });
    const dump = await dumpDatabase();
    expectNoClearSecret(dump);
    expect(dump).not.toContain(PASSPHRASE);

    const stored = await getProfile(saved.id);
    const opened = await unlockProfileSecrets(stored, PASSPHRASE);
    expect(withUnlocked(stored, opened).values).toEqual(withSecrets().values);

    const wrong = await unlockProfileSecrets(stored, 'not the passphrase').catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(StorageError);
    expect((wrong as StorageError).kind).toBe('wrong-passphrase');
    expect((wrong as StorageError).text.zh).toMatch(/口令/);
    // Nothing changed by the failed attempt.
    expect(await getProfile(saved.id)).toEqual(stored);
  });

  it('sealing later merges with what is already sealed, and refuses another passphrase before writing', async () => {
    const saved = await saveProfileWithSecrets(
      { ...smallProfile('P'), values: { CMDPW: 'k3y!pw' } },
      { keep: 'sealed', passphrase: PASSPHRASE },
    );
    await saveProfileWithSecrets(
      { ...saved.profile, values: { ...saved.profile.values, APN: 'CMNET,u,apnS3cret' } },
      { keep: 'clear' },
      saved.id,
    );
    expect(profileSecretState(await getProfile(saved.id))).toEqual({ clear: ['APN'], sealed: ['CMDPW'] });
    const before = await getProfile(saved.id);
    await expect(sealProfileSecrets(saved.id, 'another passphrase')).rejects.toMatchObject({
      kind: 'wrong-passphrase',
    });
    expect(await getProfile(saved.id)).toEqual(before);
    const sealed = await sealProfileSecrets(saved.id, PASSPHRASE);
    expect(profileSecretState(sealed)).toEqual({ clear: [], sealed: ['CMDPW', 'APN'] });
    expect(await unlockProfileSecrets(sealed, PASSPHRASE)).toEqual({
      CMDPW: 'k3y!pw',
      APN: 'CMNET,u,apnS3cret',
    });
  });

  it('choosing not to keep secrets saves the profile without them', async () => {
    const saved = await saveProfileWithSecrets(withSecrets(), { keep: 'none' });
    expect(profileSecretState(saved)).toEqual({ clear: [], sealed: [] });
    expectNoClearSecret(await dumpDatabase());
  });
});

describe('secret box (Web Crypto PBKDF2 + AES-GCM)', () => {
  it('uses a fresh salt and IV each time and at least 600 000 iterations', async () => {
    const a = await sealSecrets({ CMDPW: 'k3y!pw' }, PASSPHRASE);
    const b = await sealSecrets({ CMDPW: 'k3y!pw' }, PASSPHRASE);
    expect(a.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.cipher.iv).not.toBe(b.cipher.iv);
    expect(a.data).not.toBe(b.data);
    expect(JSON.stringify(a)).not.toContain('k3y!pw');
  });

  it('a changed ciphertext, IV or settings list fails like a wrong passphrase; a malformed record is damaged', async () => {
    const s = await sealSecrets({ CMDPW: 'k3y!pw' }, PASSPHRASE);
    expect(await openSealed(s, PASSPHRASE)).toEqual({ ok: true, values: { CMDPW: 'k3y!pw' } });
    expect(await openSealed(s, 'wrong passphrase')).toEqual({ ok: false, reason: 'wrong-passphrase' });
    const flipped = atob(s.data);
    const data = btoa(String.fromCharCode(flipped.charCodeAt(0) ^ 1) + flipped.slice(1));
    expect(await openSealed({ ...s, data }, PASSPHRASE)).toEqual({ ok: false, reason: 'wrong-passphrase' });
    expect(await openSealed({ ...s, settings: ['APN'] }, PASSPHRASE)).toEqual({
      ok: false,
      reason: 'wrong-passphrase',
    });
    expect(await openSealed({ ...s, kdf: { ...s.kdf, iterations: 1 } }, PASSPHRASE)).toEqual({
      ok: false,
      reason: 'damaged',
    });
    expect(await openSealed({ nonsense: true }, PASSPHRASE)).toEqual({ ok: false, reason: 'damaged' });
  });

  it('refuses a short passphrase', async () => {
    await expect(sealSecrets({ CMDPW: 'x' }, 'short')).rejects.toThrow(/at least 8/);
  });
});
