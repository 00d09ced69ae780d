/**
 * `plus-attempt` events: the module explains each `+++` attempt with the real arrival times and the windows
 * it used (manual 3.1.2, figure 27: T1 > UARTFT, T2 < UARTFT, T3 < UARTFT, T5 < 3 s; G786/G809: T4 = T6 =
 * UARTFT). One test per reason, under the manual's firmware and the `g786-timing` variant.
 */
import { describe, expect, it } from 'vitest';
import type { PlusAttempt } from '../../src/simulator/core/plus-attempt';
import { Harness } from './harness';

/** The latest report of each attempt, in the order they started. */
function attempts(h: Harness): PlusAttempt[] {
  const byId = new Map<number, PlusAttempt>();
  for (const e of h.eventsOf('plus-attempt')) byId.set(e.attempt.id, e.attempt);
  return [...byId.values()];
}

function only(h: Harness): PlusAttempt {
  const all = attempts(h);
  expect(all).toHaveLength(1);
  return all[0] as PlusAttempt;
}

/** A module with UARTFT 50 that received `x` and has been quiet for `quietMs` since. */
function afterData(firmware: string[], quietMs: number): Harness {
  const h = new Harness({ firmware });
  h.advance(500);
  h.type('x');
  h.advance(quietMs);
  h.take();
  return h;
}

const VARIANTS = [
  { name: 'manual', firmware: [] as string[], quiet: 25, okDelay: 0 },
  { name: 'g786-timing', firmware: ['g786-timing'], quiet: 50, okDelay: 50 },
];

describe.each(VARIANTS)('+++ attempts explained by the module ($name firmware)', (v) => {
  it('a good +++ is reported entered, with the windows in force and every time on the line', () => {
    const h = afterData(v.firmware, 100);
    const typedAt = h.clock.now();
    h.type('+++');
    h.advance(v.quiet + 10);
    expect(h.take()).toBe('a');
    h.advance(200);
    const answeredAt = h.clock.now();
    h.type('a');
    h.advance(v.okDelay + 10);
    expect(h.take()).toContain('+ok');
    const a = only(h);
    expect(a).toMatchObject({
      outcome: 'entered',
      reason: 'entered',
      uartftMs: 50,
      guardMs: 50,
      gapMaxMs: 50,
      quietMs: v.quiet,
      answerMs: 3000,
      okDelayMs: v.okDelay,
      slowEntry: v.okDelay > 0,
      idleMs: 100,
      leadingData: 0,
    });
    expect(a.previous?.byte).toBe('x'.charCodeAt(0));
    expect(a.pluses.map((p) => p.end)).toEqual([typedAt, typedAt, typedAt]);
    expect(a.aSentAt).toBe(typedAt + v.quiet);
    expect(a.hostAnswer?.end).toBe(answeredAt);
    expect(a.okSentAt).toBe(answeredAt + v.okDelay);
    expect(a.measuredMs).toBe(answeredAt - (typedAt + v.quiet));
  });

  it('+++ too soon after data fails on the guard (T1), with the silence measured', () => {
    const h = afterData(v.firmware, 30);
    h.type('+++');
    h.advance(300);
    expect(h.module.mode).toBe('net');
    expect(only(h)).toMatchObject({
      outcome: 'failed',
      reason: 'guard',
      measuredMs: 30,
      limitMs: 50,
      index: 1,
    });
  });

  it('exactly UARTFT of silence is still too soon (T1 must be longer)', () => {
    const h = afterData(v.firmware, 50);
    h.type('+++');
    h.advance(300);
    expect(only(h)).toMatchObject({ reason: 'guard', measuredMs: 50 });
  });

  it('+++ typed slowly fails on the gap before the second + (T2), as one attempt', () => {
    const h = afterData(v.firmware, 100);
    for (let i = 0; i < 3; i++) {
      h.type('+');
      h.advance(400);
    }
    expect(h.module.mode).toBe('net');
    const a = only(h);
    expect(a).toMatchObject({ outcome: 'failed', reason: 'gap', measuredMs: 400, limitMs: 50, index: 2 });
    expect(a.pluses).toHaveLength(3);
  });

  it('a late third + fails on the gap before it (T2)', () => {
    const h = afterData(v.firmware, 100);
    h.type('+');
    h.advance(20);
    h.type('+');
    h.advance(70);
    h.type('+');
    h.advance(300);
    expect(only(h)).toMatchObject({ reason: 'gap', measuredMs: 70, index: 3 });
  });

  it('two + and then silence fail as too few', () => {
    const h = afterData(v.firmware, 100);
    h.type('++');
    h.advance(300);
    expect(only(h)).toMatchObject({ outcome: 'failed', reason: 'too-few', index: 2, limitMs: 50 });
  });

  it('a fourth + during the silence before a makes the attempt data (extra)', () => {
    const h = afterData(v.firmware, 100);
    h.type('+++');
    h.advance(v.quiet - 5);
    h.type('+');
    h.advance(300);
    expect(h.take()).not.toContain('a');
    expect(only(h)).toMatchObject({ reason: 'extra', index: 4, measuredMs: v.quiet - 5, limitMs: v.quiet });
  });

  it('another byte during that silence interrupts it (T3), naming the byte', () => {
    const h = afterData(v.firmware, 100);
    h.type('+++');
    h.advance(10);
    h.type('y');
    h.advance(300);
    const a = only(h);
    expect(a).toMatchObject({ reason: 'interrupted', measuredMs: 10, limitMs: v.quiet, index: 3 });
    expect(a.interrupt?.byte).toBe('y'.charCodeAt(0));
  });

  it('no a from the host within 3 s fails on T5', () => {
    const h = afterData(v.firmware, 100);
    h.type('+++');
    h.advance(v.quiet + 10);
    expect(h.take()).toBe('a');
    h.advance(3100);
    expect(h.module.mode).toBe('net');
    expect(only(h)).toMatchObject({
      outcome: 'failed',
      reason: 'no-answer',
      measuredMs: 3000,
      limitMs: 3000,
    });
  });

  it("another byte instead of the host's a fails as a wrong answer", () => {
    const h = afterData(v.firmware, 100);
    h.type('+++');
    h.advance(v.quiet);
    expect(h.take()).toBe('a');
    h.advance(500);
    h.type('b');
    h.advance(100);
    expect(h.module.mode).toBe('net');
    const a = only(h);
    expect(a).toMatchObject({ outcome: 'failed', reason: 'wrong-answer', measuredMs: 500 });
    expect(a.hostAnswer?.byte).toBe('b'.charCodeAt(0));
  });

  it('+++ in command mode is reported as "already in command mode" when the module answers +ERR:1', () => {
    const h = afterData(v.firmware, 100);
    h.type('+++');
    h.advance(v.quiet + 10);
    h.type('a');
    h.advance(v.okDelay + 10);
    expect(h.module.mode).toBe('command');
    h.advance(200);
    h.take();
    const typedAt = h.clock.now();
    h.type('+++');
    h.advance(v.quiet + 10);
    expect(h.take()).toContain('+ERR:1');
    const a = attempts(h).at(-1) as PlusAttempt;
    expect(a).toMatchObject({ outcome: 'failed', reason: 'command-mode', decidedAt: typedAt + v.quiet });
    expect(a.pluses).toHaveLength(3);
  });

  it('a stray + before a good +++ is counted as data and the attempt still enters', () => {
    const h = afterData(v.firmware, 100);
    h.type('+');
    h.advance(200);
    h.type('+++');
    h.advance(v.quiet + 10);
    h.type('a');
    h.advance(v.okDelay + 10);
    expect(h.module.mode).toBe('command');
    expect(only(h)).toMatchObject({ outcome: 'entered', leadingData: 1 });
    expect(only(h).pluses).toHaveLength(4);
  });
});

