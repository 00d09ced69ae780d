import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTcpHost, type TcpHost } from '../../src/simulator/node/tcp-host';

/** A raw TCP client that collects what the module sends, in wall-clock time. */
class Client {
  private received = '';
  private waiters: (() => void)[] = [];
  private constructor(readonly socket: Socket) {
    socket.on('data', (b: Buffer) => {
      this.received += b.toString('latin1');
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static open(port: number): Promise<Client> {
    return new Promise((resolve, reject) => {
      const s = connect(port, '127.0.0.1', () => resolve(new Client(s)));
      s.once('error', reject);
    });
  }

  send(text: string): void {
    this.socket.write(Buffer.from(text, 'latin1'));
  }

  /** Waits until the received text matches (a bounded wait: fails after `ms` instead of hanging). */
  async until(pattern: RegExp, ms = 8000): Promise<string> {
    const deadline = Date.now() + ms;
    while (!pattern.test(this.received)) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`timed out waiting for ${pattern}; got ${JSON.stringify(this.received)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return this.received;
  }

  take(): string {
    const r = this.received;
    this.received = '';
    return r;
  }
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

let host: TcpHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

describe('software DTU on TCP (npm run sim)', () => {
  it('enters command mode with real +++ timing, answers AT+VER and leaves with AT+ENTM (3.1.2)', async () => {
    host = await startTcpHost({ host: '127.0.0.1', port: 0, moduleOptions: { startRunning: true } });
    const client = await Client.open(host.address.port);
    await client.until(/USR|\r\n/, 5000).catch(() => undefined); // start message, if any
    await pause(400);
    client.take();
    client.send('+++');
    await client.until(/a$/);
    client.send('a');
    await client.until(/\+ok/);
    client.take();
    client.send('AT+VER\r');
    expect(await client.until(/OK\r\n$/)).toMatch(/\+VER:\S+/);
    client.take();
    client.send('AT+ENTM\r');
    await client.until(/OK\r\n$/);
    expect(host.module.snapshot().mode).toBe('net');
  }, 20_000);

  it('forwards +++ as data when the host sent a byte less than UARTFT before it (3.1.2 T1)', async () => {
    host = await startTcpHost({ host: '127.0.0.1', port: 0, moduleOptions: { startRunning: true } });
    const client = await Client.open(host.address.port);
    await pause(700);
    client.take();
    client.send('x+++');
    // The echo server returns the frame: proof that "+++" went out as data, not as an entry attempt.
    const echoed = await client.until(/x\+\+\+/);
    expect(echoed).not.toMatch(/a/);
    expect(host.module.snapshot().mode).toBe('net');
  }, 20_000);

  it('gives the serial line to one client at a time, like one cable', async () => {
    host = await startTcpHost({ host: '127.0.0.1', port: 0, moduleOptions: { startRunning: true } });
    const first = await Client.open(host.address.port);
    const second = await Client.open(host.address.port);
    expect(await second.until(/BUSY/)).toMatch(/another client/);
    first.socket.destroy();
  });
});
