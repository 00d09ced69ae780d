import { createSocket } from 'node:dgram';
import { lookup } from 'node:dns';
import { connect as tcpConnect } from 'node:net';
import type { SocketId } from '../core/control';
import {
  VirtualWorld,
  type ConnectResult,
  type ConnectTarget,
  type ModuleSideHandlers,
} from '../world/world';

type Cancel = { cancel(): void };

function failureReason(error: NodeJS.ErrnoException): 'dns' | 'refused' {
  return error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN' ? 'dns' : 'refused';
}

/**
 * The world of `npm run sim -- --real-network`: sockets A–D open real TCP/UDP connections to the
 * addresses they are set to, and HTTPD mode sends real HTTP requests. Radio, phone and SMS stay virtual
 * (there is no real SIM). Only the Node host uses it; the browser keeps the virtual world.
 */
export class RealNetworkWorld extends VirtualWorld {
  override connect(
    _socket: SocketId,
    target: ConnectTarget,
    handlers: ModuleSideHandlers,
    done: (r: ConnectResult) => void,
  ): Cancel {
    if (this.radio.current.network === 'none') {
      const t = this.clock.setTimer(0, () => done({ ok: false, reason: 'no-network' }));
      return { cancel: () => t.cancel() };
    }
    return target.protocol === 'TCP'
      ? this.connectTcp(target, handlers, done)
      : this.connectUdp(target, handlers, done);
  }

  private connectTcp(
    target: ConnectTarget,
    handlers: ModuleSideHandlers,
    done: (r: ConnectResult) => void,
  ): Cancel {
    let settled = false;
    let closed = false;
    const s = tcpConnect({ host: target.host, port: target.port });
    s.setNoDelay(true);
    s.once('connect', () => {
      settled = true;
      done({
        ok: true,
        link: {
          protocol: 'TCP',
          send: (bytes) => {
            if (!closed) s.write(bytes);
          },
          close: () => {
            closed = true;
            s.destroy();
          },
        },
      });
    });
    s.on('data', (b: Buffer) => {
      if (!closed) handlers.onData(new Uint8Array(b));
    });
    s.on('error', (e: NodeJS.ErrnoException) => {
      if (!settled) {
        settled = true;
        closed = true;
        done({ ok: false, reason: failureReason(e) });
      }
    });
    s.on('close', () => {
      if (settled && !closed) {
        closed = true;
        handlers.onClose();
      }
    });
    return {
      cancel: () => {
        settled = true;
        closed = true;
        s.destroy();
      },
    };
  }

  private connectUdp(
    target: ConnectTarget,
    handlers: ModuleSideHandlers,
    done: (r: ConnectResult) => void,
  ): Cancel {
    let cancelled = false;
    lookup(target.host, { family: 4 }, (error, address) => {
      if (cancelled) return;
      if (error) return done({ ok: false, reason: 'dns' });
      const s = createSocket('udp4');
      let closed = false;
      s.on('message', (msg) => {
        if (!closed) handlers.onData(new Uint8Array(msg));
      });
      s.on('error', () => {
        if (!closed) {
          closed = true;
          s.close();
          handlers.onClose();
        }
      });
      s.connect(target.port, address, () => {
        if (cancelled) return s.close();
        done({
          ok: true,
          link: {
            protocol: 'UDP',
            send: (bytes) => {
              if (!closed) s.send(bytes);
            },
            close: () => {
              if (closed) return;
              closed = true;
              s.close();
            },
          },
        });
      });
    });
    return {
      cancel: () => {
        cancelled = true;
      },
    };
  }

  override httpRequest(
    host: string,
    port: number,
    raw: Uint8Array,
    respond: (bytes: Uint8Array) => void,
    fail: (reason: 'dns' | 'no-network') => void,
  ): Cancel {
    if (this.radio.current.network === 'none') {
      const t = this.clock.setTimer(0, () => fail('no-network'));
      return { cancel: () => t.cancel() };
    }
    // The module's HTPTO timer bounds the wait; here we only collect what the server sends until it closes.
    const chunks: Buffer[] = [];
    let active = true;
    const s = tcpConnect({ host, port }, () => s.write(raw));
    s.on('data', (b: Buffer) => chunks.push(b));
    s.on('error', () => {
      if (active && chunks.length === 0) {
        active = false;
        // Unresolvable and refusing hosts end alike: the module prints CONNECT FAIL (docs/simulator.md).
        fail('dns');
      }
    });
    s.on('end', () => {
      if (active) {
        active = false;
        respond(new Uint8Array(Buffer.concat(chunks)));
      }
    });
    return {
      cancel: () => {
        active = false;
        s.destroy();
      },
    };
  }
}
