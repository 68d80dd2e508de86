import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { escapeLine, exportMarkdown, groupByPage, linkTarget } from '../../lib/export/markdown';
import { parseTextFragment } from '../../lib/links/text-fragment';
import { ownNoteFields } from '../../lib/storage/db';
import type { NoteView } from '../../lib/storage/notes-repo';

/**
 * The Markdown export rendered by a real CommonMark renderer with the most permissive settings a
 * reader's tool could have (raw HTML on, URLs auto-linked), from notes full of hostile text: the
 * structure of the output must be exactly the export's own (one h1, one h2 per page, our links,
 * our quotes, our rules), and every hostile string must read as written.
 */

const HOSTILE = [
  'Title\n# Injected heading',
  'Title\r## CR heading',
  'Title\u2028### LS heading',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<!-- hidden comment -->',
  '<details open><summary>x</summary>y</details>',
  '[click me](https://evil.example/phish)',
  '![pixel](https://evil.example/x.png)',
  '[ref]: https://evil.example/ref',
  '<https://evil.example/auto>',
  'https://evil.example/bare and www.evil.example and mail@evil.example',
  '```js\nfenced()\n```',
  '~~~\ntilde fence',
  '    indented code block',
  '- dash item',
  '* star item',
  '+ plus item',
  '1. ordered item',
  '2) paren item',
  '> quoted',
  'Setext\n===',
  'Setext\n---',
  '***',
  '___',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '**bold** _em_ ~~strike~~ `code`',
  '&lt;b&gt; &amp; &#x3C;script&#x3E;',
  '\\# escaped hash and trailing backslash\\',
  'Term\n: definition',
  '$$x^2$$ and \\(math\\)',
  '  \u00a0# nbsp-indented heading',
];

function hostileNotes(): NoteView[] {
  return HOSTILE.map((text, i) => ({
    id: `h${i}`,
    url: i % 2 ? 'https://news.example/a(1)<b>' : `https://news.example/p${i % 5}`,
    sourceUrl: i % 3 ? 'https://news.example/src?x=1&y=(2)' : i % 2 ? 'https://news.example/a(1)<b>' : `https://news.example/p${i % 5}`,
    title: text,
    body: text,
    target: { quote: { type: 'TextQuoteSelector', exact: `${text} passage`, prefix: 'Before the ', suffix: ' after it.' }, position: null },
    claimId: null,
    anchorState: i % 7 ? 'anchored' : 'orphan',
    createdAt: 1_700_000_000_000 + i * 1000,
    updatedAt: 1_700_000_000_000 + i * 1000,
    ...ownNoteFields(),
    tags: [text.slice(0, 40)],
    links: i % 4 ? [] : ['https://ok.example/link'],
  }));
}

function render(md: string): Document {
  const it = new MarkdownIt({ html: true, linkify: true });
  it.linkify.set({ fuzzyLink: false });
  return new JSDOM(`<body>${it.render(md)}</body>`).window.document;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('Markdown export', () => {
  it('is inert: hostile titles, quotes, notes, tags and URLs add no heading, list, link, HTML or code', () => {
    const notes = hostileNotes();
    const pages = groupByPage(notes);
    const md = exportMarkdown(notes, 1_700_000_100_000);
    const doc = render(md);
    const count = (sel: string) => doc.querySelectorAll(sel).length;
    expect(count('h1')).toBe(1);
    expect(count('h2')).toBe(pages.length);
    expect(count('h3, h4, h5, h6')).toBe(0);
    for (const sel of ['ul', 'ol', 'li', 'pre', 'code', 'img', 'table', 'script', 'details', 'strong', 's', 'del', 'dl']) {
      expect(count(sel), sel).toBe(0);
    }
    expect(count('blockquote')).toBe(notes.length);
    expect(count('blockquote blockquote')).toBe(0);
    expect(count('hr')).toBe(notes.length);
    expect(count('em')).toBe(notes.length); // the meta line of each note, nothing else
    expect(md).not.toContain('<!--');
    // Every link is one the export made: page, passage (text fragment), "from", or a kept link body.
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href')!);
    expect(new Set(hrefs.map((h) => new URL(h).hostname))).toEqual(new Set(['news.example', 'ok.example']));
    const passageLinks = hrefs.filter((h) => h.includes('#:~:text='));
    expect(passageLinks).toHaveLength(notes.length);
    // Each hostile string reads as written (whitespace aside) in the title, the quote and the note.
    const text = squash(doc.body.textContent ?? '');
    for (const h of HOSTILE) {
      const shown = squash(h.split(/\r\n|\r|\n|\u2028/).map((l) => l.replace(/^[\s\u00a0]+/u, '')).join(' '));
      expect(text, h).toContain(shown);
    }
  });

  it('a title with a newline stays text: "# Injected heading" is not a heading', () => {
    const [note] = hostileNotes();
    const doc = render(exportMarkdown([note!], 0));
    expect([...doc.querySelectorAll('h1, h2')].map((h) => h.textContent)).toEqual(['Counterpoint notes', 'Title # Injected heading']);
  });

  it('links each highlight to its passage with a text fragment that parses back to the quote', () => {
    const note = { ...hostileNotes()[0]!, url: 'https://news.example/lecun', title: 'LeCun', body: '', target: { quote: { type: 'TextQuoteSelector' as const, exact: 'kind of a failure', prefix: 'LeCun said xAI is ', suffix: ', frankly.' }, position: null } };
    const doc = render(exportMarkdown([note], 0));
    const a = [...doc.querySelectorAll('a')].find((x) => x.textContent === 'Open at this passage')!;
    expect(a.getAttribute('href')!.startsWith('https://news.example/lecun#:~:text=')).toBe(true);
    expect(parseTextFragment(a.getAttribute('href')!)).toEqual([{ prefix: 'LeCun said xAI is', textStart: 'kind of a failure', suffix: ', frankly.' }]);
  });

  it('groups by page newest first; orphans, tags, authors and "from" are said', () => {
    const notes = hostileNotes().slice(0, 3);
    notes[0]!.origin = { via: 'https://hypothes.is/a/x', canonical: null, creator: { id: 'acct:r@hypothes.is', name: 'A Reader' } };
    const md = exportMarkdown(notes, 0);
    expect(groupByPage(notes).map((g) => g.url)).toEqual(['https://news.example/p2', 'https://news.example/a(1)<b>', 'https://news.example/p0']);
    expect(md).toContain('not found on the page');
    expect(md).toContain('by A Reader');
    expect(md).toContain('tags: Title # Injected heading'); // mid-line: inert as it is
    expect(md).toContain('[from news.example](<https://news.example/src?x=1&y=%282%29>)');
  });

  it('escapes line starts and refuses non-web link targets', () => {
    expect(escapeLine('1. one')).toBe('1\\. one');
    expect(escapeLine('<script>')).toBe('\\<script\\>');
    expect(escapeLine('    # deep')).toBe('\\# deep');
    expect(linkTarget('javascript:alert(1)')).toBeNull();
    expect(linkTarget('https://a.example/x y')).toBe('<https://a.example/x%20y>');
  });
});
