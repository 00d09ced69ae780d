/**
 * NET mode: UART framing (2.2.2), the four sockets (2.1.1, 3.1.7.25–50), cache, registration (2.3.1),
 * heartbeat (2.3.2), SOCKIND, socket distribution protocol (2.3.4), RFC2217-like frames (2.2.3).
 */
import { describe, expect, it } from 'vitest';
import { encodeRfc2217 } from '../../src/protocol/rfc2217';
import { encodeHostFrame, encodeModuleFrame, encodeStatusMessage, SDP_ERROR } from '../../src/protocol/sdp';
import { SOCKET_CACHE_BYTES } from '../../src/simulator/core';
import { bytes, Harness, HOST_LINE, info, OK, text } from './harness';

/** A harness whose stored settings were changed in command mode and applied with AT+Z. */
function configured(commands: readonly string[], options = {}): Harness {
  const h = new Harness(options);
  h.enterCommandMode();
  for (const c of commands) expect(h.command(c), c).toBe(OK);
  h.command('AT+Z');
  h.advance(4000);
  h.take();
  return h;
}

const packets = (
  h: Harness,
  socket: 'A' | 'B' | 'C' | 'D' = 'A',
  tag: 'data' | 'registration' | 'heartbeat' = 'data',
) =>
  h
    .server(socket)
    .received.filter((p) => p.tag === tag)
    .map((p) => text(p.bytes));

describe('UART framing (2.2.2)', () => {
  it('bytes closer than UARTFT form one frame; a gap of UARTFT ends it (2.2.2.1)', () => {
    const h = new Harness();
    h.type('ab');
    h.advance(49);
    h.type('cd');
    h.advance(50);
    h.type('ef');
    h.advance(200);
    expect(packets(h)).toEqual(['abcd', 'ef']);
  });

  it('the frame leaves UARTFT after the last byte (2.2.2.1)', () => {
    const h = new Harness();
    h.type('x');
    h.advance(49);
    expect(h.eventsOf('socket-tx').filter((e) => e.tag === 'data')).toHaveLength(0);
    h.advance(1);
    expect(h.eventsOf('socket-tx').filter((e) => e.tag === 'data')).toHaveLength(1);
  });

  it('UARTFL cuts frames by length (2.2.2.2)', () => {
    const h = configured(['AT+UARTFL=10']);
    h.type('0123456789abcdefghijKLMNO');
    h.advance(200);
    expect(packets(h)).toEqual(['0123456789', 'abcdefghij', 'KLMNO']);
  });

  it('frames are at most 1024 bytes (2.2.2.1)', () => {
    const h = new Harness();
    h.write(new Uint8Array(3000).fill(0x41));
    h.advance(200);
    expect(h.server('A').received.map((p) => p.bytes.length)).toEqual([1024, 1024, 952]);
  });

  it('a long UARTFT joins slow typing into one packet (2.2.2.1, AT+UARTFT=200)', () => {
    const h = configured(['AT+UARTFT=200']);
    for (const c of 'slow') {
      h.type(c);
      h.advance(150);
    }
    h.advance(300);
    expect(packets(h)).toEqual(['slow']);
  });
});

