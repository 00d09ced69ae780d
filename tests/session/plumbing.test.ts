/**
 * The session's plumbing on a scripted fake port: one command in flight, timeouts, cancellation, the reader
 * loop's ownership of the reader, unsolicited bytes kept apart from answers.
 */
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/clock/virtual-clock';
import { AtSession } from '../../src/session/session';
import type { SessionState } from '../../src/session/state';
import { FakePort } from './fake-port';
import { UART_115200 } from './sim-setup';

/**
 * A fake module in command mode: echo off, answers `+++` with +ERR:1 (it is no command there), `AT` at once
 * and queries after `delay` ms.
 */
function commandModeModule(values: Record<string, string>, delay = 1) {
  return (written: string, port: FakePort): void => {
    if (written === '+++') return port.pushLater(1, '\r\n+ERR:1\r\n');
    const m = /^AT(?:\+([A-Z]+))?(\?)?\r$/.exec(written);
    if (!m) return;
    const name = m[1];
    if (name === undefined) return port.pushLater(1, '\r\nOK\r\n');
    const value = values[name];
    port.pushLater(delay, value === undefined ? '\r\n+ERR:2\r\n' : `\r\n+${name}:${value}\r\n\r\nOK\r\n`);
  };
}

async function openOn(port: FakePort, clock: VirtualClock): Promise<AtSession> {
  // The device's UARTFT is known (factory 50): reply budgets are not stretched for an unknown one.
  const session = new AtSession({ clock, uartft: 50 });
  await clock.run(session.open(port, UART_115200));
  await clock.run(session.detect());
  return session;
}

describe('one command in flight (the queue)', () => {
  it('sends the second command only after the first one has its answer', async () => {
    const clock = new VirtualClock();
    const port = new FakePort(clock, commandModeModule({ WKMOD: 'NET', UARTFT: '50' }, 10));
    const session = await openOn(port, clock);
    port.written.length = 0;
    const a = session.readAll({ names: ['WKMOD'] });
    const b = session.readAll({ names: ['UARTFT'] });
    await clock.advance(5);
    expect(port.written).toEqual(['AT+WKMOD?\r']);
    const [ra, rb] = await clock.run(Promise.all([a, b]));
    expect(port.written).toEqual(['AT+WKMOD?\r', 'AT+UARTFT?\r']);
    expect(ra.values).toEqual({ WKMOD: 'NET' });
    expect(rb.values).toEqual({ UARTFT: '50' });
  });

  it('a failed command does not break the chain for the next one', async () => {
    const clock = new VirtualClock();
    const port = new FakePort(clock, commandModeModule({ WKMOD: 'NET' }));
    const session = await openOn(port, clock);
    const bad = session.raw('AT+NOPE');
    const good = session.readAll({ names: ['WKMOD'] });
    const [badReply, goodResult] = await clock.run(Promise.all([bad, good]));
    expect(badReply?.status).toBe('error');
    expect(goodResult.values).toEqual({ WKMOD: 'NET' });
    expect(session.state.kind).toBe('command-mode');
  });

  it('a command without an answer times out, and its late answer is not taken for the next command', async () => {
    const clock = new VirtualClock();
    let late = true;
    const port = new FakePort(clock, (w, p) => {
      if (w === 'AT+WKMOD?\r' && late) {
        late = false;
        p.pushLater(1500, '\r\n+WKMOD:HTTPD\r\n\r\nOK\r\n');
        return;
      }
      commandModeModule({ WKMOD: 'NET' })(w, p);
    });
    const session = await openOn(port, clock);
    const result = await clock.run(session.readAll({ names: ['WKMOD'] }));
    // The first answer came after the timeout: the retry's answer is the one read, never the late one.
    // The late answer disagrees with the retry's (a setting does not change by itself): the line is
    // suspect, so the value is confirmed by three agreeing answers.
    expect(result.values).toEqual({ WKMOD: 'NET' });
    expect(port.written.filter((w) => w === 'AT+WKMOD?\r')).toHaveLength(4);
  });

  it('aborting cancels the command in flight and skips queued ones; the session stays usable', async () => {
    const clock = new VirtualClock();
    const port = new FakePort(clock, commandModeModule({ WKMOD: 'NET' }, 500));
    const session = await openOn(port, clock);
    const controller = new AbortController();
    const first = session.readAll({ names: ['WKMOD'], signal: controller.signal });
    const queued = session.identify({ signal: controller.signal }).catch((e: unknown) => e);
    await clock.advance(100);
    controller.abort();
    const r = await clock.run(first);
    expect(r.error?.code).toBe('aborted');
    expect(await clock.run(queued)).toMatchObject({ code: 'aborted' });
    expect(session.state.kind).toBe('command-mode');
    const again = await clock.run(session.readAll({ names: ['WKMOD'] }));
    expect(again.values).toEqual({ WKMOD: 'NET' });
  });
});

