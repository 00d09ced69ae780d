import { describe, expect, it } from 'vitest';
import { SingleFlight } from '../../src/session/queue';

describe('single flight', () => {
  it('runs one job at a time in order, and a failure does not break the chain', async () => {
    const q = new SingleFlight();
    const order: string[] = [];
    const job =
      (name: string, fail = false) =>
      async () => {
        order.push(`start ${name}`);
        await Promise.resolve();
        order.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([q.run(job('a')), q.run(job('b', true)), q.run(job('c'))]);
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(q.pending).toBe(0);
  });

  it('skips a queued job whose signal was aborted before its turn', async () => {
    const q = new SingleFlight();
    const c = new AbortController();
    let ran = false;
    const first = q.run(async () => {
      c.abort();
    });
    const second = q.run(async () => {
      ran = true;
    }, c.signal);
    await first;
    await expect(second).rejects.toMatchObject({ name: 'AbortError' });
    expect(ran).toBe(false);
  });
});
