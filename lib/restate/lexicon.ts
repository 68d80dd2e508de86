/**
 * Word lists of the restatement tier. Compile time only: the compiler (compile.ts) turns them into
 * the term table the page scan probes, so none of this is bundled into the content script.
 *
 * Written from general news vocabulary, not from test pages: the synonym groups (CONCEPTS) are the
 * kind of thesaurus a query expander uses, one group per sense. Each group is one term: a page
 * word of the group matches a claim word of the group. Groups are narrow on purpose (a wide one,
 * "say" ≡ "claim" ≡ "argue", would make unrelated sentences look alike).
 */

/** English function words and reporting filler: never terms. */
export const STOPWORDS_EN = new Set(
  `a an the and or but nor so yet if then than that this these those there here to of in on at by for with from
into onto upon about above below over under after before between through during within without against among
as is am are was were be been being do does did done doing have has had having will would shall should can
could may might must not no yes it its it's he him his she her hers they them their theirs we us our ours you
your yours i me my mine who whom whose which what when where why how all any both each few more most other
some such only own same too very just also even still ever again once further up down out off per via
s t d ll re ve m o y one's kind sort way ways thing things lot lots really quite rather actually basically
you know well said says say saying told tells according reportedly reported report reports added adding
noted noting mr mrs ms dr`.split(/\s+/),
);

/**
 * Common news words: kept as terms (a claim may turn on them) but weighed down, since any article
 * uses them (see thresholds.ts, COMMON_WEIGHT).
 */
export const COMMON_EN = new Set(
  `year years month months week weeks day days time today now new old first last next many much several
people company companies firm business industry market markets percent billion million trillion data group
team work part world government public official officials news statement interview people's person
make made take took give gave go went come came get got see seen think thought want use used need needs
know known call called like good great big small large long high low top key major likely`.split(/\s+/),
);

/** Irregular English forms → their base (stems then agree: "left" ≡ "leave"). */
export const IRREGULAR_EN: Record<string, string> = {
  left: 'leave', lost: 'lose', said: 'say', told: 'tell', made: 'make', took: 'take', taken: 'take',
  gave: 'give', given: 'give', went: 'go', gone: 'go', came: 'come', got: 'get', gotten: 'get',
  saw: 'see', seen: 'see', thought: 'think', knew: 'know', known: 'know', led: 'lead', paid: 'pay',
  sold: 'sell', bought: 'buy', brought: 'bring', began: 'begin', begun: 'begin', built: 'build',
  ran: 'run', quit: 'quit', held: 'hold', kept: 'keep', met: 'meet', put: 'put', set: 'set',
  spent: 'spend', sent: 'send', stood: 'stand', understood: 'understand', wrote: 'write',
  written: 'write', fell: 'fall', fallen: 'fall', rose: 'rise', risen: 'rise', grew: 'grow',
  grown: 'grow', drew: 'draw', drawn: 'draw', blew: 'blow', blown: 'blow', won: 'win', hit: 'hit',
  cut: 'cut', felt: 'feel', found: 'found', meant: 'mean', became: 'become', fought: 'fight',
  better: 'good', best: 'good', worse: 'bad', worst: 'bad', men: 'man', women: 'woman',
  people: 'people', children: 'child', data: 'data', media: 'media',
};

/**
 * Synonym groups: English words (single words; hyphenated compounds are written joined, as the
 * scan joins them: "co-founder" → "cofounder") and Japanese words (two-character kanji words, which
 * the Japanese tokeniser yields as one bigram, or whole katakana words). The first English word
 * names the group in reasons.
 */
