import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every module a file names in an import or export … from (type-only ones included). */
function importedPaths(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  return [...src.matchAll(/^\s*(?:import|export)\b[^'";]*?\bfrom\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

describe('dependency direction', () => {
  it('anchoring defines its own selector types: nothing in lib/anchoring imports lib/storage (storage depends on anchoring)', () => {
    const dir = 'lib/anchoring';
    const offending = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => importedPaths(join(dir, f)).filter((p) => p.includes('/storage/')).map((p) => `${f} → ${p}`));
    expect(offending).toEqual([]);
  });
});
