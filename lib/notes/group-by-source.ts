import type { NoteView } from '../storage/notes-repo';

/**
 * The popup's grouping: notes under the page where they were taken (`sourceUrl`, the address the
 * reader had open), not under the canonical address the site declares (`url`), which may be another
 * page entirely (a syndicated copy, an AMP page, a print view). The canonical address is kept
 * beside it, to show when it differs. Groups and notes inside them newest first. Pure.
 *
 * (The Markdown export keeps grouping by canonical URL: lib/export/markdown.ts `groupByPage`.)
 */
export interface SourceGroup {
  /** Where the notes were taken. */
  sourceUrl: string;
  /** The canonical addresses of its notes that differ from `sourceUrl` (usually none or one). */
  canonical: string[];
  /** The newest note's page title (else any note's). */
  title: string;
  /** `sourceUrl`'s host, without "www." (the URL itself when it does not parse). */
  site: string;
  /** Newest first. */
  notes: NoteView[];
  newest: number;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** How an address reads in a list: host and path, no scheme, query or fragment kept only if it is all there is. */
export function shortAddress(url: string): string {
  try {
    const u = new URL(url);
    const path = u.pathname === '/' ? '' : u.pathname.replace(/\/$/, '');
    return `${u.hostname.replace(/^www\./, '')}${path}${path ? '' : u.search}`;
  } catch {
    return url;
  }
}

export function groupBySource(notes: readonly NoteView[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  for (const n of notes) {
    const key = n.sourceUrl || n.url;
    let g = groups.get(key);
    if (!g) {
      g = { sourceUrl: key, canonical: [], title: '', site: hostOf(key), notes: [], newest: -Infinity };
      groups.set(key, g);
    }
    g.notes.push(n);
    if (n.url && n.url !== key && !g.canonical.includes(n.url)) g.canonical.push(n.url);
    if (n.createdAt >= g.newest) {
      g.newest = n.createdAt;
      if (n.title) g.title = n.title;
    }
    if (!g.title && n.title) g.title = n.title;
  }
  const list = [...groups.values()];
  for (const g of list) g.notes.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
  return list.sort((a, b) => b.newest - a.newest);
}
