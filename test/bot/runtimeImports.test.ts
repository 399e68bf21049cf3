import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
/** Static and dynamic imports of a TypeScript source, with the module they name. */
const IMPORT = /(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

/** Every module the running bot loads from `entry` on: project files by path, packages by name. */
function runtimeModules(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [resolve(ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    const name = relative(ROOT, file);
    if (seen.has(name)) continue;
    seen.add(name);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3]!;
      if (!specifier.startsWith('.')) {
        seen.add(specifier);
        continue;
      }
      const source = join(dirname(file), specifier).replace(/\.js$/, '.ts');
      if (existsSync(source)) queue.push(source);
    }
  }
  return seen;
}

describe('what the running bot loads (npm start: bot/main.ts)', () => {
  const modules = runtimeModules('bot/main.ts');

  it('follows the imports into the recognizer', () => {
    // The walk must reach the default recognizer, else the checks below prove nothing.
    expect(modules).toContain(join('nlu', 'linearRecognizer.ts'));
    expect(modules.size).toBeGreaterThan(50);
  });

  it('never loads the nlp.js recognizer or the @nlpjs packages: they are kept only to compare (npm run nlu:eval, npm run bench)', () => {
    const nlpjs = [...modules].filter(
      (name) => name.startsWith('@nlpjs/') || name === join('nlu', 'offlineRecognizer.ts') || name === join('nlu', 'offlineRecognizers.ts'),
    );
    expect(nlpjs).toEqual([]);
  });
});
