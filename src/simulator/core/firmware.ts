/**
 * The running firmware: one "life" of the module between two starts. It is created with the settings
 * stored at start (they become the running settings) and thrown away on restart, so nothing of one life
 * leaks into the next. The serial side is a byte stream with arrival times; the modes are the working
 * mode (NET or HTTPD), `entering` (the `+++` / `a` handshake of 3.1.2) and temporary command mode.
 */
import { concatBytes } from '../../protocol/bytes';
import { findRfc2217Frames, withoutFrames } from '../../protocol/rfc2217';
import {
  encodeModuleFrame,
  encodeStatusMessage,
  HostFrameDecoder,
  SDP_ERROR,
  SDP_MAX_DATA,
  type SdpEvent,
} from '../../protocol/sdp';
import type { UartSettings } from '../../protocol/uart';
import type { Clock } from '../../clock/clock';
import { unescapeBytes } from '../../protocol/escape';
import type { VirtualWorld } from '../world/world';
import { csqValue, sysinfoValue } from '../world/radio';
import {
  classifyCommand,
  executeAt,
  replyFormat,
  type AtChannel,
  type AtHost,
  type ReplyFormat,
} from './at-engine';
import { wrongQueryLine } from './broken';
import { splitCloud, type RunningConfig } from './config';
import type { BrokenBehaviour, LinkState, ModuleIdentity, ModuleMode, RadioState, SocketId } from './control';
import { SOCKET_IDS } from './control';
import type { EventHub } from './events';
import type { Flash } from './flash';
import { Framer } from './framer';
import { HttpdClient } from './httpd';
import { SocketChannel } from './sockets';
import { ENTRY_REPLY_MS, MAX_COMMAND_LINE, type ModuleTimings } from './timings';
import { Deadline, EPSILON_MS, TimerGroup } from './timers';
import { nextVersion } from './identity';
import { PlusAttemptWatch } from './plus-attempt';
import {
  EXTRA_CRLF_DELAY_MS,
  NOTICE_INTERVAL_MS,
  NOTICE_TEXT,
  V2_BANNER,
  type FirmwareVariant,
} from './variants';

const PLUS = 0x2b;
const CR = 0x0d;
const LF = 0x0a;
const LOWER_A = 0x61;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const PLUS3 = Uint8Array.of(PLUS, PLUS, PLUS);
const CRLF = Uint8Array.of(CR, LF);
/** What the module answers to the host's `a` (3.1.2; real modules add CR LF). */
export const ENTRY_OK = '+ok\r\n';

/** The marker put before network data when SOCKIND=ON (docs/simulator.md): `A:` … `D:`. */
export function sockIndMarker(socket: SocketId): Uint8Array {
  return encoder.encode(`${socket}:`);
}

/** What the firmware needs from the module around it. */
export interface FirmwareHost {
  readonly clock: Clock;
  readonly world: VirtualWorld;
  readonly hub: EventHub;
  readonly flash: Flash;
  readonly timings: ModuleTimings;
  /** Bytes to the host, sent with the module's current UART. */
  txSerial(bytes: Uint8Array): void;
  /** Restart the module (after the current reply has gone out). */
  restart(kind: 'app' | 'reboot'): void;
  /** The firmware variant in force (read at each use: a change takes effect at once). */
  variant(): FirmwareVariant;
  /** A number in [0, 1) from the module's seeded processing PRNG. */
  random(): number;
  /** A processing delay of `ms` was applied to a serial-side command (variant `processing`). */
  processed(ms: number): void;
  attached(): boolean;
  /** Mode, LEDs or LINK pins may have changed. */
  stateChanged(): void;
  /** The device does not behave like a 7S4 (`set-broken`); the firmware handles `wrong-reply`. */
  broken(): BrokenBehaviour | null;
  /** Free room in the buffer toward the serial side, bytes. */
  serialRoom(): number;
  /** Network data that did not fit in that buffer was dropped. */
  serialDropped(bytes: number): void;
}

export class Firmware implements AtHost {
  readonly group: TimerGroup;
  readonly config: RunningConfig;
  /** The UART in force: AT+UART at start, changed by RFC2217-like frames until the next start. */
  uart: UartSettings;
  private echo: boolean;
  private workingMode: 'net' | 'httpd';
  private current: 'net' | 'httpd' | 'entering' | 'command';
  private alive = true;
  private readonly clock: Clock;

  // Serial receive timing.
  private lastRxEnd = -Infinity;
  /** The last byte was the CR ending a command line: an LF right after it belongs to it. */
  private lfAfterCr = false;

