/**
 * `npm run sim -- --listen 127.0.0.1:7000`: the simulated USR-LTE-7S4 as a software DTU on a raw TCP port.
 * Point any serial tool at it (e.g. `socat pty,raw,echo=0,link=/tmp/ttyDTU tcp:127.0.0.1:7000`).
 */
import { realClock } from '../../clock/clock';
import { parseUartValue } from '../../protocol/uart';
import type { SimEvent } from '../core/control';
import { describeFirmware } from '../core/variants';
import { HELP, parseCliArgs, type CliArgs } from './cli-args';
import { startControlPort, type ControlPort } from './control-port';
import { RealNetworkWorld } from './real-network-world';
import { startTcpHost } from './tcp-host';
import { openTraceFile, type TraceSink } from './trace';

function parseArgs(argv: string[]): CliArgs {
  const parsed = parseCliArgs(argv);
  if (parsed.kind === 'help') {
    console.log(HELP);
    process.exit(0);
  }
  if (parsed.kind === 'error') {
    console.error(parsed.message);
    process.exit(2);
  }
  return parsed.args;
}

function describe(e: SimEvent): string | undefined {
  switch (e.type) {
    case 'mode':
      return `mode ${e.mode}`;
    case 'link':
      return `socket ${e.socket} ${e.state}${e.reason ? ` (${e.reason})` : ''}`;
    case 'socket-tx':
      return `socket ${e.socket} → server ${e.bytes.length} bytes (${e.tag})`;
    case 'socket-rx':
      return `socket ${e.socket} ← server ${e.bytes.length} bytes (${e.tag})`;
    case 'restart':
      return `${e.kind} restart ${e.phase}`;
    case 'sms-out':
      return `SMS to ${e.to}: ${e.text}`;
    case 'http-request':
      return `HTTP ${e.request.method} ${e.request.target}`;
    case 'firmware':
      return e.error ?? `firmware ${describeFirmware(e.selection).en}`;
    default:
      return undefined;
  }
}

const args = parseArgs(process.argv.slice(2));
const match = /^(.+):(\d+)$/.exec(args.listen);
if (!match) {
  console.error(`--listen wants HOST:PORT, got "${args.listen}"`);
  process.exit(2);
}
const controlMatch = args.control === undefined ? undefined : /^(.+):(\d+)$/.exec(args.control);
if (args.control !== undefined && !controlMatch) {
  console.error(`--control wants HOST:PORT, got "${args.control}"`);
  process.exit(2);
}
const hostLine = args.line === undefined ? undefined : parseUartValue(args.line);
if (args.line !== undefined && !hostLine) {
  console.error(`--line wants baud,data,stop,parity as AT+UART takes them, got "${args.line}"`);
  process.exit(2);
}

let trace: TraceSink | undefined;
try {
  trace = args.trace === undefined ? undefined : openTraceFile(args.trace);
} catch (e) {
  console.error(`--trace: cannot write ${args.trace}: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
}

const host = await startTcpHost({
  host: match[1] ?? '127.0.0.1',
  port: Number(match[2]),
  wireTiming: args.timing,
  hostLine,
  ...(args.followTty !== undefined ? { followTty: args.followTty } : {}),
  ...(trace ? { trace } : {}),
  moduleOptions: {
    ...(args.realNetwork ? { world: new RealNetworkWorld({ clock: realClock }) } : {}),
    firmware: args.firmware,
  },
  log: (line) => console.log(`[sim] ${line}`),
});
if (!args.quiet) {
  host.module.onEvent((e) => {
    const text = describe(e);
    if (text) console.log(`[sim] ${text}`);
  });
}
let control: ControlPort | undefined;
if (controlMatch) {
  control = await startControlPort(host, controlMatch[1] ?? '127.0.0.1', Number(controlMatch[2]));
  console.log(`[sim] control port listening on ${control.address.address}:${control.address.port}`);
}
console.log(
  `[sim] USR-LTE-7S4 simulator listening on ${host.address.address}:${host.address.port} ` +
    `(wire timing ${args.timing ? 'on' : 'off'}, ${args.realNetwork ? 'real network' : 'virtual world'}, ` +
    `firmware: ${describeFirmware(args.firmware).en}` +
    `${args.followTty !== undefined ? `, line follows ${args.followTty}` : ''}` +
    `${args.trace !== undefined ? `, trace ${args.trace}` : ''}). Ctrl+C to stop.`,
);
const stop = (): void => {
  setTimeout(() => process.exit(0), 2000).unref();
  void Promise.all([host.close(), control?.close()]).then(() => {
    trace?.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
