/**
 * The UI under a stream (issue "A module that streams, spams or lies…"): bounded log rings with O(1)
 * pushes, redraws coalesced per frame, the windowed list's rows, the whole-log recording, device values
 * shown as text, the help for a device that is not a 7S4, and the strings of these features.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_IDENTITY } from '../../src/simulator/core';
import { deviceLineText, deviceText, hasHiddenCharacters } from '../../src/ui/device-text/device-text';
import { bytesToTerminalText } from '../../src/ui/logic/bytes';
import { helpTopics, sessionProblemKind, simulatorHelps } from '../../src/ui/logic/problems';
import { NOT_A_7S4 } from '../../src/ui/not-a-7s4/strings';
import { STRESS } from '../../src/ui/sim-stress/strings';
import { FrameBatcher } from '../../src/ui/stream-log/frame-batch';
import { hexOf, LogRecorder, printableOf, recordingFileName } from '../../src/ui/stream-log/log-recorder';
import { LogRing } from '../../src/session/log-ring';
import { sizeText, STREAM_LOG } from '../../src/ui/stream-log/strings';
import { OVERSCAN, RENDER_ALL_BELOW, windowRange } from '../../src/ui/stream-log/window';
import { placeholders, textPairs } from './text-pairs';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const entry = (id: number, text = 'x'.repeat(64)) => ({ id, at: id, dir: 'rx' as const, bytes: enc(text) });

describe('LogRing: a bounded log for the screen', () => {
  it('keeps the newest entries within its entry limit and counts what went', () => {
    const ring = new LogRing<ReturnType<typeof entry>>({ maxEntries: 3, maxBytes: 1 << 20 });
    for (let i = 0; i < 5; i++) ring.push(entry(i));
    expect(ring.length).toBe(3);
    expect(ring.toArray().map((e) => e.id)).toEqual([2, 3, 4]);
    expect(ring.at(0)?.id).toBe(2);
    expect(ring.last?.id).toBe(4);
    expect(ring.at(3)).toBeUndefined();
    expect(ring.dropped).toEqual({ entries: 2, bytes: 128 });
    expect(ring.version).toBe(5);
  });

  it('keeps within its byte limit (always the newest entry, however big)', () => {
    const ring = new LogRing<ReturnType<typeof entry>>({ maxEntries: 100, maxBytes: 150 });
    ring.push(entry(0));
    ring.push(entry(1));
    ring.push(entry(2));
    expect(ring.toArray().map((e) => e.id)).toEqual([1, 2]);
    expect(ring.size).toBe(128);
    ring.push(entry(3, 'y'.repeat(400)));
    expect(ring.toArray().map((e) => e.id)).toEqual([3]);
    expect(ring.dropped.bytes).toBe(192);
  });

  it('a push costs the same whether the ring holds ten entries or fifty thousand', () => {
    const time = (n: number): number => {
      const ring = new LogRing<ReturnType<typeof entry>>({ maxEntries: n, maxBytes: 1 << 30 });
      const e = entry(0);
      for (let i = 0; i < n; i++) ring.push(e);
      const t0 = performance.now();
      for (let i = 0; i < 50_000; i++) ring.push(e);
      return performance.now() - t0;
    };
    time(10);
    time(50_000);
    const small = Math.min(time(10), time(10));
    const large = Math.min(time(50_000), time(50_000));
    // Not a timing goal: an array copy per push would be ~1000 times slower here.
    expect(large).toBeLessThan(small * 20 + 20);
  });

  it('tells listeners of every change; clear forgets the counts too', () => {
    const ring = new LogRing<ReturnType<typeof entry>>({ maxEntries: 2 });
    let calls = 0;
    const off = ring.subscribe(() => calls++);
    ring.push(entry(0));
    ring.push(entry(1));
    ring.push(entry(2));
    ring.clear();
    expect(calls).toBe(4);
    expect(ring.length).toBe(0);
    expect(ring.dropped).toEqual({ entries: 0, bytes: 0 });
    off();
    ring.push(entry(3));
    expect(calls).toBe(4);
  });
});

describe('FrameBatcher: one redraw per frame, spaced while the log keeps changing', () => {
  function fakeTime() {
    let now = 0;
    const frames: (() => void)[] = [];
    const timers: { at: number; run: () => void }[] = [];
    return {
      now: () => now,
      scheduler: (run: () => void) => {
        frames.push(run);
        return { cancel: () => frames.splice(frames.indexOf(run), 1) };
      },
      delay: (ms: number, run: () => void) => {
        const t = { at: now + ms, run };
        timers.push(t);
        return { cancel: () => timers.splice(timers.indexOf(t), 1) };
      },
      /** Moves time on and runs the timers due, then one frame. */
      tick(ms: number) {
        now += ms;
        for (const t of timers.filter((x) => x.at <= now)) {
          timers.splice(timers.indexOf(t), 1);
          t.run();
        }
        const due = frames.splice(0);
        for (const f of due) f();
      },
      get frames() {
        return frames.length;
      },
    };
  }

  it('coalesces a thousand changes into one flush per frame', () => {
    const time = fakeTime();
    let flushes = 0;
    const batch = new FrameBatcher(() => flushes++, time);
    for (let i = 0; i < 1000; i++) batch.schedule();
    expect(time.frames).toBe(1);
    time.tick(16);
    expect(flushes).toBe(1);
    batch.schedule();
    time.tick(16);
    expect(flushes).toBe(2);
  });

  it('with a least interval, a continuous stream flushes ~10 times a second; a lone change at once', () => {
    const time = fakeTime();
    let flushes = 0;
    const batch = new FrameBatcher(() => flushes++, { ...time, minIntervalMs: 100 });
    for (let t = 0; t < 1000; t += 16) {
      batch.schedule();
      time.tick(16);
    }
    expect(flushes).toBeGreaterThanOrEqual(8);
    expect(flushes).toBeLessThanOrEqual(11);
    time.tick(500); // the last pending flush
    time.tick(500); // quiet
    const before = flushes;
    batch.schedule();
    time.tick(16);
    expect(flushes).toBe(before + 1);
    batch.schedule();
    batch.cancel();
    time.tick(200);
    expect(flushes).toBe(before + 1);
    expect(batch.scheduled).toBe(false);
  });
});

