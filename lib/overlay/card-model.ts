/**
 * Card view-models: everything a card shows, already shaped and in the reader's language, from an
 * annotation plus the dataset catalog. Pure; the Preact card only lays it out.
 */

import type { Bilingual, Lang, RelationType, Source } from '../dataset/types';
import type { Catalog } from './catalog';
import { formatWhen } from './dates';
import type { ClaimStatus, OverlayAnnotation, OverlayRelation, OverlaySaidOn } from './types';
import { claimStatus } from './types';
import { roleLine, rolesAt, whoLine } from './who';

export interface Who {
  name: string;
  roles: string;
  /** "Name — roles". */
  line: string;
}

export interface Where {
  /** Outlet (and the original outlet for a digest). */
  outlet: string;
  author?: string;
  editor?: string;
  /** "Japanese" / "Japanese, English" in the UI language. */
  languages?: string;
  title?: string;
  /** The bundled source view for this claim (opened by the background: no extension URL on the page). */
  source: SourceRef;
}

/** A claim's passage in the bundled source view, in `lang` when it has an anchor in it. */
export interface SourceRef {
  claimId: string;
  lang?: Lang;
}

export interface RelatedItem {
  claimId: string;
  sourceId: string;
  type: RelationType;
  direction?: 'in' | 'out';
  who: Who;
  when: string | null;
  text: Bilingual;
  why: string | null;
  where: Where;
}

export type RelatedGroup = 'contradicts' | 'supports' | 'context';

export interface CardModel {
  claimId: string;
  status: ClaimStatus;
  /** The claim's text in both languages (the dataset's, or the page quote when unknown). */
  text: Bilingual;
  /** Languages of `text` that are the team's translation (not in the source). */
  translated: Lang[];
  /** The page's own text under the highlight. */
  quote: string;
  who: Who;
  when: string;
  where: Where;
  related: Record<RelatedGroup, RelatedItem[]>;
  relatedCount: number;
}

const LANG_NAMES: Record<Lang, Record<Lang, string>> = {
  en: { ja: 'Japanese', en: 'English' },
  ja: { ja: '日本語', en: '英語' },
};

export function languagesLine(langs: readonly Lang[] | undefined, ui: Lang): string | undefined {
  if (!langs || langs.length === 0) return undefined;
  return langs.map((l) => LANG_NAMES[ui][l]).join(ui === 'ja' ? '・' : ', ');
}

function whereOf(source: Source | undefined, sourceId: string, ui: Lang, ref: SourceRef): Where {
  if (!source) return { outlet: sourceId, source: ref };
  const orig = source.originalOutlet && source.originalOutlet !== source.publisher ? source.originalOutlet : null;
  const outlet = orig ? (ui === 'ja' ? `${source.publisher}(元記事: ${orig})` : `${source.publisher} (original: ${orig})`) : source.publisher;
  return {
    outlet,
    author: source.author,
    editor: source.editor,
    languages: languagesLine(source.language, ui),
    title: source.title?.[ui] || undefined,
    source: ref,
  };
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
  if (entity && (entity.kind === 'outlet' || entity.kind === 'organization') && source?.author && !roles) {
    roles = ui === 'ja' ? `著者 ${source.author}` : `author ${source.author}`;
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
  supports: 'supports',
  contextualizes: 'context',
};

export interface CardModelOptions {
  ui: Lang;
}

export function buildCardModel(ann: OverlayAnnotation, catalog: Catalog, opts: CardModelOptions): CardModel {
  const { ui } = opts;
  const claim = catalog.claim(ann.claimId);
  const source = catalog.source(ann.sourceId);
  const saidOn: OverlaySaidOn = claim?.saidOn ?? ann.saidOn;

  const related: Record<RelatedGroup, RelatedItem[]> = { contradicts: [], supports: [], context: [] };
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
    related[GROUP_OF[r.type]].push({
      claimId: r.claimId,
      sourceId: r.sourceId,
      type: r.type,
      direction: r.direction,
      who: whoOf(catalog, r.speaker, referenceDate(otherSaidOn, otherSource), otherSource, ui),
      when: otherSaidOn ? formatWhen(otherSaidOn, ui, otherSource?.publishedOn) : null,
      text: other?.text ?? r.text,
      why,
      where: whereOf(otherSource, r.sourceId, ui, { claimId: r.claimId, lang: ui }),
    });
  }
  // Other coverage first: claims from another source before ones from the same article.
  for (const list of Object.values(related)) {
    list.sort((a, b) => Number(a.sourceId === ann.sourceId) - Number(b.sourceId === ann.sourceId));
  }

  return {
    claimId: ann.claimId,
    status: claimStatus(relations),
    text: claim?.text ?? { ja: ann.quote, en: ann.quote },
    translated: claim?.translated ?? [],
    quote: ann.quote,
    who: whoOf(catalog, ann.speaker, referenceDate(saidOn, source), source, ui),
    when: formatWhen(saidOn, ui, source?.publishedOn),
    where: whereOf(source, ann.sourceId, ui, { claimId: ann.claimId, ...(ann.lang ? { lang: ann.lang } : {}) }),
    related,
    relatedCount: related.contradicts.length + related.supports.length + related.context.length,
  };
}

/** Badge summary: how many claims, how many of them contested. */
export function summarize(statuses: readonly ClaimStatus[]): { claims: number; contested: number; supported: number } {
  let contested = 0;
  let supported = 0;
  for (const s of statuses) {
    if (s === 'contested') contested++;
    else if (s === 'supported') supported++;
  }
  return { claims: statuses.length, contested, supported };
}
