/**
 * The messages between the page and the import worker (import-worker.ts), and the worker's handler as a
 * plain function so Node tests can drive it without a Worker. The file's bytes go in as a transferred
 * ArrayBuffer (no copy); the pipeline's `ImportResult` comes back as it is: it is plain data (strings,
 * numbers, booleans, arrays, plain objects), so the structured clone keeps every profile and every reason.
 */
import { importBytes } from './pipeline';
import { describeThrown, type ImportResult } from './report';

/** Page → worker: read this file. */
export interface ImportRequest {
  readonly type: 'import';
  /** Pairs the answer with its request. */
  readonly id: number;
  readonly bytes: ArrayBuffer;
  readonly fileName: string;
  /** Creation time for profiles that carry none (the page's clock). */
  readonly now: number;
}

/** Worker → page: the pipeline's result, or the detail of a fault outside it. */
export type ImportReply =
  | { readonly type: 'done'; readonly id: number; readonly result: ImportResult }
  | { readonly type: 'failed'; readonly id: number; readonly detail: string };

function isRequest(m: unknown): m is ImportRequest {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  return (
    r['type'] === 'import' &&
    typeof r['id'] === 'number' &&
    r['bytes'] instanceof ArrayBuffer &&
    typeof r['fileName'] === 'string' &&
    typeof r['now'] === 'number'
  );
}

/**
 * What the worker answers to a message: `undefined` for anything that is not a request (nothing to pair a
 * reply with). The pipeline never throws; should it ever, the fault is a `failed` reply with its detail,
 * which the page shows as "Unexpected problem" exactly as it would a fault on its own thread.
 */
export function handleImportMessage(message: unknown): ImportReply | undefined {
  if (!isRequest(message)) return undefined;
  try {
    const result = importBytes(new Uint8Array(message.bytes), {
      fileName: message.fileName,
      now: message.now,
    });
    return { type: 'done', id: message.id, result };
  } catch (e) {
    return { type: 'failed', id: message.id, detail: describeThrown(e) };
  }
}