describe('sockets (2.1.1)', () => {
  it('frames go to every enabled, connected socket; each server answers on its own link', () => {
    const h = configured(['AT+SOCKBEN=ON', 'AT+SOCKB=UDP,10.0.0.2,9000', 'AT+SOCKDEN=ON']);
    expect(h.module.linkState('B')).toBe('connected');
    expect(h.module.linkState('C')).toBe('disabled');
    h.type('ping');
    h.advance(300);
    expect(packets(h, 'A')).toEqual(['ping']);
    expect(packets(h, 'B')).toEqual(['ping']);
    expect(packets(h, 'C')).toEqual([]);
    expect(packets(h, 'D')).toEqual(['ping']);
    expect(h.take()).toBe('pingpingping');
  });

  it('network data goes to the serial side', () => {
    const h = new Harness();
    h.module.control({ type: 'server-send', socket: 'A', bytes: bytes('from server\x00\xff') });
    h.advance(100);
    expect(h.take()).toBe('from server\x00\xff');
    expect(h.eventsOf('socket-rx')[0]).toMatchObject({ socket: 'A', tag: 'data' });
  });

  it('SOCKIND=ON marks network data with its socket: "A:" (3.1.7.49, docs/simulator.md)', () => {
    const h = configured(['AT+SOCKIND=ON', 'AT+SOCKBEN=ON']);
    h.module.control({ type: 'server-send', socket: 'B', bytes: bytes('hi') });
    h.module.control({ type: 'server-send', socket: 'A', bytes: bytes('yo') });
    h.advance(100);
    expect(h.take()).toBe('B:hiA:yo');
  });

  it('network data that arrives in command mode is not passed to the host', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.module.control({ type: 'server-send', socket: 'A', bytes: bytes('lost') });
    h.advance(100);
    expect(h.take()).toBe('');
  });

  it('a dropped link reconnects after SOCKATO seconds (3.1.7.41)', () => {
    const h = configured(['AT+SOCKATO=7']);
    h.module.control({ type: 'drop-link', socket: 'A' });
    expect(h.module.linkState('A')).toBe('waiting');
    expect(h.eventsOf('link').at(-1)).toMatchObject({ socket: 'A', state: 'waiting', reason: 'dropped' });
    h.advance(6900);
    expect(h.module.linkState('A')).toBe('waiting');
    h.advance(300);
    expect(h.module.linkState('A')).toBe('connected');
    expect(h.server('A').connections).toBe(3);
  });

  it('a refused connection is retried every SOCKxTO until the server accepts', () => {
    const h = new Harness({ boot: false });
    h.module.control({ type: 'set-server-behaviour', socket: 'A', behaviour: 'refuse' });
    h.boot();
    expect(h.module.linkState('A')).toBe('waiting');
    expect(h.eventsOf('link').some((e) => e.reason === 'refused')).toBe(true);
    h.module.control({ type: 'set-server-behaviour', socket: 'A', behaviour: 'echo' });
    h.advance(5200);
    expect(h.module.linkState('A')).toBe('connected');
  });

  it('an address that does not resolve fails (reason dns) and is retried', () => {
    const h = configured(['AT+SOCKA=TCP,nowhere.invalid,1234']);
    expect(h.module.linkState('A')).toBe('waiting');
    expect(h.eventsOf('link').some((e) => e.reason === 'dns')).toBe(true);
    h.module.control({ type: 'set-unknown-hosts', hosts: ['test.usr.cn'] });
    expect(h.world.dns.resolves('test.usr.cn')).toBe(false);
  });

  it('short connection: connects when serial data comes, sends it, closes after SHORATO idle (3.1.7.33, 3.1.7.45)', () => {
    const h = configured(['AT+SOCKASL=SHORT', 'AT+SHORATO=3']);
    expect(h.module.linkState('A')).toBe('idle');
    h.type('burst');
    h.advance(300);
    expect(h.module.linkState('A')).toBe('connected');
    expect(packets(h)).toEqual(['burst']);
    expect(h.take()).toBe('burst');
    h.advance(2500);
    expect(h.module.linkState('A')).toBe('connected');
    h.advance(600);
    expect(h.module.linkState('A')).toBe('idle');
    expect(h.module.leds.linkA).toBe(false);
  });

  it('the 10 KB cache keeps data while the link is down and sends it on reconnect; the oldest bytes go first', () => {
    const h = new Harness();
    h.module.control({ type: 'set-server-behaviour', socket: 'A', behaviour: 'refuse' });
    h.module.control({ type: 'drop-link', socket: 'A' });
    const data = new Uint8Array(12 * 1024);
    for (let i = 0; i < data.length; i++) data[i] = i & 0xff;
    h.write(data);
    h.advance(200);
    expect(h.module.snapshot().cache.A).toEqual({ bytes: SOCKET_CACHE_BYTES, dropped: 2048 });
    expect(h.eventsOf('cache-drop').at(-1)).toMatchObject({ socket: 'A', dropped: 2048 });
    h.module.control({ type: 'set-server-behaviour', socket: 'A', behaviour: 'silent' });
    h.advance(6000);
    expect(h.module.linkState('A')).toBe('connected');
    const got = h.server('A').receivedBytes();
    expect(got).toEqual(data.subarray(2048));
  });

  it('radio lost: links go to no-network, NET LED off; radio back: they reconnect', () => {
    const h = new Harness();
    h.module.control({ type: 'set-radio', network: 'none', rssi: -120 });
    expect(h.module.linkState('A')).toBe('no-network');
    expect(h.module.leds.net).toBe(0);
    h.module.control({ type: 'set-radio', network: '3G', rssi: -80 });
    h.advance(6000);
    expect(h.module.linkState('A')).toBe('connected');
    expect(h.module.leds.net).toBe(3);
  });
});

