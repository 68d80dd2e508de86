import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CounterpointDb } from '../../lib/storage/db';
import { addNote, allNotes } from '../../lib/storage/notes-repo';
import { idFromIri, importAnnotationFile, parseAnnotationFile } from '../../lib/export/import';
import { exportJsonLd } from '../../lib/export/jsonld';
import { useFreshDb } from '../helpers/notes';

let db: CounterpointDb;
useFreshDb('import-formats', (fresh) => (db = fresh));

const CTX = 'http://www.w3.org/ns/anno.jsonld';
const page = (items: unknown[]) => JSON.stringify({ '@context': CTX, type: 'AnnotationPage', items });
const anno = (over: Record<string, unknown>) => ({ type: 'Annotation', id: 'http://tool.example/a/1', target: 'https://news.example/x', ...over });
const parse = (content: string) => {
  const r = parseAnnotationFile(content, 1000);
  if (!r.ok) throw new Error(r.error);
  return r;
};

describe('W3C annotations from other tools', () => {
  it('bodyValue is the note (plain text), not dropped', () => {
    const r = parse(page([anno({ bodyValue: 'Comment text' })]));
    expect(r.notes[0]).toMatchObject({ body: 'Comment text', format: 'text/plain', url: 'https://news.example/x', target: null });
  });

  it('refuses body and bodyValue together, saying so', () => {
    const r = parse(page([anno({ bodyValue: 'a', body: { type: 'TextualBody', value: 'b' } })]));
    expect(r.rejected).toEqual([{ index: 0, reason: expect.stringMatching(/both body and bodyValue/) }]);
  });

  it('keeps every body: text joined (with a notice), tags as tags, web resources as links', () => {
    const r = parse(page([anno({
      body: [
        { type: 'TextualBody', value: 'First part', format: 'text/markdown', language: 'en' },
        { type: 'TextualBody', value: 'Second part', format: 'text/markdown' },
        { type: 'TextualBody', value: 'economy', purpose: 'tagging' },
        { type: 'TextualBody', value: ' economy ', purpose: ['tagging'] },
        'https://example.org/post1',
        { id: 'https://example.org/post2', type: 'Text', format: 'text/html' },
        { type: 'SpecificResource', source: 'https://example.org/post3', purpose: 'linking' },
      ],
    })]));
    expect(r.rejected).toEqual([]);
    expect(r.notes[0]).toMatchObject({
      body: 'First part\n\nSecond part',
      format: 'text/markdown',
      tags: ['economy'],
      links: ['https://example.org/post1', 'https://example.org/post2', 'https://example.org/post3'],
    });
    expect(r.notices).toEqual(['#1: its 2 text bodies were joined into one note']);
  });

  it.each([
    ['mixed formats', [{ type: 'TextualBody', value: 'a', format: 'text/plain' }, { type: 'TextualBody', value: 'b', format: 'text/html' }], /different formats \(text\/plain, text\/html\)/],
    ['an unsupported format', { type: 'TextualBody', value: '{}', format: 'application/json' }, /format "application\/json"/],
    ['a Choice', { type: 'Choice', items: [{ type: 'TextualBody', value: 'a' }, { type: 'TextualBody', value: 'b' }] }, /body 1 is a Choice of several resources/],
    ['a non-web IRI', 'mailto:someone@example.org', /body 1 \(mailto:someone@example.org\) is not a web address/],
    ['a javascript: link', ['https://ok.example/', 'javascript:alert(1)'], /body 2 .*not a web address/],
  ])('refuses a body it cannot keep (%s), naming it', (_name, body, reason) => {
    const r = parse(page([anno({ body }), anno({ id: 'http://tool.example/a/2', bodyValue: 'fine' })]));
    expect(r.rejected).toEqual([{ index: 0, reason: expect.stringMatching(reason) }]);
    expect(r.notes.map((n) => n.body)).toEqual(['fine']);
  });

  it('a URL-only target is a note on the page, even with only a link or nothing (a bookmark)', () => {
    const r = parse(page([
      anno({ body: 'http://example.org/post1', target: 'http://example.com/page1' }),
      anno({ id: 'http://tool.example/a/2', motivation: 'bookmarking', target: { id: 'https://news.example/y' } }),
    ]));
    expect(r.rejected).toEqual([]);
    expect(r.notes.map((n) => [n.url, n.target, n.links])).toEqual([
      ['http://example.com/page1', null, ['http://example.org/post1']],
      ['https://news.example/y', null, []],
    ]);
  });

  it('several targets become one note each (same text), with stable ids, and a notice', async () => {
    const file = page([anno({
      bodyValue: 'Same claim on two sites',
      target: [
        { source: 'https://a.example/story', selector: { type: 'TextQuoteSelector', exact: 'the claim' } },
        'https://b.example/story',
      ],
    })]);
    const r = await importAnnotationFile(db, file, 5);
    expect(r).toMatchObject({ ok: true, added: 2, rejected: 0, notices: ['#1: its 2 targets were kept as 2 notes'] });
    const notes = await allNotes(db);
    expect(notes.map((n) => [n.url, n.target?.quote.exact ?? null, n.body])).toEqual([
      ['https://a.example/story', 'the claim', 'Same claim on two sites'],
      ['https://b.example/story', null, 'Same claim on two sites'],
    ].sort((a, b) => (notes.find((n) => n.url === a[0])!.id < notes.find((n) => n.url === b[0])!.id ? -1 : 1)));
    expect(notes.every((n) => n.origin?.via === 'http://tool.example/a/1')).toBe(true);
    expect(await importAnnotationFile(db, file, 6)).toMatchObject({ ok: true, added: 0, skipped: 2 });
  });

  it('refuses a target it cannot keep, naming it; nothing of that annotation is imported', () => {
    const r = parse(page([anno({ bodyValue: 'x', target: ['https://a.example/', { type: 'Composite', items: ['https://b.example/', 'https://c.example/'] }] })]));
    expect(r.notes).toEqual([]);
    expect(r.rejected[0]!.reason).toMatch(/target 2 is a Composite of several resources/);
  });

  it('keeps the original id as via and canonical, and the author', () => {
    const r = parse(page([anno({
      id: 'https://tool.example/anno/9', canonical: 'urn:uuid:5b4d2d0e-0000-4000-8000-000000000009',
      creator: { id: 'https://people.example/ada', type: 'Person', name: 'Ada', nickname: 'ada' },
      bodyValue: 'x',
    })]));
    expect(r.notes[0]!.id).toBe(idFromIri('https://tool.example/anno/9'));
    expect(r.notes[0]!.origin).toEqual({ via: 'https://tool.example/anno/9', canonical: 'urn:uuid:5b4d2d0e-0000-4000-8000-000000000009', creator: { id: 'https://people.example/ada', name: 'Ada' } });
  });

  it('a selector without a quote keeps the note on the page and says so', () => {
    const r = parse(page([anno({ bodyValue: 'x', target: { source: 'https://news.example/x', selector: { type: 'CssSelector', value: '#p3' } } })]));
    expect(r.notes[0]!.target).toBeNull();
    expect(r.notices).toEqual(['#1: its selector (CssSelector) quotes no text, so it was kept as a note on the whole page']);
  });
});

