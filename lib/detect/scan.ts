/**
 * One pass over the document collecting every detection signal, instead of one
 * `querySelectorAll` per signal (each of which walks the whole tree again): a single combined
 * selector query, then a classification of its matches.
 */

export interface DocumentScan {
  /** `<script type="application/ld+json">` elements. */
  jsonLd: Element[];
  /** Lower-cased `og:type` content ('' when absent). */
  ogType: string;
  /** First `[itemprop~=articleBody]`. */
  articleBody: Element | null;
  /** Elements with an `itemtype` (microdata items). */
  itemTypes: Element[];
  /** `<article>` elements in document order. */
  articles: Element[];
  /** `<p>` elements in document order. */
  paragraphs: Element[];
}

/** Every element any signal needs, in one selector (document order). */
const SELECTOR = 'script[type="application/ld+json" i], meta[property="og:type" i], [itemtype], [itemprop~="articleBody"], article, p';

export function scanDocument(doc: Document): DocumentScan {
  const scan: DocumentScan = { jsonLd: [], ogType: '', articleBody: null, itemTypes: [], articles: [], paragraphs: [] };
  if (!doc.documentElement) return scan;
  // One native selector query (browsers match it in C++); each match is then classified.
  const all = doc.querySelectorAll(SELECTOR);
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    const name = el.localName;
    if (name === 'p') scan.paragraphs.push(el);
    else if (name === 'article') scan.articles.push(el);
    else if (name === 'script') {
      scan.jsonLd.push(el);
      continue;
    } else if (name === 'meta') {
      scan.ogType = (el.getAttribute('content') ?? '').trim().toLowerCase();
      continue;
    }
    if (el.hasAttribute('itemtype')) scan.itemTypes.push(el);
    if (!scan.articleBody && el.hasAttribute('itemprop')) {
      const prop = el.getAttribute('itemprop') ?? '';
      if (/(?:^|\s)articleBody(?:\s|$)/.test(prop)) scan.articleBody = el;
    }
  }
  return scan;
}
