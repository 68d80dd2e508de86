/**
 * The URL a page's notes are keyed by: `<link rel=canonical>` when the page names one on its own
 * origin (so the same article reached through a share link or a tracking redirect lands on one
 * key), otherwise the address itself, in both cases without tracking parameters or fragment.
 *
 * Privacy: the canonical link is written by the page, so it may only join URLs within the page's
 * own origin. A page on another origin that names a victim page as its canonical must not be
 * treated as that page (it would be shown, and could change, the reader's notes from the victim
 * site). The price: an AMP cache or mirror on another host keeps notes of its own.
 */

/** Query parameters that identify a click or a campaign, never the content. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid',
  'ttclid', 'li_fat_id', 'igshid', 'mc_cid', 'mc_eid', '_ga', '_gl', '_hsenc', '_hsmi',
  'mkt_tok', 'oly_anon_id', 'oly_enc_id', 'vero_id', 'rb_clickid', 's_cid', 'ref_src', 'ref_url',
  'cmpid', 'ncid', 'at_medium', 'at_campaign', 'spm', 'scid', 'cx_testid', 'cx_testvariant',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_', 'ga_'];

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

/** `href` without tracking parameters and fragment, or null when it is not an http(s) URL. */
export function cleanUrl(href: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  const kept = [...url.searchParams].filter(([name]) => !isTracking(name));
  url.search = '';
  for (const [name, value] of kept) url.searchParams.append(name, value);
  return url.href;
}

export interface PageAddress {
  /** The address the tab shows. */
  href: string;
  /** The page's `<link rel=canonical href>` as written (may be relative), if any. */
  canonicalHref?: string | null;
}

/** Reads what `canonicalUrl` needs from a document. */
export function pageAddress(doc: Document): PageAddress {
  const link = doc.querySelector('link[rel~="canonical" i][href]');
  return { href: doc.location?.href ?? doc.URL, canonicalHref: link?.getAttribute('href') ?? null };
}

/** Whether two URLs have the same origin (false when either does not parse). */
export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/**
 * Canonical URL for a page. A canonical link that is not http(s), does not parse or points to
 * another origin is ignored (a broken or hostile tag must not merge unrelated pages); returns null
 * only for non-web pages.
 */
export function canonicalUrl(input: Document | PageAddress): string | null {
  const addr: PageAddress = 'nodeType' in input ? pageAddress(input) : input;
  const own = cleanUrl(addr.href);
  if (own === null) return null;
  if (addr.canonicalHref) {
    const canonical = cleanUrl(addr.canonicalHref.trim(), own);
    if (canonical !== null && sameOrigin(canonical, own)) return canonical;
  }
  return own;
}