  // `+++` detection in the working mode (3.1.2).
  private plusCount = 0;
  private plusFirstStart = 0;
  private plusLastEnd = 0;
  private readonly plusCheck: Deadline;
  private entryTimeout: { cancel(): void } | undefined;
  /** Explains each `+++` attempt (`plus-attempt` events); observes only. */
  private readonly plusWatch: PlusAttemptWatch;
  /** The last byte received, and the one before the chunk being handled (for `plusWatch`). */
  private rxLastByte: number | undefined;
  private rxPreviousByte: number | undefined;

  // Command mode line assembly.
  private line = new Uint8Array(MAX_COMMAND_LINE);
  private lineLength = 0;
  private overflow = false;
  private cmdPlus = 0;
  private cmdPlusEnd = 0;
  private readonly cmdPlusCheck: Deadline;
  /** AT+UPDATE is running: the serial side is not listened to. */
  private busy = false;
  /** Where the command being executed came from (AT+UPDATE reports progress on serial only). */
  private channel: AtChannel = 'serial';
  /** Serial-side command lines waiting for the firmware (variant `processing`; empty otherwise). */
  private readonly jobs: { line: string; channel: 'serial' | 'password'; at: number }[] = [];
  private processing = false;
  private processingEnd = -Infinity;
  /** Variant `slowEntry`: the host's `a` came, `+ok` goes out UARTFT later; input meanwhile is dropped. */
  private confirming: { cancel(): void } | undefined;
  /** Variant `splitInput`: a pause of UARTFT ends the command line. */
  private readonly splitCheck: Deadline;
  /** Variant `notices`. */
  private readonly noticeCheck: Deadline;
  private lastNotice: number;
  private formatFor: FirmwareVariant | undefined;
  private format: ReplyFormat | undefined;

  // Working mode.
  private readonly framer: Framer;
  readonly sockets: readonly SocketChannel[];
  private readonly httpd: HttpdClient | undefined;
  private readonly sdp: HostFrameDecoder | undefined;
  private readonly restartWatch: Deadline;
  private readonly comHeartbeat: Deadline;
  private lastNetworkRx: number;
  private lastComBeat: number;

  constructor(
    private readonly host: FirmwareHost,
    config: RunningConfig,
  ) {
    this.clock = host.clock;
    this.config = config;
    this.group = new TimerGroup(host.clock);
    this.uart = config.uart;
    this.echo = (host.flash.stored['E'] ?? 'ON') === 'ON';
    this.workingMode = config.mode === 'HTTPD' ? 'httpd' : 'net';
    this.current = this.workingMode;
    this.plusCheck = new Deadline(this.clock, this.group, () => this.plusSilence());
    this.plusWatch = new PlusAttemptWatch(this.clock, host.hub, () => ({
      uartftMs: this.config.frameGapMs,
      slowEntry: this.host.variant().slowEntry,
      quietMs: this.t3(),
    }));
    this.cmdPlusCheck = new Deadline(this.clock, this.group, () => this.commandPlusSilence());
    this.framer = new Framer(this.clock, this.group, config.frameGapMs, config.frameLength, (f, byGap) =>
      this.onFrame(f, byGap),
    );
    this.restartWatch = new Deadline(this.clock, this.group, () => {
      if (this.alive) this.host.restart('reboot');
    });
    this.comHeartbeat = new Deadline(this.clock, this.group, () => this.comBeat());
    this.splitCheck = new Deadline(this.clock, this.group, () => this.splitPause());
    this.noticeCheck = new Deadline(this.clock, this.group, () => this.notice());
    const now = this.clock.now();
    this.lastNetworkRx = now;
    this.lastComBeat = now;
    this.lastNotice = now;
    const reg = this.registrationBytes();
    const hb = config.heartbeat;
    this.sockets = config.sockets.map(
      (s) =>
        new SocketChannel(s, {
          clock: this.clock,
          group: this.group,
          world: host.world,
          hub: host.hub,
          attached: () => host.attached(),
          registration: reg ? { bytes: reg, everyPacket: config.registration.onEveryPacket } : undefined,
          heartbeat: hb.enabled && !hb.toSerial ? { bytes: hb.data, intervalMs: hb.intervalMs } : undefined,
          received: (socket, bytes) => this.networkData(socket, bytes),
          linkChanged: () => host.stateChanged(),
        }),
    );
    this.httpd =
      this.workingMode === 'httpd'
        ? new HttpdClient(
            this.group,
            host.world,
            config.httpd,
            (b) => this.tx(b),
            () => this.networkActivity(),
          )
        : undefined;
    this.sdp = config.sdp ? new HostFrameDecoder() : undefined;
  }

  get mode(): ModuleMode {
    return this.current;
  }

  get flash(): Flash {
    return this.host.flash;
  }

