// The layers of ARCHITECTURE.md, checked by `npm run lint` (dependency-cruiser). Bottom to top; a module may import
// its own folder and the folders listed before its own, never one listed after it (within a layer too, so that no
// two folders import each other). A new folder goes into this list and into ARCHITECTURE.md.
const layers = [
  {
    layer: 'domain',
    folders: [
      'shared/domain/export',
      'shared/domain/validation',
      'shared/domain/calendar',
      'shared/domain/findings',
      'shared/domain/track',
      'shared/domain/access',
      'shared/domain/application',
      'shared/domain/materials',
      'shared/domain/consultation',
      'shared/domain/campaign',
      'shared/domain/history',
      'shared/domain/eligibility',
      'shared/domain/ranking',
      'shared/domain/prize',
      'shared/domain/panel',
    ],
  },
  { layer: 'documents', folders: ['shared/bundle', 'shared/extraction', 'shared/ocr'] },
  { layer: 'checks', folders: ['shared/report', 'shared/completeness'] },
  { layer: 'records and history', folders: ['shared/records', 'shared/objects', 'shared/history'] },
  { layer: 'workflow and actions', folders: ['shared/actions', 'shared/workflow', 'shared/intake'] },
  {
    layer: 'runtimes',
    folders: [
      'functions',
      'infra (its own files)',
      'infra/local',
      'infra/web',
      // The console's Lambda: the web console (infra/web) run behind API Gateway, so above it.
      'functions/console',
      'infra/cli',
      'infra/demo',
    ],
  },
];

const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The path pattern of a folder; 'infra (its own files)' is the CDK app and contracts directly in infra/. */
const pattern = (folder) => (folder === 'infra (its own files)' ? '^infra/[^/]+$' : `^${literal(folder)}/`);
const ranked = layers.flatMap(({ layer, folders }) => folders.map((folder) => ({ layer, folder })));
/** The folders of the list inside `folder` (functions/console in functions): they keep their own rank. */
const nested = (folder) => ranked.filter((r) => r.folder.startsWith(`${folder}/`)).map((r) => pattern(r.folder));

const upward = ranked.slice(0, -1).map(({ layer, folder }, i) => {
  const above = ranked.slice(i + 1);
  return {
    name: `layer-${folder.replace(/[^a-z]+/gi, '-')}`,
    severity: 'error',
    comment:
      `${folder} (layer ${layer}) imports a folder listed above it. It may import only its own folder and those ` +
      'below it (ARCHITECTURE.md, Layers): move the shared type down, or invert the dependency through a port.',
    from: { path: pattern(folder), ...(nested(folder).length ? { pathNot: `(${nested(folder).join('|')})` } : {}) },
    to: { path: `(${above.map((a) => pattern(a.folder)).join('|')})` },
  };
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module reaches itself through its imports: break the cycle (ARCHITECTURE.md, Layers).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-test-imports',
      severity: 'error',
      comment: 'Product code never imports test/: fixtures it needs belong in examples/ or in the product.',
      from: { path: '^(shared|functions|infra)/' },
      to: { path: '^test/' },
    },
    {
      name: 'layer-unknown-folder',
      severity: 'error',
      comment: 'A folder in no layer: add it to the list in .dependency-cruiser.cjs and to ARCHITECTURE.md.',
      from: { path: '^(shared|functions|infra)/', pathNot: ranked.map((r) => pattern(r.folder)).join('|') },
      to: {},
    },
    ...upward,
  ],
  options: {
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|cdk\\.out)/' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.mts', '.mjs', '.js', '.d.mts'],
      conditionNames: ['import', 'node', 'default'],
    },
  },
};
