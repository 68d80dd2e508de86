/**
 * Runtime validator of the bundled claims dataset (`data/claims.json`): the dataset's schema.
 *
 * Pure: it takes the parsed JSON value and the seed texts (keyed by `Source.seedFile`) and returns
 * every violation, each naming the record and the field, e.g.
 *   `claim s000-wu-leaves: anchors[0].exact does not equal seed text at [120,160)`.
 * Reading files is the caller's business (scripts/dataset-check.ts, tests).
 */
import { CONTEXT_LENGTH, selectorMatches } from './anchors';
import { RELATION_TYPES, type Claim, type Dataset, type Lang } from './types';
import { validateAliasNotes, validateStories } from './validate-stories';

export interface DatasetIssue {
  /** The record, e.g. `claim s000-wu-leaves`, `source s003`, `relation[4] (a -> b)`, `dataset`. */
  subject: string;
  /** The field path inside the record, e.g. `anchors[0].exact`. */
  field: string;
  message: string;
}

export interface ValidationResult {
  ok: boolean;
  errors: DatasetIssue[];
  /** Not violations, but worth a look (e.g. a quote selector that needs start/end to disambiguate). */
  warnings: DatasetIssue[];
}

export function formatIssue(issue: DatasetIssue): string {
  return issue.field ? `${issue.subject}: ${issue.field} ${issue.message}` : `${issue.subject}: ${issue.message}`;
}

const LANGS: readonly Lang[] = ['ja', 'en'];
const ENTITY_KINDS = ['person', 'organization', 'outlet', 'group'] as const;
const CLAIM_KINDS = ['quote', 'paraphrase', 'fact', 'assessment', 'question'] as const;
/** Relation types that read the same both ways: each must be recorded in both directions. */
const SYMMETRIC_TYPES: readonly string[] = ['contradicts', 'differs'];
const PRECISIONS = ['day', 'month', 'year', 'unknown'] as const;
const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const SOURCE_KEYS = [
  'id', 'seedFile', 'title', 'publisherId', 'authorId', 'editorId', 'language', 'publishedOn',
  'translatedBy', 'digestOf', 'provenance', 'titleTranslated', 'regions',
];
const ENTITY_KEYS = ['id', 'kind', 'name', 'aliases', 'roles'];
const CLAIM_KEYS = [
  'id', 'sourceId', 'speakerId', 'kind', 'saidOn', 'text', 'translated', 'anchors', 'section', 'eventOn',
  'paraphraseOf', 'note',
];
const ANCHOR_KEYS = ['lang', 'exact', 'start', 'end', 'prefix', 'suffix'];
const RELATION_KEYS = ['from', 'to', 'type', 'basis', 'why'];
const DATED_KEYS = ['date', 'precision', 'evidence', 'bounds'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Precision implied by a date string's form; null when the string is not a valid date. */
export function datePrecision(date: string): 'day' | 'month' | 'year' | null {
  const m = DATE_PATTERN.exec(date);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (mo !== undefined) {
    const month = Number(mo);
    if (month < 1 || month > 12) return null;
    if (d !== undefined) {
      const day = Number(d);
      const days = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
      if (day < 1 || day > days) return null;
      return 'day';
    }
    return 'month';
  }
  return 'year';
}

export class Checker {
  readonly errors: DatasetIssue[] = [];
  readonly warnings: DatasetIssue[] = [];
  error(subject: string, field: string, message: string): void {
    this.errors.push({ subject, field, message });
  }
  warn(subject: string, field: string, message: string): void {
    this.warnings.push({ subject, field, message });
  }

  unknownKeys(subject: string, prefix: string, value: Obj, allowed: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.error(subject, `${prefix}${key}`, 'is not a known field');
    }
  }

  string(subject: string, field: string, value: unknown, optional = false): value is string {
    if (value === undefined && optional) return false;
    if (!isNonEmptyString(value)) {
      this.error(subject, field, value === undefined ? 'is missing' : 'must be a non-empty string');
      return false;
    }
    return true;
  }

  bilingual(subject: string, field: string, value: unknown): void {
    if (!isObj(value)) {
      this.error(subject, field, value === undefined ? 'is missing' : 'must be an object {ja, en}');
      return;
    }
    this.unknownKeys(subject, `${field}.`, value, LANGS);
    for (const lang of LANGS) this.string(subject, `${field}.${lang}`, value[lang]);
  }

  date(subject: string, field: string, value: unknown): void {
    if (typeof value !== 'string' || datePrecision(value) === null) {
      this.error(subject, field, `must be a date "YYYY-MM-DD" | "YYYY-MM" | "YYYY" (got ${JSON.stringify(value)})`);
    }
  }

  langList(subject: string, field: string, value: unknown): Lang[] {
    if (!Array.isArray(value) || value.some((l) => !LANGS.includes(l as Lang))) {
      this.error(subject, field, 'must be an array of "ja" | "en"');
      return [];
    }
    if (new Set(value).size !== value.length) this.error(subject, field, 'has duplicate languages');
    return value as Lang[];
  }

  datedBy(subject: string, field: string, value: unknown): void {
    if (!isObj(value)) {
      this.error(subject, field, value === undefined ? 'is missing' : 'must be an object {date, precision, evidence}');
      return;
    }
    this.unknownKeys(subject, `${field}.`, value, DATED_KEYS);
    const { date, precision, evidence, bounds } = value;
    if (!PRECISIONS.includes(precision as (typeof PRECISIONS)[number])) {
      this.error(subject, `${field}.precision`, `must be one of ${PRECISIONS.join(', ')}`);
    }
    if (date === null) {
      if (precision !== 'unknown') this.error(subject, `${field}.precision`, 'must be "unknown" when date is null');
    } else if (typeof date !== 'string' || datePrecision(date) === null) {
      this.error(subject, `${field}.date`, `must be "YYYY-MM-DD" | "YYYY-MM" | "YYYY" | null (got ${JSON.stringify(date)})`);
    } else if (datePrecision(date) !== precision) {
      this.error(subject, `${field}.precision`, `is "${String(precision)}" but date "${date}" has ${datePrecision(date)} precision`);
    }
    this.string(subject, `${field}.evidence`, evidence);
    if (bounds !== undefined) {
      if (!isObj(bounds)) {
        this.error(subject, `${field}.bounds`, 'must be an object {after?, before?}');
      } else {
        this.unknownKeys(subject, `${field}.bounds.`, bounds, ['after', 'before']);
        if (bounds.after !== undefined) this.date(subject, `${field}.bounds.after`, bounds.after);
        if (bounds.before !== undefined) this.date(subject, `${field}.bounds.before`, bounds.before);
        if (typeof bounds.after === 'string' && typeof bounds.before === 'string' && bounds.after >= bounds.before) {
          this.error(subject, `${field}.bounds`, `after (${bounds.after}) must be earlier than before (${bounds.before})`);
        }
      }
    }
  }
}

