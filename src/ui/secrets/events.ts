/**
 * Events of the secrets components (properties down, events up), typed in `HTMLElementEventMap`.
 * Composed and bubbling, like ui/events.ts.
 */
export interface PassphraseDetail {
  readonly passphrase: string;
}

export interface UnlockedDetail {
  readonly id: string;
  /** The opened secrets (setting → value); kept in the page only. */
  readonly values: Readonly<Record<string, string>>;
}

export interface SecretsEventMap {
  /** A passphrase form was submitted (already checked for length and repetition). */
  'dtu-passphrase': CustomEvent<PassphraseDetail>;
  /** A profile's sealed secrets were opened with the right passphrase. */
  'dtu-secrets-unlocked': CustomEvent<UnlockedDetail>;
  /** The person locked a profile again (forget the opened secrets). */
  'dtu-secrets-locked': CustomEvent<{ readonly id: string }>;
  /** A short note for the view's status line. */
  'dtu-secrets-status': CustomEvent<{ readonly message: string }>;
}

export function secretsEvent<K extends keyof SecretsEventMap>(
  type: K,
  detail: SecretsEventMap[K]['detail'],
): SecretsEventMap[K] {
  return new CustomEvent(type, { detail, bubbles: true, composed: true }) as SecretsEventMap[K];
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends SecretsEventMap {}
}
