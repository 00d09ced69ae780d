/**
 * Measuring the page while a device streams (issue "A module that streams, spams or lies must not freeze or
 * fool the app"), for tests/e2e/stream-load.spec.ts and `npm run bench` (bench/browser-stream.ts):
 *
 * - a latency probe in the page: each click is timed from the input's arrival (`pointerdown` timeStamp) to
 *   the first frame painted after its `click` handlers ran (rAF, then a message: after the paint); long
 *   tasks are recorded with a `longtask` PerformanceObserver;
 * - a fast Web Serial device: a fake `navigator.serial` whose one port is a tiny 7S4-like responder in a
 *   Web Worker (blob URL; the page needs `bypassCSP`) that streams numbered 64-byte text lines at a set rate
 *   in the working mode, delivered as 64-byte reads like Chrome's serial reads on a real adapter. The
 *   simulator's UART tops out at 230400 (AT+UART, manual table 2), so this is how a 921600 line is loaded.
 */
import type { Locator, Page } from '@playwright/test';

interface ProbeWindow {
  __probe?: {
    clicks: { at: number; latency: number }[];
    longTasks: { at: number; duration: number }[];
    pending: number | undefined;
  };
}

/**
 * Installs the probe before the page loads. Init scripts are given as source text: a function would be
 * serialised with whatever helpers the TypeScript runner (tsx for the bench) wrapped around it.
 */
export async function installLatencyProbe(page: Page): Promise<void> {
  await page.addInitScript({
    content: `(() => {
      const probe = { clicks: [], longTasks: [], pending: undefined };
      window.__probe = probe;
      addEventListener('pointerdown', (e) => { probe.pending = e.timeStamp; }, { capture: true });
      addEventListener('click', () => {
        const start = probe.pending;
        probe.pending = undefined;
        if (start === undefined) return;
        // Handlers run, Lit renders in a microtask, the frame paints, then the message arrives.
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => probe.clicks.push({ at: start, latency: performance.now() - start });
          ch.port2.postMessage(0);
        });
      }, { capture: true });
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) probe.longTasks.push({ at: e.startTime, duration: e.duration });
        }).observe({ type: 'longtask', buffered: true });
      } catch {
        // No long-task timing in this browser: only click latency is measured.
      }
    })();`,
  });
}

/** Work a click starts may finish after its frame (a view's first data, its logs' first layout), ms. */
const CLICK_AFTERMATH_MS = 300;

export interface ProbeReport {
  readonly clicks: readonly number[];
  /**
   * Long tasks (ms) that are not a click's own work: neither during the click nor starting within
   * `CLICK_AFTERMATH_MS` after its frame (a view switch finishing).
   */
  readonly streamLongTasks: readonly number[];
  readonly allLongTasks: readonly number[];
}

/** Starts a measuring window: forgets what the probe saw so far. */
export async function resetProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const p = (window as unknown as ProbeWindow).__probe;
    if (p) {
      p.clicks.length = 0;
      p.longTasks.length = 0;
    }
  });
}

export async function readProbe(page: Page): Promise<ProbeReport> {
  const raw = await page.evaluate(() => {
    const p = (window as unknown as ProbeWindow).__probe;
    return { clicks: [...(p?.clicks ?? [])], longTasks: [...(p?.longTasks ?? [])] };
  });
  const overlapsClick = (t: { at: number; duration: number }): boolean =>
    raw.clicks.some((c) => t.at < c.at + c.latency + CLICK_AFTERMATH_MS && t.at + t.duration > c.at - 20);
  return {
    clicks: raw.clicks.map((c) => c.latency),
    streamLongTasks: raw.longTasks.filter((t) => !overlapsClick(t)).map((t) => t.duration),
    allLongTasks: raw.longTasks.map((t) => t.duration),
  };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** Clicks `targets` in turn every `everyMs` for `ms`; `between` runs after each click (may be slow). */
export async function clickFor(
  page: Page,
  targets: readonly Locator[],
  ms: number,
  everyMs = 400,
  between?: (round: number) => Promise<void>,
): Promise<number> {
  const end = Date.now() + ms;
  let round = 0;
  while (Date.now() < end) {
    const target = targets[round % targets.length] as Locator;
    await target.click({ timeout: 30_000 });
    await between?.(round);
    round++;
    await page.waitForTimeout(everyMs);
  }
  return round;
}

/** JS heap in use after a full garbage collection (Chromium, CDP), bytes. */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return usage.usedSize;
  } finally {
    await cdp.detach();
  }
}

/**
 * A fake `navigator.serial` with one granted-on-request port (CH340 ids): a 7S4-like responder that
 * starts in the working mode and streams `bytesPerSecond` of text in 64-byte reads while in it (from the
 * first `AT+ENTM` on, or from the start with `fromStart`); `+++`
 * (alone in a write) gets `a`, `a` gets `+ok`; in command mode it echoes and answers `AT+ENTM` (back to
 * streaming), queries of the identity and status (`+NAME:value`), and OK to everything else.
 */