describe('windowRange: the rows of a long log that are rendered', () => {
  it('renders a short log whole', () => {
    expect(windowRange({ count: 50, scrollTop: 0, viewport: 400, rowHeight: 20, follow: true })).toEqual({
      start: 0,
      end: 50,
      padTop: 0,
      padBottom: 0,
    });
  });

  it('following the newest row: the last visible rows plus overscan, a spacer for the rest', () => {
    const r = windowRange({ count: 5000, scrollTop: 0, viewport: 400, rowHeight: 20, follow: true });
    expect(r.end).toBe(5000);
    expect(r.end - r.start).toBe(20 + 2 * OVERSCAN);
    expect(r.padTop).toBe(r.start * 20);
    expect(r.padBottom).toBe(0);
  });

  it('scrolled up: the rows at the scroll position', () => {
    const r = windowRange({ count: 5000, scrollTop: 20 * 1000, viewport: 400, rowHeight: 20, follow: false });
    expect(r.start).toBe(1000 - OVERSCAN);
    expect(r.end).toBe(1000 + 20 + OVERSCAN);
    expect(r.padTop + (r.end - r.start) * 20 + r.padBottom).toBe(5000 * 20);
    const top = windowRange({ count: 5000, scrollTop: 0, viewport: 400, rowHeight: 20, follow: false });
    expect(top.start).toBe(0);
    const past = windowRange({ count: 5000, scrollTop: 1e9, viewport: 400, rowHeight: 20, follow: false });
    expect(past.end).toBe(5000);
    expect(past.end - past.start).toBe(20 + 2 * OVERSCAN);
  });

  it('never renders more than the window, whatever the count', () => {
    for (const count of [RENDER_ALL_BELOW + 1, 20_000, 1_000_000]) {
      const r = windowRange({ count, scrollTop: 12345, viewport: 420, rowHeight: 21, follow: false });
      expect(r.end - r.start).toBeLessThanOrEqual(Math.ceil(420 / 21) + 2 * OVERSCAN);
    }
  });
});

