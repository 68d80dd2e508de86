/**
 * The page as notes key it: its canonical URL (within its own origin), its address and its
 * title. Pure DOM reading; the content script's first stage computes it on every page to ask
 * extension storage whether the page may have notes (lib/storage/page-keys.ts).
 */
import { canonicalUrl, cleanUrl, pageAddress } from '../anchoring/canonical-url';
import type { PageHints } from '../messages/protocol';
import type { PageKey } from '../storage/notes-repo';

/** What the page says about itself, for the background to use within the page's origin. */
export function pageHints(doc: Document): PageHints {
  return { canonical: pageAddress(doc).canonicalHref?.slice(0, 4096) ?? null, title: doc.title.trim().slice(0, 1024) };
}

/** The page's notes key (null for pages that are not http(s)). */
export function pageKeyOf(doc: Document): PageKey | null {
  const url = canonicalUrl(doc);
  const sourceUrl = cleanUrl(doc.location?.href ?? doc.URL);
  if (!url || !sourceUrl) return null;
  return { url, sourceUrl, title: pageHints(doc).title };
}
