/**
 * The trainer's one-click faults (issue 12): what each one sends to the simulator to turn it on or off, and
 * whether it is on, read from the simulator's own state (radio, server behaviours, `faults`), so a button
 * shows the truth after a reload or a change made elsewhere. Plain logic, Node-tested.
 */
import type {
  NetworkType,
  RadioState,
  ServerBehaviour,
  SimCommand,
  SimFaults,
  SocketId,
} from '../../simulator/core/control';
import { SOCKET_IDS } from '../../simulator/core/control';

export type FaultId =
  | 'no-network'
  | 'weak-signal'
  | 'server-refuses'
  | 'server-closes'
  | 'slow-server'
  | 'line-noise'
  | 'wrong-baud';

/** In the order of the row: network, servers, serial line. */
export const FAULT_IDS: readonly FaultId[] = [
  'no-network',
  'weak-signal',
  'server-refuses',
  'server-closes',
  'slow-server',
  'line-noise',
  'wrong-baud',
];

/** `server-closes` happens once (each server closes its connection); the others stay until turned off. */
export const ONE_SHOT: ReadonlySet<FaultId> = new Set(['server-closes']);

/** Signal level of "weak signal", dBm: CSQ about 3 on 4G — registered, barely (module-behaviour.md). */
export const WEAK_RSSI = -107;
/** At or below this the signal counts as weak. */
export const WEAK_AT_OR_BELOW = -100;
/** Signal and network a fault turned off goes back to, when nothing better is known. */
export const GOOD_RSSI = -71;
export const GOOD_NETWORK: NetworkType = '4G';
/** How late a slow server echoes, ms. */
export const SLOW_SERVER_MS = 3000;
/** Share of bytes hit by line noise: enough to see garbage, not so much that nothing gets through. */
export const LINE_NOISE_RATE = 1 / 30;

/** What the panel knows of the world, from the simulator's snapshot and events. */
export interface WorldState {
  readonly radio: RadioState;
  readonly behaviours: Readonly<Record<SocketId, ServerBehaviour>>;
  readonly faults: SimFaults;
  /** The UART the module runs at now (baud). */
  readonly baud: number;
}

export const NO_FAULTS: SimFaults = {
  serverDelayMs: { A: 0, B: 0, C: 0, D: 0 },
  lineNoise: 0,
  wrongBaud: null,
};

/** Whether a lasting fault is on now (a one-shot one never is). */
export function faultOn(id: FaultId, w: WorldState): boolean {
  switch (id) {
    case 'no-network':
      return w.radio.network === 'none';
    case 'weak-signal':
      return w.radio.rssi <= WEAK_AT_OR_BELOW;
    case 'server-refuses':
      return SOCKET_IDS.some((s) => w.behaviours[s] === 'refuse');
    case 'server-closes':
      return false;
    case 'slow-server':
      return SOCKET_IDS.some((s) => w.faults.serverDelayMs[s] > 0);
    case 'line-noise':
      return w.faults.lineNoise > 0;
    case 'wrong-baud':
      return w.faults.wrongBaud !== null;
  }
}

/** A rate other than `baud` for the wrong-baud fault: 9600 unless the module already runs at 9600. */
export function wrongBaudFor(baud: number): number {
  return baud === 9600 ? 115200 : 9600;
}

/**
 * The commands that turn `id` on (`on` true) or off. `previous` is the radio to go back to when the network
 * or signal fault ends (what it was before the fault; a good 4G signal when unknown).
 */
export function faultCommands(id: FaultId, on: boolean, w: WorldState, previous?: RadioState): SimCommand[] {
  const back = previous ?? { network: GOOD_NETWORK, rssi: GOOD_RSSI };
  switch (id) {
    case 'no-network':
      return [
        {
          type: 'set-radio',
          network: on ? 'none' : back.network === 'none' ? GOOD_NETWORK : back.network,
          rssi: w.radio.rssi,
        },
      ];
    case 'weak-signal':
      return [
        {
          type: 'set-radio',
          network: w.radio.network,
          rssi: on ? WEAK_RSSI : back.rssi <= WEAK_AT_OR_BELOW ? GOOD_RSSI : back.rssi,
        },
      ];
    case 'server-refuses':
      // A refusing server also drops what it has: otherwise a connected link would not notice.
      return [
        ...SOCKET_IDS.flatMap((socket): SimCommand[] =>
          on
            ? [
                { type: 'set-server-behaviour', socket, behaviour: 'refuse' },
                { type: 'drop-link', socket },
              ]
            : w.behaviours[socket] === 'refuse'
              ? [{ type: 'set-server-behaviour', socket, behaviour: 'echo' }]
              : [],
        ),
        // Behaviours have no event of their own: the snapshot carries them.
        { type: 'get-snapshot' },
      ];
    case 'server-closes':
      return on ? SOCKET_IDS.map((socket): SimCommand => ({ type: 'drop-link', socket })) : [];
    case 'slow-server':
      return [
        ...SOCKET_IDS.map((socket): SimCommand => ({
          type: 'set-server-timing',
          socket,
          idleCloseSeconds: 0,
          echoDelayMs: on ? SLOW_SERVER_MS : 0,
        })),
        // set-server-timing has no answer of its own: the snapshot carries the faults now.
        { type: 'get-snapshot' },
      ];
    case 'line-noise':
      return [{ type: 'set-line-noise', rate: on ? LINE_NOISE_RATE : 0 }];
    case 'wrong-baud':
      return [{ type: 'set-wrong-baud', baud: on ? wrongBaudFor(w.baud) : null }];
  }
}

/** The lasting faults that are on now. */
export function activeFaults(w: WorldState): FaultId[] {
  return FAULT_IDS.filter((id) => !ONE_SHOT.has(id) && faultOn(id, w));
}

/** Everything that turns every fault off (firmware back to the manual's too). */
export function clearAllCommands(w: WorldState, previous?: RadioState): SimCommand[] {
  const active = activeFaults(w);
  const radio = active.includes('no-network') || active.includes('weak-signal');
  const back = previous ?? { network: GOOD_NETWORK, rssi: GOOD_RSSI };
  return [
    // Network and signal in one command: two would each put back the other's fault.
    ...(radio
      ? [
          {
            type: 'set-radio',
            network: back.network === 'none' ? GOOD_NETWORK : back.network,
            rssi: back.rssi <= WEAK_AT_OR_BELOW ? GOOD_RSSI : back.rssi,
          } satisfies SimCommand,
        ]
      : []),
    ...active
      .filter((id) => id !== 'no-network' && id !== 'weak-signal')
      .flatMap((id) => faultCommands(id, false, w, previous)),
    { type: 'set-firmware', selection: [] },
  ];
}
