/**
 * `listenAt`: a batch whose profile changes UART waits for the next module at the rate modules arrive at.
 * Reopening the port at that rate must send nothing (the module just provisioned would forward any byte to
 * its server), and the next module's start message must be recognised as its arrival.
 */
import { describe, expect, it } from 'vitest';
import { simSetup, uart } from './sim-setup';

describe('listening for the next module at another rate', () => {
  it('reopens at 115200 after a module moved to 9600, sends nothing, and sees the next module start', async () => {
    const { clock, module, session } = await simSetup({ settings: { UART: '9600,8,1,NONE,NFC' } });
    await clock.run(session.findBaudRate());
    expect(session.uart.baud).toBe(9600);
    let sent = 0;
    session.log.subscribe((e) => {
      if (e.dir === 'tx') sent += e.bytes.length;
    });

    await clock.run(session.listenAt(uart('115200,8,1,NONE,NFC')));
    expect(session.uart.baud).toBe(115200);
    expect(session.state).toEqual({ kind: 'working-mode', confirmed: false });
    await clock.advance(2000);
    expect(sent).toBe(0);
    expect(module.mode).toBe('command'); // the old module, out of reach, is left as it was

    // The next module: factory settings (115200), powered up on the cable.
    module.control({ type: 'swap-module', identity: module.identity, offMs: 500, running: false });
    await clock.advance(module.timings.bootMs + 2000);
    expect(session.state).toEqual({ kind: 'working-mode', confirmed: true, restarted: true });
    expect(sent).toBe(0);
  });
});
