/**
 * Whose words a quotation on the page is. A passage inside quotation marks is someone's words: if
 * the page gives them to a named person who is not the claim's speaker, the passage restates
 * nothing the speaker said, however alike the words (an investor's "the labs are going to have to
 * raise prices or cut costs" is not LeCun's; an analyst's 「トップ研究者は核物理学者並みに貴重だ」 is
 * not GeekPark's). verify.ts vetoes it (`speaker`).
 *
 * The usual attribution rules of quotation extraction, without a parser:
 *  - English: the name in the reporting clause after the quotation ("…,” said Claire Hadley-Ross",
 *    "…,” Hadley-Ross said") or before it ("Hadley-Ross said: “…”"); a pronoun ("she said") stands
 *    for the last full name that began a sentence of the paragraph before the quotation.
 *  - Japanese: the name between と and the reporting verb after 」 (「…」と森永氏は話す), or the
 *    topic (〜は) of the sentence that holds or precedes the quotation (森永大輔アナリストは…。「…」).
 * A name counts as someone's (`person`) only when it clearly is: two or more capitalised words in
 * English, a kanji or katakana name before an honorific or title in Japanese (森永氏, 森永大輔アナリスト);
 * otherwise only if the caller recognises an entity in it. Anonymous tellers ("a former OpenAI
 * researcher", 「ある開発者」) are never taken for someone else. The rule can only keep a passage
 * from being shown.
 */

/** Where the passage's quotation is in its paragraph: [open, close) of the quoted text, or null. */
function enclosingQuote(p: string, start: number, end: number): { open: number; close: number; ja: boolean } | null {
  // Japanese 「」: the nearest 「 at or before start whose 」 is not before the passage.
  const jo = p.lastIndexOf('「', start);
  if (jo >= 0) {
    const jc = p.indexOf('」', jo);
    if (jc < 0 || jc >= start) return { open: jo + 1, close: jc < 0 ? p.length : jc, ja: true };
  }
  // Curly “ ” quotes.
  const co = p.lastIndexOf('“', start);
  if (co >= 0) {
    const cc = p.indexOf('”', co);
    if (cc < 0 || cc >= start) return { open: co + 1, close: cc < 0 ? p.length : cc, ja: false };
  }
  // Straight quotes: inside when an odd number of them precede the passage.
  let n = 0;
  let last = -1;
  for (let i = p.indexOf('"'); i >= 0 && i < start; i = p.indexOf('"', i + 1)) {
    n++;
    last = i;
  }
  if (n % 2 === 1) {
    const sc = p.indexOf('"', Math.max(start, last + 1));
    return { open: last + 1, close: sc < 0 ? p.length : sc, ja: false };
  }
  return null;
}

/**
 * A name in English text: capitalised words (Latin letters, accented ones too). Written with ranges,
 * not \p{L}: a Unicode-property expression costs ~15 ms to compile on first use.
 */
const NAME_EN = String.raw`(?:[A-Z][A-Za-z\u00C0-\u024F'’.-]+)(?:\s+(?:[A-Z][A-Za-z\u00C0-\u024F'’.-]+|de|van|von|da|del|le|la)){0,3}`;
const SAY_EN = String.raw`(?:said|says|added|argued|warned|told|noted|wrote|explained|insisted|stated|continued|replied|recalled|cautioned)`;
const AFTER_EN = new RegExp(String.raw`^[^“”"]{0,40}?(?:\b(he|she|they)\s+${SAY_EN}\b|(${NAME_EN})\s+${SAY_EN}\b|\b${SAY_EN}\s+(${NAME_EN}))`);
const BEFORE_EN = new RegExp(String.raw`(?:\b(he|she|they)|(${NAME_EN}))\s+${SAY_EN}(?:\s+\w+)?\s*[:,]?\s*$`);
/** A full name (two capitalised words at least) that begins a sentence: the subject a pronoun stands for. */
const SUBJECT_EN = new RegExp(String.raw`(?:^|[.!?”"]\s+)((?:[A-Z][A-Za-z\u00C0-\u024F'’-]+)(?:\s+[A-Z][A-Za-z\u00C0-\u024F'’-]+){1,3})(?=,|\s+(?:[a-z]+ed|said|says|told|made|is|was|has|had)\b)`, 'g');