  get identity(): ModuleIdentity {
    return this.host.flash.identity;
  }

  get radio(): RadioState {
    return this.host.world.radio.current;
  }

  get attached(): boolean {
    return this.host.attached();
  }

  get echoOn(): boolean {
    return this.echo;
  }

  /** How answers are written: the manual's format, or the variant's (plusOk, queriesWithoutOk, blank). */
  get replies(): ReplyFormat {
    const variant = this.host.variant();
    if (this.format === undefined || this.formatFor !== variant) {
      this.format = replyFormat(variant);
      this.formatFor = variant;
    }
    return this.format;
  }

  /** Prints the start message and starts the working mode. */
  start(): void {
    this.host.hub.emit({ type: 'uart', at: this.clock.now(), uart: this.uart, reason: 'start' });
    switch (this.host.variant().startMessage) {
      case 'stmsg':
        this.tx(concatBytes([CRLF, this.config.startMessage, CRLF]));
        break;
      case 'v2-banner':
        this.tx(encoder.encode(V2_BANNER));
        break;
      case 'none':
        break;
    }
    if (this.workingMode === 'net') for (const s of this.sockets) s.start();
    this.armRestartWatch();
    this.armComHeartbeat();
    this.armNotice();
  }

  /** The firmware variant was changed at run time: switches that run on timers follow at once. */
  variantChanged(): void {
    if (!this.alive) return;
    if (this.host.variant().notices) {
      if (!this.noticeCheck.pending) {
        this.lastNotice = this.clock.now();
        this.armNotice();
      }
    } else this.noticeCheck.clear();
    if (!this.host.variant().splitInput) this.splitCheck.clear();
  }

  /** End of this life: every timer and link goes. */
  stop(): void {
    this.alive = false;
    for (const s of this.sockets) s.stop();
    this.httpd?.stop();
    this.entryTimeout?.cancel();
    this.confirming = undefined;
    this.jobs.length = 0;
    this.group.cancelAll();
    this.plusWatch.stopped();
  }

  /** The radio attached or detached. */
  networkChanged(): void {
    if (!this.alive || this.workingMode !== 'net') return;
    for (const s of this.sockets) s.networkChanged();
  }

  linkState(socket: SocketId): LinkState {
    return this.sockets[SOCKET_IDS.indexOf(socket)]?.linkState ?? 'disabled';
  }

  // ---------------------------------------------------------------- serial receive

  /**
   * Bytes from the host: the first finished arriving at `firstEnd`, each took `charMs` (0 with wire timing
   * off, when a write arrives all at once).
   */
  rx(bytes: Uint8Array, firstEnd: number, charMs: number): void {
    if (!this.alive || bytes.length === 0) return;
    const silence = firstEnd - charMs - this.lastRxEnd;
    this.lastRxEnd = firstEnd + (bytes.length - 1) * charMs;
    this.rxPreviousByte = this.rxLastByte;
    this.rxLastByte = bytes[bytes.length - 1];
    if (this.lfAfterCr) {
      // The LF of a CR LF terminator that came in a later write: part of the terminator, never data.
      this.lfAfterCr = false;
      if (bytes[0] === LF) {
        if (this.current === 'command' && this.echo) this.tx(Uint8Array.of(LF));
        this.dispatch(bytes.subarray(1), firstEnd + charMs, charMs, 0);
        return;
      }
    }
    this.dispatch(bytes, firstEnd, charMs, silence);
  }

  private dispatch(bytes: Uint8Array, firstEnd: number, charMs: number, silence: number): void {
    if (bytes.length === 0 || !this.alive) return;
    switch (this.current) {
      case 'net':
      case 'httpd':
        this.workingRx(bytes, firstEnd, charMs, silence);
        return;
      case 'entering':
        this.enteringRx(bytes, firstEnd, charMs, silence);
        return;
      case 'command':
        this.commandRx(bytes, firstEnd, charMs, silence);
        return;
    }
  }

