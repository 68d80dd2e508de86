import type { NoteView } from '../storage/notes-repo';
import { textFragmentUrl } from './text-fragment';

/**
 * The link a note is shared or revisited by: its page opened at the highlighted passage (a text
 * fragment) for a highlight, the page itself for a page note. Null for a page that is not http(s).
 */
export function noteLink(note: Pick<NoteView, 'url' | 'target'>, pageText?: string): string | null {
  if (note.target) return textFragmentUrl(note.url, note.target.quote, pageText);
  try {
    const url = new URL(note.url);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
