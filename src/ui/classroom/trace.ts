/**
 * What a scenario's check looks at: the simulator since the exercise started, folded event by event into
 * a bounded record (a class can run for an hour: no event list that grows without end) plus the latest
 * snapshot. Pure; the same code runs on the worker's events in the page and on the core's in Node tests.
 */
import type {
  LinkState,
  ModuleMode,
  NetworkType,
  PacketTag,
  SimEvent,
  SimSnapshot,
  SocketId,
} from '../../simulator/core/control';

/** Packets, link changes and serial runs kept per kind; the oldest go first. */
const MAX_ITEMS = 2000;
/** Characters of a packet kept for `contains` (registration packets and answers are short). */
const PACKET_CHARS = 512;
/** Characters kept of one serial run (the output while the module stayed in one mode). */
const RUN_CHARS = 64 * 1024;

export interface PacketSeen {
  readonly at: number;
  readonly tag: PacketTag;
  /** The packet's first bytes as Latin-1 text. */
  readonly text: string;
}

export interface LinkChange {
  readonly at: number;
  readonly state: LinkState;
  readonly reason?: string;
}

export interface SerialRun {
  readonly mode: ModuleMode;
  text: string;
}

const latin1 = (bytes: Uint8Array, max: number): string => {
  let s = '';
  const n = Math.min(bytes.length, max);
  for (let i = 0; i < n; i++) s += String.fromCharCode(bytes[i] as number);
  return s;
};

function bounded<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > MAX_ITEMS) list.splice(0, list.length - MAX_ITEMS);
}

const perSocket = <T>(make: () => T): Record<SocketId, T> => ({ A: make(), B: make(), C: make(), D: make() });

export class ScenarioTrace {
  /** Clock time of the latest event or snapshot (the simulator's clock). */
  now = 0;
  startedAt: number | undefined;
  mode: ModuleMode | undefined;
  readonly modesReached = new Set<ModuleMode>();
  readonly links = perSocket<LinkChange[]>(() => []);
  /**
   * Link changes from before a page reload (resume.ts): counted by `link-events`, never the link "now"
   * (their times are on the previous worker's clock, and the restarted module links up again anyway).
   */
  readonly earlierLinks = perSocket<{ state: LinkState; reason?: string }[]>(() => []);
  readonly toServer = perSocket<PacketSeen[]>(() => []);
  readonly fromServer = perSocket<PacketSeen[]>(() => []);
  readonly serial: SerialRun[] = [];
  radio: { attached: boolean; network: NetworkType } | undefined;
  snapshot: SimSnapshot | undefined;

  /** Folds one event in. Events before `start()` are the caller's to leave out. */
  add(e: SimEvent): void {
    this.now = Math.max(this.now, e.at);
    switch (e.type) {
      case 'state-loaded':
        if (e.error === undefined) this.startedAt ??= e.at;
        return;
      case 'mode':
        this.mode = e.mode;
        this.modesReached.add(e.mode);
        return;
      case 'link':
        bounded(this.links[e.socket], {
          at: e.at,
          state: e.state,
          ...(e.reason ? { reason: e.reason } : {}),
        });
        return;
      case 'socket-tx':
        bounded(this.toServer[e.socket], { at: e.at, tag: e.tag, text: latin1(e.bytes, PACKET_CHARS) });
        return;
      case 'socket-rx':
        bounded(this.fromServer[e.socket], { at: e.at, tag: e.tag, text: latin1(e.bytes, PACKET_CHARS) });
        return;
      case 'serial-out': {
        const mode = this.mode ?? this.snapshot?.mode ?? 'net';
        let run = this.serial.at(-1);
        if (!run || run.mode !== mode) {
          run = { mode, text: '' };
          bounded(this.serial, run);
        }
        run.text = (run.text + latin1(e.bytes, RUN_CHARS)).slice(-RUN_CHARS);
        return;
      }
      case 'radio':
        this.radio = { attached: e.attached, network: e.radio.network };
        return;
      case 'snapshot':
        this.setSnapshot(e.snapshot);
        return;
      default:
        return;
    }
  }

  setSnapshot(s: SimSnapshot): void {
    this.snapshot = s;
    this.now = Math.max(this.now, s.at);
    // Before any mode event the snapshot tells the mode now (not one "reached": that is for events).
    this.mode ??= s.mode;
  }

  /** Every link change of the socket since the exercise started, before a reload too. */
  linkHistory(socket: SocketId): readonly { state: LinkState; reason?: string }[] {
    return [...this.earlierLinks[socket], ...this.links[socket]];
  }

  /** The socket's link now and since when (undefined: not known yet). */
  link(socket: SocketId): { state: LinkState; since: number } | undefined {
    const last = this.links[socket].at(-1);
    const snap = this.snapshot;
    if (last && (!snap || last.at >= snap.at || snap.links[socket] === last.state)) {
      return { state: last.state, since: last.at };
    }
    // Known only from the snapshot: since when is not known, so count from the snapshot (never longer).
    if (snap) return { state: snap.links[socket], since: snap.at };
    return undefined;
  }

  /** The radio now: from the snapshot (NET blinks only while registered), else the last radio event. */
  radioNow(): { attached: boolean; network: NetworkType } | undefined {
    const snap = this.snapshot;
    if (snap) return { attached: snap.leds.net > 0, network: snap.radio.network };
    return this.radio;
  }

  /** The mode now. */
  currentMode(): ModuleMode | undefined {
    return this.mode ?? this.snapshot?.mode;
  }
}
