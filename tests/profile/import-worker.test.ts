/**
 * The import in a worker gives the person exactly what the import on the page gave: the same profiles, the
 * same left-out items and reasons, the same "unexpected problem" detail — and a worker that cannot start is
 * a clear fault, never a silent empty import. The worker's handler runs here as a function; a stand-in
 * Worker passes messages through the real structured clone (with the transfer), as the browser does.
 */
import { describe, expect, it } from 'vitest';
import { exportProfilesJson, type Profile } from '../../src/profile';
import { importBytes, type ImportResult } from '../../src/profile/import';
import { handleImportMessage, type ImportRequest } from '../../src/profile/import/worker-protocol';
import { importInWorker, type ImportWorkerLike } from '../../src/ui/import/import-client';
import { runImport } from '../../src/ui/import/run-import';
import { smallProfile } from './fixtures';
import { buildCorpus } from './import-corpus';

const NOW = Date.UTC(2026, 2, 14);
const ctx = (fileName = 'f.txt') => ({ fileName, now: NOW });
const encode = (s: string) => new TextEncoder().encode(s);

type Listener = (e: Event) => void;

/** A Worker stand-in whose "thread" is the real handler, reached through structuredClone like postMessage. */
class FakeWorker implements ImportWorkerLike {
  readonly listeners = new Map<string, Listener[]>();
  readonly transferred: Transferable[][] = [];
  terminated = 0;

  constructor(private readonly reply: (m: unknown) => unknown = handleImportMessage) {}

  postMessage(message: ImportRequest, transfer: Transferable[]): void {
    this.transferred.push(transfer);
    const inWorker: unknown = structuredClone(message, { transfer });
    setTimeout(() => {
      if (this.terminated) return;
      const answer = this.reply(inWorker);
      if (answer !== undefined) this.emit('message', { data: structuredClone(answer) });
    }, 0);
  }

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  emit(type: string, fields: object): void {
    const e = Object.assign(new Event(type), fields);
    for (const l of this.listeners.get(type) ?? []) l(e);
  }

  terminate(): void {
    this.terminated++;
  }
}

describe('the import worker’s handler', () => {
  it('every corpus file gives, through the structured clone, the result the page’s own import gives', () => {
    for (const file of buildCorpus(40)) {
      const bytes = encode(file.text);
      const onPage = importBytes(bytes, ctx(`${file.kind}.txt`));
      const request: ImportRequest = {
        type: 'import',
        id: 7,
        bytes: bytes.slice().buffer,
        fileName: `${file.kind}.txt`,
        now: NOW,
      };
      const reply = structuredClone(handleImportMessage(structuredClone(request)));
      expect(reply, file.what).toEqual({ type: 'done', id: 7, result: onPage });
    }
  });

  it('a GB18030 terminal log keeps its encoding and settings across the worker boundary', () => {
    const bytes = Uint8Array.from([
      ...encode('[10:00:00.001]'),
      ...[0xb7, 0xa2, 0xa1, 0xfa, 0xa1, 0xf3], // 发→◇ in GB18030
      ...encode('AT+UARTFT=100\r\n'),
    ]);
    const reply = handleImportMessage({
      type: 'import',
      id: 1,
      bytes: bytes.buffer,
      fileName: 'sscom.txt',
      now: NOW,
    });
    expect(reply?.type).toBe('done');
    const result = reply?.type === 'done' ? reply.result : undefined;
    expect(result?.encoding).toBe('gb18030');
    expect(result?.profiles[0]?.profile.values).toEqual({ UARTFT: '100' });
  });

  it('a message that is not an import request gets no answer', () => {
    expect(handleImportMessage(undefined)).toBeUndefined();
    expect(handleImportMessage({ type: 'import', id: 1, fileName: 'x', now: NOW })).toBeUndefined();
    expect(
      handleImportMessage({ type: 'import', id: 1, bytes: 'AT', fileName: 'x', now: NOW }),
    ).toBeUndefined();
  });
});

describe('importing through the worker client', () => {
  it('the file’s bytes are transferred, not copied, the result comes back and the worker is ended', async () => {
    const worker = new FakeWorker();
    const bytes = encode(exportProfilesJson([smallProfile('Pump 1'), smallProfile('Pump 2')]));
    const expected = importBytes(bytes, ctx('two.json'));
    const buffer = bytes.buffer;
    const result = await importInWorker(bytes, ctx('two.json'), () => worker);
    expect(result).toEqual(expected);
    expect(worker.transferred).toEqual([[buffer]]);
    expect(buffer.byteLength).toBe(0); // detached: it went to the worker
    expect(worker.terminated).toBe(1);
  });

  it('bytes that are a view into a larger buffer are copied out, so only they travel', async () => {
    const worker = new FakeWorker();
    const all = encode('xxxxAT+HEARTTM=45\r\nyyyy');
    const view = all.subarray(4, all.length - 4);
    const result = await importInWorker(view, ctx('hb.at'), () => worker);
    expect(result.profiles[0]?.profile.values).toEqual({ HEARTTM: '45' });
    expect(all.byteLength).toBe(all.length); // the larger buffer stays with its owner
  });

  it('an answer to another request is not taken for this one', async () => {
    const worker = new FakeWorker((m) => {
      const r = handleImportMessage(m);
      return r && { ...r, id: r.id + 1000 };
    });
    let settled = false;
    void importInWorker(encode('AT+HEARTTM=45\r\n'), ctx(), () => worker).finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    expect(worker.terminated).toBe(0);
  });

  it('a worker that cannot start is an unexpected problem that says so, and nothing is saved', async () => {
    const worker = new FakeWorker(() => undefined);
    const saved: Profile[][] = [];
    const outcome = await runImport(
      { name: 'a.at', size: 16, bytes: () => Promise.resolve(encode('AT+HEARTTM=45\r\n')) },
      {
        now: () => NOW,
        save: (p) => Promise.resolve(saved.push([...p])),
        read: (bytes, context) => {
          const p = importInWorker(bytes, context, () => worker);
          worker.emit('error', { message: '' }); // a blocked or missing script: a bare error event
          return p;
        },
      },
    );
    expect(outcome.unexpected).toMatch(/^ImportWorkerError: The import worker could not start or stopped/);
    expect(outcome.saved).toEqual([]);
    expect(saved).toEqual([]);
    expect(worker.terminated).toBe(1);
  });

  it('a fault inside the worker reaches the copyable detail with the worker’s own error', async () => {
    const worker = new FakeWorker((m) => ({
      type: 'failed',
      id: (m as ImportRequest).id,
      detail: 'TypeError: x is undefined\n    at read (import-worker.js:1:2)',
    }));
    const outcome = await runImport(
      { name: 'a.at', size: 16, bytes: () => Promise.resolve(encode('AT+HEARTTM=45\r\n')) },
      { now: () => NOW, save: () => Promise.resolve(), read: (b, c) => importInWorker(b, c, () => worker) },
    );
    expect(outcome.unexpected).toBe(
      'ImportWorkerError: TypeError: x is undefined\n    at read (import-worker.js:1:2)',
    );
    expect(outcome.saved).toEqual([]);
  });

  it('without Web Workers (here, Node) the import runs on the page and gives the same result', async () => {
    const bytes = encode('AT+HEARTTM=45\r\nAT+NOPE=1\r\n');
    const expected: ImportResult = importBytes(bytes, ctx());
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe('undefined');
    expect(await importInWorker(bytes, ctx())).toEqual(expected);
  });
});
