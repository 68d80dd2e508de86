/**
 * The typed message protocol: every message the extension's parts send each other.
 *
 * One `Request` union, one parser (`parseRequest`), one reply type per kind (`ReplyMap`). Each kind
 * has one destination (`DESTINATION`): the background (`lib/messages/handle.ts` answers it) or a
 * tab's content script. Everything that crosses the boundary is `unknown` until `parseRequest`
 * says otherwise: a content script runs next to a hostile page, so every receiver validates.
 */
import type { Lang } from '../dataset/types';
import type { PageClaim } from '../overlay/types';
import type { Visit } from '../storage/reading-history';

export type { PageClaim };
import type { ImportReport } from '../export/import';
import type { FoundRestatement, StoryResult } from '../restate/types';
import type { FoundClaim } from '../match/find-claims';
import type { ListResult, NoteView, PageKey, PageNotes } from '../storage/notes-repo';
import { NOTE_FILTERS, type NoteFilter } from '../storage/filters';
import type { NoteTarget } from '../anchoring/types';
import type { TextDirective } from '../links/text-fragment';
import {
  checkClaimId,
  checkHttpUrl,
  checkId,
  checkIdList,
  checkNoteInput,
  checkString,
  checkTarget,
  checkText,
  InvalidInput,
  LIMITS,
  type NoteInput,
} from '../storage/validate';

export type ExportFormat = 'jsonld' | 'markdown';

/** One part of an article for `restate:find`: its text, and the first tier's hits [start, end, claim index]. */
export interface RestatePartText {
  text: string;
  hits: [number, number, number][];
}

/** Most parts (50,000 characters each: lib/match/pipeline.ts) and characters a `restate:find` takes (and a `claims:find`'s one text). */
export const RESTATE_LIMITS = { parts: 128, chars: 4_000_000, hitsPerPart: 5000 } as const;

/**
 * What the content script's second stage asks the background for instead of carrying it: the card
 * catalog (to draw cards) and the UI's strings in one language (with English for any string that
 * language lacks). All of it is the extension's own bundled data,
 * the same for every page.
 */
export const CONTENT_DATA_ITEMS = ['claims-catalog', 'messages-en', 'messages-ja'] as const;
export type ContentDataItem = (typeof CONTENT_DATA_ITEMS)[number];

