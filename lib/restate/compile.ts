/**
 * Dataset → the restatement tier's compiled index (format.ts). Build time only (called by
 * lib/index/compile.ts), so the word lists, the stemmer's string form and the fact parser stay out
 * of the content script.
 *
 * Terms: every claim text (both languages) and story event is tokenised (tokenize.ts); each token
 * key is mapped to its term: an entity (`@id`, when the key spells one of its aliases), a synonym
 * group (`~leave`, lexicon.ts), or itself. The table also lists the keys a page may use for the
 * same terms without the claims using them: the other members of each group used, the entities'
 * aliases, irregular forms ("left" → leave), and the stopwords (so the scan does not count them).
 *
 * Weights: BM25's idf over the claim texts of each language, N = number of claims,
 * idf = ln(1 + (N − df + 0.5) / (df + 0.5)); common news words (lexicon.COMMON_EN) are weighed
 * down by COMMON_WEIGHT. Story event texts are weighed with the claims' idf but do not count in it.
 */

import type { Dataset, Lang } from '../dataset/types';
import { extractFacts, hasFacts } from './facts';
import type { CompiledDoc, CompiledEntity, CompiledRestate, CompiledStory, Negation } from './format';
import { RESTATE_VERSION } from './format';
import { findEntities } from './entities';
import { insideSpans, negatedSpans, negatesLoosely } from './negation';
import { ANTONYMS, COMMON_EN, CONCEPTS, IRREGULAR_EN, STOPWORDS_EN } from './lexicon';
import { stemEn } from './stem';
import { COMMON_WEIGHT } from './thresholds';
import { tokenize } from './tokenize';

/** Words of multi-word names that do not name anyone by themselves ("AMI Labs" → not "labs"). */
const GENERIC_NAME_WORDS = new Set(['labs', 'lab', 'inc', 'corp', 'group', 'administration', 'company', 'the', 'of', 'and', 'park', 'news', 'daily']);

const LANGS: readonly Lang[] = ['ja', 'en'];

/** Claim kinds the tier matches. */
const RESTATABLE_KINDS: ReadonlySet<string> = new Set(['quote', 'paraphrase', 'fact', 'assessment']);

/** The single token key of a word, or null when it is not one token. */
function singleKey(word: string): string | null {
  const t = tokenize(word);
  return t.length === 1 && t[0]!.start === 0 && t[0]!.end === word.length ? t[0]!.key : null;
}

/** A doc's `negation` field: omitted when the text negates nothing. */
function negationOf(terms: Set<number>, loose: boolean): { negation?: Negation } {
  return terms.size > 0 || loose ? { negation: { terms: [...terms].sort((a, b) => a - b), loose } } : {};
}