  /**
   * Working mode: bytes go to the framer, except a possible `+++` (3.1.2): a `+` after more than UARTFT of
   * silence (T1) is held back, as are up to two more `+` each within UARTFT (T2); then, after T3 of silence
   * the module answers `a`. Any other byte in between makes the held `+` ordinary data again.
   */
  private workingRx(bytes: Uint8Array, firstEnd: number, charMs: number, silence: number): void {
    const ft = this.config.frameGapMs;
    const n = bytes.length;
    let from = 0;
    for (let i = 0; i < n; i++) {
      const b = bytes[i] as number;
      const gap = i === 0 ? silence : 0;
      const end = firstEnd + i * charMs;
      if (b !== PLUS && this.plusWatch.open) this.plusWatch.other(b, end - charMs, end);
      if (this.plusCount > 0) {
        if (b === PLUS && this.plusCount < 3 && gap < ft) {
          this.plusCount++;
          this.plusLastEnd = end;
          from = i + 1;
          this.watchPlus(bytes, i, end - charMs, end, gap, 'held');
          continue;
        }
        this.plusWatch.released(b !== PLUS ? 'interrupted' : this.plusCount >= 3 ? 'extra' : 'gap', gap);
        this.releasePlus();
        from = i;
      }
      if (b === PLUS) this.watchPlus(bytes, i, end - charMs, end, gap, gap > ft ? 'candidate' : 'data');
      if (b === PLUS && gap > ft) {
        this.toFramer(bytes.subarray(from, i), firstEnd + from * charMs - charMs, end - charMs);
        // The frame before has ended: T1 of silence is longer than the packing interval.
        this.framer.endIfIdle(end - charMs);
        this.plusCount = 1;
        this.plusFirstStart = end - charMs;
        this.plusLastEnd = end;
        from = i + 1;
      }
    }
    if (this.plusCount > 0) {
      // T2: the next `+` must come within UARTFT; after the third, T3 of silence before `a`.
      this.plusCheck.set(this.plusCount < 3 ? this.plusLastEnd + ft : this.plusLastEnd + this.t3());
      return;
    }
    if (from < n)
      this.toFramer(bytes.subarray(from), firstEnd + from * charMs - charMs, firstEnd + (n - 1) * charMs);
  }

  /**
   * T3: silence after the third `+` before the module answers `a` (3.1.2: T3 < UARTFT). Variant
   * `slowEntry` (G786/G809 manuals): T4 = UARTFT.
   */
  private t3(): number {
    return this.host.variant().slowEntry ? this.config.frameGapMs : this.config.frameGapMs / 2;
  }

  /** Tells `plusWatch` about a `+` at `bytes[i]` and what the module did with it. */
  private watchPlus(
    bytes: Uint8Array,
    i: number,
    start: number,
    end: number,
    gap: number,
    decision: 'held' | 'candidate' | 'data',
  ): void {
    const previous = i > 0 ? bytes[i - 1] : this.rxPreviousByte;
    this.plusWatch.plus(start, end, gap, previous, decision);
  }

  private plusSilence(): void {
    if (!this.alive || this.plusCount === 0) return;
    if (this.plusCount < 3 || this.lastRxEnd !== this.plusLastEnd) {
      this.plusWatch.released(this.plusCount < 3 ? 'too-few' : 'interrupted');
      this.releasePlus();
      return;
    }
    // `+++` stood alone: answer `a`, wait up to 3 s (T5) for the host's `a`.
    this.setMode('entering');
    this.entryTimeout = this.group.after(ENTRY_REPLY_MS, () => {
      this.plusWatch.aborted('no-answer');
      this.abortEntry();
    });
    this.plusWatch.answered();
    // Last: a host may answer from inside the output callback.
    this.tx(Uint8Array.of(LOWER_A));
  }

  /** The held `+` are data after all (spec decision: nothing the host sent is lost). */
  private releasePlus(): void {
    const count = this.plusCount;
    if (count === 0) return;
    this.plusCount = 0;
    this.plusCheck.clear();
    this.toFramer(PLUS3.subarray(0, count), this.plusFirstStart, this.plusLastEnd);
  }

  private abortEntry(): void {
    if (this.current !== 'entering') return;
    this.entryTimeout?.cancel();
    this.entryTimeout = undefined;
    this.setMode(this.workingMode);
    this.plusCount = 3;
    this.releasePlus();
  }

  private enteringRx(bytes: Uint8Array, firstEnd: number, charMs: number, silence: number): void {
    // Variant `slowEntry`: between the host's `a` and `+ok` the module is switching; input is dropped.
    if (this.confirming) return;
    this.plusWatch.hostByte(bytes[0] as number, firstEnd - charMs, firstEnd);
    if (bytes[0] === LOWER_A) {
      this.entryTimeout?.cancel();
      this.entryTimeout = undefined;
      this.plusCount = 0;
      if (this.host.variant().slowEntry) {
        // T6 = UARTFT (G786/G809 manuals): `+ok` goes out UARTFT after the host's `a` has arrived.
        this.confirming = this.group.at(firstEnd + this.config.frameGapMs, () => {
          this.confirming = undefined;
          this.enterCommandMode();
        });
        return;
      }
      this.enterCommandMode();
      this.dispatch(bytes.subarray(1), firstEnd + charMs, charMs, 0);
      return;
    }
    this.plusWatch.aborted('wrong-answer');
    this.abortEntry();
    this.dispatch(bytes, firstEnd, charMs, silence);
  }