/** Every request. Add new kinds here; `parseRequest`, `DESTINATION`, `ALLOWED` and `ReplyMap` must learn each one. */
export type Request =
  // ---- to the background ----
  | { type: 'ping' }
  /**
   * From the content script's first stage: inject the second stage (the overlay, the notes) into
   * the sender's own document. Asked at most once per page, only when the page needs it.
   */
  | { type: 'content:second-stage' }
  /**
   * From the content script's first look: inject the first stage (the page's life cycle) into the
   * sender's own document. Asked once per page, only by a page that needs Counterpoint.
   */
  | { type: 'content:first-stage' }
  /**
   * The first tier on one part of an article that passed the gate (lib/match/find-claims.ts): its
   * text and the language detection gave it. The background holds the index; the answer is offsets
   * in that text with what a card shows of each claim, and whether the text names a story's people
   * (for `restate:find`). The text is used for the answer and kept nowhere.
   */
  | { type: 'claims:find'; text: string; language: 'ja' | 'en' | null }
  /**
   * From the content script's second stage: one of the bundled files it needs but does not carry
   * (README "What the content script costs a page"), as JSON text.
   */
  | { type: 'content:data'; item: ContentDataItem }
  /** Open the bundled source view for a claim in a new tab (a page may not navigate to it). */
  | { type: 'source:open'; claimId: string; lang?: Lang }
  /**
   * The restatement tier on an article the first tier has matched (lib/restate/core.ts): the text
   * of each part and the first tier's hits there; the page's publication date if it states one. The
   * background holds the tier's index; the text is used for the answer and kept nowhere.
   */
  | { type: 'restate:find'; parts: RestatePartText[]; date: string | null }
  /** Save a new highlight/note; the background assigns id and timestamps. */
  | { type: 'notes:add'; note: NoteInput }
  /** Replace a note's text. */
  | { type: 'notes:update'; id: string; body: string }
  /** Move a note to the trash (undo with `notes:restore`). */
  | { type: 'notes:delete'; id: string }
  | { type: 'notes:restore'; id: string }
  /** Newest first, searched and filtered, one page of results. */
  | { type: 'notes:list'; search: string; filter: NoteFilter; offset: number; limit: number }
  /** The notes of a page (and same-site candidates from other URLs), for the extension's own pages. */
  | { type: 'notes:page'; page: PageKey }
  /**
   * A content script's own page: the highlights to draw there. The page is the sender's address;
   * `canonical` (the page's canonical link as written) and `title` only refine it within its origin.
   */
  | { type: 'notes:highlights'; hints: PageHints }
  /** What a page visit found: which of the sender page's highlights re-anchored and which are orphans. */
  | { type: 'notes:anchors'; hints: PageHints; anchored: string[]; orphaned: string[] }
  | { type: 'notes:export'; format: ExportFormat }
  /** The text of a JSON-LD file the reader chose. */
  | { type: 'notes:import'; content: string }
  /** Start a note on the reader's selection in a tab: the background asks that tab's content script for it. */
  | { type: 'notes:capture'; tabId: number }
  /** A content script's answer to `selection:capture`: the selection it was asked for (`nonce`). */
  | { type: 'notes:draft'; nonce: string; hints: PageHints; target: NoteTarget; claimId: string | null }
  /** The draft the context menu or shortcut captured for a tab, if any (taken once). */
  | { type: 'notes:take-draft'; tabId: number }
  /** Open the story view (at the story holding `claimId`, if given) in a new tab. */
  | { type: 'story:open'; claimId?: string }
  /**
   * A content script: the reader picked a claim or one of their highlights on its page (a trusted
   * click). The background tells the side panel, naming the sender's tab (never a tab the message names).
   */
  | { type: 'page:picked'; item: PickedItem }
  /** A content script: what its page shows changed (claims appeared, or were hidden): the side panel reloads it. */
  | { type: 'page:updated' }
  /** A content script: its page shows these claims (the reading history; the page is the sender's). */
  | { type: 'history:record'; hints: PageHints; claimIds: string[] }
  /** The reading history: which pages showed which claims (extension pages only). */
  | { type: 'history:list' }
  /** Erase the reading history (extension pages only). */
  | { type: 'history:clear' }
  /**
   * The reader clicked "Show note" at one of the sender page's highlights: open the side panel at
   * that note (the page is the sender's; a note of another page is refused).
   */
  | { type: 'notes:show'; hints: PageHints; id: string }
  /** The note the side panel shows first for a tab: opened by its link, or asked for on the page. */
  | { type: 'notes:focus'; tabId: number }
  /**
   * The text directives (`#:~:text=…`) of the address the sender's tab was opened at. Both browsers
   * hide them from the page, and Firefox from the content script too; the tab's address keeps them.
   */
  | { type: 'page:link-target' }
  // ---- to a tab's content script ----
  /** "What page is this, and what became of its highlights?" (for the popup and the side panel). */
  | { type: 'notes:page-info' }
  /** Describe the reader's selection and hand it to the background as `notes:draft` with this nonce. */
  | { type: 'selection:capture'; nonce: string }
  /** The page's notes changed (saved, deleted…): draw them again. */
  | { type: 'notes:redraw' }
  /** How much main-thread time the overlay took on this page (for tests, the bench and DevTools users). */
  | { type: 'overlay:stats' }
  /** The claims the page shows, in reading order (the side panel's list). */
  | { type: 'overlay:claims' }
  /** Scroll to a claim and open its card (the side panel's list). */
  | { type: 'overlay:reveal'; claimId: string }
  /** Move the keyboard to the next or previous claim (the extension's commands). */
  | { type: 'overlay:step'; direction: 1 | -1 }
  /** Show again what "Hide for this page" took away. */
  | { type: 'overlay:show' }
  /** Scroll to one of the reader's highlights on the page (the side panel's list; ids only). */
  | { type: 'notes:reveal'; id: string }
  /** A link to one of this page's notes, made with the page's text (no context words when its passage is unique). */
  | { type: 'notes:link'; id: string }
  // ---- from the background to the extension's own pages ----
  /** A draft for `tabId` is waiting (`notes:take-draft`): the side panel picks it up. */
  | { type: 'panel:draft-ready'; tabId: number }
  /** The note to show first for `tabId` changed (`notes:focus`): the side panel asks again. */
  | { type: 'panel:focus-ready'; tabId: number }
  /** The reader picked something on `tabId`'s page: the side panel shows it. */
  | { type: 'panel:picked'; tabId: number; item: PickedItem }
  /** What `tabId`'s page shows changed: the side panel asks it again. */
  | { type: 'panel:page-updated'; tabId: number };

