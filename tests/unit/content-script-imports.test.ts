import { readFileSync, existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What each stage of the content script reaches at run time (type-only imports excluded), read
 * from the sources the way the bundler follows them.
 *
 * Chrome refuses to load a content script containing a Unicode noncharacter ("isn't UTF-8
 * encoded"), and Dexie's bundle has a raw U+FFFF. So neither stage may reach Dexie (the database
 * lives in the background anyway). The first stage runs on every page: it must reach none of the
 * matcher, the index, the views, the notes' drawing, nor the webextension-polyfill (README "Speed").
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
  for (const ext of ['', '.ts', '.tsx', '/index.ts', '/index.tsx']) if (existsSync(base + ext) && !(ext === '' && !/\.(ts|tsx|json|css)$/.test(base))) return base + ext;
  return null;
}

function reachable(entry: string): { packages: Set<string>; files: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const stack = [resolve(entry)];
  while (stack.length) {
    const file = stack.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    if (file.endsWith('.json') || file.endsWith('.css')) continue;
    for (const spec of runtimeImports(file)) {
      const local = resolveLocal(file, spec.replace(/\?(raw|inline)$/, ''));
      if (local) stack.push(local);
      else if (!spec.startsWith('.')) packages.add(spec);
    }
  }
  return { packages, files: new Set([...files].map((f) => relative(process.cwd(), f))) };
}

describe('content script stages', () => {
  const look = reachable('entrypoints/content-script/index.ts');
  const first = reachable('entrypoints/content-first-stage/index.ts');
  const second = reachable('entrypoints/content-stage-two/index.ts');

  it('the first stage reaches no package and nothing of the matching engine, the index, the views or the notes drawing', () => {
    expect([...first.packages]).toEqual([]);
    // The page's side of both tiers is here (detection, text model, ranges); the tiers themselves run
    // in the background (claims:find, restate:find), so nothing of their engines or index.
    expect(first.files).toContain('lib/match/annotate-page.ts');
    expect(first.files).toContain('lib/restate/page-side.ts');
    expect(first.files).toContain('utils/tiers.ts');
    const heavy = [...first.files].filter(
      (f) =>
        f.endsWith('.tsx') ||
        f.endsWith('.json') ||
        f.endsWith('.css') ||
        // (lib/messages/protocol.ts names storage/validate and storage/filters; the bundler keeps
        // only what the tab kinds' parser uses of them: the nonce check.)
        /^lib\/(index|anchoring\/(?!canonical-url)|export|storage\/(?!page-keys|validate|filters))/.test(f) ||
        /^lib\/text\/(normalize|code-units)/.test(f) ||
        /^lib\/match\/(?!gate\.ts|annotate-page\.ts|partition\.ts)/.test(f) ||
        /^lib\/restate\/(?!page-side\.ts|page-date\.ts)/.test(f) ||
        /^lib\/notes\/page-notes/.test(f) ||
        /^components\/(?!overlay\/claims-overlay\.ts)/.test(f),
    );
    expect(heavy).toEqual([]);
    expect(first.files).toContain('lib/generated/claims-gate.ts');
  });

  it('the first look, on every page, reaches no package, no view, no overlay, no notes drawing and no message listener', () => {
    expect([...look.packages]).toEqual([]);
    const heavy = [...look.files].filter(
      (f) =>
        !f.endsWith('.ts') ||
        /^components\//.test(f) ||
        /^lib\/(index|text|export|overlay\/(?!body-gate)|notes\/(?!page-key))/.test(f) ||
        /^lib\/match\/(?!gate\.ts)/.test(f) ||
        /^utils\/(tab-requests|second-stage|site-settings)/.test(f),
    );
    expect(heavy).toEqual([]);
    expect(look.files).toContain('lib/generated/claims-gate.ts');
    expect(look.files).toContain('lib/page/first-look.ts');
    expect([...look.files].filter((f) => f.startsWith('lib/detect/'))).toEqual(['lib/detect/looks-like-article.ts']); // detection proper is the first stage's
  });

  it('the second stage has the views and the notes, and no matcher, no Dexie, no polyfill and no bundled data', () => {
    expect(second.packages.has('preact')).toBe(true);
    expect([...second.packages].filter((p) => p.startsWith('dexie'))).toEqual([]);
    expect(second.files).not.toContain('lib/match/pipeline.ts');
    expect(second.files).not.toContain('lib/restate/tier.ts');
    expect(second.files).not.toContain('lib/match/annotate-page.ts');
    expect(second.files).toContain('lib/notes/page-notes.ts');
    // The card catalog and the UI strings come from the background (`content:data`), and the
    // index stays there: together 56 KB gzipped the stage would carry.
    expect([...second.files].filter((f) => f.endsWith('.json'))).toEqual([]);
    expect(second.files).toContain('utils/content-data.ts');
    // The browser's own API (utils/extension-api.ts), as in the first stage: the polyfill is 3 KB gzipped.
    expect([...second.packages].filter((p) => p === 'wxt/browser' || p.startsWith('webextension-polyfill'))).toEqual([]);
  });
});
