import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The direction of imports between the top folders of src (src/ui/CONTEXT.md): the shell
// (src/app) may use everything; a feature page never reaches back up into the shell, and the
// shared layers (ui, charts, storage, domain) never reach into a feature or the shell.

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Every relative import of the file, as a path under src ("app/failures", "ui/download"). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? '');
  return specifiers.map((s) => relative(SRC, resolve(dirname(file), s)));
}

const files = sourceFiles(SRC).map((file) => ({ path: relative(SRC, file), imports: importsOf(file) }));

function offenders(from: (path: string) => boolean, to: (target: string) => boolean): string[] {
  return files.filter((f) => from(f.path)).flatMap((f) => f.imports.filter(to).map((target) => `${f.path} → ${target}`));
}

const under = (folder: string) => (path: string) => path === folder || path.startsWith(`${folder}/`);

describe('import direction', () => {
  it('reads the source tree', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.find((f) => f.path === 'features/scans/ScanPage.tsx')?.imports).toContain('ui/failures');
  });

  it('feature pages never import from the shell (src/app)', () => {
    expect(offenders(under('features'), under('app'))).toEqual([]);
  });

  it('shared layers never import from a feature or the shell', () => {
    for (const layer of ['ui', 'charts', 'storage', 'domain', 'state', 'i18n']) {
      expect(offenders(under(layer), (t) => under('features')(t) || under('app')(t)), layer).toEqual([]);
    }
  });

  it('a feature borrows no helper from the charts: what two places share lives in src/ui', () => {
    // The features that show results draw charts: the results pages, the presenter, and the change between rounds.
    const drawsCharts = (p: string) => under('features/results')(p) || under('features/present')(p) || under('features/rounds')(p);
    expect(offenders((p) => under('features')(p) && !drawsCharts(p), under('charts'))).toEqual([]);
  });
});
