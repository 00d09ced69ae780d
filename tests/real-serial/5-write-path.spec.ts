import { expect, test, type Page } from '@playwright/test';
import { openApp } from '../e2e/ui-helpers';
import { hexToBytes, summarise, summaryText } from './analysis';
import { cpuLoad, readTraceFile, recordMeasurements, requireRealSerial, step } from './support';

const env = requireRealSerial();

interface WriteTimes {
  readonly tag: string;
  /** Epoch ms of the write call and of its promise settling, in the page. */
  readonly call: number;
  readonly settled: number;
}

/**
 * `count` small writes straight through `navigator.serial` (the app is not connected), 60–200 ms apart,
 * each tagged `zNNN`, with the time of the call and of the settling of `writer.write()`. Then, 300 ms
 * later, one more write `qNNN` and at once `releaseLock()` + `close()`, as a page does that closes right
 * after writing: does that write still reach the tty?
 */
function writeTagged(page: Page, first: number, count: number): Promise<WriteTimes[]> {
  return page.evaluate(
    async ({ first, count }) => {
      const serial = (navigator as unknown as { serial: { getPorts(): Promise<SerialPortShape[]> } }).serial;
      interface SerialPortShape {
        open(o: { baudRate: number }): Promise<void>;
        close(): Promise<void>;
        writable: WritableStream<Uint8Array>;
      }
      const [port] = await serial.getPorts();
      if (!port) throw new Error('no granted port');
      await port.open({ baudRate: 115200 });
      const writer = port.writable.getWriter();
      const out: { tag: string; call: number; settled: number }[] = [];
      const now = (): number => performance.timeOrigin + performance.now();
      for (let i = first; i < first + count; i++) {
        await new Promise((r) => setTimeout(r, 60 + Math.random() * 140));
        const tag = `z${String(i).padStart(3, '0')}`;
        const call = now();
        await writer.write(new TextEncoder().encode(tag));
        out.push({ tag, call, settled: now() });
      }
      await new Promise((r) => setTimeout(r, 300));
      const probe = `q${String(first).padStart(3, '0')}`;
      const call = now();
      await writer.write(new TextEncoder().encode(probe));
      out.push({ tag: probe, call, settled: now() });
      writer.releaseLock();
      await port.close();
      return out;
    },
    { first, count },
  );
}

/**
 * `times` rounds of open, one write, then at once `close()` of the port: every other round after
 * `writer.close()`, the others after `releaseLock()` only. Tags `nNN` / `dNN`.
 */
function writeThenClose(page: Page, times: number): Promise<string[]> {
  return page.evaluate(async (times) => {
    interface SerialPortShape {
      open(o: { baudRate: number }): Promise<void>;
      close(): Promise<void>;
      writable: WritableStream<Uint8Array>;
    }
    const serial = (navigator as unknown as { serial: { getPorts(): Promise<SerialPortShape[]> } }).serial;
    const [port] = await serial.getPorts();
    if (!port) throw new Error('no granted port');
    const tags: string[] = [];
    for (let i = 0; i < times; i++) {
      await port.open({ baudRate: 115200 });
      const writer = port.writable.getWriter();
      const tag = `${i % 2 ? 'd' : 'n'}${String(i).padStart(2, '0')}`;
      await writer.write(new TextEncoder().encode(tag));
      if (i % 2) await writer.close();
      else writer.releaseLock();
      await port.close();
      tags.push(tag);
      await new Promise((r) => setTimeout(r, 100));
    }
    return tags;
  }, times);
}

/**
 * Chromium's write path measured without the app: when does `writer.write()` settle, and when do the
 * bytes reach the other end of the tty (the DTU's TCP end)? The session times its `+++` guard from the
 * later of the write call and its settling (docs/session.md); this shows how far behind that the bytes
 * can still be, idle and with two busy processes on the two cores.
 */
test('the write path: writer.write() settles before the bytes reach the tty; how late they are', async ({
  page,
}, testInfo) => {
  let idle: WriteTimes[] = [];
  let loaded: WriteTimes[] = [];

  await step(env, 'open the page (the app stays disconnected)', async () => {
    await openApp(page);
  });

  await step(env, 'idle: 60 tagged writes straight through navigator.serial', async () => {
    idle = await writeTagged(page, 0, 60);
  });

  await step(env, 'under load: 60 more', async () => {
    const load = cpuLoad(2);
    try {
      await new Promise((r) => setTimeout(r, 500));
      loaded = await writeTagged(page, 60, 60);
    } finally {
      load.stop();
    }
  });

  let closeTags: string[] = [];
  await step(env, 'a write, then close() at once: after releaseLock(), after writer.close()', async () => {
    closeTags = await writeThenClose(page, 12);
  });

  await step(env, 'every write arrived, in order; the delays', async () => {
    // The bytes as they arrived at the TCP end, each with its chunk's time.
    let text = '';
    const times: number[] = [];
    for (const e of readTraceFile(env)) {
      if (e.dir !== 'in') continue;
      for (const b of hexToBytes(e.hex)) {
        text += String.fromCharCode(b);
        times.push(e.t);
      }
    }
    const all = [...idle, ...loaded].map((w) => {
      const at = text.indexOf(w.tag);
      const arrival = times[at] ?? NaN;
      return { ...w, at, arrival };
    });
    const probes = all.filter((r) => r.tag.startsWith('q'));
    const rows = all.filter((r) => r.tag.startsWith('z'));
    expect(rows.filter((r) => r.at < 0).map((r) => r.tag)).toEqual([]);
    expect(rows.map((r) => r.at)).toEqual([...rows.map((r) => r.at)].sort((a, b) => a - b));
    const describe = (list: typeof rows): Record<string, string> => ({
      arrivalAfterCall: summaryText(summarise(list.map((r) => r.arrival - r.call))),
      settledAfterCall: summaryText(summarise(list.map((r) => r.settled - r.call))),
      arrivalAfterSettled: summaryText(summarise(list.map((r) => r.arrival - r.settled))),
      settledFirst: `${list.filter((r) => r.settled < r.arrival).length} of ${list.length} writes settled before their bytes arrived`,
    });
    const numbers: Record<string, string> = {};
    for (const [k, v] of Object.entries(describe(rows.slice(0, 60)))) numbers[`${k}Idle`] = v;
    for (const [k, v] of Object.entries(describe(rows.slice(60)))) numbers[`${k}Load`] = v;
    const lost = (tags: string[]): string =>
      `${tags.filter((t) => !text.includes(t)).length} of ${tags.length}`;
    numbers['writeThenClose'] =
      `writes followed at once by port.close() that never reached the tty (their write() had settled): ` +
      `${lost([...probes.map((p) => p.tag), ...closeTags.filter((t) => t.startsWith('n'))])} after releaseLock(), ` +
      `${lost(closeTags.filter((t) => t.startsWith('d')))} after await writer.close()`;
    recordMeasurements(env, testInfo, { ...numbers, rows, probes, closeTags });
  });
});
