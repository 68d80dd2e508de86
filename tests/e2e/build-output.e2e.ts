/**
 * What the build hands each browser, read from the built directories (npm run test:e2e builds both
 * first; no browser needed):
 *  - every script is ASCII: one non-ASCII character makes a whole script a two-byte string in the
 *    renderer, twice its size in memory, and the content script's parts are evaluated in every page
 *    that loads them (wxt.config.ts sets esbuild's charset; a character inside a regular-expression
 *    literal is not escaped by it, so the source writes those as \u escapes);
 *  - the content script's parts are there, and the registered content script is only the first
 *    look, small (README "What the content script costs a page").
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { browsers } from './harness';

function scriptsUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...scriptsUnder(path));
    else if (name.endsWith('.js')) out.push(path);
  }
  return out;
}

for (const target of browsers) {
  describe(`the ${target.name} build`, () => {
    it('has only ASCII scripts', () => {
      expect(existsSync(join(target.buildDir, 'manifest.json')), 'built').toBe(true);
      const scripts = scriptsUnder(target.buildDir);
      expect(scripts.length).toBeGreaterThan(3);
      const offending = scripts
        .map((f) => ({ f, at: readFileSync(f, 'utf8').search(/[^\x00-\x7f]/) }))
        .filter((x) => x.at >= 0)
        .map((x) => `${x.f.slice(target.buildDir.length + 1)} at ${x.at}: ${readFileSync(x.f, 'utf8').slice(Math.max(0, x.at - 30), x.at + 10)}`);
      expect(offending).toEqual([]);
    });

    it('registers only the first look as its content script, and it is small', () => {
      const manifest = JSON.parse(readFileSync(join(target.buildDir, 'manifest.json'), 'utf8')) as { content_scripts: { js: string[] }[] };
      expect(manifest.content_scripts.flatMap((c) => c.js)).toEqual(['content-script.js']);
      for (const part of ['content-first-stage.js', 'content-stage-two.js']) expect(existsSync(join(target.buildDir, part)), part).toBe(true);
      const gz = gzipSync(readFileSync(join(target.buildDir, 'content-script.js'))).length;
      expect(gz, 'the first look, gzipped').toBeLessThan(6 * 1024);
    });
  });
}
