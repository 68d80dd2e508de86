import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CounterpointDb } from '../../lib/storage/db';
import { addNote, allNotes, setAnchorStates } from '../../lib/storage/notes-repo';
import { exportJsonLd, toAnnotationCollection } from '../../lib/export/jsonld';
import { idFromIri, importAnnotationFile, parseAnnotationFile } from '../../lib/export/import';
import { escapeLine, exportMarkdown, groupByPage } from '../../lib/export/markdown';
import { useFreshDb } from '../helpers/notes';

let db: CounterpointDb;
useFreshDb('export', (fresh) => (db = fresh));

async function seed() {
  await addNote(db, { url: 'https://a.example/one', sourceUrl: 'https://a.example/one?ref=x', title: 'First article', body: 'note one\nsecond line', target: { quote: { type: 'TextQuoteSelector', exact: 'quoted text', prefix: 'p ', suffix: ' s' }, position: { type: 'TextPositionSelector', start: 2, end: 13 } }, claimId: 'claim-7' }, { id: '0b7c7d2e-1111-4222-8333-444455556666', now: 1_700_000_000_123 });
  await addNote(db, { url: 'https://a.example/one', sourceUrl: 'https://a.example/one', title: 'First article', body: '', target: { quote: { type: 'TextQuoteSelector', exact: '日本語の引用', prefix: '', suffix: '' }, position: null }, claimId: null }, { id: 'note-2', now: 1_700_000_001_000 });
  await addNote(db, { url: 'https://b.example/two', sourceUrl: 'https://b.example/two', title: '# Heading? [x](y)', body: '- not a list\n> not a quote', target: null, claimId: null }, { id: 'note-3', now: 1_700_000_002_000 });
  await setAnchorStates(db, [], ['note-2']);
}

describe('JSON-LD export/import', () => {
  it('exports a W3C AnnotationCollection', async () => {
    await seed();
    const c = toAnnotationCollection(await allNotes(db), 0);
    expect(c['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(c.type).toBe('AnnotationCollection');
    expect(c.total).toBe(3);
    const first = c.first.items[0]!;
    expect(first.id).toBe('urn:uuid:0b7c7d2e-1111-4222-8333-444455556666');
    expect(first.body).toEqual({ type: 'TextualBody', value: 'note one\nsecond line', format: 'text/plain', purpose: 'commenting' }); // no English function word: no language claimed
    expect(c.id).toMatch(/^urn:/);
    expect(c.first.id).toMatch(/^urn:/);
    expect(first.creator).toEqual({ type: 'Person', 'cp:localReader': true });
    expect(first.target).toMatchObject({ source: 'https://a.example/one', selector: [{ type: 'TextQuoteSelector', exact: 'quoted text' }, { type: 'TextPositionSelector', start: 2, end: 13 }] });
    expect(c.first.items[1]!.motivation).toBe('highlighting');
    expect(c.first.items[1]!.body).toBeUndefined();
    expect(c.first.items[2]!.target).toBe('https://b.example/two');
  });

  it('export → wipe → import gives back exactly the same notes; a second import skips all', async () => {
    await seed();
    const before = await db.notes.toArray();
    const file = exportJsonLd(await allNotes(db), 5);
    await db.notes.clear();
    expect(await importAnnotationFile(db, file, 99)).toEqual({ ok: true, added: 3, skipped: 0, rejected: 0, problems: [], notices: [] });
    expect(await db.notes.toArray()).toEqual(before);
    expect(await importAnnotationFile(db, file, 99)).toMatchObject({ ok: true, added: 0, skipped: 3 });
    expect(await db.notes.count()).toBe(3);
  });

  const bad: [string, string, RegExp][] = [
    ['truncated JSON', '{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","first":{"items":[{"id":', /not valid JSON/],
    ['foreign JSON', '{"name":"counterpoint","version":"1.0.0"}', /not a W3C Web Annotation/],
    ['an array', '[1,2,3]', /not a W3C Web Annotation/],
    ['wrong type', '{"@context":"http://www.w3.org/ns/anno.jsonld","type":"Person"}', /not a Web Annotation collection/],
    ['count mismatch', '{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","total":5,"first":{"type":"AnnotationPage","items":[]}}', /truncated/],
    ['paged', '{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","first":"https://x.example/p1"}', /does not embed/],
    ['empty', '', /not valid JSON/],
  ];
  it.each(bad)('rejects %s with a clear message and changes nothing', async (_name, content, message) => {
    await seed();
    const before = await db.notes.toArray();
    const r = await importAnnotationFile(db, content, 1);
    expect(r.ok).toBe(false);
    expect((r as { error: string }).error).toMatch(message);
    expect(await db.notes.toArray()).toEqual(before);
  });

  it('rejects hostile items one by one and reports them', async () => {
    const items = [
      { type: 'Annotation', id: 'urn:counterpoint:note:ok', target: 'https://ok.example/', body: { type: 'TextualBody', value: 'fine' } },
      { type: 'Annotation', id: 'urn:counterpoint:note:big', target: 'https://ok.example/', body: { type: 'TextualBody', value: 'x'.repeat(10 * 1024 * 1024) } },
      { type: 'Annotation', id: 'urn:counterpoint:note:js', target: 'javascript:alert(1)', body: { type: 'TextualBody', value: 'x' } },
      { type: 'Annotation', id: 'urn:counterpoint:note:../../x', target: 'https://ok.example/', body: { type: 'TextualBody', value: 'x' } },
      { type: 'Annotation', id: 'urn:counterpoint:note:proto', __proto__: { polluted: true }, target: { source: 'https://ok.example/', selector: { type: 'TextQuoteSelector', exact: '' } } },
      'string',
    ];
    const file = JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', items });
    const r = await importAnnotationFile(db, file, 1);
    expect(r).toMatchObject({ ok: true, added: 1, skipped: 0, rejected: 5 });
    expect((r as { problems: string[] }).problems.join('\n')).toMatch(/note too large/);
    expect(await db.notes.count()).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('imports a foreign tool’s annotation with a stable id', async () => {
    const anno = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'http://example.org/anno1', type: 'Annotation', body: 'http://example.org/post1', target: { source: 'https://news.example/x', selector: [{ type: 'TextQuoteSelector', exact: 'words' }] } };
    const parsed = parseAnnotationFile(JSON.stringify(anno), 42);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.notes[0]).toMatchObject({ id: idFromIri('http://example.org/anno1'), url: 'https://news.example/x', body: '', createdAt: 42 });
    expect(idFromIri('http://example.org/anno1')).toBe(idFromIri('http://example.org/anno1'));
  });
});

describe('Markdown export', () => {
  it('groups by page newest first and escapes page text', async () => {
    await seed();
    const notes = await allNotes(db);
    expect(groupByPage(notes).map((g) => g.url)).toEqual(['https://b.example/two', 'https://a.example/one']);
    const md = exportMarkdown(notes, 1_700_000_003_000);
    expect(md).toContain('## [\\# Heading? \\[x\\]\\(y\\)](<https://b.example/two>)');
    expect(md).toContain('> quoted text');
    expect(md).toContain('> 日本語の引用');
    expect(md).toContain('\\- not a list');
    expect(md).toContain('[from a.example](<https://a.example/one?ref=x>)');
    expect(md).toContain('not found on the page');
    expect(md.indexOf('b.example')).toBeLessThan(md.indexOf('a.example'));
  });
  it('escapes line starts', () => {
    expect(escapeLine('1. one')).toBe('1\\. one');
    expect(escapeLine('<script>')).toBe('\\<script\\>');
  });
});
