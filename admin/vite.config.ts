import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const adminRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Build of the brand-admin page: served by the gateway under /admin/, calling POST /fn/admin. */
export default defineConfig({
  root: adminRoot,
  base: '/admin/',
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^~\/types\//, replacement: `${repoRoot}types/` },
      { find: /^~\/core\//, replacement: `${repoRoot}core/` },
      // The `antd/locale/*` entry points are CommonJS shims over `lib/`; take the ES build instead.
      { find: /^antd\/locale\//, replacement: 'antd/es/locale/' },
    ],
  },
  build: {
    outDir: `${repoRoot}dist/admin`,
    emptyOutDir: true,
    rollupOptions: {
      output: {
        // React changes less often than the page; a chunk of its own stays cached across releases.
        manualChunks(id) {
          return /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/.test(id) ? 'react' : undefined;
        },
      },
    },
  },
});
