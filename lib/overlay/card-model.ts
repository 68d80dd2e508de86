/**
 * Card view-models: everything a card shows, already shaped and in the reader's language, from an
 * annotation plus the dataset catalog. Pure; the Preact card only lays it out.
 */

import type { Bilingual, ClaimKind, Lang, RelationType, Source } from '../dataset/types';
import type { Catalog } from './catalog';
import { formatWhen } from './dates';
import type { ClaimStatus, OverlayAnnotation, OverlayRelation, OverlaySaidOn } from './types';
import { claimStatus } from './types';
import { passageMatch, type PassageMatchKind } from './passage-match';
import { roleLine, rolesAt, whoLine } from './who';

export interface Who {
  name: string;
  roles: string;
  /** "Name — roles". */
  line: string;
}

export interface Where {
  /** The outlet that published the text, in the UI language ("AI日報", "CNBC", "GeekPark"). */
  outlet: string;
  /** For a digest: the outlet of the source it sums up ("CNBC"). */
  digestOf?: string;
  author?: string;
  editor?: string;
  /** The source's own headline, when the seed has it (never another outlet's headline). */
  title?: string;
  /** The bundled source view for this claim (opened by the background: no extension URL on the page). */
  source: SourceRef;
}

/** A claim's passage in the bundled source view, in `lang` when it has an anchor in it. */
export interface SourceRef {
  claimId: string;
  lang?: Lang;
}

/**
 * Who wrote a claim's text in a language: the outlet itself (no note), another outlet's
 * translation (the digest's Japanese of CNBC's English), or Counterpoint's own translation.
 */
export type TextOrigin = { by: 'source' } | { by: 'outlet'; outlet: string } | { by: 'counterpoint' };

/** The speaker's own reported words that a paraphrase restates (its `paraphraseOf`). */
export interface SpeakerWords {
  claimId: string;
  text: Bilingual;
  origin: Record<Lang, TextOrigin>;
  where: Where;
}

export interface RelatedItem {
  claimId: string;
  sourceId: string;
  type: RelationType;
  direction?: 'in' | 'out';
  who: Who;
  when: string | null;
  text: Bilingual;
  origin: Record<Lang, TextOrigin>;
  why: string | null;
  where: Where;
}

export type RelatedGroup = 'contradicts' | 'differs' | 'supports' | 'context';

/**
 * The page's passage under the highlight and how it relates to the claim (lib/overlay/passage-match.ts):
 * the card shows the passage and says why it differs whenever `match` is not 'same'.
 */
export interface PagePassage {
  /** The words on the page (no ruby readings). */
  text: string;
  /** The page's language for it (the matched anchor's). */
  lang: Lang;
  match: PassageMatchKind;
  /** For 'translation': whose translation the page shows (the source's translator, else its outlet). */
  translator?: string;
}

export interface CardModel {
  claimId: string;
  status: ClaimStatus;
  /** The claim's text in both languages (the dataset's, or the page quote when unknown). */
  text: Bilingual;
  /** Languages of `text` that are the team's translation (not in the source). */
  translated: Lang[];
  /** Who wrote `text` in each language. */
  origin: Record<Lang, TextOrigin>;
  kind: ClaimKind | null;
  /** "Paraphrased by CNBC": whose words a paraphrase is, or that a question is the outlet's. */
  attribution: string | null;
  /** For a paraphrase: the speaker's own reported words it restates. */
  speakerWords: SpeakerWords[];
  /** The dataset's editor's note for this claim, in the UI language. */
  note: string | null;
  /** The page's own text under the highlight. */
  quote: string;
  /** The passage as the reader sees it, and how it relates to the claim. */
  passage: PagePassage;
  who: Who;
  when: string;
  where: Where;
  related: Record<RelatedGroup, RelatedItem[]>;
  relatedCount: number;
}

/** An entity's name in the UI language (falls back to the id: the catalog may be partial). */
function nameOf(catalog: Catalog, id: string | undefined, ui: Lang): string | undefined {
  if (!id) return undefined;
  const e = catalog.entity(id);
  return e?.name[ui] || e?.name.en || id;
}

/**
 * The "where" without the author when the "who" line already names them (an outlet's own statement
 * names its author there; so does the author's own assessment): one name, said once.
 */
