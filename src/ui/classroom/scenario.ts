/**
 * A classroom scenario (docs/scenarios.md): a guided exercise on the simulator — a short text in English and
 * Chinese, the module and world it starts from, hints, and a check over the simulator's state and traffic
 * that says when it is solved. Scenarios are data, one JSON file each (`scenarios/*.json`), so a trainer
 * can write new ones; `validate-scenario.ts` is the gate for every file.
 */
import type { Text } from '../../protocol/types';
import type {
  LinkState,
  ModuleMode,
  NetworkType,
  PacketTag,
  SimStartState,
  SocketId,
} from '../../simulator/core/control';

/** The `format` field of every scenario file. */
export const SCENARIO_FORMAT = 'dtu-scenario';
/** The version of the file format this app reads. */
export const SCENARIO_VERSION = 1;

/**
 * The check language: a predicate over the simulator since the scenario started (its events) and now (its
 * snapshot). Small and composable: `all` / `any` / `not` over the facts below.
 */
export type Check =
  | { readonly kind: 'all'; readonly of: readonly Check[] }
  | { readonly kind: 'any'; readonly of: readonly Check[] }
  | { readonly kind: 'not'; readonly check: Check }
  /**
   * A setting's value (canonical), `running` (in force since the last start; default) or `stored`; of one
   * parameter when `param` names it. `min` / `max` compare a whole number.
   */
  | {
      readonly kind: 'setting';
      readonly name: string;
      readonly param?: string;
      readonly source?: 'running' | 'stored';
      readonly equals?: string;
      readonly notEquals?: string;
      readonly min?: number;
      readonly max?: number;
    }
  /** The module's mode now. */
  | { readonly kind: 'mode'; readonly is: ModuleMode }
  /** The module was in this mode at some time since the start. */
  | { readonly kind: 'mode-reached'; readonly mode: ModuleMode }
  /** The socket's link is in `state` now, for at least `forSeconds` (default 0). */
  | {
      readonly kind: 'link';
      readonly socket: SocketId;
      readonly state: LinkState;
      readonly forSeconds?: number;
    }
  /**
   * Packets on a socket since the start: `to-server` (the module sent) or `from-server` (it received), of a
   * tag (any when absent), holding `contains` (ASCII), counted between `min` and `max` (without `min`: at
   * least one, or from 0 when `max` is given: `max: 0` = none).
   */
  | {
      readonly kind: 'packets';
      readonly socket: SocketId;
      readonly direction: 'to-server' | 'from-server';
      readonly tag?: PacketTag;
      readonly contains?: string;
      readonly min?: number;
      readonly max?: number;
    }
  /** Link changes of a socket since the start (e.g. drops: `state: waiting, reason: dropped`), counted. */
  | {
      readonly kind: 'link-events';
      readonly socket: SocketId;
      readonly state?: LinkState;
      readonly reason?: string;
      readonly min?: number;
      readonly max?: number;
    }
  /** The module sent this text to the serial side since the start, while in `inMode` when given. */
  | { readonly kind: 'serial-out'; readonly contains: string; readonly inMode?: ModuleMode }
  /** The radio now: registered on the network or not, and which network. */
  | { readonly kind: 'radio'; readonly attached?: boolean; readonly network?: NetworkType };

export type CheckKind = Check['kind'];

export interface Scenario {
  readonly format: typeof SCENARIO_FORMAT;
  readonly version: typeof SCENARIO_VERSION;
  /** Lower-case letters, digits and `-`; unique in the catalogue (an import with the same id replaces it). */
  readonly id: string;
  readonly title: Text;
  /** What the learner is told: the situation and what to do. */
  readonly brief: Text;
  /** Shown one at a time, on request. */
  readonly hints: readonly Text[];
  /** The module and world the exercise starts from (the simulator's `load-state`). */
  readonly start: SimStartState;
  readonly check: Check;
  /** Said when the check passes (what was learned); a default text when absent. */
  readonly solved?: Text;
}
