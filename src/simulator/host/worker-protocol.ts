import type { SerialOpenOptions } from '../../serial/serial-port-like';
import type { SimCommand, SimEvent } from '../core/control';

/** Messages from the page to the simulator worker. */
export type ToWorker =
  | { readonly type: 'open'; readonly id: number; readonly options: SerialOpenOptions }
  | { readonly type: 'close' }
  | { readonly type: 'unplug' }
  | { readonly type: 'control'; readonly command: SimCommand };

/** Messages from the simulator worker to the page; streams are transferred, not copied. */
export type FromWorker =
  | {
      readonly type: 'opened';
      readonly id: number;
      readonly readable: ReadableStream<Uint8Array>;
      readonly writable: WritableStream<Uint8Array>;
    }
  | { readonly type: 'open-failed'; readonly id: number; readonly message: string }
  | { readonly type: 'lost' }
  /** Events are batched so a busy serial line costs one message per batch, not one per chunk. */
  | { readonly type: 'events'; readonly events: readonly SimEvent[] };
