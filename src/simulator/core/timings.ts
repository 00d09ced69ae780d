/**
 * How long the module takes for things (docs/simulator.md). Realistic for a Linux-based Cat-4 module; the
 * manual gives no figures beyond "AT+Z fast, AT+REBOOT slow, same as power-up" (3.1.7.3–4). Command
 * processing itself takes no time (an answer is sent as soon as the command's CR has arrived) unless the
 * firmware variant's `processing` model says otherwise (variants.ts).
 */
export interface ModuleTimings {
  /** Power-up and AT+REBOOT (also RELD, CLEAR, Reload pin, RSTIM): until the start message, ms. */
  readonly bootMs: number;
  /** AT+Z application restart, ms. */
  readonly appRestartMs: number;
  /** AT+UPDATE download time on 4G for the ~500 KB image, ms (3G ×2.5, 2G ×10). */
  readonly updateMs: number;
  /** Factor on the network registration time after a full boot (world/radio.ts attachMs: 3.5–6 s). */
  readonly attachScale: number;
}

export const DEFAULT_TIMINGS: ModuleTimings = {
  bootMs: 18_000,
  appRestartMs: 2_500,
  updateMs: 8_000,
  attachScale: 1,
};

/** How long the host has to answer the module's `a` (manual 3.1.2, T5 < 3 s). */
export const ENTRY_REPLY_MS = 3000;

/** Longest command line kept in command mode; a longer line is dropped with +ERR:1. */
export const MAX_COMMAND_LINE = 1024;

/** Per-socket cache while the link is down (features list: 10 KB). */
export const SOCKET_CACHE_BYTES = 10 * 1024;

/**
 * The module's buffer toward the serial side (our decision; no manual gives one): network data that
 * arrives faster than the UART can send it waits here, and beyond it is dropped and counted
 * (`serial-drop`). Sized like the socket cache. With wire timing off the line never backs up.
 */
export const SERIAL_TX_BUFFER_BYTES = 10 * 1024;

/** HTTPD request limit (2.1.2: the serial buffer is 1000 bytes). */
export const HTTPD_MAX_REQUEST = 1000;
