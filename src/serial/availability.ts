/**
 * Whether this page can request serial ports: `navigator.serial` in a secure context. The same rule as
 * WebSerialTransport.available (web-serial.ts), in a module of its own so the app shell can ask before
 * any transport code (port errors, USB chip tables) has loaded.
 */
export function webSerialAvailable(g: { navigator?: object; isSecureContext?: boolean }): boolean {
  const serial = g.navigator && 'serial' in g.navigator ? g.navigator.serial : undefined;
  return serial !== undefined && (g.isSecureContext ?? false);
}
