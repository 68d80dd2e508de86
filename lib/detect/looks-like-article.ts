/**
 * Whether a page looks like an article, by a couple of selector lookups and no text scan: the
 * content script's first look asks it on every page (lib/page/first-look.ts), and the first stage
 * before detection proper (`detectArticle`, ./article.ts, which also finds articles by text
 * density: those never get this far, by design: a page must say it is an article).
 */
export function looksLikeArticle(doc: Document): boolean {
  if (!doc.documentElement) return false;
  if (doc.querySelector('article, [itemprop="articleBody"]')) return true;
  const og = doc.querySelector('meta[property="og:type" i]');
  if ((og?.getAttribute('content') ?? '').trim().toLowerCase() === 'article') return true;
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    if (/"@type"\s*:\s*\[?[^\]}]*"(?:News|Reportage|Blog)?(?:Article|Posting)"/i.test(s.textContent ?? '')) return true;
  }
  return false;
}