describe('plus-attempt events stay out of the way', () => {
  it('trying again after a failed +++ is a new attempt; the second one enters', () => {
    const h = afterData([], 20);
    h.type('+++');
    h.advance(500);
    h.type('+++');
    h.advance(40);
    h.type('a');
    h.advance(10);
    expect(h.module.mode).toBe('command');
    expect(attempts(h).map((a) => [a.reason, a.pluses.length])).toEqual([
      ['guard', 3],
      ['entered', 3],
    ]);
  });

  it('a + inside ordinary data is no attempt (AT+VER typed in the working mode)', () => {
    const h = afterData([], 100);
    h.type('AT+VER');
    h.advance(300);
    expect(attempts(h)).toEqual([]);
  });

  it('the windows follow a longer UARTFT: a +++ 600 ms after data fails against UARTFT 1000', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.command('AT+UARTFT=1000');
    h.command('AT+Z');
    h.advance(5000);
    h.take();
    h.type('x');
    h.advance(600);
    h.type('+++');
    h.advance(2000);
    const all = attempts(h);
    expect(all.at(-1)).toMatchObject({ reason: 'guard', measuredMs: 600, limitMs: 1000, uartftMs: 1000 });
  });

  it('an attempt the module was waiting on when it restarted is reported as such', () => {
    const h = afterData([], 100);
    h.type('+++');
    h.advance(40);
    h.module.restart('app');
    expect(only(h)).toMatchObject({ outcome: 'failed', reason: 'restarted' });
  });

  it('with wire timing on, each + carries its own wire time at 9600 baud', () => {
    const line = { baud: 9600, dataBits: 8, stopBits: 1, parity: 'NONE' } as const;
    const h = new Harness({ wireTiming: true });
    h.enterCommandMode();
    h.command('AT+UART=9600,8,1,NONE,NFC');
    h.command('AT+Z');
    h.line = line;
    h.advance(5000);
    h.take();
    h.type('+++');
    h.advance(100);
    h.type('a');
    h.advance(100);
    const a = attempts(h).at(-1) as PlusAttempt;
    expect(a.outcome).toBe('entered');
    const charMs = 10_000 / 9600;
    for (const p of a.pluses) expect(p.end - p.start).toBeCloseTo(charMs, 6);
    expect((a.pluses[2] as { end: number }).end - (a.pluses[0] as { start: number }).start).toBeCloseTo(
      3 * charMs,
      6,
    );
  });
});
