/**
 * HTTPD client mode (manual 2.1.2, 3.1.7.60–65): each serial frame becomes one HTTP request to HTPSV; the
 * answer (only its body when HTPFLT=ON) goes back to the serial side. Requests are made one at a time; frames
 * that arrive meanwhile wait their turn.
 *
 * Decisions (docs/simulator.md): GET appends the frame to HTPURL as it is (no URL encoding); POST sends it
 * as the body with a Content-Length. A request over 1000 bytes (the serial buffer, 2.1.2) is not sent.
 * Failures are reported on the serial side as one line each: `+HTTPD:TIMEOUT`, `+HTTPD:TOO LONG`,
 * `+HTTPD:CONNECT FAIL`.
 */
import { concatBytes } from '../../protocol/bytes';
import type { VirtualWorld } from '../world/world';
import type { RunningConfig } from './config';
import { HTTPD_MAX_REQUEST } from './timings';
import type { TimerGroup } from './timers';

export const HTTPD_TIMEOUT_TEXT = '\r\n+HTTPD:TIMEOUT\r\n';
export const HTTPD_TOO_LONG_TEXT = '\r\n+HTTPD:TOO LONG\r\n';
export const HTTPD_CONNECT_FAIL_TEXT = '\r\n+HTTPD:CONNECT FAIL\r\n';

const encoder = new TextEncoder();

export function buildHttpRequest(cfg: RunningConfig['httpd'], data: Uint8Array): Uint8Array {
  const hostHeader = cfg.port === 80 ? cfg.host : `${cfg.host}:${cfg.port}`;
  const parts: Uint8Array[] = [];
  if (cfg.method === 'GET') {
    parts.push(
      encoder.encode('GET '),
      cfg.url,
      data,
      encoder.encode(` HTTP/1.1\r\nHost: ${hostHeader}\r\n`),
      cfg.headers,
      encoder.encode('\r\n'),
    );
  } else {
    parts.push(
      encoder.encode('POST '),
      cfg.url,
      encoder.encode(` HTTP/1.1\r\nHost: ${hostHeader}\r\n`),
      cfg.headers,
      encoder.encode(`Content-Length: ${data.length}\r\n\r\n`),
      data,
    );
  }
  return concatBytes(parts);
}

/** The body of an HTTP response (after the blank line), or everything when there is none. */
export function responseBody(bytes: Uint8Array): Uint8Array {
  for (let i = 0; i + 3 < bytes.length; i++) {
    if (bytes[i] === 13 && bytes[i + 1] === 10 && bytes[i + 2] === 13 && bytes[i + 3] === 10)
      return bytes.subarray(i + 4);
  }
  return bytes;
}

export class HttpdClient {
  private readonly queue: Uint8Array[] = [];
  private busy = false;
  private current: { cancel(): void } | undefined;

  constructor(
    private readonly group: TimerGroup,
    private readonly world: VirtualWorld,
    private readonly cfg: RunningConfig['httpd'],
    /** Bytes for the serial side. */
    private readonly toSerial: (bytes: Uint8Array) => void,
    /** Network data arrived (RSTIM watchdog). */
    private readonly networkActivity: () => void,
  ) {}

  /** The firmware stops: the request under way is forgotten. */
  stop(): void {
    this.current?.cancel();
    this.current = undefined;
    this.queue.length = 0;
  }

  request(frame: Uint8Array): void {
    this.queue.push(frame);
    if (!this.busy) this.next();
  }

  private next(): void {
    const frame = this.queue.shift();
    if (!frame) {
      this.busy = false;
      return;
    }
    const raw = buildHttpRequest(this.cfg, frame);
    if (raw.length > HTTPD_MAX_REQUEST) {
      this.toSerial(encoder.encode(HTTPD_TOO_LONG_TEXT));
      this.next();
      return;
    }
    this.busy = true;
    let done = false;
    const finish = (bytes: Uint8Array): void => {
      if (done) return;
      done = true;
      timeout.cancel();
      pending.cancel();
      this.current = undefined;
      this.toSerial(bytes);
      this.next();
    };
    const timeout = this.group.after(this.cfg.timeoutMs, () => finish(encoder.encode(HTTPD_TIMEOUT_TEXT)));
    const pending = this.world.httpRequest(
      this.cfg.host,
      this.cfg.port,
      raw,
      (response) => {
        this.networkActivity();
        finish(this.cfg.filterHeaders ? responseBody(response).slice() : response);
      },
      () => finish(encoder.encode(HTTPD_CONNECT_FAIL_TEXT)),
    );
    this.current = {
      cancel: () => {
        done = true;
        timeout.cancel();
        pending.cancel();
      },
    };
  }
}