function withoutRepeat(where: Where, who: Who): Where {
  if (!where.author || !who.line.includes(where.author)) return where;
  const { author: _said, ...rest } = where;
  return rest;
}

function whereOf(catalog: Catalog, source: Source | undefined, sourceId: string, ui: Lang, ref: SourceRef): Where {
  if (!source) return { outlet: sourceId, source: ref };
  const digested = source.digestOf ? catalog.source(source.digestOf) : undefined;
  return {
    outlet: nameOf(catalog, source.publisherId, ui) ?? sourceId,
    ...(digested ? { digestOf: nameOf(catalog, digested.publisherId, ui) } : {}),
    ...(source.authorId ? { author: nameOf(catalog, source.authorId, ui) } : {}),
    ...(source.editorId ? { editor: nameOf(catalog, source.editorId, ui) } : {}),
    ...(source.title ? { title: source.title[ui] || source.title.ja || source.title.en } : {}),
    source: ref,
  };
}

function originOf(catalog: Catalog, translated: readonly Lang[] | undefined, source: Source | undefined, ui: Lang): Record<Lang, TextOrigin> {
  const one = (lang: Lang): TextOrigin => {
    if (translated?.includes(lang)) return { by: 'counterpoint' };
    const by = source?.translatedBy?.[lang];
    return by ? { by: 'outlet', outlet: nameOf(catalog, by, ui)! } : { by: 'source' };
  };
  return { ja: one('ja'), en: one('en') };
}

function attributionOf(kind: ClaimKind | undefined, where: Where, ui: Lang): string | null {
  if (kind === 'paraphrase') return ui === 'ja' ? `${where.outlet}による言い換え` : `Paraphrased by ${where.outlet}`;
  if (kind === 'question') return ui === 'ja' ? `${where.outlet}の記事が読者に投げかける問い` : `A question ${where.outlet} puts to its readers`;
  return null;
}

function whoOf(
  catalog: Catalog,
  speaker: { id: string; name: Bilingual },
  date: string | null | undefined,
  source: Source | undefined,
  ui: Lang,
): Who {
  const entity = catalog.entity(speaker.id);
  const name = entity?.name[ui] || speaker.name[ui] || speaker.name.en || speaker.id;
  let roles = roleLine(rolesAt(entity, date), ui);
  // An unattributed fact is the outlet's: name its author when the source has one.
  const author = nameOf(catalog, source?.authorId, ui);
  if (entity && (entity.kind === 'outlet' || entity.kind === 'organization') && author && !roles) {
    roles = ui === 'ja' ? `著者 ${author}` : `author ${author}`;
  }
  return { name, roles, line: whoLine(name, roles) };
}

/** The date a role is read against: the claim's date, else its lower bound, else the source's. */
function referenceDate(saidOn: OverlaySaidOn | undefined, source: Source | undefined): string | null {
  if (saidOn?.date) return saidOn.date;
  if (saidOn?.bounds?.after) return saidOn.bounds.after;
  return source?.publishedOn?.date ?? null;
}

const GROUP_OF: Record<RelationType, RelatedGroup> = {
  contradicts: 'contradicts',
  differs: 'differs',
  supports: 'supports',
  contextualizes: 'context',
};

export interface CardModelOptions {
  ui: Lang;
  /** The passage as the reader sees it (lib/overlay/passages.ts `passageText`); default: the annotation's quote. */
  passage?: string;
}

