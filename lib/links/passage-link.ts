/**
 * Links to passages of the page the content script runs on, and the other way round: which of the
 * page's passages a link opened at.
 *
 * On the page the builder has the page's text, so a link carries a prefix and suffix only when its
 * passage occurs more than once (shorter links); the popup, which cannot see the page, always adds
 * them (lib/links/text-fragment.ts). Both read the page's visible text through the same model the
 * matcher and the notes use (lib/text/text-model.ts), with block breaks as "\n".
 */
import { describeRange, type RangeLike } from '../anchoring/selectors';
import type { TextModel } from '../text/text-model';
import { directiveMatchesQuote, textFragmentUrl, type QuoteLike, type TextDirective } from './text-fragment';

/** The passage under `range` with up to 32 characters of context either side, or null when it has no text. */
export function passageQuote(model: TextModel, range: RangeLike): QuoteLike | null {
  return describeRange(model, range)?.quote ?? null;
}

/** A link that opens `pageUrl` at the passage under `range`; null for a page that is not http(s) or a passage without text. */
export function passageLink(pageUrl: string, model: TextModel, range: RangeLike): string | null {
  const quote = passageQuote(model, range);
  return quote ? textFragmentUrl(pageUrl, quote, model.text) : null;
}

/**
 * The first of `quotes` (in order) that one of `directives` was made for, or -1. A link opens at
 * its first directive; later ones are tried in turn, as the browser highlights them all.
 */
export function linkedIndex(directives: readonly TextDirective[], quotes: readonly (QuoteLike | null)[]): number {
  for (const d of directives) {
    const i = quotes.findIndex((q) => q !== null && directiveMatchesQuote(d, q));
    if (i >= 0) return i;
  }
  return -1;
}
