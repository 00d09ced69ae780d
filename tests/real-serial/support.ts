/**
 * What the real-serial specs share: the environment the runner (scripts/real-serial.mjs) and the harness
 * (shared/tools/real-serial/run.sh) give them, the software DTU's control port and trace, a Node AT client
 * over TCP or the pty (real time), CPU load, and steps whose failures show the bytes exchanged.
 */
import { test, type TestInfo } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import {
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { ReadStream } from 'node:tty';
import { formatTrace, parseTrace, printable, type TraceEntry } from './analysis';

export interface RealSerialEnv {
  /** The pty Chromium opens as /dev/ttyS0 (REAL_TTY_PTY). */
  readonly pty: string;
  /** The software DTU's serial port on TCP. */
  readonly tcp: { readonly host: string; readonly port: number };
  /** The software DTU's control port. */
  readonly control: { readonly host: string; readonly port: number };
  /** The DTU's trace file (JSON lines). */
  readonly trace: string;
  /** The harness's raw dumps (to-device.bin, from-device.bin). */
  readonly ttyTrace: string | undefined;
  /** Where measurements go (JSON, read by the runner). */
  readonly out: string;
}

function hostPort(value: string | undefined): { host: string; port: number } | undefined {
  const m = value === undefined ? null : /^(.+):(\d+)$/.exec(value);
  return m ? { host: m[1] ?? '127.0.0.1', port: Number(m[2]) } : undefined;
}

/** The environment, or undefined outside the harness + runner (the spec then skips). */
export function realSerialEnv(): RealSerialEnv | undefined {
  const e = process.env;
  const tcp = hostPort(e['REAL_SERIAL_TCP']);
  const control = hostPort(e['REAL_SERIAL_CONTROL']);
  if (e['REAL_TTY'] !== '1' || !e['REAL_TTY_PTY'] || !tcp || !control || !e['REAL_SERIAL_TRACE']) {
    return undefined;
  }
  return {
    pty: e['REAL_TTY_PTY'],
    tcp,
    control,
    trace: e['REAL_SERIAL_TRACE'],
    ttyTrace: e['REAL_TTY_TRACE'],
    out: e['REAL_SERIAL_OUT'] ?? 'artifacts/real-serial',
  };
}

/** Skips the spec outside the harness, with the way to run it. */
export function requireRealSerial(): RealSerialEnv {
  const env = realSerialEnv();
  test.skip(
    env === undefined,
    'needs Chromium on a real pty: run `npm run test:real-serial` (root, socat), not `playwright test` alone',
  );
  return env as RealSerialEnv;
}

// ------------------------------------------------------------------------------------ control port

/** One command to the DTU's control port (src/simulator/node/control-port.ts), one answer. */
export function control(
  env: RealSerialEnv,
  command: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const s = connect(env.control.port, env.control.host);
    let text = '';
    const timer = setTimeout(() => {
      s.destroy();
      reject(new Error(`control port: no answer to ${JSON.stringify(command)}`));
    }, 5000);
    s.setEncoding('utf8');
    s.on('connect', () => s.write(`${JSON.stringify(command)}\n`));
    s.on('data', (chunk: string) => {
      text += chunk;
      const nl = text.indexOf('\n');
      if (nl < 0) return;
      clearTimeout(timer);
      s.destroy();
      const answer = JSON.parse(text.slice(0, nl)) as Record<string, unknown>;
      if (answer['ok'] !== true) reject(new Error(`control port: ${String(answer['error'])}`));
      else resolve(answer);
    });
    s.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

export interface DtuStatus {
  connected: boolean;
  hostLine: string;
  mode: string;
  uart: string;
  running: Record<string, string>;
  stored: Record<string, string>;
  /** The firmware variant's selection (preset names, core/variants.ts); `[]` = as the manual says. */
  firmware: string[];
}

export async function dtuStatus(env: RealSerialEnv): Promise<DtuStatus> {
  return (await control(env, { cmd: 'status' })) as unknown as DtuStatus;
}

export async function mark(env: RealSerialEnv, label: string): Promise<void> {
  await control(env, { cmd: 'mark', label });
}

/** Waits until `check` holds, polling every 50 ms; the error names `what`. */
export async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await pause(50);
  }
}

export const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------------------------------ trace

export function readTraceFile(env: RealSerialEnv): TraceEntry[] {
  return existsSync(env.trace) ? parseTrace(readFileSync(env.trace, 'utf8')) : [];
}

