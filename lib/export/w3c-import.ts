import type { NoteTarget } from '../anchoring/types';
import { BODY_FORMATS, type BodyFormat, type Creator, type NoteOrigin } from '../storage/db';
import type { NoteView } from '../storage/notes-repo';
import {
  checkAnchorState,
  checkClaimId,
  checkHttpUrl,
  checkId,
  checkPosition,
  checkQuote,
  checkString,
  checkText,
  InvalidInput,
  isRecord,
  LIMITS,
} from '../storage/validate';
import { NOTE_IRI_PREFIX } from './jsonld';

/**
 * One W3C Web Annotation → the notes it becomes. Every shape the model allows is either kept or
 * refused with a reason naming what could not be kept:
 *  - bodies: `bodyValue` (plain text); TextualBodies (one note text; several are joined, in one
 *    format); `purpose: tagging` → tags; web resources (IRIs, External Web Resources, Specific
 *    Resources on a web page) → links. Choice/Composite/List bodies, non-web IRIs and formats
 *    other than plain text, Markdown and HTML are refused.
 *  - targets: a web page IRI (a note on the page), or a resource with `source` and selectors
 *    (TextQuoteSelector = the highlight; a top-level TextPositionSelector = a hint, see
 *    `readSelectors`). Several targets become one note each (same text), ids derived from the
 *    annotation's so a re-import skips them.
 */

export interface Converted {
  notes: NoteView[];
  /** What was kept in another shape than the file had it, for the import report. */
  notices: string[];
}

