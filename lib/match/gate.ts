/**
 * The page gate: the cheapest possible "could this article be about the dataset at all?".
 *
 * Most article pages are about something else. Before the text model, the JS normaliser and the
 * gram prefilter run (each a JavaScript loop over every character), the gate takes the article
 * root's `textContent` and runs one precompiled, case-insensitive regular expression of the
 * dataset's entity names and aliases over it, folding the text with NFKC first only when it holds
 * characters NFKC could turn into a name (NEEDS_FOLD). Spacing is matched loosely inside the
 * expression (any whitespace, or none, where a term has a space or switches between Latin and CJK
 * script), because stripping whitespace from a 2 MB page text costs ~45 ms where the rest of the
 * gate costs ~10 ms. No hit: the page is rejected. All of it is native string work, so a negative
 * article costs a small fraction of the full prefilter.
 *
 * Trade-off: recall. A page that quotes a claim without naming any entity of the dataset (no
 * "xAI", "Musk", "LeCun", "OpenAI" …) is not annotated. Claims are statements by or about named
 * people and organisations, so such a page is rare; the fixtures (verbatim, edited, English
 * report) all pass the gate, which the tests check. Precision is unaffected: the gate only rejects.
 */

import type { CompiledIndex } from '../index/format';

/** Fold for the gate: native NFKC + lower case. */
export function gateFold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** A gate term: folded, whitespace runs collapsed to one space, trimmed ("Yann  LeCun" → "yann lecun"). */
export function gateTerm(alias: string): string {
  return gateFold(alias).replace(/\s+/g, ' ').trim();
}

/**
 * Whether an alias is distinctive enough to gate on. Two ASCII letters ("AI", "X") occur on almost
 * every page and would open the gate everywhere; one CJK character likewise.
 */
export function isGateTerm(term: string): boolean {
  const compact = term.replace(/ /g, '');
  if (/^[\x00-\x7f]*$/.test(compact)) return compact.length >= 3;
  return compact.length >= 2;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const latin = (ch: string): boolean => /[a-z0-9]/.test(ch);

/** A term as a pattern: its spaces, and Latin↔CJK switches, match any whitespace or none. */
function termPattern(term: string): string {
  let out = '';
  let prev = '';
  for (const ch of term) {
    if (ch === ' ') {
      out += '\\s*';
      prev = '';
      continue;
    }
    if (prev && latin(prev) !== latin(ch)) out += '\\s*';
    out += escape(ch);
    prev = ch;
  }
  return out;
}

/**
 * One regular expression of all terms (longest first), or null when there are none. Case-
 * insensitive, so it runs on the page text as it is: lower-casing and NFKC-folding a whole article
 * first cost more than the search itself (~16 µs of a 7,000-character Japanese article).
 */
export function compileGate(terms: readonly string[]): RegExp | null {
  const sorted = [...new Set(terms)].sort((a, b) => b.length - a.length);
  return sorted.length ? new RegExp(sorted.map(termPattern).join('|'), 'i') : null;
}

/**
 * Characters NFKC may turn into a gate term's letters: combining marks (decomposed accents, kana
 * voiced marks), letterlike and enclosed forms, CJK compatibility, ligatures, full-/half-width
 * forms, mathematical alphanumerics (surrogate lead U+D835, "𝐄𝐥𝐨𝐧"). Spaces need no fold (the
 * pattern takes any whitespace). Other NFKC changes (superscripts, fractions …) do not occur in
 * names.
 */
const NEEDS_FOLD = /[\u0300-\u036f\u2100-\u24ff\u3099-\u309c\u3200-\u33ff\ufb00-\ufb4f\ufe30-\ufe4f\uff00-\uffef\ud835]/;

/**
 * True when `text` names a gate term; a null gate (no terms) lets everything through. The raw
 * text is searched first; only a page without a hit that holds characters NFKC could change is
 * folded and searched again.
 */
export function passesGateRegExp(text: string, gate: RegExp | null): boolean {
  if (gate === null || gate.test(text)) return true;
  return NEEDS_FOLD.test(text) && gate.test(gateFold(text));
}

const compiled = new WeakMap<CompiledIndex, RegExp | null>();

/**
 * True when the page text may contain a claim of `index`. An index without gate terms (an old or
 * synthetic one) lets every page through to the full prefilter.
 */
export function passesGate(text: string, index: CompiledIndex): boolean {
  if (!compiled.has(index)) compiled.set(index, compileGate(index.gate ?? []));
  return passesGateRegExp(text, compiled.get(index)!);
}
