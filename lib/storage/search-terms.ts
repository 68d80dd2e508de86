/**
 * Search tokens for the notes' multi-entry `*terms` index.
 *
 * English (and other space-separated scripts) split into lower-cased words. Japanese and Chinese
 * have no spaces, so a CJK run is cut into overlapping character bigrams ("気候変動" → 気候, 候変,
 * 変動); a one-character run is kept as a unigram. Everything is NFKC-folded first so full-width
 * "ＡＩ" and half-width "ｶﾀｶﾅ" meet their usual forms.
 *
 * The index only narrows candidates; `matchesQuery` then checks the real text, so a bigram
 * hit that is not a substring (or a word that was only a prefix) never shows as a result.
 */

/** Han, Hiragana, Katakana (incl. the prolonged sound mark and iteration marks), Hangul. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆〇]/u;
/** A run of CJK characters, or a run of letters/digits in any other script. */
const CJK_CLASS = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆〇`;
const WORD_CHAR = String.raw`(?:(?![${CJK_CLASS}])[\p{L}\p{N}\p{M}])`;
const TOKEN_RUN = new RegExp(String.raw`[${CJK_CLASS}]+|${WORD_CHAR}+(?:['’]${WORD_CHAR}+)*`, 'gu');

/** Cap on distinct terms per note: a 64 KB note must not put tens of thousands of keys in the index. */
export const MAX_TERMS_PER_NOTE = 2000;
/** Longest indexed word; longer runs (hashes, base64) are cut, matching still checks the real text. */
const MAX_WORD_LENGTH = 40;

/** NFKC + lower case: the one normal form used for both indexing and querying. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Tokens of `text` in order of first appearance, without duplicates, at most `limit`. */
export function searchTerms(text: string, limit = MAX_TERMS_PER_NOTE): string[] {
  const seen = new Set<string>();
  const folded = foldForSearch(text);
  for (const match of folded.matchAll(TOKEN_RUN)) {
    const run = match[0];
    if (CJK.test(run[0] ?? '')) {
      const chars = Array.from(run);
      if (chars.length === 1) seen.add(run);
      for (let i = 0; i + 1 < chars.length; i++) {
        seen.add(chars[i]! + chars[i + 1]!);
        if (seen.size >= limit) return [...seen];
      }
    } else {
      seen.add(Array.from(run).slice(0, MAX_WORD_LENGTH).join(''));
    }
    if (seen.size >= limit) return [...seen];
  }
  return [...seen];
}

/** A parsed search query: index keys to narrow with, and the folded pieces every hit must contain. */
export interface IndexProbe {
  key: string;
  /** True: "some term starts with key" (the reader may still be typing the word). */
  prefix: boolean;
}

export interface SearchQuery {
  /** The folded query pieces (whitespace-separated); a note matches when it contains all of them. */
  pieces: string[];
  /**
   * Index probes, at most one per piece (its longest term), all of which a match must hit; the
   * caller intersects their key sets. Empty when no piece can use the index: the caller scans.
   */
  probes: IndexProbe[];
}

/** Probing costs one key-only index read each; beyond a few, the intersection barely shrinks. */
const MAX_PROBES = 4;

export function parseSearchQuery(query: string): SearchQuery {
  const pieces = foldForSearch(query).split(/\s+/u).filter((p) => p.length > 0);
  const probes: IndexProbe[] = [];
  for (const piece of pieces) {
    let best: IndexProbe | null = null;
    for (const term of searchTerms(piece, 50)) {
      // A lone CJK character may sit at the end of a bigram, where no index probe can find it.
      if (Array.from(term).length === 1 && CJK.test(term)) continue;
      // The longest term is the most selective one.
      if (!best || term.length > best.key.length) best = { key: term, prefix: !CJK.test(term[0] ?? '') };
    }
    if (best && !probes.some((p) => p.key === best.key)) probes.push(best);
  }
  probes.sort((x, y) => y.key.length - x.key.length);
  return { pieces, probes: probes.slice(0, MAX_PROBES) };
}

/** True when the folded haystack contains every query piece. */
export function matchesQuery(haystack: string, query: SearchQuery): boolean {
  if (query.pieces.length === 0) return true;
  const folded = foldForSearch(haystack);
  return query.pieces.every((p) => folded.includes(p));
}
