/**
 * One pass over the document collecting every detection signal, instead of one query per signal.
 *
 * Two equivalent strategies, chosen by what the DOM offers:
 *  - browsers (and jsdom) have live HTMLCollections (`document.scripts`,
 *    `getElementsByTagName`) and fast attribute-presence selectors; a handful of cheap native
 *    lookups costs ~15 µs on a 750-element page, where one combined selector cost ~80 µs;
 *  - elsewhere (linkedom, used by the CLI and the benchmark) every query walks the tree in
 *    JavaScript, so a single walk collecting everything is cheapest.
 * Both give the same result (the tests run on linkedom and jsdom).
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
  /** The first `<h1>`. */
  h1: Element | null;
  /**
   * `<p>` elements in document order (asked on first use: only the density fallback needs them).
   * Array-like: in browsers the live collection itself, since copying it with `Array.from` cost
   * as much as the fallback's own work.
   */
  paragraphs(): ArrayLike<Element>;
}

const ARTICLE_BODY = /(?:^|\s)articleBody(?:\s|$)/;
const SKIP = new Set(['svg', 'template', 'noscript', 'style', 'math', 'iframe', 'select']);

export function scanDocument(doc: Document): DocumentScan {
  return 'scripts' in doc && typeof doc.getElementsByTagName === 'function' ? scanNative(doc) : scanWalk(doc);
}

export function scanNative(doc: Document): DocumentScan {
  const jsonLd: Element[] = [];
  const scripts = doc.scripts;
  for (let i = 0; i < scripts.length; i++) {
    const s = scripts[i]!;
    if ((s.getAttribute('type') ?? '').toLowerCase() === 'application/ld+json') jsonLd.push(s);
  }
  // The <meta> collection, not a selector query: a page without og:type made the query walk the
  // whole document (~4 µs); a page has a few dozen <meta> at most.
  let meta: Element | null = null;
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length && !meta; i++) {
    if ((metas[i]!.getAttribute('property') ?? '').toLowerCase() === 'og:type') meta = metas[i]!;
  }
  // Two queries, not one '[itemtype], [itemprop]': Chromium answers '[itemtype]' on a page
  // without microdata in under 0.5 µs but matches '[itemprop]' element by element (~10 µs on a
  // 750-element page), and the combined selector paid that walk twice. The substring query
  // narrows to the elements the token test then checks, so the result is the same as testing
  // every [itemprop].
  const itemTypes = Array.from(doc.querySelectorAll('[itemtype]'));
  let articleBody: Element | null = null;
  // Microdata properties belong to an item (an element with itemscope/itemtype): on a page without
  // any item (most pages) the '[itemprop]' walk, ~10 µs and the largest cost of detecting a plain
  // article, is skipped. A stray itemprop="articleBody" outside any item (or reached only through
  // itemref) is ignored; the page's other signals still apply.
  // Searched inside each outermost item only (its properties are its descendants), which on a
  // typical page is the article, not the navigation, sidebars and footer around it.
  for (let t = 0; t < itemTypes.length && !articleBody; t++) {
    const item = itemTypes[t]!;
    if (t > 0 && itemTypes.slice(0, t).some((outer) => outer.contains(item))) continue;
    const bodies = item.querySelectorAll('[itemprop*="articleBody"]');
    for (let i = 0; i < bodies.length && !articleBody; i++) {
      if (ARTICLE_BODY.test(bodies[i]!.getAttribute('itemprop') ?? '')) articleBody = bodies[i]!;
    }
  }
  return {
    jsonLd,
    ogType: (meta?.getAttribute('content') ?? '').trim().toLowerCase(),
    articleBody,
    itemTypes,
    articles: Array.from(doc.getElementsByTagName('article')),
    h1: doc.getElementsByTagName('h1')[0] ?? null,
    paragraphs: () => doc.getElementsByTagName('p'),
  };
}

export function scanWalk(doc: Document): DocumentScan {
  const out = {
    jsonLd: [] as Element[],
    itemTypes: [] as Element[],
    articles: [] as Element[],
    paragraphs: [] as Element[],
    ogType: '',
    articleBody: null as Element | null,
    h1: null as Element | null,
  };
  // Recursive, first child → next sibling: in linkedom these are one link each, where
  // lastElementChild/previousElementSibling (a reverse stack walk) cost a scan of siblings.
  const visit = (el: Element, inItem: boolean): void => {
    const name = el.localName;
    if (name === 'p') out.paragraphs.push(el);
    else if (name === 'article') out.articles.push(el);
    else if (name === 'h1') out.h1 ??= el;
    else if (name === 'script') {
      if ((el.getAttribute('type') ?? '').toLowerCase() === 'application/ld+json') out.jsonLd.push(el);
      return;
    } else if (name === 'meta') {
      if ((el.getAttribute('property') ?? '').toLowerCase() === 'og:type') out.ogType = (el.getAttribute('content') ?? '').trim().toLowerCase();
      return;
    } else if (SKIP.has(name)) return;
    let item = inItem;
    if (el.hasAttributes()) {
      // A property counts only inside an item, as in scanNative.
      if (inItem && !out.articleBody) {
        const prop = el.getAttribute('itemprop');
        if (prop && ARTICLE_BODY.test(prop)) out.articleBody = el;
      }
      if (el.hasAttribute('itemtype')) {
        out.itemTypes.push(el);
        item = true;
      }
    }
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) visit(c, item);
  };
  if (doc.documentElement) visit(doc.documentElement, false);
  const paragraphs = out.paragraphs;
  return {
    jsonLd: out.jsonLd,
    ogType: out.ogType,
    articleBody: out.articleBody,
    itemTypes: out.itemTypes,
    articles: out.articles,
    h1: out.h1,
    paragraphs: () => paragraphs,
  };
}
