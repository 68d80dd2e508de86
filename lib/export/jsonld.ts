import type { NoteView } from '../storage/notes-repo';

/**
 * Export as a W3C Web Annotation AnnotationCollection (JSON-LD), one embedded AnnotationPage.
 * What the Web Annotation vocabulary has no term for (the address the note was made on, the
 * page title, the claim link, the last anchoring result) goes under our own `cp:` namespace, so
 * other tools can read the standard part and an import back here loses nothing.
 */

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const CP_NAMESPACE = 'https://counterpoint.invalid/ns/notes#';
export const COLLECTION_CONTEXT = [ANNO_CONTEXT, { cp: CP_NAMESPACE }] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const NOTE_IRI_PREFIX = 'urn:counterpoint:note:';

/** Annotation IRI for a note id (UUIDs as `urn:uuid:`, anything else under our URN). */
export function noteIri(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id}` : `${NOTE_IRI_PREFIX}${id}`;
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting';
  created: string;
  modified: string;
  body?: { type: 'TextualBody'; value: string; format: 'text/plain'; purpose: 'commenting' };
  target:
    | string
    | {
        source: string;
        selector: [
          { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
          ...{ type: 'TextPositionSelector'; start: number; end: number }[],
        ];
      };
  'cp:madeOn': string;
  'cp:pageTitle': string;
  'cp:claim'?: string;
  'cp:anchorState': NoteView['anchorState'];
}

export interface AnnotationCollection {
  '@context': typeof COLLECTION_CONTEXT;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated: string;
  generator: { id: string; type: 'Software'; name: string };
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

export function toAnnotation(note: NoteView): WebAnnotation {
  const anno: WebAnnotation = {
    id: noteIri(note.id),
    type: 'Annotation',
    motivation: note.body ? 'commenting' : 'highlighting',
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
  if (note.body) anno.body = { type: 'TextualBody', value: note.body, format: 'text/plain', purpose: 'commenting' };
  if (note.claimId !== null) anno['cp:claim'] = note.claimId;
  return anno;
}

export function toAnnotationCollection(notes: readonly NoteView[], now: number): AnnotationCollection {
  return {
    '@context': COLLECTION_CONTEXT,
    type: 'AnnotationCollection',
    label: 'Counterpoint notes',
    total: notes.length,
    generated: new Date(now).toISOString(),
    generator: { id: 'urn:counterpoint:extension', type: 'Software', name: 'Counterpoint' },
    first: { type: 'AnnotationPage', startIndex: 0, items: notes.map(toAnnotation) },
  };
}

export function exportJsonLd(notes: readonly NoteView[], now: number): string {
  return JSON.stringify(toAnnotationCollection(notes, now), null, 2);
}
