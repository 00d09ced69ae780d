/**
 * The one place that decides what in a setting's value is secret (docs/security.md). Three kinds:
 *
 * - `password`: a parameter the catalogue flags `secret` (CMDPW, the APN password, the cloud password);
 * - `credential`: a credential inside free text — an HTTP header line such as `Authorization:`,
 *   `Cookie:` or `X-Api-Key:` in HTPHD, a URL with `user:password@`, a query parameter such as
 *   `token=…` or `api_key=…` (HTPURL);
 * - `private`: the whole data of a setting the person marked private (registration data REGDT,
 *   heartbeat data HEARTDT — bytes that often identify or authenticate a device to its server).
 *
 * Only non-empty parameters count: an APN without password (`CMIOT,,`) holds no secret. Links, files,
 * AT scripts, the apply history, the devices store and masked views all ask `secretParts`/`isSecretValue`;
 * nothing else decides. Pure: no I/O, no state (the person's marks are passed in).
 */
import { findCommand } from './catalogue';
import { unescapeText } from './escape';
import type { Text } from './types';
import { splitParams } from './validate';

export type SecretKind = 'password' | 'credential' | 'private';

export interface SecretPart {
  /** Index of the parameter within the value. */
  readonly index: number;
  readonly kind: SecretKind;
  /** Why, for a person: "an Authorization header", "a password in the URL". */
  readonly reason: Text;
}

/** Settings whose whole data a person may mark private (they are hex bytes; nothing can be detected). */
export const PRIVATE_MARKABLE: readonly string[] = Object.freeze(['REGDT', 'HEARTDT']);

/** What a withheld secret looks like wherever a value is shown or kept without it. Never a valid value. */
export const SECRET_MASK = '••••••';

const t = (en: string, zh: string): Text => ({ en, zh });

/** Header names that carry a credential by themselves. */
const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'apikey',
  'x-auth-token',
  'x-access-token',
  'x-csrf-token',
  'x-amz-security-token',
  'x-goog-api-key',
]);

/** Any other header whose name says it carries a token, key, secret or password. */
const CREDENTIAL_HEADER_WORDS =
  /(^|[-_])(token|secret|api-?key|apikey|password|passwd|pwd|auth|session)([-_]|$)/i;

/** `scheme://user:password@` or `//user:password@`: credentials in a URL. */
const URL_USERINFO = /(^|[a-z][a-z0-9+.-]*:)?\/\/[^/\s:@?#]*:[^/\s@?#]+@/i;

/** A query or fragment parameter that carries a token, key, password or signature. */
const URL_TOKEN =
  /[?&;#](access[_-]?token|id[_-]?token|refresh[_-]?token|auth[_-]?token|token|auth|api[_-]?key|apikey|access[_-]?key|secret|client[_-]?secret|password|passwd|pwd|pass|sig|signature|session[_-]?id|sessionid)=[^&;#\s]/i;

/** Header lines in `text` (CR LF or LF separated) that carry a credential. */
function credentialHeader(text: string): boolean {
  return text.split(/\r?\n/).some((line) => {
    const colon = line.indexOf(':');
    if (colon <= 0) return false;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!/^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(name)) return false;
    const value = line.slice(colon + 1).trim();
    if (value === '') return false;
    return (
      CREDENTIAL_HEADERS.has(name) ||
      CREDENTIAL_HEADER_WORDS.test(name) ||
      /^(bearer|basic)\s+\S/i.test(value)
    );
  });
}

/** Why free text carries a credential, or undefined. `text` is the escaped parameter text. */
export function credentialIn(escaped: string): Text | undefined {
  const text = unescapeText(escaped);
  if (credentialHeader(text)) {
    return t(
      'a credential header (Authorization, Cookie, token or key)',
      '凭据请求头（Authorization、Cookie、令牌或密钥）',
    );
  }
  if (URL_USERINFO.test(text)) return t('a user name and password in a URL', 'URL 中的用户名和密码');
  if (URL_TOKEN.test(text)) return t('a token or key in a URL', 'URL 中的令牌或密钥');
  return undefined;
}

/**
 * The secret parameters of `value` (the canonical parameter text of setting `name`), in order.
 * `markedPrivate`: settings of `PRIVATE_MARKABLE` the person marked private.
 */
export function secretParts(
  name: string,
  value: string,
  markedPrivate: ReadonlySet<string> = new Set(),
): readonly SecretPart[] {
  const entry = findCommand(name);
  if (!entry || entry.params.length === 0) return [];
  const parts = splitParams(value);
  const found: SecretPart[] = [];
  const isPrivate = PRIVATE_MARKABLE.includes(entry.name) && markedPrivate.has(entry.name);
  entry.params.forEach((param, index) => {
    const part = parts[index] ?? '';
    if (part === '') return;
    if (param.secret === true) {
      found.push({ index, kind: 'password', reason: param.label });
    } else if (isPrivate) {
      found.push({ index, kind: 'private', reason: t('marked private', '已标记为私密') });
    } else if (param.type.kind === 'text') {
      const reason = credentialIn(part);
      if (reason) found.push({ index, kind: 'credential', reason });
    }
  });
  return found;
}

/** True when `value` of setting `name` holds anything secret (see `secretParts`). */
export function isSecretValue(name: string, value: string, markedPrivate?: ReadonlySet<string>): boolean {
  return secretParts(name, value, markedPrivate).length > 0;
}

/** The value with every secret parameter replaced by `SECRET_MASK` (empty ones stay empty: "not set"). */
export function redactSecrets(name: string, value: string, markedPrivate?: ReadonlySet<string>): string {
  const secret = secretParts(name, value, markedPrivate);
  if (secret.length === 0) return value;
  const entry = findCommand(name);
  const count = entry?.params.length ?? 0;
  const parts = splitParams(value);
  // Text past the last parameter belongs to it (as the forms split it), so it is withheld with it.
  if (count > 0 && parts.length > count)
    parts.splice(count - 1, parts.length, parts.slice(count - 1).join(','));
  const indexes = new Set(secret.map((s) => s.index));
  return parts.map((part, i) => (indexes.has(i) ? SECRET_MASK : part)).join(',');
}

/**
 * One line of AT traffic with its secrets withheld, for logs a person sends to support: a set command
 * `AT+NAME=value` and a reply `+NAME:value` have their value redacted (`redactSecrets`), and text before
 * `AT` on a command line (the password-AT prefix, manual 3.1.3) is replaced by `SECRET_MASK`.
 */
export function redactAtLine(line: string, markedPrivate?: ReadonlySet<string>): string {
  const set = /^(.*?)(AT\+)([A-Za-z0-9]+)(=)(.*?)(\r?\n?)$/i.exec(line);
  if (set) {
    const [, prefix = '', at = '', name = '', eq = '', value = '', end = ''] = set;
    return `${prefix === '' ? '' : SECRET_MASK}${at}${name}${eq}${redactSecrets(name, value, markedPrivate)}${end}`;
  }
  const cmd = /^(.+?)(AT(?:\+[A-Za-z0-9]+)?[?]?\r?\n?)$/i.exec(line);
  if (cmd && !/^\s*$/.test(cmd[1] ?? '') && !(cmd[1] ?? '').startsWith('+'))
    return `${SECRET_MASK}${cmd[2] ?? ''}`;
  const reply = /^(\+)([A-Za-z0-9]+)(:\s?)(.*?)(\r?\n?)$/.exec(line);
  if (reply) {
    const [, plus = '', name = '', colon = '', value = '', end = ''] = reply;
    return `${plus}${name}${colon}${redactSecrets(name, value, markedPrivate)}${end}`;
  }
  return line;
}
