/**
 * Agreement checks on one candidate window: what the passage names and states must agree with the
 * claim (or story event) it was scored against. Shared words are not enough: the same names in a
 * different configuration, or a different figure, are a different statement. Each check either
 * vetoes the candidate (the reason is kept) or contributes a reason shown to the reader.
 *
 * Vetoes, in order:
 *  - names-only: fewer than MIN_CONTENT_TERMS shared terms besides names (a stock table, a list
 *    of people);
 *  - negation: the passage negates words it shares with the claim (NEGATED_SHARE of their weight),
 *    and the claim negates none of the words they share ("LeCun never said that AI companies are losing money", "xAI denied
 *    that Wu had left": negation.ts). A claim that negates shared words is let pass: the two may
 *    put the negation on different words of the same content; so is a passage that says without
 *    negation what the claim negates ("hasn't been nice to scientists" → "how he treats researchers"),
 *    unless the claim's negation covers half the shared weight and the passage negates none of it
 *    ("not very positive about the prospect" / 「以前よりずっと前向きだ」);
 *  - antonym: the passage says the opposite word of one the claim says, and not the claim's (lexicon.ts
 *    ANTONYMS: success/failure, profit/loss …);
 *  - organisation: the claim names organisations and the passage names others of the dataset but
 *    none of the claim's (a substitution: "OpenAI's co-founders have left");
 *  - figures (facts.ts): amount, percent, duration, ordinal, date, count disagree;
 *  - speaker: a quote or paraphrase whose speaker is not named nearby (the passage, its paragraph,
 *    the CONTEXT_PARAGRAPHS before), while the passage names another person of the dataset, one the claim
 *    does not mention ("Altman said xAI is a failure"); or a passage inside a quotation the page
 *    gives to another named person (attribution.ts: "…,” she said", after "Claire Hadley-Ross …");
 *  - time: the page is dated before the claim was made (or the story happened);
 *  - people (story events only): the story's people are not all named in the passage.
 */

import type { CompiledIndex } from '../index/format';
import { findEntities } from './entities';
import { checkFacts, extractFacts, type DateRef, type Facts } from './facts';
import type { CompiledDoc, CompiledRestate } from './format';
import { compareToDay, outsideWindow } from './page-date';
import { lookup, type TermTable } from './table';
import { keyHash } from './stem';
import { MIN_CONTENT_TERMS, NEGATED_SHARE } from './thresholds';
import { forEachToken } from './scan';
import { tokenize } from './tokenize';
import { negatedSpans, spanAt } from './negation';
import { claimAbout } from './about';
import { quotationSpeaker, type QuotedBy } from './attribution';
import type { MatchReasons } from './types';

export type VetoKind = 'names-only' | 'negation' | 'antonym' | 'organisation' | 'amount' | 'percent' | 'duration' | 'ordinal' | 'date' | 'count' | 'speaker' | 'time' | 'people';

export interface Verdict {
  veto: { kind: VetoKind; detail: string } | null;
  reasons: MatchReasons;
  /** The claim's speaker (a person, for quotes and paraphrases) is named in the passage or its paragraph; true when not applicable. */
  speakerNamed: boolean;
}

/**
 * What verify reads of a passage. The tier builds it from per-sentence caches (a sentence's names
 * and figures are read once however many windows hold it); `windowFromText` builds it from strings.
 */
export interface WindowText {
  /** Distinct term ids of the passage (from the scan). */
  terms: ArrayLike<number>;
  /** Entity ids the passage names. */
  named: ReadonlySet<string>;
  /** Whether an entity is named in the passage's paragraph or the CONTEXT_PARAGRAPHS before (where a quotation's speaker is named). */
  nearby: (id: string) => boolean;
  /** Whether an entity is named anywhere on the page (every part seen so far). */
  onPage: (id: string) => boolean;
  /** The passage's figures. */
  facts: () => Facts;
  /** Terms of the passage under a negation (negation.ts), read only when the other checks allow. */
  negated: () => NegatedTerms;
  /** Whom the page gives the passage's words to, when they are a quotation (attribution.ts). */
  quotedBy: () => QuotedBy | null;
}

