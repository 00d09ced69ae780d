/**
 * Link proof (issue "What the screen says is true"): after an apply, the app watches each enabled socket's
 * link (SOCKxLK) and says, per socket, up (and when) or down with the likeliest reason the module lets us
 * know — never "applied" alone for a server that cannot be reached.
 */
import { describe, expect, it } from 'vitest';
import { needsLinkProof } from '../../src/session/ops/link-proof';
import { simSetup } from './sim-setup';

describe('link proof after an apply (SOCKxLK 3.1.7.41, SYSINFO, CSQ)', () => {
  it('a reachable server: socket A is up, with the time it took after the restart', async () => {
    const { clock, session } = await simSetup({ session: { uartft: 50 } });
    const applied = await clock.run(session.apply({ SOCKA: 'TCP,demo.usr.cn,2318' }));
    expect(applied.ok).toBe(true);
    const proof = await clock.run(session.proveLinks());
    const a = proof.sockets.find((s) => s.socket === 'A');
    expect(a).toMatchObject({ verdict: 'up', server: 'TCP,demo.usr.cn,2318' });
    expect(a?.upAfterMs).toBeGreaterThanOrEqual(0);
    expect(proof.sockets.filter((s) => s.socket !== 'A').every((s) => s.verdict === 'disabled')).toBe(true);
  });

  it('a server that refuses: socket A is down and the module shows no other reason', async () => {
    const { clock, module, session } = await simSetup({ session: { uartft: 50 } });
    module.setServerBehaviour('A', 'refuse');
    await clock.run(session.apply({ SOCKA: 'TCP,demo.usr.cn,2318' }));
    const proof = await clock.run(session.proveLinks({ timeoutMs: 15_000 }));
    expect(proof.sockets[0]).toMatchObject({ socket: 'A', verdict: 'down', reason: 'server-unreachable' });
    expect(proof.watchedMs).toBeGreaterThanOrEqual(15_000);
    expect(proof.watchedMs).toBeLessThan(20_000);
  });

  it('a host name that does not resolve is down too (the module cannot tell why; the simulator can)', async () => {
    const { clock, session } = await simSetup({ session: { uartft: 50 } });
    await clock.run(session.apply({ SOCKA: 'TCP,nowhere.invalid,2317' }));
    const proof = await clock.run(session.proveLinks({ timeoutMs: 10_000 }));
    expect(proof.sockets[0]).toMatchObject({ verdict: 'down', reason: 'server-unreachable' });
  });

  it('no service (no network): down, and SYSINFO says so', async () => {
    const { clock, module, session } = await simSetup({ session: { uartft: 50 } });
    module.setRadio({ network: 'none', rssi: -140 });
    const proof = await clock.run(session.proveLinks({ timeoutMs: 5000 }));
    expect(proof.sockets[0]).toMatchObject({ verdict: 'down', reason: 'no-service' });
    expect(proof.sysinfo?.ok && proof.sysinfo.state).not.toBe(2);
  });

  it('a weak signal with the link down is named as the likely reason', async () => {
    const { clock, module, session } = await simSetup({ session: { uartft: 50 } });
    module.setServerBehaviour('A', 'refuse');
    module.setRadio({ network: '2G', rssi: -111 });
    await clock.run(session.apply({ SOCKA: 'TCP,demo.usr.cn,2318' }));
    const proof = await clock.run(session.proveLinks({ timeoutMs: 5000 }));
    expect(proof.sockets[0]).toMatchObject({ verdict: 'down', reason: 'weak-signal' });
  });

  it('a short-connection socket connects only when data comes: on demand, not down', async () => {
    const { clock, session } = await simSetup({ session: { uartft: 50 } });
    await clock.run(session.apply({ SOCKASL: 'SHORT' }));
    const proof = await clock.run(session.proveLinks({ timeoutMs: 5000 }));
    expect(proof.sockets[0]).toMatchObject({ verdict: 'on-demand' });
  });

  it('a socket the caller knows will stay down ends the watch early', async () => {
    const { clock, module, session } = await simSetup({ session: { uartft: 50 } });
    module.setServerBehaviour('A', 'refuse');
    const applied = await clock.run(session.apply({ SOCKA: 'TCP,demo.usr.cn,2318' }));
    const proof = await clock.run(session.proveLinks({ timeoutMs: 30_000, settled: (s) => s === 'A' }));
    expect(proof.sockets[0]).toMatchObject({ verdict: 'down' });
    expect(proof.watchedMs).toBeLessThan(5000);
    expect(applied.backAt).toBeLessThanOrEqual(proof.startedAt);
  });

  it('only changes that affect the links call for a proof', () => {
    expect(needsLinkProof(['SOCKA'])).toBe(true);
    expect(needsLinkProof(['HEARTTM'])).toBe(true);
    expect(needsLinkProof(['REGEN'])).toBe(true);
    expect(needsLinkProof(['WKMOD'])).toBe(true);
    expect(needsLinkProof(['UARTFT', 'STMSG'])).toBe(false);
  });
});
