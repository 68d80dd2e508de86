/**
 * The page gate: the cheapest possible "could this article be about the dataset at all?".
 *
 * Most article pages are about something else. Before the text model, the JS normaliser and the
 * gram prefilter run (each a JavaScript loop over every character), the gate takes the article
 * root's `textContent`, folds it with the engine's native-only steps (NFKC, lower case, no
 * whitespace) and runs one precompiled regular expression of the dataset's entity names and aliases
 * over it. No hit: the page is rejected. All of it is native string work, so a negative article
 * costs a small fraction of the full prefilter.
 *
 * Trade-off: recall. A page that quotes a claim without naming any entity of the dataset (no
 * "xAI", "Musk", "LeCun", "OpenAI" …) is not annotated. Claims are statements by or about named
 * people and organisations, so such a page is rare; the fixtures (verbatim, edited, English
 * report) all pass the gate, which the tests check. Precision is unaffected: the gate only rejects.
 */

import type { CompiledIndex } from '../index/format';

/** Fold for the gate: native NFKC + lower case, whitespace removed (so "Yann  LeCun" ≡ "yannlecun"). */
export function gateFold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * Whether an alias is distinctive enough to gate on. Two ASCII letters ("AI", "X") occur on almost
 * every page and would open the gate everywhere; one CJK character likewise.
 */
export function isGateTerm(folded: string): boolean {
  if (/^[\x00-\x7f]*$/.test(folded)) return folded.length >= 3;
  return folded.length >= 2;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One regular expression of all terms (longest first), or null when there are none. */
export function compileGate(terms: readonly string[]): RegExp | null {
  const sorted = [...new Set(terms)].sort((a, b) => b.length - a.length);
  return sorted.length ? new RegExp(sorted.map(escape).join('|')) : null;
}

/** True when `text` names a gate term; a null gate (no terms) lets everything through. */
export function passesGateRegExp(text: string, gate: RegExp | null): boolean {
  return gate === null || gate.test(gateFold(text));
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