interface SourceInfo {
  raw: Obj;
  languages: Lang[];
  seed: string | undefined;
  seedFile: string;
  regions: { lang: Lang; start: number; end: number }[] | undefined;
}

/**
 * Validates a parsed `data/claims.json` value against the dataset schema and the seed texts.
 * `seeds` maps each `Source.seedFile` to the seed file's full text.
 */
export function validateDataset(value: unknown, seeds: Readonly<Record<string, string>>): ValidationResult {
  const c = new Checker();
  if (!isObj(value)) {
    c.error('dataset', '', 'must be a JSON object {sources, entities, claims, relations}');
    return { ok: false, errors: c.errors, warnings: c.warnings };
  }
  c.unknownKeys('dataset', '', value, ['sources', 'entities', 'claims', 'relations', 'stories', 'aliasNotes']);
  const list = (key: string): unknown[] => {
    const v = value[key];
    if (!Array.isArray(v)) {
      c.error('dataset', key, v === undefined ? 'is missing' : 'must be an array');
      return [];
    }
    return v;
  };
  const sources = list('sources');
  const entities = list('entities');
  const claims = list('claims');
  const relations = list('relations');

  // Ids: well-formed and unique across the whole dataset.
  const seenIds = new Map<string, string>();
  const registerId = (kind: string, index: number, rec: Obj): string => {
    const id = rec.id;
    const subject = isNonEmptyString(id) ? `${kind} ${id}` : `${kind}[${index}]`;
    if (!isNonEmptyString(id)) {
      c.error(subject, 'id', 'is missing');
    } else {
      if (!ID_PATTERN.test(id)) c.error(subject, 'id', 'must be lowercase letters, digits and hyphens');
      const prior = seenIds.get(id);
      if (prior) c.error(subject, 'id', `is not unique (also used by ${prior})`);
      else seenIds.set(id, `${kind} ${id}`);
    }
    return subject;
  };

  // Sources.
  const sourceInfo = new Map<string, SourceInfo>();
  sources.forEach((raw, i) => {
    if (!isObj(raw)) return c.error(`source[${i}]`, '', 'must be an object');
    const s = `${registerId('source', i, raw)}`;
    c.unknownKeys(s, '', raw, SOURCE_KEYS);
    let seed: string | undefined;
    if (c.string(s, 'seedFile', raw.seedFile)) {
      seed = seeds[raw.seedFile];
      if (seed === undefined) c.error(s, 'seedFile', `"${raw.seedFile}" is not one of the seed files (${Object.keys(seeds).join(', ')})`);
    }
    if (raw.title !== undefined) c.bilingual(s, 'title', raw.title);
    c.string(s, 'publisherId', raw.publisherId);
    c.string(s, 'authorId', raw.authorId, true);
    c.string(s, 'editorId', raw.editorId, true);
    c.string(s, 'digestOf', raw.digestOf, true);
    c.string(s, 'provenance', raw.provenance, true);
    if (raw.titleTranslated !== undefined && raw.title === undefined) c.error(s, 'titleTranslated', 'is set but the source has no title');
    let languages: Lang[] = [];
    const lang = raw.language;
    if (Array.isArray(lang) && lang.length === 1 && lang[0] === 'ja') languages = ['ja'];
    else if (Array.isArray(lang) && lang.length === 2 && lang[0] === 'ja' && lang[1] === 'en') languages = ['ja', 'en'];
    else c.error(s, 'language', 'must be ["ja"] or ["ja","en"]');
    c.datedBy(s, 'publishedOn', raw.publishedOn);
    if (raw.titleTranslated !== undefined) c.langList(s, 'titleTranslated', raw.titleTranslated);
    let regions: SourceInfo['regions'];
    if (raw.regions !== undefined) {
      if (!Array.isArray(raw.regions) || raw.regions.length === 0) {
        c.error(s, 'regions', 'must be a non-empty array when present');
      } else {
        regions = [];
        raw.regions.forEach((r, j) => {
          const f = `regions[${j}]`;
          if (!isObj(r)) return c.error(s, f, 'must be an object {lang, start, end}');
          c.unknownKeys(s, `${f}.`, r, ['lang', 'start', 'end', 'label']);
          c.string(s, `${f}.label`, r.label, true);
          if (!LANGS.includes(r.lang as Lang)) return c.error(s, `${f}.lang`, 'must be "ja" or "en"');
          if (languages.length > 0 && !languages.includes(r.lang as Lang)) {
            c.error(s, `${f}.lang`, `"${String(r.lang)}" is not a language of the source`);
          }
          if (!isInt(r.start) || !isInt(r.end) || r.start < 0 || r.end <= r.start || (seed !== undefined && r.end > seed.length)) {
            return c.error(s, f, `must be a range 0 <= start < end <= ${seed?.length ?? 'seed length'}`);
          }
          regions!.push({ lang: r.lang as Lang, start: r.start, end: r.end });
        });
        for (const l of languages) {
          if (!regions.some((r) => r.lang === l)) c.error(s, 'regions', `has no region for language "${l}"`);
        }
      }
    }
    if (isNonEmptyString(raw.id)) {
      sourceInfo.set(raw.id, { languages, seed, seedFile: String(raw.seedFile), regions, raw });
    }
  });

  // Regions of sources sharing a seed file must not overlap: each passage belongs to one source.
  const bySeed = new Map<string, { id: string; start: number; end: number }[]>();
  for (const [id, info] of sourceInfo) {
    for (const r of info.regions ?? []) {
      const list = bySeed.get(info.seedFile) ?? [];
      list.push({ id, start: r.start, end: r.end });
      bySeed.set(info.seedFile, list);
    }
  }
  for (const [seedFile, list] of bySeed) {
    list.sort((a, b) => a.start - b.start);
    for (let k = 1; k < list.length; k++) {
      const a = list[k - 1]!;
      const b = list[k]!;
      if (b.start < a.end) {
        c.error(`source ${b.id}`, 'regions', `overlap ${a.id === b.id ? 'each other' : `source ${a.id}'s regions`} in ${seedFile} at [${b.start},${Math.min(a.end, b.end)})`);
      }
    }
  }

  // Entities.
  const entityKind = new Map<string, string>();
  const notes = isObj(value.aliasNotes) ? value.aliasNotes : {};
  const noted = (id: unknown, alias: string): boolean => typeof id === 'string' && isObj(notes[id]) && isNonEmptyString((notes[id] as Obj)[alias]);
  const allSeeds = Object.values(seeds);
  entities.forEach((raw, i) => {
    if (!isObj(raw)) return c.error(`entity[${i}]`, '', 'must be an object');
    const s = registerId('entity', i, raw);
    c.unknownKeys(s, '', raw, ENTITY_KEYS);
    if (!ENTITY_KINDS.includes(raw.kind as (typeof ENTITY_KINDS)[number])) {
      c.error(s, 'kind', `must be one of ${ENTITY_KINDS.join(', ')}`);
    }
    c.bilingual(s, 'name', raw.name);
    if (!Array.isArray(raw.aliases)) {
      c.error(s, 'aliases', raw.aliases === undefined ? 'is missing' : 'must be an array of strings');
    } else {
      raw.aliases.forEach((a, j) => {
        if (!c.string(s, `aliases[${j}]`, a)) return;
        if (!allSeeds.some((seed) => seed.includes(a)) && !noted(raw.id, a)) c.warn(s, `aliases[${j}]`, `"${a}" does not occur in any seed and has no aliasNotes entry`);
      });
      if (new Set(raw.aliases).size !== raw.aliases.length) c.error(s, 'aliases', 'has duplicates');
    }
    if (!Array.isArray(raw.roles)) {
      c.error(s, 'roles', raw.roles === undefined ? 'is missing' : 'must be an array');
    } else {
      raw.roles.forEach((r, j) => {
        const f = `roles[${j}]`;
        if (!isObj(r)) return c.error(s, f, 'must be an object {role, from?, to?}');
        c.unknownKeys(s, `${f}.`, r, ['role', 'from', 'to']);
        c.bilingual(s, `${f}.role`, r.role);
        if (r.from !== undefined) c.date(s, `${f}.from`, r.from);
        if (r.to !== undefined) c.date(s, `${f}.to`, r.to);
      });
    }
    if (isNonEmptyString(raw.id)) entityKind.set(raw.id, String(raw.kind));
  });

  // Source references: who published, wrote, edited and translated each source.
  const entityRef = (s: string, field: string, id: unknown, kinds: readonly string[]): void => {
    if (!isNonEmptyString(id)) return;
    const kind = entityKind.get(id);
    if (kind === undefined) c.error(s, field, `"${id}" does not resolve to an entity`);
    else if (!kinds.includes(kind)) c.error(s, field, `"${id}" is a ${kind}; expected ${kinds.join(' or ')}`);
  };
  for (const [id, info] of sourceInfo) {
    const s = `source ${id}`;
    entityRef(s, 'publisherId', info.raw.publisherId, ['outlet']);
    entityRef(s, 'authorId', info.raw.authorId, ['person']);
    entityRef(s, 'editorId', info.raw.editorId, ['person']);
    const digestOf = info.raw.digestOf;
    if (isNonEmptyString(digestOf) && (digestOf === id || !sourceInfo.has(digestOf))) {
      c.error(s, 'digestOf', `"${digestOf}" must be another source's id`);
    }
    const tb = info.raw.translatedBy;
    if (tb !== undefined) {
      if (!isObj(tb)) c.error(s, 'translatedBy', 'must be an object {ja?, en?} of entity ids');
      else {
        c.unknownKeys(s, 'translatedBy.', tb, LANGS);
        for (const lang of LANGS) {
          if (tb[lang] === undefined) continue;
          if (!info.languages.includes(lang)) c.error(s, `translatedBy.${lang}`, `"${lang}" is not a language of the source`);
          if (c.string(s, `translatedBy.${lang}`, tb[lang])) entityRef(s, `translatedBy.${lang}`, tb[lang], ['outlet', 'person', 'organization']);
        }
      }
    }
  }

  // Claims.
  const claimSource = new Map<string, string>();
  const claimRecord = new Map<string, Obj>();
  claims.forEach((raw, i) => {
    if (!isObj(raw)) return c.error(`claim[${i}]`, '', 'must be an object');
    const s = registerId('claim', i, raw);
    c.unknownKeys(s, '', raw, CLAIM_KEYS);
    let source: SourceInfo | undefined;
    if (c.string(s, 'sourceId', raw.sourceId)) {
      source = sourceInfo.get(raw.sourceId);
      if (!source) c.error(s, 'sourceId', `"${raw.sourceId}" does not resolve to a source`);
    }
    if (c.string(s, 'speakerId', raw.speakerId) && !entityKind.has(raw.speakerId)) {
      c.error(s, 'speakerId', `"${raw.speakerId}" does not resolve to an entity`);
    }
    if (!CLAIM_KINDS.includes(raw.kind as (typeof CLAIM_KINDS)[number])) {
      c.error(s, 'kind', `must be one of ${CLAIM_KINDS.join(', ')}`);
    }
    c.datedBy(s, 'saidOn', raw.saidOn);
    if (raw.eventOn !== undefined) c.datedBy(s, 'eventOn', raw.eventOn);
    c.string(s, 'section', raw.section, true);
    if (raw.note !== undefined) c.bilingual(s, 'note', raw.note);
    c.bilingual(s, 'text', raw.text);
    const translated = raw.translated === undefined ? [] : c.langList(s, 'translated', raw.translated);

    const anchorLangs = new Set<Lang>();
    if (!Array.isArray(raw.anchors) || raw.anchors.length === 0) {
      c.error(s, 'anchors', raw.anchors === undefined ? 'is missing' : 'must be a non-empty array');
    } else {
      raw.anchors.forEach((a, j) => checkAnchor(c, s, `anchors[${j}]`, a, source, anchorLangs));
    }
    if (source) {
      for (const lang of source.languages) {
        if (!anchorLangs.has(lang)) c.error(s, 'anchors', `has no "${lang}" anchor (the source has ${source.languages.join(', ')})`);
      }
      // A text the seed does not contain must be marked as the team's translation.
      const text = isObj(raw.text) ? raw.text : {};
      for (const lang of LANGS) {
        const t = text[lang];
        if (!isNonEmptyString(t) || translated.includes(lang) || source.seed === undefined) continue;
        if (!source.languages.includes(lang)) {
          c.error(s, `text.${lang}`, `is not in the seed (the source has no "${lang}" text) and must be listed in translated`);
        } else if (!textInRegions(source, lang, t)) {
          c.error(s, `text.${lang}`, 'does not occur verbatim in the source\'s seed text; quote the seed or list the language in translated');
        }
      }
    }
    if (isNonEmptyString(raw.id) && isNonEmptyString(raw.sourceId)) {
      claimSource.set(raw.id, raw.sourceId);
      claimRecord.set(raw.id, raw);
    }
  });

  // Paraphrases point at the speaker's own reported words.
  for (const [id, raw] of claimRecord) {
    if (raw.paraphraseOf === undefined) continue;
    const s = `claim ${id}`;
    if (raw.kind !== 'paraphrase') c.error(s, 'paraphraseOf', `is only for paraphrases (this claim is a ${String(raw.kind)})`);
    if (!Array.isArray(raw.paraphraseOf) || raw.paraphraseOf.length === 0) {
      c.error(s, 'paraphraseOf', 'must be a non-empty array of claim ids');
      continue;
    }
    raw.paraphraseOf.forEach((ref, j) => {
      const f = `paraphraseOf[${j}]`;
      const other = isNonEmptyString(ref) ? claimRecord.get(ref) : undefined;
      if (!other || ref === id) return c.error(s, f, `${JSON.stringify(ref)} does not resolve to another claim`);
      if (other.speakerId !== raw.speakerId) c.error(s, f, `"${ref}" has another speaker (${String(other.speakerId)})`);
      if (other.kind !== 'quote' && other.kind !== 'paraphrase') c.error(s, f, `"${ref}" is a ${String(other.kind)}, not the speaker's words`);
    });
  }

  // Relations.
  const seenRelations = new Set<string>();
  relations.forEach((raw, i) => {
    if (!isObj(raw)) return c.error(`relation[${i}]`, '', 'must be an object');
    const s = `relation[${i}] (${String(raw.from)} -> ${String(raw.to)})`;
    c.unknownKeys(s, '', raw, RELATION_KEYS);
    const ends: (string | undefined)[] = [];
    for (const end of ['from', 'to'] as const) {
      const id = raw[end];
      if (!c.string(s, end, id)) ends.push(undefined);
      else if (!claimSource.has(id)) {
        c.error(s, end, `"${id}" does not resolve to a claim`);
        ends.push(undefined);
      } else ends.push(id);
    }
    if (!RELATION_TYPES.includes(raw.type as (typeof RELATION_TYPES)[number])) {
      c.error(s, 'type', `must be one of ${RELATION_TYPES.join(', ')}`);
    }
    c.bilingual(s, 'why', raw.why);
    const [from, to] = ends;
    checkBasis(c, s, raw.basis, from ? claimRecord.get(from) : undefined, to ? claimRecord.get(to) : undefined);
    if (from && to && isObj(raw.why)) {
      for (const lang of LANGS) {
        const why = raw.why[lang];
        if (typeof why !== 'string') continue;
        for (const q of quotedSpans(why)) {
          const verdict = checkQuotation(q, [claimRecord.get(from), claimRecord.get(to)]);
          if (verdict === 'missing') {
            c.error(s, `why.${lang}`, `quotes ${JSON.stringify(q)}, which is in neither claim's text (ja or en): quote nobody with words they did not say`);
          } else if (verdict === 'drops-hedge') {
            c.error(s, `why.${lang}`, `quotes ${JSON.stringify(q)} without the hedge that precedes it in the claim's text (e.g. "kind of"): keep hedges`);
          }
        }
      }
    }
    if (from && to) {
      const sf = claimSource.get(from)!;
      const st = claimSource.get(to)!;
      const seedFrom = sourceInfo.get(sf)?.seedFile;
      const seedTo = sourceInfo.get(st)?.seedFile;
      if (from === to) c.error(s, 'to', 'must differ from from');
      else if (sf === st || (seedFrom !== undefined && seedFrom === seedTo)) {
        c.error(s, 'to', `joins two claims of the same article (${sf}${sf === st ? '' : ` and ${st}`}); relations must join different sources`);
      }
      const key = `${from}|${to}|${String(raw.type)}`;
      if (seenRelations.has(key)) c.error(s, 'type', `duplicates an earlier ${String(raw.type)} relation`);
      seenRelations.add(key);
    }
  });
  // contradicts / differs read the same both ways: both directions must be recorded.
  relations.forEach((raw, i) => {
    if (!isObj(raw) || !SYMMETRIC_TYPES.includes(String(raw.type))) return;
    if (!seenRelations.has(`${String(raw.to)}|${String(raw.from)}|${String(raw.type)}`)) {
      c.error(`relation[${i}] (${String(raw.from)} -> ${String(raw.to)})`, 'type', `is ${String(raw.type)}, which reads both ways: record ${String(raw.to)} -> ${String(raw.from)} too`);
    }
  });

  validateAliasNotes(c, value.aliasNotes, entities);
  validateStories(c, value.stories, { registerId, entityKind, entities, claimSource, claimRecord, sourceIds: new Set(sourceInfo.keys()) });

  return { ok: c.errors.length === 0, errors: c.errors, warnings: c.warnings };
}

/** Both sides' texts, every language: what a basis or a quotation in a why may draw on. */
export function claimTexts(claim: Obj | undefined): string[] {
  const text = claim && isObj(claim.text) ? claim.text : {};
  return LANGS.map((l) => text[l]).filter((t): t is string => typeof t === 'string');
}

function checkBasis(c: Checker, s: string, basis: unknown, from: Obj | undefined, to: Obj | undefined): void {
  if (!isObj(basis)) {
    c.error(s, 'basis', basis === undefined ? 'is missing: give the exact words of each side the relation rests on' : 'must be an object {from, to}');
    return;
  }
  c.unknownKeys(s, 'basis.', basis, ['from', 'to']);
  for (const [end, claim] of [['from', from], ['to', to]] as const) {
    const words = basis[end];
    if (!c.string(s, `basis.${end}`, words) || !claim) continue;
    if (!claimTexts(claim).some((t) => t.includes(words))) {
      c.error(s, `basis.${end}`, `${JSON.stringify(words)} is not part of claim ${String(claim.id)}'s text (ja or en)`);
    }
  }
}

const QUOTE_PAIRS: readonly [string, string][] = [['“', '”'], ['「', '」'], ['『', '』'], ['"', '"'], ["'", "'"], ['‘', '’']];

/**
 * The spans a why puts in quotation marks. Straight single quotes count only as a pair around
 * words (not an apostrophe: "Musk's", "doesn't"): an opening ' follows a space or start of text.
 */
export function quotedSpans(text: string): string[] {
  const out: string[] = [];
  for (const [open, close] of QUOTE_PAIRS) {
    let i = 0;
    while ((i = text.indexOf(open, i)) !== -1) {
      if ((open === "'" || open === '‘') && i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]!)) {
        i++;
        continue;
      }
      let j = text.indexOf(close, i + 1);
      // An apostrophe inside the quoted words ("Musk's") is not the closing mark.
      while (j !== -1 && (close === "'" || close === '’') && /[\p{L}]/u.test(text[j + 1] ?? '')) j = text.indexOf(close, j + 1);
      if (j === -1) break;
      const span = text.slice(i + 1, j).trim();
      if (span) out.push(span);
      i = j + 1;
    }
  }
  return out;
}

