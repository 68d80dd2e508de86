/**
 * Article detection: is this page one article, and which element holds its body?
 *
 * Signals, strongest first:
 *  - JSON-LD `@type` NewsArticle / Article / ReportageNewsArticle / … (also inside `@graph`);
 *  - microdata `itemtype` of those types, and `itemprop="articleBody"`;
 *  - `og:type=article`;
 *  - one dominant `<article>` element;
 *  - fallback for pages with none of these: text density (the container with the most paragraph
 *    text at low link density), a small Readability-class check. Its cost is measured by
 *    `npm run bench` (it runs only on pages without markup signals).
 * Listing pages (home, index, search results) are rejected: JSON-LD CollectionPage / ItemList /
 * SearchResultsPage, or many `<article>` cards none of which dominates, or a body whose text is
 * mostly links.
 */

import { boilerplateFilter } from './boilerplate';
import { scanDocument, type DocumentScan } from './scan';

export const ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle',
  'reviewnewsarticle', 'backgroundnewsarticle', 'blogposting', 'report', 'scholarlyarticle',
  'techarticle', 'liveblogposting',
]);
const LISTING_TYPES = new Set(['collectionpage', 'itemlist', 'searchresultspage', 'website']);

/**
 * Minimum body text (characters of textContent) for an article. Japanese news is dense: a short
 * wire story is ~300 characters. Lower admits teasers/cards; higher drops short news.
 */
export const MIN_ARTICLE_CHARS = 280;
/** An `<article>` must hold this share of all `<article>` text to be "the" article. */
const DOMINANT_SHARE = 0.6;
/** Above this share of link text a container is a list of links, not prose. */
const MAX_LINK_DENSITY = 0.35;

export type ArticleSignal = 'json-ld' | 'microdata' | 'og' | 'article-element' | 'density';

export interface ArticleDetection {
  isArticle: boolean;
  /** The article body element (only when `isArticle`). */
  root: Element | null;
  /** Which signals were seen. */
  signals: ArticleSignal[];
  /** Page language from `<html lang>`, else sniffed from the body text. */
  language?: 'ja' | 'en';
  /** The page's first `<h1>` (null: none), for the boilerplate filter (see boilerplate.ts). */
  heading?: Element | null;
  /** `root.textContent`, when detection read it already (the engine's gate reads it next). */
  rootText?: string;
}

function collectTypes(value: unknown, into: string[]): void {
  if (Array.isArray(value)) {
    for (const v of value) collectTypes(v, into);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  const t = obj['@type'];
  if (typeof t === 'string') into.push(t.toLowerCase());
  else if (Array.isArray(t)) for (const x of t) if (typeof x === 'string') into.push(x.toLowerCase());
  if (obj['@graph']) collectTypes(obj['@graph'], into);
  if (obj['mainEntity']) collectTypes(obj['mainEntity'], into);
}

/** Lower-cased `@type`s of every JSON-LD block (unparsable blocks are ignored). */
export function jsonLdTypes(doc: Document, scripts?: Element[]): string[] {
  const types: string[] = [];
  for (const s of scripts ?? Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      collectTypes(JSON.parse(s.textContent ?? ''), types);
    } catch {
      /* malformed JSON-LD is common; ignore it */
    }
  }
  return types;
}

/**
 * Raw textContent (whitespace included: its length is a cheap, stable proxy for the amount of
 * text), memoised for one `detectArticle` call: the root's is asked several times and handed on.
 */
let texts = new Map<Element, string>();
function textOf(el: Element): string {
  let t = texts.get(el);
  if (t === undefined) {
    t = el.textContent ?? '';
    texts.set(el, t);
  }
  return t;
}
function textLength(el: Element): number {
  return textOf(el).length;
}

/**
 * Characters of link text inside `el`. `getElementsByTagName` (a cached live collection in
 * browsers) instead of `querySelectorAll('a')`: the density fallback asks this of every paragraph,
 * most of which hold no link, and a selector query per paragraph was a third of its cost.
 */
function linkTextLength(el: Element): number {
  const links = el.getElementsByTagName('a');
  let n = 0;
  for (let i = 0; i < links.length; i++) n += (links[i]!.textContent ?? '').length;
  return n;
}

/**
 * Whether an element or an ancestor of it is boilerplate, each element judged once per call: the
 * `<article>` cards of a front page (dozens) share most of their ancestors, and judging every
 * ancestor of every card again was the largest part of detecting such a page (~1 ms cold).
 */
function boilerplateAncestry(heading: Element | null | undefined): (el: Element | null) => boolean {
  const isBoilerplate = boilerplateFilter(heading);
  const verdict = new Map<Element, boolean>();
  return (el) => {
    const path: Element[] = [];
    let result = false;
    for (let e = el; e; e = e.parentElement) {
      const known = verdict.get(e);
      if (known !== undefined) {
        result = known;
        break;
      }
      path.push(e);
      if (isBoilerplate(e)) {
        result = true;
        break;
      }
    }
    for (const e of path) verdict.set(e, result);
    return result;
  };
}

/** The outermost `<article>` holding most `<article>` text, if one dominates. */
function dominantArticle(articles: Element[], heading: Element | null): { el: Element | null; count: number; total: number } {
  const inBoilerplate = boilerplateAncestry(heading);
  // Comments and sidebar cards are often <article>s too: they are not candidates.
  const all = articles.filter((a) => !inBoilerplate(a));
  const outer = all.filter((a) => !a.parentElement?.closest('article'));
  if (outer.length === 0) return { el: null, count: 0, total: 0 };
  let best: Element | null = null;
  let bestLen = 0;
  let total = 0;
  for (const a of outer) {
    const len = textLength(a);
    total += len;
    if (len > bestLen) {
      bestLen = len;
      best = a;
    }
  }
  if (!best || bestLen < DOMINANT_SHARE * total) return { el: null, count: outer.length, total };
  return { el: best, count: outer.length, total };
}

