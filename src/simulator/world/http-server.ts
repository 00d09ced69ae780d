import type { HttpRequestRecord, HttpResponseSpec } from '../core/control';

export const DEFAULT_HTTP_RESPONSE: HttpResponseSpec = {
  status: 200,
  reason: 'OK',
  headers: [
    ['Content-Type', 'text/plain; charset=utf-8'],
    ['Server', 'usr-virtual-http'],
  ],
  body: 'Hello from the virtual HTTP server',
};

const encoder = new TextEncoder();

/** Builds the bytes of an HTTP/1.1 response for a spec (Content-Length added when missing). */
export function encodeResponse(spec: HttpResponseSpec): Uint8Array {
  const body = typeof spec.body === 'string' ? encoder.encode(spec.body) : spec.body;
  const headers = [...(spec.headers ?? [])];
  if (!headers.some(([k]) => k.toLowerCase() === 'content-length'))
    headers.push(['Content-Length', String(body.length)]);
  const head =
    `HTTP/1.1 ${spec.status} ${spec.reason ?? reasonPhrase(spec.status)}\r\n` +
    headers.map(([k, v]) => `${k}: ${v}\r\n`).join('') +
    '\r\n';
  const h = encoder.encode(head);
  const out = new Uint8Array(h.length + body.length);
  out.set(h);
  out.set(body, h.length);
  return out;
}

function reasonPhrase(status: number): string {
  const known: Record<number, string> = {
    200: 'OK',
    201: 'Created',
    204: 'No Content',
    301: 'Moved Permanently',
    302: 'Found',
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    500: 'Internal Server Error',
    503: 'Service Unavailable',
  };
  return known[status] ?? 'Status';
}

/** Splits raw request bytes into a record (best effort: the module builds well-formed requests). */
export function parseRequest(at: number, host: string, port: number, raw: Uint8Array): HttpRequestRecord {
  let headEnd = -1;
  for (let i = 0; i + 3 < raw.length; i++) {
    if (raw[i] === 13 && raw[i + 1] === 10 && raw[i + 2] === 13 && raw[i + 3] === 10) {
      headEnd = i;
      break;
    }
  }
  const headBytes = headEnd < 0 ? raw : raw.subarray(0, headEnd);
  const body = headEnd < 0 ? new Uint8Array(0) : raw.slice(headEnd + 4);
  const lines = new TextDecoder().decode(headBytes).split('\r\n');
  const [method = '', target = ''] = (lines[0] ?? '').split(' ');
  const headers: [string, string][] = [];
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return { at, method, target, host, port, headers, body, raw };
}

/** The virtual HTTP server of HTTPD mode: records every request, answers with the configured response. */
export class VirtualHttpServer {
  response: HttpResponseSpec = DEFAULT_HTTP_RESPONSE;
  readonly requests: HttpRequestRecord[] = [];

  record(request: HttpRequestRecord): void {
    this.requests.push(request);
    if (this.requests.length > 1000) this.requests.shift();
  }
}
