/**
 * The restatement tier's tokens and sentences: the page scan (fast path, no strings) against the
 * reference tokeniser it must equal, the code tables against the functions they tabulate, the
 * stemmer's two forms, and the sentence splitter's rules.
 */

import { describe, expect, it } from 'vitest';
import { bundledIndex } from '../../lib/annotate';
import { extractFacts } from '../../lib/restate/facts';
import { forEachToken, scanPart } from '../../lib/restate/scan';
import { keyHash, stemEn, stemHash } from '../../lib/restate/stem';
import { STOP, UNKNOWN, lookup, termTable } from '../../lib/restate/table';
import { classOf, codeTablesOf, foldCode, sentences, tokenize } from '../../lib/restate/tokenize';
import { PAGES, readPage } from '../fixtures/expectations';
import { RESTATE_PAGES, bodyText } from '../fixtures/restate/expectations';

const index = bundledIndex();
const table = termTable(index.restate!);
/** Article-like texts in both languages: every restatement fixture body, and the seed articles' pages' text. */
const texts: string[] = [
  ...RESTATE_PAGES.map(bodyText),
  ...PAGES.filter((p) => p.kind !== 'negative').map((p) => readPage(p.file).replace(/<[^>]+>/g, '\n').replace(/&amp;/g, '&')),
];

describe('the page scan equals the reference tokeniser', () => {
  it('token for token, span for span, on every fixture text (both languages)', () => {
    let n = 0;
    for (const text of texts) {
      const fast: [number, number, number][] = [];
      forEachToken(text, 0, text.length, table, (t, from, to) => fast.push([t, from, to]));
      const slow = tokenize(text).map((tok): [number, number, number] => [lookup(table, keyHash(tok.key)), tok.start, tok.end]);
      expect(fast).toEqual(slow);
      n += slow.length;
    }
    expect(n).toBeGreaterThan(10_000);
  });

  it('per sentence: distinct known terms and the token count without stopwords', () => {
    for (const text of texts.slice(0, 12)) {
      const scan = scanPart(text, table);
      scan.sentences.forEach((s, i) => {
        const toks = tokenize(text, s.start, s.end).map((t) => lookup(table, keyHash(t.key)));
        const want = [...new Set(toks.filter((t) => t >= 0))];
        expect([...scan.termIds.subarray(scan.termFrom[i]!, scan.termFrom[i + 1]!)]).toEqual(want);
        expect(scan.len[i]).toBe(toks.filter((t) => t !== STOP).length);
      });
    }
  });

  it('the code tables hold classOf(foldCode(c)) and foldCode(c) for every code unit', () => {
    const { cls, fold } = codeTablesOf();
    for (let c = 0; c < 0x10000; c++) {
      if (fold[c] !== foldCode(c) || cls[c] !== classOf(foldCode(c))) expect([c, fold[c], cls[c]]).toEqual([c, foldCode(c), classOf(foldCode(c))]);
    }
  });

  it('the stem hash of a word read as code units equals the hash of its stem string', () => {
    const words = new Set<string>();
    for (const text of texts) for (const w of text.toLowerCase().match(/[a-z]{2,}/g) ?? []) words.add(w);
    expect(words.size).toBeGreaterThan(1000);
    const buf = new Uint16Array(64);
    for (const w of words) {
      for (let i = 0; i < w.length; i++) buf[i] = w.charCodeAt(i);
      expect(stemHash(buf, w.length), w).toBe(keyHash(stemEn(w)));
    }
  });
});

