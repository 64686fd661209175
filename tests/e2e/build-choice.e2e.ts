/**
 * The e2e build only where build-choice.ts says why: every end-to-end file is read as TypeScript,
 * each call that starts a browser (launch, launchOnFixtures, launchChromium, startReportBed,
 * startInspectorBed) is sorted by the build it loads, and every test inside the describe (or test)
 * that makes the call runs that build. No browser is started here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { E2E_BUILD, E2E_BUILD_REASONS } from './build-choice';
import { REPO_ROOT } from './harness';

const DIR = path.join(REPO_ROOT, 'tests/e2e');
const LAUNCHERS = new Set([
  'launch',
  'launchOnFixtures',
  'launchChromium',
  'startReportBed',
  'startInspectorBed',
]);
/** How a file names the e2e build: the harness's constant, or the folder it points at. */
const E2E_BUILD_NAMES = ['E2E_EXTENSION_DIR', 'chrome-mv3-e2e'];

type Build = 'e2e' | 'release';

/** The name a call is made through: `it`, `it.each(…)`, `describe.skip`… answer `it`, `describe`. */
function calleeName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return calleeName(expression.expression);
  if (ts.isCallExpression(expression)) return calleeName(expression.expression);
  return undefined;
}

/** Each test's title and the build(s) it runs, for one file. */
function buildsOf(file: string, source: string): Map<string, Set<Build>> {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const scopes: Array<{ node: ts.Node; kind: 'describe' | 'it'; title?: string }> = [];
  const launches: Array<{ node: ts.Node; build: Build }> = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const name = calleeName(node.expression);
      const first = node.arguments[0];
      const title = first && ts.isStringLiteralLike(first) ? first.text : undefined;
      if (name === 'describe') scopes.push({ node, kind: 'describe' });
      if ((name === 'it' || name === 'test') && title !== undefined)
        scopes.push({ node, kind: 'it', title });
      if (name && LAUNCHERS.has(name) && ts.isIdentifier(node.expression)) {
        const args = node.arguments.map((arg) => arg.getText(tree)).join(',');
        const e2e = E2E_BUILD_NAMES.some((word) => args.includes(word));
        launches.push({ node, build: e2e ? 'e2e' : 'release' });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  const within = (inner: ts.Node, outer: ts.Node) =>
    inner.getStart(tree) >= outer.getStart(tree) && inner.getEnd() <= outer.getEnd();
  const builds = new Map<string, Set<Build>>();
  for (const launch of launches) {
    const scope = scopes
      .filter((candidate) => within(launch.node, candidate.node))
      .sort(
        (a, b) =>
          a.node.getEnd() - a.node.getStart(tree) - (b.node.getEnd() - b.node.getStart(tree)),
      )[0];
    const tests = scopes.filter(
      (candidate) => candidate.kind === 'it' && (!scope || within(candidate.node, scope.node)),
    );
    for (const test of tests) {
      const title = test.title as string;
      builds.set(title, (builds.get(title) ?? new Set()).add(launch.build));
    }
  }
  return builds;
}

/** Every end-to-end test, as `file › title`, with the builds it runs. */
function allBuilds(files: Record<string, string>): Map<string, Set<Build>> {
  const all = new Map<string, Set<Build>>();
  for (const [file, source] of Object.entries(files))
    for (const [title, builds] of buildsOf(file, source)) all.set(`${file} › ${title}`, builds);
  return all;
}

/**
 * What is wrong with the choice of builds: a test on the e2e build that is not listed, a listed
 * test that no longer runs it, a twin that is not a test on a release build, an unknown reason.
 */
function choiceProblems(
  files: Record<string, string>,
  listed: typeof E2E_BUILD = E2E_BUILD,
): string[] {
  const builds = allBuilds(files);
  const problems: string[] = [];
  const keyOf = (entry: { file: string; test: string }) => `${entry.file} › ${entry.test}`;
  const listedKeys = new Set(listed.map(keyOf));
  for (const [key, runs] of builds)
    if (runs.has('e2e') && !listedKeys.has(key))
      problems.push(`${key} runs the e2e build but build-choice.ts does not list it`);
  for (const entry of listed) {
    if (!builds.get(keyOf(entry))?.has('e2e'))
      problems.push(`${keyOf(entry)} is listed in build-choice.ts but does not run the e2e build`);
    if (!E2E_BUILD_REASONS.includes(entry.reason))
      problems.push(`${keyOf(entry)}: "${entry.reason}" is not a reason for the e2e build`);
    const twin = builds.get(keyOf(entry.twin));
    if (!twin || twin.has('e2e'))
      problems.push(
        `${keyOf(entry)}: its twin ${keyOf(entry.twin)} is not a test on a release build`,
      );
  }
  return problems;
}

function readSuites(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(DIR)
      .filter((file) => file.endsWith('.e2e.ts'))
      .map((file) => [file, readFileSync(path.join(DIR, file), 'utf8')]),
  );
}

describe('the build each end-to-end test runs', () => {
  it('the e2e build runs only the tests build-choice.ts lists, each with its reason and its twin on a release build', () => {
    expect(choiceProblems(readSuites())).toEqual([]);
  });

  it('a browser starts on the release build pinned to the test key unless a test says otherwise', () => {
    const harness = readFileSync(path.join(DIR, 'harness.ts'), 'utf8');
    expect(harness).toContain('extensionDir: options.extensionDir ?? RELEASE_TEST_DIR');
    // The shared probes and beds never choose the e2e build themselves: only a test file may.
    const helpers = readdirSync(DIR).filter(
      (file) =>
        file.endsWith('.ts') &&
        !file.endsWith('.e2e.ts') &&
        file !== 'harness.ts' &&
        file !== 'build-choice.ts',
    );
    for (const file of helpers) {
      const source = readFileSync(path.join(DIR, file), 'utf8');
      for (const word of E2E_BUILD_NAMES)
        expect(source.includes(word), `${file}: ${word}`).toBe(false);
    }
  });

  it('would fail on a suite that runs the e2e build unlisted, a listed test back on the release build, or a missing twin', () => {
    const suites = readSuites();
    const unlisted = `import { E2E_EXTENSION_DIR, launch } from './harness';
describe('x', () => {
  beforeAll(async () => { await launch([], { extensionDir: E2E_EXTENSION_DIR }); });
  it('clicks a badge', async () => {});
});`;
    expect(choiceProblems({ ...suites, 'unlisted.e2e.ts': unlisted })).toEqual([
      ...choiceProblems(suites),
      'unlisted.e2e.ts › clicks a badge runs the e2e build but build-choice.ts does not list it',
    ]);
    const [first] = E2E_BUILD;
    if (!first) throw new Error('build-choice.ts lists nothing');
    const moved = {
      ...suites,
      [first.file]: (suites[first.file] ?? '').replaceAll('E2E_EXTENSION_DIR', 'RELEASE_TEST_DIR'),
    };
    expect(choiceProblems(moved)).toContain(
      `${first.file} › ${first.test} is listed in build-choice.ts but does not run the e2e build`,
    );
    const orphan = [{ ...first, twin: { file: first.file, test: 'no such test' } }];
    expect(choiceProblems(suites, orphan)).toContain(
      `${first.file} › ${first.test}: its twin ${first.file} › no such test is not a test on a release build`,
    );
  });
});
