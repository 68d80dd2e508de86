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

/**
 * The stem of `w[0, length)` as [end, extra]: the stem is `w[0, end)` followed by the character
 * `extra` (0: none). One implementation on code units, so strings and page text share it.
 */
function stemBounds(w: Uint16Array, length: number): [number, number] {
  let end = length;
  const ends = (s: string): boolean => {
    if (end < s.length) return false;
    for (let k = 0; k < s.length; k++) if (w[end - s.length + k] !== s.charCodeAt(k)) return false;
    return true;
  };
  if (end <= 3) return [end, 0];
  // Plurals and third person.
  if ((ends('ies') || ends('ied')) && end > 4) return [end - 3, 121]; // → y
  if (ends('sses')) end -= 2;
  else if (ends('es') && end > 4) {
    const p = w[end - 3]!;
    const pp = w[end - 4]!;
    if (p === 115 || p === 120 || p === 122 || (p === 104 && (pp === 99 || pp === 115))) end -= 2;
    else end -= 1; // "leaves" → "leave" (the final e goes below)
  } else if (ends('s') && !ends('ss') && !ends('us') && !ends('is')) end -= 1;
  // Verb and adverb endings.
  if (ends('ing') && end - 3 >= 3) {
    end -= 3;
    if (end >= 3 && w[end - 1] === w[end - 2] && undoubles(w[end - 1]!)) end -= 1;
  } else if (ends('ed') && end - 2 >= 3) {
    end -= 2;
    if (end >= 3 && w[end - 1] === w[end - 2] && undoubles(w[end - 1]!)) end -= 1;
  } else if (ends('ly') && end - 2 >= 4) end -= 2;
  if (end > 3 && w[end - 1] === 101) end -= 1; // final e
  return [end, 0];
}

/** The stem of a lower-case ASCII word. */
export function stemEn(word: string): string {
  const w = new Uint16Array(word.length);
  for (let i = 0; i < word.length; i++) w[i] = word.charCodeAt(i);
  const [end, extra] = stemBounds(w, word.length);
  return word.slice(0, end) + (extra ? String.fromCharCode(extra) : '');
}

/**
 * `keyHash(stemEn(word))` for a page word the scan has read as lower-case ASCII into
 * `buf[0, length)` (joined hyphens removed).
 */
export function stemHash(buf: Uint16Array, length: number): number {
  const [end, extra] = stemBounds(buf, length);
  let h = FNV_SEED;
  for (let i = 0; i < end; i++) h = fnv(h, buf[i]!);
  if (extra) h = fnv(h, extra);
  return h;
}
