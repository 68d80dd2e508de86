/**
 * Links that open a page scrolled to and highlighted at a passage: URL text fragments
 * (`#:~:text=[prefix-,]textStart[,textEnd][,-suffix]`, WICG Scroll-to-Text-Fragment, supported by
 * Chrome and by Firefox from 131), built from what a note stores (its TextQuoteSelector: the
 * quote and up to 32 characters either side), so the popup can make one without the page.
 *
 * What the browser's matcher requires, and how the builder meets it (spec §3.5 "find a range
 * from a text directive"):
 *  - a term matches inside one block: text across a block boundary ("\n" in our quote, from
 *    paragraphs) is linked as textStart (its first block) to textEnd (its last);
 *  - textStart must start at a word boundary (unless a prefix precedes it), textStart/textEnd must
 *    end at one when no suffix follows, a prefix must start at one and a suffix end at one. A
 *    highlight that starts or ends inside a word is widened to the whole word (using the context),
 *    and context words are cut at word boundaries found with `Intl.Segmenter` (ICU, the same word
 *    rules the browsers' matchers use; this matters for Japanese, which has no spaces);
 *  - the first match in the page wins, so without the page we cannot prove a quote is unique: the
 *    builder adds a few words of prefix and suffix from the same block whenever it has them (a
 *    duplicated passage is then still found at the right place). Given the page text, it adds them
 *    only when the passage occurs more than once.
 * Long passages are linked by their first and last few words (short, readable URLs).
 */

export interface TextDirective {
  prefix?: string;
  textStart: string;
  textEnd?: string;
  suffix?: string;
}

export interface QuoteLike {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Context characters a stored quote keeps either side (lib/anchoring/selectors.ts). */
const STORED_CONTEXT_CHARS = 32;
/** Above this many characters a passage is linked by its ends. */
const MAX_SINGLE_TERM_CHARS = 80;
/** Rough length of each end (textStart, textEnd) of a long passage, and of prefix/suffix. */
const END_TERM_CHARS = 36;
const CONTEXT_TERM_CHARS = 20;

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]/u;

function segmenterFor(text: string): Intl.Segmenter {
  return new Intl.Segmenter(CJK.test(text) ? 'ja' : 'en', { granularity: 'word' });
}

/** Word-boundary offsets of `text` (0 and text.length included). */
function boundaries(text: string): number[] {
  const out: number[] = [];
  for (const seg of segmenterFor(text).segment(text)) out.push(seg.index);
  out.push(text.length);
  return out;
}

/** Offsets where a word (not punctuation or space) starts. */
function wordStarts(text: string): number[] {
  const out: number[] = [];
  for (const seg of segmenterFor(text).segment(text)) if (seg.isWordLike) out.push(seg.index);
  return out;
}

function collapse(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

/** The largest boundary ≤ at, or null. */
function boundaryAtOrBefore(b: readonly number[], at: number, min: number): number | null {
  for (let i = b.length - 1; i >= 0; i--) if (b[i]! <= at) return b[i]! >= min ? b[i]! : null;
  return null;
}

/** The smallest boundary ≥ at, or null. */
function boundaryAtOrAfter(b: readonly number[], at: number, max: number): number | null {
  for (const x of b) if (x >= at) return x <= max ? x : null;
  return null;
}

/**
 * The text directive for a stored quote. Null when the quote has no text. `pageText` (the page's
 * text, when the caller has it) lets the builder leave out context it does not need.
 */
export function buildTextDirective(quote: QuoteLike, pageText?: string): TextDirective | null {
  const ctx = quote.prefix + quote.exact + quote.suffix;
  const b = boundaries(ctx);
  // The context's outer ends are cut where our stored context stopped, not where words do.
  const trustedMin = quote.prefix.length < STORED_CONTEXT_CHARS ? 0 : 1;
  const trustedMax = quote.suffix.length < STORED_CONTEXT_CHARS ? ctx.length : ctx.length - 1;
  let s = quote.prefix.length;
  let e = s + quote.exact.length;
  while (s < e && /\s/u.test(ctx[s]!)) s++;
  while (e > s && /\s/u.test(ctx[e - 1]!)) e--;
  if (s === e) return null;
  // Widen a highlight that starts or ends inside a word to the whole word; when the stored context
  // is too short to see where that word starts (or ends), narrow it to the next whole word instead.
  s = boundaryAtOrBefore(b, s, trustedMin) ?? boundaryAtOrAfter(b, s, e) ?? s;
  e = boundaryAtOrAfter(b, e, trustedMax) ?? boundaryAtOrBefore(b, e, s) ?? e;
  while (s < e && /\s/u.test(ctx[s]!)) s++;
  while (e > s && /\s/u.test(ctx[e - 1]!)) e--;
  if (s === e) return null;

  const passage = ctx.slice(s, e);
  const blocks = passage.split('\n').map((x) => x.trim()).filter((x) => x.length > 0);
  const directive: TextDirective = { textStart: '' };
  if (blocks.length > 1 || collapse(passage).length > MAX_SINGLE_TERM_CHARS) {
    const first = blocks[0]!;
    const last = blocks[blocks.length - 1]!;
    const startTerm = headWords(first, END_TERM_CHARS);
    const endTerm = tailWords(last, END_TERM_CHARS);
    if (blocks.length > 1 || startTerm.length + endTerm.length < collapse(passage).length) {
      directive.textStart = collapse(startTerm);
      directive.textEnd = collapse(endTerm);
    } else {
      directive.textStart = collapse(passage);
    }
  } else {
    directive.textStart = collapse(passage);
  }

  const needsContext = pageText === undefined || occurrences(collapse(pageText), directive.textStart) !== 1;
  if (needsContext) {
    // Context from the same block only, cut at a word boundary we can trust.
    const before = ctx.slice(0, s);
    const blockStart = before.lastIndexOf('\n') + 1;
    // A prefix that starts on a word reads better than one starting on a comma; both match.
    const from = Math.max(blockStart, s - CONTEXT_TERM_CHARS);
    const pStart = boundaryAtOrAfter(wordStarts(ctx), from, s - 1) ?? boundaryAtOrAfter(b, from, s);
    if (pStart !== null && pStart >= Math.max(trustedMin, blockStart)) {
      const prefix = collapse(ctx.slice(pStart, s));
      if (prefix) directive.prefix = prefix;
    }
    const after = ctx.slice(e);
    const nl = after.indexOf('\n');
    const blockEnd = nl < 0 ? ctx.length : e + nl;
    const sEnd = boundaryAtOrBefore(b, Math.min(blockEnd, e + CONTEXT_TERM_CHARS), e);
    if (sEnd !== null && sEnd <= Math.min(trustedMax, blockEnd)) {
      const suffix = collapse(ctx.slice(e, sEnd));
      if (suffix) directive.suffix = suffix;
    }
  }
  return directive;
}

/** Leading words of `text`, about `chars` long, ending at a word boundary. */
function headWords(text: string, chars: number): string {
  if (text.length <= chars) return text;
  const b = boundaries(text);
  const cut = boundaryAtOrAfter(b, chars, text.length) ?? text.length;
  return text.slice(0, cut);
}

/** Trailing words of `text`, about `chars` long, starting at a word boundary. */
function tailWords(text: string, chars: number): string {
  if (text.length <= chars) return text;
  const b = boundaries(text);
  const cut = boundaryAtOrBefore(b, text.length - chars, 0) ?? 0;
  return text.slice(cut);
}

function occurrences(hay: string, needle: string): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0 && n < 2; i = hay.indexOf(needle, i + 1)) n++;
  return n;
}

