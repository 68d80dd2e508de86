/**
 * English stemming and the term hash, in two forms that must agree: `stemEn` on strings (compile
 * time, reasons, tests) and `stemHash` on a word's character codes in the page text (the scan,
 * which allocates no strings). tests/unit/restate-tokenize.test.ts holds them equal.
 *
 * The stemmer is a light suffix stripper (plural -s/-es/-ies, -ed, -ing, -ly, final -e, doubled
 * final consonant), far simpler than Porter's: it only has to map a claim's words and a page's
 * inflections of them to one key ("leaves", "leaving", "leave" → "leav"; "hired", "hiring" → "hir").
 * Over-stemming merges a few unrelated words (e.g. "used"/"us"); they cost precision only where
 * such a word carries a claim, and a claim turns on several terms at once.
 */

/** FNV-1a step (32 bits). */
export function fnv(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}
export const FNV_SEED = 0x811c9dc5 | 0;

/** Hash of a whole string (a term key). */
export function keyHash(key: string): number {
  let h = FNV_SEED;
  for (let i = 0; i < key.length; i++) h = fnv(h, key.charCodeAt(i));
  return h;
}

const isVowel = (c: number): boolean => c === 97 || c === 101 || c === 105 || c === 111 || c === 117;
/** Doubled final consonants undone after -ing/-ed ("running" → "run"), except l, s, z ("falling" keeps "fall"). */
const undoubles = (c: number): boolean => !isVowel(c) && c !== 108 && c !== 115 && c !== 122;

/** The character `stemEnd` appends to the stem (0: none); a module variable, not an allocated pair. */
let stemExtra = 0;

/**
 * The stem of `w[0, length)`: `w[0, end)` followed by the character `stemExtra` (0: none). One
 * implementation on code units, so strings and page text share it.
 */
function stemEnd(w: Uint16Array, length: number): number {
  let end = length;
  stemExtra = 0;
  if (end <= 3) return end;
  // Plurals and third person (most words do not end in s or d: one comparison settles them).
  const last = w[end - 1]!;
  if (last === 115 || last === 100) {
    if ((ends(w, end, IES) || ends(w, end, IED)) && end > 4) {
      stemExtra = 121; // → y
      return end - 3;
    }
    if (last === 115) {
      if (ends(w, end, SSES)) end -= 2;
      else if (ends(w, end, ES) && end > 4) {
        const p = w[end - 3]!;
        const pp = w[end - 4]!;
        if (p === 115 || p === 120 || p === 122 || (p === 104 && (pp === 99 || pp === 115))) end -= 2;
        else end -= 1; // "leaves" → "leave" (the final e goes below)
      } else if (!ends(w, end, SS) && !ends(w, end, US) && !ends(w, end, IS)) end -= 1;
    }
  }
  // Verb and adverb endings.
  const l2 = w[end - 1]!;
  if (l2 === 103 && ends(w, end, ING) && end - 3 >= 3) {
    end -= 3;
    if (end >= 3 && w[end - 1] === w[end - 2] && undoubles(w[end - 1]!)) end -= 1;
  } else if (l2 === 100 && ends(w, end, ED) && end - 2 >= 3) {
    end -= 2;
    if (end >= 3 && w[end - 1] === w[end - 2] && undoubles(w[end - 1]!)) end -= 1;
  } else if (l2 === 121 && ends(w, end, LY) && end - 2 >= 4) end -= 2;
  if (end > 3 && w[end - 1] === 101) end -= 1; // final e
  return end;
}

const codes = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const IES = codes('ies');
const IED = codes('ied');
const SSES = codes('sses');
const ES = codes('es');
const SS = codes('ss');
const US = codes('us');
const IS = codes('is');
const ING = codes('ing');
const ED = codes('ed');
const LY = codes('ly');

/** Whether `w[0, end)` ends with `suffix`. */
function ends(w: Uint16Array, end: number, suffix: readonly number[]): boolean {
  const n = suffix.length;
  if (end < n) return false;
  for (let k = 0; k < n; k++) if (w[end - n + k] !== suffix[k]) return false;
  return true;
}

/** The stem of a lower-case ASCII word. */
export function stemEn(word: string): string {
  const w = new Uint16Array(word.length);
  for (let i = 0; i < word.length; i++) w[i] = word.charCodeAt(i);
  const end = stemEnd(w, word.length);
  return word.slice(0, end) + (stemExtra ? String.fromCharCode(stemExtra) : '');
}

/**
 * `keyHash(stemEn(word))` for a page word the scan has read as lower-case ASCII into
 * `buf[0, length)` (joined hyphens removed).
 */
export function stemHash(buf: Uint16Array, length: number): number {
  const end = stemEnd(buf, length);
  let h = FNV_SEED;
  for (let i = 0; i < end; i++) h = fnv(h, buf[i]!);
  if (stemExtra) h = fnv(h, stemExtra);
  return h;
}
