/**
 * Devices that answer, but not as a USR-LTE-7S4 would (issue "A module that streams, spams or lies…"): one
 * that answers OK to everything, one that answers each query with another command's answer, one that only
 * echoes. Each ends, within a bounded time, in one clear message, and the port is closed so nothing more is
 * sent to it. Line noise on a real module is never mistaken for this (faults.test.ts: 1 % loss).
 */
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/clock/virtual-clock';
import { AtSession } from '../../src/session/session';
import { FakePort } from './fake-port';
import { UART_115200 } from './sim-setup';

async function openOn(port: FakePort, clock: VirtualClock): Promise<AtSession> {
  const session = new AtSession({ clock, uartft: 50 });
  await clock.run(session.open(port, UART_115200));
  return session;
}

const written = (port: FakePort): number => port.written.length;

describe('a device that does not behave like a USR-LTE-7S4', () => {
  it('one that answers OK to everything is named as such and the port is closed', async () => {
    const clock = new VirtualClock();
    const port = new FakePort(clock, (_w, p) => p.pushLater(2, '\r\nOK\r\n'));
    const session = await openOn(port, clock);
    const start = clock.now();
    const error = await clock.run(session.identify().catch((e: unknown) => e));
    expect(error).toMatchObject({ code: 'not-a-7s4' });
    expect((error as { text: { en: string } }).text.en).toMatch(
      /^This does not behave like a USR-LTE-7S4: it answered AT\+VER\? with OK and no value/,
    );
    expect((error as { text: { zh: string } }).text.zh).toMatch(/^该设备的行为不像 USR-LTE-7S4：/);
    expect(clock.now() - start).toBeLessThan(5000);
    expect(session.state).toMatchObject({ kind: 'failed', connected: false, error: { code: 'not-a-7s4' } });
    expect(port.closes).toBe(1);
    expect(port.readable).toBeNull();
    const sent = written(port);
    await expect(clock.run(session.identify())).rejects.toMatchObject({ code: 'closed' });
    expect(written(port)).toBe(sent);
  });

  it("one that answers each query with another command's answer is not believed", async () => {
    const clock = new VirtualClock();
    const answers = ['+SN:01201812010000012345', '+IMEI:868323023456780', '+VER:V1.0.6'];
    let n = 0;
    const port = new FakePort(clock, (w, p) => {
      if (w === '+++') return p.pushLater(2, '\r\n+ERR:1\r\n');
      const m = /^AT\+([A-Z]+)\?\r$/.exec(w);
      if (!m) return p.pushLater(2, '\r\nOK\r\n');
      // Never the one asked for: the next one of the list that is not it.
      let reply = answers[n++ % answers.length] ?? '';
      if (reply.startsWith(`+${m[1] ?? ''}:`)) reply = answers[n++ % answers.length] ?? '';
      p.pushLater(2, `\r\n${reply}\r\n\r\nOK\r\n`);
    });
    const session = await openOn(port, clock);
    const error = await clock.run(session.identify().catch((e: unknown) => e));
    expect(error).toMatchObject({ code: 'not-a-7s4' });
    expect((error as { text: { en: string } }).text.en).toContain('the answer of another command');
    expect(session.state).toMatchObject({ kind: 'failed', connected: false });
  });

  it('one that only echoes what it receives is named as a loopback, after the +++ ladder and one CR', async () => {
    const clock = new VirtualClock();
    const port = new FakePort(clock, (w, p) => p.pushLater(1, w));
    const session = await openOn(port, clock);
    const start = clock.now();
    const error = await clock.run(session.enterCommandMode().catch((e: unknown) => e));
    expect(error).toMatchObject({ code: 'not-a-7s4' });
    expect((error as { text: { en: string } }).text.en).toContain('sends back exactly what it receives');
    expect(clock.now() - start).toBeLessThan(15_000);
    // Nothing but +++ and one bare CR was ever sent: no AT to a device that might be forwarding it.
    expect(port.written.every((w) => w === '+++' || w === '\r')).toBe(true);
    expect(port.closes).toBe(1);
    expect(port.readable).toBeNull();
  });

  it('a loopback found by Detect automatically is named at the first rate, not after every rate', async () => {
    const clock = new VirtualClock();
    const port = new FakePort(clock, (w, p) => p.pushLater(1, w));
    const session = await openOn(port, clock);
    const start = clock.now();
    const error = await clock.run(session.findBaudRate().catch((e: unknown) => e));
    expect(error).toMatchObject({ code: 'not-a-7s4' });
    expect(clock.now() - start).toBeLessThan(3000);
    expect(port.opens).toBe(1);
  });
});
