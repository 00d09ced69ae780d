/**
 * The whole flow — identify, read all, terminal, apply with AT+Z and read-back, password AT, SMS, disconnect
 * and reconnect, a module left in command mode, a power cycle while connected, a refresh after a pause —
 * against every firmware variant of the simulator (module-behaviour.md, "Firmware variants a session must
 * survive"), at UARTFT 50, 2000 and 5000, at 9600 and 115200. Each run ends with the one assertion that
 * matters to the customer: the servers behind the module's sockets received nothing but the module's own
 * registration and heartbeat packets — not a byte of `AT`, `+++` or CR from us.
 */
import { describe, expect, it } from 'vitest';
import type { VirtualClock } from '../../src/clock/virtual-clock';
import { AtSession } from '../../src/session/session';
import type { SimulatedModule } from '../../src/simulator/core';
import { createSimulatorPort } from '../../src/simulator/host/in-process-port';
import { simSetup, uart } from './sim-setup';

const PRESETS = [
  'manual',
  'g786-timing',
  'no-ok-queries',
  'plus-ok',
  'slow',
  'noisy',
  'blank-colon',
  'silent-plus',
  'split-input',
  'no-banner',
  'worst-case',
] as const;
const UARTFTS = [50, 2000, 5000] as const;
const BAUDS = [9600, 115200] as const;

/** Data the module sent to any server: anything here came from the serial side, i.e. from us. */
function serverData(module: SimulatedModule): () => string {
  const data: string[] = [];
  module.onEvent((e) => {
    if (e.type === 'socket-tx' && e.tag === 'data')
      data.push(`${e.socket}:${new TextDecoder().decode(e.bytes)}`);
  });
  return () => data.join('|');
}

async function reconnect(clock: VirtualClock, module: SimulatedModule, baud: number, uartft: number) {
  const session = new AtSession({ clock, uartft });
  await clock.run(session.open(createSimulatorPort(module), uart(`${baud},8,1,NONE,NFC`)));
  return session;
}

describe.each(PRESETS)('firmware %s', (firmware) => {
  describe.each(BAUDS)('at %i baud', (baud) => {
    it.each(UARTFTS)('UARTFT %i: every flow works and the server receives no stray byte', async (uartft) => {
      const line = `${baud},8,1,NONE,NFC`;
      const { clock, module, session } = await simSetup({
        firmware: [firmware],
        settings: { UART: line, UARTFT: String(uartft) },
        hostUart: uart(line),
        session: { uartft },
      });
      const stray = serverData(module);

      // Connect: identify and read everything.
      const id = await clock.run(session.identify());
      expect(id.version).toBe(module.identity.version);
      const all = await clock.run(session.readAll());
      expect(all.error).toBeUndefined();
      expect(all.values['UARTFT']).toBe(String(uartft));

      // Terminal.
      const ver = await clock.run(session.raw('AT+VER?'));
      expect(ver?.status).toBe('ok');

      // Apply with restart and read-back.
      const applied = await clock.run(session.apply({ HEARTTM: '45' }));
      expect(applied.ok).toBe(true);
      expect(applied.restarted).toBe(true);
      expect(module.running['HEARTTM']).toBe('45');

      // SMS.
      await clock.run(session.sendSms('13800000000', 'hello'));

      // A refresh after a pause (the module is re-checked with a guarded +++ before commands go out).
      await clock.advance(10_000);
      expect((await clock.run(session.identify())).version).toBe(module.identity.version);

      // Disconnect as the app does (AT+ENTM, close), reconnect.
      await clock.run(session.leaveCommandMode());
      await clock.run(session.close());
      expect(module.mode).toBe('net');
      const second = await reconnect(clock, module, baud, uartft);
      expect((await clock.run(second.identify())).version).toBe(module.identity.version);

      // A page that went away without AT+ENTM: the module stays in command mode; the next one finds it there.
      await clock.run(second.close());
      await clock.advance(1500);
      const third = await reconnect(clock, module, baud, uartft);
      expect((await clock.run(third.readAll({ names: ['HEARTTM'] }))).values).toEqual({ HEARTTM: '45' });

      // Password AT in the working mode.
      await clock.run(third.leaveCommandMode());
      third.setAccess({ kind: 'password', password: 'usr.cn' });
      expect((await clock.run(third.identify())).version).toBe(module.identity.version);
      expect(module.mode).toBe('net');
      third.setAccess({ kind: 'command' });

      // A power cycle while connected in command mode.
      await clock.run(third.enterCommandMode());
      module.powerCycle();
      await clock.advance(module.timings.bootMs + 8000);
      expect((await clock.run(third.readAll({ names: ['HEARTTM'] }))).values).toEqual({ HEARTTM: '45' });

      await clock.advance(3000);
      expect(stray()).toBe('');
    });
  });
});

describe('a module restarted while connected', () => {
  it('a start message seen in command mode says so at once, and the next operation re-enters by itself', async () => {
    const { clock, module, session } = await simSetup({ session: { uartft: 50 } });
    const stray = serverData(module);
    await clock.run(session.enterCommandMode());
    module.powerCycle();
    await clock.advance(module.timings.bootMs + 2000);
    expect(session.state).toEqual({ kind: 'working-mode', confirmed: true, restarted: true });
    const read = await clock.run(session.readAll({ names: ['WKMOD'] }));
    expect(read.values).toEqual({ WKMOD: 'NET' });
    expect(session.state).toEqual({ kind: 'command-mode' });
    expect(stray()).toBe('');
  });

  it('a lone CR LF after OK is not taken for the module being back after AT+Z', async () => {
    const { clock, module, session } = await simSetup({ firmware: ['extra-crlf'], session: { uartft: 50 } });
    const result = await clock.run(session.apply({ HEARTTM: '40' }));
    expect(result.ok).toBe(true);
    // The read-back after the restart went to the module that had restarted, not into its boot.
    expect(module.running['HEARTTM']).toBe('40');
    const tx = session.log
      .entries()
      .filter((e) => e.dir === 'tx')
      .map((e) => new TextDecoder().decode(e.bytes));
    const z = tx.indexOf('AT+Z\r');
    // After AT+Z: nothing until the start message, then `+++` entry, then the read-back.
    expect(tx.slice(z + 1, z + 3)).toEqual(['+++', 'a']);
  });
});