const row = (over: Record<string, unknown> = {}) => ({
  id: 'Zx81-abcDEF',
  created: '2024-05-01T10:00:00.123456+00:00',
  updated: '2024-05-02T11:00:00.000000+00:00',
  user: 'acct:reader@hypothes.is',
  uri: 'https://news.example/lecun',
  text: 'He said **kind of** a failure, not a failure.\n\n- point one',
  tags: ['xAI', 'LeCun'],
  group: '__world__',
  permissions: { read: ['group:__world__'] },
  target: [{
    source: 'https://news.example/lecun',
    selector: [
      { type: 'RangeSelector', startContainer: '/div[1]/p[3]', startOffset: 0, endContainer: '/div[1]/p[3]', endOffset: 17 },
      { type: 'TextPositionSelector', start: 1204, end: 1221 },
      { type: 'TextQuoteSelector', exact: 'kind of a failure', prefix: 'xAI is ', suffix: ', frankly' },
    ],
  }],
  document: { title: ['LeCun calls xAI a failure'] },
  links: { html: 'https://hypothes.is/a/Zx81-abcDEF', incontext: 'https://hyp.is/Zx81-abcDEF/news.example/lecun', json: 'https://hypothes.is/api/annotations/Zx81-abcDEF' },
  user_info: { display_name: 'A. Reader' },
  flagged: false,
  hidden: false,
  ...over,
});