/** What the reader picked on a page: a claim (by id) or one of their highlights (by note id: never its text). */
export type PickedItem = { kind: 'claim'; claimId: string } | { kind: 'note'; id: string };

/** What a content script may say about its own page; never enough to name another page. */
export interface PageHints {
  /** The page's `<link rel=canonical href>` as written, or null. Used only within the page's origin. */
  canonical: string | null;
  title: string;
}

/** A saved highlight as a content script gets it: where to draw, nothing of the reader's text. */
export type HighlightNote = Pick<NoteView, 'id' | 'url' | 'target'>;

/** A note in the making: what the reader selected, on which page. The side panel adds the text. */
export interface NoteDraft {
  page: PageKey;
  target: NoteTarget;
  claimId: string | null;
}

/** What became of a page's highlights on its last drawing (ids only). */
export interface HighlightState {
  placed: string[];
  orphaned: string[];
  /** Notes from another URL of the site whose quote was found here. */
  adopted: { id: string; url: string }[];
}

/** The overlay's own main-thread work on a page, in ms (each a synchronous slice). */
export interface OverlayStats {
  slices: number;
  longestMs: number;
  longestByPhase: Record<string, number>;
  /** How many texts this document sent the background to match (`claims:find`: one per part of each run). */
  claimsFinds: number;
  /** How many times the second stage was evaluated in this content script's world (0: never loaded; never more than 1). */
  secondStageRuns: number;
  /** Whether the first look asked for the first stage (false: an extension page's request started it). */
  firstLookAsked: boolean;
}

/**
 * The note the reader asked to see in a tab: by opening a link to it (`via: 'link'`), or with "Show
 * note" at its highlight on the page (`'page'`). Kept for the page it was asked on (`sourceUrl`).
 */
export interface NoteFocus {
  noteId: string;
  sourceUrl: string;
  via: 'link' | 'page';
}

/** A capture that found no selection to note: the side panel says how to make one. */
export const NO_SELECTION = 'no-selection';

export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** Replies, keyed by request kind so a caller gets the right reply type. */
export interface ReplyMap {
  ping: { ok: true; noteCount: number };
  'content:second-stage': { ok: true };
  'content:first-stage': { ok: true };
  'claims:find': { ok: true; found: FoundClaim[]; namesStoryPeople: boolean };
  'content:data': { ok: true; json: string };
  'source:open': { ok: true };
  'restate:find': { ok: true; found: FoundRestatement[]; stories: StoryResult[] };
  'notes:add': { ok: true; note: NoteView };
  'notes:update': { ok: true; note: NoteView };
  'notes:delete': { ok: true };
  'notes:restore': { ok: true; note: NoteView };
  'notes:list': { ok: true } & ListResult;
  'notes:page': { ok: true } & PageNotes;
  'notes:highlights': { ok: true; page: PageKey; notes: HighlightNote[]; candidates: HighlightNote[] };
  'notes:anchors': { ok: true; updated: number };
  'notes:export': { ok: true; content: string; filename: string; mimeType: string; count: number };
  'notes:import': { ok: true } & ImportReport;
  'notes:capture': { ok: true; draft: NoteDraft };
  'notes:draft': { ok: true };
  'notes:take-draft': { ok: true; draft: NoteDraft | null; error: string | null };
  /** `opened`: whether the side panel opened (Firefox allows it only from the browser's own UI and extension pages). */
  'notes:show': { ok: true; opened: boolean };
  'notes:focus': { ok: true; focus: NoteFocus | null };
  'page:link-target': { ok: true; directives: TextDirective[] };
  'notes:page-info': { ok: true; page: PageKey | null; highlights: HighlightState };
  'selection:capture': { ok: true };
  'notes:redraw': { ok: true };
  'overlay:stats': { ok: true; stats: OverlayStats };
  'story:open': { ok: true };
  'page:picked': { ok: true };
  'page:updated': { ok: true };
  'history:record': { ok: true; recorded: boolean };
  'history:list': { ok: true; visits: Visit[]; enabled: boolean };
  'history:clear': { ok: true; removed: number };
  'overlay:claims': { ok: true; hidden: boolean; claims: PageClaim[] };
  'overlay:reveal': { ok: true; found: boolean };
  'overlay:step': { ok: true; moved: boolean };
  'overlay:show': { ok: true };
  'notes:reveal': { ok: true; found: boolean };
  'panel:draft-ready': { ok: true };
  'panel:picked': { ok: true };
  'panel:page-updated': { ok: true };
  'notes:link': { ok: true; link: string | null };
  'panel:focus-ready': { ok: true };
}

