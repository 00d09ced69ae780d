/**
 * Keeps the running exercise (resume.ts) in the tab's `sessionStorage` under `RUN_KEY`, so F5 finds it:
 * written at most every `WRITE_EVERY_MS` (the last one always), synchronously, so a reload never cuts a
 * write in half; deleted when the run is over. The tab's storage, not IndexedDB: a reload is what the
 * learner does by mistake; closing the tab (or another tab) is not a running exercise.
 */
import { checkSavedRun, type SavedRun } from './resume';
import { RUN_KEY } from './run-key';
/** At most one write this often, ms (a check runs after each burst of events). */
export const WRITE_EVERY_MS = 500;

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function tabStorage(): Store | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/** The kept run, checked; undefined when there is none or it is not readable. */
export function loadKeptRun(store: Store | undefined = tabStorage()): SavedRun | undefined {
  try {
    const text = store?.getItem(RUN_KEY);
    return text ? checkSavedRun(JSON.parse(text)) : undefined;
  } catch {
    return undefined;
  }
}

/** A `keep` callback for ScenarioRun (run.ts). */
export function runKeeper(
  store: Store | undefined = tabStorage(),
  now: () => number = () => Date.now(),
): (run: SavedRun | null) => void {
  let lastWrite = -Infinity;
  let pending: SavedRun | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = (run: SavedRun): void => {
    lastWrite = now();
    try {
      store?.setItem(RUN_KEY, JSON.stringify(run));
    } catch {
      // Storage full or refused: the run goes on; only a reload would lose it.
    }
  };
  return (run) => {
    if (run === null) {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      pending = undefined;
      try {
        store?.removeItem(RUN_KEY);
      } catch {
        // Nothing to do: a stale record is dropped when its scenario is not running.
      }
      return;
    }
    const wait = lastWrite + WRITE_EVERY_MS - now();
    if (wait <= 0) {
      write(run);
      return;
    }
    pending = run;
    timer ??= setTimeout(() => {
      timer = undefined;
      if (pending) write(pending);
      pending = undefined;
    }, wait);
  };
}