export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

function hexdumpTail(path: string, max = 384): string {
  if (!existsSync(path)) return `  (no ${path})`;
  const all = readFileSync(path);
  const b = all.subarray(Math.max(0, all.length - max));
  return `  ${all.length} bytes${all.length > max ? `, last ${max}` : ''}: ${JSON.stringify(printable(b))}`;
}

/** The bytes exchanged since `from` (epoch ms), as the failure text shows them. */
export function bytesExchanged(env: RealSerialEnv, from: number, maxLines = 80): string {
  const entries = readTraceFile(env).filter((e) => e.t >= from - 1);
  const shown = entries.slice(-maxLines);
  const parts = [
    `Bytes at the TCP end (software DTU trace ${env.trace}), ${entries.length} entries` +
      `${entries.length > shown.length ? `, last ${shown.length}` : ''}, times from the step's start:`,
    formatTrace(shown, from) || '  (nothing)',
  ];
  if (env.ttyTrace) {
    parts.push(
      `Raw tty dumps of the harness (REAL_TTY_TRACE=${env.ttyTrace}), whole run:`,
      ` page→device ${hexdumpTail(join(env.ttyTrace, 'to-device.bin'))}`,
      ` device→page ${hexdumpTail(join(env.ttyTrace, 'from-device.bin'))}`,
    );
  }
  return parts.join('\n');
}

/**
 * A `test.step` whose failure says which step failed and shows the bytes exchanged during it (the DTU's
 * trace since the step began, the harness's raw dumps).
 */
export async function step<T>(env: RealSerialEnv, name: string, body: () => Promise<T>): Promise<T> {
  return test.step(name, async () => {
    const from = epochNow();
    await mark(env, `step: ${name}`).catch(() => undefined);
    try {
      return await body();
    } catch (e) {
      if (e instanceof Error && !e.message.startsWith('[real-serial step')) {
        const original = e.message;
        e.message = `[real-serial step "${name}"] ${original}\n\n${bytesExchanged(env, from)}`;
        if (e.stack) e.stack = e.stack.replace(original, e.message);
      }
      throw e;
    }
  });
}

/** Writes measurements for the runner and the report (artifacts/real-serial/…/measurements.json). */
export function recordMeasurements(
  env: RealSerialEnv,
  testInfo: TestInfo,
  data: Record<string, unknown>,
): void {
  mkdirSync(env.out, { recursive: true });
  const file = join(
    env.out,
    `measurements-${testInfo.titlePath.slice(-1)[0]?.replace(/\W+/g, '-') ?? 'x'}.json`,
  );
  writeFileSync(file, `${JSON.stringify({ test: testInfo.title, ...data }, null, 2)}\n`);
  void testInfo.attach('measurements', {
    body: JSON.stringify(data, null, 2),
    contentType: 'application/json',
  });
}

// ------------------------------------------------------------------------------------ Node AT client

/** A byte pipe to the module: the DTU's TCP port, or the pty. */
interface Pipe {
  write(bytes: Uint8Array): void;
  onData(listener: (bytes: Uint8Array) => void): void;
  close(): void;
}

/**
 * AT from Node with real time: collects what the module sends and waits for patterns. The guard before
 * `+++` is the caller's (`quiet`), counted from our last byte. Reads the firmware variants too
 * (core/variants.ts): `a`/`+ok` UARTFT late, `+OK` / `+ERR=-n`, queries with no OK, a blank after the colon,
 * notices in working mode.
 */
export class AtClient {
  private received = '';
  private waiters: (() => void)[] = [];
  private lastTx = 0;
  readonly log: string[] = [];

  private constructor(private readonly pipe: Pipe) {
    pipe.onData((bytes) => {
      const text = Buffer.from(bytes).toString('latin1');
      this.log.push(`${new Date().toISOString()} ← ${JSON.stringify(text)}`);
      this.received += text;
      for (const w of this.waiters.splice(0)) w();
    });
  }

  /** Over the software DTU's TCP port (the serial line itself, no pty or browser in between). */
  static tcp(host: string, port: number): Promise<AtClient> {
    return new Promise((resolve, reject) => {
      const s: Socket = connect(port, host, () => {
        s.setNoDelay(true);
        resolve(
          new AtClient({
            write: (b) => s.write(b),
            onData: (l) => s.on('data', (d: Buffer) => l(new Uint8Array(d))),
            close: () => s.destroy(),
          }),
        );
      });
      s.once('error', reject);
    });
  }

