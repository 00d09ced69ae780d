import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/clock/virtual-clock';
import { bundleToJson, readBundle, Replay, replayScript } from '../../src/profile/bundle';
import type { BundleLogEntry, SupportBundle } from '../../src/profile/bundle';
import { SimulatedModule } from '../../src/simulator/core';
import { recordSession, replayOn } from './bundle-helpers';

const text = (b: Uint8Array): string => new TextDecoder().decode(b);

function entry(t: number, dir: BundleLogEntry['dir'], s: string): BundleLogEntry {
  return { t, dir, bytes: new TextEncoder().encode(s) };
}

describe('replay: the customer’s exchange against the simulator', () => {
  it('a session recorded on the manual’s firmware replays with every exchange the same', async () => {
    const { bundle } = await recordSession();
    // Through the file and back, as support gets it.
    const read = readBundle(bundleToJson(bundle));
    if (!read.ok) throw new Error(read.error.message.en);
    const { replay } = await replayOn(read.bundle);
    const verdicts = replay.results.map((r) => r.verdict);
    expect(replay.results.length).toBe(replay.exchanges.length);
    expect(replay.exchanges.length).toBeGreaterThan(50);
    expect(verdicts.filter((v) => v !== 'same')).toEqual([]);
    // The identity and the stored settings were loaded: AT+IMEI? and AT+HEARTTM? answered as logged.
    const imei = replay.results.find((r) => text(r.exchange.sent) === 'AT+IMEI?\r');
    expect(imei && text(imei.actual)).toContain(read.bundle.identity?.imei ?? 'none');
  });

  it('a log recorded against plus-ok firmware is marked different exactly where the module said +OK (3.1.7 replies)', async () => {
    const { bundle } = await recordSession({ firmware: ['plus-ok'] });
    const { replay } = await replayOn(bundle);
    const differs = replay.results.filter((r) => r.verdict !== 'same');
    const plusOk = replay.results.filter((r) => /\+OK\r\n/.test(text(r.exchange.expected)));
    expect(plusOk.length).toBeGreaterThan(40);
    expect(differs.map((r) => r.exchange.index)).toEqual(plusOk.map((r) => r.exchange.index));
    for (const r of differs) {
      expect(r.verdict).toBe('differs');
      // The simulator said what the manual says: OK, not +OK.
      expect(text(r.actual)).toMatch(/\r\nOK\r\n/);
      expect(text(r.actual)).not.toContain('+OK');
    }
    // The entry (+++ → a → +ok) is the same on both firmwares.
    expect(replay.results.slice(0, 2).map((r) => [text(r.exchange.sent), r.verdict])).toEqual([
      ['+++', 'same'],
      ['a', 'same'],
    ]);
  });

  it('a log recorded against no-ok-queries firmware differs on the queries only, not on the sets', async () => {
    const { bundle } = await recordSession({ firmware: ['no-ok-queries'] });
    const { replay } = await replayOn(bundle);
    const differs = replay.results.filter((r) => r.verdict !== 'same');
    expect(differs.length).toBeGreaterThan(40);
    for (const r of differs) expect(text(r.exchange.sent)).toMatch(/^AT\+[A-Z0-9]+\?\r$/);
    const set = replay.results.find((r) => text(r.exchange.sent) === 'AT+HEARTTM=90\r');
    expect(set?.verdict).toBe('same');
  });

  it('replaying on the firmware the log came from finds no difference (plus-ok against plus-ok)', async () => {
    const { bundle } = await recordSession({ firmware: ['plus-ok'] });
    const { replay } = await replayOn(bundle, ['plus-ok']);
    expect(replay.results.filter((r) => r.verdict !== 'same')).toEqual([]);
  });

  it('a withheld password is neither sent nor counted as a difference (secrets stay out by default)', async () => {
    const { bundle } = await recordSession({ apply: { CMDPW: 'abc123', HEARTTM: '90' } });
    expect(bundleToJson(bundle)).not.toContain('abc123');
    const { replay } = await replayOn(bundle);
    const set = replay.results.find((r) => /^AT\+CMDPW=/.test(text(r.exchange.sent)));
    expect(set?.verdict).toBe('withheld');
    // The read-back (+CMDPW:••••••) is compared with the simulator's reply redacted the same way; the
    // simulator never got the new password, so after the restart its answer is the old one: redacted alike.
    const reads = replay.results.filter((r) => text(r.exchange.sent) === 'AT+CMDPW?\r');
    expect(reads.length).toBeGreaterThan(0);
    for (const r of reads) expect(r.verdict).toBe('same');
  });

  it('signal and network values that change by themselves are expected to differ, not a difference', async () => {
    const { bundle } = await recordSession();
    const planted: SupportBundle = {
      ...bundle,
      log: {
        ...bundle.log,
        entries: bundle.log.entries.map((e) =>
          text(e.bytes).includes('+CSQ:')
            ? { ...e, bytes: new TextEncoder().encode(text(e.bytes).replace(/\+CSQ:[^\r]*/, '+CSQ:9,99')) }
            : e,
        ),
      },
    };
    const { replay } = await replayOn(planted);
    const notSame = replay.results.filter((r) => r.verdict !== 'same');
    expect(notSame.length).toBeGreaterThan(0);
    for (const r of notSame) {
      expect(text(r.exchange.sent)).toBe('AT+CSQ?\r');
      expect(r.verdict).toBe('expected-to-differ');
    }
  });

  it('a reply the simulator does not give is missing; stepping goes one exchange at a time, +++ with its a', async () => {
    const entries = [
      entry(0, 'note', 'open 115200 8N1'),
      entry(1000, 'tx', '+++'),
      entry(1025, 'rx', 'a'),
      entry(1026, 'tx', 'a'),
      entry(1027, 'rx', '+ok\r\n'),
      entry(1100, 'tx', 'AT+VER?\r'),
      entry(1101, 'rx', 'AT+VER?\r'),
      entry(1103, 'rx', '\r\n+VER:V1.0.6\r\n\r\nOK\r\n'),
      // A command this simulator never answers with this line: planted.
      entry(1200, 'tx', 'AT+E=OFF\r'),
      entry(1202, 'rx', 'AT+E=OFF\r\r\nOK\r\n'),
      entry(1300, 'tx', 'AT+HEARTTM?\r'),
      entry(1302, 'rx', '\r\n+HEARTTM:30\r\n\r\nOK\r\n'),
    ];
    const clock = new VirtualClock();
    const module = new SimulatedModule({ clock, wireTiming: true, startRunning: true });
    clock.advanceSync(5000);
    const replay = new Replay(
      entries,
      {
        write: (bytes, line) => module.control({ type: 'serial-write', bytes, line }),
        onOutput: (l) => module.onSerialOutput(l),
      },
      { clock },
    );
    await clock.run(replay.next());
    // +++ and the host's a went together (T5 < 3 s).
    expect(replay.position).toBe(2);
    await clock.run(replay.next());
    expect(replay.position).toBe(3);
    // A person's pause between steps is silence on the line; command mode does not mind.
    clock.advanceSync(10_000);
    await clock.run(replay.runToEnd());
    expect(replay.results.map((r) => r.verdict)).toEqual(['same', 'same', 'same', 'same', 'same']);
    expect(replayScript(entries).exchanges.map((e) => e.bound)).toEqual([false, true, false, false, false]);
  });

  it('an LF that came after the host’s next write belongs to the reply before it, not a difference', async () => {
    const entries = [
      entry(0, 'note', 'open 115200 8N1'),
      entry(1000, 'tx', '+++'),
      entry(1025, 'rx', 'a'),
      entry(1026, 'tx', 'a'),
      entry(1027, 'rx', '+ok\r\n'),
      entry(1100, 'tx', 'AT+HEARTTM?\r'),
      // The host read the OK line at its CR and wrote again before the LF came (a busy machine).
      entry(1102, 'rx', 'AT+HEARTTM?\r\r\n+HEARTTM:30\r\n\r\nOK\r'),
      entry(1103, 'tx', 'AT+HEARTTM?\r'),
      entry(1104, 'rx', '\nAT+HEARTTM?\r\r\n+HEARTTM:30\r\n\r\nOK\r\n'),
    ];
    const clock = new VirtualClock();
    const module = new SimulatedModule({ clock, wireTiming: true, startRunning: true });
    clock.advanceSync(5000);
    const replay = new Replay(
      entries,
      {
        write: (bytes, line) => module.control({ type: 'serial-write', bytes, line }),
        onOutput: (l) => module.onSerialOutput(l),
      },
      { clock },
    );
    await clock.run(replay.runToEnd());
    expect(replay.results.map((r) => r.verdict)).toEqual(['same', 'same', 'same', 'same']);
    expect(text(replay.results[2]?.exchange.expected ?? new Uint8Array())).toMatch(/OK\r\n$/);
  });
});
