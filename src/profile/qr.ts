/**
 * A QR code of a link as an SVG string (uqr). Error correction M (15 %) — enough for a printed or
 * on-screen code; a full profile link of ~400 characters fits in version 15. The SVG has no script and no
 * external reference, so it can be shown as an `<img src="data:image/svg+xml,…">` under the page's CSP.
 */
import { renderSVG } from 'uqr';

/** Longest text a QR code holds at level M in byte mode (version 40). */
export const MAX_QR_BYTES = 2331;

export function qrSvg(text: string): string {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_QR_BYTES) {
    throw new RangeError(`Text too long for a QR code: ${bytes} bytes, at most ${MAX_QR_BYTES}`);
  }
  return renderSVG(text, { ecc: 'M', border: 2, pixelSize: 4 });
}
