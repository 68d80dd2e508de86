/**
 * Types of the bundled claims dataset (`data/claims.json`). Field names are fixed by the dataset
 * issue: other tools read them. The runtime validator beside this file (`validate.ts`) checks a
 * parsed JSON value against these types and against the seed texts.
 */

export type Lang = 'ja' | 'en';

/** Text in both UI languages. */
export interface Bilingual {
  ja: string;
  en: string;
}

/** How precise a date is; never more precise than the text supports. */
export type DatePrecision = 'day' | 'month' | 'year' | 'unknown';

export interface DatedBy {
  /** "YYYY-MM-DD" | "YYYY-MM" | "YYYY", or null when the text gives no date. */
  date: string | null;
  precision: DatePrecision;
  /** Where the date comes from, or why it is unknown and what bounds the text gives. */
  evidence: string;
  /** Optional bounds when `date` is null, e.g. { after: "2026-03-31" }. */
  bounds?: { after?: string; before?: string };
}

export interface Source {
  id: string;
  /** File name under `data/sources/` (an unchanged copy of the seed). */
  seedFile: string;
  title: Bilingual;
  publisher: string;
  author?: string;
  editor?: string;
  language: ['ja'] | ['ja', 'en'];
  publishedOn: DatedBy;
  /** For a digest/translation of another outlet's piece: the original outlet. */
  originalOutlet?: string;
  /** Free-form notes on provenance (e.g. "Japanese digest of a CNBC interview"). */
  provenance?: string;
  /** Languages of `title` that are the team's translation (the seed has no such title). */
  titleTranslated?: Lang[];
  /**
   * Where in `seedFile` this source's text lies, per language. When several sources share one
   * seed file (003: Japanese digest parts vs. the CNBC article body) or a seed repeats its text
   * (000), every anchor of a claim of this source must lie inside a region of the anchor's lang.
   */
  regions?: SourceRegion[];
}

/** A half-open [start, end) range of a seed file (JavaScript string indexes). */
export interface SourceRegion {
  lang: Lang;
  start: number;
  end: number;
  /** What this part of the seed is, e.g. "CNBC article body (English original)". */
  label?: string;
}

export type EntityKind = 'person' | 'organization' | 'outlet' | 'group';

export interface Role {
  role: Bilingual;
  from?: string;
  to?: string;
}

export interface Entity {
  id: string;
  kind: EntityKind;
  name: Bilingual;
  /** Every spelling the seeds use (ルカン / レクン / LeCun …). */
  aliases: string[];
  roles: Role[];
}

export type ClaimKind = 'quote' | 'paraphrase' | 'fact' | 'assessment';

/** A W3C TextQuoteSelector-like anchor into a seed file, plus its position. */
export interface Anchor {
  lang: Lang;
  /** Exact seed text at [start, end) (JavaScript string indexes into the seed file). */
  exact: string;
  start: number;
  end: number;
  /** Up to 32 characters before `start` / after `end`. */
  prefix: string;
  suffix: string;
}

export interface Claim {
  id: string;
  sourceId: string;
  /** The person quoted; for an unattributed fact or the author's own assessment, the outlet or author. */
  speakerId: string;
  kind: ClaimKind;
  saidOn: DatedBy;
  text: Bilingual;
  /** Languages of `text` that are the team's translation, not found in the seed. */
  translated?: Lang[];
  anchors: Anchor[];
  /** Optional marker, e.g. "related-article-blurb". */
  section?: string;
  /**
   * When the event a fact reports happened, if the text says so (distinct from `saidOn`, the
   * date the statement was made or published). E.g. a departure "last August".
   */
  eventOn?: DatedBy;
}

export type RelationType = 'supports' | 'contradicts' | 'contextualizes';

export interface Relation {
  from: string;
  to: string;
  type: RelationType;
  why: Bilingual;
}

export interface Dataset {
  sources: Source[];
  entities: Entity[];
  claims: Claim[];
  relations: Relation[];
}