export const CONCEPTS: readonly (readonly string[])[] = [
  // leaving a post
  ['leave', 'depart', 'departure', 'exit', 'quit', 'resign', 'resignation', 'exodus', '退職', '退社', '離職', '辞任', '退任', '離脱', '辞職', '去', '辞'],
  ['founder', 'founding', '創設', '創業', '創立', '創始'],
  ['failure', 'fail', 'flop', 'fiasco', 'failed', '失敗'],
  ['success', 'succeed', 'triumph', 'successful', '成功'],
  ['huge', 'massive', 'enormous', 'vast', 'giant', 'gigantic', 'immense', '巨大', '膨大'],
  ['bubble', 'バブル'],
  ['explosion', 'explode', 'burst', 'collapse', 'crash', 'implosion', 'implode', '爆発', '崩壊', '破裂', '破綻'],
  ['hire', 'recruit', 'employ', 'hiring', 'recruitment', '採用', '雇用', '獲得'],
  ['talent', 'talented', '人材'],
  ['difficult', 'hard', 'tough', 'challenging', '困難', '難航'],
  ['price', 'pricing', 'fee', '価格', '値段', '料金'],
  ['cost', 'expense', 'expensive', 'costly', 'コスト', '費用', '経費'],
  ['investor', 'invest', 'investment', 'backer', '投資'],
  ['infrastructure', 'インフラ', '基盤'],
  ['rent', 'lease', 'rental', 'レンタル', '賃貸'],
  ['recoup', 'recover', 'recovery', '回収'],
  ['compete', 'competition', 'competitive', 'competitor', 'rival', 'contend', '競争', '競合'],
  ['merge', 'merger', 'combine', 'combination', '合併', '統合'],
  ['valuation', 'valued', '評価'],
  ['loss', 'lose', 'deficit', 'losing', '損失', '赤字'],
  ['profit', 'profitable', 'profitability', '黒字', '利益'],
  ['reasoning', 'inference', '推論'],
  ['rare', 'unusual', 'uncommon', 'uncommonly', 'unusually', '珍し', '異例'],
  ['fatal', 'devastating', 'crippling', 'lethal', 'deadly', '致命'],
  ['blow', 'setback', '打撃', '痛手'],
  ['scarce', 'scarcity', 'shortage', 'scarcest', '不足', '希少'],
  ['management', 'manage', 'manager', 'managerial', '管理', '経営'],
  ['layoff', 'dismissal', 'redundancy', 'リストラ', '解雇'],
  ['researcher', 'scientist', '研究員', '研究者', '科学者'],
  ['research', '研究'],
  ['frontier', 'cutting', 'forefront', '最前線', '最先端'],
  ['conspiracy', '陰謀'],
  ['clash', 'feud', 'spat', 'quarrel', 'dispute', 'conflict', '対立', '論争', '確執', '衝突'],
  ['criticize', 'criticise', 'critic', 'criticism', 'critical', 'slam', '批判'],
  ['warn', 'warning', 'caution', '警告', '警鐘'],
  ['doubt', 'question', 'skepticism', 'scepticism', '疑問', '疑念'],
  ['positive', 'optimistic', 'bullish', '前向', '楽観'],
  ['pessimistic', 'bearish', 'gloomy', '悲観', '後ろ向'],
  ['easy', '容易', '簡単'],
  ['abundant', 'plentiful', 'ample', '潤沢', '豊富'],
  ['prospect', 'outlook', 'future', '見通', '将来', '展望'],
  ['agent', 'agentic', 'エージェント'],
  ['reliable', 'dependable', 'trustworthy', '信頼'],
  ['datacenter', 'datacentre', 'データセンター'],
  ['funding', 'fundraise', 'fundraising', 'raise', '調達'],
  ['spending', 'spend', 'outlay', '支出', '出費'],
  ['scrutiny', 'scrutinize', 'scrutinise', 'examine', '精査'],
  ['livestream', 'stream', 'broadcast', 'ライブストリーム', '配信'],
  ['coding', 'programming', 'code', 'コーディング', 'プログラミング'],
  ['math', 'mathematics', 'maths', '数学'],
  ['salary', 'pay', 'compensation', 'wage', '給与', '年収', '報酬'],
  ['equity', 'stock', '株式'],
  ['offer', 'proposal', 'オファー'],
  ['manufacturing', 'factory', '製造'],
  ['efficiency', 'efficient', '効率'],
  ['vision', 'ambition', 'ビジョン', '野心', '野望'],
  ['practical', 'pragmatic', '実用', '現実'],
  ['decision', 'decide', 'judgment', 'judgement', '決定', '判断'],
  ['patience', 'patient', '忍耐'],
  ['exploration', 'explore', 'exploratory', '探究', '探求', '探索'],
  ['productization', 'productize', 'プロダクト'],
  ['engineering', 'engineer', 'エンジニアリング', 'エンジニア'],
  ['battery', 'バッテリー', '電池'],
  ['office', 'workplace', 'オフィス'],
  ['sleep', 'slept', '寝泊'],
  ['hardcore', 'ハードコア'],
  ['microcosm', 'epitome', '縮図'],
  ['arms', 'armsrace', '軍拡'],
  ['truth', 'truthfulness', '真実'],
  ['universe', 'cosmos', '宇宙'],
  ['stall', 'stagnation', 'stagnate', 'delay', 'slowdown', '停滞', '遅延'],
  ['iteration', 'iterate', 'イテレーション', '反復'],
  ['accumulation', 'accumulate', '蓄積'],
  ['imitate', 'imitation', 'mimic', 'memorize', 'memorise', '模倣', '記憶'],
  ['godfather', 'father', 'pioneer', '父祖'],
  ['comment', 'respond', 'response', 'reply', 'コメント', '回答'],
  ['segment', 'division', 'セグメント', '部門'],
  ['operation', 'operating', 'operational', '営業', '運営'],
  ['winner', 'winnertakeall', '勝者'],
  ['core', 'central', '中核', '核心'],
];

/**
 * Synonym groups (by their first word) that say opposite things: a passage with one and not the
 * other of a claim that has the other is not its restatement ("ある意味で成功だ" is not "kind of a
 * failure"). Narrow on purpose: only opposites a news sentence cannot hold both of for one subject.
 */
export const ANTONYMS: readonly (readonly [string, string])[] = [
  ['failure', 'success'],
  ['loss', 'profit'],
  ['positive', 'pessimistic'],
  ['difficult', 'easy'],
  ['scarce', 'abundant'],
];
