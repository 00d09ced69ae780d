/**
 * The classroom's stores (version 7): how far the learner got with each scenario (`progress`) and the
 * scenario files a trainer imported (`scenarios`). Records are read as untrusted data: a progress record of
 * the wrong shape reads as absent; an imported scenario is returned as stored and checked by the UI's
 * scenario gate (ui/classroom/validate-scenario.ts) before any use.
 */
import { read, write } from './connection';
import type { AppSettingValue, ImportedScenarioRecord, ScenarioProgressRecord } from './schema';

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const count = (x: unknown): boolean => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const time = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x);

function isProgress(x: unknown): x is ScenarioProgressRecord {
  return (
    isObject(x) &&
    typeof x['id'] === 'string' &&
    (x['state'] === 'started' || x['state'] === 'solved') &&
    time(x['startedAt']) &&
    time(x['lastStartedAt']) &&
    (x['solvedAt'] === undefined || time(x['solvedAt'])) &&
    (x['seconds'] === undefined || count(x['seconds'])) &&
    count(x['hintsShown']) &&
    count(x['attempts'])
  );
}

function isImported(x: unknown): x is ImportedScenarioRecord {
  return isObject(x) && typeof x['id'] === 'string' && time(x['importedAt']) && isObject(x['scenario']);
}

/** Every scenario's progress (damaged records left out). */
export async function listProgress(): Promise<ScenarioProgressRecord[]> {
  const all: unknown[] = await read(['progress'], (tx) => tx.objectStore('progress').getAll());
  return all.filter(isProgress);
}

export async function getProgress(id: string): Promise<ScenarioProgressRecord | undefined> {
  const value: unknown = await read(['progress'], (tx) => tx.objectStore('progress').get(id));
  return isProgress(value) ? value : undefined;
}

export async function putProgress(record: ScenarioProgressRecord): Promise<void> {
  await write(['progress'], (tx) => tx.objectStore('progress').put(record));
}

/** Forgets one scenario's progress, or all of it. */
export async function clearProgress(id?: string): Promise<void> {
  await write(['progress'], (tx) =>
    id === undefined ? tx.objectStore('progress').clear() : tx.objectStore('progress').delete(id),
  );
}

/** The imported scenario files, oldest import first. */
export async function listImportedScenarios(): Promise<ImportedScenarioRecord[]> {
  const all: unknown[] = await read(['scenarios'], (tx) => tx.objectStore('scenarios').getAll());
  return all.filter(isImported).sort((a, b) => a.importedAt - b.importedAt);
}

/** Keeps an imported scenario (one already through the scenario gate); the same id replaces the old one. */
export async function putImportedScenario(
  id: string,
  scenario: AppSettingValue,
  importedAt: number,
): Promise<void> {
  await write(['scenarios'], (tx) => tx.objectStore('scenarios').put({ id, importedAt, scenario }));
}

export async function deleteImportedScenario(id: string): Promise<void> {
  await write(['scenarios'], (tx) => tx.objectStore('scenarios').delete(id));
}
