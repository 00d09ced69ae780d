/**
 * The defence against being framed by another site where the host cannot send `frame-ancestors` /
 * `X-Frame-Options` (docs/security.md): at start the shell asks `foreignAncestor(window)`; when a page of
 * another origin holds the app in a frame, the app shows `FRAMED_MESSAGE` instead of its views and the
 * session refuses to connect, so no device action can be driven (or clicked into) from that page.
 * A frame of our own origin is fine. Kept tiny: it is in the start-up bundle.
 */
import type { Text } from '../../protocol/types';

/** What of `window` the check reads (a test passes a fake). */
export interface FrameWindow {
  readonly location: { readonly origin: string; readonly ancestorOrigins?: ArrayLike<string> };
  readonly parent: FrameWindow;
  readonly top: FrameWindow | null;
}

/**
 * The origin of the first ancestor frame that is not ours — `'unknown'` when the browser will not say
 * (a cross-origin parent cannot be read) — or undefined when the app is not framed by another origin.
 */
export function foreignAncestor(win: FrameWindow): string | undefined {
  let own: string;
  try {
    own = win.location.origin;
    if (win.top === win || win.parent === win) return undefined;
  } catch {
    return 'unknown';
  }
  // Chromium and Safari list every ancestor's origin, nearest first.
  const listed = win.location.ancestorOrigins;
  if (listed && listed.length > 0) {
    for (let i = 0; i < listed.length; i++) {
      const origin = listed[i];
      if (origin !== own) return origin ?? 'unknown';
    }
    return undefined;
  }
  // Elsewhere: walk up; reading a cross-origin parent's location throws.
  let w: FrameWindow = win;
  for (let depth = 0; depth < 50 && w.parent !== w; depth++) {
    try {
      if (w.parent.location.origin !== own) return w.parent.location.origin || 'unknown';
    } catch {
      return 'unknown';
    }
    w = w.parent;
  }
  return undefined;
}

let cached: string | undefined | null = null;

/** `foreignAncestor(window)`, checked once per page (frames cannot move a document between parents). */
export function framedByOtherOrigin(): string | undefined {
  if (cached === null) cached = typeof window === 'undefined' ? undefined : foreignAncestor(window);
  return cached;
}

export const FRAMED_MESSAGE = {
  heading: { en: 'Open this app in its own tab', zh: '请在单独的标签页中打开本应用' } satisfies Text,
  body: {
    en: 'This configurator is shown inside a page of another site ({origin}). To protect your device, it does not run there: no device can be connected, read or written from this frame.',
    zh: '本配置工具被嵌入在其他网站（{origin}）的页面中。为保护您的设备，它不会在此运行：在此框架中无法连接、读取或写入任何设备。',
  } satisfies Text,
  open: { en: 'Open the configurator in a new tab', zh: '在新标签页中打开配置工具' } satisfies Text,
  refused: {
    en: 'Refused: the app is framed by another site. Open it in its own tab.',
    zh: '已拒绝：本应用被其他网站嵌入。请在单独的标签页中打开。',
  } satisfies Text,
};
