import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server (apps/api) serves the built app and /trpc from one origin; in development the
// Vite server forwards /trpc to it so the session cookie stays same-origin there too.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/trpc': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Budget is checked by scripts/bundle-size.ts; Vite's own warning would only repeat it.
    chunkSizeWarningLimit: 2000,
  },
});
