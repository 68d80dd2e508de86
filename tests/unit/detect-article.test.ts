import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { annotateDocument } from '../../lib/annotate';
import { detectArticle } from '../../lib/detect/article';
import { looksLikeArticle } from '../../lib/detect/looks-like-article';
import { boilerplateFilter } from '../../lib/detect/boilerplate';
import { scanNative, scanWalk } from '../../lib/detect/scan';
import { PAGES, readPage } from '../fixtures/expectations';

const doc = (html: string) => parseHTML(html).document as unknown as Document;
const prose = (n: number) => Array.from({ length: n }, (_, i) => `<p>Paragraph ${i} of a long news story, with enough words in it to count as prose rather than a caption or a link.</p>`).join('');

describe('detectArticle', () => {
  it('reads the signals real pages carry', () => {
    expect(detectArticle(doc(readPage('ja-geekpark-wu.html'))).signals).toEqual(expect.arrayContaining(['json-ld', 'og', 'article-element']));
    expect(detectArticle(doc(readPage('ja-digest-lecun.html'))).signals).toContain('json-ld'); // ReportageNewsArticle in @graph
    const cnbc = detectArticle(doc(readPage('en-cnbc-lecun.html')));
    expect(cnbc.signals).toEqual(expect.arrayContaining(['microdata', 'og']));
    // The articleBody, widened to take in the headline above it.
    expect(cnbc.root?.querySelector('[itemprop="articleBody"]')).not.toBeNull();
    expect(cnbc.root?.querySelector('h1')).not.toBeNull();
    expect(cnbc.root?.localName).not.toBe('body');
  });

  it('falls back to text density on pages with no markup signal', () => {
    const d = detectArticle(doc(readPage('edited-en-cnbc-lecun.html')));
    expect(d.isArticle).toBe(true);
    expect(d.signals).toEqual(['density']);
    expect(d.root?.querySelector('.article-body')).not.toBeNull();
    expect(d.root?.querySelector('h1')).not.toBeNull();
    expect(d.root?.localName).not.toBe('body');
  });

  it('rejects index pages, link lists and short pages', () => {
    const index = doc(readPage('neg-index.html'));
    expect(detectArticle(index).isArticle).toBe(false);
    const links = doc(`<html><body><div>${Array.from({ length: 40 }, (_, i) => `<p><a href="/${i}">A long headline number ${i} that links to another story on the site</a></p>`).join('')}</div></body></html>`);
    expect(detectArticle(links).isArticle).toBe(false);
    expect(detectArticle(doc('<html><body><article><p>Short.</p></article></body></html>')).isArticle).toBe(false);
    const cards = doc(`<html><body>${Array.from({ length: 6 }, (_, i) => `<article><h2>Story ${i}</h2><p>A teaser of story ${i}, a sentence or two long, linking to the full article.</p></article>`).join('')}</body></html>`);
    expect(detectArticle(cards).isArticle).toBe(false);
  });

  it('takes the dominant <article>, not comment <article>s', () => {
    const d = detectArticle(doc(`<html><body><article id="main"><h1>T</h1>${prose(8)}<section class="comments"><article><p>c1</p></article><article><p>c2</p></article></section></article></body></html>`));
    expect(d.isArticle).toBe(true);
    expect(d.root?.id).toBe('main');
  });

  it('detects the language from <html lang>, else from the text', () => {
    expect(detectArticle(doc(readPage('neg-ja-unrelated.html'))).language).toBe('ja');
    const noLang = readPage('neg-ja-unrelated.html').replace('<html lang="ja">', '<html>');
    expect(detectArticle(doc(noLang)).language).toBe('ja');
    const en = readPage('neg-en-unrelated.html').replace('<html lang="en">', '<html>');
    expect(detectArticle(doc(en)).language).toBe('en');
  });
});

