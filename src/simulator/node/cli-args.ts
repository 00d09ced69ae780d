/**
 * Command-line arguments of `npm run sim` (cli.ts), parsed without side effects so they can be tested.
 */
import {
  FIRMWARE_PRESET_INFO,
  FIRMWARE_PRESETS,
  normaliseFirmwareSelection,
  SWITCH_PRESETS,
} from '../core/variants';

function presetLines(): string {
  const width = Math.max(...Object.keys(FIRMWARE_PRESETS).map((n) => n.length));
  return Object.keys(FIRMWARE_PRESETS)
    .map((n) => `                         ${n.padEnd(width)}  ${FIRMWARE_PRESET_INFO[n]?.label.en ?? ''}`)
    .join('\n');
}

/** Breaks a long list at blanks so it stays under ~110 columns, indented under the option text. */
function wrap(list: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of list.split(' ')) {
    if (line !== '' && line.length + word.length > 60) {
      lines.push(line);
      line = '';
    }
    line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat(25)}`);
}

export const HELP = `Usage: npm run sim -- [options]
  --listen HOST:PORT     where to listen (default 127.0.0.1:7000)
  --no-timing            deliver bytes at once instead of at the UART's wire rate
  --line B,D,S,P         the client side's serial settings, e.g. 9600,8,1,NONE (default: match the module)
  --real-network         sockets A–D connect to the real addresses they are set to; HTTPD sends real
                         HTTP requests (default: the virtual world's echo servers)
  --follow-tty PATH      the client side's serial settings follow the termios speed and format of
                         PATH (e.g. the pty socat bridges to this port), polled every 20 ms; a tty
                         at speed 0 (a new pty) is ignored. Overrides --line while PATH has a speed
  --trace FILE           write every byte chunk at the TCP end (time, direction, hex), the packets
                         sent to the servers, line and mode changes to FILE, as JSON lines
  --control HOST:PORT    a control port for test harnesses (JSON lines: status, follow-tty,
                         drop-client, mark); see src/simulator/node/control-port.ts
  --firmware A,B,…       firmware variant: presets and/or switch names, combined left to right
                         (default: as the manual says). Presets:
${presetLines()}
                         Switches (one preset each): ${wrap(Object.keys(SWITCH_PRESETS).join(', '))}
  --quiet                do not print module events
  --help                 this text`;

export interface CliArgs {
  listen: string;
  timing: boolean;
  line?: string;
  /** A tty whose termios settings are the client side's line. */
  followTty?: string;
  /** JSON-lines trace file. */
  trace?: string;
  /** HOST:PORT of the control port. */
  control?: string;
  quiet: boolean;
  realNetwork: boolean;
  /** Canonical firmware selection (preset names); `[]` = the manual's reading. */
  firmware: string[];
}

export type CliParse =
  | { readonly kind: 'run'; readonly args: CliArgs }
  | { readonly kind: 'help' }
  /** A bad command line: print `message` and exit with status 2. */
  | { readonly kind: 'error'; readonly message: string };

export function parseCliArgs(argv: readonly string[]): CliParse {
  const out: CliArgs = {
    listen: '127.0.0.1:7000',
    timing: true,
    line: undefined,
    quiet: false,
    realNetwork: false,
    firmware: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--listen') out.listen = argv[++i] ?? '';
    else if (a === '--no-timing') out.timing = false;
    else if (a === '--line') out.line = argv[++i];
    else if (a === '--follow-tty' || a === '--trace' || a === '--control') {
      const value = argv[++i];
      if (value === undefined || value === '' || value.startsWith('--')) {
        return { kind: 'error', message: `${a} wants a value\n${HELP}` };
      }
      if (a === '--follow-tty') out.followTty = value;
      else if (a === '--trace') out.trace = value;
      else out.control = value;
    } else if (a === '--quiet') out.quiet = true;
    else if (a === '--real-network') out.realNetwork = true;
    else if (a === '--firmware' || a?.startsWith('--firmware=')) {
      const value = a === '--firmware' ? argv[++i] : a.slice('--firmware='.length);
      if (value === undefined || value.trim() === '') {
        return { kind: 'error', message: '--firmware wants a comma-separated list of variant names' };
      }
      try {
        out.firmware = [...out.firmware, ...normaliseFirmwareSelection(value.split(','))];
      } catch (e) {
        return { kind: 'error', message: `--firmware: ${e instanceof Error ? e.message : String(e)}` };
      }
    } else if (a === '--help' || a === '-h') return { kind: 'help' };
    else return { kind: 'error', message: `unknown option ${a}\n${HELP}` };
  }
  return { kind: 'run', args: out };
}