/** Honorifics and titles written after a name (森永氏, 森永大輔アナリスト). */
const TITLE_JA = '(?:氏|さん|アナリスト|教授|准教授|社長|会長|CEO|最高経営責任者|代表|所長|部長|エコノミスト)';
/**
 * A named person: a name of kanji or katakana right before the title, not an anonymous "ある…"
 * ("a former OpenAI researcher" has no name: the dataset's anonymous speakers are written many
 * ways, so they are never taken for someone else).
 */
const NAMED_JA = new RegExp(`(?<!ある)[\u4e00-\u9fff\u30a0-\u30ff]{2,}${TITLE_JA}$`);
const SAY_JA = '(?:述べ|語|話|指摘|強調|説明|明か|言|付け加え|み|結ん|締めくく|分析|批判|警告|訴え|主張|打ち明け|振り返)';
const AFTER_JA = new RegExp(`^」?[、\\s]*と(?:、)?([^、。「」]{1,30}?${TITLE_JA}|[^、。「」]{1,30}?)(?:は|が|も)?[、\\s]*${SAY_JA}`);
/** The topic of a sentence: the words before its first は/が (a title keeps a name a name). */
const TOPIC_JA = new RegExp(`([^、。「」]{1,40}?${TITLE_JA})(?:は|が|も)`);
const TOPIC_ANY_JA = /^\s*([^、。「」]{1,20}?)(?:は|が)、?/;

export interface QuotedBy {
  /** The name the page gives the words to, as written. */
  name: string;
  /** True when the name is clearly a person's (a full English name, a Japanese name with a title). */
  person: boolean;
}

/**
 * Who the page says spoke the quotation holding [start, end) of paragraph `p`, or null (not in a
 * quotation, or no attribution found).
 */
export function quotationSpeaker(p: string, start: number, end: number): QuotedBy | null {
  const q = enclosingQuote(p, start, end);
  if (!q) return null;
  return q.ja ? japaneseSpeaker(p, q.open, q.close) : englishSpeaker(p, q.open, q.close);
}

function englishSpeaker(p: string, open: number, close: number): QuotedBy | null {
  const after = AFTER_EN.exec(p.slice(close + 1, close + 90));
  let pronoun: string | undefined;
  if (after) {
    const name = (after[2] ?? after[3])?.replace(/[.'’]+$/, '');
    if (name) return { name, person: name.trim().split(/\s+/).length >= 2 };
    pronoun = after[1];
  } else {
    const sentenceStart = Math.max(p.lastIndexOf('. ', open - 1), p.lastIndexOf('”', open - 2), 0);
    const before = BEFORE_EN.exec(p.slice(sentenceStart, open - 1));
    const name = before?.[2]?.replace(/[.'’]+$/, '');
    if (name) return { name, person: name.trim().split(/\s+/).length >= 2 };
    pronoun = before?.[1];
  }
  if (!pronoun) return null;
  // The pronoun's antecedent: the last full name that began a sentence before the quotation.
  let subject: string | null = null;
  SUBJECT_EN.lastIndex = 0;
  const head = p.slice(0, open);
  for (let m = SUBJECT_EN.exec(head); m; m = SUBJECT_EN.exec(head)) subject = m[1]!;
  return subject ? { name: subject, person: true } : null;
}

function japaneseSpeaker(p: string, open: number, close: number): QuotedBy | null {
  const after = AFTER_JA.exec(p.slice(close, close + 50));
  if (after?.[1]) {
    const name = after[1].trim();
    return { name, person: NAMED_JA.test(name) };
  }
  // The topic of the sentence holding the quotation, else of the sentence before it.
  const sentenceStart = p.lastIndexOf('。', open - 2) + 1;
  const own = p.slice(sentenceStart, open - 1);
  const prevStart = p.lastIndexOf('。', sentenceStart - 2) + 1;
  const prev = sentenceStart > 0 ? p.slice(prevStart, sentenceStart) : '';
  for (const s of [own, prev]) {
    const titled = TOPIC_JA.exec(s);
    if (titled) return { name: titled[1]!.trim(), person: NAMED_JA.test(titled[1]!.trim()) };
    const any = TOPIC_ANY_JA.exec(s);
    if (any) return { name: any[1]!.trim(), person: false };
  }
  return null;
}