describe('the reader loop', () => {
  it('close() cancels the reader, waits for it and closes the port', async () => {
    const clock = new VirtualClock();
    const port = new FakePort(clock, commandModeModule({}));
    const session = await openOn(port, clock);
    expect(port.readable?.locked).toBe(true);
    await clock.run(session.close());
    expect(port.closes).toBe(1);
    expect(port.readable).toBeNull();
    expect(session.state).toEqual({ kind: 'disconnected' });
  });

  it('a pulled cable ends the loop and is reported as a failed, disconnected state', async () => {
    const clock = new VirtualClock();
    const port = new FakePort(clock, commandModeModule({}));
    const session = await openOn(port, clock);
    const states: SessionState[] = [];
    session.subscribe((s) => states.push(s));
    port.unplug();
    await clock.advance(1);
    expect(session.state).toMatchObject({ kind: 'failed', connected: false, error: { code: 'port' } });
    const after = await clock.run(session.readAll({ names: ['WKMOD'] }).catch((e: unknown) => e));
    expect(after).toMatchObject({ code: 'port' });
  });

  it('a recoverable read error (framing, break) does not end the session: reading goes on', async () => {
    const clock = new VirtualClock();
    const port = new FakePort(clock, commandModeModule({ WKMOD: 'NET' }));
    const session = await openOn(port, clock);
    port.readError();
    await clock.advance(1);
    expect(session.state.kind).toBe('command-mode');
    const result = await clock.run(session.readAll({ names: ['WKMOD'] }));
    expect(result.values).toEqual({ WKMOD: 'NET' });
    expect(
      session.log
        .entries()
        .some((e) => e.dir === 'note' && /read error/.test(new TextDecoder().decode(e.bytes))),
    ).toBe(true);
  });

  it('close() during a command ends it with "closed" and leaves the session disconnected', async () => {
    const clock = new VirtualClock();
    const port = new FakePort(clock, () => undefined);
    const session = new AtSession({ clock });
    await clock.run(session.open(port, UART_115200));
    const pending = session.raw('AT').catch((e: unknown) => e);
    await clock.advance(10);
    await clock.run(session.close());
    expect(await pending).toMatchObject({ code: 'closed' });
    expect(session.state).toEqual({ kind: 'disconnected' });
  });
});

describe('answers and unsolicited bytes', () => {
  it('bytes nobody asked for go to onUnsolicited and never into an answer', async () => {
    const clock = new VirtualClock();
    const port = new FakePort(clock, commandModeModule({ WKMOD: 'NET' }));
    const session = await openOn(port, clock);
    const seen: string[] = [];
    session.onUnsolicited((b) => seen.push(new TextDecoder().decode(b)));
    port.push('\r\n+WKMOD:HTTPD\r\n\r\nOK\r\n');
    await clock.advance(5);
    const result = await clock.run(session.readAll({ names: ['WKMOD'] }));
    expect(result.values).toEqual({ WKMOD: 'NET' });
    expect(seen.join('')).toBe('\r\n+WKMOD:HTTPD\r\n\r\nOK\r\n');
  });

  it('reads the same answer with echo on and off, and with a blank after the colon (tolerate)', async () => {
    const clock = new VirtualClock();
    const port = new FakePort(clock, (w, p) => {
      if (w === 'AT\r') p.push('\r\nOK\r\n');
      if (w === 'AT+ICCID?\r') p.push(`${w}\r\n+ICCID: 89860000000000000001\r\n\r\nOK\r\n`);
      else if (w === 'AT+VER?\r') p.push('\r\n+VER:V1.0.6\r\n\r\nOK\r\n');
      else p.push('\r\n+ERR:2\r\n');
    });
    const session = await openOn(port, clock);
    const id = await clock.run(session.identify());
    expect(id.iccid).toBe('89860000000000000001');
    expect(id.version).toBe('V1.0.6');
    expect(id.errors.SN?.atError?.code).toBe(2);
  });

  it('every byte is logged with its clock time and direction', async () => {
    const clock = new VirtualClock();
    const port = new FakePort(clock, commandModeModule({ WKMOD: 'NET' }, 7));
    const session = await openOn(port, clock);
    await clock.run(session.readAll({ names: ['WKMOD'] }));
    const io = session.log.entries().filter((e) => e.dir !== 'note');
    const last = io.slice(-2);
    expect(last.map((e) => e.dir)).toEqual(['tx', 'rx']);
    expect((last[1]?.at ?? 0) - (last[0]?.at ?? 0)).toBe(7);
  });
});
