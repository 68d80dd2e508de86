/**
 * One walk over the document's elements collecting every detection signal, instead of one
 * `querySelectorAll` per signal (each of which walks the whole tree again; in linkedom, used by
 * the CLI, that is ~5× the cost). Subtrees that cannot hold signals (svg, template, noscript,
 * style) are not entered.
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

const SKIP = new Set(['svg', 'template', 'noscript', 'style', 'math', 'iframe', 'select']);

export function scanDocument(doc: Document): DocumentScan {
  const scan: DocumentScan = { jsonLd: [], ogType: '', articleBody: null, itemTypes: [], articles: [], paragraphs: [] };
  const root = doc.documentElement;
  if (!root) return scan;
  const stack: Element[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    const name = el.localName;
    if (name === 'p') scan.paragraphs.push(el);
    else if (name === 'article') scan.articles.push(el);
    else if (name === 'script') {
      if ((el.getAttribute('type') ?? '').toLowerCase() === 'application/ld+json') scan.jsonLd.push(el);
      continue;
    } else if (name === 'meta') {
      if ((el.getAttribute('property') ?? '').toLowerCase() === 'og:type') scan.ogType = (el.getAttribute('content') ?? '').trim().toLowerCase();
      continue;
    } else if (SKIP.has(name)) continue;
    if (el.hasAttribute('itemtype')) scan.itemTypes.push(el);
    if (!scan.articleBody) {
      const prop = el.getAttribute('itemprop');
      if (prop && /(?:^|\s)articleBody(?:\s|$)/.test(prop)) scan.articleBody = el;
    }
    // Children pushed in reverse so they pop in document order.
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return scan;
}
