import { relative } from 'node:path';
import type { Plugin } from 'vite';

/** What `dist/.vite/chunk-modules.json` holds for one chunk; read by scripts/check-bundle-size.mjs. */
export interface ChunkModules {
  /** Module ids relative to the project root (node_modules paths kept as they are). */
  modules: { id: string; renderedLength: number }[];
}

export const CHUNK_MODULES_FILE = '.vite/chunk-modules.json';

/**
 * Writes which source modules ended up in which output chunk. The Vite manifest only names chunks;
 * the budget check (docs/budgets.md) needs the modules inside them to name the one that drags
 * results, charts, import/export or live-session code into the participant's route.
 */
export function chunkModulesPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'ketenscan:chunk-modules',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    generateBundle(_options, bundle) {
      const chunks: Record<string, ChunkModules> = {};
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        chunks[output.fileName] = {
          modules: Object.entries(output.modules).map(([id, info]) => ({
            // Virtual modules start with \0; keep them readable instead of resolving them as paths.
            id: id.startsWith('\0') ? id.slice(1) : relative(root, id).split('\\').join('/'),
            renderedLength: info.renderedLength,
          })),
        };
      }
      this.emitFile({ type: 'asset', fileName: CHUNK_MODULES_FILE, source: `${JSON.stringify(chunks, null, 1)}\n` });
    },
  };
}