describe('figures: the skips equal running every pattern', () => {
  it('on every sentence of every fixture text and every claim text, both languages', () => {
    let withFigures = 0;
    const claimTexts = index.claims.flatMap((c) => [c.text?.ja ?? '', c.text?.en ?? '']);
    // Every pattern's kind of figure at least once, so each skip is tried where it must not skip.
    const everyPattern = [
      '600億円の赤字と50万ユーロ、3元。', '評価額は1兆2500億、利用者は5000万人。', '3.5%と20パーセント、ten per cent.',
      '2026-02-10と2026年2月、今年3月10日、2月。', '2024年に。', '2人目、3番目、第3四半期。', '6ヶ月と2年間、3週間、10日間、半年。',
      '12人のうち両社の2社が去った。', '10日間の停止。', '売上高は300億に達した。', 'US$500,000 and $2.5bn, 1.25 trillion dollars, 60 billion yen.', 'It rose 12 percent.',
      'On Feb. 10, 2026, on 10 February 2026, in March, last May.', 'In 2024 and 1999.', 'The second and the 4th co-founder.',
      'six months, a decade, half a year, two weeks, 3 years.', 'five of the twelve, 40 people.',
      // Durations with no number word: "a year", "an hour"-like units, "the next half-year".
      'The mood was darker than a year ago.', 'It took a month.', 'The next half-year will be hard.',
    ];
    for (const text of [...texts, ...claimTexts, ...everyPattern]) {
      for (const s of sentences(text)) {
        const sentence = text.slice(s.start, s.end);
        const fast = extractFacts(sentence);
        expect(fast).toEqual(extractFacts(sentence, false));
        if (Object.values(fast).some((list) => list.length > 0)) withFigures++;
      }
    }
    // The comparison means something only if many sentences carry figures of several kinds.
    expect(withFigures).toBeGreaterThan(300);
  });
});

describe('tokens', () => {
  it('stems English inflections together; hyphens join letters only', () => {
    const keys = (s: string): string[] => tokenize(s).map((t) => t.key);
    expect(new Set(keys('leaves leaving leave'))).toEqual(new Set(['leav']));
    expect(new Set(keys('hired hiring hires hire'))).toEqual(new Set(['hir']));
    expect(keys('co-founders')).toEqual(['cofounder']);
    expect(keys('12-member GPT-4')).toEqual(['member', 'gpt']);
    expect(keys('xAI’s')).toEqual(['xai']);
    expect(keys('Ｔｏｎｙ Ｗｕ')).toEqual(['tony', 'wu']);
  });

  it('Japanese: kanji bigrams, katakana words, no hiragana; counters after numbers are no terms', () => {
    const keys = (s: string): string[] => tokenize(s).map((t) => t.key);
    expect(keys('共同創設者が退職')).toEqual(['共同', '同創', '創設', '設者', '退職']);
    expect(keys('イーロン・マスク氏')).toEqual(['イーロン', 'マスク', '氏']);
    expect(keys('2026年2月10日に12人のうち5人、6ヶ月')).toEqual([]);
    expect(keys('2人目の共同創設者')).toEqual(['共同', '同創', '創設', '設者']);
  });

  it('the same claim word on the page and in the dataset meet in one term, across synonyms and scripts', () => {
    const term = (w: string): number => lookup(table, keyHash(tokenize(w)[0]!.key));
    expect(term('departed')).toBe(term('leaving'));
    expect(term('exodus')).toBe(term('quit'));
    expect(term('退職')).toBe(term('退社'));
    expect(term('LeCun')).toBe(term('ルカン'));
    expect(term('ルコン')).toBe(term('ルカン'));
    expect(term('Musk')).toBe(term('マスク'));
    expect(term('the')).toBe(STOP);
    expect(term('zyzzyva')).toBe(UNKNOWN);
  });
});

describe('sentences', () => {
  const split = (s: string): string[] => sentences(s).map((x) => s.slice(x.start, x.end));
  it('at . ! ? before a space, not after abbreviations, initials, inside numbers or before a day', () => {
    expect(split('In the three months ended Mar. 31, it lost $2.5 billion. Then it rose.')).toEqual(['In the three months ended Mar. 31, it lost $2.5 billion.', 'Then it rose.']);
    expect(split('Mr. Musk met J. Smith at 3.5 p.m. today. Yes!')).toEqual(['Mr. Musk met J. Smith at 3.5 p.m. today.', 'Yes!']);
  });
  it('keeps closing quotes with their sentence and a Japanese quotation that goes on', () => {
    expect(split('“It failed.” LeCun said so.')).toEqual(['“It failed.”', 'LeCun said so.']);
    expect(split('「失敗だ。」と述べた。次の文。')).toEqual(['「失敗だ。」と述べた。', '次の文。']);
  });
  it('at block breaks, which also number the paragraphs', () => {
    const s = sentences('Headline\nFirst. Second.\n\nThird');
    expect(s.map((x) => x.block)).toEqual([0, 1, 1, 2]);
  });
});
