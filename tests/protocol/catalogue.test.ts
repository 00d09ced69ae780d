import { describe, expect, it } from 'vitest';
import { CATALOGUE, SETTING_NAMES, factoryDefaults, findCommand } from '../../src/protocol/catalogue';
import type { CommandEntry } from '../../src/protocol/types';
import { validateValue } from '../../src/protocol/validate';

/** Manual table 14 (3.1.7), in its order; '' is the bare AT. */
const TABLE_14 = [
  ...['', 'H', 'Z', 'REBOOT', 'E', 'ENTM', 'WKMOD', 'CMDPW', 'STMSG', 'CSQ', 'RSTIM', 'SYSINFO'],
  ...['RELD', 'CLEAR', 'CFGTF', 'VER', 'SN', 'ICCID', 'IMEI', 'UART', 'UARTFT', 'UARTFL', 'RFCEN', 'APN'],
  ...['SOCKA', 'SOCKB', 'SOCKC', 'SOCKD', 'SOCKAEN', 'SOCKBEN', 'SOCKCEN', 'SOCKDEN'],
  ...['SOCKASL', 'SOCKBSL', 'SOCKCSL', 'SOCKDSL', 'SOCKALK', 'SOCKBLK', 'SOCKCLK', 'SOCKDLK'],
  ...['SHORATO', 'SHORBTO', 'SHORCTO', 'SHORDTO', 'SOCKATO', 'SOCKBTO', 'SOCKCTO', 'SOCKDTO'],
  ...['SOCKIND', 'SDPEN', 'REGEN', 'REGTP', 'REGDT', 'REGSND', 'CLOUD'],
  ...['HEARTEN', 'HEARTDT', 'HEARTSND', 'HEARTTM', 'HTPTP', 'HTPURL', 'HTPSV', 'HTPHD', 'HTPTO', 'HTPFLT'],
  ...['SMSEND', 'CISMSSEND'],
];
const ALIASES = { CLOUDEN: 'REGEN', CLOUDID: 'CLOUD', CLOUDPA: 'CLOUD' };

const entry = (name: string): CommandEntry => {
  const e = findCommand(name);
  if (!e) throw new Error(`no ${name}`);
  return e;
};
const names = (pred: (e: CommandEntry) => boolean): string[] => CATALOGUE.filter(pred).map((e) => e.name);

describe('catalogue covers the manual', () => {
  it('holds exactly table 14 (3.1.7) + UPDATE (2.3.9.1) + the 2.3.3 aliases', () => {
    expect([...names(() => true)].sort()).toEqual([...TABLE_14, 'UPDATE', ...Object.keys(ALIASES)].sort());
  });

  it('keeps table 14 order (3.1.7)', () => {
    expect(names((e) => TABLE_14.includes(e.name))).toEqual(TABLE_14);
  });

  it('has unique names', () => {
    expect(new Set(names(() => true)).size).toBe(CATALOGUE.length);
  });

  it('finds commands case-insensitively, AT by "", and nothing for HEARTTP (2.3.2 slip)', () => {
    expect(findCommand('wkmod')?.name).toBe('WKMOD');
    expect(findCommand('SockA')?.name).toBe('SOCKA');
    expect(findCommand('')?.section).toBe('3.1.7.1');
    expect(findCommand('HEARTTP')).toBeUndefined();
    expect(findCommand(' WKMOD')).toBeUndefined();
  });

  it('maps the 2.3.3 aliases onto the canonical commands, write-only', () => {
    for (const [alias, target] of Object.entries(ALIASES)) {
      expect(entry(alias)).toMatchObject({
        aliasOf: target,
        kind: 'set',
        section: '2.3.3',
        needsRestart: true,
      });
      expect(findCommand(target)?.kind).toBe('setting');
    }
    expect(CATALOGUE.filter((e) => e.aliasOf).length).toBe(3);
  });
});

