/**
 * The production response headers (docs/security.md), one list for every place that sends them:
 * `vite preview` (vite.config.ts `preview.headers`), `public/_headers` for Netlify / Cloudflare Pages and
 * the nginx snippet in docs/security.md (tests/pwa/security-headers.test.ts keeps those two equal to this).
 *
 * The Content-Security-Policy is the one of index.html's meta tag plus what only a header can say:
 * `frame-ancestors 'self'` (no other site may frame the app). Where a host cannot send headers, the app
 * refuses to run framed by another origin by itself (ui/secrets/framing.ts).
 */

/** The CSP of index.html's meta tag: scripts, workers and connections only from the app itself. */
export const META_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': `${META_CSP}; frame-ancestors 'self'`,
  /** For browsers without `frame-ancestors`. */
  'X-Frame-Options': 'SAMEORIGIN',
  'X-Content-Type-Options': 'nosniff',
  /** The app links nowhere that needs to know where a person came from. */
  'Referrer-Policy': 'no-referrer',
  /** Web Serial for this origin only (not for any frame of another one); nothing else powerful. */
  'Permissions-Policy':
    'serial=(self), usb=(), hid=(), bluetooth=(), camera=(), microphone=(), geolocation=(), payment=()',
  /** No other window keeps a handle on this one (window.opener). */
  'Cross-Origin-Opener-Policy': 'same-origin',
});

/** The headers in the `_headers` file format of Netlify and Cloudflare Pages. */
export function netlifyHeaders(): string {
  const lines = Object.entries(SECURITY_HEADERS).map(([k, v]) => `  ${k}: ${v}`);
  return `/*\n${lines.join('\n')}\n`;
}

/** The headers as nginx `add_header` lines. */
export function nginxHeaders(): string {
  return Object.entries(SECURITY_HEADERS)
    .map(([k, v]) => `add_header ${k} "${v}" always;`)
    .join('\n');
}
