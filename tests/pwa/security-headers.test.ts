import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../../vite.config';
import { META_CSP, SECURITY_HEADERS, netlifyHeaders, nginxHeaders } from '../../src/pwa/security-headers';
import { foreignAncestor, type FrameWindow } from '../../src/ui/secrets/framing';

describe('production headers (docs/security.md)', () => {
  it('the CSP forbids framing by another origin and keeps scripts to our own', () => {
    const csp = SECURITY_HEADERS['Content-Security-Policy'] ?? '';
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe('no-referrer');
    expect(SECURITY_HEADERS['X-Frame-Options']).toBe('SAMEORIGIN');
    expect(SECURITY_HEADERS['Permissions-Policy']).toMatch(/(^|, )serial=\(self\)(,|$)/);
  });

  it('the header CSP is the meta tag’s plus frame-ancestors', () => {
    const html = readFileSync('index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(META_CSP);
  });

  it('vite preview sends the set, and public/_headers and the nginx snippet in the docs are the same set', () => {
    expect(config.preview?.headers).toEqual(SECURITY_HEADERS);
    expect(readFileSync('public/_headers', 'utf8')).toBe(netlifyHeaders());
    expect(readFileSync('docs/security.md', 'utf8')).toContain(nginxHeaders());
  });

  it('source maps are not built unless SOURCEMAP=1', () => {
    expect(process.env['SOURCEMAP']).not.toBe('1');
    expect(config.build?.sourcemap).toBe(false);
    const pwa = readFileSync('vite.config.ts', 'utf8');
    expect(pwa).toMatch(/injectManifest: \{[^}]*\bsourcemap,/);
  });
});

/** A window in a chain of frames; `origins[0]` is the app's, then each parent's up to the top. */
function frames(
  origins: readonly string[],
  options: { listed?: boolean; readable?: boolean } = {},
): FrameWindow {
  const wins: FrameWindow[] = [];
  origins.forEach((origin, i) => {
    const win = {
      get location() {
        if (i > 0 && options.readable === false && origin !== origins[0]) throw new Error('SecurityError');
        return {
          origin,
          ...(i === 0 && options.listed ? { ancestorOrigins: origins.slice(1) } : {}),
        };
      },
      get parent(): FrameWindow {
        return wins[i + 1] ?? win;
      },
      get top(): FrameWindow {
        return wins[origins.length - 1] ?? win;
      },
    } as FrameWindow;
    wins.push(win);
  });
  const first = wins[0];
  if (!first) throw new Error('no window');
  return first;
}

describe('framing defence where the host sends no headers', () => {
  const APP = 'https://dtu.example';
  it('a top-level page, or a frame of our own origin, runs', () => {
    expect(foreignAncestor(frames([APP]))).toBeUndefined();
    expect(foreignAncestor(frames([APP, APP], { listed: true }))).toBeUndefined();
    expect(foreignAncestor(frames([APP, APP]))).toBeUndefined();
  });

  it('a frame of another origin is found from ancestorOrigins, or from a parent it cannot read', () => {
    expect(foreignAncestor(frames([APP, 'https://evil.example'], { listed: true }))).toBe(
      'https://evil.example',
    );
    expect(foreignAncestor(frames([APP, APP, 'https://evil.example'], { listed: true }))).toBe(
      'https://evil.example',
    );
    expect(foreignAncestor(frames([APP, 'https://evil.example'], { readable: false }))).toBe('unknown');
    expect(foreignAncestor(frames([APP, APP, 'https://evil.example'], { readable: false }))).toBe('unknown');
  });
});
