import { importAnnotationFile } from '../export/import';
import { exportJsonLd } from '../export/jsonld';
import { exportMarkdown } from '../export/markdown';
import { countNotes, type CounterpointDb } from '../storage/db';
import {
  addNote,
  allNotes,
  deleteNote,
  listNotes,
  notesForPage,
  restoreNote,
  setAnchorStates,
  updateNoteBody,
} from '../storage/notes-repo';
import type { FoundRestatement, StoryResult } from '../restate/types';
import type { FoundClaim } from '../match/find-claims';
import { sourceViewPath } from '../overlay/source-view';
import { canonicalUrl, cleanUrl } from '../anchoring/canonical-url';
import type { NoteView, PageKey } from '../storage/notes-repo';
import { LIMITS } from '../storage/validate';
import { clearVisits, listVisits, recordVisit } from '../storage/reading-history';
import type { DraftDesk, DraftResult } from './drafts';
import { MAX_DIRECTIVES, noteForLink, sameFocus, type FocusStore } from './focus';
import { parseTextFragment } from '../links/text-fragment';
import {
  isInvalid,
  NO_SELECTION,
  parseBackgroundRequest,
  senderMay,
  type AnyReply,
  type BackgroundRequest,
  type ContentDataItem,
  type ErrorReply,
  type HighlightNote,
  type NoteDraft,
  type NoteFocus,
  type PageHints,
  type PanelRequest,
  type Reply,
  type RestatePartText,
  type RequestSender,
  type RequestType,
  type TabRequest,
} from './protocol';

/** Clock and id source, injected so tests are deterministic. */
export interface HandlerEnv {
  now: () => number;
  newId: () => string;
}

export const defaultEnv: HandlerEnv = {
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
};

function errorName(err: unknown): string {
  if (typeof err !== 'object' || err === null) return '';
  const e = err as { name?: unknown; inner?: unknown };
  // Dexie wraps the IndexedDB error (e.g. an AbortError whose `inner` is the QuotaExceededError).
  const inner = errorName(e.inner);
  if (inner === 'QuotaExceededError') return inner;
  return typeof e.name === 'string' ? e.name : inner;
}

/** An error the reader can act on; the storage layer's wording is kept in parentheses for reports. */
export function describeError(err: unknown): string {
  const name = errorName(err);
  const detail = err instanceof Error ? err.message : String(err);
  switch (name) {
    case 'QuotaExceededError':
      return 'Not enough storage space to save: the disk or the browser’s storage quota is full. Nothing was changed; free some space and try again.';
    case 'ConstraintError':
      return 'A note with this id already exists; nothing was overwritten.';
    case 'DatabaseClosedError':
    case 'InvalidStateError':
    case 'UnknownError':
    case 'AbortError':
    case 'OpenFailedError':
    case 'VersionError':
      return `Could not use the notes database (${name}: ${detail.slice(0, 200)}). Nothing was changed.`;
    default:
      return detail.slice(0, 500);
  }
}

/** What the handler needs besides the message: the database and what only the background has. */
export interface HandlerDeps {
  db: CounterpointDb;
  /** Clock and ids (tests pass fixed ones). */
  env?: HandlerEnv;
  /**
   * Injects the content script's second stage into a content script's own document (the tab,
   * frame and document are the browser's account of the sender, never the message's).
   */
  injectSecondStage?: (sender: Extract<RequestSender, { kind: 'content-script' }>) => Promise<void>;
  /** The same for the first stage, asked by the content script's first look. */
  injectFirstStage?: (sender: Extract<RequestSender, { kind: 'content-script' }>) => Promise<void>;
  /** The bundled data the content script's second stage asks for, as JSON text (`content:data`). */
  contentData?: (item: ContentDataItem) => string;
  /** The first tier over one part of a page's text (lib/match/find-claims.ts, `claimsFinder`). */
  findClaims?: (text: string, language: 'ja' | 'en' | null) => Promise<{ found: FoundClaim[]; namesStoryPeople: boolean }>;
  /** The restatement tier over a page's texts (lib/restate/remote.ts, `findRestatements`). */
  restate?: (parts: RestatePartText[], date: string | null) => Promise<{ found: FoundRestatement[]; stories: StoryResult[] }>;
  /** Opens an extension page (path relative to the extension root) in a new tab, after `afterIndex` when given. */
  openTab?: (path: string, afterIndex: number | undefined) => Promise<void>;
  /** Sends a request to a tab's content script (top frame). */
  askTab?: <R extends TabRequest>(tabId: number, request: R) => Promise<Reply<R['type']>>;
  /** Selections on their way from tabs to the side panel. */
  drafts?: DraftDesk;
  /**
   * The content scripts' "may this page have notes?" set (lib/storage/page-keys.ts): withdrawn
   * before a note is added (a worker stopped midway leaves "ask", never a miss), rebuilt after
   * every change to which pages have notes.
   */
  pageKeys?: { withdraw(): Promise<void>; sync(): Promise<void> };
  /** The note the reader asked to see, per tab (lib/messages/focus.ts). */
  focus?: FocusStore;
  /**
   * Opens the side panel for a tab. The browsers allow it only in answer to the reader's gesture
   * (Chromium: also a trusted click in a content script, passed on with its message; Firefox: only
   * its own UI and extension pages), so the handler calls it first, before anything it awaits.
   */
  openPanel?: (tabId: number) => Promise<void>;
  /** Marks a tab's toolbar button while a note waits for the reader in the side panel (null: unmarks). */
  markTab?: (tabId: number, focus: NoteFocus | null) => Promise<void>;
  /** Tells the extension's open pages (the side panel); nobody listening is fine. */
  tellPages?: (request: PanelRequest) => Promise<void>;
  /** Whether the reader keeps a reading history (settings; default on). */
  historyEnabled?: () => Promise<boolean>;
}

