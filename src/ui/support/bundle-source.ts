/**
 * What the app knows at the end of a customer's session, gathered for a support bundle
 * (profile/bundle/build.ts): the store's identity, values, apply report and link check; the session's
 * traffic log and what its bounded log no longer holds; what it was connected to (and the simulator's
 * firmware); the app version and the browser.
 */
import { version as APP_VERSION } from '../../../package.json';
import type { BundleSource, LinkProofLike } from '../../profile/bundle/build';
import type { ProofState } from '../link-proof/findings';
import type { SessionService } from '../services/session-service';
import type { SimulatorService } from '../services/simulator-service';
import type { ConfigStore } from '../state/config-store';

export { APP_VERSION };

/** `dropped` from the header line of the session's export (`{"format":"usr-7s4-traffic",…,"dropped":{…}}`). */
export function droppedOf(exported: string): { entries: number; bytes: number } {
  try {
    const header = JSON.parse(exported.slice(0, exported.indexOf('\n'))) as {
      dropped?: { entries?: unknown; bytes?: unknown };
    };
    const { entries, bytes } = header.dropped ?? {};
    return typeof entries === 'number' && typeof bytes === 'number'
      ? { entries, bytes }
      : { entries: 0, bytes: 0 };
  } catch {
    return { entries: 0, bytes: 0 };
  }
}

function proofLike(p: ProofState | undefined): LinkProofLike | undefined {
  if (!p) return undefined;
  switch (p.kind) {
    case 'done':
      return { kind: 'done', at: p.at, proof: p.proof };
    case 'failed':
      return { kind: 'failed', error: p.error };
    default:
      return { kind: p.kind };
  }
}

export type Gathered = Omit<BundleSource, 'includeSecrets' | 'createdAt'>;

export async function gatherSource(
  store: ConfigStore,
  session: SessionService,
  simulator: SimulatorService | undefined,
): Promise<Gathered> {
  const traffic = session.traffic();
  const state = session.state;
  const transport =
    'transport' in state && state.transport !== undefined
      ? state.transport
      : traffic.length === 0
        ? null
        : simulator?.started === true
          ? 'simulator'
          : 'serial';
  let firmware: readonly string[] | undefined;
  if (transport === 'simulator' && simulator?.started === true) {
    firmware = (await simulator.snapshot()).firmware;
  }
  return {
    app: { version: APP_VERSION, browser: navigator.userAgent },
    transport,
    ...(firmware ? { firmware } : {}),
    identity: store.identity,
    device: store.device ?? {},
    report: store.report,
    linkProof: proofLike(store.linkProof),
    traffic,
    dropped: droppedOf(session.exportLog()),
  };
}
