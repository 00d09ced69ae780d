/**
 * The software DTU's trace (`npm run sim -- --trace FILE`): one JSON object per line, written as things
 * happen at the TCP end, with wall-clock times in ms since the epoch (sub-ms, comparable with a browser's
 * `performance.timeOrigin + performance.now()` on the same machine).
 *
 * - `in`: bytes from the host as they arrived on the TCP connection, with the module's mode and running
 *   UARTFT at that moment (what a `+++` guard is measured against);
 * - `out`: bytes the module sent to the host, as written to the connection;
 * - `server`: a packet the module sent to a socket's server (tag `data` = serial data forwarded to it);
 * - `line`: the host line the DTU uses now (`--follow-tty`, `--line`, or the module's UART);
 * - `client`: a client connected, disconnected, or was dropped through the control port;
 * - `mode`: the module's mode changed; `mark`: a label written through the control port.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

export type TraceEntry =
  | {
      readonly t: number;
      readonly dir: 'in';
      readonly hex: string;
      readonly n: number;
      readonly mode: string;
      readonly uartft: number;
    }
  | { readonly t: number; readonly dir: 'out'; readonly hex: string; readonly n: number }
  | {
      readonly t: number;
      readonly dir: 'server';
      readonly socket: string;
      readonly tag: string;
      readonly hex: string;
      readonly n: number;
    }
  | {
      readonly t: number;
      readonly dir: 'line';
      readonly line: string | null;
      readonly source: 'tty' | 'fixed' | 'module' | 'closed';
    }
  | {
      readonly t: number;
      readonly dir: 'client';
      readonly event: 'connect' | 'disconnect' | 'dropped' | 'refused';
      readonly peer: string;
    }
  | { readonly t: number; readonly dir: 'mode'; readonly mode: string }
  | { readonly t: number; readonly dir: 'mark'; readonly label: string };

/** Something trace entries can be written to. */
export interface TraceSink {
  write(entry: TraceEntry): void;
  close(): void;
}

/** Wall-clock ms since the epoch with µs resolution, on the monotonic scale of this process. */
export function traceNow(): number {
  return Math.round((performance.timeOrigin + performance.now()) * 1000) / 1000;
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** A trace file (created or truncated), written line by line as entries come (nothing is buffered). */
export function openTraceFile(path: string): TraceSink {
  let fd: number | undefined = openSync(path, 'w');
  return {
    write(entry) {
      if (fd !== undefined) writeSync(fd, `${JSON.stringify(entry)}\n`);
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}