/** The story view's address (an extension page), at the story holding `claimId` when given. */
export function storyViewPath(claimId?: string): string {
  return claimId ? `/story.html?claim=${encodeURIComponent(claimId)}` : '/story.html';
}

/** Requests that change which pages have notes. */
const CHANGES_PAGES = new Set<RequestType>(['notes:add', 'notes:restore', 'notes:import', 'notes:delete']);

const NOT_HERE = (what: string): ErrorReply => ({ ok: false, error: `${what} is not available here` });

/**
 * A content script's own page, from the browser's account of it (`sender.url`) and, within that
 * page's origin only, the canonical link and title the content script read from the DOM.
 */
export function pageOfSender(sender: Extract<RequestSender, { kind: 'content-script' }>, hints: PageHints): PageKey {
  const sourceUrl = cleanUrl(sender.url) ?? sender.url;
  return {
    url: canonicalUrl({ href: sender.url, canonicalHref: hints.canonical }) ?? sourceUrl,
    sourceUrl,
    title: hints.title.trim().slice(0, LIMITS.titleChars),
  };
}

/**
 * Asks a tab's content script for the reader's selection (`selection:capture` with a fresh nonce)
 * and returns the draft it handed over as `notes:draft`, or why there is none.
 */
export async function captureDraft(deps: HandlerDeps, tabId: number): Promise<DraftResult> {
  if (!deps.drafts || !deps.askTab) return { error: 'capturing a selection is not available here' };
  const nonce = deps.drafts.expect(tabId);
  let asked: AnyReply;
  try {
    asked = await deps.askTab(tabId, { type: 'selection:capture', nonce });
  } catch {
    return { error: 'Counterpoint cannot reach this tab (not a web page, or opened before Counterpoint was installed: reload it).' };
  }
  if (!asked.ok) return { error: asked.error };
  const draft = deps.drafts.collect(tabId, nonce);
  return draft ? { draft } : { error: NO_SELECTION };
}

const highlightOf = (n: NoteView): HighlightNote => ({ id: n.id, url: n.url, target: n.target });

/** The text directives of a content script's tab address (kept there, hidden from the page). */
const directivesOf = (sender: Extract<RequestSender, { kind: 'content-script' }>) => parseTextFragment(sender.url).slice(0, MAX_DIRECTIVES);

/** Keeps `focus` for the tab (null: forgets it), marks its toolbar button and tells the side panel, when it changed. */
async function setFocus(deps: HandlerDeps, tabId: number, focus: NoteFocus | null): Promise<void> {
  if (!deps.focus) return;
  const current = await deps.focus.get(tabId);
  if (focus ? sameFocus(current, focus) : !current) return;
  if (focus) await deps.focus.set(tabId, focus);
  else await deps.focus.delete(tabId);
  await deps.markTab?.(tabId, focus).catch(() => undefined);
  await deps.tellPages?.({ type: 'panel:focus-ready', tabId }).catch(() => undefined);
}

/**
 * A page drew its highlights: when its tab was opened at a link made for one of them, that note is
 * the one to show (the page itself never learns which). A focus kept for another address of the tab
 * is forgotten. Never fails the drawing.
 */