describe('kinds (3.1.7 formats)', () => {
  it('actions are the commands without parameters that run something', () => {
    expect(names((e) => e.kind === 'action')).toEqual([
      '',
      'H',
      'Z',
      'REBOOT',
      'ENTM',
      'RELD',
      'CLEAR',
      'CFGTF',
    ]);
  });

  it('read-only queries are CSQ, SYSINFO, VER, SN, ICCID, IMEI and SOCKxLK', () => {
    expect(names((e) => e.kind === 'query')).toEqual([
      ...['CSQ', 'SYSINFO', 'VER', 'SN', 'ICCID', 'IMEI', 'SOCKALK', 'SOCKBLK', 'SOCKCLK', 'SOCKDLK'],
    ]);
  });

  it('write-only commands are SMS (3.1.7.66–67), UPDATE (2.3.9.1) and the aliases', () => {
    expect(names((e) => e.kind === 'set').sort()).toEqual(
      ['SMSEND', 'CISMSSEND', 'UPDATE', 'CLOUDEN', 'CLOUDID', 'CLOUDPA'].sort(),
    );
  });

  it('only settings and write-only commands have parameters', () => {
    for (const e of CATALOGUE)
      expect(e.params.length > 0, e.name).toBe(e.kind === 'setting' || e.kind === 'set');
  });
});

describe('every entry is documented in both languages', () => {
  it.each(CATALOGUE.map((e) => [e.name || 'AT', e] as const))('%s has section, labels and help', (_n, e) => {
    expect(e.section).toMatch(/^\d+(\.\d+)+$/);
    for (const text of [e.label, e.help, ...e.params.map((p) => p.label)]) {
      expect(text.en.trim()).not.toBe('');
      expect(text.zh).toMatch(/[\u4e00-\u9fff]|^[A-Za-z0-9 ]+$/);
    }
    expect(e.help.en.length).toBeGreaterThan(20);
  });

  it('sections follow the manual numbering (3.1.7.25 for SOCKA, 3.1.7.45 for SHORATO, 3.1.7.41 for SOCKATO)', () => {
    expect(entry('SOCKA').section).toBe('3.1.7.25');
    expect(entry('SOCKDEN').section).toBe('3.1.7.32');
    expect(entry('SHORATO').section).toBe('3.1.7.45');
    expect(entry('SOCKDTO').section).toBe('3.1.7.44');
    expect(entry('CISMSSEND').section).toBe('3.1.7.67');
    expect(entry('UPDATE').section).toBe('2.3.9.1');
  });

  it('per-socket commands carry their socket letter', () => {
    for (const e of CATALOGUE.filter((x) => x.group === 'socket' && !['SOCKIND', 'SDPEN'].includes(x.name))) {
      expect(e.socket, e.name).toBe(/^(?:SOCK|SHOR)([A-D])/.exec(e.name)?.[1]);
    }
  });
});

describe('factory defaults', () => {
  it.each(SETTING_NAMES.map((n) => [n]))('%s default passes its own validation unchanged', (name) => {
    const e = entry(name);
    expect(e.default).toBeDefined();
    expect(validateValue(e, e.default ?? '')).toEqual({ ok: true, value: e.default });
  });

  it('known defaults come from tables 5, 6, 7 and 2.2.2 and are not marked guessed', () => {
    const known = {
      REGEN: 'OFF',
      REGTP: 'USER',
      REGDT: '7777772E7573722E636E',
      REGSND: 'LINK',
      HEARTEN: 'ON',
      HEARTDT: '7777772E7573722E636E',
      HEARTSND: 'NET',
      HEARTTM: '30',
      UARTFT: '50',
      UARTFL: '1024',
      CMDPW: 'usr.cn',
      CLOUD: ',',
    };
    for (const [name, value] of Object.entries(known)) {
      expect(entry(name).default, name).toBe(value);
      expect(entry(name).defaultGuessed, name).toBeUndefined();
    }
  });

  it('guesses named in module-behaviour.md are flagged as guesses', () => {
    const guessed = { SOCKA: 'TCP,test.usr.cn,2317', UART: '115200,8,1,NONE,NFC', WKMOD: 'NET', E: 'ON' };
    for (const [name, value] of Object.entries(guessed)) {
      expect(entry(name)).toMatchObject({ default: value, defaultGuessed: true });
    }
  });

  it('every setting is either known or flagged as a guess, and only settings have defaults', () => {
    for (const e of CATALOGUE) expect(e.default !== undefined, e.name).toBe(e.kind === 'setting');
    expect(CATALOGUE.filter((e) => e.defaultGuessed).every((e) => e.kind === 'setting')).toBe(true);
  });

  it('factoryDefaults() has one canonical value per setting', () => {
    const d = factoryDefaults();
    expect(Object.keys(d).sort()).toEqual([...SETTING_NAMES].sort());
    expect(d.SOCKA).toBe('TCP,test.usr.cn,2317');
    expect(Object.isFrozen(d)).toBe(true);
  });
});