export type ErrorReply = { ok: false; error: string };
export type Reply<T extends RequestType> = ReplyMap[T] | ErrorReply;
export type AnyReply = ReplyMap[RequestType] | ErrorReply;

/** Where each kind goes: the background, the content script of one tab, or the extension's own pages. */
export const DESTINATION = {
  ping: 'background',
  'content:second-stage': 'background',
  'content:first-stage': 'background',
  'claims:find': 'background',
  'content:data': 'background',
  'source:open': 'background',
  'restate:find': 'background',
  'notes:add': 'background',
  'notes:update': 'background',
  'notes:delete': 'background',
  'notes:restore': 'background',
  'notes:list': 'background',
  'notes:page': 'background',
  'notes:highlights': 'background',
  'notes:anchors': 'background',
  'notes:export': 'background',
  'notes:import': 'background',
  'notes:capture': 'background',
  'notes:draft': 'background',
  'notes:take-draft': 'background',
  'story:open': 'background',
  'page:picked': 'background',
  'page:updated': 'background',
  'history:record': 'background',
  'history:list': 'background',
  'history:clear': 'background',
  'notes:show': 'background',
  'notes:focus': 'background',
  'page:link-target': 'background',
  'notes:page-info': 'tab',
  'selection:capture': 'tab',
  'notes:redraw': 'tab',
  'overlay:stats': 'tab',
  'overlay:claims': 'tab',
  'overlay:reveal': 'tab',
  'overlay:step': 'tab',
  'overlay:show': 'tab',
  'notes:reveal': 'tab',
  'panel:draft-ready': 'extension-pages',
  'panel:picked': 'extension-pages',
  'panel:page-updated': 'extension-pages',
  'notes:link': 'tab',
  'panel:focus-ready': 'extension-pages',
} as const satisfies Record<RequestType, 'background' | 'tab' | 'extension-pages'>;

type KindsFor<D extends string> = { [K in RequestType]: (typeof DESTINATION)[K] extends D ? K : never }[RequestType];
export type BackgroundRequest = Extract<Request, { type: KindsFor<'background'> }>;
export type TabRequest = Extract<Request, { type: KindsFor<'tab'> }>;
export type PanelRequest = Extract<Request, { type: KindsFor<'extension-pages'> }>;

/**
 * Who sent a request, as the browser reports it (`runtime.onMessage`'s sender), never as the
 * message says. Mapped from the browser's sender in `utils/message-sender.ts`.
 */
export type RequestSender =
  /** A page of this extension's own origin (popup, side panel, source view…); `tabIndex` when it is open in a tab. */
  | { kind: 'extension-page'; tabIndex?: number }
  /**
   * This extension's content script in the top frame of a web page; `url` is that page's address
   * now; `documentId` the browser's id of that document, when it gives one (Chromium, Firefox 1xx);
   * `private` when the tab is in a private (incognito) window.
   */
  | { kind: 'content-script'; tabId: number; tabIndex: number; url: string; documentId?: string; private?: boolean };

/**
 * Who may send each background request. Reading or changing many notes, or any note by id, is for
 * the extension's own pages only; a content script (which lives next to a hostile page, and would
 * speak for it if its renderer were compromised) may only have the content script's parts injected
 * into its own document, read the extension's bundled data the second stage needs, have its page's text matched (`claims:find`, `restate:find`: the answer is about that text only),
 * open a source view, read its own page's highlights, report on them, hand over a selection it was
 * asked for, ask for the side panel at one of its own page's notes, and read the text directives of
 * its own tab's address.
 */
