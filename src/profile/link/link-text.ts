/**
 * A share link as people paste it, back to the text after `#`. Chat apps, mail programs and messengers
 * change links on the way: they percent-encode the fragment (`#p%3D1.…`, sometimes twice), wrap long links
 * over several lines or insert zero-width spaces where they may break, put angle brackets or quotes around
 * them (`<https://…>`), and people copy the full stop of the sentence after them. All of that is undone
 * here; nothing else is. The checksum in the link then tells whether what is left is exactly what was
 * sent, so this leniency cannot make a damaged link read as a different profile.
 */

/** Whitespace and the invisible characters messengers insert into long words. */
const BREAKS = /[\s\u00AD\u200B-\u200D\u2060\uFEFF]+/g;
/** Characters around a link in running text: never part of base64url, so never part of the data. */
const TRAILING = /[.,;:!?)\]}>"'\u2019\u201D\u00BB\u3002\uFF0C\uFF1B\uFF01\uFF1F\uFF09\u300B]+$/;
/** Percent-escapes survive at most this many rounds of encoding. */
const PERCENT_ROUNDS = 3;

/** `%3D` → `=`; a malformed escape is left as it is (the character check downstream names it). */
function percentDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // Only the ASCII escapes, one by one: `%zz` or a lone `%` stays and is reported later.
    return text.replace(/%([0-7][0-9A-Fa-f])/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
}

/**
 * The fragment (`p=1.…`) out of anything pasted: a full URL, `#p=…`, `p=…`, with the changes above undone.
 * Returns the text unchanged in spirit when it is no link at all (callers check the `p=` prefix).
 */
export function linkFragment(input: string): string {
  let text = input.replace(BREAKS, '');
  for (let round = 0; round < PERCENT_ROUNDS && /%[0-9A-Fa-f]{2}/.test(text); round++) {
    text = percentDecode(text).replace(BREAKS, '');
  }
  text = text.replace(/^[<("'\u2018\u201C\u00AB[]+/, '');
  const hash = text.search(/#\/?p=/);
  let fragment = hash >= 0 ? text.slice(hash + 1) : text.startsWith('#') ? text.slice(1) : text;
  fragment = fragment.replace(/^\/(?=p=)/, '');
  const head = /^p=[^.]*\./.exec(fragment);
  if (head) {
    const body = fragment.slice(head[0].length).replace(TRAILING, '');
    fragment = head[0] + body;
  } else if (hash < 0 && text.includes('#')) {
    // A URL whose fragment is something else (`#settings`): not a link; keep what follows the `#`.
    fragment = text.slice(text.indexOf('#') + 1);
  }
  return fragment;
}
