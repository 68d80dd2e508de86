import { describe, expect, it } from 'vitest';
import { groupBySource, shortAddress } from '../../lib/notes/group-by-source';
import type { NoteView } from '../../lib/storage/notes-repo';
import { ownNoteFields } from '../../lib/storage/db';

const note = (id: string, sourceUrl: string, url: string, createdAt: number, title = ''): NoteView => ({
  id, url, sourceUrl, title, body: '', target: null, claimId: null, anchorState: 'unknown', createdAt, updatedAt: createdAt, ...ownNoteFields(),
});

describe('popup groups: by the page where the note was taken', () => {
  it('groups by sourceUrl, not by the canonical address, newest first', () => {
    const groups = groupBySource([
      note('a', 'https://amp.news.example/story?amp=1', 'https://news.example/story', 1, 'Story (AMP)'),
      note('b', 'https://news.example/story', 'https://news.example/story', 2, 'Story'),
      note('c', 'https://amp.news.example/story?amp=1', 'https://news.example/story', 3, 'Story (AMP) updated'),
      note('d', 'https://other.example/', 'https://other.example/', 0),
    ]);
    expect(groups.map((g) => [g.sourceUrl, g.notes.map((n) => n.id), g.canonical])).toEqual([
      ['https://amp.news.example/story?amp=1', ['c', 'a'], ['https://news.example/story']],
      ['https://news.example/story', ['b'], []],
      ['https://other.example/', ['d'], []],
    ]);
    expect(groups[0]!.title).toBe('Story (AMP) updated');
    expect(groups[0]!.site).toBe('amp.news.example');
    expect(groups[2]!.title).toBe('');
  });

  it('lists each different canonical address once', () => {
    const [g] = groupBySource([
      note('a', 'https://s.example/p', 'https://c1.example/p', 1),
      note('b', 'https://s.example/p', 'https://c2.example/p', 2),
      note('c', 'https://s.example/p', 'https://c1.example/p', 3),
    ]);
    expect(g!.canonical).toEqual(['https://c1.example/p', 'https://c2.example/p']);
  });

  it('shows addresses as host and path', () => {
    expect(shortAddress('https://www.news.example/2026/02/story/?utm=x#top')).toBe('news.example/2026/02/story');
    expect(shortAddress('https://blog.example/?p=123')).toBe('blog.example?p=123');
    expect(shortAddress('https://news.example/')).toBe('news.example');
    expect(shortAddress('not a url')).toBe('not a url');
  });
});
