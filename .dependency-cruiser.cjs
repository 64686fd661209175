/**
 * The layers of Soi Hàng as import rules (DESIGN.md §9; the README's "Where things live"), checked
 * by `npm run lint:imports` (part of `npm run lint` and CI) over the shipped code and the server.
 *
 *   entrypoints/  wires everything            server/  the registry: protocol + feed-format only
 *        │
 *   components/page/  mounts components into marketplace pages (page side)
 *   components/       Preact components and their words: pure props → markup
 *        │
 *   utils/content/ utils/sites/   page side: runner, adapters (never the engines)
 *   utils/feed/ → utils/db/ → utils/lookup/   the background's engines (never the adapters)
 *   utils/feed-format/   the feed's bytes, shared with the server
 *   utils/protocol/      the contract every side imports: zod, the browser API and itself only
 */
const ENGINES = '^utils/(db|feed|feed-format|lookup)/';
const PAGE_SIDE = '^(components/|utils/content/|utils/sites/|entrypoints/[^/]+\\.content/)';
const EXTENSION = '^(utils|components|entrypoints)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No cycles anywhere: every room imports one way.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'resolvable-imports-only',
      severity: 'error',
      comment:
        'Every import resolves from the files as they are in git (relative paths, packages): no alias that only a generated config defines.',
      from: {},
      to: { couldNotResolve: true, pathNot: '^virtual:content-messages$' },
    },
    {
      name: 'protocol-is-the-contract',
      severity: 'error',
      comment:
        'utils/protocol (messages, keys, verdicts, preference schemas) imports only zod, the browser API for its transports, tldts (which marketplace an address belongs to, by the Public Suffix List) and itself.',
      from: { path: '^utils/protocol/' },
      to: {
        pathNot: [
          '^utils/protocol/',
          '^node_modules/zod/',
          '^node_modules/tldts/',
          '^node_modules/wxt/',
          '^node_modules/webextension-polyfill/',
        ],
      },
    },
    {
      name: 'feed-format-is-pure',
      severity: 'error',
      comment:
        'utils/feed-format (gzip, parts, NDJSON, hash, manifest, signature) is shared with the server: it imports only the protocol, zod and itself.',
      from: { path: '^utils/feed-format/' },
      to: { pathNot: ['^utils/feed-format/', '^utils/protocol/', '^node_modules/zod/'] },
    },
    {
      name: 'components-are-pure',
      severity: 'error',
      comment:
        'Components render props: no engines, no page-side engine, no browser API (only components/page mounts them into pages).',
      from: { path: '^components/', pathNot: '^components/page/' },
      to: {
        path: [
          ENGINES,
          '^utils/content/',
          '^utils/sites/',
          '^components/page/',
          '^node_modules/wxt/',
          '^node_modules/webextension-polyfill/',
        ],
      },
    },
    {
      name: 'page-side-never-imports-engines',
      severity: 'error',
      comment:
        'Content-side code (adapters, runner, page composition, content scripts) asks the background; it never imports the database, the feed or the lookup engines.',
      from: { path: PAGE_SIDE },
      to: { path: ENGINES },
    },
    {
      name: 'engines-never-import-adapters',
      severity: 'error',
      comment:
        "The background and its engines never import the site adapters or page code (a stylesheet the background hands to pages, inspector mode's, is data).",
      from: { path: ['^entrypoints/background/', ENGINES] },
      to: { path: ['^utils/sites/', '^utils/content/', '^components/'], pathNot: '\\.css$' },
    },
    {
      name: 'utils-below-components',
      severity: 'error',
      comment: 'utils/ is the ground floor: it never imports components or entry points.',
      from: { path: '^utils/' },
      to: { path: ['^components/', '^entrypoints/'] },
    },
    {
      name: 'extension-holds-no-node-code',
      severity: 'error',
      comment:
        'What ships in the extension uses no Node built-in; Node-only code (publishing) lives in server/.',
      from: { path: EXTENSION },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'extension-never-imports-server-or-tools',
      severity: 'error',
      comment: 'The extension never bundles the server, the scripts or the tests.',
      from: { path: EXTENSION },
      to: { path: '^(server|scripts|tests)/' },
    },
    {
      name: 'server-imports-the-contract-only',
      severity: 'error',
      comment:
        'From the extension, the server imports only the contract (utils/protocol) and the feed format (utils/feed-format).',
      from: { path: '^server/' },
      to: {
        path: EXTENSION,
        pathNot: ['^utils/protocol/', '^utils/feed-format/'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.output|\\.wxt)/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.json', '.d.ts'],
    },
  },
};
