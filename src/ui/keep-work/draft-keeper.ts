/**
 * Pending edits survive a reload and a browser restart: the settings editor's draft is saved in the
 * workspace store (storage/workspace.ts, key `draft`) a moment after each change, and put back when the app
 * starts. Edits that hold a secret (docs/security.md: a password, a credential in text, data marked
 * private — `withholdsSecret`) are never written: they stay in this page's memory only, and the settings
 * view says so (draft-note.ts). Records read back are checked like any stored data: unknown settings,
 * wrong shapes and over-long texts are dropped.
 */
import { findCommand } from '../../protocol/catalogue';
import { MAX_VALUE_CHARS } from '../../protocol/validate';
import { withholdsSecret } from '../../profile/secrets';
import { deleteWorkspace, getWorkspace, putWorkspace, type DraftRecord } from '../../storage';
import { loadPrivateMarks } from '../secrets/private-marks';
import type { ConfigStore } from '../state/config-store';

/** Wait after the last change before saving, ms. */
export const DRAFT_SAVE_MS = 300;

/** The edits of a draft that hold a secret (kept in memory only). */
export function secretEdits(draft: ReadonlyMap<string, readonly string[]>): string[] {
  return [...draft].filter(([name, parts]) => withholdsSecret(name, parts.join(','))).map(([n]) => n);
}

/** What is written for `draft`: every edit without a secret, and the names of those with one. */
export function draftRecord(draft: ReadonlyMap<string, readonly string[]>, savedAt: number): DraftRecord {
  const secret = new Set(secretEdits(draft));
  const edits: Record<string, readonly string[]> = {};
  for (const [name, parts] of draft) if (!secret.has(name)) edits[name] = [...parts];
  return { savedAt, edits, withheld: [...secret] };
}

/** The edits of a stored record that can be used: settings of the catalogue, one text per parameter. */
export function editsOf(record: DraftRecord): Map<string, string[]> {
  const edits = new Map<string, string[]>();
  for (const [name, parts] of Object.entries(record.edits)) {
    const entry = findCommand(name);
    if (entry?.kind !== 'setting' || entry.name !== name) continue;
    if (parts.length !== entry.params.length || parts.some((p) => p.length > MAX_VALUE_CHARS)) continue;
    // A record written by another version, or changed by hand, never brings a secret back in clear.
    if (withholdsSecret(name, parts.join(','))) continue;
    edits.set(name, [...parts]);
  }
  return edits;
}

export interface DraftKeeper {
  /** Saves now what is pending (page hidden or closing). */
  flush(): Promise<void>;
  stop(): void;
}

/**
 * Puts the saved edits back into `store`, then keeps saving them. Storage that fails (private mode, quota)
 * leaves the draft in memory as before: nothing breaks, nothing is said beyond what the store knows.
 */
export async function keepDraft(
  store: ConfigStore,
  options: { readonly now?: () => number; readonly debounceMs?: number } = {},
): Promise<DraftKeeper> {
  const now = options.now ?? (() => Date.now());
  const wait = options.debounceMs ?? DRAFT_SAVE_MS;
  await loadPrivateMarks().catch(() => undefined);
  // What the store holds now (nothing, or the record read below): saved again only when it changes.
  let saved = '{}';
  try {
    const record = await getWorkspace('draft');
    if (record) {
      const edits = editsOf(record);
      store.restoreDraft(edits, record.savedAt);
      saved = JSON.stringify(draftRecord(new Map(edits), 0).edits);
    }
  } catch {
    // Nothing could be read: start from what is in memory.
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  const save = (): Promise<void> => {
    timer = undefined;
    const record = draftRecord(store.draft, now());
    const key = JSON.stringify(record.edits);
    if (key === saved) return writing;
    saved = key;
    const empty = Object.keys(record.edits).length === 0;
    writing = writing
      .then(() => (empty ? deleteWorkspace('draft') : putWorkspace('draft', record)))
      .catch(() => {
        // Kept in memory; the next change tries again.
        saved = '';
      });
    return writing;
  };

  const unsubscribe = store.subscribe(() => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void save(), wait);
  });
  // The restored edits (and any made meanwhile) are the saved state now; save if they differ.
  void save();

  return {
    flush: () => {
      if (timer !== undefined) clearTimeout(timer);
      return save();
    },
    stop: () => {
      if (timer !== undefined) clearTimeout(timer);
      unsubscribe();
    },
  };
}
