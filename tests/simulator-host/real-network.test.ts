import { createSocket } from 'node:dgram';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { realClock } from '../../src/clock/clock';
import type { UartSettings } from '../../src/protocol/uart';
import { SimulatedModule } from '../../src/simulator/core';
import { RealNetworkWorld } from '../../src/simulator/node/real-network-world';

const LINE: UartSettings = { baud: 115200, dataBits: 8, stopBits: 1, parity: 'NONE' };
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A module on the real clock whose socket A is set to `value` (as AT+SOCKA + AT+Z would leave it). */
function moduleWithSocketA(value: string): { module: SimulatedModule; serial: () => string } {
  const module = new SimulatedModule({
    clock: realClock,
    world: new RealNetworkWorld({ clock: realClock }),
    startRunning: true,
    timings: { appRestartMs: 10 },
  });
  module.flash.stored.SOCKA = value;
  module.restart('app');
  let out = '';
  module.onSerialOutput((b) => (out += Buffer.from(b).toString('latin1')));
  cleanups.push(() => module.powerOff());
  return { module, serial: () => out };
}

async function eventually(check: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('--real-network: sockets make real connections (loopback only)', () => {
  it('socket A connects to a real TCP server, sends serial data and forwards the reply to serial', async () => {
    const received: Buffer[] = [];
    const server: Server = createServer((s) => {
      s.on('data', (b) => {
        received.push(b);
        s.write(Buffer.concat([Buffer.from('re:'), b]));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(() => server.close());
    const port = (server.address() as AddressInfo).port;
    const { module, serial } = moduleWithSocketA(`TCP,127.0.0.1,${port}`);
    await eventually(() => module.linkState('A') === 'connected');
    module.hostWrite(new TextEncoder().encode('hello'), LINE);
    await eventually(() => serial().includes('re:hello'));
    expect(Buffer.concat(received).toString()).toContain('hello');
  });

  it('socket A over UDP reaches a real UDP server and gets its answer', async () => {
    const udp = createSocket('udp4');
    udp.on('message', (msg, rinfo) =>
      udp.send(Buffer.concat([Buffer.from('u:'), msg]), rinfo.port, rinfo.address),
    );
    await new Promise<void>((r) => udp.bind(0, '127.0.0.1', r));
    cleanups.push(() => udp.close());
    const { module, serial } = moduleWithSocketA(`UDP,127.0.0.1,${udp.address().port}`);
    await eventually(() => module.linkState('A') === 'connected');
    module.hostWrite(new TextEncoder().encode('ping'), LINE);
    await eventually(() => serial().includes('u:ping'));
  });

  it('a refused real connection leaves socket A waiting to reconnect (SOCKATO)', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((r) => server.close(() => r()));
    const { module } = moduleWithSocketA(`TCP,127.0.0.1,${port}`);
    await eventually(() => module.linkState('A') === 'waiting');
  });
});
