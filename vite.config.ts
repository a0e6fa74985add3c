/**
 * Vite config for the ES Lottery Lab app. Workers are ES modules (comlink façades in workers/).
 * The built app is installable and works offline (docs/OFFLINE.md): vite-plugin-pwa generates a Workbox
 * service worker that precaches the app itself (HTML, JS, CSS, the tfjs and MuJoCo wasm) and caches the
 * data sets and precomputed bundles at run time; src/ui/offline/ fetches those once after the first visit.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { OFFLINE_CACHES } from './src/ui/offline/caches';

/**
 * Caches only real files: a 200 answer that is an HTML page is the server's fallback for a file this build
 * does not ship (a tour evidence file not computed yet), and must not be kept under the file's name.
 */
const NOT_A_PAGE = {
  cacheWillUpdate: async ({ response }: { response: Response }) =>
    response.status === 200 && !(response.headers.get('content-type') ?? '').includes('text/html') ? response : null,
};

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // src/ui/offline/register.ts registers the worker (to report what is ready offline).
      injectRegister: null,
      registerType: 'autoUpdate',
      includeAssets: ['icons/icon.svg'],
      manifest: {
        name: 'ES Lottery Lab',
        short_name: 'Lottery Lab',
        description: 'Rerun the experiments of "Lottery Tickets in Evolutionary Optimization" in the browser.',
        theme_color: '#1c2433',
        background_color: '#f5f6f8',
        display: 'standalone',
        start_url: './',
        scope: './',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // The app: every built file except the data sets and bundles (cached at run time, below).
        globPatterns: ['**/*.{js,css,html,wasm,svg,png,webmanifest}'],
        globIgnores: ['data/**', 'precomputed/**'],
        // MuJoCo's wasm is 10 MB; the largest tfjs wasm ~5 MB.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        clientsClaim: true,
        skipWaiting: true,
        navigateFallback: 'index.html',
        runtimeCaching: [
          {
            // Data set files never change under a name: served from the cache once there.
            urlPattern: ({ url }) => url.pathname.includes('/data/') && url.pathname.endsWith('.gz'),
            handler: 'CacheFirst',
            options: { cacheName: OFFLINE_CACHES.data, plugins: [NOT_A_PAGE] },
          },
          {
            // A rebundled preset replaces its file: show the cached one, refresh it in the background.
            urlPattern: ({ url }) => url.pathname.includes('/precomputed/'),
            handler: 'StaleWhileRevalidate',
            options: { cacheName: OFFLINE_CACHES.precomputed, plugins: [NOT_A_PAGE] },
          },
        ],
      },
    }),
  ],
  base: './',
  worker: { format: 'es' },
  // MuJoCo's Emscripten glue finds mujoco.wasm via new URL(…, import.meta.url): pre-bundling would move the glue away from it.
  optimizeDeps: { exclude: ['@mujoco/mujoco'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  server: { port: 5173 },
  preview: { port: 4173 },
});
