/**
 * The restatement tier's `negation` veto: a passage that denies what a claim asserts ("LeCun never
 * said …", 「…とは述べていない」, "xAI denied …") is no restatement of it, in either language; a
 * passage that negates what the claim itself negates, or says it without a negation, still is.
 * The scope rules (lib/restate/negation.ts) are tested on their own first.
 */

import { describe, expect, it } from 'vitest';
import { bundledIndex } from '../../lib/annotate';
import { annotateTiers } from '../../lib/restate/annotate';
import type { CompiledDoc } from '../../lib/restate/format';
import { negatedSpans, negatesLoosely } from '../../lib/restate/negation';
import { parseIsoDate } from '../../lib/restate/page-date';
import { termTable } from '../../lib/restate/table';
import { claimDoc, storyDoc as storyDocOf } from '../helpers/restate-docs';
import { verify, windowFromText, type Verdict } from '../../lib/restate/verify';
import { parse } from '../../scripts/bench-harness';
import { restatePageHtml } from '../fixtures/make-restate-fixtures';

const index = bundledIndex();
const r = index.restate!;
const table = termTable(r);

/** The negated parts of `text`, as strings. */
const negated = (text: string): string[] => negatedSpans(text).map(([a, b]) => text.slice(a, b).trim());

const doc = (claimId: string, lang: 'ja' | 'en'): CompiledDoc => claimDoc(index, claimId, lang);
const storyDoc = (storyId: string, lang: 'ja' | 'en'): CompiledDoc => storyDocOf(index, storyId, lang);
const check = (d: CompiledDoc, passage: string): Verdict => verify(index, table, d, windowFromText(r, table, passage), () => parseIsoDate('2026-05-01'));

describe('negation scopes (negation.ts)', () => {
  it('English: a cue negates the rest of its clause', () => {
    expect(negated('LeCun never said that AI companies are losing money.')).toEqual(['said that AI companies are losing money']);
    expect(negated('He doesn’t think xAI is a failure, but he has doubts.')).toEqual(['think xAI is a failure']);
    expect(negated('xAI denied that Wu had left the company')).toEqual(['that Wu had left the company']);
    expect(negated('The problem is not pay but a clash of philosophies.')).toEqual(['pay']);
    // An ellipsis in a quotation does not end the clause.
    expect(negated('he’s kind of not behaved in very good ways toward the ... previous team.')).toEqual(['behaved in very good ways toward the ... previous team']);
    // A negated verb of prevention: what follows happened.
    expect(negated('None of that stopped Musk from folding xAI into SpaceX in February.')).toEqual([]);
    expect(negated('The losses did not prevent the merger.')).toEqual([]);
    // A number's point or thousands comma does not end the clause.
    expect(negated('The unit did not lose $2.5 billion or 1,000 jobs.')).toEqual(['lose $2.5 billion or 1,000 jobs']);
  });

  it('a focused negation: the phrase itself is denied and something else said instead', () => {
    const focused = (text: string): string[] => negatedSpans(text).filter((sp) => sp[2]).map(([a, b]) => text.slice(a, b).trim());
    expect(focused('The problem is not pay but a clash of philosophies.')).toEqual(['pay']);
    expect(focused('Friction, rather than pay, lies behind the exits.')).toEqual(['pay']);
    expect(focused('問題は報酬ではなく、経営哲学の衝突だ。')).toEqual(['報酬']);
    // A long clause before "but" is an ordinary negation.
    expect(focused('He did not say that the industry as a whole was in a bubble, but he warned the labs.')).toEqual([]);
  });

  it('English: asserting forms and conditionals are not negations', () => {
    expect(negated('It is not only a failure but a warning.')).toEqual([]);
    expect(negated('There is no doubt that the bubble will burst.')).toEqual([]);
    expect(negated('Money alone does not keep researchers.')).toEqual([]);
    expect(negated('Unless they raise prices or do not cut costs, the bubble will burst.')).toEqual([]);
    expect(negated('Even if they do not raise prices, there will be a crash.')).toEqual([]);
    expect(negatesLoosely('Researchers want little interference from management.')).toBe(true);
    expect(negatesLoosely('It is not only money.')).toBe(true);
    expect(negatesLoosely('Researchers want a clear path.')).toBe(false);
  });

  it('Japanese: an ending negates its clause back to the last 、 or 。', () => {
    expect(negated('ルカン氏は、巨大なバブル崩壊が起きるとは考えていない。')).toEqual(['巨大なバブル崩壊が起きるとは考えてい']);
    // After the copula, only the words right before it.
    expect(negated('問題は報酬ではなく、経営哲学の衝突だ。')).toEqual(['報酬']);
    expect(negated('最も不足している資源は資金ではなく人材だ。')).toEqual(['資金']);
    expect(negated('xAIは「失敗」ではない。')).toEqual(['「失敗」']);
    // After an adjective, only the adjective (litotes: 珍しくない is "common").
    expect(negated('年収が50万ドルを超えることも珍しくない。')).toEqual(['珍し']);
    expect(negated('意思決定を覆すことも少なくない。')).toEqual(['少な']);
    // After a verb or a formal noun, the clause: 〜わけではない, 〜のではない.
    expect(negated('それだけで致命的な打撃になるわけではない。')).toEqual(['それだけで致命的な打撃になるわけでは']);
    expect(negated('xAIは失敗したのではない。')).toEqual(['xAIは失敗したのでは']);
    // しかし is "but", not しか…ない ("only").
    expect(negated('しかし彼は戻らない。')).toEqual(['しかし彼は戻ら']);
    expect(negated('xAIは、ウー氏が退社したとの報道を否定した。')).toEqual(['ウー氏が退社したとの報道を']);
    expect(negated('同社は理由を明らかにしておらず、詳細は分からない。')).toEqual(['同社は理由を明らかにしておら', '詳細は分から']);
  });

  it('Japanese: words and set phrases that only look negative are not', () => {
    for (const s of [
      '致命傷になりかねない。',
      '貸し出すしかない。',
      '値上げしなければ、バブルが崩壊する。',
      '人材は少ない。',
      '必ず崩壊する。',
      'まず、理由を説明した。',
      '競争に勝たなければならない。',
      '結果にもかかわらず、投資が続いた。',
      '彼はxAIに否定的だ。',
      '本人の力量だけでなく、データも失われる。',
      'シリコンバレーでもめったにないことだ。',
      'コストを取り戻すには、それしか方法がない。',
      '成長に欠かせない。',
      '一時的な現象に過ぎない。',
      // Forms that affirm.
      'ウー氏が担ってきたのは、推論能力にほかならない。',
      'ウー氏を失うことが致命的な打撃でないはずがない。',
      '去ったのはウー氏だけではない。',
      'OpenAIが優位にあることは否定しがたい。',
      '人材の希少さは核物理学者に勝るとも劣らない。',
      'テスラが電池の責任者を失うのと変わらない。',
      'Twitter時代の効率化と比べても遜色ない数字だ。',
      'Twitter時代の効率化と比べても見劣りしない。',
    ]) {
      expect(negated(s), s).toEqual([]);
    }
  });
});

