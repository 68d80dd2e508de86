/**
 * First-pass article detection: cheap signals only (no text scan), so a non-article page costs
 * a couple of selector lookups. The matching issue replaces this with the full detector.
 */
export function looksLikeArticle(doc: Document): boolean {
  if (!doc.documentElement) return false;
  if (doc.querySelector('article')) return true;
  const og = doc.querySelector('meta[property="og:type" i]');
  return (og?.getAttribute('content') ?? '').trim().toLowerCase() === 'article';
}
