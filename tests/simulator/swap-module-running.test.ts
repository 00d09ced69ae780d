import { describe, expect, it } from 'vitest';
import { Harness } from './harness';

describe('swap-module with running: a customer’s module, on for a while (support replay)', () => {
  it('answers with its identity and settings right after the swap, without an 18 s boot', () => {
    const h = new Harness();
    h.module.control({
      type: 'swap-module',
      stored: { HEARTTM: '90', STMSG: 'CUSTOMER' },
      identity: { imei: '867000000000035', version: 'V1.0.9' },
      offMs: 200,
      running: true,
    });
    expect(h.module.mode).toBe('off');
    h.advance(200);
    expect(h.module.mode).toBe('net');
    expect(h.take()).toContain('CUSTOMER');
    h.enterCommandMode();
    expect(h.command('AT+IMEI?')).toContain('867000000000035');
    expect(h.command('AT+VER?')).toContain('V1.0.9');
    expect(h.command('AT+HEARTTM?')).toContain('+HEARTTM:90');
  });

  it('without running the new module boots as after a power-on (deaf for the boot)', () => {
    const h = new Harness();
    h.module.control({ type: 'swap-module', stored: { HEARTTM: '90' }, offMs: 200 });
    h.advance(1000);
    expect(h.module.mode).toBe('booting');
  });
});
