/**
 * Validation of the dataset's `stories` and `aliasNotes` (see types.ts), in the validator's style:
 * each problem names the record and the field, e.g.
 *   `story story-wu-leaves-xai: claims[2] "s003-x" is not a claim of the story's sources (s000)`.
 * Called by validateDataset after the other records, with what it has resolved.
 */

import { checkQuotation, datePrecision, quotedSpans, type Checker } from './validate';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

const STORY_KEYS = ['id', 'title', 'event', 'people', 'eventOn', 'window', 'sources', 'claims'];

export interface StoryContext {
  registerId: (kind: string, index: number, rec: Obj) => string;
  /** Entity id → kind. */
  entityKind: ReadonlyMap<string, string>;
  /** The raw entity records (for aliases). */
  entities: readonly unknown[];
  /** Claim id → source id. */
  claimSource: ReadonlyMap<string, string>;
  /** Claim id → the raw claim (for the words a story's title and event may quote). */
  claimRecord: ReadonlyMap<string, Obj>;
  sourceIds: ReadonlySet<string>;
}

/** Every spelling of an entity: its names and aliases, for "is the person named in the event text?". */
function spellings(entities: readonly unknown[], id: string): string[] {
  const e = entities.find((x) => isObj(x) && x.id === id) as Obj | undefined;
  if (!e) return [];
  const name = isObj(e.name) ? Object.values(e.name).filter(isNonEmptyString) : [];
  const aliases = Array.isArray(e.aliases) ? e.aliases.filter(isNonEmptyString) : [];
  return [...name, ...aliases];
}

export function validateStories(c: Checker, value: unknown, ctx: StoryContext): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    c.error('dataset', 'stories', 'must be an array');
    return;
  }
  const sourceStory = new Map<string, string>();
  value.forEach((raw, i) => {
    if (!isObj(raw)) return c.error(`story[${i}]`, '', 'must be an object');
    const s = ctx.registerId('story', i, raw);
    c.unknownKeys(s, '', raw, STORY_KEYS);
    c.bilingual(s, 'title', raw.title);
    c.bilingual(s, 'event', raw.event);
    c.datedBy(s, 'eventOn', raw.eventOn);

    // People: persons of the dataset, each named in both event texts.
    if (!Array.isArray(raw.people) || raw.people.length === 0) {
      c.error(s, 'people', raw.people === undefined ? 'is missing' : 'must be a non-empty array of entity ids');
    } else {
      raw.people.forEach((p, j) => {
        if (!c.string(s, `people[${j}]`, p)) return;
        const kind = ctx.entityKind.get(p);
        if (kind === undefined) return c.error(s, `people[${j}]`, `"${p}" does not resolve to an entity`);
        if (kind !== 'person') return c.error(s, `people[${j}]`, `"${p}" is a ${kind}, not a person`);
        const names = spellings(ctx.entities, p);
        for (const lang of ['ja', 'en'] as const) {
          const text = isObj(raw.event) ? raw.event[lang] : undefined;
          if (isNonEmptyString(text) && !names.some((n) => text.toLowerCase().includes(n.toLowerCase()))) {
            c.error(s, `event.${lang}`, `does not name "${p}" by any of its names or aliases`);
          }
        }
      });
      if (new Set(raw.people).size !== raw.people.length) c.error(s, 'people', 'has duplicates');
    }

    // Window: exclusive date bounds, holding the event's date.
    if (!isObj(raw.window)) {
      c.error(s, 'window', raw.window === undefined ? 'is missing' : 'must be an object {after?, before?}');
    } else {
      c.unknownKeys(s, 'window.', raw.window, ['after', 'before']);
      const { after, before } = raw.window;
      if (after !== undefined) c.date(s, 'window.after', after);
      if (before !== undefined) c.date(s, 'window.before', before);
      if (typeof after === 'string' && typeof before === 'string' && after >= before) {
        c.error(s, 'window', `after (${after}) must be earlier than before (${before})`);
      }
      const date = isObj(raw.eventOn) ? raw.eventOn.date : undefined;
      if (typeof date === 'string' && datePrecision(date) !== null) {
        if (typeof after === 'string' && date <= after) c.error(s, 'window.after', `(${after}) must be earlier than eventOn.date (${date})`);
        if (typeof before === 'string' && date >= before) c.error(s, 'window.before', `(${before}) must be later than eventOn.date (${date})`);
      }
    }

    // Sources: each in one story only (a claim's story must be unambiguous).
    const sources = new Set<string>();
    if (!Array.isArray(raw.sources) || raw.sources.length === 0) {
      c.error(s, 'sources', raw.sources === undefined ? 'is missing' : 'must be a non-empty array of source ids');
    } else {
      raw.sources.forEach((id, j) => {
        if (!c.string(s, `sources[${j}]`, id)) return;
        if (!ctx.sourceIds.has(id)) return c.error(s, `sources[${j}]`, `"${id}" does not resolve to a source`);
        const other = sourceStory.get(id);
        if (other) c.error(s, `sources[${j}]`, `"${id}" is already a source of ${other}`);
        else sourceStory.set(id, s);
        sources.add(id);
      });
    }

    // Key claims: of the story's sources.
    if (!Array.isArray(raw.claims)) {
      c.error(s, 'claims', raw.claims === undefined ? 'is missing' : 'must be an array of claim ids');
    } else {
      raw.claims.forEach((id, j) => {
        if (!c.string(s, `claims[${j}]`, id)) return;
        const src = ctx.claimSource.get(id);
        if (src === undefined) return c.error(s, `claims[${j}]`, `"${id}" does not resolve to a claim`);
        if (sources.size > 0 && !sources.has(src)) c.error(s, `claims[${j}]`, `"${id}" is not a claim of the story's sources (${[...sources].join(', ')})`);
      });
      if (new Set(raw.claims).size !== raw.claims.length) c.error(s, 'claims', 'has duplicates');
      // A story's title and event are shown as what the story is: they quote only its claims' words,
      // and keep the hedges those words carry (the same rule as a relation's why).
      const own = raw.claims.map((id) => (typeof id === 'string' ? ctx.claimRecord.get(id) : undefined));
      for (const field of ['title', 'event'] as const) {
        const texts = isObj(raw[field]) ? raw[field] : {};
        for (const lang of ['ja', 'en'] as const) {
          const text = texts[lang];
          if (typeof text !== 'string') continue;
          for (const q of quotedSpans(text)) {
            const verdict = checkQuotation(q, own);
            if (verdict === 'missing') c.error(s, `${field}.${lang}`, `quotes ${JSON.stringify(q)}, which is in none of the story's claims (ja or en): quote nobody with words they did not say`);
            else if (verdict === 'drops-hedge') c.error(s, `${field}.${lang}`, `quotes ${JSON.stringify(q)} without the hedge that precedes it in the claim's text (e.g. "kind of"): keep hedges`);
          }
        }
      }
    }
  });
}

