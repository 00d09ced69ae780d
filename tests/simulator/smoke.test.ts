import { describe, expect, it } from 'vitest';
import { Harness, info, OK } from './harness';

describe('smoke', () => {
  it('boots with the start message (3.1.7.9), enters command mode (3.1.2) and answers AT (3.1.7.1)', () => {
    const h = new Harness({ boot: false });
    h.advance(18_000);
    expect(h.take()).toBe('\r\nUSR-LTE-7S4\r\n');
    h.advance(5000);
    h.enterCommandMode();
    expect(h.raw('AT')).toBe('AT\r' + OK);
    expect(h.command('AT+VER')).toBe(info('VER', 'V1.0.6'));
    expect(h.module.linkState('A')).toBe('connected');
  });
});