export function buildCardModel(ann: OverlayAnnotation, catalog: Catalog, opts: CardModelOptions): CardModel {
  const { ui } = opts;
  const claim = catalog.claim(ann.claimId);
  const source = catalog.source(ann.sourceId);
  const saidOn: OverlaySaidOn = claim?.saidOn ?? ann.saidOn;

  const related: Record<RelatedGroup, RelatedItem[]> = { contradicts: [], differs: [], supports: [], context: [] };
  const seen = new Set<string>();
  const relations: OverlayRelation[] = ann.relations;
  for (const r of relations) {
    const key = `${r.type}:${r.claimId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const other = catalog.claim(r.claimId);
    const otherSource = catalog.source(r.sourceId);
    const otherSaidOn = other?.saidOn;
    const why =
      r.why?.[ui] ||
      catalog.relationsOf(ann.claimId).find(
        (x) => x.type === r.type && ((x.from === ann.claimId && x.to === r.claimId) || (x.to === ann.claimId && x.from === r.claimId)),
      )?.why[ui] ||
      null;
    const otherWho = whoOf(catalog, r.speaker, referenceDate(otherSaidOn, otherSource), otherSource, ui);
    related[GROUP_OF[r.type]].push({
      claimId: r.claimId,
      sourceId: r.sourceId,
      type: r.type,
      direction: r.direction,
      who: otherWho,
      when: otherSaidOn ? formatWhen(otherSaidOn, ui, otherSource?.publishedOn) : null,
      text: other?.text ?? r.text,
      origin: originOf(catalog, other?.translated, otherSource, ui),
      why,
      where: withoutRepeat(whereOf(catalog, otherSource, r.sourceId, ui, { claimId: r.claimId, lang: ui }), otherWho),
    });
  }
  // Other coverage first: claims from another source before ones from the same article.
  for (const list of Object.values(related)) {
    list.sort((a, b) => Number(a.sourceId === ann.sourceId) - Number(b.sourceId === ann.sourceId));
  }

  const who = whoOf(catalog, ann.speaker, referenceDate(saidOn, source), source, ui);
  const where = withoutRepeat(whereOf(catalog, source, ann.sourceId, ui, { claimId: ann.claimId, ...(ann.lang ? { lang: ann.lang } : {}) }), who);
  const speakerWords: SpeakerWords[] = [];
  for (const id of claim?.paraphraseOf ?? []) {
    const words = catalog.claim(id);
    if (!words) continue;
    const wordsSource = catalog.source(words.sourceId);
    speakerWords.push({
      claimId: id,
      text: words.text,
      origin: originOf(catalog, words.translated, wordsSource, ui),
      where: whereOf(catalog, wordsSource, words.sourceId, ui, { claimId: id, lang: ui }),
    });
  }

  const passageLang: Lang = ann.lang ?? (source?.language.length === 1 ? source.language[0] : ui);
  const passageWords = (opts.passage ?? ann.quote).replace(/\s+/g, ' ').trim();
  const match = passageMatch({
    passage: passageWords,
    lang: passageLang,
    method: ann.method,
    score: ann.score,
    claimText: claim?.text ?? { ja: ann.quote, en: ann.quote },
    translated: claim?.translated ?? [],
    sourceTitle: source?.title,
    sourceHasLang: source ? (source.language as readonly Lang[]).includes(passageLang) : undefined,
  });
  const translatorId = source?.translatedBy?.[passageLang] ?? source?.publisherId;
  const passage: PagePassage = {
    text: passageWords,
    lang: passageLang,
    match,
    ...(match === 'translation' && translatorId ? { translator: nameOf(catalog, translatorId, ui) } : {}),
  };

  return {
    claimId: ann.claimId,
    status: claimStatus(relations),
    text: claim?.text ?? { ja: ann.quote, en: ann.quote },
    translated: claim?.translated ?? [],
    origin: originOf(catalog, claim?.translated, source, ui),
    kind: claim?.kind ?? null,
    attribution: attributionOf(claim?.kind, where, ui),
    speakerWords,
    note: claim?.note?.[ui] ?? null,
    quote: ann.quote,
    passage,
    who,
    when: formatWhen(saidOn, ui, source?.publishedOn),
    where,
    related,
    relatedCount: Object.values(related).reduce((n, list) => n + list.length, 0),
  };
}

export interface Summary {
  claims: number;
  /** Claims another article contradicts (a `contradicts` relation): the only "contested" ones. */
  contested: number;
  /** Claims with another view to weigh (`differs`) and none contradicting them. */
  otherViews: number;
  supported: number;
}

/** Badge summary: how many claims, how many contested, how many with another view. */
export function summarize(statuses: readonly ClaimStatus[]): Summary {
  const out: Summary = { claims: statuses.length, contested: 0, otherViews: 0, supported: 0 };
  for (const s of statuses) {
    if (s === 'contested') out.contested++;
    else if (s === 'other-view') out.otherViews++;
    else if (s === 'supported') out.supported++;
  }
  return out;
}
