/**
 * The AT session's public API (docs/session.md): the session, its state, its operations' results and
 * errors, the traffic log.
 */
export { AtSession, FACTORY_UART } from './session';
export type { OperationOptions, SessionEvents, SessionOptions } from './session';
export type { Access, EntryStep, OperationName, Progress, SessionState, SessionStateKind } from './state';
export { SessionError } from './errors';
export type { SessionErrorCode } from './errors';
export { DEFAULT_TIMEOUTS, DEFAULT_UARTFT, guardMs } from './timing';
export type { SessionTimeouts } from './timing';
export { BAUD_SEARCH_ORDER } from './baud';
export { TrafficLog, toHex, toPrintable } from './traffic-log';
export type { Direction, ExportLogOptions, LogEntry, TrafficLogOptions } from './traffic-log';
export type { ApplyResult, ApplyStage, SettingOutcome, SettingStatus } from './ops/apply';
export { compareWrites, planApply } from '../protocol/apply-plan';
export type { ApplyPlan, PlannedWrite } from '../protocol/apply-plan';
export type { Identity, IdentityItem } from './ops/identify';
export { IDENTITY_QUERIES } from './ops/identify';
export { MANAGE_ACTIONS } from './ops/manage';
export type { ManageAction, ManageInfo } from './ops/manage';
export type { ReadAllResult } from './ops/read-all';
export { smsValue } from './ops/sms';
export { needsLinkProof } from './ops/link-proof';
export type {
  DownReason,
  LinkProof,
  LinkProofOptions,
  LinkVerdict,
  SocketLetter,
  SocketProof,
} from './ops/link-proof';
