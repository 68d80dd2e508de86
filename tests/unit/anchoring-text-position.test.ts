import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildTextModel } from '../../lib/text/text-model';
import { planPage } from '../../lib/anchoring/reanchor';
import { TextContentPositions } from '../../lib/anchoring/text-position';
import { ownNoteFields } from '../../lib/storage/db';

const HTML = `<body><header>Site <b>name</b></header><script>var x = "kind of a failure";</script>
<article><h1>LeCun on xAI</h1><p>He said xAI is <em>kind of</em> a failure, frankly.</p>
<p hidden>kind of a failure (hidden copy)</p><p>Second paragraph ends here.</p></article></body>`;

function setup() {
  const doc = new JSDOM(HTML).window.document;
  const model = buildTextModel(doc.body);
  return { doc, model, positions: new TextContentPositions(doc.body, model) };
}

describe('TextContentPositions (positions other tools count: body.textContent)', () => {
  it('maps a highlight to textContent offsets that hold the same text', () => {
    const { doc, model, positions } = setup();
    const s = model.text.indexOf('kind of a failure');
    const pos = positions.fromModel(s, s + 'kind of a failure'.length)!;
    expect(doc.body.textContent!.slice(pos.start, pos.end)).toBe('kind of a failure');
    // The script's copy comes first in textContent: the visible one is not at the naive index.
    expect(pos.start).toBeGreaterThan(doc.body.textContent!.indexOf('kind of a failure'));
    expect(positions.toModel(pos)).toEqual({ start: s, end: s + 'kind of a failure'.length });
  });

  it('maps across elements and blocks; text we do not read (script, hidden) maps to nothing', () => {
    const { doc, model, positions } = setup();
    const tc = doc.body.textContent!;
    const across = tc.indexOf('a failure, frankly.');
    const m = positions.toModel({ type: 'TextPositionSelector', start: tc.indexOf('xAI is'), end: across + 9 })!;
    expect(model.text.slice(m.start, m.end)).toBe('xAI is kind of a failure');
    const inScript = tc.indexOf('kind of a failure');
    expect(positions.toModel({ type: 'TextPositionSelector', start: inScript, end: inScript + 17 })).toBeNull();
    const hidden = tc.indexOf('(hidden copy)');
    expect(positions.toModel({ type: 'TextPositionSelector', start: hidden, end: hidden + 5 })).toBeNull();
    expect(positions.toModel({ type: 'TextPositionSelector', start: tc.length + 5, end: tc.length + 9 })).toBeNull();
  });

  it('planPage uses a stored (textContent) position as a hint only through the mapping', () => {
    const { doc, model, positions } = setup();
    const tc = doc.body.textContent!;
    const start = tc.indexOf('kind of a failure', tc.indexOf('He said'));
    const note = {
      id: 'n', url: 'https://a.example/', sourceUrl: 'https://a.example/', title: 't', body: '', claimId: null,
      anchorState: 'unknown' as const, createdAt: 1, updatedAt: 1, ...ownNoteFields(),
      target: { quote: { type: 'TextQuoteSelector' as const, exact: 'kind of a failure', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector' as const, start, end: start + 17 } },
    };
    const withMap = planPage(model.text, [note], [], 'https://a.example/', positions).placed[0]!;
    expect(withMap.method).toBe('position');
    expect(model.text.slice(withMap.start, withMap.end)).toBe('kind of a failure');
    // Without the mapping the textContent offsets are not read as model offsets: the quote anchors it.
    expect(planPage(model.text, [note], [], 'https://a.example/').placed[0]!.method).toBe('exact');
    // A wrong hint (another tool's stale position) is not trusted: the quote wins.
    const stale = { ...note, target: { ...note.target, position: { type: 'TextPositionSelector' as const, start: tc.indexOf('Second'), end: tc.indexOf('Second') + 17 } } };
    const placed = planPage(model.text, [stale], [], 'https://a.example/', positions).placed[0]!;
    expect(model.text.slice(placed.start, placed.end)).toBe('kind of a failure');
  });
});
