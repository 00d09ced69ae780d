/**
 * Follows the line settings (termios speed and character format) of a tty, so the software DTU can make
 * the "cable" run at whatever the host opened its port with. Baud rates do not exist on a pty: bytes flow
 * at any rate, and only the termios settings the host asked for say what a real line would carry. With
 * them the module sees a real mismatch (garbage) when the host opens at another rate than the module's.
 *
 * Node cannot call tcgetattr. A tiny python3 helper polls the tty (open, tcgetattr, close every
 * `intervalMs`) and prints one JSON line per change, and reads it at once when asked (`refresh()`: a host
 * that reopens its port at another rate writes within milliseconds, sooner than the next poll); without
 * python3, `stty -F` is run instead (one process per reading: heavier, same result). Speed 0 (a new pty,
 * or B0 "hang up") is not a line setting and is ignored. A Linux pty keeps the speed and CSTOPB it is set
 * to but forces CS8 and clears PARENB, so through a pty only the rate and the stop bits can differ.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import type { DataBits, Parity, UartSettings } from '../../protocol/uart';

export interface TtyFollower {
  /** The last line settings seen (speed 0 never), undefined until the tty has a speed. */
  readonly line: UartSettings | undefined;
  /**
   * Reads the tty now (not at the next poll); resolves once the reading is in `line` (`onChange` called
   * first when it changed), at the latest after 250 ms (3 s while the helper is still starting).
   */
  refresh(): Promise<void>;
  stop(): void;
}

export interface TtyFollowOptions {
  /** How often the tty is read (default 20 ms). */
  readonly intervalMs?: number;
  /** Called once per change of the line settings (never for speed 0). */
  readonly onChange: (line: UartSettings) => void;
  /** The tty cannot be read (gone, no permission); called once per new error text, `undefined` when it reads again. */
  readonly onError?: (message: string | undefined) => void;
  /** Force a method (tests); default python3, `stty` when python3 cannot start. */
  readonly method?: 'python3' | 'stty';
}

/** What one poll reports: the settings, or why the tty could not be read. */
export type TtyReading =
  | {
      readonly baud: number;
      readonly dataBits: number;
      readonly stopBits: number;
      readonly parity: string;
    }
  | { readonly error: string };

// Polls every `interval` ms and prints a reading when it changed; a number on stdin asks for a reading at
// once (printed with "reply": the last number read), so the host can read the line settings the moment
// bytes arrive. stdin at its end (the host is gone) ends the helper.
const PYTHON_HELPER = String.raw`
import json, os, select, sys, termios
path, interval = sys.argv[1], float(sys.argv[2]) / 1000.0
speeds = {getattr(termios, n): int(n[1:]) for n in dir(termios) if n.startswith('B') and n[1:].isdigit()}
sizes = {termios.CS5: 5, termios.CS6: 6, termios.CS7: 7, termios.CS8: 8}
def reading():
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOCTTY | os.O_NONBLOCK)
        try:
            attrs = termios.tcgetattr(fd)
        finally:
            os.close(fd)
        cflag, ospeed = attrs[2], attrs[5]
        parity = 'NONE' if not cflag & termios.PARENB else ('ODD' if cflag & termios.PARODD else 'EVEN')
        return {'baud': speeds.get(ospeed, 0), 'dataBits': sizes[cflag & termios.CSIZE],
                'stopBits': 2 if cflag & termios.CSTOPB else 1, 'parity': parity}
    except (OSError, termios.error) as e:
        return {'error': str(e)}
def emit(obj):
    sys.stdout.write(json.dumps(obj) + '
')
    sys.stdout.flush()
last = None
while True:
    ready = select.select([0], [], [], interval)[0]
    if ready:
        data = os.read(0, 4096)
        if not data:
            break
        last = reading()
        emit(dict(last, reply=int(data.split()[-1])))
        continue
    now = reading()
    if now != last:
        emit(now)
        last = now
`;

/** The line a reading stands for, or undefined for speed 0 and errors. */
export function lineOfReading(r: TtyReading): UartSettings | undefined {
  if ('error' in r || !(r.baud > 0)) return undefined;
  const dataBits = ([5, 6, 7, 8].includes(r.dataBits) ? r.dataBits : 8) as DataBits;
  const parity: Parity = r.parity === 'ODD' || r.parity === 'EVEN' ? r.parity : 'NONE';
  return { baud: r.baud, dataBits, stopBits: r.stopBits === 2 ? 2 : 1, parity };
}