  /** Over the pty (as any serial program on this machine would: the same path as Chromium's). */
  static pty(path: string): AtClient {
    const fd = openSync(path, constants.O_RDWR | constants.O_NOCTTY | constants.O_NONBLOCK);
    const stream = new ReadStream(fd);
    let closed = false;
    return new AtClient({
      write: (b) => {
        if (!closed) writeSync(fd, b);
      },
      onData: (l) => stream.on('data', (d: Buffer) => l(new Uint8Array(d))),
      close: () => {
        if (closed) return;
        closed = true;
        stream.destroy();
        try {
          closeSync(fd);
        } catch {
          // already closed with the stream
        }
      },
    });
  }

  send(text: string): void {
    this.log.push(`${new Date().toISOString()} → ${JSON.stringify(text)}`);
    this.pipe.write(Buffer.from(text, 'latin1'));
    this.lastTx = Date.now();
  }

  take(): string {
    const r = this.received;
    this.received = '';
    return r;
  }

  /** Waits until what was received matches; fails after `ms` with what came. */
  async until(pattern: RegExp, ms = 5000): Promise<string> {
    const deadline = Date.now() + ms;
    while (!pattern.test(this.received)) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `Node AT client: no ${pattern} within ${ms} ms; received ${JSON.stringify(this.received)}`,
        );
      }
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

  /** Waits until nothing was sent for `ms` and nothing received for `ms` (the `+++` guard). */
  async quiet(ms: number): Promise<void> {
    let lastRx = Date.now();
    let seen = this.received.length;
    for (;;) {
      if (this.received.length !== seen) {
        seen = this.received.length;
        lastRx = Date.now();
      }
      const wait = Math.max(lastRx, this.lastTx) + ms - Date.now();
      if (wait <= 0) return;
      await pause(Math.min(wait, 20));
    }
  }

  /** Guarded `+++`, `a`: command mode. Resolves with what the module answered to `+++`. */
  async enter(uartft: number): Promise<string> {
    await this.quiet(uartft + Math.max(100, uartft * 0.2));
    this.take();
    this.send('+++');
    // The bare `a`, not one inside a working-mode notice (`\r\n[USR] no data…\r\n`).
    const a = await this.until(/(^|\n)a/, uartft + 1500);
    this.send('a');
    await this.until(/\+ok/, uartft + 1500);
    this.take();
    return a;
  }

  /** One command, its answer up to OK or an error. */
  async command(line: string, ms = 3000): Promise<string> {
    this.take();
    this.send(`${line}\r`);
    return this.until(/\r\n(\+?OK|\+ERR[:=]-?\d+|ERROR)\r\n/, ms);
  }

  /**
   * The value of a query (`AT+X?` → `+X:value`, or `+X: value`). Firmware that sends no OK after a query
   * is waited for until the line is quiet, so a late OK cannot pass for the next command's answer.
   */
  async query(name: string, ms = 3000): Promise<string> {
    this.take();
    this.send(`AT+${name}?\r`);
    const value = new RegExp(`\\+${name}: ?([^\\r\\n]*)\\r\\n`);
    const error = /\r\n(\+ERR[:=]-?\d+|ERROR)\r\n/;
    const answer = await this.until(new RegExp(`${value.source}|${error.source}`), ms);
    const m = value.exec(answer);
    if (!m) throw new Error(`AT+${name}? answered ${JSON.stringify(answer)}`);
    if (!/\r\n\+?OK\r\n/.test(this.received)) await this.quiet(100);
    return m[1] ?? '';
  }

  close(): void {
    this.pipe.close();
  }
}

// ------------------------------------------------------------------------------------ CPU load

/** `n` busy Node processes (the machine has 2 cores); stop() ends them by PID. */
export function cpuLoad(n = 2): { pids: number[]; stop(): void } {
  const children: ChildProcess[] = [];
  for (let i = 0; i < n; i++) {
    children.push(
      spawn(process.execPath, ['-e', 'for (;;) { Math.sqrt(Math.random()); }'], { stdio: 'ignore' }),
    );
  }
  const stop = (): void => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  };
  process.once('exit', stop);
  return { pids: children.map((c) => c.pid ?? -1), stop };
}
