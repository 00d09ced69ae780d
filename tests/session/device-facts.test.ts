/**
 * One device model (issue "What the screen says is true"): every value the session learns about the
 * device's settings is told, with when and how — operations' reads, a terminal query, a terminal set (accepted
 * but not read back), and the moments when nothing known can be trusted any more.
 */
import { describe, expect, it } from 'vitest';
import type { DeviceFact } from '../../src/session/state';
import { simSetup } from './sim-setup';

describe('what the session learns about the device, as it happens', () => {
  it('a read-all tells every value as read, with its time', async () => {
    const { clock, session } = await simSetup({ session: { uartft: 50 } });
    const facts: DeviceFact[] = [];
    session.onFact((f) => facts.push(f));
    await clock.run(session.readAll({ names: ['HEARTTM', 'UARTFT'] }));
    expect(facts).toEqual([
      expect.objectContaining({
        kind: 'value',
        name: 'HEARTTM',
        value: '30',
        source: 'read',
        terminal: false,
      }),
      expect.objectContaining({
        kind: 'value',
        name: 'UARTFT',
        value: '50',
        source: 'read',
        terminal: false,
      }),
    ]);
  });

  it('AT+HEARTTM=90 typed in the terminal is told as accepted (not read back), AT+HEARTTM? as read', async () => {
    const { clock, session } = await simSetup({ session: { uartft: 50 } });
    const facts: DeviceFact[] = [];
    session.onFact((f) => facts.push(f));
    await clock.run(session.raw('AT+HEARTTM=90'));
    expect(facts).toEqual([
      expect.objectContaining({ kind: 'value', name: 'HEARTTM', value: '90', source: 'set', terminal: true }),
    ]);
    await clock.run(session.raw('at+hearttm?'));
    expect(facts[1]).toMatchObject({
      kind: 'value',
      name: 'HEARTTM',
      value: '90',
      source: 'read',
      terminal: true,
    });
  });

  it('a rejected terminal set tells nothing', async () => {
    const { clock, session } = await simSetup({ session: { uartft: 50 } });
    const facts: DeviceFact[] = [];
    session.onFact((f) => facts.push(f));
    const reply = await clock.run(session.raw('AT+HEARTTM=0'));
    expect(reply?.status).toBe('error');
    expect(facts).toEqual([]);
  });

  it('AT+CLEAR in the terminal makes everything known stale', async () => {
    const { clock, session } = await simSetup({ session: { uartft: 50 } });
    const facts: DeviceFact[] = [];
    session.onFact((f) => facts.push(f));
    await clock.run(session.raw('AT+CLEAR'));
    expect(facts).toEqual([expect.objectContaining({ kind: 'stale', reason: 'factory' })]);
  });

  it('AT+RELD through the management operation makes everything known stale too', async () => {
    const { clock, session } = await simSetup({ session: { uartft: 50 } });
    const facts: DeviceFact[] = [];
    session.onFact((f) => facts.push(f));
    await clock.run(session.manage('RELD'));
    expect(facts.filter((f) => f.kind === 'stale')).toEqual([expect.objectContaining({ reason: 'reload' })]);
  });

  it('password AT queries tell values too', async () => {
    const { clock, session } = await simSetup({ session: { uartft: 50 } });
    session.setAccess({ kind: 'password', password: 'usr.cn' });
    const facts: DeviceFact[] = [];
    session.onFact((f) => facts.push(f));
    await clock.run(session.raw('AT+WKMOD?'));
    expect(facts).toEqual([expect.objectContaining({ name: 'WKMOD', value: 'NET', source: 'read' })]);
  });
});