describe('registration packets (2.3.1)', () => {
  it('REGSND=LINK: sent once on every connection', () => {
    const h = configured(['AT+REGEN=ON', 'AT+REGTP=IMEI']);
    expect(packets(h, 'A', 'registration')).toEqual(['868323023456780']);
    h.type('d1');
    h.advance(200);
    h.module.control({ type: 'drop-link', socket: 'A' });
    h.advance(6000);
    expect(packets(h, 'A', 'registration')).toEqual(['868323023456780', '868323023456780']);
    expect(packets(h)).toEqual(['d1']);
  });

  it('REGSND=DATA: the registration bytes start every packet, none on connect', () => {
    const h = configured(['AT+REGEN=ON', 'AT+REGTP=ICCID', 'AT+REGSND=DATA']);
    expect(packets(h, 'A', 'registration')).toEqual([]);
    h.type('one');
    h.advance(100);
    h.type('two');
    h.advance(100);
    expect(packets(h)).toEqual(['89860117851012345678one', '89860117851012345678two']);
  });

  it('REGTP=USER sends the REGDT bytes; D2DID sends nothing (module-behaviour.md)', () => {
    const h = configured(['AT+REGEN=ON', 'AT+REGDT=00FF41']);
    expect(h.server('A').received.find((p) => p.tag === 'registration')?.bytes).toEqual(
      Uint8Array.of(0, 255, 0x41),
    );
    const d = configured(['AT+REGEN=ON', 'AT+REGTP=D2DID']);
    expect(packets(d, 'A', 'registration')).toEqual([]);
  });
});

describe('heartbeat (2.3.2)', () => {
  it('HEARTSND=NET: sent to a connected socket idle for HEARTTM seconds, not while data flows', () => {
    const h = configured(['AT+HEARTTM=10']);
    const t0 =
      h
        .eventsOf('link')
        .filter((e) => e.socket === 'A' && e.state === 'connected')
        .at(-1)?.at ?? 0;
    h.advance(t0 + 9900 - h.clock.now());
    expect(packets(h, 'A', 'heartbeat')).toEqual([]);
    h.advance(200);
    expect(packets(h, 'A', 'heartbeat')).toEqual(['www.usr.cn']);
    for (let i = 0; i < 5; i++) {
      h.type('busy');
      h.advance(5000);
    }
    expect(packets(h, 'A', 'heartbeat')).toHaveLength(1);
    h.advance(10_100);
    expect(packets(h, 'A', 'heartbeat')).toHaveLength(2);
    const beat = h.server('A').received.find((p) => p.tag === 'heartbeat');
    expect((beat?.at ?? 0) - t0).toBeGreaterThanOrEqual(10_000);
  });

  it('HEARTEN=OFF: no heartbeat', () => {
    const h = configured(['AT+HEARTEN=OFF', 'AT+HEARTTM=5']);
    h.advance(60_000);
    expect(packets(h, 'A', 'heartbeat')).toEqual([]);
  });

  it('HEARTSND=COM: the heartbeat goes to the serial side when the network is quiet', () => {
    const h = configured(['AT+HEARTSND=COM', 'AT+HEARTTM=5', 'AT+HEARTDT=3F3F']);
    h.advance(5100);
    expect(h.take()).toBe('??');
    expect(packets(h, 'A', 'heartbeat')).toEqual([]);
    h.advance(5000);
    expect(h.take()).toBe('??');
  });
});

describe('password AT on the network (3.1.4)', () => {
  it('is answered on the socket it came from, also for a set, and not passed to serial', () => {
    const h = configured(['AT+SOCKBEN=ON']);
    h.module.control({ type: 'server-send', socket: 'B', bytes: bytes('usr.cnAT+UARTFT=100\r\n') });
    h.advance(200);
    expect(text(h.server('B').receivedBytes('at-reply' as 'data'))).toBe(OK);
    expect(h.server('A').received).toEqual([]);
    expect(h.module.stored['UARTFT']).toBe('100');
    expect(h.take()).toBe('');
  });

  it('a wrong password is ordinary data', () => {
    const h = new Harness();
    h.module.control({ type: 'server-send', socket: 'A', bytes: bytes('usr.coAT+VER\r') });
    h.advance(200);
    expect(h.take()).toBe('usr.coAT+VER\r');
  });

  it('AT+Z over the network: the OK reaches the server before the restart', () => {
    const h = new Harness();
    h.module.control({ type: 'server-send', socket: 'A', bytes: bytes('usr.cnAT+Z\r') });
    h.advance(200);
    expect(text(h.server('A').receivedBytes('at-reply' as 'data'))).toBe(OK);
    expect(h.module.mode).toBe('restarting');
  });
});

describe('password AT on serial (3.1.3)', () => {
  it('a changed CMDPW is used after restart; the old one becomes data', () => {
    const h = configured(['AT+CMDPW=abc']);
    h.type('usr.cnAT+VER\r');
    h.advance(200);
    expect(h.take()).toBe('usr.cnAT+VER\r');
    h.type('abcAT+VER\r');
    h.advance(200);
    expect(h.take()).toBe(info('VER', 'V1.0.6'));
  });

  it('password AT with an error is answered with the error code', () => {
    const h = new Harness();
    h.type('usr.cnAT+FOO\r');
    h.advance(200);
    expect(h.take()).toBe('\r\n+ERR:2\r\n');
  });
});

