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
  const itemTypes = toArray(doc.querySelectorAll('[itemtype]'));
  let articleBody: Element | null = null;
  // Microdata properties belong to an item (an element with itemscope/itemtype): on a page without
  // any item (most pages) the '[itemprop]' walk, ~10 µs and the largest cost of detecting a plain
  // article, is skipped. A stray itemprop="articleBody" outside any item (or reached only through
  // itemref) is ignored; the page's other signals still apply.
  // Searched inside each outermost item only (its properties are its descendants), which on a
  // typical page is the article, not the navigation, sidebars and footer around it.
  for (let t = 0; t < itemTypes.length && !articleBody; t++) {
    const item = itemTypes[t]!;
    let nested = false;
    for (let o = 0; o < t && !nested; o++) nested = itemTypes[o]!.contains(item);
    if (nested) continue;
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
    articles: toArray(doc.getElementsByTagName('article')),
    h1: doc.getElementsByTagName('h1')[0] ?? null,
    paragraphs: () => doc.getElementsByTagName('p'),
  };
}

/**
 * A DOM list as an array, by index: `Array.from` goes through the list's iterator, which cost
 * Chromium ~0.4 µs for a one-element HTMLCollection (a tenth of detecting a page).
 */
function toArray(list: ArrayLike<Element>): Element[] {
  const out: Element[] = [];
  for (let i = 0; i < list.length; i++) out.push(list[i]!);
  return out;
}

export function scanWalk(doc: Document): DocumentScan {
  const jsonLd: Element[] = [];
  const itemTypes: Element[] = [];
  const articles: Element[] = [];
  const paragraphs: Element[] = [];
  let ogType: string | null = null;
  let articleBody: Element | null = null;
  let h1: Element | null = null;
  const root = doc.documentElement;
  if (!root) return { jsonLd, ogType: '', articleBody, itemTypes, articles, h1, paragraphs: () => paragraphs };
  // One TreeWalker pass in document order: linkedom builds its element list in a single run along
  // its internal node list, ~2× faster than a recursive walk through firstElementChild and
  // nextElementSibling (getters that step over text and attribute nodes one by one). Subtrees are
  // left by position instead of by recursion: a skipped element's subtree, and an item's, end at
  // its last descendant element.
  let skipUntil: Element | null = null; // last element of the subtree being skipped
  const itemEnds: Element[] = []; // last elements of the open microdata items, innermost on top
  const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let el: Element | null = root; el; el = walker.nextNode() as Element | null) {
    if (skipUntil) {
      if (el === skipUntil) skipUntil = null;
    } else {
      const name = el.localName;
      if (name === 'p') paragraphs.push(el);
      else if (name === 'article') articles.push(el);
      else if (name === 'h1') h1 ??= el;
      else if (name === 'script') {
        if ((el.getAttribute('type') ?? '').toLowerCase() === 'application/ld+json') jsonLd.push(el);
      } else if (name === 'meta') {
        if (ogType === null && (el.getAttribute('property') ?? '').toLowerCase() === 'og:type') ogType = (el.getAttribute('content') ?? '').trim().toLowerCase();
      } else if (SKIP.has(name)) {
        const last = lastDescendant(el);
        if (last !== el) skipUntil = last;
      }
      if (!skipUntil && el.hasAttributes()) {
        // A property counts only inside an item, as in scanNative.
        if (itemEnds.length > 0 && !articleBody) {
          const prop = el.getAttribute('itemprop');
          if (prop && ARTICLE_BODY.test(prop)) articleBody = el;
        }
        if (el.hasAttribute('itemtype')) {
          itemTypes.push(el);
          const last = lastDescendant(el);
          if (last !== el) itemEnds.push(last);
        }
      }
    }
    while (itemEnds.length > 0 && itemEnds[itemEnds.length - 1] === el) itemEnds.pop();
  }
  return { jsonLd, ogType: ogType ?? '', articleBody, itemTypes, articles, h1, paragraphs: () => paragraphs };
}

/** The last element of `el`'s subtree in document order (`el` itself when it has no element child). */
function lastDescendant(el: Element): Element {
  let last = el;
  for (let c = last.lastElementChild; c; c = last.lastElementChild) last = c;
  return last;
}