/** Percent-encodes a term: the directive's own syntax characters (`-`, `,`, `&`) included. */
function encodeTerm(s: string): string {
  return encodeURIComponent(s).replace(/-/g, '%2D');
}

export function serializeTextDirective(d: TextDirective): string {
  const parts: string[] = [];
  if (d.prefix) parts.push(`${encodeTerm(d.prefix)}-`);
  parts.push(encodeTerm(d.textStart));
  if (d.textEnd) parts.push(encodeTerm(d.textEnd));
  if (d.suffix) parts.push(`-${encodeTerm(d.suffix)}`);
  return `text=${parts.join(',')}`;
}

/**
 * The page URL with a text fragment for the quote (any fragment the URL had is replaced: a page
 * anchor would compete with the passage). Null for a URL that is not http(s) or a quote without text.
 */
export function textFragmentUrl(pageUrl: string, quote: QuoteLike, pageText?: string): string | null {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const directive = buildTextDirective(quote, pageText);
  if (!directive) return null;
  url.hash = '';
  return `${url.href}#:~:${serializeTextDirective(directive)}`;
}

/**
 * The text directives of a URL or fragment (`…#frag:~:text=a&text=b-,c`), in order. Malformed
 * directives (bad percent-encoding, wrong number of terms, empty textStart) are skipped, as the
 * browser skips them; other directives (`:~:foo=`) are ignored.
 */
export function parseTextFragment(urlOrFragment: string): TextDirective[] {
  const hash = urlOrFragment.indexOf('#');
  const fragment = hash >= 0 ? urlOrFragment.slice(hash + 1) : urlOrFragment;
  const delimiter = fragment.indexOf(':~:');
  if (delimiter < 0) return [];
  const out: TextDirective[] = [];
  for (const directive of fragment.slice(delimiter + 3).split('&')) {
    if (!directive.startsWith('text=')) continue;
    const parsed = parseDirective(directive.slice(5));
    if (parsed) out.push(parsed);
  }
  return out;
}

function parseDirective(value: string): TextDirective | null {
  const terms = value.split(',');
  let prefix: string | undefined;
  let suffix: string | undefined;
  if (terms.length > 1 && terms[0]!.endsWith('-')) prefix = terms.shift()!.slice(0, -1);
  if (terms.length > 1 && terms[terms.length - 1]!.startsWith('-')) suffix = terms.pop()!.slice(1);
  if (terms.length < 1 || terms.length > 2) return null;
  try {
    const decode = (t: string) => decodeURIComponent(t);
    const textStart = decode(terms[0]!);
    if (!textStart || terms.some((t) => t.length === 0 || t.startsWith('-') || t.endsWith('-'))) return null;
    const d: TextDirective = { textStart };
    if (terms[1] !== undefined) d.textEnd = decode(terms[1]);
    if (prefix !== undefined) {
      if (!prefix) return null;
      d.prefix = decode(prefix);
    }
    if (suffix !== undefined) {
      if (!suffix) return null;
      d.suffix = decode(suffix);
    }
    return d;
  } catch {
    return null;
  }
}

/**
 * Whether a text directive points at this quote (for opening the note a link was made from):
 * its terms, whitespace-collapsed, are where the builder would have put them.
 */
export function directiveMatchesQuote(d: TextDirective, quote: QuoteLike): boolean {
  const mine = buildTextDirective(quote);
  if (!mine) return false;
  return collapse(d.textStart) === mine.textStart && collapse(d.textEnd ?? '') === (mine.textEnd ?? '');
}
