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

/**
 * A term as a pattern: its spaces, and Latin↔CJK switches, match any whitespace or none. A term
 * that starts or ends with a Latin letter or digit must start or end a word there (`\\b`): without
 * it "meta" opened the gate on "timetable" and "metal", "elon" on "melon" and "felony", "cursor" on
 * "precursor", and every such article paid for the matcher (found on a page written for the
 * footprint bench: a ferry timetable). A name next to CJK text, or followed by "’s", a hyphen or
 * punctuation, is still a word edge, so the dataset's own pages pass as before (tested per page).
 */
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
  const chars = [...term];
  const edge = (ch: string | undefined): string => (ch !== undefined && latin(ch) ? '\\b' : '');
  return edge(chars[0]) + out + edge(chars[chars.length - 1]);
}

/**
 * The source of one regular expression of all terms (longest first), or null when there are none.
 * `npm run dataset:compile` writes it into lib/generated/claims-gate.ts as a regular-expression
 * literal, so the content script's first stage, which runs on every page, builds nothing from the
 * entity names at run time (sorting, escaping and joining them cost it ~7 ms on a cold page).
 */
export function gateSource(terms: readonly string[]): string | null {
  const sorted = [...new Set(terms)].sort((a, b) => b.length - a.length);
  return sorted.length ? sorted.map(termPattern).join('|') : null;
}

/**
 * One regular expression of all terms, or null when there are none. Case-insensitive, so it runs
 * on the page text as it is: lower-casing and NFKC-folding a whole article first cost more than the
 * search itself (~16 µs of a 7,000-character Japanese article).
 */
export function compileGate(terms: readonly string[]): RegExp | null {
  const source = gateSource(terms);
  return source === null ? null : new RegExp(source, GATE_FLAGS);
}

/** The gate's flags (the generated literal carries the same). */
export const GATE_FLAGS = 'i';

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

/**
 * A realm's regular expressions remember the last string they matched in (`RegExp.input`,
 * `RegExp.lastMatch`: V8 keeps it for the whole realm until the next successful match). After the
 * gate found a name in an article, that string is the article's text, and detection's language
 * sniff leaves a slice of it (which keeps the whole string alive): on a 2 MB article, 2 MB of
 * Blink's string memory that nothing needed, for as long as the page stayed open. A successful
 * match on the empty string replaces it.
 */
const EMPTY = /(?:)/;
export function forgetLastMatch(): void {
  EMPTY.test('');
}

/**
 * The pieces of the gate's terms that any match must contain: each term split where the pattern
 * lets spacing vary (its spaces and Latin↔CJK switches), its longest piece kept, and of those only
 * the ones no other kept piece is part of (a text holding "イーロン・マスク" holds "マスク"). A text holding none of them, case folded, matches none
 * of the terms; `npm run dataset:compile` writes them beside the gate (lib/generated/claims-gate.ts).
 */
export function gatePieces(terms: readonly string[]): string[] {
  const longest = new Set<string>();
  for (const term of terms) {
    const pieces: string[] = [];
    let cur = '';
    let prev = '';
    for (const ch of term) {
      if (ch === ' ' || (prev && latin(prev) !== latin(ch))) {
        if (cur) pieces.push(cur);
        cur = ch === ' ' ? '' : ch;
        prev = ch === ' ' ? '' : ch;
        continue;
      }
      cur += ch;
      prev = ch;
    }
    if (cur) pieces.push(cur);
    // The longest; of equal ones, one outside ASCII ("ai日報": "日報", not "ai", which is in every English text).
    const score = (x: string): number => x.length + (/[^\x00-\x7f]/.test(x) ? 0.5 : 0);
    const best = pieces.reduce((a, b) => (score(b) > score(a) ? b : a), '');
    if (best) longest.add(best);
  }
  const all = [...longest];
  return all.filter((p) => !all.some((q) => q !== p && p.includes(q))).sort();
}

/**
 * `passesGateRegExp` with a cheaper first look: the text, lower-cased, must hold one of the
 * gate's pieces (`gatePieces`) before the regular expression runs. On an article that names
 * nothing of the dataset (most), a few native substring searches (~0.1 ms cold) instead of
 * compiling and running the expression of ~60 alternatives (0.5–1.5 ms cold, measured in
 * Chromium 156 on the footprint bench's article). The same answer: a match of the expression holds
 * its term's pieces, and lower-casing keeps them (tested on every fixture page).
 */
export function passesPageGate(text: string, gate: RegExp | null | (() => RegExp | null), pieces: readonly string[]): boolean {
  // `gate` may be given as the function that makes it (the first look's: most pages never need it).
  let made: RegExp | null | undefined = typeof gate === 'function' ? undefined : gate;
  const expression = (): RegExp | null => (made === undefined ? (made = (gate as () => RegExp | null)()) : made);
  if (made === null) return true;
  const holds = (t: string): boolean => {
    for (const p of pieces) if (t.includes(p)) return true;
    return false;
  };
  if (holds(text.toLowerCase())) {
    const g = expression();
    if (g === null || g.test(text)) return true;
  }
  if (!NEEDS_FOLD.test(text)) return false;
  const folded = gateFold(text);
  if (!holds(folded)) return false;
  const g = expression();
  return g === null || g.test(folded);
}

const compiled = new WeakMap<CompiledIndex, RegExp | null>();

/**
 * Hands `passesGate` the gate already compiled for `index` (the build's literal, for the bundled
 * index), so the matcher does not build it again from the terms.
 */
export function useCompiledGate(index: CompiledIndex, gate: RegExp | null): void {
  compiled.set(index, gate);
}

/**
 * True when the page text may contain a claim of `index`. An index without gate terms (an old or
 * synthetic one) lets every page through to the full prefilter.
 */
export function passesGate(text: string, index: CompiledIndex): boolean {
  if (!compiled.has(index)) compiled.set(index, compileGate(index.gate ?? []));
  return passesGateRegExp(text, compiled.get(index)!);
}