describe('looksLikeArticle (cheap check kept for the content script)', () => {
  it('is true for pages with article markup and false for a bare page', () => {
    expect(looksLikeArticle(doc(readPage('en-cnbc-lecun.html')))).toBe(true);
    expect(looksLikeArticle(doc('<html><head><script type="application/ld+json">{"@type":"NewsArticle"}</script></head><body></body></html>'))).toBe(true);
    expect(looksLikeArticle(doc('<html><body><p>hello</p></body></html>'))).toBe(false);
  });
});

// One test per page and DOM pair: each parses a page with jsdom (and linkedom), the slow part.
describe('scanDocument strategies', () => {
  const counts = (scan: ReturnType<typeof scanWalk>): number[] => [scan.jsonLd, scan.itemTypes, scan.articles, scan.paragraphs()].map((x) => x.length);
  describe('the native-query and the single-walk scans agree on every fixture page', () => {
    for (const spec of PAGES) {
      it(spec.file, () => {
        const d = new JSDOM(readPage(spec.file)).window.document;
        const a = scanNative(d);
        const b = scanWalk(d);
        expect(counts(a)).toEqual(counts(b));
        expect(a.ogType).toBe(b.ogType);
        expect(a.articleBody).toBe(b.articleBody);
      });
    }
  });

  describe('the walk gives the same on linkedom (the CLI and benchmark DOM) as the native scan on jsdom', () => {
    // Skipped subtrees (svg, noscript, template) and microdata items end where their last element does.
    const extra = [
      '<html><head><meta property="og:type" content="Article"><meta property="og:type" content="website"></head><body><svg><g><path d="M0 0"/></g><title>icon</title></svg><template><h1>t</h1><p>x</p></template><h1 id="h">head</h1><p>one</p><article><p>two</p><svg><g></g></svg></article><p>three</p></body></html>',
      '<html><body><div itemscope itemtype="https://schema.org/NewsArticle"><svg><g><path/></g></svg></div><div itemprop="articleBody">outside the item</div></body></html>',
      '<html><body><div itemscope itemtype="https://schema.org/WebPage"><div itemscope itemtype="https://schema.org/NewsArticle"><p>a</p></div><section><div id="b" itemprop="articleBody">in the outer item</div></section></div></body></html>',
    ];
    const summary = (scan: ReturnType<typeof scanWalk>): unknown => ({
      counts: counts(scan),
      paragraphs: Array.from(scan.paragraphs(), (p) => p.textContent),
      ogType: scan.ogType,
      articleBody: scan.articleBody?.textContent ?? null,
      h1: scan.h1?.textContent ?? null,
    });
    const cases: [string, string][] = [...PAGES.map((p): [string, string] => [p.file, readPage(p.file)]), ...extra.map((html, i): [string, string] => [`markup case ${i + 1}`, html])];
    for (const [name, html] of cases) {
      it(name, () => {
        const native = scanNative(new JSDOM(html).window.document);
        const walked = scanWalk(parseHTML(html).document as unknown as Document);
        expect(summary(walked)).toEqual(summary(native));
      });
    }
  });

  it('agree on itemprop token lists (articleBody as one token among several, or only as a substring)', () => {
    const cases: [string, string | null][] = [
      ['<div itemscope itemtype="https://schema.org/Article"><div itemprop="articleBodyExtra">x</div><div id="t" itemprop="headline articleBody">y</div></div>', 't'],
      ['<div itemscope itemtype="https://schema.org/Article"><div itemprop="notarticleBody">x</div><div itemprop="articleBody2">y</div></div>', null],
      // No microdata item anywhere: a stray itemprop is not looked for (the cheap path, see scan.ts).
      ['<div id="t" itemprop="articleBody">y</div>', null],
      // An item elsewhere does not adopt a stray property outside it.
      ['<div itemscope itemtype="https://schema.org/Person"></div><div itemprop="articleBody">w</div>', null],
      // Nested items: the property is found inside the outermost one.
      ['<div itemscope itemtype="https://schema.org/WebPage"><div itemscope itemtype="https://schema.org/NewsArticle"><p id="t" itemprop="articleBody">v</p></div></div>', 't'],
      ['<div itemscope itemtype="https://schema.org/NewsArticle"><div id="t" itemprop="articleBody">z</div></div><div itemprop="articleBody">w</div>', 't'],
    ];
    for (const [body, id] of cases) {
      const d = new JSDOM(`<html><body>${body}</body></html>`).window.document;
      const a = scanNative(d);
      const b = scanWalk(d);
      expect(a.articleBody).toBe(b.articleBody);
      expect(a.articleBody?.id ?? null).toBe(id);
      expect(a.itemTypes.length).toBe(b.itemTypes.length);
    }
  });
});

