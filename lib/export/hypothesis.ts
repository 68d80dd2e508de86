import { checkDate, checkIri, checkTags, notesFromParts, readCreator, readTargets, type ConvertOptions, type Converted } from './w3c-import';
import { checkString, checkText, InvalidInput, isRecord, LIMITS } from '../storage/validate';
import type { Creator } from '../storage/db';

/**
 * Hypothesis's own annotation format, as its search API returns it (`GET /api/search` →
 * `{ total, rows }`, the file its users download): `text` is Markdown, `tags` a list, `user` an
 * `acct:` IRI, `target` W3C-like (`source` + selectors, a TextPositionSelector counting the page
 * body's textContent), `links.html` the annotation's address (the same IRI its JSON-LD uses as
 * `id`, so the two exports of one annotation import as one note). Replies (`references`) belong
 * to a thread about someone else's annotation and are refused with that reason.
 */

export interface HypothesisSearchResult {
  total?: number;
  rows: unknown[];
}

export function isHypothesisSearchResult(doc: unknown): doc is HypothesisSearchResult {
  return (
    isRecord(doc) &&
    Array.isArray(doc.rows) &&
    (doc.total === undefined || typeof doc.total === 'number') &&
    doc['@context'] === undefined
  );
}

/** The annotation's own IRI: its address on the Hypothesis service, or a URN naming its id. */
function annotationIri(row: Record<string, unknown>, id: string): string {
  const links = isRecord(row.links) ? row.links : {};
  for (const key of ['html', 'incontext']) {
    const v = links[key];
    if (typeof v === 'string' && /^https?:\/\//.test(v)) return checkIri(v, `links.${key}`);
  }
  // Without its links the service's host is unknown: name the id without inventing an address.
  return `urn:x-hypothesis:annotation:${id}`;
}

function firstTitle(doc: unknown): string {
  if (!isRecord(doc)) return '';
  const t = Array.isArray(doc.title) ? doc.title[0] : doc.title;
  return typeof t === 'string' ? t.slice(0, LIMITS.titleChars) : '';
}

export function fromHypothesisRow(row: unknown, now: number, options: ConvertOptions): Converted {
  if (!isRecord(row)) throw new InvalidInput('not an object');
  const notices: string[] = [];
  const id = checkString(row.id, 'annotation id', LIMITS.idChars);
  if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new InvalidInput('annotation id has invalid characters');
  if (Array.isArray(row.references) && row.references.length > 0) {
    const parent = row.references[row.references.length - 1];
    throw new InvalidInput(
      `a reply to another annotation (${typeof parent === 'string' ? parent.slice(0, 40) : 'unknown'}); replies are not imported, Counterpoint keeps no threads`,
    );
  }
  const iri = annotationIri(row, id);
  const createdAt = checkDate(row.created, 'created', now);
  const updatedAt = Math.max(createdAt, checkDate(row.updated, 'updated', createdAt));
  const targets = readTargets(row.target ?? row.uri, options, notices);
  const userInfo = isRecord(row.user_info) ? row.user_info : {};
  let creator: Creator | null = readCreator(row.user, notices);
  if (creator && typeof userInfo.display_name === 'string' && userInfo.display_name.trim()) {
    creator = { id: creator.id as string, name: checkString(userInfo.display_name, 'display name', LIMITS.titleChars) };
  }
  const notes = notesFromParts(
    {
      iri,
      targets,
      bodies: {
        text: checkText(row.text ?? '', 'note', LIMITS.bodyBytes),
        format: 'text/markdown',
        tags: checkTags(Array.isArray(row.tags) ? row.tags : []),
        links: [],
      },
      createdAt,
      updatedAt,
      title: firstTitle(row.document),
      origin: { via: iri, canonical: null, creator },
      madeOn: null,
      claimId: null,
      anchorState: 'unknown',
    },
    notices,
  );
  return { notes, notices };
}
