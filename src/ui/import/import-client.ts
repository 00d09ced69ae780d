/**
 * The page's side of the import worker (profile/import/import-worker.ts): `importInWorker(bytes, context)`
 * resolves with the same `ImportResult` the pipeline gives on this thread, while the page keeps drawing.
 *
 * One worker per import, terminated when its answer comes: imports are rare and picked by hand, so the start
 * (a few ms; the script is precached) costs nothing a person notices, while ending the worker frees at once
 * the memory a 20 MB file took (its text, its lines, its profiles) instead of keeping it for the tab's life,
 * and no import can inherit a state a previous one left behind. No timeout: a large file legitimately takes
 * seconds, and the busy message stays until the answer comes or the worker fails.
 */
import { importBytes, type ImportResult, type ReadContext } from '../../profile/import';
import type { ImportReply, ImportRequest } from '../../profile/import/worker-protocol';

/** What the client needs of a Worker (a real one, or a stand-in in tests). */
export interface ImportWorkerLike {
  postMessage(message: ImportRequest, transfer: Transferable[]): void;
  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (e: Event) => void): void;
  terminate(): void;
}

/** The worker failed: it could not start (a blocked or missing script), stopped, or sent what cannot be read. */
export class ImportWorkerError extends Error {
  override readonly name = 'ImportWorkerError';
}

export function startImportWorker(): ImportWorkerLike {
  return new Worker(new URL('../../profile/import/import-worker.ts', import.meta.url), { type: 'module' });
}

/** The bytes as a buffer of their own to transfer (a view into a larger buffer is copied first). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  const b = bytes.buffer;
  if (b instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === b.byteLength) return b;
  return bytes.slice().buffer;
}

let nextId = 1;

/**
 * Reads the file in a worker. `bytes` is transferred: the caller must not use it afterwards. Rejects with
 * an `ImportWorkerError` when the worker fails (the view shows "Unexpected problem" with its detail).
 */
export function importInWorker(
  bytes: Uint8Array,
  context: ReadContext,
  start: () => ImportWorkerLike = startImportWorker,
): Promise<ImportResult> {
  // Fallback only for a browser without Web Workers (none the app supports lacks them; Web Serial needs
  // a newer Chromium): reading on this thread is slower to the eye but gives the same result. A worker that
  // exists but fails is an error, never a silent fallback: it means the app is broken or blocked (CSP).
  if (start === startImportWorker && typeof Worker === 'undefined') {
    return new Promise((resolve) => resolve(importBytes(bytes, context)));
  }
  return new Promise<ImportResult>((resolve, reject) => {
    let worker: ImportWorkerLike;
    try {
      worker = start();
    } catch (e) {
      reject(new ImportWorkerError(`The import worker could not start: ${String(e)}`));
      return;
    }
    const id = nextId++;
    let settled = false;
    const settle = (f: () => void): void => {
      if (settled) return;
      settled = true;
      worker.terminate();
      f();
    };
    worker.addEventListener('message', (e) => {
      const reply = (e as MessageEvent<ImportReply | undefined>).data;
      if (reply?.id !== id) return;
      if (reply.type === 'done') settle(() => resolve(reply.result));
      // A fault inside the worker: its own detail (error and stack there), not this thread's stack.
      else settle(() => reject(Object.assign(new ImportWorkerError(reply.detail), { stack: '' })));
    });
    worker.addEventListener('error', (e) => {
      // A script that fails to load gives a bare Event; a fault at the top level an ErrorEvent.
      const message = (e as Partial<ErrorEvent>).message;
      const what = typeof message === 'string' && message !== '' ? `: ${message}` : '';
      e.preventDefault();
      settle(() =>
        reject(new ImportWorkerError(`The import worker could not start or stopped unexpectedly${what}`)),
      );
    });
    worker.addEventListener('messageerror', () =>
      settle(() => reject(new ImportWorkerError('The import worker’s answer could not be read'))),
    );
    const buffer = ownBuffer(bytes);
    worker.postMessage({ type: 'import', id, bytes: buffer, fileName: context.fileName, now: context.now }, [
      buffer,
    ]);
  });
}
