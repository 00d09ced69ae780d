/**
 * Devices that do not behave like a USR-LTE-7S4 (`set-broken`, docs/simulator.md "Broken devices"): what a
 * person may have on the other end of the cable instead — another product, a loopback adapter, firmware
 * that lies. The session must notice and say so rather than configure them.
 *
 * - `spam-ok` answers `\r\nOK\r\n` to every line (every CR, empty lines too) and to a `+++` framed by
 *   silence (a Hayes-style escape: more than UARTFT of silence, `+++`, then UARTFT/2 of silence). It never
 *   echoes, never answers `a`, and never sends a value. The host's `a` after the OK is just a byte of the
 *   next line.
 * - `echo-only` sends back every byte as it arrives and answers nothing (TX and RX joined).
 * - `wrong-reply` is handled by the firmware (a 7S4 in every way, `+++` included, except that each query
 *   is answered with another command's reply): `wrongQueryLine` picks the other command.
 */
import { CATALOGUE } from '../../protocol/catalogue';
import { interpretCommand } from '../../protocol/command';
import type { Clock } from '../../clock/clock';
import type { BrokenBehaviour } from './control';
import { Deadline, type TimerGroup } from './timers';

const CR = 0x0d;
const PLUS = 0x2b;
const OK_BYTES = new TextEncoder().encode('\r\nOK\r\n');

/** Names whose value can be read, in catalogue order (settings and read-only queries, no aliases). */
const READABLE: readonly { readonly name: string; readonly kind: 'setting' | 'query' }[] = CATALOGUE.filter(
  (e) => !e.aliasOf && (e.kind === 'setting' || e.kind === 'query'),
).map((e) => ({ name: e.name, kind: e.kind as 'setting' | 'query' }));

/**
 * For `wrong-reply`: the line to run instead of a query — the query of the next readable command in
 * catalogue order (`AT+VER?` → `AT+SN`, `AT+SN` → `AT+ICCID`, …, the last → the first). Anything that is
 * not a query (sets, actions, `=?`, errors) is run as it is: undefined.
 */
export function wrongQueryLine(line: string): string | undefined {
  const r = interpretCommand(line);
  if (!r.ok || r.op !== 'query') return undefined;
  const at = READABLE.findIndex((e) => e.name === r.entry.name);
  if (at < 0) return undefined;
  const other = READABLE[(at + 1) % READABLE.length] as (typeof READABLE)[number];
  return other.kind === 'query' ? `AT+${other.name}` : `AT+${other.name}?`;
}

export interface BrokenHost {
  readonly clock: Clock;
  readonly group: TimerGroup;
  /** Bytes to the host. */
  tx(bytes: Uint8Array): void;
  /** The running UARTFT, ms (silence around a `+++`). */
  frameGapMs(): number;
}

/** The serial side of a `spam-ok` or `echo-only` device: the host's bytes never reach a 7S4 firmware. */
export class BrokenSerial {
  private lineLength = 0;
  /** The current line is `+`, `++` or `+++` so far, the first `+` after enough silence. */
  private plusOnly = false;
  private lastRxEnd = -Infinity;
  private readonly plusCheck: Deadline;

  constructor(
    readonly behaviour: Exclude<BrokenBehaviour, 'wrong-reply'>,
    private readonly host: BrokenHost,
  ) {
    this.plusCheck = new Deadline(host.clock, host.group, () => this.plusSilence());
  }

  /** Bytes from the host (arrival times as in Firmware.rx). */
  rx(bytes: Uint8Array, firstEnd: number, charMs: number): void {
    if (bytes.length === 0) return;
    const silence = firstEnd - charMs - this.lastRxEnd;
    this.lastRxEnd = firstEnd + (bytes.length - 1) * charMs;
    if (this.behaviour === 'echo-only') {
      this.host.tx(bytes.slice());
      return;
    }
    const ft = this.host.frameGapMs();
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] as number;
      if (b === CR) {
        this.lineLength = 0;
        this.plusOnly = false;
        this.plusCheck.clear();
        this.host.tx(OK_BYTES.slice());
        continue;
      }
      if (b === PLUS && this.lineLength === 0 && i === 0 && silence > ft) this.plusOnly = true;
      else if (b !== PLUS || this.lineLength >= 3) this.plusOnly = false;
      this.lineLength++;
    }
    if (this.plusOnly && this.lineLength === 3) this.plusCheck.set(this.lastRxEnd + ft / 2);
    else this.plusCheck.clear();
  }

  private plusSilence(): void {
    if (!this.plusOnly || this.lineLength !== 3) return;
    this.lineLength = 0;
    this.plusOnly = false;
    this.host.tx(OK_BYTES.slice());
  }
}
