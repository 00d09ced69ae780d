/**
 * Share links: a profile in the URL fragment, `#p=1.<base64url>` (the fragment never reaches a server).
 *
 * The base64url text holds `flags (1 byte) · data · CRC-32 (4 bytes, big-endian, over flags and data)`.
 * flags bit 0: data is raw DEFLATE of the `bytes` form, bit 1: the link carries secrets (the person opted
 * in), bits 2–3: the payload's own flags (notes, plain-text values), bit 4: data is the `packed` form
 * (texts in a static code, link/text-code.ts); bits 5–7 are 0, and bits 0 and 4 never both. The encoder
 * writes the `bytes` form plain and deflated and the `packed` form, and keeps the shortest. Data is the
 * payload of link/payload.ts. Without `includeSecrets` the settings that carry a
 * secret are left out entirely (secrets.ts), and a link that says "no secrets" but holds one is refused.
 *
 * Decoding only reads: it returns a validated profile or one clear error (English and Chinese), and never
 * stores or applies anything. Each layer refuses on its own terms — length, prefix, version, characters,
 * checksum, flags, inflated size, structure, then the same `validateProfile` as files.
 */
import type { Text } from '../protocol/types';
import type { Profile, ProfileProblem } from './profile';
import { carriesSecret, stripSecrets, withheldSecrets } from './secrets';
import { fromBase64Url, toBase64Url } from './link/base64url';
import { PayloadError } from './link/bits';
import { crc32 } from './link/crc32';
import { deflateRaw, inflateRaw } from './link/deflate';
import { linkFragment } from './link/link-text';
import { PAYLOAD_FLAGS, decodePayload, encodePayload } from './link/payload';
import { validateProfile } from './validate-profile';

export const LINK_VERSION = 1;
const PREFIX = `p=${LINK_VERSION}.`;
/** Longer text is refused unread. A full profile with long notes stays far below it. */
export const MAX_LINK_CHARS = 12_000;
/** Inflated payload limit: 47 settings at their longest plus the longest name and notes fit in 16 KiB. */
export const MAX_PAYLOAD_BYTES = 32 * 1024;

const DEFLATED = 1;
const SECRETS = 2;
const PAYLOAD_SHIFT = 2;
const PACKED = 16;
const KNOWN_FLAGS = DEFLATED | SECRETS | (PAYLOAD_FLAGS << PAYLOAD_SHIFT) | PACKED;

export interface ShareLinkOptions {
  /** Default false: settings that carry a password stay out of the link. */
  readonly includeSecrets?: boolean;
}

export interface ShareLink {
  /** What goes after `#`: `p=1.…`. */
  readonly fragment: string;
  /** Settings left out because they carry a secret (empty with `includeSecrets`). */
  readonly withheld: readonly string[];
}

export type LinkErrorCode =
  | 'too-long'
  | 'not-a-profile-link'
  | 'version'
  | 'bad-characters'
  | 'truncated'
  | 'checksum'
  | 'unsupported'
  | 'too-large'
  | 'damaged'
  | 'invalid-profile'
  | 'undeclared-secrets';

export interface LinkError {
  readonly code: LinkErrorCode;
  readonly message: Text;
  /** For `invalid-profile`: every problem found, as for a file. */
  readonly problems?: readonly ProfileProblem[];
}

export type LinkResult =
  | { readonly ok: true; readonly profile: Profile; readonly includesSecrets: boolean }
  | { readonly ok: false; readonly error: LinkError };

/** Encodes a valid profile; throws for an invalid one (a programming error: store profiles are valid). */
export async function encodeShareLink(profile: Profile, options: ShareLinkOptions = {}): Promise<ShareLink> {
  const checked = validateProfile(profile);
  if (!checked.ok)
    throw new Error(`Cannot share an invalid profile: ${checked.problems[0]?.message.en ?? ''}`);
  const withSecrets = options.includeSecrets === true;
  const withheld = withSecrets ? [] : withheldSecrets(checked.profile);
  const shared = withSecrets ? checked.profile : stripSecrets(checked.profile);
  const bytesForm = encodePayload(shared, 'bytes');
  const packedForm = encodePayload(shared, 'packed');
  const candidates = [
    { form: 0, data: bytesForm.bytes },
    { form: DEFLATED, data: await deflateRaw(bytesForm.bytes) },
    { form: PACKED, data: packedForm.bytes },
  ].sort((a, b) => a.data.length - b.data.length);
  const { form, data } = candidates[0] ?? { form: 0, data: bytesForm.bytes };
  const body = new Uint8Array(1 + data.length + 4);
  body[0] = form | (withSecrets ? SECRETS : 0) | (bytesForm.flags << PAYLOAD_SHIFT);
  body.set(data, 1);
  new DataView(body.buffer).setUint32(1 + data.length, crc32(body.subarray(0, 1 + data.length)));
  return { fragment: PREFIX + toBase64Url(body), withheld };
}

/** `https://host/path#p=1.…` from the page address (any fragment it had is replaced). */
export function shareUrl(pageUrl: string, link: ShareLink): string {
  const hash = pageUrl.indexOf('#');
  return `${hash < 0 ? pageUrl : pageUrl.slice(0, hash)}#${link.fragment}`;
}

