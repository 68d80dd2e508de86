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
  /** Optional: the reported events (see `Story`). */
  stories?: Story[];
  /**
   * Optional: where an alias no seed contains comes from, per entity id and alias ("トニー・ウー":
   * "katakana transliteration in Japanese coverage"). Every such alias needs a note.
   */
  aliasNotes?: Record<string, Record<string, string>>;
}

/**
 * A story: one reported event (a departure, an interview), the people it is about, when it
 * happened and the dataset articles that report it. The restatement tier recognises a page that
 * reports it even when no sentence matches a claim (lib/restate/stories.ts).
 */
export interface Story {
  id: string;
  /** Short label, e.g. "xAI co-founder Tony Wu leaves". */
  title: Bilingual;
  /** The event in one sentence, in both languages: what a page reporting it says. */
  event: Bilingual;
  /** Entity ids of the people who must be named where the event is reported (kind person). */
  people: string[];
  /** When the event happened, only as precise as the sources support. */
  eventOn: DatedBy;
  /**
   * Exclusive bounds on when a report of the event can be dated (a page published before the
   * event cannot report it); same form as `DatedBy.bounds`.
   */
  window: { after?: string; before?: string };
  /** The dataset's articles reporting the event. */
  sources: string[];
  /** Key claims, shown with the story; each from one of `sources`. */
  claims: string[];
}
