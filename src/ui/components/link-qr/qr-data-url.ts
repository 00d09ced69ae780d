import { qrSvg } from '../../../profile/qr';

/**
 * The QR code of `text` as a `data:image/svg+xml` URL for an `<img src>`, or undefined when the text is
 * too long for a QR code. The SVG comes from our own generator (`qrSvg`), and as an image nothing of the
 * link is ever parsed as HTML.
 */
export function qrDataUrl(text: string): string | undefined {
  try {
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg(text))}`;
  } catch {
    return undefined;
  }
}
