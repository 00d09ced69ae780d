import { describe, expect, it } from 'vitest';
import {
  BUNDLE_KIND,
  buildBundle,
  bundleFragmentOf,
  bundleLink,
  bundleToJson,
  MAX_BUNDLE_LINK_CHARS,
  MAX_BUNDLE_LOG_ENTRIES,
  readBundle,
  readBundleLink,
  type BundleSource,
  type SupportBundle,
} from '../../src/profile/bundle';
import { bundleTextToBytes, bytesToBundleText } from '../../src/profile/bundle/byte-text';
import { redactLog } from '../../src/protocol/redact-log';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const dec = (b: Uint8Array): string => new TextDecoder().decode(b);

function source(over: Partial<BundleSource> = {}): BundleSource {
  return {
    createdAt: new Date('2026-11-29T15:00:00Z'),
    app: { version: '0.1.0', browser: 'Chrome 156 on Linux' },
    transport: 'serial',
    identity: {
      version: 'V1.0.6',
      sn: '01201812010000012345',
      imei: '868323023456780',
      iccid: '89860117851012345678',
    },
    device: {
      HEARTTM: '90',
      SOCKA: 'TCP,demo.usr.cn,2318',
      CMDPW: 'secret7',
      APN: 'CMNET,user,pa55word',
      HTPHD: 'Authorization: Bearer abc.def[0D][0A]',
    },
    report: {
      results: [
        { name: 'HEARTTM', value: '90', outcome: 'applied' },
        { name: 'CMDPW', value: 'secret7', outcome: 'applied' },
        {
          name: 'SOCKA',
          value: 'TCP,demo.usr.cn,2318',
          outcome: 'rejected',
          error: { raw: '+ERR:3', meaning: { en: 'Parameter error', zh: '参数错误' } },
        },
      ],
      snapshot: { HEARTTM: '30', CMDPW: 'usr.cn', SOCKA: 'TCP,test.usr.cn,2317' },
      restarted: true,
      confirmed: { HEARTTM: '90', CMDPW: 'secret7' },
    },
    linkProof: {
      kind: 'done',
      at: 1_780_000_000_000,
      proof: {
        mode: 'NET',
        watchedMs: 3000,
        sockets: [
          { socket: 'A', verdict: 'down', server: 'TCP,demo.usr.cn,2318', reason: 'server-unreachable' },
        ],
      },
    },
    traffic: [
      { at: 0, dir: 'note', bytes: enc('open 115200 8N1') },
      { at: 10, dir: 'tx', bytes: enc('AT+CMDPW=secret7\r') },
      { at: 12, dir: 'rx', bytes: enc('AT+CMDPW=secret7\r\r\nOK\r\n') },
      // A reply cut in two reads, the secret across the cut.
      { at: 20, dir: 'tx', bytes: enc('AT+CMDPW?\r') },
      { at: 21, dir: 'rx', bytes: enc('AT+CMDPW?\r\r\n+CMDPW:sec') },
      { at: 22, dir: 'rx', bytes: enc('ret7\r\n\r\nOK\r\n') },
      // Password AT: the password is the prefix (manual 3.1.3).
      { at: 30, dir: 'tx', bytes: enc('secret7AT+VER\r') },
      { at: 31, dir: 'rx', bytes: enc('\r\n+VER:V1.0.6\r\n\r\nOK\r\n') },
      { at: 40, dir: 'tx', bytes: enc('AT+HEARTTM?\r') },
      { at: 41, dir: 'rx', bytes: new Uint8Array([0x00, 0xff, 0x5c, 0xe4, 0xb8, 0xad, 0x0d, 0x0a]) },
    ],
    dropped: { entries: 3, bytes: 120 },
    includeSecrets: false,
    ...over,
  };
}