const refuse = (code: LinkErrorCode, en: string, zh: string): LinkResult => ({
  ok: false,
  error: { code, message: { en, zh } },
});

export async function decodeShareLink(input: string): Promise<LinkResult> {
  if (input.length > MAX_LINK_CHARS) {
    return refuse(
      'too-long',
      `This link is too long to be a profile link (${input.length} characters, at most ${MAX_LINK_CHARS})`,
      `该链接过长，不是配置档案链接（${input.length} 个字符，最多 ${MAX_LINK_CHARS} 个）`,
    );
  }
  const fragment = linkFragment(input);
  const head = /^p=([^.]*)\./.exec(fragment);
  if (!head) {
    return refuse(
      'not-a-profile-link',
      'This is not a profile link: it should contain #p=1.…',
      '这不是配置档案链接：应包含 #p=1.…',
    );
  }
  if (head[1] !== String(LINK_VERSION)) {
    const v = head[1] ?? '';
    return /^[0-9]{1,6}$/.test(v) && Number(v) > LINK_VERSION
      ? refuse(
          'version',
          `This link was made by a newer version of the app (link format ${v}); update the app to open it`,
          `该链接由更新版本的应用生成（链接格式 ${v}），请更新应用后再打开`,
        )
      : refuse(
          'version',
          `Unknown link format "${v.slice(0, 12)}": this app reads format ${LINK_VERSION}`,
          `未知的链接格式“${v.slice(0, 12)}”：本应用只能读取格式 ${LINK_VERSION}`,
        );
  }
  const decoded = fromBase64Url(fragment.slice(head[0].length));
  if (!decoded.ok) {
    if (decoded.reason === 'character') {
      const shown = JSON.stringify(decoded.char ?? '');
      return refuse(
        'bad-characters',
        `The link contains the character ${shown}, which a profile link never has: it was changed or cut`,
        `链接包含配置档案链接不会有的字符 ${shown}：链接已被修改或截断`,
      );
    }
    return refuse(
      'truncated',
      'The link is incomplete: it was cut short when copied',
      '链接不完整：复制时被截断',
    );
  }
  const body = decoded.bytes;
  if (body.length < 5)
    return refuse(
      'truncated',
      'The link is incomplete: it was cut short when copied',
      '链接不完整：复制时被截断',
    );
  const dataEnd = body.length - 4;
  const expected = new DataView(body.buffer, body.byteOffset, body.byteLength).getUint32(dataEnd);
  if (crc32(body.subarray(0, dataEnd)) !== expected) {
    return refuse(
      'checksum',
      'The link is damaged (its checksum does not match): it was changed or cut when copied',
      '链接已损坏（校验和不匹配）：复制时被修改或截断',
    );
  }
  const flags = body[0] ?? 0;
  if ((flags & ~KNOWN_FLAGS) !== 0 || (flags & DEFLATED && flags & PACKED)) {
    return refuse(
      'unsupported',
      'This link uses features this version of the app does not know; update the app',
      '该链接使用了本版本应用不支持的功能，请更新应用',
    );
  }
  let payload = body.subarray(1, dataEnd);
  if (flags & DEFLATED) {
    const inflated = await inflateRaw(payload, MAX_PAYLOAD_BYTES);
    if (!inflated.ok) {
      return inflated.reason === 'too-large'
        ? refuse(
            'too-large',
            `The link unpacks to more than ${MAX_PAYLOAD_BYTES / 1024} KiB, far more than any profile: refused`,
            `链接解压后超过 ${MAX_PAYLOAD_BYTES / 1024} KiB，远超任何配置档案：已拒绝`,
          )
        : refuse('damaged', 'The link data is damaged and cannot be unpacked', '链接数据已损坏，无法解压');
    }
    payload = inflated.bytes;
  }
  let candidate: Record<string, unknown>;
  try {
    candidate = decodePayload(
      (flags >> PAYLOAD_SHIFT) & PAYLOAD_FLAGS,
      flags & PACKED ? 'packed' : 'bytes',
      payload,
    );
  } catch (e) {
    if (!(e instanceof PayloadError)) throw e;
    return refuse(
      'damaged',
      `The link data is not a valid profile: ${e.text.en}`,
      `链接数据不是有效的配置档案：${e.text.zh}`,
    );
  }
  const checked = validateProfile(candidate);
  if (!checked.ok) {
    const first = checked.problems[0]?.message ?? { en: '', zh: '' };
    return {
      ok: false,
      error: {
        code: 'invalid-profile',
        message: {
          en: `The profile in this link is not valid: ${first.en}`,
          zh: `链接中的配置档案无效：${first.zh}`,
        },
        problems: checked.problems,
      },
    };
  }
  const includesSecrets = (flags & SECRETS) !== 0;
  if (!includesSecrets) {
    const secret = Object.entries(checked.profile.values).find(([n, v]) => carriesSecret(n, v));
    if (secret) {
      return refuse(
        'undeclared-secrets',
        `The link says it holds no passwords, yet it sets AT+${secret[0]}: refused`,
        `链接声明不含密码，却设置了 AT+${secret[0]}：已拒绝`,
      );
    }
  }
  return { ok: true, profile: checked.profile, includesSecrets };
}
