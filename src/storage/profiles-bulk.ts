/**
 * Saving many profiles at once (an import): one readwrite transaction for all of them, so the import of N
 * profiles costs one commit and one `changed` event — the views read their lists again once, not N times
 * (which made large imports slow down quadratically). Every profile is validated before the transaction
 * starts; an invalid one refuses the whole batch (`invalid`, with its problems), and a failure at commit
 * (quota) saves none of them: the batch is all or nothing, as one transaction is.
 *
 * Secrets are kept as in `addProfile` (in the profile, in clear): the policy is the caller's, not this
 * function's.
 */
import type { Profile } from '../profile/profile';
import { validateProfile } from '../profile/validate-profile';
import { storeConfig, write } from './connection';
import { storageError } from './errors';
import type { StoredProfile } from './profiles';
import type { ProfileRecord } from './schema';

export async function addProfiles(profiles: readonly Profile[]): Promise<StoredProfile[]> {
  if (profiles.length === 0) return [];
  const { newId } = storeConfig();
  const records: ProfileRecord[] = profiles.map((p) => {
    const r = validateProfile(p);
    if (!r.ok) throw storageError('invalid', r.problems);
    return { id: newId(), profile: r.profile };
  });
  await write(['profiles'], async (tx) => {
    const store = tx.objectStore('profiles');
    await Promise.all(records.map((record) => store.add(record)));
  });
  return records;
}