/**
 * `aliasNotes`: { entityId: { alias: note } }. Each entity id must resolve, each alias must be one
 * of that entity's aliases, each note non-empty. Also: no alias may name two entities (the matcher
 * could not tell whom a page means).
 */
export function validateAliasNotes(c: Checker, value: unknown, entities: readonly unknown[]): void {
  const owner = new Map<string, string>();
  entities.forEach((raw) => {
    if (!isObj(raw) || !isNonEmptyString(raw.id) || !Array.isArray(raw.aliases)) return;
    raw.aliases.forEach((a, j) => {
      if (!isNonEmptyString(a)) return;
      const k = a.normalize('NFKC').toLowerCase().trim();
      if (a !== a.trim()) c.error(`entity ${raw.id}`, `aliases[${j}]`, 'has leading or trailing whitespace');
      const prior = owner.get(k);
      if (prior && prior !== raw.id) c.error(`entity ${raw.id}`, `aliases[${j}]`, `"${a}" is also an alias of entity ${prior}`);
      else owner.set(k, String(raw.id));
    });
  });
  if (value === undefined) return;
  if (!isObj(value)) {
    c.error('dataset', 'aliasNotes', 'must be an object { entityId: { alias: note } }');
    return;
  }
  for (const [id, notes] of Object.entries(value)) {
    const subject = `aliasNotes ${id}`;
    const e = entities.find((x) => isObj(x) && x.id === id) as Obj | undefined;
    if (!e) {
      c.error(subject, '', `"${id}" does not resolve to an entity`);
      continue;
    }
    if (!isObj(notes)) {
      c.error(subject, '', 'must be an object { alias: note }');
      continue;
    }
    const aliases = Array.isArray(e.aliases) ? e.aliases : [];
    for (const [alias, note] of Object.entries(notes)) {
      if (!aliases.includes(alias)) c.error(subject, JSON.stringify(alias), `is not an alias of entity ${id}`);
      if (!isNonEmptyString(note)) c.error(subject, JSON.stringify(alias), 'must have a non-empty note');
    }
  }
}
