/**
 * The software DTU's control port (`npm run sim -- --control HOST:PORT`): a second TCP listener for test
 * harnesses, one JSON command per line, one JSON answer per line. It drives the host (which tty to follow,
 * pulling the cable, marks in the trace) and reports the module's state; the serial line itself stays on
 * the main port.
 *
 *   {"cmd":"status"}                       → {"ok":true,"connected":…,"hostLine":"115200 8N1","mode":"net",
 *                                             "uart":"115200 8N1","running":{…},"stored":{…}}
 *   {"cmd":"follow-tty","path":"/dev/pts/3"} follow that tty's termios until the current client leaves
 *   {"cmd":"follow-tty","path":null}        stop following
 *   {"cmd":"drop-client"}                  cut the client's connection (a pulled cable) → {"ok":true,"dropped":true}
 *   {"cmd":"mark","label":"apply"}         a `mark` entry in the trace
 *   {"cmd":"sim","command":{"type":"set-server-behaviour","socket":"A","behaviour":"silent"}}
 *                                          a control command of the module without bytes (control.ts)
 *   {"cmd":"sim","command":{"type":"set-firmware","selection":["worst-case"]}}
 *                                          → {"ok":true,"firmware":["worst-case"]} (the selection in force, as
 *                                             the `firmware` event says), or ok:false naming unknown variants
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { UartSettings } from '../../protocol/uart';
import type { SimCommand } from '../core/control';
import { normaliseFirmwareSelection } from '../core/variants';
import type { TcpHost } from './tcp-host';

export interface ControlPort {
  readonly address: AddressInfo;
  close(): Promise<void>;
}

function lineText(line: UartSettings): string {
  return `${line.baud} ${line.dataBits}${line.parity.charAt(0)}${line.stopBits}`;
}

/** Answers one command (exported for tests). */
/** The module's control commands that carry no bytes, so plain JSON can express them. */
const PLAIN_SIM_COMMANDS: readonly string[] = [
  'set-server-behaviour',
  'drop-link',
  'set-radio',
  'power-cycle',
  'set-power',
  'press-reload',
  'reset-demo',
  'phone-send',
  'set-unknown-hosts',
  'set-firmware',
  'swap-module',
];

export function answerControl(host: TcpHost, command: unknown): Record<string, unknown> {
  if (typeof command !== 'object' || command === null || !('cmd' in command)) {
    return { ok: false, error: 'a command is a JSON object with "cmd"' };
  }
  const c = command as { cmd: unknown; path?: unknown; label?: unknown; command?: unknown };
  switch (c.cmd) {
    case 'status': {
      const m = host.module;
      return {
        ok: true,
        connected: host.connected,
        hostLine: lineText(host.hostLine),
        mode: m.mode,
        uart: lineText(m.uart),
        running: { ...m.running },
        stored: { ...m.stored },
        firmware: [...m.firmwareSelection],
      };
    }
    case 'follow-tty':
      if (c.path !== null && typeof c.path !== 'string') {
        return { ok: false, error: '"path" is a tty path or null' };
      }
      host.follow(c.path ?? undefined, { forClient: true });
      return { ok: true };
    case 'drop-client':
      return { ok: true, dropped: host.dropClient() };
    case 'mark':
      host.mark(String(c.label ?? ''));
      return { ok: true };
    case 'sim': {
      const type = (c.command as { type?: unknown } | undefined)?.type;
      if (typeof type !== 'string' || !PLAIN_SIM_COMMANDS.includes(type)) {
        return { ok: false, error: `"command" is one of ${PLAIN_SIM_COMMANDS.join(', ')} (control.ts)` };
      }
      if (type === 'set-firmware') return setFirmware(host, c.command as { selection?: unknown });
      host.module.control(c.command as SimCommand);
      return { ok: true };
    }
    default:
      return { ok: false, error: `unknown command ${JSON.stringify(c.cmd)}` };
  }
}

/**
 * `set-firmware` answered like the module's `firmware` event: the selection in force, or the error that
 * left the firmware unchanged (a harness must not go on believing the module runs a variant it does not).
 */
function setFirmware(host: TcpHost, command: { selection?: unknown }): Record<string, unknown> {
  const selection = command.selection;
  if (!Array.isArray(selection) || !selection.every((n) => typeof n === 'string')) {
    return { ok: false, error: '"selection" is a list of firmware variant names (core/variants.ts)' };
  }
  try {
    normaliseFirmwareSelection(selection);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  host.module.control({ type: 'set-firmware', selection });
  return { ok: true, firmware: [...host.module.firmwareSelection] };
}

export async function startControlPort(host: TcpHost, address: string, port: number): Promise<ControlPort> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.setEncoding('utf8');
    let buffer = '';
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const text = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (text === '') continue;
        let answer: Record<string, unknown>;
        try {
          answer = answerControl(host, JSON.parse(text));
        } catch (e) {
          answer = { ok: false, error: e instanceof Error ? e.message : String(e) };
        }
        socket.write(`${JSON.stringify(answer)}\n`);
      }
    });
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    address: server.address() as AddressInfo,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