/** Folds what differs between a why's quotation and the claim's typography (quote marks, ellipses, case). */
function foldQuote(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[“”"「」『』‘’']/g, '')
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .trim();
}

/**
 * Hedges a quotation must not cut off: "'a failure'" from "kind of a failure" quotes the words but
 * drops what qualified them. Checked at the start of the quoted words (where a cut drops a hedge).
 */
const HEDGE_BEFORE = /(?:kind of|sort of|somewhat|a bit|reportedly|at least|arguably|possibly|ある意味で|一種の|少なくとも|おそらく|可能性)\s*$/;

export type QuoteCheck = 'ok' | 'missing' | 'drops-hedge';

/** Whether a why's quotation is some claim's words: every piece between ellipses in one claim text. */
export function checkQuotation(quoted: string, claims: (Obj | undefined)[]): QuoteCheck {
  const pieces = quoted
    .split(/…|\.\.\./)
    .map(foldQuote)
    .filter(Boolean);
  if (pieces.length === 0) return 'ok';
  const texts = claims.flatMap(claimTexts).map(foldQuote).filter((t) => pieces.every((p) => t.includes(p)));
  if (texts.length === 0) return 'missing';
  const first = pieces[0]!;
  const unhedged = texts.some((t) => {
    for (let i = t.indexOf(first); i !== -1; i = t.indexOf(first, i + 1)) {
      if (!HEDGE_BEFORE.test(t.slice(Math.max(0, i - 16), i))) return true;
    }
    return false;
  });
  return unhedged ? 'ok' : 'drops-hedge';
}

function textInRegions(source: SourceInfo, lang: Lang, text: string): boolean {
  const seed = source.seed!;
  const regions = source.regions?.filter((r) => r.lang === lang);
  if (!regions || regions.length === 0) return seed.includes(text);
  return regions.some((r) => seed.slice(r.start, r.end).includes(text));
}

function checkAnchor(c: Checker, s: string, f: string, a: unknown, source: SourceInfo | undefined, langs: Set<Lang>): void {
  if (!isObj(a)) return c.error(s, f, 'must be an object {lang, exact, start, end, prefix, suffix}');
  c.unknownKeys(s, `${f}.`, a, ANCHOR_KEYS);
  const { lang, exact, start, end, prefix, suffix } = a;
  if (!LANGS.includes(lang as Lang)) c.error(s, `${f}.lang`, 'must be "ja" or "en"');
  else {
    langs.add(lang as Lang);
    if (source && source.languages.length > 0 && !source.languages.includes(lang as Lang)) {
      c.error(s, `${f}.lang`, `"${String(lang)}" is not a language of the source`);
    }
  }
  const okExact = c.string(s, `${f}.exact`, exact);
  if (!isInt(start) || !isInt(end) || start < 0 || end <= start) {
    c.error(s, `${f}.start`, `start/end must be integers with 0 <= start < end (got [${String(start)},${String(end)}))`);
    return;
  }
  if (typeof prefix !== 'string') c.error(s, `${f}.prefix`, 'must be a string');
  else if (prefix.length > CONTEXT_LENGTH) c.error(s, `${f}.prefix`, `is longer than ${CONTEXT_LENGTH} characters`);
  if (typeof suffix !== 'string') c.error(s, `${f}.suffix`, 'must be a string');
  else if (suffix.length > CONTEXT_LENGTH) c.error(s, `${f}.suffix`, `is longer than ${CONTEXT_LENGTH} characters`);
  const seed = source?.seed;
  if (seed === undefined || !okExact) return;
  if (end > seed.length) {
    c.error(s, `${f}.end`, `${end} is past the end of ${source!.seedFile} (${seed.length})`);
    return;
  }
  if (end - start !== exact.length) {
    c.error(s, `${f}.end`, `end - start (${end - start}) does not equal exact's length (${exact.length})`);
  }
  if (seed.slice(start, end) !== exact) {
    c.error(s, `${f}.exact`, `does not equal seed text at [${start},${end})`);
    return;
  }
  if (typeof prefix === 'string' && prefix.length <= CONTEXT_LENGTH && seed.slice(Math.max(0, start - prefix.length), start) !== prefix) {
    c.error(s, `${f}.prefix`, `does not equal the seed text before ${start}`);
  }
  if (typeof suffix === 'string' && suffix.length <= CONTEXT_LENGTH && seed.slice(end, end + suffix.length) !== suffix) {
    c.error(s, `${f}.suffix`, `does not equal the seed text after ${end}`);
  }
  if (typeof prefix === 'string' && prefix.length < CONTEXT_LENGTH - 1 && start > prefix.length) {
    c.warn(s, `${f}.prefix`, `is shorter than ${CONTEXT_LENGTH} characters though the seed has more context`);
  }
  const regions = source!.regions?.filter((r) => r.lang === lang);
  if (regions && regions.length > 0 && !regions.some((r) => start >= r.start && end <= r.end)) {
    c.error(s, f, `[${start},${end}) lies outside the source's "${String(lang)}" region(s) ${regions.map((r) => `[${r.start},${r.end})`).join(' ')}`);
  }
  if (typeof prefix === 'string' && typeof suffix === 'string' && selectorMatches(seed, { exact, prefix, suffix }) > 1) {
    c.warn(s, f, 'prefix + exact + suffix occurs more than once in the seed; only start/end disambiguate');
  }
}

/** Counts printed by `npm run dataset:check`. */
export interface DatasetStats {
  sources: number;
  entities: number;
  claims: number;
  relations: number;
  claimsPerSource: Record<string, number>;
  claimsPerKind: Record<string, number>;
  relationsPerType: Record<string, number>;
  anchorsPerLang: Record<string, number>;
}

/** Counts over a dataset that passed validation. */
export function datasetStats(d: Dataset): DatasetStats {
  const count = <T>(items: readonly T[], key: (t: T) => string, init: readonly string[] = []) => {
    const out: Record<string, number> = Object.fromEntries(init.map((k) => [k, 0]));
    for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
    return out;
  };
  return {
    sources: d.sources.length,
    entities: d.entities.length,
    claims: d.claims.length,
    relations: d.relations.length,
    claimsPerSource: count(d.claims, (cl: Claim) => cl.sourceId, d.sources.map((s) => s.id)),
    claimsPerKind: count(d.claims, (cl: Claim) => cl.kind, CLAIM_KINDS),
    relationsPerType: count(d.relations, (r) => r.type, RELATION_TYPES),
    anchorsPerLang: count(d.claims.flatMap((cl) => cl.anchors), (a) => a.lang, LANGS),
  };
}
