import { describe, expect, it } from 'vitest';
import { webSerialAvailable } from '../../src/serial/availability';
import { webSerialFromGlobals } from '../../src/serial/web-serial';

/** The shell asks this before the transport has loaded: it must say what the transport would say. */
describe('is Web Serial offered', () => {
  const serial = new EventTarget();
  const cases = [
    { name: 'Chrome over HTTPS or localhost', g: { navigator: { serial }, isSecureContext: true }, ok: true },
    { name: 'Chrome over plain HTTP', g: { navigator: { serial }, isSecureContext: false }, ok: false },
    {
      name: 'Firefox or Safari (no navigator.serial)',
      g: { navigator: {}, isSecureContext: true },
      ok: false,
    },
    { name: 'no navigator at all (a worker)', g: { isSecureContext: true }, ok: false },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.ok ? 'yes' : 'no'}, as the transport says`, () => {
      expect(webSerialAvailable(c.g)).toBe(c.ok);
      expect(webSerialFromGlobals(c.g).available).toBe(c.ok);
    });
  }
});
