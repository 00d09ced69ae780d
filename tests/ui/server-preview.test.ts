/**
 * "What your server will see" (manual 2.2.2, 2.3.1, 2.3.2; module-behaviour.md "Not public": ICCID and IMEI
 * as ASCII digits, CLOUD as the 20-character id then the 8-character password).
 */
import { describe, expect, it } from 'vitest';
import { factoryDefaults } from '../../src/protocol/catalogue';
import { setPrivateSettings } from '../../src/profile/secrets';
import {
  changedParts,
  sameBytes,
  serverPreview,
  type ServerPreview,
} from '../../src/ui/server-preview/server-preview';

const device = factoryDefaults();
const ascii = (s: string) => new TextEncoder().encode(s);

function reg(p: ServerPreview) {
  if (!p.registration.enabled) throw new Error('registration off');
  return p.registration;
}

describe('what the server will see', () => {
  it('factory values: socket A to test.usr.cn:2317, no registration, heartbeat www.usr.cn every 30 s', () => {
    const p = serverPreview(device);
    expect(p.mode).toBe('NET');
    expect(p.sockets).toEqual([
      { socket: 'A', protocol: 'TCP', host: 'test.usr.cn', port: '2317', short: false },
    ]);
    expect(p.registration).toEqual({ enabled: false });
    expect(p.heartbeat).toMatchObject({
      enabled: true,
      to: 'server',
      periodS: 30,
      packet: { shown: 'www.usr.cn' },
    });
    expect(p.framing).toEqual({ gapMs: 50, lengthBytes: 1024 });
  });

  it('a USER registration packet on connect, or in front of every packet', () => {
    const onConnect = reg(serverPreview({ ...device, REGEN: 'ON' }));
    expect(onConnect).toMatchObject({
      type: 'USER',
      when: 'connect',
      packet: { shown: 'www.usr.cn', hex: false },
    });
    const every = reg(serverPreview({ ...device, REGEN: 'ON', REGSND: 'DATA', REGDT: '01FF' }));
    expect(every).toMatchObject({ when: 'every-packet', packet: { shown: '01 FF', hex: true } });
  });

  it('ICCID and IMEI as ASCII digits; unknown until the identity is read', () => {
    const iccid = '89860012345678901234';
    const known = reg(serverPreview({ ...device, REGEN: 'ON', REGTP: 'ICCID' }, { iccid }));
    expect(known.packet?.shown).toBe(iccid);
    expect(known.packet?.bytes).toEqual(ascii(iccid));
    const unknown = reg(serverPreview({ ...device, REGEN: 'ON', REGTP: 'IMEI' }));
    expect(unknown.packet).toMatchObject({ unknown: 'IMEI' });
  });

  it('CLOUD: the 20-digit id then the 8-character password, the password masked unless revealed', () => {
    const values = { ...device, REGEN: 'ON', REGTP: 'CLOUD', CLOUD: '00012345678901234567,pass1234' };
    const masked = reg(serverPreview(values));
    expect(masked.packet?.masked).toBe(true);
    expect(masked.packet?.shown).toBe('00012345678901234567••••••');
    expect(masked.packet?.shown).not.toContain('pass1234');
    // The bytes are kept to compare with what a server received, never shown.
    expect(masked.packet?.bytes).toEqual(ascii('00012345678901234567pass1234'));
    expect(reg(serverPreview(values, {}, true)).packet?.shown).toBe('00012345678901234567pass1234');
  });

  it('registration data marked private is masked', () => {
    setPrivateSettings(['REGDT']);
    try {
      const p = reg(serverPreview({ ...device, REGEN: 'ON' }));
      expect(p.packet).toMatchObject({ masked: true, shown: '••••••' });
    } finally {
      setPrivateSettings([]);
    }
  });

  it('heartbeat to the serial device, heartbeat off, HTTPD mode, framing', () => {
    expect(serverPreview({ ...device, HEARTSND: 'COM', HEARTTM: '5' }).heartbeat).toMatchObject({
      to: 'serial',
      periodS: 5,
    });
    expect(serverPreview({ ...device, HEARTEN: 'OFF' }).heartbeat).toEqual({ enabled: false });
    const httpd = serverPreview({ ...device, WKMOD: 'HTTPD', REGEN: 'ON' });
    expect(httpd).toMatchObject({ mode: 'HTTPD', sockets: [], registration: { enabled: false } });
    expect(httpd.heartbeat).toEqual({ enabled: false });
    expect(httpd.httpServer).toBe('test.usr.cn,80');
    expect(serverPreview({ ...device, UARTFT: '200', UARTFL: '512' }).framing).toEqual({
      gapMs: 200,
      lengthBytes: 512,
    });
  });

  it('sockets: only the ones on, short connections marked', () => {
    const p = serverPreview({ ...device, SOCKBEN: 'ON', SOCKB: 'UDP,10.0.0.1,9000', SOCKBSL: 'SHORT' });
    expect(p.sockets.map((s) => `${s.socket} ${s.protocol} ${s.host}:${s.port} ${s.short}`)).toEqual([
      'A TCP test.usr.cn:2317 false',
      'B UDP 10.0.0.1:9000 true',
    ]);
  });

  it('names the parts the pending changes alter', () => {
    const before = serverPreview(device);
    const after = serverPreview({ ...device, REGEN: 'ON', HEARTTM: '2', SOCKA: 'TCP,demo.usr.cn,2318' });
    expect([...changedParts(before, after)].sort()).toEqual(['heartbeat', 'registration', 'sockets']);
    expect(changedParts(before, serverPreview({ ...device, UARTFT: '100' }))).toEqual(new Set(['framing']));
    expect(changedParts(before, serverPreview({ ...device, UART: '9600,8,1,NONE,NFC' })).size).toBe(0);
  });

  it('compares a packet a server received with the one expected', () => {
    const p = serverPreview(device);
    const hb = p.heartbeat.enabled ? p.heartbeat.packet : undefined;
    expect(sameBytes(hb, ascii('www.usr.cn'))).toBe(true);
    expect(sameBytes(hb, ascii('www.usr.com'))).toBe(false);
    expect(
      sameBytes({ shown: 'IMEI', hex: false, masked: false, unknown: 'IMEI' }, ascii('1')),
    ).toBeUndefined();
  });
});
