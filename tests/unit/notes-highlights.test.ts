// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { NOTE_HIGHLIGHT_NAME, NoteHighlights } from '../../lib/notes/note-highlights';

/** A document whose window has a CSS highlight registry (jsdom has none). */
function docWithRegistry() {
  const registry = new Map<string, unknown>();
  class Highlight {
    readonly ranges: Range[];
    constructor(...ranges: Range[]) {
      this.ranges = ranges;
    }
  }
  const doc = document.implementation.createHTMLDocument('t');
  Object.defineProperty(doc, 'defaultView', { value: { CSS: { highlights: registry }, Highlight } });
  return { doc, registry, Highlight };
}

describe('NoteHighlights', () => {
  it('paints the ranges, and takes away only what it painted', () => {
    const { doc, registry } = docWithRegistry();
    const notes = new NoteHighlights(doc);
    notes.paint([doc.createRange()]);
    expect(registry.has(NOTE_HIGHLIGHT_NAME)).toBe(true);
    expect(doc.querySelectorAll('style[data-counterpoint]').length).toBe(1);
    notes.paint([]);
    expect(registry.has(NOTE_HIGHLIGHT_NAME)).toBe(false);
    notes.disconnect();
    expect(doc.querySelectorAll('style[data-counterpoint]').length).toBe(0);
  });

  it("leaves a highlight of the same name it did not register (the page's own, or a test page's)", () => {
    const { doc, registry, Highlight } = docWithRegistry();
    const theirs = new Highlight(doc.createRange());
    registry.set(NOTE_HIGHLIGHT_NAME, theirs);
    const notes = new NoteHighlights(doc);
    notes.paint([]); // a page with no notes to draw
    expect(registry.get(NOTE_HIGHLIGHT_NAME)).toBe(theirs);
    notes.disconnect();
    expect(registry.get(NOTE_HIGHLIGHT_NAME)).toBe(theirs);
  });
});