  private enterCommandMode(): void {
    this.lineLength = 0;
    this.overflow = false;
    this.cmdPlus = 0;
    this.setMode('command');
    this.plusWatch.entered();
    this.tx(encoder.encode(ENTRY_OK));
  }

  private toFramer(bytes: Uint8Array, firstStart: number, lastEnd: number): void {
    if (bytes.length > 0) this.framer.push(bytes, firstStart, lastEnd);
  }

  // ---------------------------------------------------------------- command mode

  private commandRx(bytes: Uint8Array, firstEnd: number, charMs: number, silence: number): void {
    if (this.busy) return;
    const ft = this.config.frameGapMs;
    const variant = this.host.variant();
    if (variant.splitInput && silence >= ft - EPSILON_MS && (this.lineLength > 0 || this.overflow)) {
      // Variant `splitInput`: the pause before these bytes ended the line (its timer had not run yet).
      this.endLine(firstEnd - charMs - silence + ft);
      if (!this.alive || this.busy) return;
      if (this.current !== 'command') {
        this.dispatch(bytes, firstEnd, charMs, silence);
        return;
      }
    }
    const n = bytes.length;
    let echoFrom = 0;
    for (let i = 0; i < n; i++) {
      const b = bytes[i] as number;
      // `+++` in command mode (3.1.2 spec decision): not a command, answered +ERR:1 (variant
      // `silentPlusInCommandMode`: nothing until the CR, then +ERR:1 for the line).
      if (variant.silentPlusInCommandMode) this.cmdPlus = 0;
      else if (b === PLUS) {
        const gap = i === 0 ? silence : 0;
        if (this.cmdPlus === 0 && this.lineLength === 0 && !this.overflow && gap > ft) this.cmdPlus = 1;
        else if (this.cmdPlus > 0 && this.cmdPlus < 3 && gap < ft) this.cmdPlus++;
        else this.cmdPlus = 0;
        if (this.cmdPlus > 0) {
          const end = firstEnd + i * charMs;
          const previous = i > 0 ? bytes[i - 1] : this.rxPreviousByte;
          this.plusWatch.commandPlus(end - charMs, end, gap, previous, this.cmdPlus);
        }
        if (this.cmdPlus === 3) {
          this.cmdPlusEnd = firstEnd + i * charMs;
          this.cmdPlusCheck.set(this.cmdPlusEnd + this.t3());
        }
      } else this.cmdPlus = 0;

      if (b === CR) {
        // CR ends the line; an LF right after it is part of the terminator (echoed, then ignored).
        let stop = i + 1;
        if (bytes[stop] === LF) stop++;
        else if (stop === n) this.lfAfterCr = true;
        if (this.echo) this.tx(bytes.slice(echoFrom, stop));
        echoFrom = stop;
        const crAt = firstEnd + i * charMs;
        i = stop - 1;
        this.endLine(crAt);
        if (!this.alive || this.busy) return;
        if (this.current !== 'command') {
          // AT+ENTM: what follows belongs to the working mode.
          this.dispatch(bytes.subarray(stop), firstEnd + stop * charMs, charMs, 0);
          return;
        }
        continue;
      }
      if (b === LF || this.overflow) continue;
      if (this.lineLength >= MAX_COMMAND_LINE) {
        // Over-long line: dropped with one error; the rest up to CR is ignored (never wedges).
        if (this.echo) this.tx(bytes.slice(echoFrom, i + 1));
        echoFrom = i + 1;
        this.overflow = true;
        this.lineLength = 0;
        this.tx(encoder.encode(this.replies.error(1)));
        continue;
      }
      this.line[this.lineLength++] = b;
    }
    if (this.echo && echoFrom < n) this.tx(bytes.slice(echoFrom));
    if (variant.splitInput && (this.lineLength > 0 || this.overflow))
      this.splitCheck.set(this.lastRxEnd + ft);
  }

  private commandPlusSilence(): void {
    if (this.current !== 'command' || this.cmdPlus !== 3 || this.lastRxEnd !== this.cmdPlusEnd) return;
    if (this.host.variant().silentPlusInCommandMode) return;
    this.cmdPlus = 0;
    if (this.lineLength === 3) {
      this.lineLength = 0;
      this.plusWatch.commandMode();
      this.tx(encoder.encode(this.replies.error(1)));
    }
  }

  /**
   * Variant `splitInput`: the line has been silent for UARTFT (the 2.2.2 time trigger), so the module's
   * framer has ended the frame: what was received so far is a command line of its own.
   */
  private splitPause(): void {
    this.splitCheck.clear();
    if (!this.alive || this.busy || this.current !== 'command' || !this.host.variant().splitInput) return;
    if (this.clock.now() - this.lastRxEnd < this.config.frameGapMs - EPSILON_MS) return;
    if (this.lineLength === 0 && !this.overflow) return;
    this.endLine(this.clock.now());
  }

