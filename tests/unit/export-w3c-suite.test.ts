import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CounterpointDb } from '../../lib/storage/db';
import { addNote, allNotes } from '../../lib/storage/notes-repo';
import { importAnnotationFile } from '../../lib/export/import';
import { toAnnotationCollection } from '../../lib/export/jsonld';
import { useFreshDb } from '../helpers/notes';
import { MUST_TESTS, OPTIONAL_TESTS, runSuiteTest, SUITE_DIR, type TestResult } from '../helpers/web-annotation-suite';

/**
 * The export checked against the W3C Web Annotation test suite (web-platform-tests
 * `annotation-model/`, vendored with its licence under tests/vendor/). Every MUST assertion for
 * annotations (with their bodies, targets and selectors), collections and pages must hold for
 * every annotation we write; the SHOULDs we claim are listed and held too.
 */

let db: CounterpointDb;
useFreshDb('w3c-suite', (fresh) => (db = fresh));

const quote = (exact: string, prefix = '', suffix = '') => ({ type: 'TextQuoteSelector' as const, exact, prefix, suffix });

/** Every kind of note the store can hold: own and imported, highlight, page note, tags, links, ja/en. */
async function seedEveryKind(): Promise<void> {
  const base = { sourceUrl: 'https://news.example/a?x=1', title: 'An article', claimId: null };
  await addNote(db, { ...base, url: 'https://news.example/a', body: 'This is the claim I want to check.', target: { quote: quote('kind of a failure', 'xAI is ', ', frankly'), position: { type: 'TextPositionSelector', start: 120, end: 137 } } }, { id: '0b7c7d2e-1111-4222-8333-444455556666', now: 1_700_000_000_000 });
  await addNote(db, { ...base, url: 'https://news.example/a', body: '', target: { quote: quote('大バブル爆発'), position: null } }, { id: 'n-highlight', now: 1_700_000_001_000 });
  await addNote(db, { ...base, url: 'https://news.example/b', body: 'この記事は要確認', target: null, claimId: 's003-lecun-failure' }, { id: 'n-page', now: 1_700_000_002_000 });
  const hypothesis = {
    total: 2,
    rows: [
      { id: 'AbC123_-x', created: '2024-05-01T10:00:00.000000+00:00', updated: '2024-05-02T10:00:00.000000+00:00', user: 'acct:reader@hypothes.is', user_info: { display_name: 'A Reader' }, uri: 'https://news.example/c', text: '**Bold** claim, see [source](https://example.org)', tags: ['ai', 'bubble'], target: [{ source: 'https://news.example/c', selector: [{ type: 'TextPositionSelector', start: 5, end: 12 }, { type: 'TextQuoteSelector', exact: 'bubbles', prefix: 'Big ', suffix: ' burst' }] }], document: { title: ['C'] }, links: { html: 'https://hypothes.is/a/AbC123_-x' } },
      { id: 'PageNote1', created: '2024-05-03T10:00:00+00:00', updated: '2024-05-03T10:00:00+00:00', user: 'acct:reader@hypothes.is', uri: 'https://news.example/d', text: '', tags: ['later'], target: [{ source: 'https://news.example/d' }], links: { html: 'https://hypothes.is/a/PageNote1' } },
    ],
  };
  expect(await importAnnotationFile(db, JSON.stringify(hypothesis), 5)).toMatchObject({ ok: true, added: 2 });
  const w3c = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'http://example.org/anno1', type: 'Annotation', body: 'http://example.org/post1', target: 'https://news.example/e' };
  expect(await importAnnotationFile(db, JSON.stringify(w3c), 5)).toMatchObject({ ok: true, added: 1 });
}

function failuresOf(r: TestResult): string[] {
  return r.failures.map((f) => `${f.file}: ${f.errors}`);
}

