/**
 * The import rules of /work/shared/ARCHITECTURE.md ("The shape"), checked by `npm run lint`.
 * Data flows one way: channel → HTTP → adapter → bot → recognizer → dialog → services/stores.
 * A rule names what may not be imported; the comment says which convention it keeps.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle means two modules are one responsibility split badly: give the shared part a home.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'dialogs-not-to-runtime',
      severity: 'error',
      comment: 'Dialogs never touch HTTP or the composition root: the bot hands them what they need through their constructor.',
      from: { path: '^dialogs/' },
      to: { path: '^bot/(http|directLine|staff|app|server|main|adapter|assistant|assistantBot|config)(/|\\.ts$)' },
    },
    {
      name: 'dialogs-only-store-types',
      severity: 'error',
      comment: 'Dialogs know a store by its interface (a type), never by an implementation or a value from stores/.',
      from: { path: '^dialogs/' },
      to: { path: '^stores/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'dialogs-no-io',
      severity: 'error',
      comment: 'Dialogs never touch HTTP, files or SQL.',
      from: { path: '^dialogs/' },
      to: { dependencyTypes: ['core', 'npm'], path: '^(node:)?(fs|fs/promises|http|https|net)$|^(restify|pg|lowdb)(/|$)' },
    },
    {
      name: 'stores-not-to-conversation',
      severity: 'error',
      comment: 'Stores never know about dialogs, the recognizer or the HTTP side.',
      from: { path: '^stores/' },
      to: { path: '^(dialogs|nlu|bot/(http|directLine|staff|channels|app|assistant|assistantBot))(/|\\.ts$)' },
    },
    {
      name: 'services-not-to-conversation',
      severity: 'error',
      comment: 'Services decide for dialogs and routes alike: they never import a dialog or the bot runtime.',
      from: { path: '^services/' },
      to: { path: '^(dialogs|bot)/' },
    },
    {
      name: 'nlu-not-to-conversation',
      severity: 'error',
      comment: 'The recognizer reads text; it knows no dialog and no store.',
      from: { path: '^nlu/' },
      to: { path: '^(dialogs|stores)/' },
    },
    {
      name: 'source-not-to-tests',
      severity: 'error',
      comment: 'Code that runs in production never imports tests, benchmarks or command-line tools.',
      from: { path: '^(bot|dialogs|services|stores|nlu|teams)/' },
      to: { path: '^(test|bench|cli)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|web/vendor)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
