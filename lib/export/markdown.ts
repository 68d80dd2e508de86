import type { NoteView } from '../storage/notes-repo';

/**
 * Markdown export for reading and sharing: pages newest first, each with its highlights as block
 * quotes and the reader's notes under them. Page text and notes are data: every line that could
 * start Markdown syntax (a heading, a list, a fence, HTML) is escaped so it renders as written.
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

/** Escapes one line of text so Markdown shows it literally. */
export function escapeLine(line: string): string {
  return line
    .replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#>+\-=~])/, (_m, sp: string, mark: string) => `${sp}\\${mark}`)
    .replace(/^(\s*\d+)([.)])/, (_m, num: string, mark: string) => `${num}\\${mark}`);
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function linkTarget(url: string): string {
  // URLs from the store are parsed hrefs (no spaces); parentheses would end the link early.
  return url.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function exportMarkdown(notes: readonly NoteView[], now: number): string {
  const out: string[] = ['# Counterpoint notes', '', `Exported ${day(now)} · ${notes.length} notes`, ''];
  for (const g of groupByPage(notes)) {
    out.push(`## [${escapeLine(g.title || g.site)}](${linkTarget(g.url)})`, '', `${g.site} · ${day(g.newest)}`, '');
    for (const n of g.notes) {
      if (n.target) {
        for (const line of n.target.quote.exact.split('\n')) out.push(`> ${escapeLine(line)}`);
        out.push('');
      }
      if (n.body) {
        for (const line of n.body.split('\n')) out.push(escapeLine(line) + '  ');
        out.push('');
      }
      const meta = [day(n.createdAt)];
      if (n.sourceUrl !== n.url) meta.push(`from <${linkTarget(n.sourceUrl)}>`);
      if (n.claimId) meta.push(`claim ${escapeLine(n.claimId)}`);
      if (n.anchorState === 'orphan') meta.push('not found on the page');
      out.push(`*${meta.join(' · ')}*`, '', '---', '');
    }
  }
  return out.join('\n');
}
