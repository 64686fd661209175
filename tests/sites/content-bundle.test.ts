/**
 * What the content scripts may bundle. They run on every marketplace page, so they leave out the
 * schema library: replies are checked where they are made, in the background (client.ts), and
 * every value a content script imports comes from modules without zod. This reads the import graph
 * of the content entrypoints, from the source, so it holds before any build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INSPECTOR_WORDS } from '../../entrypoints/background/inspector/inspector-words';
import vi from '../../public/_locales/vi/messages.json';
import { contentMessages, contentScriptMessages } from '../../scripts/content-messages';
import { REPO_ROOT } from '../helpers/fixtures';

/** Value (not type-only) imports of a module, resolved to files. */
function valueImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of source.matchAll(/^import\s+(?!type\b)([^'"]*?)\s*from\s*'([^']+)';/gm)) {
    const names = match[1] ?? '';
    // `import { type A, type B } from …` brings in nothing at run time.
    if (
      /^\{[^}]*\}$/.test(names) &&
      names
        .slice(1, -1)
        .split(',')
        .every((n) => /^\s*type\s/.test(n) || !n.trim())
    )
      continue;
    found.push(match[2] as string);
  }
  for (const match of source.matchAll(/^import\s+'([^']+)';/gm)) found.push(match[1] as string);
  return found;
}

function resolve(from: string, specifier: string): string | null {
  if (specifier.startsWith('@/')) specifier = path.join(REPO_ROOT, specifier.slice(2));
  else if (specifier.startsWith('.')) specifier = path.resolve(path.dirname(from), specifier);
  else return null; // a package
  for (const candidate of [
    specifier,
    `${specifier}.ts`,
    `${specifier}.tsx`,
    path.join(specifier, 'index.ts'),
  ]) {
    try {
      if (readFileSync(candidate) && /\.(ts|tsx)$/.test(candidate)) return candidate;
    } catch {
      // try the next form
    }
  }
  return null;
}

/** The source files and the packages a content entrypoint reaches through value imports. */
function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of valueImports(file)) {
      const target = resolve(file, specifier);
      if (target) queue.push(target);
      else if (!specifier.startsWith('.') && !specifier.startsWith('@/')) packages.add(specifier);
    }
  }
  return { files: seen, packages };
}

const entrypoints = readdirSync(path.join(REPO_ROOT, 'entrypoints'))
  .filter((name) => name.endsWith('.content'))
  .map((name) => path.join(REPO_ROOT, 'entrypoints', name, 'index.ts'));

/** The message keys a set of source files names. */
function namedKeys(files: Iterable<string>): Set<string> {
  const keys = new Set(Object.keys(vi));
  const named = new Set<string>();
  for (const source of files) {
    for (const match of readFileSync(source, 'utf8').matchAll(/'([a-zA-Z]+)'/g)) {
      if (keys.has(match[1] as string)) named.add(match[1] as string);
    }
  }
  return named;
}

describe('content script bundles', () => {
  it.each(entrypoints.map((file) => [path.basename(path.dirname(file)), file]))(
    '%s imports no schema library',
    (_name, file) => {
      const packages = [...importGraph(file).packages];
      expect(packages.length).toBeGreaterThan(0);
      expect(packages.filter((name) => name === 'zod' || name.startsWith('zod/'))).toEqual([]);
    },
  );

  it.each(entrypoints.map((file) => [path.basename(path.dirname(file)), file]))(
    '%s carries every string its code names, in both languages',
    (_name, file) => {
      const keys = new Set(Object.keys(vi));
      // The script's own words, and the page UI chunk's it loads for what comes after a click.
      const named = namedKeys([
        ...importGraph(file).files,
        ...importGraph(path.join(REPO_ROOT, 'entrypoints/page-ui.ts')).files,
      ]);
      const carried = contentMessages(REPO_ROOT);
      expect(named.size).toBeGreaterThan(40);
      // Inspector mode's words come with the page's first inspector view instead.
      const later = (key: string) => key in INSPECTOR_WORDS.vi && key in INSPECTOR_WORDS.en;
      expect(
        [...named].filter((key) => !later(key) && (!(key in carried.vi) || !(key in carried.en))),
      ).toEqual([]);
      expect([...named].filter((key) => key.startsWith('inspector') && !later(key))).toEqual([]);
      // And it leaves out what only the extension's pages show.
      expect(Object.keys(carried.vi).length).toBeLessThan(keys.size * 0.7);
    },
  );

  it.each(entrypoints.map((file) => [path.basename(path.dirname(file)), file]))(
    '%s itself carries the words its own code names (the page UI chunk carries the rest)',
    (_name, file) => {
      const own = contentScriptMessages(REPO_ROOT);
      const later = (key: string) => key in INSPECTOR_WORDS.vi && key in INSPECTOR_WORDS.en;
      const named = [...namedKeys(importGraph(file).files)].filter((key) => !later(key));
      expect(named.length).toBeGreaterThan(20);
      // Vietnamese in the script; the other language comes with the first lookup's answer.
      expect(named.filter((key) => !(key in own.vi) || !(key in own.en))).toEqual([]);
      expect(Object.keys(own.vi).length).toBeLessThan(named.length * 1.5);
    },
  );
});
