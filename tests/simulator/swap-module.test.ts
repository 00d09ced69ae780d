import { describe, expect, it } from 'vitest';
import { BOOT_AND_CONNECT_MS, Harness } from './harness';

describe('swap-module: another module on the same cable', () => {
  it('the next module answers with its own identity and stored settings after its power-on', () => {
    const h = new Harness();
    h.module.control({
      type: 'swap-module',
      stored: { REGDT: '4444', HEARTTM: '45' },
      identity: { imei: '867000000000019', sn: '01201812010000099999' },
      offMs: 500,
    });
    expect(h.module.mode).toBe('off');
    h.advance(500 + BOOT_AND_CONNECT_MS);
    h.take();
    h.enterCommandMode();
    expect(h.command('AT+IMEI?')).toContain('867000000000019');
    expect(h.command('AT+SN?')).toContain('01201812010000099999');
    expect(h.command('AT+HEARTTM?')).toContain('45');
    // Its user defaults are its own settings, not the previous module's.
    expect(h.module.flash.user['HEARTTM']).toBe('45');
  });

  it('settings the catalogue refuses keep their factory value and are named in module-swapped', () => {
    const h = new Harness();
    h.module.control({ type: 'swap-module', stored: { HEARTTM: '99999', NOPE: '1', REGDT: '4444' } });
    const swapped = h.events.find((e) => e.type === 'module-swapped');
    expect(swapped?.type === 'module-swapped' && swapped.refused.map((r) => r.name)).toEqual([
      'HEARTTM',
      'NOPE',
    ]);
    h.advance(1000 + BOOT_AND_CONNECT_MS);
    expect(h.module.stored['HEARTTM']).toBe(h.module.flash.user['HEARTTM']);
    expect(h.module.stored['REGDT']).toBe('4444');
  });

  it('the previous module leaves nothing behind: a setting it changed is factory on the next one', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.command('AT+HEARTTM=77');
    h.module.control({ type: 'swap-module', identity: { imei: '867000000000027' } });
    h.advance(1000 + BOOT_AND_CONNECT_MS);
    expect(h.module.stored['HEARTTM']).not.toBe('77');
    expect(h.module.identity.imei).toBe('867000000000027');
  });
});
