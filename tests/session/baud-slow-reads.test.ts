/**
 * "Detect automatically" on a busy laptop: the module's answers reach the page late (real-serial measured
 * reads up to 180 ms late on an idle machine). The quick pass at each rate waits only 250 ms beyond UARTFT;
 * at the right rate that must not be the last chance.
 */
import { describe, expect, it } from 'vitest';
import { FaultyPort } from './faulty-port';
import { simSetup } from './sim-setup';

describe('baud search on a slow read path', () => {
  for (const delayMs of [0, 400, 800, 1500]) {
    it(`finds the module at 115200 when its bytes reach the page ${delayMs} ms late`, async () => {
      const { clock, module, session } = await simSetup({
        wrap: (p, c) => new FaultyPort(p, c, { delayMs }),
      });
      session.setUartft(50); // remembered for the device: the shortest guard and the shortest waits
      const found = await clock.run(session.findBaudRate());
      expect(found.baud).toBe(115200);
      expect(module.mode).toBe('command');
    });
  }

  it('a module that answers at no rate is reported after the patient pass, within 30 s', async () => {
    const { clock, session } = await simSetup({ wrap: (p, c) => new FaultyPort(p, c, { mute: true }) });
    session.setUartft(50);
    const started = clock.now();
    const error = await clock.run(session.findBaudRate().catch((e: unknown) => e));
    expect(error).toMatchObject({ code: 'baud-not-found' });
    expect(clock.now() - started).toBeLessThan(30_000);
  });
});
