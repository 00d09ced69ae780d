/**
 * Remote payloads applied to the simulated module through its virtual phone (SMS AT, 3.1.5) and a virtual
 * server (network AT, 3.1.4), on the virtual clock: the module's stored and running settings change, each
 * payload is answered, and the read-back verifies them — with the new password after a CMDPW change.
 */
import { describe, expect, it } from 'vitest';
import { planRemote } from '../../src/profile/remote/remote-plan';
import { sendByNetwork, sendBySms, type SendReport } from '../../src/ui/remote/sim-send';
import { Harness } from '../simulator/harness';

const FACTORY = { password: 'usr.cn', uartfl: 1024, socket: 'A' } as const;

function run(h: Harness, send: (deps: Parameters<typeof sendBySms>[1]) => Promise<SendReport>) {
  const updates: SendReport[] = [];
  const done = send({ sim: h.module, clock: h.clock, onUpdate: (r) => updates.push(r) });
  return { updates, done: h.clock.run(done) };
}

describe('SMS through the virtual phone', () => {
  it('a profile as SMS payloads is applied, answered OK one by one, restarted by AT+Z and read back', async () => {
    const h = new Harness();
    const plan = planRemote({ HEARTTM: '90', HTPTO: '25' }, FACTORY);
    const { updates, done } = run(h, (deps) => sendBySms(plan, deps));
    const report = await done;
    expect(report.outcome).toBe('verified');
    expect(report.payloads.map((p) => [p.command, p.state, p.answer])).toEqual([
      ['AT+HEARTTM=90', 'ok', 'OK'],
      ['AT+HTPTO=25', 'ok', 'OK'],
      ['AT+Z', 'ok', 'OK'],
    ]);
    expect(report.readBack.map((r) => [r.name, r.state, r.value])).toEqual([
      ['HEARTTM', 'same', '90'],
      ['HTPTO', 'same', '25'],
    ]);
    expect(h.module.running).toMatchObject({ HEARTTM: '90', HTPTO: '25' });
    // One SMS at a time: the second left the phone only after the module answered the first.
    const fromPhone = h.world.phone.sent.map((s) => s.text);
    expect(fromPhone.slice(0, 3)).toEqual(['usr.cnAT+HEARTTM=90', 'usr.cnAT+HTPTO=25', 'usr.cnAT+Z']);
    const sent = h.world.phone.sent;
    const answers = h.eventsOf('sms-out');
    expect((sent[1]?.at ?? 0) >= (answers[0]?.at ?? Infinity)).toBe(true);
    // The restart came from the SMS.
    expect(h.eventsOf('restart').some((e) => e.kind === 'app')).toBe(true);
    expect(updates.some((u) => u.payloads[0]?.state === 'sending')).toBe(true);
  });

  it('a new command password: the payloads use the old one, the read-back after AT+Z the new one', async () => {
    const h = new Harness();
    const plan = planRemote({ CMDPW: 'n3w.pw', HEARTTM: '45' }, FACTORY);
    const report = await run(h, (deps) => sendBySms(plan, deps)).done;
    expect(report.outcome).toBe('verified');
    expect(h.module.running['CMDPW']).toBe('n3w.pw');
    const texts = h.world.phone.sent.map((s) => s.text);
    expect(texts.slice(0, 3).every((t) => t.startsWith('usr.cnAT+'))).toBe(true);
    expect(texts.slice(3).every((t) => t.startsWith('n3w.pwAT+'))).toBe(true);
  });

  it('a wrong current password is never answered: the run stops at the first SMS and nothing else is sent', async () => {
    const h = new Harness();
    const plan = planRemote({ HEARTTM: '90' }, { ...FACTORY, password: 'wrong' });
    const report = await run(h, (deps) => sendBySms(plan, deps)).done;
    expect(report.outcome).toBe('stopped');
    expect(report.payloads.map((p) => p.state)).toEqual(['no-answer', 'not-sent']);
    expect(h.world.phone.sent).toHaveLength(1);
    expect(h.module.stored['HEARTTM']).toBe('30');
  });
});

describe('why one command per SMS', () => {
  it('an SMS holding two commands is no password-AT line: neither is applied nor answered', () => {
    const h = new Harness();
    h.module.control({ type: 'phone-send', text: 'usr.cnAT+HEARTTM=90\rusr.cnAT+HTPTO=25' });
    h.advance(10_000);
    expect(h.eventsOf('sms-in')).toHaveLength(1);
    expect(h.eventsOf('sms-out')).toHaveLength(0);
    expect(h.module.stored).toMatchObject({ HEARTTM: '30', HTPTO: '10' });
  });
});

describe('network AT from a virtual server', () => {
  it('the lines from server A are applied, the module reconnects after AT+Z and the values read back', async () => {
    const h = new Harness();
    const plan = planRemote({ HEARTTM: '120', SOCKBTO: '9' }, FACTORY);
    const report = await run(h, (deps) => sendByNetwork(plan, 'A', deps)).done;
    expect(report.outcome).toBe('verified');
    expect(report.payloads.map((p) => [p.command, p.state])).toEqual([
      ['AT+SOCKBTO=9', 'ok'], // editor order: sockets before the heartbeat
      ['AT+HEARTTM=120', 'ok'],
      ['AT+Z', 'ok'],
    ]);
    expect(h.module.running).toMatchObject({ HEARTTM: '120', SOCKBTO: '9' });
    // The answers went back to the server on socket A, tagged as AT answers.
    expect(h.eventsOf('socket-tx').filter((e) => e.socket === 'A' && e.tag === 'at-reply').length).toBe(5);
  });

  it('a socket with no connection sends nothing', async () => {
    const h = new Harness();
    const plan = planRemote({ HEARTTM: '120' }, FACTORY);
    const report = await run(h, (deps) => sendByNetwork(plan, 'B', deps)).done;
    expect(report.outcome).toBe('not-connected');
    expect(report.payloads.every((p) => p.state === 'not-sent')).toBe(true);
    expect(h.module.stored['HEARTTM']).toBe('30');
  });

  it('a value the module refuses stops the run before AT+Z', async () => {
    const h = new Harness();
    // A line the module refuses (a value out of range, as from a stale tool): the set is answered +ERR.
    const plan = planRemote({ HEARTTM: '120' }, FACTORY);
    const bad = {
      ...plan,
      network: plan.network.map((p, i) => (i === 0 ? { ...p, line: 'usr.cnAT+HEARTTM=0\r' } : p)),
    };
    const report = await run(h, (deps) => sendByNetwork(bad, 'A', deps)).done;
    expect(report.outcome).toBe('stopped');
    expect(report.payloads.map((p) => p.state)).toEqual(['refused', 'not-sent']);
    expect(report.payloads[0]?.answer).toMatch(/ERR/);
    expect(h.eventsOf('restart').filter((e) => e.kind === 'app')).toHaveLength(0);
  });
});
