export { VirtualWorld, SMS_DELIVERY_MS, SMS_RETRY_MS } from './world';
export type {
  ConnectTarget,
  ConnectResult,
  ModuleSideLink,
  ModuleSideHandlers,
  ModuleSmsSink,
  WorldOptions,
} from './world';
export { VirtualServer, SERVER_RECORD_BYTES } from './server';
export type { ReceivedPacket, ServerSideLink } from './server';
export { VirtualHttpServer, DEFAULT_HTTP_RESPONSE, encodeResponse, parseRequest } from './http-server';
export { VirtualPhone, PHONE_NUMBER } from './phone';
export { Radio, DEFAULT_RADIO, csqValue, sysinfoValue, netBlinks, latencyMs, attachMs } from './radio';
export { Dns } from './dns';