export function compileRestate(dataset: Dataset): CompiledRestate {
  // ---------------------------------------------------------------- key → canonical term label
  const stop = new Set<string>();
  for (const w of STOPWORDS_EN) stop.add(stemEn(w));
  const commonStems = new Set([...COMMON_EN].map((w) => stemEn(w)));
  const entityOf = new Map<string, string>();
  // Single-token aliases first (they decide a word shared with a multi-word name: "Google").
  const entities: CompiledEntity[] = dataset.entities.map((e) => ({
    id: e.id,
    kind: e.kind,
    name: e.name,
    aliases: [...new Set([e.name.ja, e.name.en, ...e.aliases])].filter((a) => a.trim().length > 0),
    tokenised: false,
  }));
  for (const e of entities) {
    for (const a of e.aliases) {
      const k = singleKey(a);
      if (k && !entityOf.has(k)) entityOf.set(k, `@${e.id}`);
    }
  }
  // Words of people's multi-word names ("Tony", "Wu", "イーロン"): a person is often named by one of
  // them. Not organisations' ("オープン" of "オープンAI", "ai" are common words).
  for (const e of entities) {
    if (e.kind !== 'person') continue;
    for (const a of e.aliases) {
      const toks = tokenize(a);
      if (toks.length < 2) continue;
      for (const t of toks) {
        if (t.script === 'kanji' || t.key.length < 2) continue;
        if (stop.has(t.key) || GENERIC_NAME_WORDS.has(t.key) || commonStems.has(t.key)) continue;
        if (!entityOf.has(t.key)) entityOf.set(t.key, `@${e.id}`);
      }
    }
  }
  // A person's name written in kanji (吴宇怀) is a run of bigrams: each names the person, unless
  // some claim uses it as an ordinary word.
  const claimKeys = new Set(dataset.claims.flatMap((c) => [...tokenize(c.text.ja ?? ''), ...tokenize(c.text.en ?? '')].map((t) => t.key)));
  for (const e of entities) {
    if (e.kind !== 'person') continue;
    for (const a of e.aliases) {
      const toks = tokenize(a);
      if (toks.length < 2 || !toks.every((t) => t.script === 'kanji' && t.key.length === 2)) continue;
      if (toks.some((t) => claimKeys.has(t.key) || entityOf.has(t.key))) continue;
      for (const t of toks) entityOf.set(t.key, `@${e.id}`);
    }
  }
  for (const e of entities) {
    e.tokenised = e.aliases.every((a) => tokenize(a).some((t) => entityOf.get(t.key) === `@${e.id}`));
  }
  const conceptOf = new Map<string, string>();
  for (const group of CONCEPTS) {
    const label = `~${group[0]}`;
    for (const member of group) {
      const k = /^[\x00-\x7f]+$/.test(member) ? stemEn(member.toLowerCase()) : singleKey(member);
      if (k && !conceptOf.has(k) && !entityOf.has(k)) conceptOf.set(k, label);
    }
  }
  const irregular = new Map<string, string>();
  for (const [form, base] of Object.entries(IRREGULAR_EN)) {
    const k = stemEn(form);
    const b = stemEn(base);
    if (k !== b) irregular.set(k, b);
  }
  const canon = (key: string): string | null => {
    // Names, then synonym groups (deliberate content words: "quit" is not the stopword "quite",
    // though both stem to "quit"), then stopwords.
    const ent = entityOf.get(key) ?? conceptOf.get(key);
    if (ent) return ent;
    if (stop.has(key)) return null;
    const k = irregular.get(key) ?? key;
    if (stop.has(k)) return null;
    return entityOf.get(k) ?? conceptOf.get(k) ?? k;
  };

  // ---------------------------------------------------------------- documents
  const termIndex = new Map<string, number>();
  const terms: string[] = [];
  const termOf = (label: string): number => {
    let t = termIndex.get(label);
    if (t === undefined) {
      t = terms.length;
      terms.push(label);
      termIndex.set(label, t);
    }
    return t;
  };
  const speakerKind = new Map(dataset.entities.map((e) => [e.id, e.kind]));
  const docs: CompiledDoc[] = [];
  const makeDoc = (owner: number, lang: Lang, text: string, speakerId?: string, attributed = false): CompiledDoc => {
    const toks = tokenize(text);
    const ts = new Set<number>();
    const negTerms = new Set<number>();
    const spans = negatedSpans(text);
    let len = 0;
    for (const tok of toks) {
      const label = canon(tok.key);
      if (label === null) continue;
      len++;
      const t = termOf(label);
      ts.add(t);
      if (spans.length > 0 && insideSpans(spans, tok.start, tok.end)) negTerms.add(t);
    }
    const ents = new Set(findEntities(text, entities).keys());
    // The speaker of a quote or paraphrase is part of what the claim says ("LeCun said …").
    if (speakerId && speakerKind.get(speakerId) === 'person' && attributed) ents.add(speakerId);
    const facts = extractFacts(text);
    return { owner, lang, t: [...ts].sort((a, b) => a - b), len, ents: [...ents].sort(), ...(hasFacts(facts) ? { facts } : {}), ...negationOf(negTerms, negatesLoosely(text)) };
  };
  dataset.claims.forEach((claim, c) => {
    // Questions the author asks ("will Musk's AI ambitions go on?") state nothing to restate, and
    // their few general words match many passages: the first tier still finds them copied.
    if (!RESTATABLE_KINDS.has(claim.kind)) return;
    for (const lang of LANGS) {
      const text = claim.text[lang];
      if (text && text.trim()) docs.push(makeDoc(c, lang, text, claim.speakerId, claim.kind === 'quote' || claim.kind === 'paraphrase'));
    }
  });
  const claimDocs = docs.length;
  // Antonym pairs of which a claim uses one side: both become terms, so the page scan reads the
  // other side too (verify.ts's `antonym` veto).
  const antonyms: Array<[number, number]> = [];
  for (const [a, b] of ANTONYMS) {
    if (termIndex.has(`~${a}`) || termIndex.has(`~${b}`)) antonyms.push([termOf(`~${a}`), termOf(`~${b}`)]);
  }

  // Weights: idf per language over the claims' texts.
  const weight = { ja: new Array<number>(terms.length).fill(0), en: new Array<number>(terms.length).fill(0) };
  const avgLen = { ja: 0, en: 0 };
  for (const lang of LANGS) {
    const own = docs.filter((d) => d.lang === lang);
    const n = own.length;
    avgLen[lang] = n ? +(own.reduce((s, d) => s + d.len, 0) / n).toFixed(2) : 1;
    const df = new Map<number, number>();
    for (const d of own) for (const t of d.t) df.set(t, (df.get(t) ?? 0) + 1);
    for (const [t, f] of df) {
      const idf = Math.log(1 + (n - f + 0.5) / (f + 0.5));
      const label = terms[t]!;
      weight[lang][t] = +(idf * (commonStems.has(label) ? COMMON_WEIGHT : 1)).toFixed(3);
    }
  }

  // ---------------------------------------------------------------- stories
  const claimIndex = new Map(dataset.claims.map((c, i) => [c.id, i]));
  const claimStory = new Array<number>(dataset.claims.length).fill(-1);
  const stories: CompiledStory[] = (dataset.stories ?? []).map((s, si) => {
    const sources = new Set(s.sources);
    dataset.claims.forEach((c, i) => {
      if (sources.has(c.sourceId) && claimStory[i] === -1) claimStory[i] = si;
    });
    const storyDocs: number[] = [];
    for (const lang of LANGS) {
      storyDocs.push(docs.length);
      const doc = makeDoc(-1 - si, lang, s.event[lang]);
      for (const p of s.people) if (!doc.ents.includes(p)) doc.ents.push(p);
      docs.push(doc);
    }
    return {
      id: s.id,
      title: s.title,
      people: s.people,
      eventOn: { date: s.eventOn.date, precision: s.eventOn.precision, ...(s.eventOn.bounds ? { bounds: s.eventOn.bounds } : {}) },
      window: s.window,
      sources: s.sources,
      claims: s.claims.map((id) => claimIndex.get(id)).filter((i): i is number => i !== undefined),
      docs: storyDocs,
    };
  });
  // Story event texts may bring terms no claim has: weigh them as the rarest (df = 1).
  for (let d = claimDocs; d < docs.length; d++) {
    const doc = docs[d]!;
    const n = docs.slice(0, claimDocs).filter((x) => x.lang === doc.lang).length;
    for (const t of doc.t) {
      if (weight[doc.lang][t] === undefined) weight[doc.lang][t] = 0;
      if (weight[doc.lang][t] === 0) weight[doc.lang][t] = +Math.log(1 + (n - 0.5) / 1.5).toFixed(3);
    }
  }
  weight.ja.length = weight.en.length = terms.length;
  for (const lang of LANGS) for (let t = 0; t < terms.length; t++) weight[lang][t] ??= 0;

  // ---------------------------------------------------------------- the key table
  const used = new Set(terms);
  const keyTerm = new Map<string, number>();
  const addKey = (key: string): void => {
    if (keyTerm.has(key)) return;
    const label = canon(key);
    if (label === null) keyTerm.set(key, -1);
    else if (used.has(label)) keyTerm.set(key, termIndex.get(label)!);
  };
  for (const d of dataset.claims) for (const lang of LANGS) for (const tok of tokenize(d.text[lang] ?? '')) addKey(tok.key);
  for (const s of dataset.stories ?? []) for (const lang of LANGS) for (const tok of tokenize(s.event[lang])) addKey(tok.key);
  for (const k of [...entityOf.keys(), ...conceptOf.keys(), ...irregular.keys(), ...stop]) addKey(k);

  return {
    version: RESTATE_VERSION,
    keys: [...keyTerm.keys()],
    keyTerm: [...keyTerm.values()],
    terms,
    weight,
    avgLen,
    docs,
    claimKind: dataset.claims.map((c) => c.kind),
    claimStory,
    entities,
    stories,
    antonyms,
  };
}
