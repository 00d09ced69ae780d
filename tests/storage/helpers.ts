import 'fake-indexeddb/auto';
import { configureStore } from '../../src/storage/connection';

let counter = 0;
export let clockNow = 1_800_000_000_000;

/** A fresh database name, a fixed clock and predictable ids for one test. */
export async function freshStore(): Promise<string> {
  counter++;
  const name = `test-db-${counter}-${Math.random().toString(36).slice(2)}`;
  let id = 0;
  clockNow = 1_800_000_000_000;
  await configureStore({ name, now: () => clockNow, newId: () => `id-${++id}` });
  return name;
}

export function advance(ms: number): void {
  clockNow += ms;
}