async function noticeLink(deps: HandlerDeps, sender: Extract<RequestSender, { kind: 'content-script' }>, page: PageKey, notes: readonly NoteView[]): Promise<void> {
  if (!deps.focus) return;
  try {
    const noteId = noteForLink(directivesOf(sender), notes);
    if (noteId) await setFocus(deps, sender.tabId, { noteId, sourceUrl: page.sourceUrl, via: 'link' });
    else if ((await deps.focus.get(sender.tabId))?.sourceUrl !== page.sourceUrl) await setFocus(deps, sender.tabId, null);
  } catch {
    // Showing the linked note is a convenience: the highlights are drawn regardless.
  }
}

async function answer(deps: HandlerDeps, request: BackgroundRequest, sender: RequestSender, env: HandlerEnv): Promise<AnyReply> {
  const { db } = deps;
  switch (request.type) {
    case 'ping':
      return { ok: true, noteCount: await countNotes(db) };
    case 'content:second-stage':
      if (sender.kind !== 'content-script' || !deps.injectSecondStage) return NOT_HERE(request.type);
      await deps.injectSecondStage(sender);
      return { ok: true };
    case 'content:first-stage':
      if (sender.kind !== 'content-script' || !deps.injectFirstStage) return NOT_HERE(request.type);
      await deps.injectFirstStage(sender);
      return { ok: true };
    case 'claims:find':
      if (sender.kind !== 'content-script' || !deps.findClaims) return NOT_HERE(request.type);
      return { ok: true, ...(await deps.findClaims(request.text, request.language)) };
    case 'content:data':
      if (sender.kind !== 'content-script' || !deps.contentData) return NOT_HERE(request.type);
      return { ok: true, json: deps.contentData(request.item) };
    case 'restate:find': {
      if (!deps.restate) return NOT_HERE('the restatement tier');
      return { ok: true, ...(await deps.restate(request.parts, request.date)) };
    }
    case 'source:open':
      if (!deps.openTab) return NOT_HERE('opening tabs');
      await deps.openTab(sourceViewPath(request.claimId, request.lang), sender.tabIndex);
      return { ok: true };
    case 'notes:add':
      return { ok: true, note: await addNote(db, request.note, { id: env.newId(), now: env.now() }) };
    case 'notes:update': {
      const note = await updateNoteBody(db, request.id, request.body, env.now());
      return note ? { ok: true, note } : { ok: false, error: 'This note no longer exists (deleted in another window?).' };
    }
    case 'notes:delete':
      return (await deleteNote(db, request.id, env.now()))
        ? { ok: true }
        : { ok: false, error: 'This note no longer exists (deleted in another window?).' };
    case 'notes:restore': {
      const note = await restoreNote(db, request.id);
      return note ? { ok: true, note } : { ok: false, error: 'This note can no longer be restored.' };
    }
    case 'notes:list':
      return { ok: true, ...(await listNotes(db, request)) };
    case 'notes:page':
      return { ok: true, ...(await notesForPage(db, request.page)) };
    case 'notes:highlights': {
      if (sender.kind !== 'content-script') return NOT_HERE(request.type);
      const page = pageOfSender(sender, request.hints);
      const found = await notesForPage(db, page);
      await noticeLink(deps, sender, page, found.notes);
      return { ok: true, page, notes: found.notes.map(highlightOf), candidates: found.candidates.map(highlightOf) };
    }
    case 'notes:anchors': {
      if (sender.kind !== 'content-script') return NOT_HERE(request.type);
      // Only the sender page's own notes: a page can say nothing about notes made elsewhere.
      const own = new Set((await notesForPage(db, pageOfSender(sender, request.hints))).notes.map((n) => n.id));
      const anchored = request.anchored.filter((id) => own.has(id));
      const orphaned = request.orphaned.filter((id) => own.has(id));
      return { ok: true, updated: await setAnchorStates(db, anchored, orphaned) };
    }
    case 'notes:export': {
      const notes = await allNotes(db);
      const now = env.now();
      const stamp = new Date(now).toISOString().slice(0, 10);
      return request.format === 'jsonld'
        ? { ok: true, content: exportJsonLd(notes, now), filename: `counterpoint-notes-${stamp}.jsonld`, mimeType: 'application/ld+json', count: notes.length }
        : { ok: true, content: exportMarkdown(notes, now), filename: `counterpoint-notes-${stamp}.md`, mimeType: 'text/markdown', count: notes.length };
    }
    case 'notes:import':
      return importAnnotationFile(db, request.content, env.now());
    case 'notes:capture': {
      const r = await captureDraft(deps, request.tabId);
      return 'draft' in r ? { ok: true, draft: r.draft } : { ok: false, error: r.error };
    }
    case 'notes:draft': {
      if (sender.kind !== 'content-script' || !deps.drafts) return NOT_HERE(request.type);
      const draft: NoteDraft = { page: pageOfSender(sender, request.hints), target: request.target, claimId: request.claimId };
      return deps.drafts.deliver(sender.tabId, request.nonce, draft) ? { ok: true } : { ok: false, error: 'no selection was asked for' };
    }
    case 'notes:show': {
      if (sender.kind !== 'content-script') return NOT_HERE(request.type);
      // First, before any await: the browser opens the panel only within the reader's gesture.
      const opening = deps.openPanel ? deps.openPanel(sender.tabId).then(() => true, () => false) : Promise.resolve(false);
      const page = pageOfSender(sender, request.hints);
      // Only a note of the sender's own page (the panel, if it opened, shows that page anyway).
      if (!(await notesForPage(db, page)).notes.some((n) => n.id === request.id)) {
        await opening;
        return { ok: false, error: 'This highlight is not one of this page’s notes.' };
      }
      await setFocus(deps, sender.tabId, { noteId: request.id, sourceUrl: page.sourceUrl, via: 'page' });
      return { ok: true, opened: await opening };
    }
    case 'notes:focus':
      return { ok: true, focus: (await deps.focus?.get(request.tabId)) ?? null };
    case 'page:link-target':
      if (sender.kind !== 'content-script') return NOT_HERE(request.type);
      return { ok: true, directives: directivesOf(sender) };
    case 'notes:take-draft': {
      const r = deps.drafts?.takeReady(request.tabId) ?? null;
      return { ok: true, draft: r && 'draft' in r ? r.draft : null, error: r && 'error' in r ? r.error : null };
    }
    case 'story:open':
      if (!deps.openTab) return NOT_HERE('opening tabs');
      await deps.openTab(storyViewPath(request.claimId), sender.tabIndex);
      return { ok: true };
    case 'page:picked':
      // The tab is the sender's, as the browser reports it: a page cannot speak for another tab.
      if (sender.kind !== 'content-script') return NOT_HERE(request.type);
      await deps.tellPages?.({ type: 'panel:picked', tabId: sender.tabId, item: request.item });
      return { ok: true };
    case 'page:updated':
      if (sender.kind !== 'content-script') return NOT_HERE(request.type);
      await deps.tellPages?.({ type: 'panel:page-updated', tabId: sender.tabId });
      return { ok: true };
    case 'history:record': {
      if (sender.kind !== 'content-script') return NOT_HERE(request.type);
      // Never for a private window, never when the reader turned it off.
      if (sender.private || !deps.historyEnabled || !(await deps.historyEnabled())) return { ok: true, recorded: false };
      const page = pageOfSender(sender, request.hints);
      await recordVisit(db, { url: page.url, sourceUrl: page.sourceUrl, title: page.title, claimIds: request.claimIds }, env.now());
      return { ok: true, recorded: true };
    }
    case 'history:list':
      return { ok: true, visits: await listVisits(db), enabled: deps.historyEnabled ? await deps.historyEnabled() : false };
    case 'history:clear':
      return { ok: true, removed: await clearVisits(db) };
  }
}