/**
 * Text-density fallback: the parent element with the most paragraph text (its `<p>` children,
 * minus link-heavy ones). Returns the element and its paragraph text length.
 */
export function densestContainer(doc: Document, paragraphs?: ArrayLike<Element>, heading?: Element | null): { el: Element | null; chars: number } {
  const score = new Map<Element, number>();
  const inBoilerplate = boilerplateAncestry(heading);
  const ps = paragraphs ?? doc.getElementsByTagName('p');
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i]!;
    const parent = p.parentElement;
    if (!parent) continue;
    const len = textLength(p);
    if (len < 25) continue;
    if (linkTextLength(p) > MAX_LINK_DENSITY * len) continue;
    if (inBoilerplate(parent)) continue;
    score.set(parent, (score.get(parent) ?? 0) + len);
  }
  let el: Element | null = null;
  let chars = 0;
  for (const [k, v] of score) {
    if (v > chars) {
      chars = v;
      el = k;
    }
  }
  return { el, chars };
}

const KANA = /[\u3040-\u30ff]/g;
const LATIN = /[A-Za-z]/g;

export function detectLanguage(doc: Document, root: Element | null): 'ja' | 'en' | undefined {
  const lang = (doc.documentElement?.getAttribute('lang') ?? '').toLowerCase();
  if (lang.startsWith('ja')) return 'ja';
  if (lang.startsWith('en')) return 'en';
  const sample = ((root ?? doc.body)?.textContent ?? '').slice(0, 4000);
  const kana = sample.match(KANA)?.length ?? 0;
  const latin = sample.match(LATIN)?.length ?? 0;
  if (kana > 20 && kana * 4 > latin * 0.2) return 'ja';
  if (latin > 100) return 'en';
  return undefined;
}

/**
 * The body element found by microdata or text density often leaves the headline out (an <h1> in a
 * header above the body <div>). Widen the root to the nearest common ancestor of the page's first
 * <h1> and the body, unless that ancestor is a page-level wrapper (html, body, main), whose
 * sidebars the boilerplate filter might not all catch.
 */
function withHeadline(h1: Element | null, root: Element): Element {
  if (!h1 || root.contains(h1)) return root;
  const ancestors = new Set<Element>();
  for (let e: Element | null = root; e; e = e.parentElement) ancestors.add(e);
  let lca: Element | null = h1.parentElement;
  while (lca && !ancestors.has(lca)) lca = lca.parentElement;
  if (!lca || ['html', 'body', 'main'].includes(lca.localName)) return root;
  return lca;
}

export function detectArticle(doc: Document): ArticleDetection {
  const signals: ArticleSignal[] = [];
  if (!doc.documentElement || !doc.body) return { isArticle: false, root: null, signals };
  try {
    return detect(doc, signals);
  } finally {
    // The memo holds for one call: the DOM may change before the next, and no page text is kept.
    texts = new Map();
  }
}

function detect(doc: Document, signals: ArticleSignal[]): ArticleDetection {

  const scan: DocumentScan = scanDocument(doc);
  const types = jsonLdTypes(doc, scan.jsonLd);
  const ldArticle = types.some((t) => ARTICLE_TYPES.has(t));
  const ldListing = !ldArticle && types.some((t) => LISTING_TYPES.has(t) && t !== 'website');
  if (ldArticle) signals.push('json-ld');

  const microBody = scan.articleBody;
  const microArticle = scan.itemTypes.find((el) => {
    const t = (el.getAttribute('itemtype') ?? '').split('/').pop()?.toLowerCase() ?? '';
    return ARTICLE_TYPES.has(t);
  });
  if (microBody || microArticle) signals.push('microdata');

  const og = scan.ogType;
  if (og === 'article') signals.push('og');

  const { el: articleEl, count: articleCount, total: cardText } = dominantArticle(scan.articles, scan.h1);
  if (articleEl) signals.push('article-element');

  // Root: the most specific body element the signals point at.
  let root: Element | null = microBody ?? articleEl ?? microArticle ?? null;
  if (!root || textLength(root) < MIN_ARTICLE_CHARS) {
    const dense = densestContainer(doc, scan.paragraphs(), scan.h1);
    if (dense.el && dense.chars >= MIN_ARTICLE_CHARS) {
      root = dense.el;
      if (signals.length === 0) signals.push('density');
    } else if (!root) {
      return { isArticle: false, root: null, signals, language: detectLanguage(doc, null) };
    }
  }

  // Listing pages: declared as such, or many cards none of which dominates, or mostly links.
  const markupSays = ldArticle || og === 'article' || !!microBody || !!microArticle;
  const len = textLength(root);
  // Many <article> cards, none dominant, and no prose container larger than all of them together.
  const manyCards = !articleEl && articleCount >= 3 && len < 2 * cardText;
  const linkHeavy = linkTextLength(root) > MAX_LINK_DENSITY * len;
  const isArticle =
    len >= MIN_ARTICLE_CHARS && !linkHeavy && !ldListing && !(manyCards && !markupSays) && og !== 'website'
      ? true
      : markupSays && len >= MIN_ARTICLE_CHARS && !linkHeavy && !ldListing;

  const body = isArticle ? withHeadline(scan.h1, root) : null;
  return {
    isArticle,
    root: body,
    signals,
    language: detectLanguage(doc, isArticle ? root : null),
    heading: scan.h1,
    rootText: body ? texts.get(body) : undefined,
  };
}
