/**
 * More NET-mode behaviours: UDP sockets, heartbeats on several sockets, short connections against a
 * refusing server, the uart event of RFC2217 (2.2.3), and the SimulatedModule shortcuts.
 */
import { describe, expect, it } from 'vitest';
import { bytes, Harness, OK, text } from './harness';

function configured(commands: readonly string[]): Harness {
  const h = new Harness();
  h.enterCommandMode();
  for (const c of commands) expect(h.command(c), c).toBe(OK);
  h.command('AT+Z');
  h.advance(4000);
  h.take();
  return h;
}

describe('more sockets', () => {
  it('UDP client: datagrams to the server and back (3.1.7.25 protocol UDP)', () => {
    const h = configured(['AT+SOCKA=UDP,192.168.1.10,5000']);
    expect(h.module.linkState('A')).toBe('connected');
    h.type('dgram');
    h.advance(200);
    expect(text(h.server('A').receivedBytes())).toBe('dgram');
    expect(h.take()).toBe('dgram');
  });

  it('a refusing UDP server loses the datagrams; the link stays up', () => {
    const h = configured(['AT+SOCKA=UDP,192.168.1.10,5000']);
    h.module.setServerBehaviour('A', 'refuse');
    h.type('lost');
    h.advance(200);
    expect(h.server('A').received).toEqual([]);
    expect(h.module.linkState('A')).toBe('connected');
  });

  it('HEARTSND=NET sends to every connected socket (2.3.2)', () => {
    const h = configured(['AT+SOCKBEN=ON', 'AT+SOCKCEN=ON', 'AT+HEARTTM=5']);
    h.advance(6000);
    for (const s of ['A', 'B', 'C'] as const) {
      expect(h.server(s).received.filter((p) => p.tag === 'heartbeat').length, s).toBe(1);
    }
    expect(h.server('D').received).toEqual([]);
  });

  it('short connection refused: data waits in the cache and is sent once the server accepts', () => {
    const h = configured(['AT+SOCKASL=SHORT', 'AT+SOCKATO=2']);
    h.module.setServerBehaviour('A', 'refuse');
    h.type('later');
    h.advance(500);
    expect(h.module.linkState('A')).toBe('waiting');
    h.module.setServerBehaviour('A', 'silent');
    h.advance(2500);
    expect(h.module.linkState('A')).toBe('connected');
    expect(text(h.server('A').receivedBytes())).toBe('later');
  });

  it('the uart event reports the start UART and an RFC2217 change (2.2.3)', () => {
    const h = configured(['AT+RFCEN=ON']);
    expect(h.eventsOf('uart').at(-1)).toMatchObject({ reason: 'start', uart: { baud: 115200 } });
    expect(h.module.serverSend('A', Uint8Array.of(0x55, 0xaa, 0x55, 0x01, 0xc2, 0x00, 0x03, 0xc6))).toBe(
      true,
    );
    h.advance(100);
    expect(h.eventsOf('uart').at(-1)).toMatchObject({
      reason: 'rfc2217',
      uart: { baud: 115200, parity: 'NONE' },
    });
  });

  it('shortcuts: dropLink, setRadio, phoneSend, setHttpResponse behave like their commands', () => {
    const h = new Harness();
    expect(h.module.dropLink('A')).toBe(true);
    expect(h.module.dropLink('A')).toBe(false);
    h.module.setRadio({ network: '2G', rssi: -90 });
    expect(h.module.leds.net).toBe(2);
    h.module.phoneSend('usr.cnAT');
    h.advance(5000);
    expect(h.world.phone.inbox.map((m) => m.text)).toEqual(['OK']);
    h.module.setHttpResponse({ status: 201, body: 'x' });
    expect(h.world.http.response.status).toBe(201);
    expect(h.module.serverSend('C', bytes('x'))).toBe(false);
  });
});

describe('float clock times', () => {
  it('far from time 0 (10 days of virtual time, wire timing on) frames, heartbeats and entry still work', () => {
    const h = new Harness({ wireTiming: true, boot: false });
    h.advance(864_000_000.123);
    h.module.control({ type: 'power-cycle', offMs: 333.3 });
    h.advance(30_000.07);
    h.take();
    h.type('abc');
    h.advance(200.01);
    expect(h.take()).toBe('abc');
    h.advance(30_100);
    expect(h.server('A').received.some((p) => p.tag === 'heartbeat')).toBe(true);
    h.enterCommandMode();
    expect(h.command('AT')).toBe(OK);
  });
});
