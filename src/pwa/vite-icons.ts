/**
 * A small Vite plugin that serves (dev) and emits (build) the PNG icons the web app manifest names.
 * Emitted before vite-plugin-pwa globs the output, so the icons are precached like everything else.
 */
import type { Plugin } from 'vite';
import { iconPng } from './icon-png';

export interface IconFile {
  readonly file: string;
  readonly size: number;
  readonly maskable: boolean;
}

export const ICON_FILES: readonly IconFile[] = [
  { file: 'icons/icon-192.png', size: 192, maskable: false },
  { file: 'icons/icon-512.png', size: 512, maskable: false },
  { file: 'icons/maskable-512.png', size: 512, maskable: true },
];

/** The manifest's `icons` list for these files. */
export function manifestIcons(): { src: string; sizes: string; type: string; purpose: string }[] {
  return ICON_FILES.map((i) => ({
    src: i.file,
    sizes: `${i.size}x${i.size}`,
    type: 'image/png',
    purpose: i.maskable ? 'maskable' : 'any',
  }));
}

export function pwaIcons(): Plugin {
  const cache = new Map<string, Buffer>();
  const render = (icon: IconFile): Buffer => {
    let png = cache.get(icon.file);
    if (!png) {
      png = iconPng(icon.size, icon.maskable);
      cache.set(icon.file, png);
    }
    return png;
  };
  return {
    name: 'usr-7s4-pwa-icons',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const icon = ICON_FILES.find((i) => req.url === `/${i.file}`);
        if (!icon) {
          next();
          return;
        }
        res.setHeader('Content-Type', 'image/png');
        res.end(render(icon));
      });
    },
    generateBundle() {
      for (const icon of ICON_FILES)
        this.emitFile({ type: 'asset', fileName: icon.file, source: render(icon) });
    },
  };
}