export const ALLOWED: Record<BackgroundRequest['type'], readonly RequestSender['kind'][]> = {
  ping: ['extension-page'],
  'content:second-stage': ['content-script'],
  'content:first-stage': ['content-script'],
  'claims:find': ['content-script'],
  'content:data': ['content-script'],
  'source:open': ['content-script', 'extension-page'],
  'restate:find': ['content-script', 'extension-page'],
  'notes:add': ['extension-page'],
  'notes:update': ['extension-page'],
  'notes:delete': ['extension-page'],
  'notes:restore': ['extension-page'],
  'notes:list': ['extension-page'],
  'notes:page': ['extension-page'],
  'notes:highlights': ['content-script'],
  'notes:anchors': ['content-script'],
  'notes:export': ['extension-page'],
  'notes:import': ['extension-page'],
  'notes:capture': ['extension-page'],
  'notes:draft': ['content-script'],
  'notes:take-draft': ['extension-page'],
  'story:open': ['content-script', 'extension-page'],
  'page:picked': ['content-script'],
  'page:updated': ['content-script'],
  'history:record': ['content-script'],
  'history:list': ['extension-page'],
  'history:clear': ['extension-page'],
  'notes:show': ['content-script'],
  'notes:focus': ['extension-page'],
  'page:link-target': ['content-script'],
};

const MAX_MESSAGE_KEYS = 16;
export const MAX_PAGE_SIZE = 500;
/** A claim id as the dataset writes them; only this shape becomes part of an extension URL. */
const CLAIM_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

function checkInt(v: unknown, field: string, min: number, max: number, fallback: number): number {
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) {
    throw new InvalidInput(`${field} must be an integer from ${min} to ${max}`);
  }
  return v;
}

function checkFilter(v: unknown): NoteFilter {
  if (v === undefined) return 'all';
  if (typeof v === 'string' && (NOTE_FILTERS as readonly string[]).includes(v)) return v as NoteFilter;
  throw new InvalidInput(`filter must be one of ${NOTE_FILTERS.join(', ')}`);
}

function checkPage(v: unknown): PageKey {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new InvalidInput('page must be an object');
  const p = v as Record<string, unknown>;
  return {
    url: checkHttpUrl(p.url, 'page.url'),
    sourceUrl: checkHttpUrl(p.sourceUrl ?? p.url, 'page.sourceUrl'),
    title: p.title === undefined ? '' : checkString(p.title, 'page.title', LIMITS.titleChars),
  };
}

function checkHints(v: unknown): PageHints {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new InvalidInput('hints must be an object');
  const h = v as Record<string, unknown>;
  return {
    canonical: h.canonical === null || h.canonical === undefined ? null : checkString(h.canonical, 'hints.canonical', LIMITS.urlChars),
    title: h.title === undefined ? '' : checkString(h.title, 'hints.title', LIMITS.titleChars),
  };
}

function checkTabId(v: unknown): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new InvalidInput('tabId must be a tab id');
  return v;
}

function checkNonce(v: unknown): string {
  return checkId(v, 'nonce');
}

function checkClaimRef(v: unknown): string {
  if (typeof v !== 'string' || !CLAIM_ID.test(v)) throw new InvalidInput('claimId must be a claim id');
  return v;
}

function checkLang(v: unknown): Lang | undefined {
  if (v === undefined) return undefined;
  if (v === 'ja' || v === 'en') return v;
  throw new InvalidInput('lang must be ja or en');
}

/** At most this many claim ids in one report (a page shows at most a few hundred). */
export const MAX_CLAIMS_PER_PAGE = 1000;

function checkClaimIds(v: unknown): string[] {
  if (!Array.isArray(v)) throw new InvalidInput('claimIds must be a list');
  if (v.length > MAX_CLAIMS_PER_PAGE) throw new InvalidInput(`claimIds: at most ${MAX_CLAIMS_PER_PAGE}`);
  return [...new Set(v.map(checkClaimRef))];
}

function checkPicked(v: unknown): PickedItem {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new InvalidInput('item must be an object');
  const o = v as Record<string, unknown>;
  if (o.kind === 'claim') return { kind: 'claim', claimId: checkClaimRef(o.claimId) };
  if (o.kind === 'note') return { kind: 'note', id: checkId(o.id) };
  throw new InvalidInput('item.kind must be claim or note');
}

