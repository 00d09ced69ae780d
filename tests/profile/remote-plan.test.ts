/**
 * Remote reconfiguration payloads (docs/remote.md): password AT as SMS texts and network-AT lines
 * (manual 3.1.4–3.1.5), the SMS and UARTFL limits, the warnings for settings that cut the way back, and
 * the order when the command password changes.
 */
import { describe, expect, it } from 'vitest';
import { networkPayload, smsPayload } from '../../src/profile/remote/payloads';
import { canSend, planRemote } from '../../src/profile/remote/remote-plan';
import { queryValue, sameValue, setAnswer } from '../../src/profile/remote/replies';

const FACTORY = { password: 'usr.cn', uartfl: 1024, socket: 'A' } as const;

describe('payload format (manual 3.1.4, 3.1.5)', () => {
  it('3.1.5: the SMS is the password followed by the command, no CR: usr.cnAT+VER', () => {
    const p = smsPayload(1, 'usr.cn', 'AT+VER');
    expect(p.text).toBe('usr.cnAT+VER');
    expect(p.length).toMatchObject({ encoding: 'gsm7', units: 12, single: 160 });
    expect(p.problem).toBeUndefined();
  });

  it('3.1.4: the network line is the password, the command and a CR: usr.cnAT+VER[0D]', () => {
    const p = networkPayload(1, 'usr.cn', 'AT+VER', 1024);
    expect(p.line).toBe('usr.cnAT+VER\r');
    expect(p.bytes).toBe(13);
  });

  it('a profile becomes one payload per setting in the apply order, AT+Z last, each with the current password', () => {
    const plan = planRemote(
      { SOCKBEN: 'ON', HEARTTM: '90', SOCKB: 'TCP,example.com,9000', SOCKAEN: 'OFF' },
      FACTORY,
    );
    // Switches off first, parameters, switches on last (protocol/apply-plan.ts).
    expect(plan.sms.map((p) => p.text)).toEqual([
      'usr.cnAT+SOCKAEN=OFF',
      'usr.cnAT+SOCKB=TCP,example.com,9000',
      'usr.cnAT+HEARTTM=90',
      'usr.cnAT+SOCKBEN=ON',
      'usr.cnAT+Z',
    ]);
    expect(plan.network.map((p) => p.line)).toEqual(plan.sms.map((p) => `${p.text}\r`));
    expect(plan.sms.map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
    expect(plan.writes.map((w) => w.query)).toEqual([
      'AT+SOCKAEN?',
      'AT+SOCKB?',
      'AT+HEARTTM?',
      'AT+SOCKBEN?',
    ]);
    expect(canSend(plan, 'sms')).toBe(true);
  });

  it('with the module values known, only the differences are sent', () => {
    const plan = planRemote(
      { HEARTTM: '90', UARTFT: '50' },
      { ...FACTORY, current: { HEARTTM: '30', UARTFT: '50' } },
    );
    expect(plan.sms.map((p) => p.command)).toEqual(['AT+HEARTTM=90', 'AT+Z']);
    expect(plan.unchanged).toEqual(['UARTFT']);
  });

  it('nothing to change gives no payload at all (no lone AT+Z)', () => {
    const plan = planRemote({ HEARTTM: '30' }, { ...FACTORY, current: { HEARTTM: '30' } });
    expect(plan.sms).toEqual([]);
    expect(canSend(plan, 'sms')).toBe(false);
  });

  it('an escaped password is sent as its characters', () => {
    const plan = planRemote({ HEARTTM: '90' }, { ...FACTORY, password: 'a[2C]b' });
    expect(plan.sms[0]?.text).toBe('a,bAT+HEARTTM=90');
  });
});

describe('SMS length (one command must fit one SMS)', () => {
  // `usr.cnAT+STMSG=` is 15 characters; GSM-7 holds 160 in one SMS.
  const cmd = (n: number): string => `AT+STMSG=${'x'.repeat(n)}`;

  it('exactly 160 GSM-7 characters fits; 161 is flagged', () => {
    expect(smsPayload(1, 'usr.cn', cmd(145)).length.units).toBe(160);
    expect(smsPayload(1, 'usr.cn', cmd(145)).problem).toBeUndefined();
    const over = smsPayload(1, 'usr.cn', cmd(146));
    expect(over.length.units).toBe(161);
    expect(over.problem?.en).toContain('Too long for one SMS: 161 of 160');
    expect(over.problem?.zh).toContain('161/160');
  });

  it('[ and ] count twice (GSM extension table): an escape code takes 6 of the 160', () => {
    const p = smsPayload(1, 'usr.cn', `AT+STMSG=${'x'.repeat(139)}[0D]`);
    expect(p.length.characters).toBe(158);
    expect(p.length.units).toBe(160);
    expect(p.problem).toBeUndefined();
    expect(smsPayload(1, 'usr.cn', `AT+STMSG=${'x'.repeat(140)}[0D]`).problem).toBeDefined();
  });

  it('a character outside GSM-7 makes it UCS-2: 70 fits, 71 is flagged', () => {
    // `usr.cnAT+SMSEND=8613854123456,` is 30 characters.
    const fits = smsPayload(1, 'usr.cn', `AT+SMSEND=8613854123456,${'你'.repeat(40)}`);
    expect(fits.length).toMatchObject({ encoding: 'ucs2', units: 70 });
    expect(fits.problem).toBeUndefined();
    const over = smsPayload(1, 'usr.cn', `AT+SMSEND=8613854123456,${'你'.repeat(41)}`);
    expect(over.problem?.en).toContain('71 of 70');
    expect(over.problem?.en).toContain('UCS-2');
  });

  it('a profile with a long HTTP header cannot go by SMS, but can over the network', () => {
    const head = `X-Site-Tag: ${'a'.repeat(150)}[0D][0A]`;
    const plan = planRemote({ HTPHD: head }, FACTORY);
    expect(plan.invalid).toEqual([]);
    expect(plan.sms[0]?.problem).toBeDefined();
    expect(plan.sms[1]?.problem).toBeUndefined(); // AT+Z
    expect(canSend(plan, 'sms')).toBe(false);
    expect(canSend(plan, 'network')).toBe(true);
  });
});

describe('UARTFL (a network-AT line is one serial frame)', () => {
  it('a line of exactly UARTFL bytes fits; one byte more is flagged', () => {
    expect(networkPayload(1, 'usr.cn', 'AT+HEARTTM=90', 20).problem).toBeUndefined();
    const over = networkPayload(1, 'usr.cn', 'AT+HEARTTM=90', 19);
    expect(over.problem?.en).toContain("20 bytes, longer than the module's UARTFL (19 bytes)");
    expect(over.problem?.zh).toContain('UARTFL（19 字节）');
  });

  it('the plan checks every line against the UARTFL the module runs with now', () => {
    const plan = planRemote({ HEARTTM: '90', UARTFL: '10' }, { ...FACTORY, uartfl: 20 });
    expect(plan.network.map((p) => p.problem === undefined)).toEqual([true, true, true]);
    const small = planRemote({ HEARTTM: '120' }, { ...FACTORY, uartfl: 20 });
    expect(small.network[0]?.problem).toBeDefined();
    expect(canSend(small, 'network')).toBe(false);
  });

  it('a UARTFL or password the module cannot have is an option problem; nothing may be sent', () => {
    const plan = planRemote({ HEARTTM: '90' }, { ...FACTORY, uartfl: 2000, password: '' });
    expect(plan.optionProblems.map((p) => p.en)).toEqual([
      expect.stringContaining('The current command password'),
      expect.stringContaining("The module's current UARTFL"),
    ]);
    expect(canSend(plan, 'sms')).toBe(false);
    expect(canSend(plan, 'network')).toBe(false);
  });

  it('values are checked against the catalogue: an invalid one blocks sending', () => {
    const plan = planRemote({ HEARTTM: '0', FOO: '1', VER: 'x' }, FACTORY);
    expect(plan.invalid.map((i) => i.name)).toEqual(['HEARTTM']);
    expect(plan.unknown).toEqual(['FOO', 'VER']);
    expect(canSend(plan, 'sms')).toBe(false);
  });
});

describe('a new command password', () => {
  it('is written last before AT+Z; every payload carries the old password; the read-back uses the new one', () => {
    const plan = planRemote({ CMDPW: 'n3w.pw', HEARTTM: '90', UART: '9600,8,1,NONE,NFC' }, FACTORY);
    expect(plan.sms.map((p) => p.text)).toEqual([
      'usr.cnAT+HEARTTM=90',
      'usr.cnAT+CMDPW=n3w.pw',
      'usr.cnAT+UART=9600,8,1,NONE,NFC',
      'usr.cnAT+Z',
    ]);
    expect(plan.prefix).toBe('usr.cn');
    expect(plan.verifyPrefix).toBe('n3w.pw');
    const w = plan.warnings.find((x) => x.setting === 'CMDPW');
    expect(w?.cuts).toEqual(['sms', 'network']);
    expect(w?.message.en).toContain('after the restart the module answers only to the new password');
  });
});

describe('settings that cut the way back', () => {
  const warned = (values: Record<string, string>, socket: 'A' | 'B' = 'A') =>
    planRemote(values, { ...FACTORY, socket }).warnings.map((w) => [w.setting, w.cuts.join('+')]);

  it('the socket network AT comes through: address, switch off, short connection', () => {
    expect(warned({ SOCKA: 'TCP,other.example,1', SOCKAEN: 'OFF', SOCKASL: 'SHORT' })).toEqual([
      ['SOCKAEN', 'network'],
      ['SOCKA', 'network'],
      ['SOCKASL', 'network'],
    ]);
    // Another socket is no risk to the path through A.
    expect(warned({ SOCKB: 'TCP,other.example,1', SOCKBEN: 'OFF' })).toEqual([]);
    expect(warned({ SOCKB: 'TCP,other.example,1' }, 'B')).toEqual([['SOCKB', 'network']]);
  });

  it('APN and HTTPD mode cut network AT (SMS stays); registration, heartbeat off and UART are cautions', () => {
    expect(warned({ APN: 'iot.example,,', WKMOD: 'HTTPD' })).toEqual([
      ['WKMOD', 'network'],
      ['APN', 'network'],
    ]);
    expect(warned({ REGEN: 'ON', HEARTEN: 'OFF', UART: '9600,8,1,NONE,NFC' })).toEqual([
      ['HEARTEN', ''], // a switch turned off is written first
      ['REGEN', ''],
      ['UART', ''],
    ]);
    expect(warned({ HEARTTM: '90', WKMOD: 'NET', HEARTEN: 'ON' })).toEqual([]);
  });

  it('every warning is written in English and Chinese', () => {
    const all = planRemote(
      {
        CMDPW: 'x1',
        APN: 'a,,',
        WKMOD: 'HTTPD',
        SOCKA: 'TCP,h.example,1',
        REGDT: '41',
        HEARTEN: 'OFF',
        UART: '9600,8,1,NONE,NFC',
      },
      FACTORY,
    ).warnings;
    expect(all).toHaveLength(7);
    for (const w of all) {
      expect(w.message.en).toMatch(/AT\+|Socket/);
      expect(w.message.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('answers', () => {
  it('OK is success; +ERR:n is a refusal; a query answer gives its value', () => {
    expect(setAnswer('OK')).toEqual({ ok: true });
    expect(setAnswer('\r\nOK\r\n')).toEqual({ ok: true });
    expect(setAnswer('+ERR:4')).toEqual({ ok: false, text: '+ERR:4' });
    expect(queryValue('+HEARTTM:90\r\n\r\nOK', 'HEARTTM')).toBe('90');
    expect(queryValue('\r\n+HEARTTM: 90\r\n', 'hearttm')).toBe('90');
    expect(queryValue('+SOCKA:TCP,a,1', 'HEARTTM')).toBeUndefined();
    expect(sameValue('WKMOD', 'NET', 'net')).toBe(true);
    expect(sameValue('HEARTTM', '90', '91')).toBe(false);
  });
});