describe('support bundle: what it holds and what stays out', () => {
  it('holds identity, before and after, the apply report with link proof, the timed log, app and browser', () => {
    const b = buildBundle(source());
    expect(b.kind).toBe(BUNDLE_KIND);
    expect(b.identity?.imei).toBe('868323023456780');
    expect(b.before['HEARTTM']).toBe('30');
    expect(b.after['HEARTTM']).toBe('90');
    expect(b.apply?.results.map((r) => r.outcome)).toEqual(['applied', 'applied', 'rejected']);
    expect(b.linkProof?.sockets[0]?.reason).toBe('server-unreachable');
    expect(b.app).toEqual({ version: '0.1.0', browser: 'Chrome 156 on Linux' });
    // Times as logged (ms since the session opened); the two reads holding the secret became one.
    expect(b.log.entries.map((e) => e.t)).toEqual([0, 10, 12, 20, 21, 30, 31, 40, 41]);
    expect(b.log.dropped).toEqual({ entries: 3, bytes: 120 });
  });

  it('withholds passwords and credentials by default: settings named, report values masked, log lines redacted', () => {
    const b = buildBundle(source());
    const file = bundleToJson(b);
    expect(file).not.toContain('secret7');
    expect(file).not.toContain('pa55word');
    expect(file).not.toContain('Bearer abc');
    expect(b.secrets).toBe('withheld');
    expect(b.withheld).toEqual(['APN', 'CMDPW', 'HTPHD']);
    expect(b.after['CMDPW']).toBeUndefined();
    expect(b.before['CMDPW']).toBeUndefined();
    expect(b.apply?.results[1]?.value).toBe('••••••');
    const lines = b.log.entries.map((e) => `${e.dir}:${dec(e.bytes)}`);
    expect(lines).toContain('tx:AT+CMDPW=••••••\r');
    expect(lines).toContain('rx:AT+CMDPW?\r\r\n+CMDPW:••••••\r\n\r\nOK\r\n');
    expect(lines).toContain('tx:••••••AT+VER\r');
    // The two reads that held the secret became one entry, at the time of the first.
    expect(b.log.entries.find((e) => dec(e.bytes).includes('+CMDPW:'))?.t).toBe(21);
    expect(b.redactedLines).toBe(4);
    // Untouched entries keep their bytes exactly, binary ones too.
    expect([...(b.log.entries.at(-1)?.bytes ?? [])]).toEqual([
      0x00, 0xff, 0x5c, 0xe4, 0xb8, 0xad, 0x0d, 0x0a,
    ]);
  });

  it('includes them only when the sender opts in', () => {
    const b = buildBundle(source({ includeSecrets: true }));
    expect(b.secrets).toBe('included');
    expect(b.withheld).toEqual([]);
    expect(b.after['CMDPW']).toBe('secret7');
    expect(bundleToJson(b)).toContain('AT+CMDPW=secret7');
  });

  it('a log line split over many writes (raw mode, one key at a time) is still redacted', () => {
    const keys = [...'AT+CMDPW=abc\r'].map((c, i) => ({ t: i, dir: 'tx' as const, bytes: enc(c) }));
    const r = redactLog([...keys, { t: 50, dir: 'rx', bytes: enc('OK\r\n') }]);
    expect(r.entries.map((e) => dec(e.bytes))).toEqual(['AT+CMDPW=••••••\r', 'OK\r\n']);
    expect(r.entries[0]?.t).toBe(0);
  });

  it('every byte value survives the file’s byte text', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = bytesToBundleText(all);
    expect(text).toMatch(/^[\x20-\x7e]*$/);
    expect([...(bundleTextToBytes(text) ?? [])]).toEqual([...all]);
    expect(bytesToBundleText(enc('AT+VER?\r'))).toBe('AT+VER?\\r');
    expect(bundleTextToBytes('\\q')).toBeUndefined();
  });
});

