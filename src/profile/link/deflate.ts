/**
 * Raw DEFLATE through the platform's CompressionStream / DecompressionStream ('deflate-raw': Chromium 103+,
 * Node 21.2+ and 20.12+). Inflating stops as soon as the output passes a limit, so a small link that would
 * expand to gigabytes (a "decompression bomb") costs no more than the limit.
 */
async function collect(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | 'too-large'> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return 'too-large';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Feeds `bytes` through a transform; write errors surface on the readable side, so they are ignored here. */
function through(
  transform: CompressionStream | DecompressionStream,
  bytes: Uint8Array,
): ReadableStream<Uint8Array> {
  const writer = transform.writable.getWriter();
  writer.write(new Uint8Array(bytes)).catch(() => undefined);
  writer.close().catch(() => undefined);
  return transform.readable;
}

export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const out = await collect(through(new CompressionStream('deflate-raw'), bytes), Number.MAX_SAFE_INTEGER);
  if (out === 'too-large') throw new Error('unreachable');
  return out;
}

export type InflateResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: 'too-large' | 'damaged' };

export async function inflateRaw(bytes: Uint8Array, limit: number): Promise<InflateResult> {
  try {
    const out = await collect(through(new DecompressionStream('deflate-raw'), bytes), limit);
    return out === 'too-large' ? { ok: false, reason: 'too-large' } : { ok: true, bytes: out };
  } catch {
    return { ok: false, reason: 'damaged' };
  }
}