/** A WindowText from plain strings (tests, tools): the passage and its surrounding paragraphs. */
export function windowFromText(r: CompiledRestate, table: TermTable, text: string, context = text): WindowText {
  const terms = new Set<number>();
  for (const tok of tokenize(text)) {
    const t = lookup(table, keyHash(tok.key));
    if (t >= 0) terms.add(t);
  }
  return {
    terms: [...terms],
    named: new Set(findEntities(text, r.entities).keys()),
    nearby: (id) => findEntities(`${context}\n${text}`, r.entities).has(id),
    onPage: (id) => findEntities(`${context}\n${text}`, r.entities).has(id),
    facts: () => extractFacts(text),
    negated: () => negatedTerms(text, table),
    quotedBy: () => {
      const p = `${context === text ? '' : `${context}\n`}${text}`;
      return quotationSpeaker(p, p.length - text.length, p.length);
    },
  };
}

/** Terms of a passage under a negation (negation.ts), and of them those under a focused one. */
export interface NegatedTerms {
  terms: ReadonlySet<number>;
  focused: ReadonlySet<number>;
}

/** Terms of `text` under a negation (negation.ts), as the page scan reads them. */
export function negatedTerms(text: string, table: TermTable): NegatedTerms {
  const terms = new Set<number>();
  const focused = new Set<number>();
  const spans = negatedSpans(text);
  if (spans.length > 0) {
    forEachToken(text, 0, text.length, table, (t, start, end) => {
      if (t < 0) return;
      const sp = spanAt(spans, start, end);
      if (!sp) return;
      terms.add(t);
      if (sp[2]) focused.add(t);
    });
  }
  return { terms, focused };
}

/** The page's date, read on first need (verify is called only for candidates). */
export type PageDate = () => DateRef | null;

const ATTRIBUTED = new Set(['quote', 'paraphrase']);

const hasTerm = (terms: ArrayLike<number>, t: number): boolean => {
  for (let i = 0; i < terms.length; i++) if (terms[i] === t) return true;
  return false;
};

/** The index's antonym pairs (lexicon.ts ANTONYMS), both ways round. */
const antonymPairs = new WeakMap<CompiledRestate, Array<[number, number]>>();
function antonymsOf(r: CompiledRestate): Array<[number, number]> {
  let v = antonymPairs.get(r);
  if (!v) antonymPairs.set(r, (v = (r.antonyms ?? []).flatMap(([a, b]): Array<[number, number]> => [[a, b], [b, a]])));
  return v;
}

const termSets = new WeakMap<CompiledDoc, Set<number>>();
/** A doc's terms as a set, made once per doc. */
function termSet(doc: CompiledDoc): Set<number> {
  let v = termSets.get(doc);
  if (!v) termSets.set(doc, (v = new Set(doc.t)));
  return v;
}

const kindMaps = new WeakMap<CompiledRestate, Map<string, string>>();
function kinds(r: CompiledRestate): Map<string, string> {
  let m = kindMaps.get(r);
  if (!m) kindMaps.set(r, (m = new Map(r.entities.map((e) => [e.id, e.kind]))));
  return m;
}

