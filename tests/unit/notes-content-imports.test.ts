import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Chrome refuses to load a content script containing a Unicode noncharacter ("isn't UTF-8
 * encoded"), and Dexie's bundle has a raw U+FFFF. So nothing the content script's notes module
 * imports at runtime may reach Dexie (the database lives in the background anyway).
 */
function runtimeImports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/^\s*(import|export)\s+(?!type\b)([^'";]*?\bfrom\s+)?['"]([^'"]+)['"]/gm)) out.push(m[3]!);
  for (const m of src.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const ext of ['', '.ts', '.tsx', '/index.ts', '/index.tsx']) if (existsSync(base + ext) && !base.endsWith('.css')) return base + ext;
  return null;
}

function reachablePackages(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const stack = [resolve(entry)];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file) || file.endsWith('.json') || file.endsWith('.css')) continue;
    seen.add(file);
    for (const spec of runtimeImports(file)) {
      const local = resolveLocal(file, spec);
      if (local) stack.push(local);
      else if (!spec.startsWith('.')) packages.add(spec);
    }
  }
  return packages;
}

describe('content-script bundle', () => {
  it('does not pull Dexie into the content script', () => {
    const pkgs = reachablePackages('entrypoints/content-script/index.ts');
    expect(pkgs.has('preact')).toBe(true);
    expect([...pkgs].filter((p) => p.startsWith('dexie'))).toEqual([]);
  });
});
