/**
 * Reading a module in the field before changing it (docs/remote.md): the module on this app's cable is
 * not the one in the field, so "only what differs" needs the field module's own values. These are the
 * query payloads for that — `<CMDPW>AT+NAME?`, one per SMS and one per network line, checked like the set
 * payloads (one SMS each, UARTFL) — for every setting of the profile. No `AT+Z`: a query changes nothing.
 */
import { findCommand } from '../../protocol/catalogue';
import { buildQuery } from '../../protocol/command';
import type { Text } from '../../protocol/types';
import { networkPayload, smsPayload, type NetworkPayload, type SmsPayload } from './payloads';
import { checkOptions, type RemoteOptions } from './remote-plan';

export interface FieldQueries {
  /** The settings asked, in the profile's order (catalogue spelling). */
  readonly names: readonly string[];
  readonly sms: readonly SmsPayload[];
  readonly network: readonly NetworkPayload[];
  /** What is wrong with the password or UARTFL; nothing may be sent while there is any. */
  readonly optionProblems: readonly Text[];
  /** The password prefix of every query (plain text, as sent). */
  readonly prefix: string;
}

/** The queries for every setting of `target` (names that are not settings are left out). Pure. */
export function planFieldQueries(
  target: Readonly<Record<string, string>>,
  options: Pick<RemoteOptions, 'password' | 'uartfl'>,
): FieldQueries {
  const { optionProblems, prefix, uartfl } = checkOptions(options);
  const names: string[] = [];
  for (const key of Object.keys(target)) {
    const entry = findCommand(key);
    if (entry?.kind === 'setting' && !names.includes(entry.name)) names.push(entry.name);
  }
  const commands = names.map((n) => buildQuery(n).replace(/\r$/, ''));
  return {
    names,
    sms: commands.map((c, i) => smsPayload(i + 1, prefix, c)),
    network: commands.map((c, i) => networkPayload(i + 1, prefix, c, uartfl)),
    optionProblems,
    prefix,
  };
}

/** True when the channel's queries can all be sent. */
export function canQuery(queries: FieldQueries, channel: 'sms' | 'network'): boolean {
  const payloads = channel === 'sms' ? queries.sms : queries.network;
  return (
    payloads.length > 0 &&
    queries.optionProblems.length === 0 &&
    payloads.every((p) => p.problem === undefined)
  );
}