describe('Hypothesis exports', () => {
  it('imports the search API export ({ total, rows }): Markdown, tags, author, title, original id', () => {
    const r = parse(JSON.stringify({ total: 1, rows: [row()] }));
    expect(r.rejected).toEqual([]);
    expect(r.notes).toEqual([{
      id: idFromIri('https://hypothes.is/a/Zx81-abcDEF'),
      url: 'https://news.example/lecun',
      sourceUrl: 'https://news.example/lecun',
      title: 'LeCun calls xAI a failure',
      body: 'He said **kind of** a failure, not a failure.\n\n- point one',
      format: 'text/markdown',
      tags: ['xAI', 'LeCun'],
      links: [],
      origin: { via: 'https://hypothes.is/a/Zx81-abcDEF', canonical: null, creator: { id: 'acct:reader@hypothes.is', name: 'A. Reader' } },
      target: {
        quote: { type: 'TextQuoteSelector', exact: 'kind of a failure', prefix: 'xAI is ', suffix: ', frankly' },
        position: { type: 'TextPositionSelector', start: 1204, end: 1221 },
      },
      claimId: null,
      anchorState: 'unknown',
      createdAt: Date.parse('2024-05-01T10:00:00.123Z'),
      updatedAt: Date.parse('2024-05-02T11:00:00.000Z'),
    }]);
  });

  it('refuses replies and non-web documents with the reason; reports a partial search page', () => {
    const r = parse(JSON.stringify({
      total: 350,
      rows: [row(), row({ id: 'Reply1', references: ['Zx81-abcDEF'], target: [{ source: 'https://news.example/lecun' }] }), row({ id: 'Pdf1', uri: 'urn:x-pdf:abc', target: [{ source: 'urn:x-pdf:abc' }] })],
    }));
    expect(r.notes).toHaveLength(1);
    expect(r.rejected.map((x) => [x.index, x.reason])).toEqual([
      [1, expect.stringMatching(/a reply to another annotation \(Zx81-abcDEF\); replies are not imported/)],
      [2, expect.stringMatching(/target 1 source must be http\(s\)/)],
    ]);
    expect(r.notices[0]).toMatch(/holds 3 of the 350 annotations/);
  });

  it('a page note (no selector) and an inconsistent position (dropped: only a hint)', () => {
    const r = parse(JSON.stringify({ total: 2, rows: [
      row({ id: 'P1', target: [{ source: 'https://news.example/lecun' }] }),
      row({ id: 'P2', target: [{ source: 'https://news.example/lecun', selector: [{ type: 'TextPositionSelector', start: 3, end: 4 }, { type: 'TextQuoteSelector', exact: 'longer than one' }] }] }),
    ] }));
    expect(r.notes.map((n) => n.target)).toEqual([null, { quote: { type: 'TextQuoteSelector', exact: 'longer than one', prefix: '', suffix: '' }, position: null }]);
  });

  it('imports its JSON-LD (one annotation or a list) the same way; both exports of one annotation make one note', async () => {
    const jsonld = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: 'https://hypothes.is/a/Zx81-abcDEF',
      created: '2024-05-01T10:00:00.123456+00:00',
      modified: '2024-05-02T11:00:00.000000+00:00',
      creator: 'acct:reader@hypothes.is',
      body: [
        { type: 'TextualBody', value: 'He said **kind of** a failure', format: 'text/markdown' },
        { type: 'TextualBody', value: 'xAI', purpose: 'tagging' },
        { type: 'TextualBody', value: 'LeCun', purpose: 'tagging' },
      ],
      target: [{ source: 'https://news.example/lecun', selector: [
        { type: 'XPathSelector', value: '/div[1]/p[3]', refinedBy: { type: 'TextPositionSelector', start: 0, end: 17 } },
        { type: 'TextPositionSelector', start: 1204, end: 1221 },
        { type: 'TextQuoteSelector', exact: 'kind of a failure', prefix: 'xAI is ', suffix: ', frankly' },
      ] }],
    };
    const one = parse(JSON.stringify(jsonld));
    expect(one.notes[0]).toMatchObject({
      id: idFromIri('https://hypothes.is/a/Zx81-abcDEF'),
      format: 'text/markdown',
      tags: ['xAI', 'LeCun'],
      origin: { via: 'https://hypothes.is/a/Zx81-abcDEF', canonical: null, creator: { id: 'acct:reader@hypothes.is', name: null } },
      target: { position: { start: 1204, end: 1221 } },
    });
    expect(parse(JSON.stringify([jsonld, { ...jsonld, id: 'https://hypothes.is/a/other' }])).notes).toHaveLength(2);
    expect(await importAnnotationFile(db, JSON.stringify({ total: 1, rows: [row()] }), 1)).toMatchObject({ ok: true, added: 1 });
    expect(await importAnnotationFile(db, JSON.stringify(jsonld), 1)).toMatchObject({ ok: true, added: 0, skipped: 1 });
  });

  it('export → import round-trips imported notes (origin, tags, Markdown, positions)', async () => {
    await importAnnotationFile(db, JSON.stringify({ total: 1, rows: [row()] }), 1);
    await addNote(db, { url: 'https://news.example/lecun', sourceUrl: 'https://news.example/lecun', title: 't', body: '', target: { quote: { type: 'TextQuoteSelector', exact: 'failure', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 5, end: 12 } }, claimId: null }, { id: 'own-1', now: 9 });
    const before = await db.notes.toArray();
    const file = exportJsonLd(await allNotes(db), 10);
    await db.notes.clear();
    expect(await importAnnotationFile(db, file, 11)).toMatchObject({ ok: true, added: 2, rejected: 0, notices: [] });
    expect(await db.notes.toArray()).toEqual(before);
  });
});

