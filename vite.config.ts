import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { SECURITY_HEADERS } from './src/pwa/security-headers';
import { manifestIcons, pwaIcons } from './src/pwa/vite-icons';

/** Source maps are not served by default; `SOURCEMAP=1 npm run build` keeps them for debugging. */
const sourcemap = process.env.SOURCEMAP === '1';

export default defineConfig({
  build: {
    target: 'es2022',
    sourcemap,
    chunkSizeWarningLimit: 600,
  },
  // The production header set (docs/security.md); public/_headers carries the same for static hosts.
  preview: {
    headers: { ...SECURITY_HEADERS },
  },
  worker: {
    format: 'es',
  },
  plugins: [
    pwaIcons(),
    // Offline, installable app: src/pwa/sw.ts precaches the build; src/pwa/register.ts registers it.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/pwa',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      includeManifestIcons: false,
      injectManifest: {
        // sw.js.map only with SOURCEMAP=1, like the app's own maps.
        sourcemap,
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff,woff2}'],
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
      manifest: {
        name: 'USR-LTE-7S4 Configurator',
        short_name: '7S4 Config',
        description: 'Configure the USR-LTE-7S4 4G DTU over Web Serial, or try it on the built-in simulator.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f4f6f9',
        theme_color: '#0b5cad',
        icons: [...manifestIcons(), { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
    }),
  ],
});