describe('RFC2217-like frames from the network (2.2.3, 3.1.7.23)', () => {
  it("RFCEN=ON: the manual's 9600 frame changes the running UART until restart, and is not forwarded", () => {
    const h = configured(['AT+RFCEN=ON']);
    h.module.control({
      type: 'server-send',
      socket: 'A',
      bytes: Uint8Array.of(0x55, 0xaa, 0x55, 0x00, 0x25, 0x80, 0x83, 0x28),
    });
    h.advance(100);
    expect(h.take()).toBe('');
    expect(h.module.uart).toMatchObject({ baud: 9600, dataBits: 8, stopBits: 1, parity: 'NONE' });
    expect(h.module.stored['UART']).toBe('115200,8,1,NONE,NFC');
    h.line = { ...HOST_LINE, baud: 9600 };
    h.module.control({ type: 'server-send', socket: 'A', bytes: bytes('at 9600') });
    h.advance(100);
    expect(h.take()).toBe('at 9600');
    h.enterCommandMode();
    h.command('AT+Z');
    h.advance(3000);
    expect(h.module.uart.baud).toBe(115200);
  });

  it('RFCEN=ON: a frame inside other data is cut out; the data around it is forwarded', () => {
    const h = configured(['AT+RFCEN=ON']);
    const frame = encodeRfc2217({ baud: 115200, dataBits: 7, stopBits: 2, parity: 'EVEN' });
    h.module.control({ type: 'server-send', socket: 'A', bytes: Uint8Array.from([0x31, ...frame, 0x32]) });
    h.advance(100);
    expect(h.module.uart).toMatchObject({ baud: 115200, dataBits: 7, stopBits: 2, parity: 'EVEN' });
  });

  it('RFCEN=OFF (default): the frame is ordinary data', () => {
    const h = new Harness();
    const frame = Uint8Array.of(0x55, 0xaa, 0x55, 0x01, 0xc2, 0x00, 0x83, 0x46);
    h.module.control({ type: 'server-send', socket: 'A', bytes: frame });
    h.advance(100);
    expect(h.takeBytes()).toEqual(frame);
    expect(h.module.uart.baud).toBe(115200);
  });

  it('RFCEN=ON: a frame with a bad checksum or 5 data bits is forwarded as data (module-behaviour.md)', () => {
    const h = configured(['AT+RFCEN=ON']);
    const bad = Uint8Array.of(0x55, 0xaa, 0x55, 0x00, 0x25, 0x80, 0x83, 0x29);
    const fiveBits = encodeRfc2217({ baud: 9600, dataBits: 5, stopBits: 1, parity: 'NONE' });
    h.module.control({ type: 'server-send', socket: 'A', bytes: bad });
    h.advance(100);
    expect(h.takeBytes()).toEqual(bad);
    h.module.control({ type: 'server-send', socket: 'A', bytes: fiveBits });
    h.advance(100);
    expect(h.takeBytes()).toEqual(fiveBits);
    expect(h.module.uart.baud).toBe(115200);
  });
});

describe('socket distribution protocol (2.3.4, SDPEN=ON)', () => {
  it('host frames go to the socket they name; network data comes back framed with its socket', () => {
    const h = configured(['AT+SDPEN=ON', 'AT+SOCKBEN=ON']);
    h.write(encodeHostFrame('B', bytes('to B')));
    h.advance(200);
    expect(packets(h, 'B')).toEqual(['to B']);
    expect(packets(h, 'A')).toEqual([]);
    expect(h.takeBytes()).toEqual(encodeModuleFrame('B', 0, bytes('to B')));
  });

  it('a frame with a bad checksum is answered with status 03; a disabled socket with 10', () => {
    const h = configured(['AT+SDPEN=ON']);
    const frame = encodeHostFrame('A', bytes('x'));
    frame[frame.length - 1] = (frame[frame.length - 1] ?? 0) ^ 0xff;
    h.write(frame);
    h.advance(200);
    expect(h.takeBytes()).toEqual(encodeStatusMessage('A', SDP_ERROR.checksum));
    h.write(encodeHostFrame('C', bytes('x')));
    h.advance(200);
    expect(h.takeBytes()).toEqual(encodeStatusMessage('C', SDP_ERROR.sendFailed));
  });

  it('plain bytes that are not a frame give a header error status', () => {
    const h = configured(['AT+SDPEN=ON']);
    h.type('plain');
    h.advance(200);
    expect(h.takeBytes()).toEqual(encodeStatusMessage(undefined, SDP_ERROR.header));
  });
});
