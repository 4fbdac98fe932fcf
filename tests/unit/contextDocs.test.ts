// @vitest-environment node
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The docs that sit beside the code stay true to it (README.md, "Project layout"): every CONTEXT.md
// names the files of its folder and no file that is gone; every docs/*.md that a CONTEXT.md, the
// README or a code comment points to exists; and nothing points to the design notes that live
// outside the repository. Paths are relative to the repository root, with forward slashes.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where a name such as `src/storage/db.ts` or `docs/analysis.md` is read from the repository root. */
const REPO_ROOTS = ['src/', 'tests/', 'docs/', 'relay/', 'live-protocol/', 'tools/', 'scripts/', 'schema/'];
/** A backticked name that looks like a source file: `rules.ts`, `model/chartData.ts`, `src/ui/QrCode.tsx:12`. */
const SOURCE_NAME = /^[\w@.-]+(?:\/[\w@.-]+)*\.(?:ts|tsx|mts|mjs|js|css)$/;
/** The design notes kept outside the repository; spelled in pieces so this file does not name them itself. */
const OUTSIDE_NOTES = ['DESIGN', 'STYLE'].map((name) => `${name}.md`);

interface DocFile {
  path: string;
  text: string;
}

interface ContextFolder {
  /** The CONTEXT.md, e.g. "src/storage/CONTEXT.md". */
  path: string;
  text: string;
  /** The .ts/.tsx files it must name, as repository paths. */
  own: string[];
  /** A workspace package's CONTEXT.md (relay/, live-protocol/) also reads names from its src/. */
  isPackage: boolean;
}

/** Every name in backticks that looks like a source file, a line reference (`x.ts:40`) cut off. */
function backtickedSourceNames(text: string): string[] {
  return [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!.trim().replace(/:\d+(?:-\d+)?$/, '')).filter((name) => SOURCE_NAME.test(name));
}

/** The repository paths a backticked name may stand for: beside the CONTEXT.md, in a package's src/, or from the root. */
function candidates(folder: ContextFolder, name: string): string[] {
  const dir = posix.dirname(folder.path);
  const paths = [posix.normalize(posix.join(dir, name))];
  if (folder.isPackage) paths.push(posix.normalize(posix.join(dir, 'src', name)));
  if (REPO_ROOTS.some((root) => name.startsWith(root)) || !name.includes('/')) paths.push(posix.normalize(name));
  return paths;
}

/** Rules (a) and (b) for one CONTEXT.md; `exists` answers for a repository path. */
function checkContext(folder: ContextFolder, exists: (path: string) => boolean): string[] {
  const findings: string[] = [];
  const names = backtickedSourceNames(folder.text);
  const named = new Set<string>();
  for (const name of names) {
    const found = candidates(folder, name).filter(exists);
    if (found.length === 0) findings.push(`${folder.path}: names ${name}, which does not exist`);
    for (const path of found) named.add(path);
  }
  for (const file of folder.own) {
    if (!named.has(file)) findings.push(`${folder.path}: does not name ${posix.relative(posix.dirname(folder.path), file)}`);
  }
  return findings;
}

/** Rule (c): every docs/*.md a text names exists. */
function checkDocsLinks(file: DocFile, exists: (path: string) => boolean): string[] {
  const refs = new Set([...file.text.matchAll(/(?<![\w-])docs\/((?:[\w.-]+\/)*[\w.-]+\.md)\b/g)].map((m) => `docs/${m[1]!}`));
  return [...refs].filter((ref) => !exists(ref)).map((ref) => `${file.path}: names ${ref}, which does not exist`);
}

/** Rule (d): no text names the design notes outside the repository. */
function checkOutsideNotes(file: DocFile): string[] {
  return OUTSIDE_NOTES.filter((note) => new RegExp(`(?<![\\w/])${note.replace('.', '\\.')}`).test(file.text)).map(
    (note) => `${file.path}: names ${note}, which is not in the repository (point to docs/)`,
  );
}

// ---- the real tree ----

const SKIP = new Set(['node_modules', 'dist', '.git', 'test-results', 'playwright-report']);

function walk(dir: string, keep: (name: string) => boolean): string[] {
  const start = join(ROOT, dir);
  if (!existsSync(start)) return [];
  if (!statSync(start).isDirectory()) return keep(dir) ? [dir] : [];
  return readdirSync(start)
    .filter((name) => !SKIP.has(name))
    .flatMap((name) => walk(posix.join(dir, name), keep));
}

const read = (path: string): DocFile => ({ path, text: readFileSync(join(ROOT, path), 'utf8') });
const existsInRepo = (path: string) => existsSync(join(ROOT, path));
const isCode = (name: string) => /\.(ts|tsx|mts|mjs|js|cjs|css)$/.test(name);
const isText = (name: string) => isCode(name) || /\.(md|html)$/.test(name);
/** The .ts/.tsx files directly in a folder. */
const codeFilesIn = (dir: string) =>
  readdirSync(join(ROOT, dir))
    .filter((name) => /\.(ts|tsx)$/.test(name) && statSync(join(ROOT, dir, name)).isFile())
    .map((name) => posix.join(dir, name));

