import type { TextPositionSelector, TextQuoteSelector } from '../anchoring/types';
import type { BodyFormat, Creator } from '../storage/db';
import type { NoteView } from '../storage/notes-repo';
import { detectLanguage } from './language';

/**
 * Export as a W3C Web Annotation AnnotationCollection (JSON-LD) with one embedded AnnotationPage.
 * It meets every MUST of the W3C test suite (tests/unit/export-w3c-suite.test.ts) and these
 * SHOULDs: collection and page ids, a creator (the local reader, unnamed, on the reader's own
 * notes; an imported note's own author when its file named one), a language on text bodies (ja/en when the text says so,
 * lib/export/language.ts), a format on every TextualBody, created/modified/generated times.
 *
 * A highlight without note, tags or links has no body: the model allows 0 bodies, and an empty
 * TextualBody would tell other tools the reader wrote an empty comment. `motivation: highlighting`
 * says what it is.
 *
 * What the vocabulary has no term for (the address the note was made on, the page title, the
 * claim link, the last anchoring result) goes under our `cp:` namespace, so other tools read the
 * standard part and an import back here loses nothing.
 */

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const CP_NAMESPACE = 'https://counterpoint.invalid/ns/notes#';
export const COLLECTION_CONTEXT = [ANNO_CONTEXT, { cp: CP_NAMESPACE }] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const NOTE_IRI_PREFIX = 'urn:counterpoint:note:';
export const GENERATOR_ID = 'urn:counterpoint:extension';
/**
 * Version of the export's own conventions. 3: TextPositionSelectors count the page's
 * `document.body.textContent` (earlier files counted Counterpoint's visible text; their
 * positions are dropped on import, see import.ts).
 */
export const EXPORT_VERSION = 3;

/** Annotation IRI for a note id (UUIDs as `urn:uuid:`, anything else under our URN). */
export function noteIri(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id}` : `${NOTE_IRI_PREFIX}${id}`;
}

/** The collection's IRI: one per export (a file is a snapshot; two exports are two collections). */
export function collectionIri(now: number): string {
  return `urn:counterpoint:export:${now}`;
}

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  format: BodyFormat;
  language?: 'ja' | 'en';
  purpose: 'commenting' | 'tagging';
}

/** A web page the note links to: a W3C External Web Resource. */
export interface LinkBody {
  id: string;
}

export type Body = TextualBody | LinkBody;

/** W3C Agent. The local reader is a Person with no id or name: exports identify no one. */
export type Agent = { type: 'Person'; id?: string; name?: string; 'cp:localReader'?: true };

export const LOCAL_READER: Agent = { type: 'Person', 'cp:localReader': true };

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting' | 'tagging' | 'linking';
  created: string;
  modified: string;
  creator?: Agent;
  /** One body as itself, several as a list (the suite's schemas read a one-item list of IRIs two ways). */
  body?: Body | Body[];
  target:
    | string
    | {
        source: string;
        selector: [TextQuoteSelector, ...TextPositionSelector[]];
      };
  via?: string;
  canonical?: string;
  'cp:madeOn': string;
  'cp:pageTitle': string;
  'cp:claim'?: string;
  'cp:anchorState': NoteView['anchorState'];
}

export interface AnnotationPage {
  id: string;
  type: 'AnnotationPage';
  /** The collection described, not only named: the suite's page schemas read partOf as an object. */
  partOf: { id: string; label: string; total: number };
  startIndex: 0;
  items: WebAnnotation[];
}

export interface AnnotationCollection {
  '@context': typeof COLLECTION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated: string;
  generator: { id: string; type: 'Software'; name: string; homepage?: string };
  'cp:exportVersion': number;
  first: AnnotationPage;
}

/** The local reader for our own notes; an imported note's own author; none when the file named none. */
function agentOf(note: NoteView): Agent | null {
  if (!note.origin) return LOCAL_READER;
  const creator: Creator | null = note.origin.creator;
  if (!creator) return null;
  const agent: Agent = { type: 'Person' };
  if (creator.id !== null) agent.id = creator.id;
  if (creator.name !== null) agent.name = creator.name;
  return agent;
}

function bodiesOf(note: NoteView): Body[] {
  const bodies: Body[] = [];
  if (note.body) {
    const text: TextualBody = { type: 'TextualBody', value: note.body, format: note.format, purpose: 'commenting' };
    const language = detectLanguage(note.body);
    if (language) text.language = language;
    bodies.push(text);
  }
  for (const tag of note.tags) bodies.push({ type: 'TextualBody', value: tag, format: 'text/plain', purpose: 'tagging' });
  for (const id of note.links) bodies.push({ id });
  return bodies;
}

function motivationOf(note: NoteView): WebAnnotation['motivation'] {
  if (note.body) return 'commenting';
  if (note.target) return 'highlighting';
  if (note.tags.length > 0) return 'tagging';
  return note.links.length > 0 ? 'linking' : 'commenting';
}

export function toAnnotation(note: NoteView): WebAnnotation {
  const anno: WebAnnotation = {
    id: noteIri(note.id),
    type: 'Annotation',
    motivation: motivationOf(note),
    created: new Date(note.createdAt).toISOString(),
    modified: new Date(note.updatedAt).toISOString(),
    target: note.target
      ? {
          source: note.url,
          selector: note.target.position
            ? [{ ...note.target.quote }, { ...note.target.position }]
            : [{ ...note.target.quote }],
        }
      : note.url,
    'cp:madeOn': note.sourceUrl,
    'cp:pageTitle': note.title,
    'cp:anchorState': note.anchorState,
  };
  const creator = agentOf(note);
  if (creator) anno.creator = creator;
  const bodies = bodiesOf(note);
  if (bodies.length > 0) anno.body = bodies.length === 1 ? bodies[0]! : bodies;
  if (note.origin) {
    anno.via = note.origin.via;
    if (note.origin.canonical !== null) anno.canonical = note.origin.canonical;
  }
  if (note.claimId !== null) anno['cp:claim'] = note.claimId;
  return anno;
}

export function toAnnotationCollection(notes: readonly NoteView[], now: number): AnnotationCollection {
  const id = collectionIri(now);
  return {
    '@context': COLLECTION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: 'Counterpoint notes',
    total: notes.length,
    generated: new Date(now).toISOString(),
    generator: { id: GENERATOR_ID, type: 'Software', name: 'Counterpoint' },
    'cp:exportVersion': EXPORT_VERSION,
    first: {
      id: `${id}:page:1`,
      type: 'AnnotationPage',
      partOf: { id, label: 'Counterpoint notes', total: notes.length },
      startIndex: 0,
      items: notes.map(toAnnotation),
    },
  };
}

export function exportJsonLd(notes: readonly NoteView[], now: number): string {
  return JSON.stringify(toAnnotationCollection(notes, now), null, 2);
}
