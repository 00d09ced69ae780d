/**
 * Which line settings "Detect automatically" starts from, and which baud rates it tries first: the rate
 * last used with this device, the rate of the profile in play, then 115200 (factory) and 9600 (the usual
 * meter rate); the session tries the rest of the manual's rates after those. Every wrong rate costs a
 * `+++` attempt whose bytes, in working mode, reach the server as noise, so the likely ones go first.
 */
import { BAUD_RATES, parseUartValue, type UartSettings } from '../../protocol/uart';
import type { KnownDevice } from '../device-memory/device-memory';

/** The factory line and the rates most modules run at. */
export const USUAL_RATES: readonly number[] = [115200, 9600];

const FACTORY_LINE: UartSettings = { baud: 115200, dataBits: 8, stopBits: 1, parity: 'NONE' };

/** Rates to try first, in order, without duplicates and only rates the module's UART has. */
export function preferredRates(remembered?: number, profile?: number): number[] {
  const order: number[] = [];
  for (const baud of [remembered, profile, ...USUAL_RATES]) {
    if (baud !== undefined && BAUD_RATES.includes(baud) && !order.includes(baud)) order.push(baud);
  }
  return order;
}

/** What a profile being applied says about the device's line: its AT+UART and AT+UARTFT values. */
export interface ProfileLine {
  readonly uart?: UartSettings;
  readonly uartft?: number;
}

/** UART and UARTFT out of a profile's values (absent or invalid ones are left out). */
export function profileLine(values: Readonly<Record<string, string>> | undefined): ProfileLine {
  const uart = values?.['UART'] === undefined ? undefined : parseUartValue(values['UART']);
  const ft = values?.['UARTFT']?.trim();
  const uartft =
    ft !== undefined && /^\d+$/.test(ft) && Number(ft) >= 50 && Number(ft) <= 60000 ? Number(ft) : undefined;
  return { ...(uart ? { uart } : {}), ...(uartft !== undefined ? { uartft } : {}) };
}

export interface ConnectPlan {
  /** The line the port opens with first (for auto-detect: at the first preferred rate). */
  readonly line: UartSettings;
  /** Rates for `findBaudRate({ prefer })`. */
  readonly prefer: readonly number[];
  /**
   * The device's UARTFT when known (remembered, or from the profile), else undefined: the session then
   * uses a guard long enough for common values. When both are known, the longer one: a guard longer than
   * the module's UARTFT costs time; a shorter one turns `+++` into data for the server.
   */
  readonly uartft?: number;
}

/**
 * How to connect: `chosen` is the person's line, or `auto`. Data bits, stop bits and parity for
 * auto-detect come from what worked last, else the profile, else 8N1 (the search varies the rate only).
 */
export function connectPlan(
  chosen: UartSettings | 'auto',
  known?: KnownDevice,
  profile?: ProfileLine,
): ConnectPlan {
  const prefer = preferredRates(known?.line?.baud, profile?.uart?.baud);
  const framing = known?.line ?? profile?.uart ?? FACTORY_LINE;
  const line: UartSettings =
    chosen === 'auto'
      ? {
          baud: prefer[0] ?? FACTORY_LINE.baud,
          dataBits: framing.dataBits,
          stopBits: framing.stopBits,
          parity: framing.parity,
        }
      : chosen;
  const fts = [known?.uartft, profile?.uartft].filter((ms): ms is number => ms !== undefined);
  return { line, prefer, ...(fts.length > 0 ? { uartft: Math.max(...fts) } : {}) };
}