export function verify(index: CompiledIndex, table: TermTable, doc: CompiledDoc, w: WindowText, date: PageDate): Verdict {
  const r = index.restate!;
  const reasons: MatchReasons = { names: [], numbers: [], terms: [] };
  const verdict = (kind: VetoKind, detail: string): Verdict => ({ veto: { kind, detail }, reasons, speakerNamed: false });

  // Shared terms; names are terms too, but a restatement needs more than names. (The window's
  // terms are distinct, so counting its terms the claim has counts each shared term once.)
  const docTerms = termSet(doc);
  let content = 0;
  for (let i = 0; i < w.terms.length; i++) {
    const t = w.terms[i]!;
    if (docTerms.has(t) && table.termEntity[t]! < 0) content++;
  }
  if (content < MIN_CONTENT_TERMS) return verdict('names-only', `${content} shared term(s) besides names`);

  // Negation: a passage that denies what the claim asserts is no restatement of it: the shared
  // words it negates weigh NEGATED_SHARE or more of all it shares with the claim (a negation in
  // passing, "none of that stopped Musk from …", leaves most of them asserted). When the claim
  // negates some of the shared words, both negate the same content (the negation may sit on
  // another word of it): no veto. Nor against a claim that negates by a word's sense.
  const neg = doc.negation;
  if (!neg?.loose) {
    const negated = w.negated();
    const claimNeg = new Set(neg?.terms ?? []);
    if (negated.terms.size > 0 || claimNeg.size > 0) {
      const lang = doc.lang === 'ja' ? 0 : 1;
      let shared = 0;
      let denied = 0; // shared weight the passage negates
      let deniedByClaim = 0; // shared weight the claim negates
      let heaviest = -1;
      let heaviestByClaim = -1;
      let corrected = -1; // a shared word the passage negates in focus ("not X but Y")
      const heavier = (t: number, than: number): boolean => than < 0 || table.weight[lang * table.terms + t]! > table.weight[lang * table.terms + than]!;
      for (let i = 0; i < w.terms.length; i++) {
        const t = w.terms[i]!;
        if (!docTerms.has(t) || table.termEntity[t]! >= 0) continue;
        const wt = table.weight[lang * table.terms + t]!;
        shared += wt;
        if (negated.terms.has(t)) {
          denied += wt;
          if (heavier(t, heaviest)) heaviest = t;
          if (negated.focused.has(t)) corrected = t;
        }
        if (claimNeg.has(t)) {
          deniedByClaim += wt;
          if (heavier(t, heaviestByClaim)) heaviestByClaim = t;
        }
      }
      const label = (t: number): string => r.terms[t]!.replace(/^~/, '');
      if (heaviest >= 0 && deniedByClaim === 0 && (corrected >= 0 || denied >= NEGATED_SHARE * shared)) {
        return verdict('negation', corrected >= 0 ? `the passage says “not ${label(corrected)}”, the claim does not` : `the passage negates “${label(heaviest)}” (${Math.round((100 * denied) / shared)}% of the shared words' weight), the claim does not`);
      }
      // The other way round: the claim denies what the passage asserts ("not very positive about
      // the prospect" / 「以前よりずっと前向きだ」), when most of what they share is under the claim's
      // negation and none under the passage's.
      if (heaviestByClaim >= 0 && denied === 0 && deniedByClaim >= NEGATED_SHARE * shared) {
        return verdict('negation', `the claim negates “${label(heaviestByClaim)}” (${Math.round((100 * deniedByClaim) / shared)}% of the shared words' weight), the passage does not`);
      }
    }
  }

  // Antonyms: the passage says the opposite word and not the claim's ("ある意味で成功だ" against
  // "kind of a failure").
  for (const [a, b] of antonymsOf(r)) {
    if (docTerms.has(a) && !docTerms.has(b) && hasTerm(w.terms, b) && !hasTerm(w.terms, a)) {
      return verdict('antonym', `the passage says “${r.terms[b]!.replace(/^~/, '')}”, the claim “${r.terms[a]!.replace(/^~/, '')}”`);
    }
  }

  // Names: an organisation substituted for the claim's ("OpenAI's co-founders have left" is not
  // about xAI's). People are checked as speakers below: a person a claim merely mentions may be
  // left out or accompanied by others in a restatement.
  const kindOf = kinds(r);
  const named = w.named;
  const claimEnts = new Set(doc.ents);
  for (const id of named) if (claimEnts.has(id)) reasons.names.push(id);
  const ofKind = (ids: Iterable<string>, kind: string): string[] => [...ids].filter((id) => kindOf.get(id) === kind);
  const claimOrgs = ofKind(doc.ents, 'organization');
  const passageOrgs = ofKind(named, 'organization');
  if (claimOrgs.length > 0 && passageOrgs.length > 0 && !passageOrgs.some((id) => claimEnts.has(id))) {
    return verdict('organisation', `the passage names ${passageOrgs.join(', ')}, the claim ${claimOrgs.join(', ')}`);
  }
  // Nor is a passage on a page that never names whom the claim is about: "Corvane is kind of a
  // failure, frankly" on a page that does not name xAI is no account of what LeCun said of xAI.
  // (The claim's speaker aside: a claim about nobody else, "No specific reason has been given", is
  // not held to it.)
  const about = doc.owner < 0 ? doc.ents : claimAbout(index, doc.owner);
  if (about.length > 0 && !about.some((id) => named.has(id) || w.onPage(id))) {
    return verdict('organisation', `the page names none of ${about.join(', ')}`);
  }

  // Story events: the story's people named in the passage (first: a passage that does not name them
  // is no report of the event, so its figures cannot contradict it).
  const story = doc.owner < 0 ? r.stories[-1 - doc.owner]! : null;
  if (story) {
    const missing = story.people.filter((p) => !named.has(p));
    if (missing.length > 0) return verdict('people', `the passage does not name ${missing.join(', ')}`);
  }

  // Figures.
  if (doc.facts) {
    const check = checkFacts(doc.facts, w.facts());
    if (check.conflict) return verdict(check.conflict.kind, `the claim says ${check.conflict.claim}, the passage ${check.conflict.page}`);
    reasons.numbers = check.shared;
  }

  if (story) {
    const d = date();
    if (d && outsideWindow(d, story.window)) return verdict('time', `the page is dated ${fmt(d)}, outside the story's window`);
    return { veto: null, reasons, speakerNamed: true };
  }

  // Speaker of a quote or paraphrase. Named in the passage, its paragraph or the paragraphs before
  // (a quotation often runs on from a paragraph that names the speaker): fine. Otherwise, if the
  // passage names another person of the dataset, one the claim does not mention, the page gives the
  // words to someone else: veto. Otherwise the page does not say who spoke: never highlighted.
  const claim = index.claims[doc.owner]!;
  let speakerNamed = true;
  if (ATTRIBUTED.has(r.claimKind[doc.owner]!) && kindOf.get(claim.speakerId) === 'person') {
    speakerNamed = named.has(claim.speakerId) || w.nearby(claim.speakerId);
    const others = ofKind(named, 'person').filter((id) => !claimEnts.has(id));
    if (!speakerNamed && others.length > 0) {
      return verdict('speaker', `the passage names ${others.join(', ')}, not the speaker ${claim.speakerId}`);
    }
  }

  // Whose words: a passage inside a quotation the page gives to someone else is not the claim's
  // speaker's, however alike (attribution.ts). An outlet named as the teller is a channel, not a
  // speaker ("…」とCNBCは伝えた").
  const quoted = w.quotedBy();
  if (quoted) {
    const ents = findEntities(quoted.name, r.entities);
    const other = [...ents.keys()].find((id) => id !== claim.speakerId && kindOf.get(id) === 'person');
    if (!ents.has(claim.speakerId) && ![...ents.keys()].some((id) => kindOf.get(id) === 'outlet') && (other || quoted.person)) {
      return verdict('speaker', `the page gives these words to ${other ?? quoted.name}, not the speaker ${claim.speakerId}`);
    }
  }

  // Time: a page dated before the statement cannot report it.
  const d = date();
  const after = claim.saidOn.bounds?.after;
  if (d && after && compareToDay(d, after) <= 0 && outsideWindow(d, { after })) {
    return verdict('time', `the page is dated ${fmt(d)}, before the statement (after ${after})`);
  }
  if (d && claim.saidOn.date && claim.saidOn.precision === 'day' && outsideWindow(d, { after: daysBefore(claim.saidOn.date, 2) })) {
    return verdict('time', `the page is dated ${fmt(d)}, before the statement (${claim.saidOn.date})`);
  }
  return { veto: null, reasons, speakerNamed };
}

