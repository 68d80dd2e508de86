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
  /**
   * The headline this source itself published, when the seed has it. Absent when the seed does not
   * carry the outlet's own headline (the CNBC body in seed 003 comes under the digest's headline,
   * which CNBC did not write): no source is shown under a headline it did not write.
   */
  title?: Bilingual;
  /** The outlet that published this text (an entity of kind `outlet`). */
  publisherId: string;
  /** Byline and editor, when the seed names them (entities of kind `person`). */
  authorId?: string;
  editorId?: string;
  language: ['ja'] | ['ja', 'en'];
  publishedOn: DatedBy;
  /**
   * Who wrote this source's text in a language other than the one the outlet published it in:
   * e.g. the CNBC body's Japanese is the digest's translation (`{ ja: "ai-nippo" }`). Entity ids.
   * Counterpoint's own translations are marked per claim (`Claim.translated`), not here.
   */
  translatedBy?: Partial<Record<Lang, string>>;
  /** For a digest or summary of another source: that source's id. */
  digestOf?: string;
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

/**
 * - `quote`: apart from the attribution ("X said"), the text is the speaker's own words, in quotation marks.
 * - `paraphrase`: the outlet's words for what the speaker said (it may hold quoted fragments).
 * - `fact`: the outlet states something as fact (speaker: the outlet).
 * - `assessment`: the outlet's or author's own judgement.
 * - `question`: a question the outlet puts to its readers (framing, not a statement).
 */
export type ClaimKind = 'quote' | 'paraphrase' | 'fact' | 'assessment' | 'question';

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
  /**
   * For a paraphrase: the claims that carry the speaker's own reported words it restates (e.g. the
   * digest's "declared xAI a failure" → CNBC's quote "kind of a failure, frankly"), so the card can
   * show them beside the paraphrase. Same speaker; quotes or closer paraphrases.
   */
  paraphraseOf?: string[];
  /** An editor's note the card shows with the claim (e.g. a figure the same article gives differently). */
  note?: Bilingual;
}

/**
 * How one claim bears on another (the rubric, with examples, is in data/README.md):
 * - `contradicts`: both cannot be true as stated, about the same subject (event, quantity, cause or
 *   prediction). Only these make a claim "contested" (red, and the badge's count).
 * - `differs`: another view the reader should weigh: a different assessment or emphasis on the same
 *   subject, where both statements can be true. Never shown in the contradicted style.
 * - `supports`: one gives evidence for the same proposition as the other.
 * - `contextualizes`: background that helps read the other.
 */
export type RelationType = 'supports' | 'contradicts' | 'differs' | 'contextualizes';

export const RELATION_TYPES: readonly RelationType[] = ['supports', 'contradicts', 'differs', 'contextualizes'];

/** The exact words of each side a relation rests on: substrings of the claims' texts (ja or en). */
export interface RelationBasis {
  from: string;
  to: string;
}

export interface Relation {
  from: string;
  to: string;
  type: RelationType;
  basis: RelationBasis;
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
