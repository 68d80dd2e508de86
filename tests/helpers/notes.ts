import type { NoteInput } from '../../lib/storage/validate';

/** A valid note for the storage tests, with `over` replacing any field. */
export function noteInput(over: Partial<NoteInput> = {}): NoteInput {
  return {
    url: 'https://news.example/a',
    sourceUrl: 'https://news.example/a?utm_source=x',
    title: 'A long enough article title',
    body: 'my note',
    target: {
      quote: { type: 'TextQuoteSelector', exact: 'the quoted words', prefix: 'before ', suffix: ' after' },
      position: { type: 'TextPositionSelector', start: 10, end: 26 },
    },
    claimId: null,
    ...over,
  };
}
