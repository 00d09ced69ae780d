/**
 * The simulator core: the USR-LTE-7S4 as a deterministic state machine over a byte stream and a clock,
 * with its virtual world. Hosts (worker, Node TCP) wrap `SimulatedModule` and expose `SimulatorControl`.
 */
export { SimulatedModule, RELOAD_MIN_MS, RELOAD_MAX_MS, SERIAL_DROP_EVENT_MS } from './module';
export type { SimulatedModuleOptions } from './module';
export * from './control';
export type { PlusAttempt, PlusAttemptOutcome, PlusAttemptReason, TimedByte } from './plus-attempt';
export { DEFAULT_IDENTITY, nextVersion, luhnValid } from './identity';
export {
  DEFAULT_TIMINGS,
  ENTRY_REPLY_MS,
  MAX_COMMAND_LINE,
  SOCKET_CACHE_BYTES,
  HTTPD_MAX_REQUEST,
  SERIAL_TX_BUFFER_BYTES,
} from './timings';
export { wrongQueryLine } from './broken';
export {
  STREAM_TICK_MS,
  STREAM_MAX_BYTES_PER_SECOND,
  STREAM_LINE_BYTES,
  patternBytes,
  streamLine,
} from '../world/stream';
export type { ModuleTimings } from './timings';
export { ENTRY_OK, sockIndMarker } from './firmware';
export { HTTPD_TIMEOUT_TEXT, HTTPD_TOO_LONG_TEXT, HTTPD_CONNECT_FAIL_TEXT } from './httpd';
export {
  helpText,
  OK,
  infoReply,
  replyFormat,
  MANUAL_REPLIES,
  classifyCommand,
  SLOW_SET_COMMANDS,
} from './at-engine';
export type { ReplyFormat, CommandClass } from './at-engine';
export * from './variants';
export { Prng } from './prng';
export { BATCH_MS } from './wire';
export { EventHub } from './events';
export { VirtualWorld } from '../world/world';