describe('negation scopes on odd text', () => {
  it('reads a long run of cues in one pass (a quadratic scan would not finish within the test timeout)', () => {
    expect(negatedSpans('no '.repeat(20_000))).toHaveLength(20_000);
    expect(negatedSpans('考えていない'.repeat(8_000) + '。')).toHaveLength(8_000);
    // A clause with no punctuation is cut at MAX_SCOPE_CHARS.
    const [span] = negatedSpans(`isn't ${'y'.repeat(50_000)}`);
    expect(span![1] - span![0]).toBeLessThanOrEqual(200);
  });
});

describe('the negation veto (verify.ts)', () => {
  it('vetoes a passage that denies what the claim asserts, in both languages', () => {
    const en = check(doc('s003-lecun-losing-money', 'en'), 'LeCun never said that all of those AI companies are losing money and that investors fund the use for most people.');
    expect(en.veto?.kind).toBe('negation');
    const ja = check(doc('s003-lecun-losing-money', 'ja'), 'ルカン氏は、これらの企業がすべて赤字を計上し、ユーザーの利用は投資家が資金提供しているとは述べていない。');
    expect(ja.veto?.kind).toBe('negation');
    expect(ja.veto?.detail).toMatch(/negates/);
  });

  it('passes the same passage without the denial', () => {
    expect(check(doc('s003-lecun-losing-money', 'en'), 'LeCun said that all of those AI companies are losing money and that investors fund the use for most people.').veto).toBeNull();
    expect(check(doc('s003-lecun-losing-money', 'ja'), 'ルカン氏は、これらの企業がすべて赤字を計上し、ユーザーの利用は投資家が資金提供していると述べた。').veto).toBeNull();
  });

  it('a correction ("not X but Y") is vetoed whatever else the passage shares', () => {
    const v = check(doc('s003d-kp-bubble', 'ja'), '評価額への疑念はCNBCの解釈であり、ルカン氏の警告が向けられていたのも業界全体ではなく、特定のラボだった点には注意が要る。');
    expect(v.veto?.kind).toBe('negation');
    expect(v.veto?.detail).toMatch(/not/);
  });

  it('vetoes a passage asserting what the claim denies ("not very positive" / 「以前よりずっと前向きだ」)', () => {
    const v = check(doc('s003-lecun-not-positive', 'ja'), 'ルカン氏は「xAIの見通しについては、以前よりずっと前向きだ」と述べた。');
    expect(v.veto?.kind).toBe('negation');
    expect(v.veto?.detail).toMatch(/the claim negates/);
    // "nowhere near fast enough" negates as "not nearly fast enough" does: no veto.
    const ok = check(doc('s003-lecun-costs-not-falling-fast', 'en'), 'AI services are getting more expensive while the cost of running them drops, but nowhere near fast enough.');
    expect(ok.veto?.kind).not.toBe('negation');
  });

  it('vetoes the opposite word (antonyms): "ある意味で成功だ" is not "kind of a failure"', () => {
    const v = check(doc('s003-lecun-failure', 'ja'), 'ルカン氏は「正直に言って、xAIはある意味で成功だ」と述べた。');
    expect(v.veto?.kind).toBe('antonym');
    expect(check(doc('s003-lecun-failure', 'ja'), 'ルカン氏は「正直に言って、xAIはある意味で失敗だ」と述べた。').veto).toBeNull();
  });

  it('a denied event is no report of the story', () => {
    expect(check(storyDoc('story-wu-leaves-xai', 'en'), 'xAI denied that co-founder Tony Wu is leaving the company.').veto?.kind).toBe('negation');
    expect(check(storyDoc('story-wu-leaves-xai', 'ja'), 'xAIは、共同創業者のトニー・ウー氏が同社を離れるとの報道を否定した。').veto?.kind).toBe('negation');
  });

  it('lets a passage negate where the claim negates shared words, or negates by sense', () => {
    // The claim: "…not behaved in sort of very good ways toward the … previous team" (「あまり良いとは言えない振る舞い」).
    const ja = check(doc('s003-lecun-hiring-hard', 'ja'), '「イーロンは今、AIのトップ人材を採用するのが非常に難しい立場にある。以前のチームに対して、あまり良い振る舞いをしてこなかったからだ」');
    expect(ja.veto?.kind).not.toBe('negation');
    // The claim: "… little interference from management" (negates by sense).
    const en = check(doc('s000-retention-not-only-money', 'en'), 'Researchers want a place where they can focus on technology, follow a clear R&D path and not be second-guessed by management.');
    expect(en.veto?.kind).not.toBe('negation');
  });
});

