/**
 * Whether the virtual USB cable is out, for the page's life (the worker keeps the same fact: while it is
 * out the port cannot be opened). A reload starts a new worker with the cable in, so this is not stored.
 */
let unplugged = false;

export function cableUnplugged(): boolean {
  return unplugged;
}

export function setCableUnplugged(out: boolean): void {
  unplugged = out;
}
