import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeTextDirective, textFragmentUrl } from '../../lib/links/text-fragment';
import { CHROMIUM_PATH, FIREFOX_PATH, browserAvailable } from './harness/browsers';
import { artifactPath, startServer, type BrowserName } from './harness';
import { boxesById, launchPlain, magentaWithin, TARGET_TEXT_CSS, type PlainBrowser, type Shot } from './harness/fragment';

/**
 * Links made by lib/links/text-fragment.ts open the page scrolled to and highlighted at the
 * passage in real Chromium and Firefox ESR, with no extension installed (what a reader's friend
 * sees). Each page has a decoy: the same passage earlier on the page, in another sentence, in the
 * first screen. The link must skip it (prefix/suffix) and go to the real one, far below.
 *
 * How the highlight is observed: the page styles `::target-text` (the pseudo-element both browsers
 * paint over the text a fragment matched) in pure magenta; a screenshot of the viewport is decoded
 * in the browser (canvas) and its magenta pixels located. They must lie on the target paragraph
 * (and none on the decoy), and the window must have scrolled to it. The control link (no context)
 * highlights the decoy instead, so a test that passes is not one that could not fail.
 */

const PAGE_CSS = `
  body { font: 18px/1.5 sans-serif; margin: 0 auto; max-width: 760px; padding: 16px; }
  ${TARGET_TEXT_CSS}
  .filler { height: 2600px; }
`;

const EN_PASSAGE = 'xAI is kind of a failure';
const JA_PASSAGE = '一種の失敗だ';

function page(lang: string, title: string, decoy: string, filler: string, target: string, after = ''): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title><style>${PAGE_CSS}</style></head>
<body><h1>${title}</h1><p id="decoy">${decoy}</p><div class="filler">${filler}</div><p id="target">${target}</p>${after}<div class="filler"></div></body></html>`;
}

const PAGES = {
  '/en.html': page(
    'en',
    'LeCun on xAI',
    `Some readers wrote that ${EN_PASSAGE} in the first week, and others disagreed.`,
    'Unrelated filler text.',
    `In the interview, LeCun said that ${EN_PASSAGE}, frankly, because the founding team has left.`,
  ),
  '/ja.html': page(
    'ja',
    'ルカン氏の発言',
    `ある読者は、これは${JA_PASSAGE}と書いたが、反論もあった。`,
    '関係のない文章。',
    `「正直なところ、xAIは創設チームが離脱したため、${JA_PASSAGE}」とLeCunは述べた。`,
  ),
  '/blocks.html': page(
    'en',
    'Two paragraphs',
    'A short decoy paragraph that mentions the bubble explosion once.',
    'Filler.',
    'Labs like OpenAI and Anthropic are going to have to increase prices, they are going to have to cut costs.',
    '<p id="target2">Or there is going to be a big bubble explosion, the founder added in the same interview.</p>',
  ),
};

/** The quotes a note would store for the target passages (what describeOffsets writes: ≤ 32 characters of context). */
const QUOTES = {
  en: { exact: EN_PASSAGE, prefix: 'In the interview, LeCun said that '.slice(-32), suffix: ', frankly, because the founding team has left.'.slice(0, 32) },
  ja: { exact: JA_PASSAGE, prefix: '「正直なところ、xAIは創設チームが離脱したため、', suffix: '」とLeCunは述べた。' },
  blocks: {
    exact: 'are going to have to increase prices, they are going to have to cut costs.\nOr there is going to be a big bubble explosion',
    prefix: 'Labs like OpenAI and Anthropic ',
    suffix: ', the founder added in the same i',
  },
};

const drivers: { name: BrowserName; available: boolean }[] = [
  { name: 'chromium', available: browserAvailable(CHROMIUM_PATH) },
  { name: 'firefox', available: browserAvailable(FIREFOX_PATH) },
];

for (const d of drivers) {
  describe.skipIf(!d.available)(`text-fragment links in ${d.name}, without Counterpoint`, () => {
    let driver: PlainBrowser;
    let server: Awaited<ReturnType<typeof startServer>>;

    beforeAll(async () => {
      server = await startServer([], Object.fromEntries(Object.entries(PAGES).map(([k, body]) => [k, { type: 'text/html; charset=utf-8', body }])));
      driver = await launchPlain(d.name);
    });
    afterAll(async () => {
      await driver?.close();
      await server?.close();
    });

    async function expectHighlighted(url: string, on: string[], off: string[], shotName: string): Promise<Shot> {
      const shot = await driver.open(url, boxesById, [...on, ...off]);
      const rows = await driver.magentaRows(shot.png);
      await import('node:fs/promises').then((fs) => fs.writeFile(artifactPath(shotName), shot.png));
      for (const id of on) {
        const r = shot.rects[id]!;
        expect(r.top, `${id} in view`).toBeGreaterThanOrEqual(0);
        expect(r.bottom, `${id} in view`).toBeLessThanOrEqual(700);
        expect(magentaWithin(rows, r), `${id} highlighted`).toBeGreaterThan(50);
      }
      for (const id of off) expect(magentaWithin(rows, shot.rects[id]!), `${id} not highlighted`).toBe(0);
      return shot;
    }

    it('English: opens at the passage (not the earlier decoy), highlighted', async () => {
      const url = textFragmentUrl(server.url('/en.html'), QUOTES.en)!;
      expect(url).toContain('#:~:text=');
      expect(url).toMatch(/-,xAI%20is%20kind%20of%20a%20failure,-/); // prefix and suffix were needed
      const shot = await expectHighlighted(url, ['target'], ['decoy'], `fragment-${d.name}-en.png`);
      expect(shot.scrollY).toBeGreaterThan(1000);
    });

    it('control: the same passage without context goes to the first occurrence (the decoy)', async () => {
      const url = `${server.url('/en.html')}#:~:${serializeTextDirective({ textStart: EN_PASSAGE })}`;
      const shot = await expectHighlighted(url, ['decoy'], [], `fragment-${d.name}-control.png`);
      expect(shot.scrollY).toBeLessThan(1000);
    });

    it('Japanese (no spaces between words): opens at the passage, highlighted', async () => {
      const url = textFragmentUrl(server.url('/ja.html'), QUOTES.ja)!;
      const shot = await expectHighlighted(url, ['target'], ['decoy'], `fragment-${d.name}-ja.png`);
      expect(shot.scrollY).toBeGreaterThan(1000);
    });

    it('a passage over two paragraphs (textStart,textEnd): both highlighted', async () => {
      const url = textFragmentUrl(server.url('/blocks.html'), QUOTES.blocks)!;
      expect(url).toMatch(/text=[^&]*,[^&]*,/); // start and end terms
      await expectHighlighted(url, ['target', 'target2'], ['decoy'], `fragment-${d.name}-blocks.png`);
    });
  });
}
