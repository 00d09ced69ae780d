/// <reference lib="webworker" />
/**
 * The import pipeline's Web Worker: decoding, sniffing and reading a file of up to 20 MB takes ~1–2 s of
 * CPU, which on the page's thread froze scrolling, typing and the busy message. Here it costs the page
 * nothing; the page (ui/import/import-client.ts) sends the bytes and saves what comes back.
 */
import { handleImportMessage } from './worker-protocol';

declare const self: DedicatedWorkerGlobalScope;

self.addEventListener('message', (e: MessageEvent<unknown>) => {
  const reply = handleImportMessage(e.data);
  if (reply) self.postMessage(reply);
});
