import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createUnimport } from 'unimport';
import { describe, expect, it } from 'vitest';

/**
 * WXT auto-imports every export of components/, composables/, hooks/ and utils/ into any module
 * that names it without declaring it (unimport). In lib/ that is never wanted: lib/ is pure and
 * must not depend on utils/ (extension APIs). A function parameter does not count as a
 * declaration for unimport, so a lib/ function with a parameter named like a utils/ export (say
 * `browserLanguage`) silently imported utils/i18n.ts, made an import cycle, and the extension
 * pages failed at start-up with "Cannot access 'se' before initialization". This test runs the
 * same detector over lib/ with the same directories WXT gives it.
 */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : filesUnder(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('WXT auto-imports', () => {
  it('inject nothing into lib/', async () => {
    const unimport = createUnimport({ dirs: ['components', 'composables', 'hooks', 'utils'], dirsScanOptions: { cwd: process.cwd() } });
    await unimport.init();
    const names = (await unimport.getImports()).map((i) => i.as ?? i.name);
    expect(names).toContain('uiLanguage'); // the scan sees utils/ (else this test could not fail)
    const injected: string[] = [];
    for (const file of filesUnder('lib')) {
      const result = await unimport.injectImports(readFileSync(file, 'utf8'), file);
      for (const i of result.imports) injected.push(`${file}: ${i.as ?? i.name} from ${i.from}`);
    }
    expect(injected).toEqual([]);
  });
});
