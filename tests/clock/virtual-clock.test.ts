import { describe, expect, it } from 'vitest';
import { sleep } from '../../src/clock/clock';
import { VirtualClock } from '../../src/clock/virtual-clock';

describe('VirtualClock', () => {
  it('fires timers in time order, same-instant timers in the order they were set', () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    clock.setTimer(20, () => fired.push('b@20'));
    clock.setTimer(10, () => fired.push('a@10'));
    clock.setTimer(20, () => fired.push('c@20'));
    clock.advanceSync(19);
    expect(fired).toEqual(['a@10']);
    clock.advanceSync(1);
    expect(fired).toEqual(['a@10', 'b@20', 'c@20']);
    expect(clock.now()).toBe(20);
  });

  it('does not fire a cancelled timer', () => {
    const clock = new VirtualClock();
    let fired = false;
    clock.setTimer(5, () => (fired = true)).cancel();
    clock.advanceSync(10);
    expect(fired).toBe(false);
    expect(clock.pending).toBe(0);
  });

  it('runs a timer set by a timer within the same advance when it falls due', () => {
    const clock = new VirtualClock();
    const at: number[] = [];
    clock.setTimer(5, () => clock.setTimer(5, () => at.push(clock.now())));
    clock.advanceSync(10);
    expect(at).toEqual([10]);
  });

  it('lets async code see time pass: sleep resolves only after its delay', async () => {
    const clock = new VirtualClock();
    let done = false;
    void sleep(clock, 100).then(() => (done = true));
    await clock.advance(99);
    expect(done).toBe(false);
    await clock.advance(1);
    expect(done).toBe(true);
  });

  it('sleep rejects with the abort reason when aborted', async () => {
    const clock = new VirtualClock();
    const ac = new AbortController();
    const p = sleep(clock, 100, ac.signal);
    ac.abort(new Error('stopped by the person'));
    await expect(p).rejects.toThrow('stopped by the person');
    expect(clock.pending).toBe(0);
  });

  it('run() drives chained sleeps to completion and reports a hang', async () => {
    const clock = new VirtualClock();
    const work = async (): Promise<number> => {
      await sleep(clock, 1000);
      await sleep(clock, 2000);
      return clock.now();
    };
    await expect(clock.run(work())).resolves.toBe(3000);
    await expect(clock.run(new Promise(() => undefined))).rejects.toThrow(/hang/);
  });
});
