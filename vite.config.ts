/**
 * Vite config for the ES Lottery Lab app. Workers are ES modules (comlink façades in workers/).
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  base: './',
  worker: { format: 'es' },
  // MuJoCo's Emscripten glue finds mujoco.wasm via new URL(…, import.meta.url): pre-bundling would move the glue away from it.
  optimizeDeps: { exclude: ['@mujoco/mujoco'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  server: { port: 5173 },
  preview: { port: 4173 },
});
