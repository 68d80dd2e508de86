/**
 * Whose words a quotation is (lib/restate/attribution.ts), and the `speaker` veto it feeds: a
 * passage inside a quotation the page gives to another named person is not the claim's speaker's,
 * however alike the words. Anonymous tellers and outlets are never taken for someone else.
 */

import { describe, expect, it } from 'vitest';
import { bundledIndex } from '../../lib/annotate';
import { quotationSpeaker } from '../../lib/restate/attribution';
import { parseIsoDate } from '../../lib/restate/page-date';
import { termTable } from '../../lib/restate/table';
import { verify, windowFromText } from '../../lib/restate/verify';
import { claimDoc } from '../helpers/restate-docs';

const index = bundledIndex();
const r = index.restate!;
const table = termTable(r);

/** The speaker of the quotation holding `passage` inside `paragraph`. */
const speakerOf = (paragraph: string, passage: string): ReturnType<typeof quotationSpeaker> => {
  const at = paragraph.indexOf(passage);
  if (at < 0) throw new Error('passage not in paragraph');
  return quotationSpeaker(paragraph, at, at + passage.length);
};

describe('whose words a quotation is', () => {
  it('English: the reporting clause after or before the quotation', () => {
    expect(speakerOf('“The labs must raise prices,” said Claire Hadley-Ross.', 'The labs must raise prices')).toEqual({ name: 'Claire Hadley-Ross', person: true });
    expect(speakerOf('“The labs must raise prices,” LeCun said.', 'The labs must raise prices')?.name).toBe('LeCun');
    expect(speakerOf('Claire Hadley-Ross said: “The labs must raise prices.”', 'The labs must raise prices')?.name).toBe('Claire Hadley-Ross');
  });

  it('English: a pronoun stands for the last full name that began a sentence before', () => {
    const p = 'Claire Hadley-Ross, a partner at Ashgrove Capital, made the same case before LeCun’s interview aired. “The labs must raise prices,” she said.';
    expect(speakerOf(p, 'The labs must raise prices')).toEqual({ name: 'Claire Hadley-Ross', person: true });
  });

  it('English: an anonymous teller or no quotation gives no name', () => {
    expect(speakerOf('“The labs must raise prices,” a former OpenAI researcher said.', 'The labs must raise prices')).toBeNull();
    expect(speakerOf('The labs must raise prices, analysts said.', 'The labs must raise prices')).toBeNull();
  });

  it('Japanese: the name before the reporting verb, or the topic of the sentence', () => {
    expect(speakerOf('「トップ研究者は貴重だ」と森永氏は話す。', 'トップ研究者は貴重だ')).toEqual({ name: '森永氏', person: true });
    const p = '外資系証券の森永大輔アナリストは、人材の希少さを強調する。「トップ研究者は貴重だ」。';
    expect(speakerOf(p, 'トップ研究者は貴重だ')?.person).toBe(true);
    expect(speakerOf('ルカン氏は「xAIは失敗だ」と述べた。', 'xAIは失敗だ')?.name).toBe('ルカン氏');
  });

  it('Japanese: an outlet or an anonymous teller is no named person', () => {
    expect(speakerOf('極客公園は「最も希少な資源は人材だ」と結んでいる。', '最も希少な資源は人材だ')?.person).toBe(false);
    expect(speakerOf('元OpenAIの研究者は「AI研究には独自のリズムがある」と語る。', 'AI研究には独自のリズムがある')?.person).toBe(false);
  });
});

describe('the speaker veto on quotations', () => {
  const check = (passage: string, paragraph: string) =>
    verify(index, table, claimDoc(index, 's003-lecun-bubble', 'en'), windowFromText(r, table, passage, paragraph), () => parseIsoDate('2026-05-28'));
  const words = '“Labs like OpenAI and Anthropic are going to have to raise prices or cut costs, or there will be a big bubble explosion,”';

  it('vetoes another person’s quotation, even with the speaker named in the paragraph', () => {
    const before = 'Claire Hadley-Ross, a partner at Ashgrove Capital, made the same case as LeCun on Tuesday.';
    const v = check(`${words} she said.`, before);
    expect(v.veto?.kind).toBe('speaker');
    expect(v.veto?.detail).toContain('Claire Hadley-Ross');
  });

  it('passes the speaker’s own quotation', () => {
    expect(check(`${words} LeCun said.`, 'Yann LeCun spoke to CNBC.').veto).toBeNull();
  });
});
