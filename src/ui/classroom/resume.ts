/**
 * What of a running exercise survives a page reload (docs/scenarios.md, "Reload"): which scenario runs and
 * the trace's history — modes reached, link changes, packets, serial output — bounded so it can be written
 * often. The "now" facts (mode, link up and for how long, radio, settings) are not kept: they come from the
 * live simulator, which the reload does not reset (the worker starts from its saved state). Times are not
 * kept either: the new worker's clock starts again. Pure: the keeper (run-keeper.ts) stores it.
 */
import type { LinkState, ModuleMode, PacketTag, SocketId } from '../../simulator/core/control';
import { SOCKET_IDS } from '../../simulator/core/control';
import type { ScenarioTrace } from './trace';

/** Kept per list (packets one way on one socket, link changes of one socket): the newest. */
export const KEPT_ITEMS = 100;
/** Characters kept of one packet (registration packets and answers are short). */
export const KEPT_PACKET_CHARS = 256;
/** Serial runs kept (the newest), and characters of each (its end). */
export const KEPT_RUNS = 16;
export const KEPT_RUN_CHARS = 8 * 1024;

const FORMAT = 'dtu-scenario-run';

interface KeptPacket {
  readonly tag: PacketTag;
  readonly text: string;
}

interface KeptLink {
  readonly state: LinkState;
  readonly reason?: string;
}

export interface TraceHistory {
  readonly modesReached: readonly ModuleMode[];
  readonly links: Readonly<Record<SocketId, readonly KeptLink[]>>;
  readonly toServer: Readonly<Record<SocketId, readonly KeptPacket[]>>;
  readonly fromServer: Readonly<Record<SocketId, readonly KeptPacket[]>>;
  readonly serial: readonly { readonly mode: ModuleMode; readonly text: string }[];
}

/** A running exercise as kept over a reload. */
export interface SavedRun {
  readonly format: typeof FORMAT;
  readonly scenarioId: string;
  readonly history: TraceHistory;
}

// Records over each union, so a new mode, link state or tag is a type error here until it is added.
const MODE_SET: Record<ModuleMode, true> = {
  off: true,
  booting: true,
  restarting: true,
  net: true,
  httpd: true,
  entering: true,
  command: true,
};
const LINK_SET: Record<LinkState, true> = {
  disabled: true,
  'no-network': true,
  idle: true,
  connecting: true,
  connected: true,
  waiting: true,
};
const TAG_SET: Record<PacketTag, true> = {
  data: true,
  registration: true,
  heartbeat: true,
  'at-reply': true,
};
const MODES = Object.keys(MODE_SET) as ModuleMode[];
const LINK_STATES = Object.keys(LINK_SET) as LinkState[];
const TAGS = Object.keys(TAG_SET) as PacketTag[];

const newest = <T>(list: readonly T[], n: number): T[] => list.slice(Math.max(0, list.length - n));

const perSocket = <T>(make: (s: SocketId) => T): Record<SocketId, T> => ({
  A: make('A'),
  B: make('B'),
  C: make('C'),
  D: make('D'),
});

/** The history to keep of `trace` (earlier link changes of a resumed run included). */
export function historyOf(trace: ScenarioTrace): TraceHistory {
  const packets = (list: readonly { tag: PacketTag; text: string }[]): KeptPacket[] =>
    newest(list, KEPT_ITEMS).map((p) => ({ tag: p.tag, text: p.text.slice(0, KEPT_PACKET_CHARS) }));
  return {
    modesReached: [...trace.modesReached],
    links: perSocket((s) =>
      newest(trace.linkHistory(s), KEPT_ITEMS).map((l) => ({
        state: l.state,
        ...(l.reason ? { reason: l.reason } : {}),
      })),
    ),
    toServer: perSocket((s) => packets(trace.toServer[s])),
    fromServer: perSocket((s) => packets(trace.fromServer[s])),
    serial: newest(trace.serial, KEPT_RUNS).map((r) => ({
      mode: r.mode,
      text: r.text.slice(-KEPT_RUN_CHARS),
    })),
  };
}

export function savedRun(scenarioId: string, trace: ScenarioTrace): SavedRun {
  return { format: FORMAT, scenarioId, history: historyOf(trace) };
}

/** Puts a kept history into a new trace (before any live event). */
export function restoreHistory(trace: ScenarioTrace, h: TraceHistory): void {
  for (const m of h.modesReached) trace.modesReached.add(m);
  for (const s of SOCKET_IDS) {
    trace.earlierLinks[s].push(...h.links[s]);
    // Packets keep no time (the old clock): only counted and searched.
    trace.toServer[s].push(...h.toServer[s].map((p) => ({ at: 0, ...p })));
    trace.fromServer[s].push(...h.fromServer[s].map((p) => ({ at: 0, ...p })));
  }
  trace.serial.push(...h.serial.map((r) => ({ mode: r.mode, text: r.text })));
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const oneOf = <T extends string>(list: readonly T[], x: unknown): x is T =>
  typeof x === 'string' && (list as readonly string[]).includes(x);

/** A list read back: its well-formed items (the newest `max`), anything else dropped. */
function listOf<T>(x: unknown, max: number, item: (v: unknown) => T | undefined): T[] {
  if (!Array.isArray(x)) return [];
  return newest(
    x.map(item).filter((v): v is T => v !== undefined),
    max,
  );
}

const packet = (v: unknown): KeptPacket | undefined =>
  isObject(v) && oneOf(TAGS, v['tag']) && typeof v['text'] === 'string'
    ? { tag: v['tag'], text: v['text'].slice(0, KEPT_PACKET_CHARS) }
    : undefined;

const link = (v: unknown): KeptLink | undefined =>
  isObject(v) && oneOf(LINK_STATES, v['state'])
    ? {
        state: v['state'],
        ...(typeof v['reason'] === 'string' && v['reason'].length <= 64 ? { reason: v['reason'] } : {}),
      }
    : undefined;

const run = (v: unknown): { mode: ModuleMode; text: string } | undefined =>
  isObject(v) && oneOf(MODES, v['mode']) && typeof v['text'] === 'string'
    ? { mode: v['mode'], text: v['text'].slice(-KEPT_RUN_CHARS) }
    : undefined;

/**
 * A kept run read back (storage: untrusted): undefined when it is not one (no scenario id); otherwise its
 * well-formed parts, each bad part empty — a damaged history only makes the check count from less.
 */
export function checkSavedRun(x: unknown): SavedRun | undefined {
  if (!isObject(x) || x['format'] !== FORMAT) return undefined;
  const id = x['scenarioId'];
  if (typeof id !== 'string' || !/^[a-z0-9-]{1,64}$/.test(id)) return undefined;
  const h = isObject(x['history']) ? x['history'] : {};
  const socketLists = <T>(v: unknown, item: (v: unknown) => T | undefined): Record<SocketId, T[]> => {
    const o = isObject(v) ? v : {};
    return perSocket((s) => listOf(o[s], KEPT_ITEMS, item));
  };
  const modes = Array.isArray(h['modesReached']) ? h['modesReached'] : [];
  return {
    format: FORMAT,
    scenarioId: id,
    history: {
      modesReached: [...new Set(modes.filter((m): m is ModuleMode => oneOf(MODES, m)))],
      links: socketLists(h['links'], link),
      toServer: socketLists(h['toServer'], packet),
      fromServer: socketLists(h['fromServer'], packet),
      serial: listOf(h['serial'], KEPT_RUNS, run),
    },
  };
}
