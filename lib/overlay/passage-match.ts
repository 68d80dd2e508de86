/**
 * How the passage a reader clicked relates to the claim it matched, so the card can say it when
 * they differ (issue #16, "one passage, one card"): a card that quotes other words than the ones
 * highlighted, without saying why, reads as a misquote.
 *
 *  - `same`: the page has the claim's own words (after folding width, quotes, spacing and ruby
 *    readings: 「Ｔｏｎｙ Ｗｕ」 and 「Tony Wu」 are the same words).
 *  - `headline`: the passage is the source's headline, which restates the claim (the digest's
 *    headline vs. its lead).
 *  - `translation`: the page shows the source's own translation (the digest's Japanese of CNBC's
 *    English), the card Counterpoint's translation of the original (data/README.md says when and why).
 *  - `restates`: another passage of the same source that the dataset records as saying the same
 *    thing (a claim's second anchor), or a restatement the matcher found.
 *  - `reworded`: a near match: the page's wording differs a little from the source's (an edited
 *    or syndicated copy: 「珍しい」 became 「稀だ」).
 *
 * Pure: the annotation's match facts plus the catalog's claim and source in, a verdict out.
 */

import type { Bilingual, Lang } from '../dataset/types';
import { normalize } from '../text/normalize';

export type PassageMatchKind = 'same' | 'headline' | 'translation' | 'restates' | 'reworded';

export interface PassageMatchInput {
  /** The passage as the reader sees it (`passageText`: no ruby readings). */
  passage: string;
  /** Language of the anchor (or text) that matched. */
  lang?: Lang;
  /** How the matcher found it: 'exact' or 'fuzzy' anchor, 'text' fallback, or a restatement. */
  method?: string;
  /** Match score in [0, 1]. */
  score?: number;
  /** The claim's text (the dataset's, in both languages). */
  claimText: Bilingual;
  /** Languages of `claimText` that are Counterpoint's own translation. */
  translated: readonly Lang[];
  /** The claim's source's own headline, if the dataset has it. */
  sourceTitle?: Bilingual;
  /** Whether the source has its own text in the matched language (not only Counterpoint's). */
  sourceHasLang?: boolean;
}

/** Folded for comparison: width, quotes, punctuation and spacing as the matcher folds them; no spaces at all. */
export function foldForCompare(s: string): string {
  return normalize(s).replace(/\s+/g, '').replace(/[.\u3002]$/, ''); // (escaped: wxt.config.ts keeps scripts ASCII)
}

export function passageMatch(input: PassageMatchInput): PassageMatchKind {
  const { passage, method } = input;
  const lang: Lang = input.lang ?? 'en';
  const page = foldForCompare(passage);
  if (!page) return 'same';
  if (method === 'restatement' || method === 'restates') return 'restates';
  const claim = foldForCompare(input.claimText[lang] ?? '');
  if (claim && page === claim) return 'same';
  const title = input.sourceTitle?.[lang];
  if (title && page === foldForCompare(title)) return 'headline';
  const exact = method === 'exact' || (method === undefined && (input.score ?? 0) >= 0.999);
  // The dataset's text in this language is Counterpoint's translation, the page has the source's own.
  if (exact && input.translated.includes(lang) && input.sourceHasLang !== false) return 'translation';
  // An exact match of other words: another anchor of the claim (the dataset says they say the same).
  if (exact) return 'restates';
  return 'reworded';
}
