/**
 * A support bundle's configuration as the baseline of "only what differs" (docs/remote.md): a customer
 * who connected the module on site and sent a bundle (docs/support.md) tells what that module held — its
 * `after` values, the settings as last known when the bundle was made. The file is read by the bundle's
 * own strict reader (bundle/read.ts); its errors are passed on as they are.
 *
 * A bundle made without the passwords leaves out every setting that holds one (`withheld`); such a setting
 * of the profile has no baseline, so it is sent — and the screen names it. Sending a value the module
 * already holds costs one SMS; leaving out one it lacks would leave the module wrong.
 */
import { findCommand } from '../../protocol/catalogue';
import { readBundle } from '../bundle/read';
import type { BundleIdentity } from '../bundle/format';
import { SECRET_MASK } from '../../protocol/secrets';
import type { Text } from '../../protocol/types';

export interface BundleBaseline {
  /** The module's values when the bundle was made (canonical; withheld ones absent). */
  readonly values: Readonly<Record<string, string>>;
  /** When the bundle was made, as the file says (ISO 8601). */
  readonly createdAt: string;
  /** The same as epoch ms; undefined when the file's date is not one. */
  readonly madeAt: number | undefined;
  readonly identity: BundleIdentity | null;
}

export type BundleBaselineRead =
  { readonly ok: true; readonly baseline: BundleBaseline } | { readonly ok: false; readonly error: Text };

/** Reads a support bundle file's text. */
export function bundleBaseline(text: string): BundleBaselineRead {
  const read = readBundle(text);
  if (!read.ok) {
    const more = read.error.problems.map((p) => `${p.path}: ${p.message.en}`).join('; ');
    const moreZh = read.error.problems.map((p) => `${p.path}：${p.message.zh}`).join('；');
    return {
      ok: false,
      error: {
        en: more ? `${read.error.message.en} (${more})` : read.error.message.en,
        zh: moreZh ? `${read.error.message.zh}（${moreZh}）` : read.error.message.zh,
      },
    };
  }
  const bundle = read.bundle;
  const values: Record<string, string> = {};
  // A masked value is not the module's value: left out like a withheld one.
  for (const [name, value] of Object.entries(bundle.after)) if (value !== SECRET_MASK) values[name] = value;
  return {
    ok: true,
    baseline: {
      values,
      createdAt: bundle.createdAt,
      madeAt: Number.isNaN(Date.parse(bundle.createdAt)) ? undefined : Date.parse(bundle.createdAt),
      identity: bundle.identity,
    },
  };
}

/** The settings of `target` the baseline does not hold (withheld secrets, never read): they are sent. */
export function notHeld(
  baseline: Readonly<Record<string, string>>,
  target: Readonly<Record<string, string>>,
): string[] {
  const out: string[] = [];
  for (const key of Object.keys(target)) {
    const entry = findCommand(key);
    if (entry?.kind === 'setting' && baseline[entry.name] === undefined) out.push(entry.name);
  }
  return out;
}
