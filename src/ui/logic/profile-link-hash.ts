/**
 * Share links arrive as the page's fragment, `#p=1.…` (docs/profiles.md, "Share links"). The shell asks
 * this tiny helper, at start-up and on every `hashchange`, whether the fragment is a profile link rather
 * than a view id (`#settings`), and shows the link preview then. Decoding is the preview's job.
 */

/** The link text after `#` (`p=…`) when the hash is a profile link, else undefined. */
export function shareFragmentOf(hash: string): string | undefined {
  const match = /^#\/?(p=[\s\S]*)$/.exec(hash);
  return match?.[1];
}
