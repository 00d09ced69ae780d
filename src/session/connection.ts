/**
 * The port of a session and the line open on it. Opening builds the line (reader loop, writer) and its AT
 * channel; `reopen` closes and opens the port again at other line settings (baud search, a restart with a
 * new UART). What the session needs to hear from the line — unsolicited bytes, a port that went away —
 * comes through the callbacks given.
 */
import type { Clock } from '../clock/clock';
import { sameLineSettings, uartToSerialOptions, type UartSettings } from '../protocol/uart';
import { openError, type Platform } from '../serial/port-error';
import type { SerialPortLike } from '../serial/serial-port-like';
import { AtChannel, type Route } from './channel';
import { closedError, portLostError, type SessionError } from './errors';
import { Line, type LineHistory } from './line';
import type { SessionTimeouts } from './timing';
import type { TrafficLog } from './traffic-log';

export interface ConnectionHooks {
  readonly clock: Clock;
  readonly log: TrafficLog;
  readonly timeouts: SessionTimeouts;
  readonly platform: Platform;
  /** How commands reach the module right now (password AT or plain). */
  route(): Route;
  unsolicited(bytes: Uint8Array): void;
  /** The port failed or went away (not called after `drop`). */
  lost(error: SessionError): void;
}

/**
 * When this page last sent and received on a serial line, kept across reopening, disconnecting and new
 * sessions (keyed by the clock, which is one per page; tests have one each): the module's silence — the
 * `+++` guard — does not start again because the host reopened its port or the person pressed Disconnect
 * and Connect again. A line this page has never written to is taken as silent (a reload takes longer than
 * common UARTFT values).
 */
const histories = new WeakMap<Clock, LineHistory>();

interface Open {
  readonly line: Line;
  readonly channel: AtChannel;
  readonly detach: (() => void)[];
}

export class Connection {
  private portNow: SerialPortLike | undefined;
  private open: Open | undefined;

  constructor(
    private readonly hooks: ConnectionHooks,
    /** The line settings the port is (or will be) opened with. */
    public uart: UartSettings,
  ) {}

  get port(): SerialPortLike | undefined {
    return this.portNow;
  }

  /** The line, also after it ended (to read why); undefined when none was opened or it was dropped. */
  get lastLine(): Line | undefined {
    return this.open?.line;
  }

  /** The open line; throws why there is none. */
  get line(): Line {
    return this.ensureOpen().line;
  }

  get channel(): AtChannel {
    return this.ensureOpen().channel;
  }

  /** The open line and its channel; throws why there is none (closed, or the port went away). */
  ensureOpen(): Open {
    const open = this.open;
    if (!open || !open.line.isOpen) throw open?.line.failure ?? closedError();
    return open;
  }

  /** The channel has seen lost or garbled bytes (channel.ts). */
  get suspect(): boolean {
    return this.open?.channel.suspect ?? false;
  }

  /** Opens `port` with `uart` (dropping whatever was open). Rejects with a SessionError (`port`). */
  async connect(port: SerialPortLike, uart: UartSettings): Promise<void> {
    await this.drop();
    this.portNow = port;
    this.uart = uart;
    try {
      await this.openLine();
    } catch (e) {
      this.portNow = undefined;
      throw e;
    }
  }

  /** Closes the line and opens the port again with `uart` (nothing to do when the open line has them). */
  async reopen(uart: UartSettings): Promise<Line> {
    const open = this.open;
    if (open?.line.isOpen && sameLineSettings(open.line.uart, uart)) return open.line;
    await this.dropLine();
    this.uart = uart;
    return this.openLine();
  }

  /** Closes the line and the port, keeping the port known (reconnect is the person's choice). */
  async closeLine(): Promise<void> {
    await this.dropLine();
  }

  /** Closes the line and forgets the port; bytes sent last and never answered get time to leave first. */
  async drop(): Promise<void> {
    await this.dropLine(true);
    this.portNow = undefined;
  }

  private async openLine(): Promise<Line> {
    const { clock, log, timeouts, platform } = this.hooks;
    const port = this.portNow;
    if (!port) throw closedError();
    const options = uartToSerialOptions(this.uart);
    if (!options)
      throw portLostError(openError(new TypeError('line settings Web Serial cannot open'), platform));
    try {
      await port.open(options);
    } catch (e) {
      throw portLostError(openError(e, platform));
    }
    const u = this.uart;
    const line = new Line(port, clock, log, u, histories.get(clock));
    line.start();
    log.note(clock.now(), `open ${u.baud} ${u.dataBits}${u.parity[0]}${u.stopBits}`);
    this.open = {
      line,
      channel: new AtChannel(line, timeouts, () => this.hooks.route()),
      detach: [
        line.events.on('unsolicited', (bytes) => this.hooks.unsolicited(bytes)),
        line.events.on('end', (error) => {
          if (error && this.open?.line === line) this.hooks.lost(error);
        }),
      ],
    };
    return line;
  }

  private async dropLine(flush = false): Promise<void> {
    const open = this.open;
    this.open = undefined;
    if (!open) return;
    for (const off of open.detach) off();
    await open.line.close({ flush });
    histories.set(this.hooks.clock, open.line.history);
    this.hooks.log.note(this.hooks.clock.now(), 'close');
  }
}