describe('restart and secrets', () => {
  it('every stored setting needs a restart except E, which acts at once (module-behaviour.md)', () => {
    for (const e of CATALOGUE.filter((x) => x.kind === 'setting'))
      expect(e.needsRestart, e.name).toBe(e.name !== 'E');
    expect(entry('Z').needsRestart).toBe(false);
  });

  it('flags CMDPW, the APN password, the cloud password, CLOUDPA and the upgrade key as secret', () => {
    const secretParams = CATALOGUE.flatMap((e) =>
      e.params.filter((p) => p.secret).map((p) => `${e.name}.${p.name}`),
    );
    expect(secretParams.sort()).toEqual(
      ['CMDPW.password', 'APN.password', 'CLOUD.password', 'CLOUDPA.password', 'UPDATE.key'].sort(),
    );
    for (const e of CATALOGUE) expect(e.secret, e.name).toBe(e.params.some((p) => p.secret === true));
  });
});

describe('parameter types follow the manual', () => {
  it('baud rates are table 2 (2.2.1, 3.1.7.20)', () => {
    expect(entry('UART').params[0]?.type).toMatchObject({
      kind: 'int',
      allowed: [300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400],
    });
  });

  it('RSTIM is 0 (off) or 60–65535 s (module-behaviour.md on 3.1.7.10)', () => {
    expect(entry('RSTIM').params[0]?.type).toEqual({
      kind: 'int',
      min: 60,
      max: 65535,
      unit: 's',
      alsoAllowed: [0],
    });
  });

  it('REGTP lists D2DID (3.1.7.52)', () => {
    expect(entry('REGTP').params[0]?.type).toMatchObject({
      values: ['ICCID', 'IMEI', 'D2DID', 'CLOUD', 'USER'],
    });
  });

  it('CISMSSEND takes number,data like SMSEND (module-behaviour.md on 3.1.7.67)', () => {
    expect(entry('CISMSSEND').params).toEqual(entry('SMSEND').params);
  });
});

describe('SETTING_NAMES (editor order)', () => {
  it('lists every setting once', () => {
    expect([...SETTING_NAMES].sort()).toEqual(names((e) => e.kind === 'setting').sort());
  });

  it('starts with management, groups sockets socket by socket, ends with HTTPD', () => {
    expect(SETTING_NAMES.slice(0, 5)).toEqual(['E', 'WKMOD', 'CMDPW', 'STMSG', 'RSTIM']);
    const a = SETTING_NAMES.indexOf('SOCKA');
    expect(SETTING_NAMES.slice(a, a + 6)).toEqual([
      'SOCKA',
      'SOCKAEN',
      'SOCKASL',
      'SHORATO',
      'SOCKATO',
      'SOCKB',
    ]);
    expect(SETTING_NAMES.indexOf('SOCKIND')).toBe(SETTING_NAMES.indexOf('SOCKDTO') + 1);
    expect(SETTING_NAMES.at(-1)).toBe('HTPFLT');
  });
});
