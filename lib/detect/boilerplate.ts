/**
 * Which elements inside an article body are not the article: navigation, sidebars, related-article
 * lists, share bars, ads, comments, footers. Used as the text model's `exclude` so claims are only
 * matched in the prose itself.
 *
 * Trade-off: the class/id pattern is deliberately narrow (whole-word tokens such as `related`,
 * `comments`, `ad`) — a broad one ("share" anywhere) would drop real paragraphs on sites with odd
 * class names (recall), a narrow one lets some odd boilerplate in (precision is still protected by
 * the matcher's thresholds).
 */

const TAGS = new Set(['nav', 'aside', 'footer', 'form', 'menu', 'dialog']);
const ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search', 'menu', 'dialog']);
const TOKENS =
  /(?:^|[\s_-])(?:comments?|comment-list|related|recommend(?:ed|ations?)?|more-stories|read-more|share|sharing|social|sidebar|promo|ads?|advert(?:isement)?|sponsor(?:ed)?|newsletter|breadcrumbs?|pagination|paywall|outbrain|taboola|disqus|tags?)(?:$|[\s_-])/i;

/**
 * Classes that name the article's own taxonomy terms (WordPress's post_class gives an article
 * `tag-<slug>` and `category-<slug>` for each of its tags and categories): they describe the
 * article, not a region of the page. A post tagged "social" or filed under "ads" is not a share
 * bar or an advert; matching them hid whole articles.
 */
const TERM_CLASS = /^(?:tag|category|post_tag|post-tag|topic)-/i;

/** Whether a class attribute marks boilerplate: some class, other than a taxonomy term, has a token. */
function classMarksBoilerplate(cls: string): boolean {
  if (!TOKENS.test(cls)) return false; // the usual answer, without splitting
  for (const c of cls.split(/\s+/)) if (c && !TERM_CLASS.test(c) && TOKENS.test(c)) return true;
  return false;
}

/**
 * Returns the predicate (a factory so callers can later pass site-specific rules). `knownHeading`:
 * the page's first `<h1>` (null: none), if the caller has looked it up already.
 *
 * No element that holds the page's first `<h1>` (on a page without one: its `<main>`) is boilerplate, whatever its tag,
 * role or classes: navigation, sidebars, share bars, search and comment forms and footers never
 * hold the headline or the main content, while page-level wrappers often look like boilerplate
 * (ASP.NET WebForms and some CMSs put the whole body in one `<form>`; themes give
 * `<body class="has-sidebar">` or `<div class="site with-ads">`), and, matched, they hid every
 * article inside them.
 */
export function boilerplateFilter(knownHeading?: Element | null): (el: Element, localName?: string) => boolean {
  // The document's first <h1>: given by the caller when it has it (the detector's scan found it;
  // linkedom walks the whole tree for a lookup), else looked up on first need; likewise <main>.
  let heading: Element | null | undefined = knownHeading;
  let main: Element | null | undefined;
  const holdsMainContent = (el: Element): boolean => {
    const doc = el.ownerDocument;
    if (heading === undefined) heading = doc?.getElementsByTagName('h1')[0] ?? null;
    if (heading !== null) return el.contains(heading);
    // No <h1> on the page: its <main>, if any.
    if (main === undefined) main = doc?.getElementsByTagName('main')[0] ?? null;
    return main !== null && el.contains(main);
  };
  // `localName`: the caller's lower-cased el.localName when it has it (the text model's walk).
  return (el: Element, localName?: string): boolean => {
    const name = localName ?? el.localName.toLowerCase();
    if (TAGS.has(name)) return !holdsMainContent(el);
    if (!el.hasAttributes()) return false; // most elements: no role, class or id to read
    const role = el.getAttribute('role');
    const cls = el.getAttribute('class');
    const id = el.getAttribute('id');
    const marked =
      (!!role && ROLES.has(role.toLowerCase())) || (!!cls && classMarksBoilerplate(cls)) || (!!id && TOKENS.test(id));
    return marked && !holdsMainContent(el);
  };
}