function contextFolders(): ContextFolder[] {
  const paths = ['src', 'relay', 'live-protocol', 'tools'].flatMap((dir) => walk(dir, (p) => posix.basename(p) === 'CONTEXT.md'));
  return paths.map((path) => {
    const dir = posix.dirname(path);
    const isPackage = existsInRepo(posix.join(dir, 'package.json'));
    const srcHasOwn = existsInRepo(posix.join(dir, 'src', 'CONTEXT.md'));
    const own = [...codeFilesIn(dir), ...(isPackage && !srcHasOwn && existsInRepo(posix.join(dir, 'src')) ? codeFilesIn(posix.join(dir, 'src')) : [])];
    return { ...read(path), own, isPackage };
  });
}

describe('docs beside the code', () => {
  const folders = contextFolders();

  it('reads every CONTEXT.md, the relay and the live protocol among them', () => {
    expect(folders.length).toBeGreaterThan(15);
    expect(folders.map((f) => f.path)).toEqual(expect.arrayContaining(['src/storage/CONTEXT.md', 'relay/CONTEXT.md', 'live-protocol/CONTEXT.md']));
    expect(folders.find((f) => f.path === 'relay/CONTEXT.md')?.own).toContain('relay/src/rules.ts');
  });

  it('(a, b) every CONTEXT.md names the files of its folder and no file that does not exist', () => {
    expect(folders.flatMap((f) => checkContext(f, existsInRepo))).toEqual([]);
  });

  it('(c) every docs/*.md named in a CONTEXT.md, the README or a code comment exists', () => {
    const texts = [
      ...folders,
      read('README.md'),
      ...['src', 'relay', 'live-protocol', 'scripts'].flatMap((dir) => walk(dir, isCode)).map(read),
    ];
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.flatMap((f) => checkDocsLinks(f, existsInRepo))).toEqual([]);
  });

  it('(d) nothing names the design notes kept outside the repository', () => {
    const texts = [...['src', 'relay', 'live-protocol', 'tests', 'scripts', 'docs'].flatMap((dir) => walk(dir, isText)), 'README.md'].map(read);
    expect(texts.length).toBeGreaterThan(200);
    expect(texts.flatMap(checkOutsideNotes)).toEqual([]);
  });
});

describe('each rule finds a planted fault', () => {
  const tree = new Set(['src/x/CONTEXT.md', 'src/x/a.ts', 'src/x/B.tsx', 'src/x/model/m.ts', 'src/y/c.ts', 'docs/analysis.md', 'relay/src/rules.ts']);
  const exists = (path: string) => tree.has(path);
  const folder = (text: string, own = ['src/x/a.ts', 'src/x/B.tsx']): ContextFolder => ({ path: 'src/x/CONTEXT.md', text, own, isPackage: false });

  it('(a) a name of a file that is gone is found; names beside it, in a subfolder or from the root are not', () => {
    expect(checkContext(folder('`a.ts` reads, `B.tsx` shows, `model/m.ts`, `src/y/c.ts:12`, `gone.ts` was moved.'), exists)).toEqual([
      'src/x/CONTEXT.md: names gone.ts, which does not exist',
    ]);
    expect(checkContext(folder('`a.ts`, `B.tsx`, `src/relay/rules.ts`'), exists)).toEqual(['src/x/CONTEXT.md: names src/relay/rules.ts, which does not exist']);
    // Not a source file's name: left alone.
    expect(checkContext(folder('`a.ts`, `B.tsx`, `db.tallies`, `<task>Messages.ts`, `*.test.ts`'), exists)).toEqual([]);
  });

  it('(b) a file of the folder that the CONTEXT.md does not name is found', () => {
    expect(checkContext(folder('Only `a.ts` is here; B.tsx without backticks does not count.'), exists)).toEqual(['src/x/CONTEXT.md: does not name B.tsx']);
    // A package's CONTEXT.md may name its sources without src/.
    const relay: ContextFolder = { path: 'relay/CONTEXT.md', text: '`rules.ts` refuses.', own: ['relay/src/rules.ts'], isPackage: true };
    expect(checkContext(relay, exists)).toEqual([]);
    expect(checkContext({ ...relay, text: 'nothing' }, exists)).toEqual(['relay/CONTEXT.md: does not name src/rules.ts']);
  });

  it('(c) a docs/*.md that does not exist is found, as a path or a link', () => {
    const text = '// see docs/analysis.md and docs/gone.md\n[x](../../docs/missing.md), `docs/analysis.md`';
    expect(checkDocsLinks({ path: 'src/y/c.ts', text }, exists)).toEqual(['src/y/c.ts: names docs/gone.md, which does not exist', 'src/y/c.ts: names docs/missing.md, which does not exist']);
    expect(checkDocsLinks({ path: 'src/y/c.ts', text: '// docs/analysis.md' }, exists)).toEqual([]);
  });

  it('(d) a pointer to the design notes outside the repository is found', () => {
    const [design, style] = OUTSIDE_NOTES as [string, string];
    expect(checkOutsideNotes({ path: 'docs/a.md', text: `true on every device (${style}): the document` })).toEqual([
      `docs/a.md: names ${style}, which is not in the repository (point to docs/)`,
    ]);
    expect(checkOutsideNotes({ path: 'src/a.ts', text: `// ${design} §4, ${style}` })).toHaveLength(2);
    expect(checkOutsideNotes({ path: 'src/a.ts', text: '// docs/analysis.md' })).toEqual([]);
  });
});
