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
      to: { couldNotResolve: true, pathNot: '^virtual:content-(script-)?messages$' },
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
        'From the extension, the server imports only the registry API (utils/protocol/registry), the shared vocabulary at the top of utils/protocol (keys, records, limits, listing addresses) and the feed format; never the runtime messages between pages and the background.',
      from: { path: '^server/' },
      to: {
        path: EXTENSION,
        pathNot: ['^utils/protocol/registry/', '^utils/protocol/[^/]+$', '^utils/feed-format/'],
      },
    },
    {
      name: 'protocol-vocabulary-stands-alone',
      severity: 'error',
      comment:
        'The top of utils/protocol (keys, records, limits, listing addresses, text rules) is what both sub-rooms speak: it imports neither of them.',
      from: { path: '^utils/protocol/[^/]+$' },
      to: { path: '^utils/protocol/(runtime|registry)/' },
    },
    {
      name: 'registry-api-is-not-runtime',
      severity: 'error',
      comment:
        'The registry API (extension ↔ server) never imports the runtime messages (page ↔ background): the server reads it.',
      from: { path: '^utils/protocol/registry/' },
      to: { path: '^utils/protocol/runtime/' },
    },
    {
      name: 'outbox-is-the-backgrounds',
      severity: 'error',
      comment:
        'utils/outbox (the queued reports and inspector actions, their courier and the registry client) runs in the background only: no page code imports it.',
      from: {
        path: '^(components/|utils/content/|utils/sites/|utils/report/|entrypoints/(?!background/)[^/]+)',
      },
      to: { path: '^utils/outbox/' },
    },
    {
      name: 'outbox-imports-contract-and-storage',
      severity: 'error',
      comment:
        'utils/outbox imports the contract, the database, the feed format (hashes) and itself only.',
      from: { path: '^utils/outbox/' },
      to: {
        pathNot: [
          '^utils/outbox/',
          '^utils/protocol/',
          '^utils/db/',
          '^utils/feed-format/',
          '^node_modules/(zod|idb)/',
        ],
      },
    },
    {
      name: 'report-helpers-stay-above-engines',
      severity: 'error',
      comment:
        'utils/report (link reading and checks, channels, export, case work, panel opener) serves pages and background alike: it never reaches the outbox, the engines, page code or entry points.',
      from: { path: '^utils/report/' },
      to: {
        path: [
          '^utils/outbox/',
          '^utils/(db|feed|lookup)/',
          '^utils/content/',
          '^components/',
          '^entrypoints/',
        ],
      },
    },
    {
      name: 'server-db-is-plumbing',
      severity: 'error',
      comment:
        'server/db (dialects, migrations, schema, checkpoint) imports nothing else of the server.',
      from: { path: '^server/db/' },
      to: { path: '^server/', pathNot: '^server/db/' },
    },
    {
      name: 'server-store-below-http',
      severity: 'error',
      comment:
        'server/store (one folder per subject, every query) never imports routes, HTTP, publishing, tools, sources or the app.',
      from: { path: '^server/store/' },
      to: {
        path: '^server/(routes|http|publish|cli|sources|app|main|registry|config)(/|\\.ts$)',
      },
    },
    {
      name: 'server-runs-on-production-dependencies',
      severity: 'error',
      comment:
        'The registry runs from a production install (npm ci --omit=dev): server/ and the shared code it imports (the registry API, the top of utils/protocol, the feed format) import no devDependency, save types, which are erased. Tests live in tests/.',
      from: {
        path: [
          '^server/',
          '^utils/protocol/registry/',
          '^utils/protocol/[^/]+$',
          '^utils/feed-format/',
        ],
        pathNot: '\\.test\\.ts$',
      },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'build-config-imports-no-server',
      severity: 'error',
      comment:
        'wxt.config.ts runs the extension build: its build steps live in scripts/, never in server/.',
      from: { path: '^wxt\\.config\\.ts$' },
      to: { path: '^server/' },
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