function fmt(d: DateRef): string {
  return [d.y, d.m, d.d].filter((x) => x !== undefined).map((x) => String(x).padStart(2, '0')).join('-');
}

/**
 * "YYYY-MM-DD" minus `n` days. A page may be dated the day before a statement's local date (time
 * zones), so the exclusive bound is two days before.
 */
function daysBefore(day: string, n: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) - n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * The passage's spellings of the terms it shares with the claim, heaviest first (at most five;
 * names are reasons of their own). Overlapping kanji bigrams join into the word they come from
 * ("共同", "同創", "創設", "設者" → "共同創設者"). Only for matches shown.
 */
export function sharedTerms(table: TermTable, doc: CompiledDoc, text: string, windowTerms: ArrayLike<number>): string[] {
  const docTerms = termSet(doc);
  const shared = new Set<number>();
  for (let i = 0; i < windowTerms.length; i++) if (docTerms.has(windowTerms[i]!)) shared.add(windowTerms[i]!);
  const lang = doc.lang === 'ja' ? 0 : 1;
  const spans: { start: number; end: number; w: number }[] = [];
  const seen = new Set<number>();
  forEachToken(text, 0, text.length, table, (t, start, end) => {
    if (t < 0 || !shared.has(t) || table.termEntity[t]! >= 0) return;
    const w = table.weight[lang * table.terms + t]!;
    const last = spans[spans.length - 1];
    // Kanji bigrams overlap by one character: join them into the word.
    if (last && start < last.end && end - start === 2) {
      last.end = Math.max(last.end, end);
      last.w = Math.max(last.w, w);
    } else if (!seen.has(t)) spans.push({ start, end, w });
    seen.add(t);
  });
  const out: string[] = [];
  for (const sp of spans.sort((a, b) => b.w - a.w)) {
    const word = text.slice(sp.start, sp.end);
    if (!out.includes(word)) out.push(word);
    if (out.length === 5) break;
  }
  return out;
}
