/**
 * `+++` attempts inferred from the app's own side (a real device: no simulator to ask). The traffic log has
 * what the browser wrote and read, with its times; the module's view is not known. So the manual's rules
 * (3.1.2: T1 > UARTFT, T2 < UARTFT, T5 < 3 s) are applied to those times with the UARTFT the app knows or
 * assumes, and what the module answered (`a`, `+ok`, an error line, nothing) is taken as it came. The
 * picture says it is inferred: the browser's write times are not the module's arrival times.
 */
import { frame } from './from-module';
import { byteLabel, type Tick, type TimingPicture, type TimingWindow, type Verdict } from './picture';

export interface TrafficByteSource {
  readonly at: number;
  readonly dir: 'tx' | 'rx' | 'note';
  readonly bytes: Uint8Array;
}

export interface InferOptions {
  /** UARTFT in ms: read from the device, or assumed. */
  readonly uartftMs: number;
  readonly uartftKnown: boolean;
  /** The traffic log's clock now (an attempt still inside its windows is `waiting`). */
  readonly now: number;
}

interface TimedByte {
  readonly at: number;
  readonly dir: 'tx' | 'rx';
  readonly byte: number;
}

const PLUS = 0x2b;
const LOWER_A = 0x61;
const T5_MS = 3000;
/** How long the app waits for `a` or `+ok` beyond UARTFT (session timing.ts, entryAMs/entryOkMs). */
const ANSWER_WAIT_MS = 1000;
const FAR_GUARDS = 4;
const decoder = new TextDecoder();

/** Every `+++` attempt (three or more `+` in a row written by the app) in `entries`, oldest first. */
export function picturesFromTraffic(
  entries: readonly TrafficByteSource[],
  options: InferOptions,
): TimingPicture[] {
  const bytes: TimedByte[] = [];
  for (const e of entries) {
    if (e.dir === 'note') continue;
    for (const b of e.bytes) bytes.push({ at: e.at, dir: e.dir, byte: b });
  }
  const out: TimingPicture[] = [];
  let previousTx: TimedByte | undefined;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as TimedByte;
    if (b.dir !== 'tx') continue;
    if (b.byte !== PLUS) {
      previousTx = b;
      continue;
    }
    // A run of `+` written by the app (module output in between does not break it: the module does not
    // count what it sends). After three, a `+` that follows a pause of more than UARTFT is a new try.
    const run: TimedByte[] = [];
    let j = i;
    for (; j < bytes.length; j++) {
      const x = bytes[j] as TimedByte;
      if (x.dir === 'rx') continue;
      if (x.byte !== PLUS) break;
      const last = run[run.length - 1];
      if (last && run.length >= 3 && x.at - last.at > options.uartftMs) break;
      run.push(x);
    }
    if (run.length >= 3) out.push(infer(previousTx, run, bytes, options));
    previousTx = run[run.length - 1];
    i = j - 1;
  }
  return out;
}

