import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { UartSettings } from '../../src/protocol/uart';
import { parseCliArgs } from '../../src/simulator/node/cli-args';
import { answerControl, startControlPort } from '../../src/simulator/node/control-port';
import { startTcpHost, type TcpHost } from '../../src/simulator/node/tcp-host';
import { openTraceFile, type TraceEntry, type TraceSink } from '../../src/simulator/node/trace';
import { followTty, lineOfReading, parseSttyOutput } from '../../src/simulator/node/tty-follow';

/** A raw TCP client that collects what the module sends (latin1), in wall-clock time. */
class Client {
  received = '';
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
  async until(pattern: RegExp, ms = 4000): Promise<string> {
    const deadline = Date.now() + ms;
    while (!pattern.test(this.received)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${pattern} within ${ms} ms; got ${JSON.stringify(this.received)}`);
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
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function memoryTrace(): TraceSink & { entries: TraceEntry[] } {
  const entries: TraceEntry[] = [];
  return { entries, write: (e) => entries.push(e), close: () => undefined };
}

const hasPython = spawnSync('python3', ['-c', 'import pty, termios'], { stdio: 'ignore' }).status === 0;

/**
 * A pty held open by python3; each line "BAUD BITS PARITY STOP" on its stdin sets its termios (answered
 * "ok"), as a program opening the port at those settings would.
 */
class Pty {
  private out = '';
  private constructor(
    private readonly p: ChildProcess,
    readonly path: string,
  ) {
    p.stdout?.on('data', (b: Buffer) => (this.out += b.toString()));
  }
  static async open(): Promise<Pty> {
    const script = String.raw`
import os, pty, sys, termios
m, s = pty.openpty()
print(os.ttyname(s), flush=True)
for line in sys.stdin:
    baud, bits, parity, stop = line.split()
    a = termios.tcgetattr(s)
    speed = getattr(termios, 'B' + baud)
    a[4] = a[5] = speed
    a[2] &= ~(termios.CSIZE | termios.PARENB | termios.PARODD | termios.CSTOPB)
    a[2] |= {'5': termios.CS5, '6': termios.CS6, '7': termios.CS7, '8': termios.CS8}[bits]
    if parity != 'N': a[2] |= termios.PARENB | (termios.PARODD if parity == 'O' else 0)
    if stop == '2': a[2] |= termios.CSTOPB
    termios.tcsetattr(s, termios.TCSANOW, a)
    print('ok', flush=True)
`;
    const p = spawn('python3', ['-c', script], { stdio: ['pipe', 'pipe', 'inherit'] });
    const path = await new Promise<string>((resolve, reject) => {
      p.stdout.once('data', (b: Buffer) => resolve(b.toString().trim()));
      p.once('error', reject);
    });
    return new Pty(p, path);
  }
  async set(line: string): Promise<void> {
    const before = (this.out.match(/ok/g) ?? []).length;
    this.p.stdin?.write(`${line}\n`);
    while ((this.out.match(/ok/g) ?? []).length <= before) await pause(2);
  }
  close(): void {
    this.p.stdin?.end();
    this.p.kill();
  }
}

let host: TcpHost | undefined;
let pty: Pty | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
  pty?.close();
  pty = undefined;
});

describe('software DTU trace (--trace)', () => {
  it('records each chunk at the TCP end with time, direction, hex, and the mode and UARTFT on arrival', async () => {
    const trace = memoryTrace();
    host = await startTcpHost({ host: '127.0.0.1', port: 0, trace });
    const client = await Client.open(host.address.port);
    await pause(300);
    client.send('+++');
    await client.until(/a$/);
    client.send('a');
    await client.until(/\+ok/);
    client.send('AT+VER\r');
    await client.until(/OK\r\n$/);
    host.mark('here');
    const ins = trace.entries.filter((e) => e.dir === 'in');
    expect(ins.map((e) => Buffer.from(e.hex, 'hex').toString('latin1'))).toEqual(['+++', 'a', 'AT+VER\r']);
    expect(ins.map((e) => (e.dir === 'in' ? [e.mode, e.uartft] : []))).toEqual([
      ['net', 50],
      ['entering', 50],
      ['command', 50],
    ]);
    const outs = trace.entries
      .filter((e) => e.dir === 'out')
      .map((e) => Buffer.from(e.hex, 'hex').toString());
    expect(outs.join('')).toMatch(/^a\+ok\r\nAT\+VER\r\r\n\+VER:\S+\r\n\r\nOK\r\n$/);
    const times = trace.entries.map((e) => e.t);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(Math.abs((times[0] ?? 0) - Date.now())).toBeLessThan(5000); // epoch ms
    expect(trace.entries[0]).toMatchObject({ dir: 'client', event: 'connect' });
    expect(trace.entries).toContainEqual(expect.objectContaining({ dir: 'mode', mode: 'command' }));
    expect(trace.entries.at(-1)).toMatchObject({ dir: 'mark', label: 'here' });
  }, 20_000);

  it("records what reaches socket A's server: serial data in working mode is tagged `data`", async () => {
    const trace = memoryTrace();
    host = await startTcpHost({ host: '127.0.0.1', port: 0, trace });
    const client = await Client.open(host.address.port);
    await pause(200);
    client.send('hello');
    await client.until(/hello/); // the echo server returns it
    const server = trace.entries.filter((e) => e.dir === 'server' && e.tag === 'data');
    expect(server).toHaveLength(1);
    expect(server[0]).toMatchObject({ socket: 'A', hex: Buffer.from('hello').toString('hex'), n: 5 });
  }, 20_000);

  it('writes JSON lines to a file, one per entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dtu-trace-'));
    try {
      const file = join(dir, 't.jsonl');
      const sink = openTraceFile(file);
      host = await startTcpHost({ host: '127.0.0.1', port: 0, trace: sink });
      const client = await Client.open(host.address.port);
      client.send('x');
      await pause(100);
      sink.close();
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      expect(lines.map((l) => (JSON.parse(l) as TraceEntry).dir)).toContain('in');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('dropClient cuts the connection like a pulled cable; the line is free for the next client', async () => {
    const trace = memoryTrace();
    host = await startTcpHost({ host: '127.0.0.1', port: 0, trace });
    const first = await Client.open(host.address.port);
    const closed = new Promise((r) => first.socket.once('close', r));
    await pause(50);
    expect(host.connected).toBe(true);
    expect(host.dropClient()).toBe(true);
    await closed;
    await pause(20);
    expect(host.connected).toBe(false);
    expect(host.dropClient()).toBe(false);
    const second = await Client.open(host.address.port);
    await pause(50);
    expect(host.connected).toBe(true);
    expect(
      trace.entries.filter((e) => e.dir === 'client').map((e) => (e.dir === 'client' ? e.event : '')),
    ).toEqual(['connect', 'dropped', 'disconnect', 'connect']);
    second.socket.destroy();
  });
});

describe('following the host line from a tty (--follow-tty)', () => {
  it('reads `stty -a` output and ignores speed 0', () => {
    const text =
      'speed 9600 baud; rows 0; columns 0; line = 0;\n-parenb -parodd -cmspar cs7 -hupcl cstopb cread clocal -crtscts\n';
    expect(parseSttyOutput(text)).toEqual({ baud: 9600, dataBits: 7, stopBits: 2, parity: 'NONE' });
    expect(parseSttyOutput('speed 38400 baud;\nparenb parodd cs8 -cstopb')).toMatchObject({ parity: 'ODD' });
    expect(parseSttyOutput('speed 38400 baud;\nparenb -parodd cs8 -cstopb')).toMatchObject({
      parity: 'EVEN',
    });
    expect(lineOfReading({ baud: 0, dataBits: 8, stopBits: 1, parity: 'NONE' })).toBeUndefined();
    expect(lineOfReading({ error: 'gone' })).toBeUndefined();
    expect(lineOfReading({ baud: 115200, dataBits: 8, stopBits: 1, parity: 'NONE' })).toEqual({
      baud: 115200,
      dataBits: 8,
      stopBits: 1,
      parity: 'NONE',
    });
  });

  for (const method of ['python3', 'stty'] as const) {
    it.skipIf(!hasPython)(`follows a pty's termios with ${method}`, async () => {
      pty = await Pty.open();
      await pty.set('4800 8 N 1');
      const seen: UartSettings[] = [];
      const follower = followTty(pty.path, { method, onChange: (l) => seen.push(l) });
      try {
        await follower.refresh();
        expect(follower.line?.baud).toBe(4800);
        await pty.set('9600 8 N 1');
        await follower.refresh();
        expect(follower.line).toEqual({ baud: 9600, dataBits: 8, stopBits: 1, parity: 'NONE' });
        // Linux ptys keep the speed and CSTOPB but force CS8 and clear PARENB (pty_set_termios):
        // through a pty only the rate and the stop bits can differ from the module's.
        await pty.set('19200 7 E 2');
        await follower.refresh();
        expect(follower.line).toEqual({ baud: 19200, dataBits: 8, stopBits: 2, parity: 'NONE' });
        expect(seen.map((l) => l.baud)).toEqual([4800, 9600, 19200]);
      } finally {
        follower.stop();
      }
    });
  }

  it.skipIf(!hasPython)(
    'a host line at another rate than the module garbles, the same rate works; bytes that follow a change at once see it',
    async () => {
      pty = await Pty.open();
      await pty.set('9600 8 N 1');
      const trace = memoryTrace();
      // Polled only every 10 s: the change below is seen because bytes arriving trigger a reading.
      host = await startTcpHost({
        host: '127.0.0.1',
        port: 0,
        trace,
        followTty: pty.path,
        followIntervalMs: 10_000,
      });
      for (let i = 0; i < 150 && host.hostLine.baud !== 9600; i++) await pause(20); // python3 starting
      const client = await Client.open(host.address.port);
      expect(host.hostLine.baud).toBe(9600);
      client.send('+++'); // the module runs at 115200: garbage, no entry
      await pause(600);
      expect(client.received).not.toMatch(/a/);
      expect(host.module.mode).toBe('net');
      await pause(200);
      // The pty goes to 115200 and +++ follows at once, long before the next poll.
      await pty.set('115200 8 N 1');
      client.send('+++');
      await client.until(/a$/);
      expect(
        trace.entries.filter((e) => e.dir === 'line').map((e) => (e.dir === 'line' ? e.line : '')),
      ).toEqual(['9600 8N1', '115200 8N1']);
    },
    20_000,
  );
});

