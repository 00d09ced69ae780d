import type { UartSettings } from '../../protocol/uart';
import type { SerialOpenOptions } from '../../serial/serial-port-like';

/** The line a host opened (Web Serial options, with the spec's defaults 8 data bits, 1 stop bit, no parity). */
export function lineFromOpenOptions(options: SerialOpenOptions): UartSettings {
  const parity = options.parity === 'even' ? 'EVEN' : options.parity === 'odd' ? 'ODD' : 'NONE';
  return {
    baud: options.baudRate,
    dataBits: options.dataBits ?? 8,
    stopBits: options.stopBits ?? 1,
    parity,
  };
}

/** Checks open options the way Web Serial does: a positive whole baud rate, 7/8 data bits, 1/2 stop bits. */
export function openOptionsError(options: SerialOpenOptions): string | undefined {
  if (!Number.isInteger(options.baudRate) || options.baudRate <= 0)
    return 'baudRate must be a positive integer';
  if (options.dataBits !== undefined && options.dataBits !== 7 && options.dataBits !== 8)
    return 'dataBits must be 7 or 8';
  if (options.stopBits !== undefined && options.stopBits !== 1 && options.stopBits !== 2)
    return 'stopBits must be 1 or 2';
  return undefined;
}
