// @vitest-environment node
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFile, checkFiles, describeFinding, importSites, lazyModulesOf, OLD_RELAY_DIR, PROTOCOL_DIR, readSources, RELAY_DIR } from './importRules';

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
    // The features that show results draw charts: the results pages, the presenter, the change between rounds, and the room's vote tally.
    const drawsCharts = (p: string) => under('features/results')(p) || under('features/present')(p) || under('features/rounds')(p) || under('features/agreements')(p);
    expect(offenders((p) => under('features')(p) && !drawsCharts(p), under('charts'))).toEqual([]);
  });
});

// The doors between the parts (docs/architecture.md), checked by tests/unit/importRules.ts.
// A feature uses another only through its front, `src/features/<b>/index.ts`. An `import()` (the
// shell's lazy routes in src/app/routes.tsx, a feature's lazy piece of another) names the module
// itself, so its chunk holds that module and not every export of the front; the front lists each
// such module in its LazyModules type. Browser code and the relay never import each other.
describe('doors between the parts', () => {
  const ROOT = resolve(SRC, '..');
  // src holds the old relay folder while it exists (OLD_RELAY_DIR).
  const tree = [
    ...readSources(ROOT, 'src'),
    ...readSources(ROOT, RELAY_DIR),
    ...readSources(ROOT, PROTOCOL_DIR),
  ];
  const lazy = new Set(['src/features/results/ResultsPage']);
  const findings = (path: string, text: string) => checkFile({ path, text }, lazy).map(describeFinding);

  it('finds no import through a wrong door in the real tree', () => {
    expect(checkFiles(tree).map(describeFinding)).toEqual([]);
  });

  it('reads the relay in its own package, and nothing of it is left in the app', () => {
    expect(existsSync(join(ROOT, OLD_RELAY_DIR)), OLD_RELAY_DIR).toBe(false);
    // The relay must be found, or rule (c) checks nothing.
    expect(tree.filter((f) => f.path.startsWith(`${RELAY_DIR}/`)).length).toBeGreaterThan(3);
  });

  it('reads imports over several lines, type-only imports, re-exports and import()', () => {
    const text = [
      "import type { A } from '../a';",
      'import {',
      '  b,',
      '  type C,',
      "} from '../b';",
      "export { d } from './d';",
      "export * from './e';",
      "import './f.css';",
      "const G = lazy(() => import('../g/G'));",
    ].join('\n');
    expect(importSites(text)).toEqual([
      { specifier: '../a', dynamic: false },
      { specifier: '../b', dynamic: false },
      { specifier: './d', dynamic: false },
      { specifier: './e', dynamic: false },
      { specifier: './f.css', dynamic: false },
      { specifier: '../g/G', dynamic: true },
    ]);
  });

  it('(a) a feature that imports past another feature’s front is found, statically or lazily', () => {
    const from = 'src/features/present/PresentPage.tsx';
    expect(findings(from, "import {\n  ResultView,\n} from '../results/views/ResultView';")).toEqual([
      `${from}: imports ../results/views/ResultView (feature-front)`,
    ]);
    expect(findings(from, "import type { X } from '../results/useScanResults';")).toEqual([`${from}: imports ../results/useScanResults (feature-front)`]);
    expect(findings(from, "const L = lazy(() => import('../live/LivePresenterJoin'));")).toEqual([`${from}: imports ../live/LivePresenterJoin (feature-front)`]);
    expect(findings('src/app/App.tsx', "import { roomScanOf } from '../features/respond/participantRoom';")).toEqual([
      'src/app/App.tsx: imports ../features/respond/participantRoom (feature-front)',
    ]);
    // Through the front, within one feature, and the shell's lazy route to a page module: allowed.
    expect(findings(from, "import { ResultView } from '../results';\nimport { x } from '../results/index';\nimport { y } from './y';")).toEqual([]);
    expect(findings('src/app/routes.tsx', "const r = () => import('../features/results/ResultsPage');")).toEqual([]);
    // An import() of a module its front does not list, or a static import of a listed one, is found.
    expect(findings('src/app/routes.tsx', "const r = () => import('../features/results/ResultsBody');")).toEqual([
      'src/app/routes.tsx: imports ../features/results/ResultsBody (feature-front)',
    ]);
    expect(findings(from, "import ResultsPage from '../results/ResultsPage';")).toEqual([`${from}: imports ../results/ResultsPage (feature-front)`]);
  });

  it('(a) the modules a front lists for import() are read from its LazyModules type', () => {
    const front = { path: 'src/features/live/index.ts', text: "export type LazyModules = {\n  JoinPage: typeof import('./JoinPage');\n};" };
    expect([...lazyModulesOf([front, { path: 'src/features/live/JoinPage.tsx', text: "import('./phoneSync');" }])]).toEqual(['src/features/live/JoinPage']);
    const routes = { path: 'src/app/routes.tsx', text: "const join = () => import('../features/live/JoinPage');\nconst sync = () => import('../features/live/phoneSync');" };
    expect(checkFiles([front, routes]).map(describeFinding)).toEqual(['src/app/routes.tsx: imports ../features/live/phoneSync (feature-front)']);
  });

  it('(b) browser code that imports the relay is found, in its old and its new home', () => {
    expect(findings('src/features/live/LiveSection.tsx', "import { refusal } from '../../relay/rules';")).toEqual([
      'src/features/live/LiveSection.tsx: imports ../../relay/rules (relay-out-of-browser)',
    ]);
    expect(findings('src/features/live/LiveSection.tsx', "import { refusal } from '../../../relay/src/rules';")).toEqual([
      'src/features/live/LiveSection.tsx: imports ../../../relay/src/rules (relay-out-of-browser)',
    ]);
    expect(findings('src/ui/x.ts', "import { createRelay } from '@ketenscan/relay';")).toEqual(['src/ui/x.ts: imports @ketenscan/relay (relay-out-of-browser)']);
  });

  it('(c) a relay that imports browser code is found, in its old and its new home', () => {
    expect(findings(`${OLD_RELAY_DIR}/rules.ts`, "import { db } from '../storage/db';")).toEqual([`${OLD_RELAY_DIR}/rules.ts: imports ../storage/db (browser-out-of-relay)`]);
    for (const dir of ['app', 'features/live', 'ui', 'state', 'storage', 'charts', 'i18n']) {
      expect(findings(`${RELAY_DIR}/rules.ts`, `import { x } from '../../src/${dir}/x';`)).toEqual([`${RELAY_DIR}/rules.ts: imports ../../src/${dir}/x (browser-out-of-relay)`]);
    }
    // The live protocol is what the relay shares with the app; not the app's domain, nor a package of the browser.
    expect(findings(`${RELAY_DIR}/rules.ts`, "import { isSessionId } from '../../src/domain/live/ids';")).toEqual([`${RELAY_DIR}/rules.ts: imports ../../src/domain/live/ids (browser-out-of-relay)`]);
    expect(findings(`${RELAY_DIR}/rules.ts`, "import { useState } from 'react';")).toEqual([`${RELAY_DIR}/rules.ts: imports react (browser-out-of-relay)`]);
    const allowed = ["import { isSessionId } from '@ketenscan/live-protocol';", "import { Server } from '@hocuspocus/server';", "import * as Y from 'yjs';", "import { createServer } from 'node:http';", "import { startRelay } from './createRelay';"];
    expect(allowed.flatMap((line) => findings(`${RELAY_DIR}/main.ts`, line))).toEqual([]);
    expect(findings(`${PROTOCOL_DIR}/limits.ts`, "import { useState } from 'react';")).toEqual([`${PROTOCOL_DIR}/limits.ts: imports react (pure-protocol)`]);
    expect(findings(`${PROTOCOL_DIR}/limits.ts`, "import { readFileSync } from 'node:fs';")).toEqual([`${PROTOCOL_DIR}/limits.ts: imports node:fs (pure-protocol)`]);
    expect(findings(`${PROTOCOL_DIR}/limits.ts`, "import { x } from '../../src/domain/types';")).toEqual([`${PROTOCOL_DIR}/limits.ts: imports ../../src/domain/types (pure-protocol)`]);
    expect(findings(`${PROTOCOL_DIR}/document.ts`, "import * as Y from 'yjs';")).toEqual([]);
  });

  it('(d) a domain module that imports React, Dexie or a layer above it is found', () => {
    const from = 'src/domain/analysis/x.ts';
    expect(findings(from, "import { useMemo } from 'react';")).toEqual([`${from}: imports react (pure-domain)`]);
    expect(findings(from, "import Dexie from 'dexie';")).toEqual([`${from}: imports dexie (pure-domain)`]);
    for (const dir of ['storage/db', 'state/uiStore', 'features/results/x', 'app/App']) {
      expect(findings(from, `import { x } from '../../${dir}';`)).toEqual([`${from}: imports ../../${dir} (pure-domain)`]);
    }
    expect(findings(from, "import { mean } from './mean';\nimport { x } from '../types';")).toEqual([]);
  });
});