/** One attempt: `run` are the `+` the app wrote, `bytes` everything on the line. */
function infer(
  previous: TimedByte | undefined,
  run: readonly TimedByte[],
  bytes: readonly TimedByte[],
  o: InferOptions,
): TimingPicture {
  const ft = o.uartftMs;
  const first = run[0] as TimedByte;
  const third = run[2] as TimedByte;
  const origin = first.at;
  const rel = (t: number): number => t - origin;
  const idle = previous ? first.at - previous.at : undefined;

  // The rules as the manual states them, on the app's write times.
  let rule: Verdict | undefined;
  if (idle !== undefined && idle <= ft)
    rule = verdict('failed', 'guard', { measuredMs: idle, limitMs: ft, index: 1, byte: previous?.byte });
  for (let k = 1; k < 3 && !rule; k++) {
    const gap = (run[k] as TimedByte).at - (run[k - 1] as TimedByte).at;
    if (gap >= ft) rule = verdict('failed', 'gap', { measuredMs: gap, limitMs: ft, index: k + 1 });
  }
  if (!rule && run.length > 3)
    rule = verdict('failed', 'extra', {
      measuredMs: (run[3] as TimedByte).at - third.at,
      limitMs: ft,
      index: 4,
    });

  // What the module answered, from after the third `+`: its `a`, an error line, then our `a` and `+ok`.
  const after = bytes.slice(bytes.indexOf(third) + 1);
  const a = firstRxA(after);
  const errorAt = rxTextAt(after, /ERR|\bOK\r?\n/, a?.at);
  let hostAnswer: TimedByte | undefined;
  let ok: TimedByte | undefined;
  if (a) {
    const afterA = after.slice(after.indexOf(a) + 1);
    hostAnswer = afterA.find((x) => x.dir === 'tx');
    if (hostAnswer?.byte === LOWER_A) {
      const reply = afterA.slice(afterA.indexOf(hostAnswer) + 1);
      ok = rxTextStart(reply, '+ok');
    }
  }

  let v: Verdict;
  const lastPlus = run[run.length - 1] as TimedByte;
  if (a) {
    // The module said `a`: whatever our assumed UARTFT says, it took the `+++`.
    if (!hostAnswer)
      v =
        o.now - a.at > T5_MS
          ? verdict('failed', 'no-answer', { measuredMs: o.now - a.at, limitMs: T5_MS })
          : verdict('waiting');
    else if (hostAnswer.byte !== LOWER_A)
      v = verdict('failed', 'wrong-answer', { measuredMs: hostAnswer.at - a.at, byte: hostAnswer.byte });
    else if (hostAnswer.at - a.at >= T5_MS)
      v = verdict('failed', 'no-answer', { measuredMs: hostAnswer.at - a.at, limitMs: T5_MS });
    else if (ok) v = verdict('entered', 'entered', { measuredMs: hostAnswer.at - a.at, limitMs: T5_MS });
    else if (o.now - hostAnswer.at > ANSWER_WAIT_MS + ft) v = verdict('failed', 'no-ok');
    else v = verdict('waiting');
  } else if (errorAt !== undefined) v = verdict('failed', 'command-mode');
  else if (rule) v = rule;
  else if (o.now - lastPlus.at > ANSWER_WAIT_MS + ft) v = verdict('failed', 'no-a');
  else v = verdict('waiting');

  const ticks: Tick[] = [];
  const windows: TimingWindow[] = [];
  let earlierGapMs: number | undefined;
  if (previous && idle !== undefined) {
    if (idle > ft * FAR_GUARDS && idle > 1000) earlierGapMs = idle;
    else
      ticks.push({
        at: rel(previous.at),
        dir: 'tx',
        role: 'previous',
        label: byteLabel(previous.byte),
        bad: v.reason === 'guard',
      });
  }
  windows.push({ key: 't1', from: -ft, to: 0, broken: v.reason === 'guard', clipped: false });
  run.forEach((p, i) =>
    ticks.push({
      at: rel(p.at),
      dir: 'tx',
      role: 'plus',
      label: '+',
      bad: (v.reason === 'gap' || v.reason === 'extra') && v.index === i + 1,
    }),
  );
  const t2End = v.reason === 'gap' && v.index !== undefined ? Math.min(2, v.index - 1) : 2;
  for (let k = 0; k < t2End; k++) {
    const p = run[k] as TimedByte;
    windows.push({
      key: 't2',
      from: rel(p.at),
      to: rel(p.at) + ft,
      broken: v.reason === 'gap' && v.index === k + 2,
      clipped: false,
    });
  }
  // T3 < UARTFT (the 7S4 manual); the module's own T3 is not known, so its upper bound is drawn. Only when
  // the three `+` kept the rules: otherwise the module never waited for that silence.
  if (v.reason !== 'guard' && v.reason !== 'gap')
    windows.push({
      key: 't3',
      from: rel(third.at),
      to: rel(third.at) + ft,
      broken: v.reason === 'extra',
      clipped: false,
    });
  if (a) {
    ticks.push({ at: rel(a.at), dir: 'rx', role: 'a', label: 'a', bad: false });
    windows.push({
      key: 't5',
      from: rel(a.at),
      to: rel(a.at) + T5_MS,
      broken: v.reason === 'no-answer' || v.reason === 'wrong-answer',
      clipped: false,
    });
  }
  if (hostAnswer)
    ticks.push({
      at: rel(hostAnswer.at),
      dir: 'tx',
      role: 'host-answer',
      label: byteLabel(hostAnswer.byte),
      bad: v.reason === 'wrong-answer',
    });
  if (ok) ticks.push({ at: rel(ok.at), dir: 'rx', role: 'ok', label: '+ok', bad: false });
  if (errorAt !== undefined)
    ticks.push({ at: rel(errorAt), dir: 'rx', role: 'error', label: 'ERR', bad: true });
  return frame({
    key: `t${origin}`,
    source: 'inferred',
    origin,
    ticks,
    windows,
    uartftMs: ft,
    uartftKnown: o.uartftKnown,
    verdict: v,
    ...(earlierGapMs === undefined ? {} : { earlierGapMs }),
  });
}

function verdict(
  outcome: Verdict['outcome'],
  reason?: Verdict['reason'],
  extra: { measuredMs?: number; limitMs?: number; index?: number; byte?: number | undefined } = {},
): Verdict {
  const { byte, ...rest } = extra;
  return {
    outcome,
    leadingData: 0,
    ...(reason === undefined ? {} : { reason }),
    ...rest,
    ...(byte === undefined ? {} : { byte }),
  };
}

/** The module's `a`: the first byte it sent after the `+++` when that is an `a`. */
function firstRxA(after: readonly TimedByte[]): TimedByte | undefined {
  for (const x of after) {
    if (x.dir === 'tx') return undefined;
    if (x.byte === 0x0d || x.byte === 0x0a) continue;
    return x.byte === LOWER_A ? x : undefined;
  }
  return undefined;
}

/** When module text matching `pattern` had arrived (before the next app byte, and before `a` if any). */
function rxTextAt(after: readonly TimedByte[], pattern: RegExp, before?: number): number | undefined {
  let text = '';
  for (const x of after) {
    if (x.dir === 'tx' || (before !== undefined && x.at >= before)) return undefined;
    text += decoder.decode(Uint8Array.of(x.byte));
    if (pattern.test(text)) return x.at;
  }
  return undefined;
}

/** The first module byte of `text` when the module's bytes (up to the app's next byte) hold it. */
function rxTextStart(after: readonly TimedByte[], text: string): TimedByte | undefined {
  const rx: TimedByte[] = [];
  for (const x of after) {
    if (x.dir === 'tx') break;
    rx.push(x);
  }
  const s = rx.map((x) => String.fromCharCode(x.byte)).join('');
  const at = s.indexOf(text);
  return at < 0 ? undefined : rx[at];
}
