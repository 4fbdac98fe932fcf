import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';

// The import rules between the parts of the code base (docs/architecture.md), as a checker
// that tests/unit/architecture.test.ts runs over the real tree and over planted bad imports.
// Paths are relative to the repository root, with forward slashes ("src/features/present/PresentPage.tsx").

/** Where the relay lived inside the app until it became its own workspace package: relay code there would be in the browser's tree. */
export const OLD_RELAY_DIR = 'src/relay';
/** The relay's own package (docs/architecture.md). */
export const RELAY_DIR = 'relay/src';
/** The pure live protocol the app and the relay both import (record format, refusals, close codes, limits). */
export const PROTOCOL_DIR = 'live-protocol/src';
/** A bare specifier that names the relay package ("@ketenscan/relay", "ketenscan-relay", "relay/…"). */
const RELAY_PACKAGE = /^(@ketenscan\/relay|ketenscan-relay|relay)(\/|$)/;
/** All the relay may import besides its own files: Node, its server packages, yjs and the live protocol. */
const RELAY_PACKAGES = /^(node:|@hocuspocus\/|ws$|yjs$|@ketenscan\/live-protocol$)/;
/** All the live protocol may import besides its own files. */
const PROTOCOL_PACKAGES = /^yjs$/;
/** What the pure domain never imports: a UI library, the database, or any layer above it. */
const IMPURE_PACKAGES = /^(react|react-dom|dexie|dexie-react-hooks|zustand|wouter)(\/|$)/;
const IMPURE_DIRS = ['src/storage', 'src/state', 'src/features', 'src/app', 'src/ui', 'src/charts', 'src/i18n'];

export type Rule = 'feature-front' | 'relay-out-of-browser' | 'browser-out-of-relay' | 'pure-domain' | 'pure-protocol';

export interface SourceFile {
  /** Relative to the repository root, forward slashes. */
  path: string;
  text: string;
}

export interface ImportSite {
  specifier: string;
  /** A dynamic `import()`: it may name a module of another feature if that feature's front lists it. */
  dynamic: boolean;
}

export interface Finding {
  file: string;
  specifier: string;
  rule: Rule;
}

export const describeFinding = (f: Finding): string => `${f.file}: imports ${f.specifier} (${f.rule})`;

/**
 * Every module specifier of a source text: `import … from`, `import type … from`, `export … from`
 * (each possibly over several lines), `import 'x'` for its side effects, and `import('x')`.
 */
export function importSites(text: string): ImportSite[] {
  const sites: ImportSite[] = [];
  const fromClause = /^[ \t]*(?:import|export)\b[^;'"`]*?\bfrom\s*['"]([^'"]+)['"]/gm;
  const bare = /^[ \t]*import\s*['"]([^'"]+)['"]/gm;
  const dynamic = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(fromClause)) sites.push({ specifier: m[1]!, dynamic: false });
  for (const m of text.matchAll(bare)) sites.push({ specifier: m[1]!, dynamic: false });
  for (const m of text.matchAll(dynamic)) sites.push({ specifier: m[1]!, dynamic: true });
  return sites;
}

/** The repository path a relative specifier points at (no extension added), or null for a package. */
export function resolveSpecifier(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return posix.normalize(posix.join(posix.dirname(file), specifier)).replace(/\.(ts|tsx|js|mjs)$/, '');
}

const under = (dir: string, path: string) => path === dir || path.startsWith(`${dir}/`);
const featureOf = (path: string) => /^src\/features\/([^/]+)(\/|$)/.exec(path)?.[1] ?? null;
/** The relay package's folder holds its sources (RELAY_DIR) and its tests: all of it is relay code. */
const isRelay = (path: string) => under(OLD_RELAY_DIR, path) || under(RELAY_DIR.split('/')[0]!, path);

/** A feature's front: the folder itself or its index module, nothing deeper. */
const isFront = (target: string, feature: string) => target === `src/features/${feature}` || target === `src/features/${feature}/index`;

/**
 * The modules each front names for lazy loading (`typeof import('./X')` in its LazyModules type),
 * as repository paths without extension: the one kind of module another part may `import()` itself.
 */
export function lazyModulesOf(files: SourceFile[]): Set<string> {
  const named = new Set<string>();
  for (const file of files) {
    if (!/^src\/features\/[^/]+\/index\.ts$/.test(file.path)) continue;
    for (const site of importSites(file.text)) {
      const target = resolveSpecifier(file.path, site.specifier);
      if (site.dynamic && target !== null) named.add(target);
    }
  }
  return named;
}

/** The findings of one file; `lazyModules` are the modules the fronts name for `import()`. */
export function checkFile(file: SourceFile, lazyModules: ReadonlySet<string> = new Set()): Finding[] {
  const findings: Finding[] = [];
  const from = file.path;
  const fromFeature = featureOf(from);
  const inApp = under('src/app', from);
  const inSrc = under('src', from);
  const inRelay = isRelay(from);
  const inDomain = under('src/domain', from);
  const inProtocol = under(PROTOCOL_DIR.split('/')[0]!, from);
  for (const { specifier, dynamic } of importSites(file.text)) {
    const target = resolveSpecifier(from, specifier);
    const add = (rule: Rule) => findings.push({ file: from, specifier, rule });
    // (a) A feature is used through its front; an import() (a lazy route of the shell, a lazy
    // piece of another feature) names the module itself, if that feature's front lists it.
    const toFeature = target === null ? null : featureOf(target);
    if ((fromFeature !== null || inApp) && target !== null && toFeature !== null && toFeature !== fromFeature && !isFront(target, toFeature)) {
      if (!(dynamic && lazyModules.has(target))) add('feature-front');
    }
    // (b) Browser code never imports the relay.
    if (inSrc && !inRelay && (target === null ? RELAY_PACKAGE.test(specifier) : isRelay(target))) add('relay-out-of-browser');
    // (c) The relay imports no browser code: only its own files, Node, its server packages, yjs and
    // the live protocol.
    if (inRelay && (target === null ? !RELAY_PACKAGES.test(specifier) : !isRelay(target))) add('browser-out-of-relay');
    // (d) The domain is pure: no React, no database, nothing above it.
    if (inDomain && (target === null ? IMPURE_PACKAGES.test(specifier) : IMPURE_DIRS.some((dir) => under(dir, target)) || isRelay(target))) add('pure-domain');
    // The live protocol is as pure as the domain, and knows nothing of the relay either.
    // Only its own files and yjs: it runs unchanged in the browser and in Node.
    if (inProtocol && (target === null ? !PROTOCOL_PACKAGES.test(specifier) : !under(PROTOCOL_DIR.split('/')[0]!, target))) add('pure-protocol');
  }
  return findings;
}

export function checkFiles(files: SourceFile[]): Finding[] {
  const lazyModules = lazyModulesOf(files);
  return files.flatMap((file) => checkFile(file, lazyModules));
}

/** The TypeScript sources under a repository folder; none when the folder does not exist. */
export function readSources(root: string, dir: string): SourceFile[] {
  const start = join(root, dir);
  if (!existsSync(start)) return [];
  const walk = (path: string): string[] =>
    statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => name !== 'node_modules' && name !== 'dist')
          .flatMap((name) => walk(join(path, name)))
      : /\.(ts|tsx|mts)$/.test(path) && !path.endsWith('.d.ts')
        ? [path]
        : [];
  return walk(start).map((path) => ({ path: relative(root, path).split(/[\\/]/).join('/'), text: readFileSync(path, 'utf8') }));
}