export async function installFastStreamDevice(
  page: Page,
  bytesPerSecond: number,
  options: { readonly fromStart?: boolean } = {},
): Promise<void> {
  const device = `
    const RATE = ${Math.max(0, Math.floor(bytesPerSecond))};
    const enc = new TextEncoder();
    const dec = new TextDecoder();
    const VALUES = {
      VER: 'V1.0.6', SN: '01201812010000012345', IMEI: '868323023456780', ICCID: '89860117851012345678',
      CSQ: '27,99', SYSINFO: '2,LTE', WKMOD: 'NET', E: 'ON', UART: '115200,8,1,NONE,NFC', UARTFT: '50',
      UARTFL: '1024', SOCKA: 'TCP,test.usr.cn,2317', SOCKAEN: 'ON', SOCKALK: 'ON', SOCKB: 'TCP,test.usr.cn,2317',
      SOCKBEN: 'OFF', SOCKBLK: 'OFF', SOCKC: 'TCP,test.usr.cn,2317', SOCKCEN: 'OFF', SOCKCLK: 'OFF',
      SOCKD: 'TCP,test.usr.cn,2317', SOCKDEN: 'OFF', SOCKDLK: 'OFF',
    };
    const FILLER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    let controller;
    let mode = 'working';
    // Quiet until the first AT+ENTM (a module whose server has not started yet), unless told otherwise.
    let streaming = ${options.fromStart === true};
    let line = '';
    let n = 0;
    let sent = 0;
    const t0 = performance.now();
    const push = (x) => { try { controller.enqueue(typeof x === 'string' ? enc.encode(x) : x); } catch {} };
    const readable = new ReadableStream({ start(c) { controller = c; } }, { highWaterMark: 1 << 20 });
    const answer = (cmd) => {
      if (cmd === 'AT+ENTM') { push('\\r\\nOK\\r\\n'); mode = 'working'; streaming = true; return; }
      const q = /^AT\\+([A-Z0-9]+)\\??$/.exec(cmd);
      if (q && VALUES[q[1]] !== undefined) { push('\\r\\n+' + q[1] + ':' + VALUES[q[1]] + '\\r\\n\\r\\nOK\\r\\n'); return; }
      push('\\r\\nOK\\r\\n');
    };
    const writable = new WritableStream({
      write(chunk) {
        const text = dec.decode(chunk);
        if (mode === 'working') {
          if (text === '+++') setTimeout(() => { mode = 'entering'; push('a'); }, 30);
          return;
        }
        if (mode === 'entering') {
          if (text[0] === 'a') { mode = 'command'; push('+ok\\r\\n'); } else mode = 'working';
          return;
        }
        if (text === '+++' && line === '') { setTimeout(() => push('\\r\\n+ERR:1\\r\\n'), 30); return; }
        push(chunk.slice());
        for (const ch of text) {
          if (ch === '\\n') continue;
          if (ch === '\\r') { const cmd = line.trim(); line = ''; if (cmd) answer(cmd); continue; }
          line += ch;
        }
      },
    });
    postMessage({ readable, writable }, [readable, writable]);
    setInterval(() => {
      const due = Math.floor(((performance.now() - t0) * RATE) / 1000);
      if (mode !== 'working' || !streaming) { sent = due; return; }
      while (sent + 64 <= due) {
        const head = '#' + String(n++ % 10000000).padStart(7, '0') + ' ';
        push(head + FILLER.slice(0, 62 - head.length) + '\\r\\n');
        sent += 64;
      }
    }, 4);
  `;
  await page.addInitScript({
    content: `(() => {
      const DEVICE = ${JSON.stringify(device)};
      let granted = false;
      class FakePort extends EventTarget {
        constructor() { super(); this.readable = null; this.writable = null; this.device = undefined; }
        getInfo() { return { usbVendorId: 0x1a86, usbProductId: 0x7523 }; }
        async open() {
          if (this.readable) throw new DOMException('The port is already open.', 'InvalidStateError');
          const url = URL.createObjectURL(new Blob([DEVICE], { type: 'text/javascript' }));
          const device = new Worker(url);
          this.device = device;
          const streams = await new Promise((resolve) => { device.onmessage = (e) => resolve(e.data); });
          this.readable = streams.readable;
          this.writable = streams.writable;
        }
        async close() {
          const r = this.readable;
          const w = this.writable;
          this.readable = null;
          this.writable = null;
          await Promise.allSettled([r && r.cancel(), w && w.abort()]);
          if (this.device) this.device.terminate();
        }
      }
      const port = new FakePort();
      const serial = new EventTarget();
      serial.requestPort = async () => { granted = true; return port; };
      serial.getPorts = async () => (granted ? [port] : []);
      Object.defineProperty(navigator, 'serial', { value: serial, configurable: true });
    })();`,
  });
}
