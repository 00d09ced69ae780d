/**
 * Serial line settings: the value of `AT+UART` (manual 3.1.7.20), the line the RFC2217-like frame sets
 * (2.2.3), and the options a host opens its port with. One shape for all three, so the simulator can compare
 * the host's port options with the module's UART and produce garbage on a mismatch, as a real line does.
 */

/** Table 2 (2.2.1) and 3.1.7.20: the baud rates the module's UART runs at. */
export const BAUD_RATES: readonly number[] = [
  300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400,
];

/** 5 and 6 exist only inside RFC2217-like frames (table 4); the module's UART does 7 and 8 (table 2). */
export type DataBits = 5 | 6 | 7 | 8;
export type StopBits = 1 | 2;
/** MARK exists only inside RFC2217-like frames (table 4); `AT+UART` takes NONE, ODD, EVEN. */
export type Parity = 'NONE' | 'ODD' | 'EVEN' | 'MARK';

export interface UartSettings {
  readonly baud: number;
  readonly dataBits: DataBits;
  readonly stopBits: StopBits;
  readonly parity: Parity;
  /**
   * The fifth field of `AT+UART`; the manual allows only `NFC` (no flow control). Absent means NFC too:
   * RFC2217-like frames do not carry it. It does not change the line, so `sameLineSettings` ignores it.
   */
  readonly flowControl?: 'NFC';
}

/**
 * The options of Web Serial's `SerialPort.open()`, as a plain object (no DOM types here). Web Serial knows
 * data bits 7/8, stop bits 1/2, parity none/even/odd and flow control none/hardware.
 */
export interface SerialLineOptions {
  readonly baudRate: number;
  readonly dataBits: 7 | 8;
  readonly stopBits: 1 | 2;
  readonly parity: 'none' | 'even' | 'odd';
  readonly flowControl: 'none';
}

/** True when `AT+UART` could hold these settings (table 2 / 3.1.7.20): listed baud, 7/8 bits, no MARK. */
export function isModuleUart(s: UartSettings): boolean {
  return (
    BAUD_RATES.includes(s.baud) &&
    (s.dataBits === 7 || s.dataBits === 8) &&
    (s.stopBits === 1 || s.stopBits === 2) &&
    (s.parity === 'NONE' || s.parity === 'ODD' || s.parity === 'EVEN')
  );
}

/**
 * Reads the value of `AT+UART` (`115200,8,1,NONE,NFC`). Tolerates blanks around fields, lower case and a
 * missing fifth field; anything the module's UART cannot be set to gives `undefined`.
 */
export function parseUartValue(value: string): UartSettings | undefined {
  const fields = value.split(',').map((f) => f.trim());
  if (fields.length !== 4 && fields.length !== 5) return undefined;
  const [baudText = '', dataText = '', stopText = '', parityText = '', flowText = 'NFC'] = fields;
  if (!/^\d+$/.test(baudText) || !/^\d$/.test(dataText) || !/^\d$/.test(stopText)) return undefined;
  const baud = Number(baudText);
  const dataBits = Number(dataText);
  const stopBits = Number(stopText);
  const parity = parityText.toUpperCase();
  if (flowText.toUpperCase() !== 'NFC') return undefined;
  if (!BAUD_RATES.includes(baud)) return undefined;
  if (dataBits !== 7 && dataBits !== 8) return undefined;
  if (stopBits !== 1 && stopBits !== 2) return undefined;
  if (parity !== 'NONE' && parity !== 'ODD' && parity !== 'EVEN') return undefined;
  return { baud, dataBits, stopBits, parity, flowControl: 'NFC' };
}

/** The canonical `AT+UART` value: `115200,8,1,NONE,NFC` (the flow-control field is always NFC). */
export function formatUartValue(s: UartSettings): string {
  return `${s.baud},${s.dataBits},${s.stopBits},${s.parity},NFC`;
}

/**
 * The Web Serial open options for a host talking to a module set to `s`, or `undefined` when Web Serial
 * cannot open such a line (5/6 data bits, MARK parity).
 */
export function uartToSerialOptions(s: UartSettings): SerialLineOptions | undefined {
  if (s.dataBits !== 7 && s.dataBits !== 8) return undefined;
  if (s.parity === 'MARK') return undefined;
  const parity = s.parity === 'NONE' ? 'none' : s.parity === 'ODD' ? 'odd' : 'even';
  return { baudRate: s.baud, dataBits: s.dataBits, stopBits: s.stopBits, parity, flowControl: 'none' };
}

/** Bits on the wire per character: start bit + data bits + parity bit (if any) + stop bits. */
export function bitsPerCharacter(s: UartSettings): number {
  return 1 + s.dataBits + (s.parity === 'NONE' ? 0 : 1) + s.stopBits;
}

/** True when two ends would understand each other: same baud, data bits, stop bits and parity. */
export function sameLineSettings(a: UartSettings, b: UartSettings): boolean {
  return a.baud === b.baud && a.dataBits === b.dataBits && a.stopBits === b.stopBits && a.parity === b.parity;
}