describe('on a page', () => {
  const page = (lang: 'en' | 'ja', paragraphs: string[]): string =>
    restatePageHtml({
      file: 'negation.html',
      kind: 'independent',
      lang,
      story: null,
      site: 'Probe News',
      nav: ['AI'],
      title: lang === 'en' ? 'LeCun on xAI and the AI bubble' : 'ルカン氏、xAIとAIバブルについて',
      byline: 'By A. Writer · April 22, 2026',
      date: '2026-04-22',
      paragraphs,
      related: [],
      comments: [],
    });

  it('highlights the statements and none of the denials', () => {
    const en = annotateTiers(
      parse(
        page('en', [
          "Yann LeCun, Meta's former chief AI scientist, told CNBC that Elon Musk's xAI is kind of a failure because its co-founders have left.",
          'LeCun never said that AI companies are losing money on most users or that investors pay for it.',
          'He does not believe there will be a big bubble explosion, even if OpenAI and Anthropic do not raise prices.',
          // Reports the statement, then disputes a part of it in the page's own voice: shown (the
          // card sets LeCun's own words beside it), as most of what it shares is asserted.
          'xAI rents out its huge infrastructure, LeCun said, but that is not the only way for Musk to recoup the costs.',
          'Contrary to some reports, LeCun did not say that Musk had been unkind to researchers or that hiring top AI talent is hard for him.',
        ]),
      ),
      index,
    );
    expect(en.stories.map((s) => s.storyId)).toEqual(['story-lecun-xai-failure']);
    expect(en.restatements.map((x) => x.claimId).sort()).toEqual(['s003-lecun-failure', 's003-lecun-infrastructure']);
    const ja = annotateTiers(
      parse(
        page('ja', [
          'メタの元チーフAIサイエンティストのヤン・ルカン氏はCNBCに対し、イーロン・マスク氏のxAIは共同創業者が去ったことから「ある意味で失敗だ」と述べた。',
          'ルカン氏は、AI企業は大半の利用者で赤字を出しており、投資家が実質的に費用を負担しているとは述べていない。',
          'ルカン氏は、巨大なバブル崩壊が起きるとは考えていない。',
          'ルカン氏によれば、xAIは巨大なインフラを他社に貸し出しており、それがマスク氏にとってコストを回収する唯一の方法だという。',
        ]),
      ),
      index,
    );
    expect(ja.stories.map((s) => s.storyId)).toEqual(['story-lecun-xai-failure']);
    expect(ja.restatements.map((x) => x.claimId).sort()).toEqual(['s003-lecun-failure', 's003-lecun-infrastructure']);
  });
});
