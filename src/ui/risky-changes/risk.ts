/**
 * Changes that alter how the module is reached: its serial line (UART), the silence `+++` needs and how
 * serial bytes are framed (UARTFT), the password of password AT (CMDPW), and what the module does with
 * its data (WKMOD). Each is flagged in the review with what the person must do next, and the write needs
 * an explicit confirmation. The session follows the first three by itself after the restart (it reopens at
 * the new UART, times `+++` from the new UARTFT, uses the new CMDPW; docs/session.md "Apply").
 */
import { parseUartValue, type UartSettings } from '../../protocol/uart';

export type RiskKind = 'uart' | 'uartft' | 'cmdpw' | 'wkmod';

export type Risk =
  | {
      readonly kind: 'uart';
      readonly from: UartSettings | undefined;
      readonly to: UartSettings;
      /** Only the baud rate changes (the usual case), or the format too. */
      readonly baudOnly: boolean;
    }
  | { readonly kind: 'uartft'; readonly fromMs: number | undefined; readonly toMs: number }
  | { readonly kind: 'cmdpw' }
  | { readonly kind: 'wkmod'; readonly from: string | undefined; readonly to: string };

export interface ChangeLike {
  readonly name: string;
  /** The device's value (undefined when not read). */
  readonly from: string | undefined;
  readonly to: string;
}

/** `9600 8N1`. */
export function lineText(line: UartSettings): string {
  return `${line.baud} ${line.dataBits}${line.parity.charAt(0)}${line.stopBits}`;
}

function ms(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text.trim())) return undefined;
  return Number(text.trim());
}

/** The risky ones among `changes`, in the order UART, UARTFT, CMDPW, WKMOD. */
export function risksOf(changes: readonly ChangeLike[]): Risk[] {
  const by = new Map(changes.filter((c) => c.from !== c.to).map((c) => [c.name, c]));
  const out: Risk[] = [];
  const uart = by.get('UART');
  const to = uart ? parseUartValue(uart.to) : undefined;
  if (uart && to) {
    const from = uart.from === undefined ? undefined : parseUartValue(uart.from);
    const baudOnly =
      !!from && from.dataBits === to.dataBits && from.stopBits === to.stopBits && from.parity === to.parity;
    if (!from || lineText(from) !== lineText(to)) out.push({ kind: 'uart', from, to, baudOnly });
  }
  const ft = by.get('UARTFT');
  const toMs = ms(ft?.to);
  if (ft && toMs !== undefined) out.push({ kind: 'uartft', fromMs: ms(ft.from), toMs });
  if (by.has('CMDPW')) out.push({ kind: 'cmdpw' });
  const mode = by.get('WKMOD');
  if (mode) out.push({ kind: 'wkmod', from: mode.from, to: mode.to });
  return out;
}

/** A key that changes when the risky changes do, so a confirmation given for others does not carry over. */
export function riskKey(risks: readonly Risk[]): string {
  return JSON.stringify(risks);
}
