/**
 * Share links arrive as the page's fragment, `#p=1.…` (docs/profiles.md, "Share links"). The shell asks
 * this tiny helper, at start-up and on every `hashchange`, whether the fragment is a profile link rather
 * than a view id (`#settings`), and shows the link preview then. Decoding is the preview's job.
 *
 * Links that went through a chat app arrive changed: `#p%3D1.…` (percent-encoded), with spaces or
 * zero-width characters inside; `linkFragment` undoes that, so such a link opens like the original.
 */
import { linkFragment } from '../../profile/link/link-text';

/** The link text after `#` (`p=…`) when the hash is a profile link, else undefined. */
export function shareFragmentOf(hash: string): string | undefined {
  if (!hash.startsWith('#')) return undefined;
  const fragment = linkFragment(hash);
  return fragment.startsWith('p=') ? fragment : undefined;
}
