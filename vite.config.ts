/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { chunkModulesPlugin } from './scripts/chunkModulesPlugin.ts';
import { participantPreloadPlugin } from './scripts/participantPreloadPlugin.ts';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// `base: './'` keeps every asset URL relative, so the built app runs from any folder
// or static host; routes live in the hash, so no server rewrite rules are needed.
export default defineConfig({
  base: './',
  plugins: [react(), chunkModulesPlugin(), participantPreloadPlugin()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    target: 'es2022',
    manifest: true,
    sourcemap: false,
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
  test: {
    environment: 'jsdom',
    setupFiles: ['tests/setup.ts'],
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/component/**/*.test.tsx', 'tests/component/**/*.test.ts'],
    restoreMocks: true,
  },
});