function checkRestateParts(v: unknown): RestatePartText[] {
  if (!Array.isArray(v) || v.length > RESTATE_LIMITS.parts) throw new InvalidInput(`parts must be an array of at most ${RESTATE_LIMITS.parts}`);
  let chars = 0;
  return v.map((p, i) => {
    if (typeof p !== 'object' || p === null || Array.isArray(p)) throw new InvalidInput(`parts[${i}] must be an object`);
    const { text, hits } = p as Record<string, unknown>;
    if (typeof text !== 'string') throw new InvalidInput(`parts[${i}].text must be a string`);
    chars += text.length;
    if (chars > RESTATE_LIMITS.chars) throw new InvalidInput(`parts hold more than ${RESTATE_LIMITS.chars} characters`);
    if (!Array.isArray(hits) || hits.length > RESTATE_LIMITS.hitsPerPart) throw new InvalidInput(`parts[${i}].hits must be an array`);
    const ok = (n: unknown, max: number): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n <= max;
    return {
      text,
      hits: hits.map((h, j) => {
        if (!Array.isArray(h) || h.length !== 3 || !ok(h[0], text.length) || !ok(h[1], text.length) || !ok(h[2], 1_000_000) || h[0] > h[1]) {
          throw new InvalidInput(`parts[${i}].hits[${j}] must be [start, end, claim] within the text`);
        }
        return [h[0], h[1], h[2]] as [number, number, number];
      }),
    };
  });
}

function checkIsoDate(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(v)) return v;
  throw new InvalidInput('date must be null or "YYYY-MM" / "YYYY-MM-DD"');
}

/** Kinds whose message is the type alone: any other field is refused. */
function onlyType(type: RequestType, m: Record<string, unknown>): void {
  if (Object.keys(m).length !== 1) throw new InvalidInput(`${type} takes no fields`);
}

/**
 * The kinds a content script receives, parsed on their own: the content script's first stage runs
 * on every page and listens for these alone, so it carries none of the other kinds' validation.
 */
function parseTabKind(type: TabRequest['type'], m: Record<string, unknown>): TabRequest {
  switch (type) {
    case 'notes:page-info':
    case 'notes:redraw':
    case 'overlay:stats':
    case 'overlay:claims':
    case 'overlay:show':
      onlyType(type, m);
      return { type };
    case 'selection:capture':
      return { type, nonce: checkNonce(m.nonce) };
    case 'notes:link':
    case 'notes:reveal':
      return { type, id: checkId(m.id) };
    case 'overlay:reveal':
      return { type, claimId: checkClaimRef(m.claimId) };
    case 'overlay:step':
      if (m.direction !== 1 && m.direction !== -1) throw new InvalidInput('direction must be 1 or -1');
      return { type, direction: m.direction };
    default:
      throw new InvalidInput(`${String(type)} is not for a tab`);
  }
}

function parseKnown(type: RequestType, m: Record<string, unknown>): Request {
  switch (type) {
    case 'notes:page-info':
    case 'notes:redraw':
    case 'overlay:stats':
    case 'selection:capture':
    case 'notes:link':
    case 'overlay:claims':
    case 'overlay:show':
    case 'overlay:reveal':
    case 'overlay:step':
    case 'notes:reveal':
      return parseTabKind(type, m);
    case 'ping':
      return { type };
    case 'content:second-stage':
    case 'content:first-stage':
    case 'history:list':
    case 'history:clear':
    case 'page:updated':
    case 'page:link-target':
      onlyType(type, m);
      return { type };
    case 'story:open':
      return m.claimId === undefined ? { type } : { type, claimId: checkClaimRef(m.claimId) };
    case 'page:picked':
      return { type, item: checkPicked(m.item) };
    case 'panel:picked':
      return { type, tabId: checkTabId(m.tabId), item: checkPicked(m.item) };
    case 'history:record':
      return { type, hints: checkHints(m.hints), claimIds: checkClaimIds(m.claimIds) };
    case 'notes:highlights':
      return { type, hints: checkHints(m.hints) };
    case 'notes:capture':
    case 'notes:take-draft':
    case 'panel:draft-ready':
    case 'panel:page-updated':
    case 'notes:focus':
    case 'panel:focus-ready':
      return { type, tabId: checkTabId(m.tabId) };
    case 'notes:show':
      return { type, hints: checkHints(m.hints), id: checkId(m.id) };
    case 'notes:draft': {
      const target = checkTarget(m.target);
      if (!target) throw new InvalidInput('target must be an object');
      return { type, nonce: checkNonce(m.nonce), hints: checkHints(m.hints), target, claimId: checkClaimId(m.claimId) };
    }
    case 'source:open': {
      const lang = checkLang(m.lang);
      return { type, claimId: checkClaimRef(m.claimId), ...(lang ? { lang } : {}) };
    }
    case 'content:data':
      if (typeof m.item !== 'string' || !(CONTENT_DATA_ITEMS as readonly string[]).includes(m.item)) throw new InvalidInput('item must be one of the bundled data items');
      return { type, item: m.item as ContentDataItem };
    case 'restate:find':
      return { type, parts: checkRestateParts(m.parts), date: checkIsoDate(m.date) };
    case 'claims:find':
      if (typeof m.text !== 'string' || m.text.length > RESTATE_LIMITS.chars) throw new InvalidInput(`text must be a string of at most ${RESTATE_LIMITS.chars} characters`);
      if (m.language !== 'ja' && m.language !== 'en' && m.language !== null) throw new InvalidInput('language must be ja, en or null');
      return { type, text: m.text, language: m.language };
    case 'notes:add':
      return { type, note: checkNoteInput(m.note) };
    case 'notes:update':
      return { type, id: checkId(m.id), body: checkText(m.body, 'note', LIMITS.bodyBytes) };
    case 'notes:delete':
    case 'notes:restore':
      return { type, id: checkId(m.id) };
    case 'notes:list':
      return {
        type,
        search: m.search === undefined ? '' : checkString(m.search, 'search', LIMITS.searchChars),
        filter: checkFilter(m.filter),
        offset: checkInt(m.offset, 'offset', 0, LIMITS.importItems * 10, 0),
        limit: checkInt(m.limit, 'limit', 1, MAX_PAGE_SIZE, 200),
      };
    case 'notes:page':
      return { type, page: checkPage(m.page) };
    case 'notes:anchors':
      return { type, hints: checkHints(m.hints), anchored: checkIdList(m.anchored, 'anchored'), orphaned: checkIdList(m.orphaned, 'orphaned') };
    case 'notes:export':
      if (m.format !== 'jsonld' && m.format !== 'markdown') throw new InvalidInput('format must be jsonld or markdown');
      return { type, format: m.format };
    case 'notes:import':
      return { type, content: checkString(m.content, 'file', LIMITS.importChars) };
  }
}