/** Parses `stty -F DEV -a` output (GNU coreutils): `speed 115200 baud; …`, `cs8`, `-cstopb`, `parenb`, `parodd`. */
export function parseSttyOutput(text: string): TtyReading {
  const speed = /speed (\d+) baud/.exec(text);
  const size = /(?:^|\s)cs([5-8])(?=\s|$)/.exec(text);
  if (!speed || !size) return { error: `unreadable stty output: ${text.slice(0, 80)}` };
  const has = (flag: string): boolean => new RegExp(`(?:^|\\s)${flag}(?=\\s|$)`).test(text);
  return {
    baud: Number(speed[1]),
    dataBits: Number(size[1]),
    stopBits: has('cstopb') ? 2 : 1,
    parity: has('parenb') ? (has('parodd') ? 'ODD' : 'EVEN') : 'NONE',
  };
}

function sameLine(a: UartSettings | undefined, b: UartSettings): boolean {
  return (
    a !== undefined &&
    a.baud === b.baud &&
    a.dataBits === b.dataBits &&
    a.stopBits === b.stopBits &&
    a.parity === b.parity
  );
}

/** Starts following `path`. The first settings come within one interval of the helper's start. */
export function followTty(path: string, options: TtyFollowOptions): TtyFollower {
  const intervalMs = options.intervalMs ?? 20;
  let line: UartSettings | undefined;
  let lastError: string | undefined;
  let stopped = false;
  let child: ChildProcess | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The helper printed its first reading (requests before that wait for it: python may start slowly). */
  let started = false;
  const onStarted: (() => void)[] = [];
  /** refresh() calls waiting for the helper's reply to their request number. */
  let requests = 0;
  let waiting: { n: number; done: () => void }[] = [];
  const answered = (n: number): void => {
    const due = waiting.filter((w) => w.n <= n);
    waiting = waiting.filter((w) => w.n > n);
    for (const w of due) w.done();
  };
  const release = (): void => {
    answered(Infinity);
    for (const f of onStarted.splice(0)) f();
  };

  const report = (r: TtyReading): void => {
    if (stopped) return;
    if ('error' in r) {
      if (r.error !== lastError) {
        lastError = r.error;
        options.onError?.(r.error);
      }
      return;
    }
    if (lastError !== undefined) {
      lastError = undefined;
      options.onError?.(undefined);
    }
    const next = lineOfReading(r);
    if (next && !sameLine(line, next)) {
      line = next;
      options.onChange(next);
    }
  };

  const readStty = (done: () => void): void => {
    execFile('stty', ['-F', path, '-a'], { timeout: 2000 }, (error, stdout, stderr) => {
      if (!stopped) report(error ? { error: (stderr || error.message).trim() } : parseSttyOutput(stdout));
      done();
    });
  };
  let sttyPolling = false;
  const pollStty = (): void => {
    if (stopped) return;
    sttyPolling = true;
    started = true;
    for (const f of onStarted.splice(0)) f();
    readStty(() => {
      if (!stopped) timer = setTimeout(pollStty, intervalMs);
    });
  };

  const startPython = (): void => {
    const p = spawn('python3', ['-c', PYTHON_HELPER, path, String(intervalMs)], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    p.stdin.on('error', () => undefined);
    child = p;
    let buffer = '';
    p.stdout.setEncoding('utf8');
    p.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const text = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        let reply: number | undefined;
        try {
          const r = JSON.parse(text) as TtyReading & { reply?: number };
          reply = r.reply;
          report(r);
        } catch {
          report({ error: `bad helper output: ${text.slice(0, 80)}` });
        }
        if (!started) {
          started = true;
          for (const f of onStarted.splice(0)) f();
        }
        if (reply !== undefined) answered(reply);
      }
    });
    p.stderr.resume();
    p.on('error', () => {
      // No python3 here: poll with stty instead.
      child = undefined;
      if (!stopped && !sttyPolling) pollStty();
    });
    p.on('exit', (code) => {
      if (child !== p || stopped) return;
      child = undefined;
      if (!started && !sttyPolling) pollStty();
      else report({ error: `tty helper ended (exit ${code ?? 'signal'})` });
      answered(Infinity);
    });
  };

  /** One reading taken now: by the helper when it runs, else by `stty`. */
  const readNow = (done: () => void): void => {
    const p = child;
    if (p?.stdin && !p.stdin.destroyed && !sttyPolling) {
      const n = ++requests;
      waiting.push({ n, done });
      p.stdin.write(`${n}\n`);
    } else readStty(done);
  };

  if (options.method === 'stty') pollStty();
  else startPython();

  return {
    get line() {
      return line;
    },
    refresh() {
      if (stopped) return Promise.resolve();
      return new Promise<void>((resolve) => {
        // Never hold the caller long: a helper that starts slowly (pyenv shims) or hangs.
        const guard = setTimeout(resolve, started ? 250 : 3000);
        const done = (): void => {
          clearTimeout(guard);
          resolve();
        };
        if (started) readNow(done);
        else onStarted.push(() => (stopped ? done() : readNow(done)));
      });
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      child?.stdin?.end();
      child?.kill();
      child = undefined;
      release();
    },
  };
}