describe('positions from our own older exports', () => {
  it('drops positions of a Counterpoint export from before v3 (they counted another text), keeps the quote', () => {
    const old = {
      '@context': [CTX, { cp: 'https://counterpoint.invalid/ns/notes#' }],
      type: 'AnnotationCollection', total: 1,
      generator: { id: 'urn:counterpoint:extension', type: 'Software', name: 'Counterpoint' },
      first: { type: 'AnnotationPage', startIndex: 0, items: [anno({ id: 'urn:counterpoint:note:n1', target: { source: 'https://news.example/x', selector: [{ type: 'TextQuoteSelector', exact: 'words' }, { type: 'TextPositionSelector', start: 3, end: 8 }] } })] },
    };
    expect(parse(JSON.stringify(old)).notes[0]!.target).toEqual({ quote: { type: 'TextQuoteSelector', exact: 'words', prefix: '', suffix: '' }, position: null });
    expect(parse(JSON.stringify({ ...old, 'cp:exportVersion': 3 })).notes[0]!.target!.position).toEqual({ type: 'TextPositionSelector', start: 3, end: 8 });
  });
});

describe('malformed files are refused whole, with a reason, and change nothing', () => {
  const bad: [string, string, RegExp][] = [
    ['truncated JSON', '{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","first":{"items":[{"id":', /not valid JSON/],
    ['empty', '', /not valid JSON/],
    ['whitespace', '   \n', /not valid JSON/],
    ['a BOM-less binary', '\u0000\u0001PK\u0003\u0004', /not valid JSON/],
    ['JSON null', 'null', /not a W3C Web Annotation/],
    ['a number', '42', /not a W3C Web Annotation/],
    ['a string', '"annotations"', /not a W3C Web Annotation/],
    ['an array of numbers', '[1,2,3]', /not a W3C Web Annotation/],
    ['an empty array', '[]', /not a W3C Web Annotation/],
    ['an array mixing annotations and junk', `[{"@context":"${CTX}","type":"Annotation","id":"x:1","target":"https://a.example/"},7]`, /not a W3C Web Annotation/],
    ['foreign JSON', '{"name":"counterpoint","version":"1.0.0"}', /not a W3C Web Annotation/],
    ['wrong context', '{"@context":"https://schema.org","type":"AnnotationCollection"}', /not a W3C Web Annotation/],
    ['wrong type', `{"@context":"${CTX}","type":"Person"}`, /not a Web Annotation collection/],
    ['count mismatch', `{"@context":"${CTX}","type":"AnnotationCollection","total":5,"first":{"type":"AnnotationPage","items":[]}}`, /truncated/],
    ['paged', `{"@context":"${CTX}","type":"AnnotationCollection","first":"https://x.example/p1"}`, /does not embed/],
    ['split over pages', `{"@context":"${CTX}","type":"AnnotationCollection","first":{"type":"AnnotationPage","items":[],"next":"https://x.example/p2"}}`, /several pages/],
    ['page without items', `{"@context":"${CTX}","type":"AnnotationPage"}`, /no items/],
    ['rows not a list', '{"total":1,"rows":{"id":"x"}}', /not a W3C Web Annotation/],
    ['rows with a context', `{"@context":"${CTX}","rows":[]}`, /not a Web Annotation collection/],
    ['total not a number', '{"total":"1","rows":[]}', /not a W3C Web Annotation/],
  ];
  it.each(bad)('%s', async (_name, content, message) => {
    await addNote(db, { url: 'https://keep.example/', sourceUrl: 'https://keep.example/', title: 'kept', body: 'kept', target: null, claimId: null }, { id: 'keep', now: 1 });
    const before = await db.notes.toArray();
    const r = await importAnnotationFile(db, content, 1);
    expect(r.ok).toBe(false);
    expect((r as { error: string }).error).toMatch(message);
    expect(await db.notes.toArray()).toEqual(before);
  });

  it('refuses hostile Hypothesis rows one by one', () => {
    const r = parse(JSON.stringify({ total: 6, rows: [
      row(),
      row({ id: '../../etc' }),
      row({ id: 'Big', text: 'x'.repeat(70 * 1024) }),
      row({ id: 'Js', target: [{ source: 'javascript:alert(1)' }] }),
      row({ id: 'Tags', tags: Array.from({ length: 200 }, (_, i) => `t${i}`) }),
      row({ id: 'Date', created: 'yesterday' }),
    ] }));
    expect(r.notes).toHaveLength(1);
    expect(r.rejected.map((x) => x.reason)).toEqual([
      'annotation id has invalid characters',
      expect.stringMatching(/note too large/),
      'target 1 source must be http(s)',
      expect.stringMatching(/too many tags/),
      'created is not a date',
    ]);
  });
});
