/**
 * The language of a note's text, for the W3C body's `language` (a SHOULD of the model). Only the
 * two languages Counterpoint speaks are named, and only when the text says so clearly; otherwise
 * nothing is claimed (a wrong tag is worse than none: readers and tools trust it).
 *
 *  - `ja`: any kana, or Han characters that make up a fifth of the letters (kanji-only notes such
 *    as 「要確認」 are Japanese for this product's readers; a Chinese note would need kana-less Han
 *    text, which we do not tell apart, so a mostly-Latin note with a Chinese word stays `en`).
 *  - `en`: mostly Latin letters and at least one common English function word, so a French or
 *    German note ("voir aussi", "siehe oben") is not labelled English.
 */

const KANA = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9d]/u;
const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;
const ENGLISH_WORDS = new Set([
  'the', 'a', 'an', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'from', 'by',
  'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'do', 'does', 'did', 'not', 'no',
  'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her',
  'their', 'our', 'my', 'your', 'what', 'who', 'why', 'how', 'when', 'where', 'which', 'if', 'so',
  'check', 'see', 'also', 'more', 'than', 'about', 'will', 'would', 'should', 'could', 'can',
]);

export type NoteLanguage = 'ja' | 'en';

export function detectLanguage(text: string): NoteLanguage | null {
  if (KANA.test(text)) return 'ja';
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (han > 0 && han * 4 >= latin) return 'ja';
  if (latin === 0) return null;
  const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
  return words.some((w) => ENGLISH_WORDS.has(w)) ? 'en' : null;
}