  /** The line is complete (CR at `at`, or a `splitInput` pause): queue it for execution. */
  private endLine(at = this.clock.now()): void {
    this.cmdPlus = 0;
    this.splitCheck.clear();
    if (this.overflow) {
      this.overflow = false;
      this.lineLength = 0;
      return;
    }
    if (this.lineLength === 0) return;
    const text = decoder.decode(this.line.subarray(0, this.lineLength));
    this.lineLength = 0;
    this.submit(text, 'serial', at);
  }

  // ---------------------------------------------------------------- serial-side commands

  /**
   * A serial-side command line (command mode or password AT). Without the `processing` variant it runs at
   * once, as it always did. With it the firmware handles one command at a time: each reply leaves the
   * command's processing delay after its CR (or after the previous command finished); bytes keep arriving
   * and are echoed meanwhile, and complete lines wait their turn.
   */
  private submit(line: string, channel: 'serial' | 'password', at: number): void {
    this.jobs.push({ line, channel, at });
    if (!this.processing) this.runJobs();
  }

  private runJobs(): void {
    // One command at a time; nothing runs while AT+UPDATE keeps the serial side busy.
    while (this.alive && !this.processing && !this.busy) {
      const job = this.jobs.shift();
      if (!job) return;
      const delay = this.processingDelay(job.line);
      if (delay <= 0) {
        this.runJob(job);
        continue;
      }
      this.processing = true;
      const start = Math.max(job.at, this.processingEnd);
      this.group.at(start + delay, () => {
        this.processing = false;
        this.processingEnd = this.clock.now();
        this.host.processed(delay);
        this.runJob(job);
        this.runJobs();
      });
    }
  }

  private runJob(job: { line: string; channel: 'serial' | 'password' }): void {
    // A command line typed after AT+ENTM while it was being processed belongs to no command mode.
    if (job.channel === 'serial' && this.current !== 'command') return;
    this.execute(job.line, job.channel, (reply) => this.serialReply(reply));
  }

  /** Processing delay of one command line (variant `processing`), ms; 0 without it. */
  private processingDelay(line: string): number {
    const p = this.host.variant().processing;
    if (!p) return 0;
    let min: number;
    let span: number;
    switch (classifyCommand(line)) {
      case 'own-timing':
        return 0;
      case 'fast':
        min = p.baseMs;
        span = p.jitterMs;
        break;
      case 'set':
        min = p.setMs ?? p.baseMs;
        span = p.setJitterMs ?? p.jitterMs;
        break;
      case 'slow-set':
        min = p.slowSetMs;
        span = p.slowSetMs;
        break;
    }
    return Math.max(0, Math.round(min + this.host.random() * span));
  }

  /** A reply to the serial side; variant `extraCrlf`: a lone CR LF follows an OK ~5 ms later. */
  private serialReply(text: string): void {
    this.tx(encoder.encode(text));
    if (this.host.variant().extraCrlf && text.endsWith(this.replies.ok)) {
      this.group.after(EXTRA_CRLF_DELAY_MS, () => {
        if (this.alive) this.tx(CRLF);
      });
    }
  }

  private execute(line: string, channel: AtChannel, reply: (text: string) => void): void {
    this.channel = channel;
    // A `wrong-reply` device answers a serial query with another command's reply (broken.ts).
    const wrong =
      (channel === 'serial' || channel === 'password') && this.host.broken() === 'wrong-reply'
        ? wrongQueryLine(line)
        : undefined;
    executeAt(wrong ?? line, this, channel, reply);
    this.channel = 'serial';
  }

  // ---------------------------------------------------------------- AtHost

  setEcho(on: boolean): void {
    this.echo = on;
  }

  restart(kind: 'app' | 'reboot'): void {
    // After the reply (already queued on the wire / socket / SMS).
    this.alive = false;
    this.host.restart(kind);
  }

  leaveCommandMode(): void {
    if (this.current !== 'command') return;
    this.lineLength = 0;
    this.overflow = false;
    this.splitCheck.clear();
    // Lines typed while AT+ENTM was being processed (variant `processing`) are dropped with command mode.
    for (let i = this.jobs.length - 1; i >= 0; i--)
      if (this.jobs[i]?.channel === 'serial') this.jobs.splice(i, 1);
    this.setMode(this.workingMode);
  }

  sendSms(number: string, text: string): void {
    this.host.world.moduleSendsSms(number, text, this.identity.phone);
  }

