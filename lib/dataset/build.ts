/**
 * Builds `data/claims.json` from the human-edited authoring file `data/claims.authoring.json`.
 *
 * Authors point at passages by quote, never by hand-counted offsets: each anchor gives `lang` and
 * `exact` (plus a `prefix`/`suffix` hint when the quote recurs), and the builder locates it inside
 * the source's region for that language, failing when the quote is not found or is ambiguous.
 * Regions are given by marker strings. Claim texts default to the anchor quotes; `translated`
 * is filled in for languages the source does not have. Pure: seeds are passed in.
 */
import { locateAnchor, occurrences, type AnchorQuery, type Range } from './anchors';
import type { Anchor, Bilingual, Claim, DatedBy, Dataset, Entity, Lang, Relation, Source, SourceRegion, Story } from './types';

/** A region of a seed, given by markers: from the start of `startAt` (or the seed start) to the start of `endBefore` (or the seed end). */
export interface AuthoringRegion {
  lang: Lang;
  startAt: string | null;
  endBefore: string | null;
  label?: string;
}

export interface AuthoringSource extends Omit<Source, 'regions'> {
  regions?: AuthoringRegion[];
  /** saidOn for claims of this source that do not give their own. */
  defaultSaidOn?: DatedBy;
}

export interface AuthoringClaim extends Omit<Claim, 'anchors' | 'text' | 'saidOn' | 'translated'> {
  saidOn?: DatedBy;
  /** Defaults: the first anchor's exact text in each language. */
  text?: Partial<Bilingual>;
  /** Added to the languages the source lacks (those are always translated). */
  translated?: Lang[];
  anchors: AnchorQuery[];
}

export interface AuthoringFile {
  /** Free-form notes for editors; not copied to claims.json. */
  $comment?: string | string[];
  sources: AuthoringSource[];
  entities: Entity[];
  claims: AuthoringClaim[];
  relations: Relation[];
  /** Copied to claims.json as they are. */
  stories?: Story[];
  aliasNotes?: Record<string, Record<string, string>>;
}

export interface BuildResult {
  dataset: Dataset;
  /** Messages naming the record and field, e.g. `claim s000-x: anchors[1] "…" not found`. */
  errors: string[];
}

function resolveMarker(seed: string, marker: string): number | string {
  const at = occurrences(seed, marker);
  if (at.length === 1) return at[0]!;
  return at.length === 0 ? `marker ${JSON.stringify(marker)} not found` : `marker ${JSON.stringify(marker)} occurs ${at.length} times`;
}

export function buildDataset(authoring: AuthoringFile, seeds: Readonly<Record<string, string>>): BuildResult {
  const errors: string[] = [];
  const sources: Source[] = [];
  const sourceById = new Map<string, { source: Source; seed: string | undefined; defaultSaidOn?: DatedBy }>();

  for (const a of authoring.sources) {
    const { regions: markerRegions, defaultSaidOn, ...rest } = a;
    const seed = seeds[a.seedFile];
    if (seed === undefined) errors.push(`source ${a.id}: seedFile "${a.seedFile}" is not a seed file`);
    const source: Source = { ...rest };
    if (markerRegions && seed !== undefined) {
      const regions: SourceRegion[] = [];
      markerRegions.forEach((r, j) => {
        const start = r.startAt === null ? 0 : resolveMarker(seed, r.startAt);
        const end = r.endBefore === null ? seed.length : resolveMarker(seed, r.endBefore);
        if (typeof start === 'string') errors.push(`source ${a.id}: regions[${j}].startAt ${start}`);
        if (typeof end === 'string') errors.push(`source ${a.id}: regions[${j}].endBefore ${end}`);
        if (typeof start === 'number' && typeof end === 'number') {
          regions.push({ lang: r.lang, start, end, ...(r.label ? { label: r.label } : {}) });
        }
      });
      source.regions = regions;
    }
    sources.push(source);
    sourceById.set(a.id, { source, seed, defaultSaidOn });
  }

  const claims: Claim[] = [];
  for (const a of authoring.claims) {
    const s = `claim ${a.id}`;
    const src = sourceById.get(a.sourceId);
    if (!src) errors.push(`${s}: sourceId "${a.sourceId}" does not resolve to a source`);
    const anchors: Anchor[] = [];
    a.anchors.forEach((q, j) => {
      if (!src?.seed) return;
      const regions: Range[] | undefined = src.source.regions?.filter((r) => r.lang === q.lang);
      const found = locateAnchor(src.seed, q, regions);
      if (found.ok) anchors.push(found.anchor);
      else errors.push(`${s}: anchors[${j}] (${q.lang}) ${found.message}`);
    });
    const languages = src?.source.language ?? [];
    const text: Partial<Bilingual> = {};
    for (const lang of ['ja', 'en'] as const) {
      const t = a.text?.[lang] ?? anchors.find((x) => x.lang === lang)?.exact;
      if (t === undefined) errors.push(`${s}: text.${lang} is missing and there is no ${lang} anchor to default to`);
      else text[lang] = t;
    }
    const translated = (['ja', 'en'] as const).filter(
      (lang) => !(languages as readonly Lang[]).includes(lang) || (a.translated ?? []).includes(lang),
    );
    const saidOn = a.saidOn ?? src?.defaultSaidOn;
    if (!saidOn) errors.push(`${s}: saidOn is missing and source ${a.sourceId} has no defaultSaidOn`);
    const claim: Claim = {
      id: a.id,
      sourceId: a.sourceId,
      speakerId: a.speakerId,
      kind: a.kind,
      ...(a.section !== undefined ? { section: a.section } : {}),
      saidOn: saidOn ?? { date: null, precision: 'unknown', evidence: '' },
      ...(a.eventOn !== undefined ? { eventOn: a.eventOn } : {}),
      text: { ja: text.ja ?? '', en: text.en ?? '' },
      ...(translated.length > 0 ? { translated } : {}),
      anchors,
      ...(a.paraphraseOf !== undefined ? { paraphraseOf: a.paraphraseOf } : {}),
      ...(a.note !== undefined ? { note: a.note } : {}),
    };
    claims.push(claim);
  }

  return {
    dataset: {
      sources,
      entities: authoring.entities,
      claims,
      relations: authoring.relations,
      ...(authoring.stories ? { stories: authoring.stories } : {}),
      ...(authoring.aliasNotes ? { aliasNotes: authoring.aliasNotes } : {}),
    },
    errors,
  };
}

/** The canonical JSON text of `data/claims.json`. */
export function serializeDataset(d: Dataset): string {
  return `${JSON.stringify(d, null, 2)}\n`;
}
