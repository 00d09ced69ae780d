import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { manifestIcons, pwaIcons } from './src/pwa/vite-icons';

export default defineConfig({
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 600,
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
