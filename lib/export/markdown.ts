import type { NoteView } from '../storage/notes-repo';
import { textFragmentUrl } from '../links/text-fragment';

/**
 * Markdown export for reading and sharing: pages newest first, each with its highlights as block
 * quotes, a link that opens the page at each highlight (a text fragment, lib/links/), and the
 * reader's notes under them.
 *
 * Titles, quotes, notes, tags and URLs are data from anywhere (a hostile page's title, an imported
 * file): none of it may become Markdown structure. So every character that starts an inline
 * construct is backslash-escaped wherever it stands (emphasis, code, links and images, HTML and
 * entities, tables, strikethrough), the characters that start a block are escaped at the start of
 * each line (headings, quotes, lists, setext underlines), leading whitespace is dropped (no indented
 * code), bare URLs and e-mail addresses are broken for autolinkers (`https\://`, `www\.`, `\@`),
 * single-line fields (titles) lose their line breaks, and link targets are http(s) only,
 * percent-encoded inside `<…>`. Notes written in Markdown (imported from Hypothesis) are shown as
 * their source text, escaped the same way: their structure is theirs, not the export's.
 */

export interface PageGroup {
  url: string;
  title: string;
  site: string;
  /** Newest note first. */
  notes: NoteView[];
  newest: number;
}

export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** Groups notes by canonical URL; groups and notes inside them newest first. */
export function groupByPage(notes: readonly NoteView[]): PageGroup[] {
  const groups = new Map<string, PageGroup>();
  for (const n of notes) {
    let g = groups.get(n.url);
    if (!g) {
      g = { url: n.url, title: '', site: siteOf(n.url), notes: [], newest: 0 };
      groups.set(n.url, g);
    }
    g.notes.push(n);
    if (n.createdAt >= g.newest) {
      g.newest = n.createdAt;
      if (n.title) g.title = n.title;
    }
    if (!g.title && n.title) g.title = n.title;
  }
  const list = [...groups.values()];
  for (const g of list) g.notes.sort((a, b) => b.createdAt - a.createdAt);
  return list.sort((a, b) => b.newest - a.newest);
}

/** Characters that open an inline construct anywhere in a line. */
const INLINE = /[\\`*_[\]()<>|~&!]/g;

/** Escapes text inside a line so no inline Markdown (or HTML, or autolink) comes of it. */
export function escapeInline(text: string): string {
  return text
    .replace(INLINE, (c) => `\\${c}`)
    .replace(/:\/\//g, '\\://')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@');
}

/** Escapes one line of text so Markdown shows it literally (block markers at its start too). */
export function escapeLine(line: string): string {
  return escapeInline(line.replace(/^[\s\u00a0]+/u, ''))
    .replace(/^([#>+\-=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A single-line field (a title): its line breaks become spaces. */
function oneLine(text: string): string {
  return escapeLine(text.replace(/[\r\n\u2028\u2029\u0085]+/g, ' '));
}

function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n|\u2028|\u2029|\u0085/);
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A link destination: http(s) only (null otherwise), percent-encoded so `<…>` holds it whole. */
export function linkTarget(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const href = u.href.replace(/[\s()<>\\`[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `<${href}>`;
}

function link(text: string, url: string): string {
  const target = linkTarget(url);
  return target ? `[${oneLine(text)}](${target})` : oneLine(text);
}

export function exportMarkdown(notes: readonly NoteView[], now: number): string {
  const out: string[] = ['# Counterpoint notes', '', `Exported ${day(now)} · ${notes.length} notes`, ''];
  for (const g of groupByPage(notes)) {
    out.push(`## ${link(g.title || g.site, g.url)}`, '', `${oneLine(g.site)} · ${day(g.newest)}`, '');
    for (const n of g.notes) {
      if (n.target) {
        for (const line of lines(n.target.quote.exact)) out.push(line.trim() ? `> ${escapeLine(line)}` : '>');
        out.push('');
        const fragment = textFragmentUrl(n.url, n.target.quote);
        if (fragment) out.push(link('Open at this passage', fragment), '');
      }
      if (n.body) {
        for (const line of lines(n.body)) out.push(line.trim() ? `${escapeLine(line)}  ` : '');
        out.push('');
      }
      if (n.links.length > 0) {
        out.push(`Links: ${n.links.map((l) => link(l, l)).join(' · ')}`, '');
      }
      const meta = [day(n.createdAt)];
      if (n.sourceUrl !== n.url) meta.push(link(`from ${siteOf(n.sourceUrl)}`, n.sourceUrl));
      if (n.origin?.creator) meta.push(`by ${oneLine(n.origin.creator.name ?? n.origin.creator.id ?? '')}`);
      if (n.tags.length > 0) meta.push(`tags: ${n.tags.map(oneLine).join(', ')}`);
      if (n.claimId) meta.push(`claim ${oneLine(n.claimId)}`);
      if (n.anchorState === 'orphan') meta.push('not found on the page');
      out.push(`*${meta.join(' · ')}*`, '', '---', '');
    }
  }
  return out.join('\n');
}
