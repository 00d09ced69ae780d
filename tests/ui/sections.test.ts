import { describe, expect, it } from 'vitest';
import { CATALOGUE, findCommand, SETTING_NAMES } from '../../src/protocol/catalogue';
import type { CommandEntry } from '../../src/protocol/types';
import { groupSettings, SECTIONS, sectionOf } from '../../src/ui/logic/editor-sections';

const SETTINGS = SETTING_NAMES.map((n) => findCommand(n)).filter((e): e is CommandEntry => e !== undefined);

describe('settings editor sections, grouped like the manual', () => {
  it('puts every stored setting in exactly one section', () => {
    const grouped = groupSettings(SETTINGS);
    const placed = [...grouped.values()].flat().map((e) => e.name);
    expect(placed.sort()).toEqual(
      CATALOGUE.filter((e) => e.kind === 'setting')
        .map((e) => e.name)
        .sort(),
    );
  });

  it('follows the order asked for: work mode, serial, sockets … management', () => {
    expect(SECTIONS.map((s) => s.id)).toEqual([
      'workMode',
      'serial',
      'sockets',
      'registration',
      'heartbeat',
      'cloud',
      'httpd',
      'sms',
      'rfc2217',
      'distribution',
      'management',
    ]);
  });

  it('places the settings the manual groups differently from the catalogue', () => {
    const at = (name: string) => {
      const e = findCommand(name);
      if (!e) throw new Error(name);
      return sectionOf(e);
    };
    expect(at('WKMOD')).toBe('workMode');
    expect(at('RFCEN')).toBe('rfc2217');
    expect(at('SDPEN')).toBe('distribution');
    expect(at('SOCKIND')).toBe('distribution');
    expect(at('SHORCTO')).toBe('sockets');
    expect(at('APN')).toBe('management');
    expect(at('E')).toBe('management');
    expect(at('CMDPW')).toBe('management');
    expect(at('CLOUD')).toBe('cloud');
    expect(at('HTPHD')).toBe('httpd');
    expect(at('UARTFT')).toBe('serial');
  });

  it('keeps the per-socket settings socket by socket', () => {
    const sockets = groupSettings(SETTINGS).get('sockets') ?? [];
    const letters = sockets.map((e) => e.socket).join('');
    expect(letters).toMatch(/^A+B+C+D+$/);
    expect(sockets.filter((e) => e.socket === 'A').map((e) => e.name)).toContain('SOCKA');
  });
});
