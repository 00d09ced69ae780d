/**
 * Reads the simulated module "in the field" the way a person would read a real one (docs/remote.md): the
 * query payloads (profile/remote/field-queries.ts) from the virtual phone or a socket's virtual server, and
 * the module's answers gathered as they came — the text the person would otherwise paste, which then goes
 * through the same strict reader (field-answers.ts).
 * - by SMS: every query at once (each answer names its setting, and a query changes nothing, so the order
 *   does not matter), until as many answers came as queries went, or the read-back time ran out;
 * - over the network: a snapshot must show the socket connected; one line per packet, each answered (or
 *   not) before the next.
 * No DOM: Node-tested on the virtual clock.
 */
import type { FieldQueries } from '../../profile/remote/field-queries';
import type { SocketId } from '../../simulator/core/control';
import { exchange, linkState, SEND_TIMEOUTS, toPhone, waitFor, type SendDeps } from './sim-send';

export interface FieldRead {
  readonly channel: 'sms' | 'network';
  /** `read`: every query answered; `partial`: some got no answer in time; `not-connected`: nothing sent. */
  readonly outcome: 'read' | 'partial' | 'not-connected';
  /** The answers as they came, a blank line between two. */
  readonly text: string;
  readonly asked: number;
  readonly answered: number;
}

function result(channel: 'sms' | 'network', asked: number, answers: readonly string[]): FieldRead {
  return {
    channel,
    outcome: answers.length >= asked ? 'read' : 'partial',
    text: answers.map((a) => a.trim()).join('\n\n'),
    asked,
    answered: answers.length,
  };
}

/** Sends every query SMS through the virtual phone and gathers the module's SMS answers. */
export async function readBySms(queries: FieldQueries, deps: SendDeps): Promise<FieldRead> {
  const t = deps.timeouts ?? SEND_TIMEOUTS;
  const asked = queries.sms.length;
  const answers: string[] = [];
  const all = waitFor(deps, t.smsReadBackMs, (e) => {
    const text = toPhone(e);
    if (text === undefined) return undefined;
    answers.push(text);
    return answers.length >= asked ? true : undefined;
  });
  for (const p of queries.sms) deps.sim.control({ type: 'phone-send', text: p.text });
  await all;
  return result('sms', asked, answers);
}

/** Sends every query line from virtual server `socket`, one per packet, and gathers the answers. */
export async function readByNetwork(
  queries: FieldQueries,
  socket: SocketId,
  deps: SendDeps,
): Promise<FieldRead> {
  const t = deps.timeouts ?? SEND_TIMEOUTS;
  const asked = queries.network.length;
  if ((await linkState(deps, socket)) !== 'connected')
    return { channel: 'network', outcome: 'not-connected', text: '', asked, answered: 0 };
  const answers: string[] = [];
  for (const p of queries.network) {
    const text = await exchange(deps, socket, p.line, t.networkAnswerMs);
    if (text !== undefined) answers.push(text);
  }
  return result('network', asked, answers);
}
