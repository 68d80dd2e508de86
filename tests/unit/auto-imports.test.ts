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

  it('inject nothing into the content script’s stages, whose every import is written out', async () => {
    // A property or method named like a utils/ export (`get translate()`, `translatorFor()`) is
    // enough: the second stage once carried both languages' tables (11 KB gzipped) that way.
    const unimport = createUnimport({ dirs: ['components', 'composables', 'hooks', 'utils'], dirsScanOptions: { cwd: process.cwd() } });
    await unimport.init();
    const files = [
      ...filesUnder('entrypoints/content-script'),
      ...filesUnder('entrypoints/content-first-stage'),
      ...filesUnder('entrypoints/content-stage-two'),
      ...filesUnder('components'),
      ...filesUnder('utils'),
    ];
    const injected: string[] = [];
    for (const file of files) {
      const result = await unimport.injectImports(readFileSync(file, 'utf8'), file);
      // A module naming its own export is not an import.
      for (const i of result.imports) if (!i.from.endsWith(file)) injected.push(`${file}: ${i.as ?? i.name} from ${i.from}`);
    }
    expect(injected.filter((x) => !/^(components\/settings|entrypoints\/(options|popup|sidepanel|source|story))/.test(x))).toEqual([]);
  });
});