describe('reading a bundle: strict, with specific errors', () => {
  const good = (): SupportBundle => buildBundle(source());
  const edit = (f: (o: Record<string, unknown>) => void): string => {
    const o = JSON.parse(bundleToJson(good())) as Record<string, unknown>;
    f(o);
    return JSON.stringify(o);
  };

  it('reads back exactly what was written', () => {
    const b = good();
    const r = readBundle(bundleToJson(b));
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.bundle).toEqual(b);
    expect(r.unknownSettings).toEqual([]);
  });

  it('refuses another kind of file, a newer version, a key given twice', () => {
    const profile = readBundle('{"format":"usr-7s4-profiles","version":1,"profiles":[]}');
    expect(!profile.ok && profile.error.code).toBe('not-a-bundle');
    const newer = readBundle(edit((o) => (o.version = 2)));
    expect(!newer.ok && newer.error.code).toBe('version');
    expect(!newer.ok && newer.error.message.en).toMatch(/newer version/);
    const dup = readBundle(
      bundleToJson(good()).replace('"secrets": "withheld",', '"secrets": "withheld", "secrets": "included",'),
    );
    expect(!dup.ok && dup.error.code).toBe('duplicate-key');
    const notJson = readBundle('{ kind: bundle');
    expect(!notJson.ok && notJson.error.code).toBe('not-json');
  });

  it('names every field of the wrong type with where it is', () => {
    const r = readBundle(
      edit((o) => {
        (o.identity as Record<string, unknown>).imei = 868323023456780;
        const second = ((o.log as Record<string, unknown>).entries as Record<string, unknown>[])[1];
        if (second) second.t = 'soon';
        (o.apply as Record<string, unknown>).restarted = 'yes';
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid');
    expect(r.error.problems.map((p) => p.path)).toEqual([
      'identity.imei',
      'apply.restarted',
      'log.entries[1].t',
    ]);
  });

  it('refuses a log past the limits (entries, bytes) and says the limit', () => {
    const many = readBundle(
      edit((o) => {
        (o.log as Record<string, unknown>).entries = Array.from(
          { length: MAX_BUNDLE_LOG_ENTRIES + 1 },
          (_, i) => ({ t: i, dir: 'tx', data: 'A' }),
        );
      }),
    );
    expect(!many.ok && many.error.code).toBe('log-too-large');
    expect(!many.ok && many.error.message.en).toContain(String(MAX_BUNDLE_LOG_ENTRIES));
    const big = readBundle(
      edit((o) => {
        (o.log as Record<string, unknown>).entries = [{ t: 0, dir: 'rx', data: 'x'.repeat(1_100_000) }];
      }),
    );
    expect(!big.ok && big.error.code).toBe('log-too-large');
  });

  it('lists settings the catalogue does not know instead of dropping them silently', () => {
    const r = readBundle(
      edit((o) => {
        (o.after as Record<string, string>).FOO = '1';
        (o.before as Record<string, string>).heartTM = '5';
      }),
    );
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.unknownSettings).toEqual([
      { where: 'before', name: 'heartTM' },
      { where: 'after', name: 'FOO' },
    ]);
    expect(r.bundle.after['FOO']).toBeUndefined();
  });
});

describe('a bundle as a link', () => {
  it('a small bundle becomes a link that opens read-only to the same bundle', async () => {
    const b = buildBundle(source());
    const link = await bundleLink(b, 'https://app.example/#support');
    if (!link.ok) throw new Error('no link');
    expect(link.url).toMatch(/^https:\/\/app\.example\/#support\/b=1\.[A-Za-z0-9_-]+$/);
    const fragment = bundleFragmentOf(new URL(link.url).hash);
    const r = await readBundleLink(fragment ?? '');
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.bundle).toEqual(b);
  });

  it('a damaged link is refused by its checksum', async () => {
    const link = await bundleLink(buildBundle(source()), 'https://app.example/');
    if (!link.ok) throw new Error('no link');
    const fragment = bundleFragmentOf(new URL(link.url).hash) ?? '';
    const i = fragment.length - 10;
    const broken = fragment.slice(0, i) + (fragment[i] === 'A' ? 'B' : 'A') + fragment.slice(i + 1);
    const r = await readBundleLink(broken);
    expect(!r.ok && r.error.message.en).toMatch(/checksum/);
  });

  it(`a bundle whose link would pass ${MAX_BUNDLE_LINK_CHARS} characters gets none (send the file)`, async () => {
    const noisy = Array.from({ length: 3000 }, (_, i) => ({
      at: i,
      dir: 'rx' as const,
      bytes: Uint8Array.from({ length: 8 }, (_, k) => (i * 7919 + k * 104729) % 256),
    }));
    const link = await bundleLink(buildBundle(source({ traffic: noisy })), 'https://app.example/');
    expect(link.ok).toBe(false);
    expect(!link.ok && link.length).toBeGreaterThan(MAX_BUNDLE_LINK_CHARS);
  });
});

describe('a bundle picked in Profiles → Import', () => {
  it('is recognised and sent to Support, not read as profiles', async () => {
    const { importText } = await import('../../src/profile/import');
    const r = importText(bundleToJson(buildBundle(source())), { fileName: 'support-bundle.json', now: 0 });
    expect(r.kind).toBe('support-bundle');
    expect(r.refused).toBe(true);
    expect(r.profiles).toEqual([]);
    expect(r.leftOut[0]?.reasons[0]?.message.en).toMatch(/support bundle.*Support → Open a bundle/);
  });
});

describe('a bundle’s configuration into a profile (only when asked)', () => {
  it('takes the non-factory "after" values, never a password, and names what it left out', async () => {
    const { profileFromBundle } = await import('../../src/profile/bundle');
    const { validateProfile } = await import('../../src/profile');
    const b = buildBundle(source({ includeSecrets: true }));
    const withBad: SupportBundle = { ...b, after: { ...b.after, UARTFT: '99999999' } };
    const made = profileFromBundle(withBad, 1000);
    expect(made.profile.values).toEqual({ HEARTTM: '90', SOCKA: 'TCP,demo.usr.cn,2318' });
    expect([...made.secrets].sort()).toEqual(['APN', 'CMDPW', 'HTPHD']);
    expect(made.invalid).toEqual(['UARTFT']);
    expect(made.profile.name).toBe('Support bundle IMEI 868323023456780');
    expect(validateProfile(made.profile).ok).toBe(true);
  });
});
