/**
 * A small support bundle as a link, `…#support/b=1.<base64url>` (the fragment never reaches a server), and
 * as a QR code when the link fits one. Same approach as profile links (share-link.ts): `flags (1 byte) ·
 * data · CRC-32 (4 bytes, big-endian, over flags and data)`, flags bit 0 = data is raw DEFLATE of the
 * bundle file's UTF-8 text (the shorter of plain and deflated is kept). A bundle whose link would be longer
 * than MAX_BUNDLE_LINK_CHARS gets no link: "too large for a link — send the file".
 *
 * Decoding checks length, prefix, version, characters, checksum, flags and the inflated size, then reads
 * the text with the same strict reader as a file (read.ts).
 */
import type { Text } from '../../protocol/types';
import { fromBase64Url, toBase64Url } from '../link/base64url';
import { crc32 } from '../link/crc32';
import { deflateRaw, inflateRaw } from '../link/deflate';
import { bundleToJson } from './build';
import type { SupportBundle } from './format';
import { readBundle, type BundleRead } from './read';

export const BUNDLE_LINK_VERSION = 1;
/** The view and the prefix in the fragment: `#support/b=1.…`. */
export const BUNDLE_LINK_PREFIX = `support/b=${BUNDLE_LINK_VERSION}.`;
/**
 * Longest link made or read, characters (the whole URL). Chat programs and mail cut or wrap longer ones;
 * a bundle of a connect and one read-all (≈ 100 log lines) fits, a long session does not.
 */
export const MAX_BUNDLE_LINK_CHARS = 8000;
/** A link's data never unpacks to more than this (a bundle that fits a link is far smaller). */
const MAX_INFLATED_BYTES = 1024 * 1024;
const DEFLATED = 1;

const t = (en: string, zh: string): Text => ({ en, zh });

export type BundleLinkResult =
  { readonly ok: true; readonly url: string } | { readonly ok: false; readonly length: number };

/** The link for `bundle` at `pageUrl`, or how long it would have been when too long for a link. */
export async function bundleLink(bundle: SupportBundle, pageUrl: string): Promise<BundleLinkResult> {
  const plain = new TextEncoder().encode(bundleToJson(bundle));
  const deflated = await deflateRaw(plain);
  const [flags, data] = deflated.length < plain.length ? [DEFLATED, deflated] : [0, plain];
  const body = new Uint8Array(1 + data.length + 4);
  body[0] = flags;
  body.set(data, 1);
  new DataView(body.buffer).setUint32(1 + data.length, crc32(body.subarray(0, 1 + data.length)));
  const hash = pageUrl.indexOf('#');
  const url = `${hash < 0 ? pageUrl : pageUrl.slice(0, hash)}#${BUNDLE_LINK_PREFIX}${toBase64Url(body)}`;
  return url.length <= MAX_BUNDLE_LINK_CHARS ? { ok: true, url } : { ok: false, length: url.length };
}

/** The bundle data of a fragment (`support/b=1.…`), or undefined when the fragment holds none. */
export function bundleFragmentOf(hash: string): string | undefined {
  const m = /^#?\/?support\/(b=.*)$/.exec(hash);
  return m ? m[1] : undefined;
}

const refuse = (en: string, zh: string): BundleRead => ({
  ok: false,
  error: { code: 'not-a-bundle', message: t(en, zh), problems: [] },
});

/** Reads a bundle link (the part after `support/`: `b=1.…`). */
export async function readBundleLink(fragment: string): Promise<BundleRead> {
  if (fragment.length > MAX_BUNDLE_LINK_CHARS) {
    return refuse(
      `This link is too long to be a support bundle link (${fragment.length} characters, at most ${MAX_BUNDLE_LINK_CHARS})`,
      `该链接过长，不是支持包链接（${fragment.length} 个字符，最多 ${MAX_BUNDLE_LINK_CHARS} 个）`,
    );
  }
  const head = /^b=([^.]*)\./.exec(fragment);
  if (!head)
    return refuse(
      'This is not a support bundle link: it should contain #support/b=1.…',
      '这不是支持包链接：应包含 #support/b=1.…',
    );
  if (head[1] !== String(BUNDLE_LINK_VERSION)) {
    return refuse(
      `Unknown support bundle link format "${(head[1] ?? '').slice(0, 12)}": this app reads format ${BUNDLE_LINK_VERSION}; a newer app may open it`,
      `未知的支持包链接格式“${(head[1] ?? '').slice(0, 12)}”：本应用只能读取格式 ${BUNDLE_LINK_VERSION}，更新版本的应用或许可以打开`,
    );
  }
  const decoded = fromBase64Url(fragment.slice(head[0].length));
  if (!decoded.ok || decoded.bytes.length < 5) {
    return refuse(
      'The link is damaged or incomplete: it was changed or cut when copied',
      '链接已损坏或不完整：复制时被修改或截断',
    );
  }
  const body = decoded.bytes;
  const end = body.length - 4;
  const expected = new DataView(body.buffer, body.byteOffset, body.byteLength).getUint32(end);
  if (crc32(body.subarray(0, end)) !== expected) {
    return refuse(
      'The link is damaged (its checksum does not match): it was changed or cut when copied',
      '链接已损坏（校验和不匹配）：复制时被修改或截断',
    );
  }
  const flags = body[0] ?? 0;
  if ((flags & ~DEFLATED) !== 0) {
    return refuse(
      'This link uses features this version of the app does not know; update the app',
      '该链接使用了本版本应用不支持的功能，请更新应用',
    );
  }
  let data = body.subarray(1, end);
  if (flags & DEFLATED) {
    const inflated = await inflateRaw(data, MAX_INFLATED_BYTES);
    if (!inflated.ok) {
      return inflated.reason === 'too-large'
        ? refuse(
            'The link unpacks to more than 1 MiB, far more than a bundle link holds: refused',
            '链接解压后超过 1 MiB，远超支持包链接的容量：已拒绝',
          )
        : refuse('The link data is damaged and cannot be unpacked', '链接数据已损坏，无法解压');
    }
    data = inflated.bytes;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return refuse('The link data is damaged (not text)', '链接数据已损坏（不是文本）');
  }
  return readBundle(text);
}