describe('control port (--control)', () => {
  it('answers status, marks, drops the client and follows a tty; refuses unknown commands', async () => {
    const trace = memoryTrace();
    host = await startTcpHost({ host: '127.0.0.1', port: 0, trace });
    expect(answerControl(host, { cmd: 'status' })).toMatchObject({
      ok: true,
      connected: false,
      hostLine: '115200 8N1',
      mode: 'net',
      uart: '115200 8N1',
      running: expect.objectContaining({ UARTFT: '50' }),
    });
    expect(answerControl(host, { cmd: 'mark', label: 'x' })).toEqual({ ok: true });
    expect(answerControl(host, { cmd: 'drop-client' })).toEqual({ ok: true, dropped: false });
    expect(answerControl(host, { cmd: 'follow-tty', path: 3 })).toMatchObject({ ok: false });
    expect(answerControl(host, { cmd: 'follow-tty', path: null })).toEqual({ ok: true });
    expect(answerControl(host, { cmd: 'nope' })).toMatchObject({
      ok: false,
      error: 'unknown command "nope"',
    });
    expect(answerControl(host, 'status')).toMatchObject({ ok: false });
    expect(
      answerControl(host, {
        cmd: 'sim',
        command: { type: 'set-server-behaviour', socket: 'A', behaviour: 'silent' },
      }),
    ).toEqual({ ok: true });
    expect(host.module.snapshot().behaviours.A).toBe('silent');
    expect(answerControl(host, { cmd: 'sim', command: { type: 'serial-write' } })).toMatchObject({
      ok: false,
    });
    // A firmware switch says what is in force, and refuses an unknown name without changing anything.
    expect(
      answerControl(host, { cmd: 'sim', command: { type: 'set-firmware', selection: ['worst-case'] } }),
    ).toEqual({ ok: true, firmware: ['worst-case'] });
    expect(
      answerControl(host, { cmd: 'sim', command: { type: 'set-firmware', selection: ['g787'] } }),
    ).toMatchObject({ ok: false, error: expect.stringContaining('"g787"') });
    expect(answerControl(host, { cmd: 'status' })).toMatchObject({ firmware: ['worst-case'] });
    expect(host.module.firmwareVariant.slowEntry).toBe(true);

    const port = await startControlPort(host, '127.0.0.1', 0);
    try {
      const answer = await new Promise<string>((resolve) => {
        const s = connect(port.address.port, '127.0.0.1', () => s.write('{"cmd":"status"}\nnot json\n'));
        let text = '';
        s.on('data', (b: Buffer) => {
          text += b.toString();
          if (text.split('\n').length > 2) {
            s.destroy();
            resolve(text);
          }
        });
      });
      const [first, second] = answer
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { ok: boolean });
      expect(first).toMatchObject({ ok: true, mode: 'net' });
      expect(second).toMatchObject({ ok: false });
    } finally {
      await port.close();
    }
  });

  it('the CLI takes --follow-tty, --trace and --control', () => {
    expect(
      parseCliArgs(['--follow-tty', '/dev/pts/3', '--trace', 't.jsonl', '--control', '127.0.0.1:7001']),
    ).toMatchObject({
      kind: 'run',
      args: { followTty: '/dev/pts/3', trace: 't.jsonl', control: '127.0.0.1:7001' },
    });
    expect(parseCliArgs(['--trace']).kind).toBe('error');
    expect(parseCliArgs(['--follow-tty', '--quiet']).kind).toBe('error');
  });
});