describe('LogRecorder: "Record the whole log" into Blob parts', () => {
  it('writes the session export format, one JSON line per entry, and one file on stop', async () => {
    const rec = new LogRecorder('terminal');
    rec.add({ at: 0, dir: 'tx', bytes: enc('ignored before start') });
    rec.start(new Date(2024, 0, 31, 15, 45, 2));
    rec.add({ at: 12, dir: 'tx', bytes: enc('AT+VER\r') });
    rec.add({ at: 15, dir: 'rx', bytes: Uint8Array.of(0x0d, 0x0a, 0x2b, 0x00, 0xff) });
    expect(rec.recording).toBe(true);
    expect(rec.summary).toEqual({ entries: 2, bytes: 12 });
    const lines = (await rec.stop().text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rec.recording).toBe(false);
    expect(lines[0]).toMatchObject({
      format: 'usr-7s4-traffic',
      version: 1,
      recording: true,
      source: 'terminal',
    });
    expect(lines[1]).toEqual({ seq: 0, t: 12, dir: 'tx', hex: '41542B5645520D', text: 'AT+VER\\r' });
    expect(lines[2]).toMatchObject({ seq: 1, hex: '0D0A2B00FF', text: '\\r\\n+\\x00\uFFFD' });
  });

  it('keeps a long recording in parts (not one growing string)', async () => {
    const rec = new LogRecorder('simulator');
    rec.start();
    const chunk = new Uint8Array(1024).fill(0x41);
    for (let i = 0; i < 1000; i++) rec.add({ at: i, dir: 'rx', bytes: chunk });
    const blob = rec.stop();
    expect(blob.size).toBeGreaterThan(1000 * 1024 * 3);
    expect(blob.type).toContain('jsonl');
  });

  it('hex, printable text and the file name', () => {
    expect(hexOf(Uint8Array.of(0, 0x1a, 0xff))).toBe('001AFF');
    expect(printableOf(enc('a\tb\x7f'))).toBe('a\\tb\\x7F');
    expect(recordingFileName(new Date(2024, 0, 31, 15, 45, 2), 'dtu-terminal')).toBe(
      'dtu-terminal-20240131-154502.jsonl',
    );
    expect(sizeText(12)).toBe('12 B');
    expect(sizeText(340_000)).toBe('340 KB');
    expect(sizeText(1_234_567)).toBe('1.2 MB');
  });
});

describe('values from the device are data, shown as they are', () => {
  it('markup stays text; hidden and direction-changing characters are shown as codes', () => {
    expect(deviceText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(deviceText('</style>')).toBe('</style>');
    expect(deviceText('\u202E89860117')).toBe('[U+202E]89860117');
    expect(deviceText('a\u200Bb\u2066c\uFEFF')).toBe('a[U+200B]b[U+2066]c[U+FEFF]');
    expect(deviceText('V1\r\n\x00')).toBe('V1[0D][0A][00]');
    expect(deviceText(DEFAULT_IDENTITY.sn)).toBe(DEFAULT_IDENTITY.sn);
    expect(hasHiddenCharacters('\u202E')).toBe(true);
    expect(hasHiddenCharacters('ABC')).toBe(false);
    expect(deviceLineText('OK\r')).toBe('OK↵');
  });

  it('the terminal shows a bidi override as a code, not as reversed text', () => {
    expect(bytesToTerminalText(enc('+SN:\u202E123\r\n'))).toBe('+SN:[U+202E]123\n');
  });
});

describe('a device that is not a 7S4', () => {
  it("the session's not-a-7s4 has its own help: wrong port or device, loopback, another product", () => {
    expect(sessionProblemKind('not-a-7s4')).toBe('not-a-7s4');
    expect(sessionProblemKind('timeout')).toBe('no-answer');
    expect(sessionProblemKind('at-error')).toBe('device-error');
    expect(sessionProblemKind('aborted')).toBeUndefined();
    expect(helpTopics('not-a-7s4', true)).toEqual(['wrong-device', 'checklist']);
    expect(simulatorHelps('not-a-7s4')).toBe(false);
    expect(NOT_A_7S4.loopback.en).toMatch(/loopback/);
    expect(NOT_A_7S4.otherProduct.en).toMatch(/Another product/);
  });
});

describe('strings of the stream features', () => {
  const pairs = textPairs({ STREAM_LOG, STRESS, NOT_A_7S4 });

  it('have both languages and the same placeholders', () => {
    expect(pairs.length).toBeGreaterThan(25);
    for (const [path, text] of pairs) {
      expect(text.en.trim(), path).not.toBe('');
      expect(text.zh.trim(), path).not.toBe('');
      expect(placeholders(text.zh), path).toEqual(placeholders(text.en));
    }
  });
});
