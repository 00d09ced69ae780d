/**
 * A profile's secrets encrypted with a passphrase the person chooses, with the browser's Web Crypto only
 * (no cipher of our own): PBKDF2-HMAC-SHA-256 (600 000 iterations, OWASP 2023) derives an AES-256-GCM key
 * from the passphrase and a random 16-byte salt; a random 12-byte IV per sealing; the record's description
 * (format, KDF parameters, the names of the settings inside) is the additional authenticated data, so it
 * cannot be changed without the open failing. The passphrase is never stored, nor the key.
 *
 * A wrong passphrase and a damaged record are told apart only as far as AES-GCM can: both fail the
 * authentication tag, so both read "wrong passphrase or damaged"; a record that is not even shaped
 * right is `damaged`.
 */
import { findCommand } from '../protocol/catalogue';
import { validateValue } from '../protocol/validate';

export const SEALED_FORMAT = 'usr-7s4-sealed-secrets';
export const SEALED_VERSION = 1;
export const DEFAULT_ITERATIONS = 600_000;
/** Opening refuses parameters outside these bounds (a record is untrusted data). */
const MIN_ITERATIONS = 100_000;
const MAX_ITERATIONS = 10_000_000;
/** A passphrase shorter than this is refused when sealing. */
export const MIN_PASSPHRASE_LENGTH = 8;

export interface SealedSecrets {
  readonly format: typeof SEALED_FORMAT;
  readonly version: typeof SEALED_VERSION;
  readonly kdf: {
    readonly name: 'PBKDF2';
    readonly hash: 'SHA-256';
    readonly iterations: number;
    /** base64 */
    readonly salt: string;
  };
  readonly cipher: {
    readonly name: 'AES-GCM';
    /** base64 */
    readonly iv: string;
  };
  /** The settings inside, in profile order: shown without the passphrase ("Command password: locked"). */
  readonly settings: readonly string[];
  /** base64 of the ciphertext and its 16-byte tag. */
  readonly data: string;
}

export type OpenResult =
  | { readonly ok: true; readonly values: Readonly<Record<string, string>> }
  | { readonly ok: false; readonly reason: 'wrong-passphrase' | 'damaged' };

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(text: string): Uint8Array | undefined {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** The authenticated description: everything but the IV and the data. */
function aad(s: Omit<SealedSecrets, 'cipher' | 'data'>): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(
    JSON.stringify([s.format, s.version, s.kdf.name, s.kdf.hash, s.kdf.iterations, s.kdf.salt, s.settings]),
  );
}

async function deriveKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Encrypts `values` (setting → canonical value) under `passphrase`. */
export async function sealSecrets(
  values: Readonly<Record<string, string>>,
  passphrase: string,
  options: { readonly iterations?: number } = {},
): Promise<SealedSecrets> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new RangeError(`A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`);
  }
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const head = {
    format: SEALED_FORMAT,
    version: SEALED_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    settings: Object.keys(values),
  } as const;
  const key = await deriveKey(passphrase, salt, iterations);
  const plain = new TextEncoder().encode(JSON.stringify(values));
  const data = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(head) }, key, plain),
  );
  return { ...head, cipher: { name: 'AES-GCM', iv: toBase64(iv) }, data: toBase64(data) };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** True when `x` is shaped like a sealed record this version can open (read back as untrusted data). */
export function isSealedSecrets(x: unknown): x is SealedSecrets {
  if (!isObject(x) || !isObject(x['kdf']) || !isObject(x['cipher'])) return false;
  const { kdf, cipher, settings } = x;
  return (
    x['format'] === SEALED_FORMAT &&
    x['version'] === SEALED_VERSION &&
    kdf['name'] === 'PBKDF2' &&
    kdf['hash'] === 'SHA-256' &&
    typeof kdf['iterations'] === 'number' &&
    Number.isInteger(kdf['iterations']) &&
    kdf['iterations'] >= MIN_ITERATIONS &&
    kdf['iterations'] <= MAX_ITERATIONS &&
    typeof kdf['salt'] === 'string' &&
    fromBase64(kdf['salt'])?.length === 16 &&
    cipher['name'] === 'AES-GCM' &&
    typeof cipher['iv'] === 'string' &&
    fromBase64(cipher['iv'])?.length === 12 &&
    Array.isArray(settings) &&
    settings.length <= 64 &&
    settings.every((n) => typeof n === 'string' && findCommand(n)?.kind === 'setting') &&
    typeof x['data'] === 'string' &&
    (fromBase64(x['data'])?.length ?? 0) >= 16
  );
}

/** Decrypts; the values are checked like any other stored value (names as listed, valid values). */
export async function openSealed(sealed: unknown, passphrase: string): Promise<OpenResult> {
  if (!isSealedSecrets(sealed)) return { ok: false, reason: 'damaged' };
  const salt = fromBase64(sealed.kdf.salt);
  const iv = fromBase64(sealed.cipher.iv);
  const data = fromBase64(sealed.data);
  if (!salt || !iv || !data) return { ok: false, reason: 'damaged' };
  let plain: ArrayBuffer;
  try {
    const key = await deriveKey(passphrase, new Uint8Array(salt), sealed.kdf.iterations);
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: new Uint8Array(iv), additionalData: aad(sealed) },
      key,
      new Uint8Array(data),
    );
  } catch {
    return { ok: false, reason: 'wrong-passphrase' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch {
    return { ok: false, reason: 'damaged' };
  }
  if (!isObject(parsed) || Array.isArray(parsed)) return { ok: false, reason: 'damaged' };
  const names = Object.keys(parsed);
  if (names.length !== sealed.settings.length || names.some((n, i) => n !== sealed.settings[i])) {
    return { ok: false, reason: 'damaged' };
  }
  const values: Record<string, string> = {};
  for (const name of names) {
    const entry = findCommand(name);
    const value = parsed[name];
    if (!entry || typeof value !== 'string') return { ok: false, reason: 'damaged' };
    const checked = validateValue(entry, value);
    if (!checked.ok) return { ok: false, reason: 'damaged' };
    Object.defineProperty(values, name, { value: checked.value, enumerable: true, writable: true });
  }
  return { ok: true, values };
}
