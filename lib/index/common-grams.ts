/**
 * General-language commonness, for seed selection: a gram that is rare in the dataset but common
 * in any news text ("compa" of "company", "している") would wake the matcher on every page and,
 * with a large dataset, make prefilter cost grow with the number of claims. Compile time only
 * (not bundled into the content script).
 */

/** Frequent English words of news text (function words and the commonest nouns/verbs). */
const COMMON_EN = `the of and to a in that is was he for it with as his on be at by i this had not are but from
or have an they which one you were her all she there would their we him been has when who will more no if
out so said what up its about into than them can only other new some could time these two may then do first
any my now such like our over man me even most made after also did many before must through back years where
much your way well down should because each just those people how too little state good very make world still
own see men work long get here between both life being under never day same another know while last might us
great old year off come since against go came right used take three company companies market markets percent
billion million according government business report reported reports week month including however people
president chief executive officer statement interview told says saying added news official officials public
international national group industry technology data service services financial economy economic global
investors investment money price prices cost costs growth quarter share shares plan plans deal new founder
founders team former previously during expected around within among`.split(/\s+/);

/** Kana-only grams (particles, verb endings) and common function sequences are always common. */
const KANA_ONLY = /^[\u3040-\u309f\u30fc、。]+$/;

let enGrams: Set<string> | null = null;

function commonEnglishGrams(q: number): Set<string> {
  if (enGrams) return enGrams;
  enGrams = new Set();
  for (const w of COMMON_EN) {
    const padded = ` ${w} `;
    for (let i = 0; i + q <= padded.length; i++) enGrams.add(padded.slice(i, i + q));
    if (w.length < q) continue;
  }
  return enGrams;
}

/** True when `gram` (normalised) is common in general text of its script. */
export function isCommonGram(gram: string, q: number): boolean {
  if (KANA_ONLY.test(gram)) return true;
  if (/^[a-z ]+$/.test(gram)) return commonEnglishGrams(q).has(gram);
  return false;
}
