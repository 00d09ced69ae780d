/**
 * `npm run sim -- --listen 127.0.0.1:7000`: the simulated USR-LTE-7S4 as a software DTU on a raw TCP port.
 * Point any serial tool at it (e.g. `socat pty,raw,echo=0,link=/tmp/ttyDTU tcp:127.0.0.1:7000`).
 */
import { realClock } from '../../clock/clock';
import { parseUartValue } from '../../protocol/uart';
import type { SimEvent } from '../core/control';
import { RealNetworkWorld } from './real-network-world';
import { startTcpHost } from './tcp-host';

const HELP = `Usage: npm run sim -- [options]
  --listen HOST:PORT   where to listen (default 127.0.0.1:7000)
  --no-timing          deliver bytes at once instead of at the UART's wire rate
  --line B,D,S,P       the client side's serial settings, e.g. 9600,8,1,NONE (default: match the module)
  --real-network       sockets A–D connect to the real addresses they are set to; HTTPD sends real
                       HTTP requests (default: the virtual world's echo servers)
  --quiet              do not print module events
  --help               this text`;

interface CliArgs {
  listen: string;
  timing: boolean;
  line?: string;
  quiet: boolean;
  realNetwork: boolean;
}

function parseArgs(argv: string[]): CliArgs {
  const out: CliArgs = {
    listen: '127.0.0.1:7000',
    timing: true,
    line: undefined,
    quiet: false,
    realNetwork: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--listen') out.listen = argv[++i] ?? '';
    else if (a === '--no-timing') out.timing = false;
    else if (a === '--line') out.line = argv[++i];
    else if (a === '--quiet') out.quiet = true;
    else if (a === '--real-network') out.realNetwork = true;
    else if (a === '--help' || a === '-h') {
      console.log(HELP);
      process.exit(0);
    } else {
      console.error(`unknown option ${a}\n${HELP}`);
      process.exit(2);
    }
  }
  return out;
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
const hostLine = args.line === undefined ? undefined : parseUartValue(args.line);
if (args.line !== undefined && !hostLine) {
  console.error(`--line wants baud,data,stop,parity as AT+UART takes them, got "${args.line}"`);
  process.exit(2);
}

const host = await startTcpHost({
  host: match[1] ?? '127.0.0.1',
  port: Number(match[2]),
  wireTiming: args.timing,
  hostLine,
  moduleOptions: args.realNetwork ? { world: new RealNetworkWorld({ clock: realClock }) } : {},
  log: (line) => console.log(`[sim] ${line}`),
});
if (!args.quiet) {
  host.module.onEvent((e) => {
    const text = describe(e);
    if (text) console.log(`[sim] ${text}`);
  });
}
console.log(
  `[sim] USR-LTE-7S4 simulator listening on ${host.address.address}:${host.address.port} ` +
    `(wire timing ${args.timing ? 'on' : 'off'}, ${args.realNetwork ? 'real network' : 'virtual world'}). Ctrl+C to stop.`,
);
process.on('SIGINT', () => {
  void host.close().then(() => process.exit(0));
});