describe('W3C Web Annotation test suite', () => {
  it('runs the suite: its own correct samples pass every MUST and its incorrect ones fail one', () => {
    // Guards the runner itself (a runner that passes everything would make the checks below worthless).
    const dir = (kind: string) => join(SUITE_DIR, 'tools', 'samples', kind);
    const parse = (path: string): unknown => {
      try {
        return JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        return null;
      }
    };
    let incorrectChecked = 0;
    for (const f of readdirSync(dir('incorrect'))) {
      const doc = parse(join(dir('incorrect'), f));
      if (doc === null) continue; // the suite's "not JSON" samples
      incorrectChecked++;
      expect(runSuiteTest(MUST_TESTS.annotation, doc).failures.length, f).toBeGreaterThan(0);
    }
    expect(incorrectChecked).toBeGreaterThanOrEqual(20);
    for (const f of ['anno1.json', 'anno10.json', 'anno20.json', 'anno30.json', 'anno40.json']) {
      expect(failuresOf(runSuiteTest(MUST_TESTS.annotation, parse(join(dir('correct'), f)))), f).toEqual([]);
    }
    expect(failuresOf(runSuiteTest(MUST_TESTS.collection, parse(join(dir('correct'), 'collection1.json'))))).toEqual([]);
  });

  it('every exported annotation, the collection and its page meet every MUST', async () => {
    await seedEveryKind();
    const collection = JSON.parse(JSON.stringify(toAnnotationCollection(await allNotes(db), 1_700_000_009_000))) as ReturnType<typeof toAnnotationCollection>;
    expect(collection.first.items).toHaveLength(6);
    for (const anno of collection.first.items) {
      const r = runSuiteTest(MUST_TESTS.annotation, { '@context': collection['@context'], ...anno });
      expect(r.results.length).toBeGreaterThan(50);
      expect(failuresOf(r), anno.id).toEqual([]);
    }
    const c = runSuiteTest(MUST_TESTS.collection, collection);
    expect(c.results.length).toBe(10);
    expect(failuresOf(c)).toEqual([]);
    // The page embedded in the collection, and the page on its own (with the context it inherits).
    expect(failuresOf(runSuiteTest(MUST_TESTS.page, collection))).toEqual([]);
    expect(failuresOf(runSuiteTest(MUST_TESTS.page, { '@context': collection['@context'], ...collection.first }))).toEqual([]);
  });

  it('the MUSTs catch what the issue found: a collection and page without ids fail', async () => {
    await seedEveryKind();
    const collection = JSON.parse(JSON.stringify(toAnnotationCollection(await allNotes(db), 0))) as Record<string, Record<string, unknown>>;
    delete collection.id;
    delete collection.first!.id;
    expect(runSuiteTest(MUST_TESTS.collection, collection).failures.map((f) => f.file)).toEqual(['collections/5.1-collectionIdValidated.json']);
    expect(runSuiteTest(MUST_TESTS.page, collection).failures.map((f) => f.file)).toEqual(['collections/pages/5.2-pageIdValidated.json']);
  });

  it('meets the SHOULDs that make sense for a reader’s notes', async () => {
    await seedEveryKind();
    const collection = toAnnotationCollection(await allNotes(db), 1_700_000_009_000);
    const met = (test: string, doc: unknown) =>
      new Set(runSuiteTest(test, JSON.parse(JSON.stringify(doc))).results.filter((r) => r.met).map((r) => r.file.split('/').pop()));
    const bodiesOf = (a: (typeof collection.first.items)[number]) => (a.body === undefined ? [] : Array.isArray(a.body) ? a.body : [a.body]);
    const withBody = collection.first.items.filter((a) => a.body);
    const withoutCreator: string[] = [];
    for (const anno of collection.first.items) {
      const m = new Set([...met(OPTIONAL_TESTS.annotation, anno), ...met(OPTIONAL_TESTS.annotationAgents, anno)]);
      for (const should of ['3.3.1-annotationCreatedImplemented.json', '3.3.1-annotationModifiedImplemented.json', '3.3.5-annotationMotivationImplemented.json', '3.3.5-annotationSingleMotivationImplemented.json']) {
        expect(m.has(should), `${anno.id} ${should}`).toBe(true);
      }
      if (m.has('3.3.1-annotationCreatorImplemented.json')) expect(m.has('3.3.1-annotationSingleCreatorImplemented.json')).toBe(true);
      else withoutCreator.push(anno.via ?? anno.id);
      if (anno.body) expect(m.has('3.1-bodyKeyFound.json'), anno.id).toBe(true);
      if (bodiesOf(anno).some((b) => 'value' in b)) {
        expect(m.has('3.2.1-bodyFormat.json') && m.has('3.2.1-bodySingleFormat.json'), anno.id).toBe(true);
      }
    }
    // Only the imported annotation whose file named no author has none (we do not invent one).
    expect(withoutCreator).toEqual(['http://example.org/anno1']);
    // Language on the bodies whose text says which language it is (en, ja); Markdown kept as Markdown.
    const languages = withBody.map((a) => bodiesOf(a).find((b) => 'value' in b && b.purpose === 'commenting')).map((b) => (b && 'value' in b ? [b.language, b.format] : null));
    expect(languages).toContainEqual(['en', 'text/plain']);
    expect(languages).toContainEqual(['ja', 'text/plain']);
    expect(languages).toContainEqual(['en', 'text/markdown']); // Hypothesis's Markdown stays Markdown
    const langMet = withBody.filter((a) => bodiesOf(a).some((b) => 'value' in b && b.language)).map((a) => met(OPTIONAL_TESTS.annotation, a));
    expect(langMet.length).toBeGreaterThanOrEqual(2);
    for (const m of langMet) expect(m.has('3.2.1-bodyLanguage.json') && m.has('3.2.1-bodySingleLanguage.json')).toBe(true);
    const cm = met(OPTIONAL_TESTS.collection, collection);
    for (const should of ['5.1-collectionLabelImplemented.json', '5.1-collectionTotalImplemented.json', '5.1-collectionFirstImplemented.json']) expect(cm.has(should), should).toBe(true);
  });
});