  csq(): string {
    return this.attached ? csqValue(this.radio) : '99,99';
  }

  sysinfo(): string {
    return sysinfoValue(this.radio, this.attached);
  }

  restored(source: 'factory' | 'user'): void {
    this.host.hub.emit({ type: 'settings-restored', at: this.clock.now(), source });
  }

  update(_key: string, reply: (text: string) => void, progress: (text: string) => void): void {
    if (!this.attached) {
      reply(this.replies.line('UPDATE', 'NO NETWORK') + this.replies.error(5));
      return;
    }
    const serial = this.channel === 'serial';
    const net = this.radio.network;
    const total = this.host.timings.updateMs * (net === '2G' ? 10 : net === '3G' ? 2.5 : 1);
    if (serial) this.busy = true;
    const steps = [25, 50, 75, 100];
    const emit = (p: number): void =>
      this.host.hub.emit({ type: 'update', at: this.clock.now(), percent: p });
    emit(0);
    steps.forEach((p, k) => {
      this.group.after((total * (k + 1)) / steps.length, () => {
        emit(p);
        if (serial) progress(this.replies.line('UPDATE', `${p}%`));
        if (p === 100) {
          this.busy = false;
          this.host.flash.pendingVersion = nextVersion(
            this.host.flash.pendingVersion ?? this.identity.version,
          );
          reply(this.replies.line('UPDATE', 'SUCCESS,restart with AT+REBOOT') + this.replies.ok);
          this.runJobs();
        }
      });
    });
  }

  // ---------------------------------------------------------------- working mode data

  /** A UART frame (2.2.2) is complete. */
  private onFrame(frame: Uint8Array, byGap: boolean): void {
    if (!this.alive) return;
    const line = this.passwordLine(frame);
    if (line !== undefined) {
      // Password AT on serial (3.1.3): answered, not forwarded, not echoed.
      this.submit(line, 'password', this.clock.now());
      return;
    }
    if (this.httpd) {
      this.httpd.request(frame);
      return;
    }
    if (this.sdp) {
      this.sdpEvents(this.sdp.push(frame));
      if (byGap) this.sdpEvents(this.sdp.flush());
      return;
    }
    for (const s of this.sockets) if (s.config.enabled) s.send(frame);
  }

  private sdpEvents(events: SdpEvent[]): void {
    for (const e of events) {
      if (e.type === 'frame') {
        const channel = this.sockets[SOCKET_IDS.indexOf(e.socket)];
        if (channel && channel.config.enabled) channel.send(e.data);
        else this.tx(encodeStatusMessage(e.socket, SDP_ERROR.sendFailed));
      } else if (e.type === 'error') {
        this.tx(encodeStatusMessage(e.socket, e.code));
      }
    }
  }

  /** `<CMDPW>AT…<CR>[<LF>]` → the command line; anything else → undefined. */
  private passwordLine(data: Uint8Array): string | undefined {
    const pw = this.config.password;
    const n = data.length;
    if (pw.length === 0 || n < pw.length + 3) return undefined;
    for (let i = 0; i < pw.length; i++) if (data[i] !== pw[i]) return undefined;
    const a = data[pw.length] as number;
    const t = data[pw.length + 1] as number;
    if ((a | 0x20) !== 0x61 || (t | 0x20) !== 0x74) return undefined;
    let end = n;
    if (data[end - 1] === LF) end--;
    if (data[end - 1] !== CR) return undefined;
    end--;
    for (let i = pw.length; i < end; i++) if (data[i] === CR || data[i] === LF) return undefined;
    return decoder.decode(data.subarray(pw.length, end));
  }

  private networkActivity(): void {
    this.lastNetworkRx = this.clock.now();
    this.armRestartWatch();
    this.armComHeartbeat();
    this.armNotice();
  }

  /** Variant `notices`: due NOTICE_INTERVAL_MS after the last network data and the last notice. */
  private armNotice(): void {
    if (!this.host.variant().notices) return;
    this.noticeCheck.set(Math.max(this.lastNetworkRx, this.lastNotice) + NOTICE_INTERVAL_MS);
  }

  /** The notice goes to the serial side in the working mode only (not during entry or command mode). */
  private notice(): void {
    if (!this.alive || !this.host.variant().notices) return;
    this.lastNotice = this.clock.now();
    if (this.current === 'net' || this.current === 'httpd') this.tx(encoder.encode(NOTICE_TEXT));
    this.armNotice();
  }