const KNOWN = new Set<string>(Object.keys(DESTINATION));

export type Parsed = Request | { invalid: string };

/** Narrows an untrusted value to a `Request`, or returns a human-readable reason. */
/** The checks every message passes first: an object, not too many fields, a known kind. */
function messageHead(value: unknown): { type: RequestType; m: Record<string, unknown> } | { invalid: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { invalid: 'message is not an object' };
  }
  const keys = Object.keys(value);
  if (keys.length > MAX_MESSAGE_KEYS) return { invalid: 'message has too many fields' };
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !KNOWN.has(type)) {
    return { invalid: `unknown message type: ${typeof type === 'string' ? type.slice(0, 40) : typeof type}` };
  }
  return { type: type as RequestType, m: value as Record<string, unknown> };
}

function parsed<T extends Request>(parse: () => T): T | { invalid: string } {
  try {
    return parse();
  } catch (err) {
    if (err instanceof InvalidInput) return { invalid: err.message };
    throw err;
  }
}

export function parseRequest(value: unknown): Parsed {
  const head = messageHead(value);
  if ('invalid' in head) return head;
  return parsed(() => parseKnown(head.type, head.m));
}

export function isInvalid(r: Parsed): r is { invalid: string } {
  return 'invalid' in r;
}

/** A request for the background, or the reason it is not one. */
export function parseBackgroundRequest(value: unknown): BackgroundRequest | { invalid: string } {
  const r = parseRequest(value);
  if (isInvalid(r)) return r;
  return DESTINATION[r.type] === 'background' ? (r as BackgroundRequest) : { invalid: `${r.type} is not for the background` };
}

/** A request for a content script, or null (content scripts ignore everything else). */
export function parseTabRequest(value: unknown): TabRequest | null {
  const head = messageHead(value);
  if ('invalid' in head || DESTINATION[head.type] !== 'tab') return null;
  const r = parsed(() => parseTabKind(head.type as TabRequest['type'], head.m));
  return isInvalid(r) ? null : r;
}

/** A message for the extension's own pages, or null. */
export function parsePanelRequest(value: unknown): PanelRequest | null {
  const r = parseRequest(value);
  return !isInvalid(r) && DESTINATION[r.type] === 'extension-pages' ? (r as PanelRequest) : null;
}

/** Whether `sender` may send a request of this kind (see `ALLOWED`). */
export function senderMay(type: BackgroundRequest['type'], sender: RequestSender): boolean {
  return ALLOWED[type].includes(sender.kind);
}
