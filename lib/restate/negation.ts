/**
 * Where a text says something does not hold: the spans under a negation ("LeCun never said …",
 * "xAI denied that Wu had left", 「失敗だとは考えていない」). A restatement must not turn a denial
 * into the claim it denies, so verify.ts vetoes a passage that negates a word it shares with the
 * claim while the claim negates none of the words they share (the `negation` veto).
 *
 * Surface rules, the usual ones of negation detection without a parser (NegEx-style cues with a
 * clause for scope), in both languages:
 *  - English: a cue ("not", "n't", "never", "no", "nobody", "nothing", "nowhere", "none", "neither", "nor",
 *    "cannot", "unable", "deny"/"denied", "refute") negates what follows it up to the end of its
 *    clause (punctuation, or "but", "while", "although", "though", "whereas", "because"), at most
 *    MAX_SCOPE_WORDS words. Not cues: "not only", "not just", "not merely", "no doubt", "nothing
 *    but", "none other", "not least", "X alone does not" (they assert), a cue before a verb of
 *    prevention ("none of that stopped him from …": what follows happened), and a cue in a
 *    conditional clause ("if … not", "unless", "whether", "otherwise": the claims warn in that
 *    form, "unless they raise prices …").
 *  - Japanese: negation ends the predicate, so an ending (ない, なかった, なく(て/、), ません,
 *    ず(に/、/。), 否定, 否認) negates the clause before it, back to the last 、 or 。; after the
 *    copula (「XではなくY」「Xではない」) only X, the words right before it, unless X is a verb or a
 *    formal noun (〜わけではない, 〜のではない: the clause again); after an adjective (珍しくない,
 *    少なくない) only the adjective. Not negations: adjectives and set phrases that end in ない or
 *    ず (少ない, 危ない, 間もない, 違いない, しか…ない, ほかない, かもしれない, かねない, めったにない,
 *    に過ぎない, 欠かせない, 間違いない, 必ず, 相変わらず, 少なからず, にもかかわらず, まず), "not only"
 *    (だけでなく, だけではない, のみならず), affirming forms (にほかならない, 〜ないはずがない, 否定しがたい,
 *    劣らない, 遜色ない, と変わらない), obligations and conditionals (なければ, なくては, ないと…ならない),
 *    rhetorical ではないか, and 否定的 (an attitude).
 *
 * Scope errors fall on the safe side: a word wrongly read as negated in a passage can only veto
 * (the passage is not shown), never make a match. verify.ts vetoes only when the negated shared
 * words weigh at least NEGATED_SHARE of what the two share, and the claim negates none of them:
 * two texts that both negate the same content may put the negation on different words of it.
 */

/**
 * Words after an English cue that it may negate (a cap on a clause with no punctuation). 12 cut
 * "never said that all of those AI companies are losing money and that investors fund …" before its
 * last claim; 16, 20 and 30 gave the same fixture results.
 */
const MAX_SCOPE_WORDS = 20;
/** Characters a scope may span in either language (a bound on the work for odd text with no punctuation). */
const MAX_SCOPE_CHARS = 200;