/**
 * Answers one untrusted message for the background: every kind is parsed by `parseRequest`,
 * authorised by who sent it (`ALLOWED`: the browser's sender, never the message) and dispatched
 * here, in one place. Pure apart from the dependencies it is given (database, clock, ids, tabs), so
 * it is unit-tested without any extension API; the background entrypoint only wires it to
 * `runtime.onMessage`. It never throws: every failure becomes `{ ok: false, error }` the sender can
 * show.
 */
export async function handleMessage(deps: HandlerDeps, message: unknown, sender: RequestSender): Promise<AnyReply> {
  const request = parseBackgroundRequest(message);
  if (isInvalid(request)) return { ok: false, error: request.invalid };
  if (!senderMay(request.type, sender)) return { ok: false, error: `${request.type} is not allowed from a ${sender.kind}` };
  const env = deps.env ?? defaultEnv;
  const keys = CHANGES_PAGES.has(request.type) ? deps.pageKeys : undefined;
  try {
    if (keys && request.type !== 'notes:delete') await keys.withdraw();
    return await answer(deps, request, sender, env);
  } catch (err) {
    return { ok: false, error: describeError(err) };
  } finally {
    // Rebuilt before the reply, whatever happened (the set must never miss a stored note).
    if (keys) await keys.sync().catch(() => undefined);
  }
}