  private networkData(socket: SocketId, received: Uint8Array): void {
    if (!this.alive) return;
    const now = this.clock.now();
    if (this.host.hub.active)
      this.host.hub.emit({ type: 'socket-rx', at: now, socket, bytes: received, tag: 'data' });
    this.networkActivity();
    let bytes = received;
    if (this.config.rfc2217) {
      const found = findRfc2217Frames(bytes);
      if (found.length > 0) {
        const applied = found.filter((f) => f.result.ok);
        for (const f of applied) if (f.result.ok) this.uart = f.result.settings;
        if (applied.length > 0) {
          bytes = withoutFrames(bytes, applied);
          this.host.hub.emit({ type: 'uart', at: now, uart: this.uart, reason: 'rfc2217' });
          this.host.stateChanged();
        }
        if (bytes.length === 0) return;
      }
    }
    const line = this.passwordLine(bytes);
    if (line !== undefined) {
      // Network AT (3.1.4): the answer goes back on the same socket.
      const channel = this.sockets[SOCKET_IDS.indexOf(socket)];
      this.execute(line, 'network', (reply) => channel?.packet(encoder.encode(reply), 'at-reply'));
      return;
    }
    // Decision: network data that arrives in command mode (or during `+++`) is not passed to the host.
    if (this.current !== 'net') return;
    if (this.sdp) {
      for (let at = 0; at < bytes.length; at += SDP_MAX_DATA) {
        this.toSerial(encodeModuleFrame(socket, 0, bytes.subarray(at, at + SDP_MAX_DATA)), true);
      }
      return;
    }
    if (this.config.sockInd) {
      this.toSerial(concatBytes([sockIndMarker(socket), bytes]), false);
      return;
    }
    this.toSerial(bytes, false);
  }

  /**
   * Network data to the serial side, through the module's serial buffer: what does not fit is dropped and
   * counted (a frame that must stay whole, `whole`, is dropped entirely).
   */
  private toSerial(bytes: Uint8Array, whole: boolean): void {
    const room = this.host.serialRoom();
    if (bytes.length <= room) {
      this.tx(bytes);
      return;
    }
    const keep = whole ? 0 : room;
    if (keep > 0) this.tx(bytes.subarray(0, keep));
    this.host.serialDropped(bytes.length - keep);
  }

  private armRestartWatch(): void {
    if (this.config.restartIdleMs > 0) this.restartWatch.set(this.lastNetworkRx + this.config.restartIdleMs);
  }

  private armComHeartbeat(): void {
    const hb = this.config.heartbeat;
    if (!hb.enabled || !hb.toSerial || this.workingMode !== 'net') return;
    this.comHeartbeat.set(Math.max(this.lastNetworkRx, this.lastComBeat) + hb.intervalMs);
  }

  /** HEARTSND=COM (2.3.2): the heartbeat goes to the serial device when the network has been quiet. */
  private comBeat(): void {
    if (!this.alive) return;
    this.lastComBeat = this.clock.now();
    if (this.current === 'net' && this.config.heartbeat.data.length > 0) this.tx(this.config.heartbeat.data);
    this.armComHeartbeat();
  }

  /** SMS AT (3.1.5): `<CMDPW>AT…` by SMS is answered by SMS. False when the module cannot take SMS now. */
  receiveSms(from: string, text: string): boolean {
    if (!this.alive || !this.attached) return false;
    const bytes = encoder.encode(text.replace(/\r?\n?$/, '') + '\r');
    const line = this.passwordLine(bytes);
    if (line !== undefined) {
      this.execute(line, 'sms', (reply) => {
        this.host.world.moduleSendsSms(from, reply.replace(/^(\r\n)+|(\r\n)+$/g, ''), this.identity.phone);
      });
    }
    return true;
  }

  // ---------------------------------------------------------------- helpers

  private tx(bytes: Uint8Array): void {
    if (bytes.length > 0) this.host.txSerial(bytes);
  }

  private setMode(mode: 'net' | 'httpd' | 'entering' | 'command'): void {
    if (mode === this.current) return;
    if (mode === 'command') this.framer.flush(true);
    this.current = mode;
    this.host.stateChanged();
  }

  /** The registration packet of REGTP (2.3.1); undefined when REGEN=OFF or nothing to send (D2DID). */
  private registrationBytes(): Uint8Array | undefined {
    const reg = this.config.registration;
    if (!reg.enabled) return undefined;
    switch (reg.type) {
      case 'ICCID':
        return encoder.encode(this.identity.iccid);
      case 'IMEI':
        return encoder.encode(this.identity.imei);
      case 'CLOUD': {
        // Decision (module-behaviour.md): the 20-character id followed by the 8-character password.
        const { id, password } = splitCloud(reg.cloud);
        return concatBytes([encoder.encode(id), unescapeBytes(password)]);
      }
      case 'USER':
        return reg.userData;
      default:
        return undefined;
    }
  }
}