export interface ConvertOptions {
  /** Drop TextPositionSelectors: the file is our own export from before they counted textContent. */
  oldCounterpointPositions: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IRI = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i;
const MAX_TARGETS = 20;
const MAX_BODIES = 100;
const MAX_TAGS = 100;
const MAX_TAG_CHARS = 256;
const MAX_SELECTORS = 20;

/** 53-bit string hash (cyrb53-style): a stable local id for another tool's annotation IRI. */
function hash53(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Our note id for an annotation IRI; the same IRI always gives the same id, so re-imports skip. */
export function idFromIri(v: unknown): string {
  const iri = checkString(v, 'annotation id', LIMITS.urlChars);
  if (iri.startsWith('urn:uuid:') && UUID.test(iri.slice(9))) return iri.slice(9).toLowerCase();
  if (iri.startsWith(NOTE_IRI_PREFIX)) return checkId(iri.slice(NOTE_IRI_PREFIX.length));
  if (iri.length === 0) throw new InvalidInput('annotation id is empty');
  return `ext-${hash53(iri)}`;
}

/** True for ids Counterpoint itself writes (a note's own id, not a copy of someone else's). */
function isOwnIri(iri: string): boolean {
  return iri.startsWith(NOTE_IRI_PREFIX) || (iri.startsWith('urn:uuid:') && UUID.test(iri.slice(9)));
}

export function checkIri(v: unknown, field: string): string {
  const s = checkString(v, field, LIMITS.urlChars);
  if (!IRI.test(s)) throw new InvalidInput(`${field} is not an IRI`);
  return s;
}

export function checkDate(v: unknown, field: string, fallback: number): number {
  if (v === undefined) return fallback;
  const s = checkString(v, field, 64);
  const ms = Date.parse(s);
  if (!Number.isFinite(ms) || ms < 0) throw new InvalidInput(`${field} is not a date`);
  return ms;
}

export function typeIs(v: unknown, name: string): boolean {
  return v === name || (Array.isArray(v) && v.includes(name));
}

function typeName(v: Record<string, unknown>): string {
  const t = Array.isArray(v.type) ? v.type[0] : v.type;
  return typeof t === 'string' ? t.slice(0, 40) : 'resource';
}

function describe(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

/**
 * The highlight in a target's selectors: its TextQuoteSelector, with the TextPositionSelector as a
 * hint when it is consistent with the quote (same length). Positions refined inside another
 * selector (Hypothesis's XPath `refinedBy`) count from an element, not the page, and are ignored.
 */
export function readSelectors(v: unknown, options: ConvertOptions): { target: NoteTarget | null; notice: string | null } {
  if (v === undefined || v === null) return { target: null, notice: null };
  const list = Array.isArray(v) ? v : [v];
  if (list.length > MAX_SELECTORS) throw new InvalidInput(`too many selectors (${list.length}; the limit is ${MAX_SELECTORS})`);
  const quoteSel = list.find((s) => isRecord(s) && s.type === 'TextQuoteSelector');
  const positionSel = list.find((s) => isRecord(s) && s.type === 'TextPositionSelector');
  if (quoteSel === undefined) {
    if (list.length === 0) return { target: null, notice: null };
    const kinds = [...new Set(list.map((s) => (isRecord(s) ? typeName(s) : describe(s))))].join(', ');
    return { target: null, notice: `its selector (${kinds}) quotes no text, so it was kept as a note on the whole page` };
  }
  const quote = checkQuote(quoteSel);
  let position = positionSel === undefined || options.oldCounterpointPositions ? null : checkPosition(positionSel);
  if (position && position.end - position.start !== quote.exact.length) position = null;
  return { target: { quote, position }, notice: null };
}

export interface TargetPart {
  url: string;
  target: NoteTarget | null;
}

function readTarget(t: unknown, n: number, options: ConvertOptions, notices: string[]): TargetPart {
  const label = `target ${n}`;
  if (typeof t === 'string') return { url: checkHttpUrl(t, label), target: null };
  if (!isRecord(t)) throw new InvalidInput(`${label} is neither an address nor an object`);
  if (Array.isArray(t.items)) {
    throw new InvalidInput(`${label} is a ${typeName(t)} of several resources, which Counterpoint cannot keep`);
  }
  if (t.source !== undefined) {
    const source = isRecord(t.source) ? t.source.id : t.source;
    const url = checkHttpUrl(source, `${label} source`);
    const { target, notice } = readSelectors(t.selector, options);
    if (notice) notices.push(notice);
    return { url, target };
  }
  if (t.id !== undefined) return { url: checkHttpUrl(t.id, label), target: null };
  throw new InvalidInput(`${label} has no source`);
}

export function readTargets(v: unknown, options: ConvertOptions, notices: string[]): TargetPart[] {
  if (v === undefined || v === null) throw new InvalidInput('target missing');
  const list = Array.isArray(v) ? v : [v];
  if (list.length === 0) throw new InvalidInput('target missing');
  if (list.length > MAX_TARGETS) throw new InvalidInput(`too many targets (${list.length}; the limit is ${MAX_TARGETS})`);
  return list.map((t, i) => readTarget(t, i + 1, options, notices));
}

export interface BodyParts {
  text: string;
  format: BodyFormat;
  tags: string[];
  links: string[];
}

function checkFormat(v: unknown, n: number): BodyFormat {
  if (v === undefined) return 'text/plain';
  const f = Array.isArray(v) && v.length === 1 ? v[0] : v;
  const format = typeof f === 'string' ? f.toLowerCase().split(';')[0]!.trim() : f;
  if (typeof format === 'string' && (BODY_FORMATS as readonly string[]).includes(format)) return format as BodyFormat;
  throw new InvalidInput(
    `body ${n} is in format "${describe(f)}"; Counterpoint keeps text/plain, text/markdown and text/html notes`,
  );
}

function isTagging(purpose: unknown): boolean {
  return purpose === 'tagging' || (Array.isArray(purpose) && purpose.includes('tagging'));
}

/** Tags, trimmed, without duplicates, bounded. */
export function checkTags(values: readonly unknown[]): string[] {
  const tags: string[] = [];
  for (const v of values) {
    const tag = checkString(v, 'tag', MAX_TAG_CHARS).trim();
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  if (tags.length > MAX_TAGS) throw new InvalidInput(`too many tags (${tags.length}; the limit is ${MAX_TAGS})`);
  return tags;
}

function webLink(v: unknown, n: number): string {
  if (typeof v !== 'string') throw new InvalidInput(`body ${n} has no address`);
  try {
    return checkHttpUrl(v, `body ${n}`);
  } catch {
    throw new InvalidInput(`body ${n} (${describe(v)}) is not a web address; Counterpoint keeps http(s) links only`);
  }
}

export function readBodies(item: Record<string, unknown>, notices: string[]): BodyParts {
  if (item.body !== undefined && item.bodyValue !== undefined) {
    throw new InvalidInput('has both body and bodyValue (the model allows one or the other)');
  }
  if (item.bodyValue !== undefined) {
    const value = Array.isArray(item.bodyValue) && item.bodyValue.length === 1 ? item.bodyValue[0] : item.bodyValue;
    return { text: checkText(value, 'note', LIMITS.bodyBytes), format: 'text/plain', tags: [], links: [] };
  }
  if (item.body === undefined || item.body === null) return { text: '', format: 'text/plain', tags: [], links: [] };
  const list = Array.isArray(item.body) ? item.body : [item.body];
  if (list.length > MAX_BODIES) throw new InvalidInput(`too many bodies (${list.length}; the limit is ${MAX_BODIES})`);
  const texts: { value: string; format: BodyFormat }[] = [];
  const tagValues: unknown[] = [];
  const links: string[] = [];
  list.forEach((b, i) => {
    const n = i + 1;
    if (typeof b === 'string') {
      links.push(webLink(b, n));
      return;
    }
    if (!isRecord(b)) throw new InvalidInput(`body ${n} is neither text nor a web resource`);
    if (Array.isArray(b.items)) {
      throw new InvalidInput(`body ${n} is a ${typeName(b)} of several resources, which Counterpoint cannot keep`);
    }
    if (typeIs(b.type, 'TextualBody') || b.value !== undefined) {
      if (isTagging(b.purpose)) tagValues.push(b.value);
      else texts.push({ value: checkText(b.value, 'note', LIMITS.bodyBytes), format: checkFormat(b.format, n) });
      return;
    }
    if (b.source !== undefined) links.push(webLink(isRecord(b.source) ? b.source.id : b.source, n));
    else if (b.id !== undefined) links.push(webLink(b.id, n));
    else throw new InvalidInput(`body ${n} is neither text nor a web resource`);
  });
  const formats = [...new Set(texts.map((t) => t.format))];
  if (formats.length > 1) {
    throw new InvalidInput(`its text bodies are in different formats (${formats.join(', ')}); a note has one format`);
  }
  const nonEmpty = texts.filter((t) => t.value.length > 0);
  if (nonEmpty.length > 1) notices.push(`its ${nonEmpty.length} text bodies were joined into one note`);
  const text = checkText(nonEmpty.map((t) => t.value).join('\n\n'), 'note', LIMITS.bodyBytes);
  return { text, format: formats[0] ?? 'text/plain', tags: checkTags(tagValues), links: [...new Set(links)] };
}

/** The author as another tool wrote it: an IRI, or an Agent with id and/or name. */
export function readCreator(v: unknown, notices: string[]): Creator | null {
  if (v === undefined || v === null) return null;
  let one = v;
  if (Array.isArray(v)) {
    if (v.length === 0) return null;
    one = v[0];
    if (v.length > 1) notices.push(`it names ${v.length} creators; the first (${describe(one)}) was kept`);
  }
  if (typeof one === 'string') return { id: checkIri(one, 'creator'), name: null };
  if (!isRecord(one)) throw new InvalidInput('creator is neither an IRI nor an agent');
  if (one['cp:localReader'] === true) return null;
  const id = one.id === undefined ? null : checkIri(one.id, 'creator id');
  const rawName = Array.isArray(one.name) ? one.name[0] : (one.name ?? one.nickname);
  const name = rawName === undefined ? null : checkString(rawName, 'creator name', LIMITS.titleChars);
  if (id !== null) return { id, name };
  return name !== null ? { id: null, name } : null;
}

export interface NoteParts {
  /** The annotation's own IRI (our note id comes from it). */
  iri: string;
  targets: TargetPart[];
  bodies: BodyParts;
  createdAt: number;
  updatedAt: number;
  title: string;
  origin: NoteOrigin | null;
  /** Our own fields, when the file is ours. */
  madeOn: string | null;
  claimId: string | null;
  anchorState: NoteView['anchorState'];
}

/** One note per target; the first keeps the annotation's id, the others get ids derived from it. */
export function notesFromParts(p: NoteParts, notices: string[]): NoteView[] {
  if (p.targets.length > 1) notices.push(`its ${p.targets.length} targets were kept as ${p.targets.length} notes`);
  return p.targets.map((t, i) => ({
    id: idFromIri(i === 0 ? p.iri : `${p.iri}#target-${i + 1}`),
    url: t.url,
    sourceUrl: p.targets.length === 1 && p.madeOn !== null ? p.madeOn : t.url,
    title: p.title,
    body: p.bodies.text,
    format: p.bodies.format,
    tags: p.bodies.tags,
    links: p.bodies.links,
    origin: p.origin,
    target: t.target,
    claimId: p.claimId,
    anchorState: t.target ? p.anchorState : 'unknown',
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  }));
}

export function fromWebAnnotation(item: unknown, now: number, options: ConvertOptions): Converted {
  if (!isRecord(item)) throw new InvalidInput('not an object');
  if (!typeIs(item.type, 'Annotation')) throw new InvalidInput('not an Annotation');
  const notices: string[] = [];
  const iri = checkString(item.id, 'annotation id', LIMITS.urlChars);
  idFromIri(iri);
  const createdAt = checkDate(item.created, 'created', now);
  const updatedAt = Math.max(createdAt, checkDate(item.modified, 'modified', createdAt));
  const targets = readTargets(item.target, options, notices);
  const bodies = readBodies(item, notices);
  const via = item.via === undefined ? null : checkIri(item.via, 'via');
  const canonical = item.canonical === undefined ? null : checkIri(item.canonical, 'canonical');
  const creator = readCreator(item.creator, notices);
  // A copy of someone else's annotation remembers where it came from; our own notes have no origin.
  const origin: NoteOrigin | null =
    !isOwnIri(iri) || via !== null || creator !== null ? { via: via ?? iri, canonical, creator } : null;
  const notes = notesFromParts(
    {
      iri,
      targets,
      bodies,
      createdAt,
      updatedAt,
      title: item['cp:pageTitle'] === undefined ? '' : checkString(item['cp:pageTitle'], 'cp:pageTitle', LIMITS.titleChars),
      origin,
      madeOn: item['cp:madeOn'] === undefined ? null : checkHttpUrl(item['cp:madeOn'], 'cp:madeOn'),
      claimId: checkClaimId(item['cp:claim']),
      anchorState: checkAnchorState(item['cp:anchorState']),
    },
    notices,
  );
  return { notes, notices };
}
