/**
 * Remote reconfiguration (docs/remote.md): a profile, or only its differences from what the module holds,
 * as password-AT payloads for a module in the field — SMS texts and network-AT lines — with `AT+Z` last,
 * the checks that each payload can be carried, the warnings for settings that cut the way back, and the
 * queries that verify the result after the restart.
 *
 * Order: the session's apply order (`compareWrites`: switches off, parameters, switches on, then CMDPW,
 * UARTFT, UART). Every set is only stored until `AT+Z` (module-behaviour.md "Configuration lifetime"), so
 * every payload — `AT+Z` included — carries the password the module has NOW; the read-back after the
 * restart uses the new one when CMDPW changes.
 */
import { findCommand } from '../../protocol/catalogue';
import { buildQuery, buildSet } from '../../protocol/command';
import { unescapeText } from '../../protocol/escape';
import type { Text, ValidationError } from '../../protocol/types';
import { validateValue } from '../../protocol/validate';
import { planApply, type ApplyPlan } from '../../protocol/apply-plan';
import { networkPayload, smsPayload, type NetworkPayload, type SmsPayload } from './payloads';
import { pathWarnings, type PathWarning, type RemoteSocket } from './path-warnings';

export interface RemoteOptions {
  /** The module's command password now (canonical, escaped as the catalogue holds it). */
  readonly password: string;
  /** The module's UARTFL now, bytes (what the settings view shows; factory 1024). */
  readonly uartfl: number;
  /** The module's values as known: only the differences are sent. Absent: every setting of `target`. */
  readonly current?: Readonly<Record<string, string>>;
  /** The socket network AT comes through (for the warnings). */
  readonly socket: RemoteSocket;
}

/** One setting written, and what to read back after the restart. */
export interface RemoteWrite {
  readonly name: string;
  readonly from: string | undefined;
  readonly to: string;
  /** `AT+NAME=value`, no CR. */
  readonly command: string;
  /** `AT+NAME?`, no CR: the read-back. */
  readonly query: string;
}

/**
 * The apply plan's verdicts (protocol/apply-plan.ts) — values the catalogue rejects (nothing may be sent
 * while there are any), names that are not settings, settings that already hold the wanted value (with
 * `current`) — and the payloads for each channel.
 */
export interface RemotePlan extends Pick<ApplyPlan, 'invalid' | 'unknown' | 'unchanged'> {
  readonly writes: readonly RemoteWrite[];
  /** One per write, then `AT+Z`; empty when nothing is to be written. */
  readonly sms: readonly SmsPayload[];
  readonly network: readonly NetworkPayload[];
  readonly warnings: readonly PathWarning[];
  /** What is wrong with the options (password, UARTFL); nothing may be sent while there is any. */
  readonly optionProblems: readonly Text[];
  /** The password prefix of every payload (plain text, as sent). */
  readonly prefix: string;
  /** The password prefix of the read-back after `AT+Z` (the new one when CMDPW is written). */
  readonly verifyPrefix: string;
}

export const RESTART_COMMAND = 'AT+Z';

/** The plan for writing `target` to a module in the field. Pure. */
export function planRemote(target: Readonly<Record<string, string>>, options: RemoteOptions): RemotePlan {
  const { optionProblems, prefix, uartfl } = checkOptions(options);

  const plan = planApply(options.current ?? {}, target);
  const writes: RemoteWrite[] = plan.writes.map((w) => ({
    name: w.name,
    from: w.from,
    to: w.to,
    command: buildSet(w.name, w.to).replace(/\r$/, ''),
    query: buildQuery(w.name).replace(/\r$/, ''),
  }));
  const newPassword = writes.find((w) => w.name === 'CMDPW');
  const verifyPrefix = newPassword ? unescapeText(newPassword.to) : prefix;

  const commands = writes.length > 0 ? [...writes.map((w) => w.command), RESTART_COMMAND] : [];
  return {
    writes,
    sms: commands.map((c, i) => smsPayload(i + 1, prefix, c)),
    network: commands.map((c, i) => networkPayload(i + 1, prefix, c, uartfl)),
    warnings: pathWarnings(plan.writes, options.socket),
    invalid: plan.invalid,
    unknown: plan.unknown,
    unchanged: plan.unchanged,
    optionProblems,
    prefix,
    verifyPrefix,
  };
}

/** The checks of the module's password and UARTFL now, shared with the field read (field-queries.ts). */
export function checkOptions(options: Pick<RemoteOptions, 'password' | 'uartfl'>): {
  readonly optionProblems: readonly Text[];
  /** The password prefix (plain text, as sent); empty when the password is not valid. */
  readonly prefix: string;
  readonly uartfl: number;
} {
  const optionProblems: Text[] = [];
  const pw = checked('CMDPW', options.password);
  if (!pw.ok) {
    optionProblems.push({
      en: `The current command password: ${pw.error.message.en}`,
      zh: `当前命令密码：${pw.error.message.zh}`,
    });
  }
  const fl = checked('UARTFL', String(options.uartfl));
  if (!fl.ok) {
    optionProblems.push({
      en: `The module's current UARTFL: ${fl.error.message.en}`,
      zh: `模块当前的 UARTFL：${fl.error.message.zh}`,
    });
  }
  return {
    optionProblems,
    prefix: pw.ok ? unescapeText(pw.value) : '',
    uartfl: fl.ok ? Number(fl.value) : options.uartfl,
  };
}

function checked(
  name: string,
  value: string,
): { ok: true; value: string } | { ok: false; error: ValidationError } {
  const entry = findCommand(name);
  if (!entry) return { ok: false, error: { param: -1, message: { en: 'unknown', zh: '未知' } } };
  return validateValue(entry, value);
}

/** True when the channel's payloads can all be sent: no option problem, no invalid value, each fits. */
export function canSend(plan: RemotePlan, channel: 'sms' | 'network'): boolean {
  const payloads = channel === 'sms' ? plan.sms : plan.network;
  return (
    payloads.length > 0 &&
    plan.optionProblems.length === 0 &&
    plan.invalid.length === 0 &&
    payloads.every((p) => p.problem === undefined)
  );
}
