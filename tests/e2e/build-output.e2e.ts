/**
 * What the build hands each browser, read from the built directories (npm run test:e2e builds both
 * first; no browser needed):
 *  - the content script's three parts are ASCII: one non-ASCII character makes a whole script a
 *    two-byte string in the renderer, twice its size in memory, and these are evaluated in the pages
 *    that load them (wxt.config.ts sets esbuild's charset; a character inside a regular-expression
 *    literal is not escaped by it, so their sources write those as \u escapes). The background and
 *    the extension's pages are not held to it: the restatement tier's Japanese patterns stay readable;
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
    it('has the content script’s parts in ASCII', () => {
      expect(existsSync(join(target.buildDir, 'manifest.json')), 'built').toBe(true);
      const scripts = scriptsUnder(target.buildDir).filter((f) => /[\\/]content-[^\\/]*\.js$/.test(f));
      expect(scripts.map((f) => f.slice(target.buildDir.length + 1)).sort()).toEqual(['content-first-stage.js', 'content-script.js', 'content-stage-two.js']);
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
