/**
 * The import rules of /work/shared/ARCHITECTURE.md ("The shape"), checked by `npm run lint`.
 * Data flows one way: channel → HTTP → adapter → bot → recognizer → dialog → services/stores.
 * A rule names what may not be imported; the comment says which convention it keeps.
 */
/**
 * One forbidden import: `from` may not import `to`. Every rule is an error; the comment is what a
 * failing lint prints, so it says which convention the import breaks.
 * @param {string} name
 * @param {string} comment
 * @param {import('dependency-cruiser').IFromRestriction} from
 * @param {import('dependency-cruiser').IToRestriction} to
 * @returns {import('dependency-cruiser').IForbiddenRuleType}
 */
function forbid(name, comment, from, to) {
  return { name, severity: 'error', comment, from, to };
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    forbid(
      'no-circular',
      'An import cycle means two modules are one responsibility split badly: give the shared part a home.',
      {},
      { circular: true },
    ),
    forbid(
      'dialogs-not-to-runtime',
      'Dialogs never touch HTTP or the composition root: the bot hands them what they need through their constructor.',
      { path: '^dialogs/' },
      { path: '^bot/(http|directLine|staff|app|server|main|adapter|assistant|assistantBot|config)(/|\\.ts$)' },
    ),
    forbid(
      'dialogs-only-store-types',
      'Dialogs know a store by its interface (a type), never by an implementation or a value from stores/.',
      { path: '^dialogs/' },
      { path: '^stores/', dependencyTypesNot: ['type-only'] },
    ),
    forbid(
      'dialogs-no-io',
      'Dialogs never touch HTTP, files or SQL.',
      { path: '^dialogs/' },
      { dependencyTypes: ['core', 'npm'], path: '^(node:)?(fs|fs/promises|http|https|net)$|^(restify|pg|lowdb)(/|$)' },
    ),
    forbid(
      'stores-not-to-conversation',
      'Stores never know about dialogs, the recognizer or the HTTP side.',
      { path: '^stores/' },
      { path: '^(dialogs|nlu|bot/(http|directLine|staff|channels|app|assistant|assistantBot))(/|\\.ts$)' },
    ),
    forbid(
      'services-not-to-conversation',
      'Services decide for dialogs and routes alike: they never import a dialog or the bot runtime.',
      { path: '^services/' },
      { path: '^(dialogs|bot)/' },
    ),
    forbid(
      'nlu-not-to-conversation',
      'The recognizer reads text; it knows no dialog and no store.',
      { path: '^nlu/' },
      { path: '^(dialogs|stores)/' },
    ),
    forbid(
      'source-not-to-tests',
      'Code that runs in production never imports tests, benchmarks or command-line tools.',
      { path: '^(bot|dialogs|services|stores|nlu|teams)/' },
      { path: '^(test|bench|cli)/' },
    ),
    forbid(
      'domain-is-a-leaf',
      'Domain types are the words every part shares: they import nothing of ours, so anything may import them.',
      { path: '^domain/' },
      { path: '^(bot|dialogs|services|stores|nlu|teams|cli|bench|test)/' },
    ),
    forbid('not-to-unresolvable', 'An import that resolves to nothing.', {}, { couldNotResolve: true }),
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
