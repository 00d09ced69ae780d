import type { SerialOpenOptions } from '../../serial/serial-port-like';
import type { SimCommand, SimEvent } from '../core/control';
import type { ModuleSavedState } from './saved-state';

/** Messages from the page to the simulator worker. */
export type ToWorker =
  /**
   * Optional, and only as the first message: start the module from a saved state (saved-state.ts) instead
   * of the demo's start. Without it the first other message starts the module as new.
   */
  | { readonly type: 'init'; readonly state: ModuleSavedState | null }
  | { readonly type: 'open'; readonly id: number; readonly options: SerialOpenOptions }
  | { readonly type: 'close' }
  | { readonly type: 'unplug' }
  /** The cable is plugged back in after `unplug`: the port opens again (until then `open` fails). */
  | { readonly type: 'plug' }
  | { readonly type: 'control'; readonly command: SimCommand };

/** Messages from the simulator worker to the page; streams are transferred, not copied. */
export type FromWorker =
  | {
      readonly type: 'opened';
      readonly id: number;
      readonly readable: ReadableStream<Uint8Array>;
      readonly writable: WritableStream<Uint8Array>;
    }
  /** `unplugged`: the virtual cable is out (`unplug` without `plug`), as a real device that is gone. */
  | {
      readonly type: 'open-failed';
      readonly id: number;
      readonly message: string;
      readonly unplugged?: boolean;
    }
  | { readonly type: 'lost' }
  /** Events are batched so a busy serial line costs one message per batch, not one per chunk. */
  | { readonly type: 'events'; readonly events: readonly SimEvent[] }
  /**
   * The module's saved state changed (at most every `STATE_CHECK_MS`): the page keeps it for the next run.
   * `null`: it is the demo's start again (after "reset the demo"), nothing to keep.
   */
  | { readonly type: 'state'; readonly state: ModuleSavedState | null };
