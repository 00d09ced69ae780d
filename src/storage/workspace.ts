/**
 * The workspace store (version 5): what the person was in the middle of — the pending edits (`draft`) and
 * the simulated module's state (`simulator`) — so a reload or a browser restart loses neither. One record
 * per key; the UI (ui/keep-work/) decides what goes in (never a secret in clear) and checks what comes
 * back: records are read as untrusted data, and one of the wrong shape reads as absent.
 */
import { read, write } from './connection';
import type { DraftRecord, SimulatorRecord, WorkspaceKey, WorkspaceValues } from './schema';

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isStringList(x: unknown): x is readonly string[] {
  return Array.isArray(x) && x.every((v) => typeof v === 'string');
}

function isDraftRecord(x: unknown): x is DraftRecord {
  return (
    isObject(x) &&
    typeof x['savedAt'] === 'number' &&
    isObject(x['edits']) &&
    Object.values(x['edits']).every(isStringList) &&
    isStringList(x['withheld'])
  );
}

function isSimulatorRecord(x: unknown): x is SimulatorRecord {
  return (
    isObject(x) && typeof x['savedAt'] === 'number' && isObject(x['state']) && isStringList(x['withheld'])
  );
}

const CHECKS: { readonly [K in WorkspaceKey]: (x: unknown) => x is WorkspaceValues[K] } = {
  draft: isDraftRecord,
  simulator: isSimulatorRecord,
};

/** The record under `key`, or undefined when there is none or it is not of the expected shape. */
export async function getWorkspace<K extends WorkspaceKey>(key: K): Promise<WorkspaceValues[K] | undefined> {
  const value: unknown = await read(['workspace'], (tx) => tx.objectStore('workspace').get(key));
  return CHECKS[key](value) ? value : undefined;
}

export async function putWorkspace<K extends WorkspaceKey>(key: K, value: WorkspaceValues[K]): Promise<void> {
  await write(['workspace'], (tx) => tx.objectStore('workspace').put(value, key));
}

export async function deleteWorkspace(key: WorkspaceKey): Promise<void> {
  await write(['workspace'], (tx) => tx.objectStore('workspace').delete(key));
}
