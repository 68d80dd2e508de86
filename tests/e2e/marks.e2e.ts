/**
 * The marks as the browsers paint them (issue #16: highlight density): every status's strong and
 * subtle mark, the reader's notes and the active mark, drawn with the overlay's own CSS
 * (lib/overlay/highlight.ts) through the CSS Custom Highlight API on a light and a dark page, in
 * Chromium and Firefox ESR. A subtle mark must be visible yet clearly quieter than the strong one:
 * each sample sentence is drawn twice, plain and marked, and the pixels the mark changes are
 * counted (decoded from a screenshot in the page). Screenshots: test-artifacts/e2e/*-marks-*.png.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVE_DECLARATIONS, NOTE_HIGHLIGHT_NAME, highlightCss, highlightName, noteHighlightCss } from '../../lib/overlay/highlight';
import { CLAIM_STATUSES } from '../../lib/overlay/types';
import { artifactPath, browsers, startServer, type ExtensionSession } from './harness';

type Server = Awaited<ReturnType<typeof startServer>>;

const SENTENCE = 'LeCun said the startup was kind of a failure 失敗';
const SAMPLES: { id: string; name: string }[] = [
  ...CLAIM_STATUSES.flatMap((s) => [
    { id: `strong-${s}`, name: highlightName(s, 'strong') },
    { id: `subtle-${s}`, name: highlightName(s, 'subtle') },
  ]),
  { id: 'note', name: NOTE_HIGHLIGHT_NAME },
  { id: 'active', name: 'counterpoint-active' },
];

function page(scheme: 'light' | 'dark'): string {
  const rows = SAMPLES.map(
    (s) => `<p><span class="label">${s.id}</span><span id="plain-${s.id}">${SENTENCE}</span></p><p><span class="label"></span><span id="${s.id}">${SENTENCE}</span></p>`,
  ).join('');
  const colours = scheme === 'dark' ? 'background:#1c1c1e;color:#e6e6e6' : 'background:#ffffff;color:#1a1a1a';
  return `<!doctype html><html><head><meta charset="utf-8"><title>marks</title><style>
    body{${colours};font:17px/28px "Noto Sans CJK JP",sans-serif;margin:12px 20px}
    /* Whole-pixel rows, so the plain and the marked copy rasterise alike. */p{margin:0 0 2px;height:28px}.label{display:inline-block;width:150px;font-size:12px;opacity:.7}
    ${highlightCss('css')}
    ${noteHighlightCss()}
    ::highlight(counterpoint-active){${ACTIVE_DECLARATIONS}}
  </style></head><body>${rows}<script>
    for (const s of ${JSON.stringify(SAMPLES)}) {
      const el = document.getElementById(s.id);
      const r = document.createRange();
      r.selectNodeContents(el);
      CSS.highlights.set(s.name, new Highlight(r));
    }
    // Ready once the highlights have been painted (two frames after registering them).
    requestAnimationFrame(() => requestAnimationFrame(() => { document.body.dataset.ready = '1'; }));
  </script></body></html>`;
}

/**
 * Per sample: pixels that differ (by more than 15 over the three channels) between the marked copy and the
 * plain one above it, over the text's box and a few pixels below it (underlines). Runs in a page.
 */
async function inkPerSample(arg: { base64: string; ids: string[] }): Promise<Record<string, { ink: number; width: number }>> {
  const img = new Image();
  img.src = `data:image/png;base64,${arg.base64}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(img, 0, 0);
  const scale = img.naturalWidth / window.innerWidth;
  const out: Record<string, { ink: number; width: number }> = {};
  for (const id of arg.ids) {
    const marked = document.getElementById(id)!.getBoundingClientRect();
    const plain = document.getElementById(`plain-${id}`)!.getBoundingClientRect();
    const x = Math.floor(marked.left * scale);
    const w = Math.ceil(marked.width * scale);
    const h = Math.ceil((marked.height + 4) * scale);
    const a = ctx.getImageData(x, Math.floor(marked.top * scale), w, h).data;
    const b = ctx.getImageData(Math.floor(plain.left * scale), Math.floor(plain.top * scale), w, h).data;
    let ink = 0;
    for (let i = 0; i < a.length; i += 4) {
      if (Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!) > 15) ink++;
    }
    out[id] = { ink, width: w };
  }
  return out;
}

for (const target of browsers) {
  describe.skipIf(!target.available)(`marks as ${target.name} paints them`, () => {
    let server: Server;
    let session: ExtensionSession;

    beforeAll(async () => {
      server = await startServer([], {
        '/marks-light.html': { type: 'text/html; charset=utf-8', body: page('light') },
        '/marks-dark.html': { type: 'text/html; charset=utf-8', body: page('dark') },
      });
      session = await target.launch();
    });
    afterAll(async () => {
      await session?.close();
      await server?.close();
    });

    for (const scheme of ['light', 'dark'] as const) {
      it(`subtle marks are visible and quieter than strong ones; notes have their own mark (${scheme} page)`, async () => {
        const p = await session.openPage(server.url(`/marks-${scheme}.html`));
        await p.waitFor(() => document.body.dataset.ready === '1');
        const file = artifactPath(`${target.name}-marks-${scheme}.png`);
        await p.screenshot(file);
        const ink = await p.evaluate(inkPerSample, { base64: readFileSync(file).toString('base64'), ids: SAMPLES.map((s) => s.id) });
        await p.close();
        writeFileSync(artifactPath(`${target.name}-marks-${scheme}.json`), JSON.stringify(ink, null, 1));
        for (const status of CLAIM_STATUSES) {
          const strong = ink[`strong-${status}`]!;
          const subtle = ink[`subtle-${status}`]!;
          // Visible: at least a quarter of a line's worth of underline pixels …
          expect(subtle.ink, `${status} subtle`).toBeGreaterThan(subtle.width * 0.25);
          // … and clearly quieter than the strong mark (which tints the whole box).
          expect(subtle.ink, `${status} subtle vs strong`).toBeLessThan(strong.ink * 0.35);
        }
        expect(ink.note!.ink).toBeGreaterThan(ink.note!.width * 2);
        expect(ink.active!.ink).toBeGreaterThan(ink.active!.width * 2);
      });
    }
  });
}