const EN_CUE = /\b(?:not|never|no|none|nobody|nothing|nowhere|neither|nor|cannot|unable|deny|denies|denied|denying|denial|refutes?|refuted)\b|n['’]t\b/gi;
/** Cue phrases that assert rather than negate. */
const EN_NOT_CUE = /^(?:\s+(?:only|just|merely|least|doubt|other|but)\b)/i;
/** Words that negate by their sense (only for `negatesLoosely`: their scope is not read). */
const EN_QUASI = /\b(?:without|lacks?|lacking|absence|rarely|seldom|hardly|barely|unlikely)\b|(?<!\ba\s)\b(?:little|few)\b/i;
const JA_QUASI = /少な[いく]|(?:だけ|ばかり)(?:で|じゃ)は?なく|のみならず|めったに|滅多に/;
/** "rather than X", "instead of X": X is a focused negation. */
const EN_INSTEAD = /\b(?:rather than|instead of)\b/gi;
/** Words of X in a focused negation ("not X but Y"); a longer X is an ordinary negation. */
const FOCUS_WORDS = 5;
/** A cue whose next few words are a verb of prevention ("none of that stopped him from"). */
const EN_PREVENT = /^(?:\s+\S+){0,3}?\s+(?:stop|stops|stopped|prevent|prevents|prevented|deter|deters|deterred|hinder|hinders|hindered)\b/i;
/** A cue right after "alone" asserts "not only" ("money alone does not keep them"). */
const EN_ALONE = /\balone\s+(?:\w+\s+)?$/i;
/** Clause boundaries: punctuation (not a number's point or comma, nor an ellipsis: quotations elide words) and the conjunctions that start another clause. */
const EN_BREAK = /(?<!\.)\.(?![\d.])|,(?!\d{3}\b)|[;:!?()[\]\n—–]|\b(?:but|while|although|though|whereas|because|however)\b/gi;
const EN_CONDITIONAL = /\b(?:if|unless|whether|otherwise)\b/i;

const JA_CUE = /な(?:い|かった|く(?=て|、))|(?<=で|では|じゃ)なく|ません|(?<=[ぁ-ん])ず(?=に|、|。|$)|否定|否認/g;
/** Phrases that contain a cue's characters without negating; masked before cues are looked for. */
const JA_NOT_CUE = /少な(?:い|かった|く(?!な))|危な(?:い|かった|く)|間もな(?:い|く)|まもな(?:い|く)|違いな(?:い|かった|く)|しかな(?:い|かった)|ほかな(?:い|かった)|かねな(?:い|かった)|かもしれな(?:い|かった)|(?:だけ|ばかり)(?:で|じゃ)は?な(?:く|い|かった)|のみ(?:で|じゃ)は?な(?:く|い|かった)|(?:に|と)?(?:ほか|他)なら(?:ない|なかった|ぬ)|な(?:い|かった)(?:はず|わけ)(?:が|は)な(?:い|かった)|ないわけにはいかな(?:い|かった)|なくはな(?:い|かった)|ないことはな(?:い|かった)|(?:ない|ず)にはいられな(?:い|かった)|否定(?:しがた|でき|し得)な?い?|否めな(?:い|かった)|劣らな(?:い|かった)|遜色(?:は|が)?な(?:い|かった|く)|見劣りしな(?:い|かった)|に負けな(?:い|かった)|引けを取らな(?:い|かった)|(?:の)?と変わらな(?:い|かった)|に変わり(?:は)?な(?:い|かった)|のみならず|(?:めった|滅多)にな(?:い|かった|く)|(?<!た)しか(?!し)[^、。]{0,10}?な(?:い|かった)|に(?:過|す)ぎな(?:い|かった)|間違いな(?:い|く)|欠かせな(?:い|かった)|絶えな(?:い|かった)|ざるを(?:得|え)な(?:い|かった)|かもしれません|必ず|相変わらず|少なからず|にもかかわらず|(?:に|にも)関わらず|まず|思わず|なければ(?:ならな(?:い|かった)|いけな(?:い|かった))?|なくては(?:ならな(?:い|かった)|いけな(?:い|かった))?|ないと(?:いけな(?:い|かった)|ならな(?:い|かった))|ないなら|ない限り|ないかぎり|ではないか|じゃないか|否定的/g;
const JA_BOUNDARY = /[、。！？!?\n]/;

const isHiragana = (c: number): boolean => c >= 0x3040 && c <= 0x309f;
const isKanji = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;
const isJapaneseChar = (c: number): boolean => (c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff);

/**
 * A span [start, end) under a negation; `focused` when the negation is of that very phrase and
 * the sentence says what holds instead or plainly denies it (「XではなくY」「Xではない」, "not X but
 * Y", "rather than X", "instead of X"): a correction, whatever else the sentence shares.
 */
export type NegatedSpan = [start: number, end: number, focused?: true];

/** Spans of `text` under a negation, in text order (they may touch). */
export function negatedSpans(text: string): NegatedSpan[] {
  const out: NegatedSpan[] = [];
  englishSpans(text, out);
  japaneseSpans(text, out);
  return out.sort((a, b) => a[0] - b[0]);
}

/**
 * Whether the text negates in a way whose scope is not read: by a word's sense ("little
 * interference", "without", 少ない) or in a form that asserts ("not only", "X alone does not").
 * verify.ts lets a passage negate what such a claim says ("little interference from management" /
 * "not be second-guessed by management").
 */
export function negatesLoosely(text: string): boolean {
  if (EN_QUASI.test(text) || JA_QUASI.test(text)) return true;
  EN_CUE.lastIndex = 0;
  for (let m = EN_CUE.exec(text); m; m = EN_CUE.exec(text)) {
    const cueEnd = m.index + m[0].length;
    if (EN_NOT_CUE.test(text.slice(cueEnd, cueEnd + 12)) || EN_ALONE.test(text.slice(Math.max(0, m.index - 24), m.index))) return true;
  }
  return false;
}

/** Whether [start, end) lies inside one of `spans` (sorted). */
export function insideSpans(spans: readonly NegatedSpan[], start: number, end: number): boolean {
  return spanAt(spans, start, end) !== null;
}

/** The span of `spans` (sorted) that [start, end) lies inside, or null (a focused one first). */
export function spanAt(spans: readonly NegatedSpan[], start: number, end: number): NegatedSpan | null {
  let found: NegatedSpan | null = null;
  for (const sp of spans) {
    if (sp[0] > start) break;
    if (start >= sp[0] && end <= sp[1] && (!found || sp[2])) found = sp;
  }
  return found;
}

function englishSpans(text: string, out: NegatedSpan[]): void {
  EN_CUE.lastIndex = 0;
  let m = EN_CUE.exec(text);
  EN_INSTEAD.lastIndex = 0;
  if (!m && !EN_INSTEAD.test(text)) return;
  // The clause breaks, once: each cue finds its clause's start and end by pointers that only move
  // forward (linear in the text, however many cues a long sentence holds).
  const breaks: Array<[number, number]> = [];
  EN_BREAK.lastIndex = 0;
  for (let b = EN_BREAK.exec(text); b; b = EN_BREAK.exec(text)) breaks.push([b.index, b.index + b[0].length]);
  let before = -1; // the last break ending at or before the cue
  let after = 0; // the first break starting at or after the cue's end
  for (; m; m = EN_CUE.exec(text)) {
    const cueEnd = m.index + m[0].length;
    while (before + 1 < breaks.length && breaks[before + 1]![1] <= m.index) before++;
    while (after < breaks.length && breaks[after]![0] < cueEnd) after++;
    if (EN_NOT_CUE.test(text.slice(cueEnd, cueEnd + 12))) continue;
    if (EN_ALONE.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    // "None of that stopped Musk from …", "did not prevent": the negated verb is one of
    // prevention, so what follows it happened.
    if (EN_PREVENT.test(text.slice(cueEnd, cueEnd + 40))) continue;
    // A cue inside a conditional clause is skipped.
    const clauseStart = before >= 0 ? breaks[before]![1] : 0;
    if (EN_CONDITIONAL.test(text.slice(Math.max(clauseStart, m.index - MAX_SCOPE_CHARS), m.index))) continue;
    const stop = after < breaks.length ? { at: breaks[after]![0], but: /^but$/i.test(text.slice(breaks[after]![0], breaks[after]![1])) } : null;
    let end = Math.min(stop ? stop.at : text.length, cueEnd + MAX_SCOPE_CHARS);
    // At most MAX_SCOPE_WORDS words.
    let words = 0;
    for (let i = cueEnd; i < end; i++) {
      if (text[i] === ' ' && text[i + 1] !== ' ' && ++words > MAX_SCOPE_WORDS) {
        end = i;
        break;
      }
    }
    if (end > cueEnd) {
      // "not X but Y": a short X the clause ends on "but" after.
      const focused = stop !== null && stop.but && end === stop.at && text.slice(cueEnd, end).trim().split(/\s+/).length <= FOCUS_WORDS;
      out.push(focused ? [cueEnd, end, true] : [cueEnd, end]);
    }
  }
  // "rather than X", "instead of X": X, up to the clause's end.
  EN_INSTEAD.lastIndex = 0;
  for (let r = EN_INSTEAD.exec(text); r; r = EN_INSTEAD.exec(text)) {
    const from = r.index + r[0].length;
    const b = breaks.find((x) => x[0] >= from);
    const end = Math.min(b ? b[0] : text.length, from + MAX_SCOPE_CHARS);
    if (end > from && text.slice(from, end).trim().split(/\s+/).length <= FOCUS_WORDS) out.push([from, end, true]);
  }
}

function japaneseSpans(text: string, out: NegatedSpan[]): void {
  let any = false;
  for (let i = 0; i < text.length && !any; i++) any = isJapaneseChar(text.charCodeAt(i));
  if (!any) return;
  // Mask the phrases that only look like negations (same length, so offsets hold).
  const masked = text.replace(JA_NOT_CUE, (s) => '\u3000'.repeat(s.length));
  JA_CUE.lastIndex = 0;
  let clause = 0; // where the clause of the current cue starts (moves forward only)
  let scanned = 0;
  for (let m = JA_CUE.exec(masked); m; m = JA_CUE.exec(masked)) {
    for (; scanned < m.index; scanned++) if (JA_BOUNDARY.test(masked[scanned]!)) clause = scanned + 1;
    let start = m.index;
    const copula = /(?:では|じゃ|で)$/.exec(masked.slice(Math.max(0, m.index - 2), m.index));
    if (copula) {
      // 「XではなくY」「Xではない」: the negation is of X, the words right before the copula.
      const end = m.index - copula[0].length;
      start = end;
      while (start > clause && end - start < MAX_SCOPE_CHARS && !isHiragana(masked.charCodeAt(start - 1))) start--;
      if (end > start) {
        out.push([start, end, true]);
        continue;
      }
      // After a verb or a formal noun (〜わけではない, 〜のではない, 〜ことではない): the clause is negated.
    }
    if (masked[m.index - 1] === 'く' && (m[0] === 'ない' || m[0] === 'なかった')) {
      // An adjective's negation (珍しくない, 少なくない, 高くない): of the adjective, not of its clause.
      let a = m.index - 1;
      while (a > clause && isHiragana(masked.charCodeAt(a - 1)) && m.index - a < 4) a--;
      while (a > clause && isKanji(masked.charCodeAt(a - 1))) a--;
      if (m.index - 1 > a) out.push([a, m.index - 1]);
      continue;
    }
    start = Math.max(clause, m.index - MAX_SCOPE_CHARS);
    if (m.index > start) out.push([start, m.index]);
  }
}
