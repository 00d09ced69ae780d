import { encodeShareLink } from '../src/profile/share-link';
import { fullProfile } from '../tests/profile/fixtures';
import type { BenchResult } from './report';

/**
 * Length after `#` of the share link of a full profile without secrets: every setting of the catalogue
 * at a valid non-default value with realistic lengths (tests/profile/fixtures.ts), a 31-character name
 * and a one-line note. Async because the link is deflated with CompressionStream, as in the app.
 */
export async function measureShareLinkLength(): Promise<BenchResult> {
  const profile = fullProfile();
  const link = await encodeShareLink(profile);
  const bare = await encodeShareLink({ ...profile, notes: '' });
  return {
    name: 'full non-secret profile link length',
    measured: link.fragment.length,
    unit: 'chars',
    goal: 400,
    kind: 'max',
    note: `${Object.keys(profile.values).length - link.withheld.length} settings, name ${profile.name.length} + notes ${profile.notes.length} chars; ${bare.fragment.length} without notes; withheld ${link.withheld.join(', ')}`,
  };
}
