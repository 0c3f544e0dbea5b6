import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The console is served by the gateway under /app/ (gateway/console.ts); the build goes to console/dist. */
export default defineConfig({
  root: __dirname,
  base: '/app/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false, reportCompressedSize: false },
  logLevel: 'warn',
});
