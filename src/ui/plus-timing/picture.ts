/**
 * What the `+++` timing picture draws (docs/ui.md, "plus-timing"): the serial side's bytes on one time axis,
 * the windows of manual 3.1.2 (figure 27) and the verdict. Pure data; built from the module's own report
 * (`from-module.ts`) or, on a real device, inferred from the app's traffic log (`from-traffic.ts`).
 */
import type { PlusAttemptReason } from '../../simulator/core/plus-attempt';

/** `tx`: host → module (above the axis, as in the manual's figure); `rx`: module → host (below). */
export type TickDir = 'tx' | 'rx';

export type TickRole = 'previous' | 'plus' | 'interrupt' | 'a' | 'host-answer' | 'ok' | 'error';

export interface Tick {
  /** ms from the picture's origin (the first `+` started arriving). */
  readonly at: number;
  readonly dir: TickDir;
  readonly role: TickRole;
  /** The byte(s) as shown: `+`, `a`, `+ok`, or the byte that was in the way. */
  readonly label: string;
  /** This byte broke the rule the verdict names. */
  readonly bad: boolean;
}

/**
 * The windows of figure 27: `t1` the silence the module needs before `+++` (> UARTFT); `t2` the time in
 * which the next `+` must start (< UARTFT); `t3` the silence after the third `+` before the module's `a`
 * (T4 = UARTFT on G786/G809 firmware); `t5` the time the host has to answer `a` (< 3 s); `t6` the module's
 * wait before `+ok` (G786/G809: UARTFT).
 */
export type WindowKey = 't1' | 't2' | 't3' | 't5' | 't6';

export interface TimingWindow {
  readonly key: WindowKey;
  readonly from: number;
  readonly to: number;
  /** The rule in this window was broken (drawn red). */
  readonly broken: boolean;
  /** The window goes on beyond the right edge of the picture. */
  readonly clipped: boolean;
}

/**
 * Why an attempt failed or `entered`. The module's reasons, plus three the app can only infer on a real
 * device: `no-a` (the `+` looked right but no `a` came back), `command-mode` (an error line came: it was in
 * command mode already) and `no-ok` (our `a` got no `+ok`).
 */
export type TimingReason = PlusAttemptReason | 'no-a' | 'command-mode' | 'no-ok';

export interface Verdict {
  readonly outcome: 'waiting' | 'entered' | 'failed';
  readonly reason?: TimingReason;
  readonly measuredMs?: number;
  readonly limitMs?: number;
  /** Which `+` (1-based) the reason is about. */
  readonly index?: number;
  /** The byte that got in the way (`interrupted`, `wrong-answer`) or came before (`guard`). */
  readonly byte?: number;
  /** `+` the module took as data before the `+++` that counted. */
  readonly leadingData: number;
}

export interface TimingPicture {
  /** Stable per attempt (`m3`: the module's attempt 3; `t120`: inferred from traffic at 120 ms). */
  readonly key: string;
  /** `module`: the simulator's own report; `inferred`: from the app's side only. */
  readonly source: 'module' | 'inferred';
  /** Absolute time of the origin in the source's clock (to order and label attempts). */
  readonly origin: number;
  /** Axis bounds, ms from the origin. */
  readonly from: number;
  readonly to: number;
  readonly ticks: readonly Tick[];
  readonly windows: readonly TimingWindow[];
  readonly uartftMs: number;
  /** UARTFT as the module had it (module), read from the device (true) or assumed (false). */
  readonly uartftKnown: boolean;
  /** G786/G809 entry timing (T4 = T6 = UARTFT); undefined when not known (a real device). */
  readonly slowEntry?: boolean;
  /** The silence before the first `+` when the byte before it is too far away to draw, ms. */
  readonly earlierGapMs?: number;
  readonly verdict: Verdict;
}

/** Visible text of a byte: printable ASCII as is, others as `[XX]` (the manual's escape notation). */
export function byteLabel(byte: number): string {
  if (byte >= 0x21 && byte <= 0x7e) return String.fromCharCode(byte);
  if (byte === 0x20) return '␠';
  return `[${byte.toString(16).toUpperCase().padStart(2, '0')}]`;
}

/** The right edge: the last thing drawn plus some room, so the last tick is not on the border. */
export function axisEnd(last: number, from: number): number {
  const span = Math.max(1, last - from);
  return last + Math.max(span * 0.12, 5);
}