describe('a page wrapped in one <form> (ASP.NET WebForms and some CMSs)', () => {
  it('is detected and annotated as without the wrapper; forms inside the article stay boilerplate', () => {
    for (const file of ['ja-geekpark-wu.html', 'edited-en-cnbc-lecun.html', 'en-cnbc-lecun.html']) {
      // Inner forms become divs first: the HTML parser ignores a <form> nested in another.
      const plain = readPage(file).replace(/<form\b[^>]*>/g, '<div>').replace(/<\/form>/g, '</div>');
      const wrapped = plain.replace('<body>', '<body><form id="aspnetForm" method="post" action="./">').replace('</body>', '</form></body>');
      const doc = new JSDOM(wrapped).window.document;
      expect(doc.querySelectorAll('form').length, file).toBe(1);
      const got = annotateDocument(doc);
      const want = annotateDocument(new JSDOM(plain).window.document);
      expect(got.isArticle, file).toBe(true);
      expect(got.annotations.map((a) => a.claimId), file).toEqual(want.annotations.map((a) => a.claimId));
      expect(want.annotations.length, file).toBeGreaterThan(0);
    }
    const search = new JSDOM('<form role="search"><input name="q"><p>Search the site</p></form>').window.document.querySelector('form')!;
    expect(boilerplateFilter()(search)).toBe(true);
  });
});

describe('an article whose classes name its tags and categories (WordPress post_class)', () => {
  it('is detected and annotated: tag-social or category-ads is a topic, not a share bar or an advert', () => {
    const plain = readPage('ja-geekpark-wu.html');
    const wp = plain.replace(
      '<article class="post"',
      '<article class="post-123 post type-post status-publish format-standard hentry category-ads tag-social tag-related tag-xai"',
    );
    expect(wp).not.toBe(plain);
    const got = annotateDocument(new JSDOM(wp).window.document);
    const want = annotateDocument(new JSDOM(plain).window.document);
    expect(got.isArticle).toBe(true);
    expect(got.annotations.map((a) => a.claimId)).toEqual(want.annotations.map((a) => a.claimId));
    // Region classes still mark boilerplate, alone or beside term classes.
    const el = (cls: string) => new JSDOM(`<div class="${cls}"></div>`).window.document.querySelector('div')!;
    expect(boilerplateFilter()(el('related-posts tag-ai'))).toBe(true);
    expect(boilerplateFilter()(el('share-buttons'))).toBe(true);
    expect(boilerplateFilter()(el('post-tags'))).toBe(true);
    expect(boilerplateFilter()(el('tag-ai category-social-media'))).toBe(false);
  });
});

describe('page-level wrappers with region-like classes', () => {
  it('<body class="has-sidebar">, <div class="site with-ads">: the article inside is still found', () => {
    for (const file of ['ja-geekpark-wu.html', 'edited-en-cnbc-lecun.html']) {
      const plain = readPage(file);
      const wrapped = plain
        .replace(/<body([^>]*)>/, '<body class="single single-post has-sidebar"><div class="site with-ads" role="complementary">')
        .replace('</body>', '</div></body>');
      const got = annotateDocument(new JSDOM(wrapped).window.document);
      const want = annotateDocument(new JSDOM(plain).window.document);
      expect(got.isArticle, file).toBe(true);
      expect(got.annotations.map((a) => a.claimId), file).toEqual(want.annotations.map((a) => a.claimId));
    }
  });
});
