import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { NO_SELECTION, type NoteDraft, type NoteFocus } from '../../lib/messages/protocol';
import type { NoteView, PageNotes } from '../../lib/storage/notes-repo';
import { plural, useT } from '../i18n';
import type { PanelApi, PanelPage } from './api';
import { NoteComposer } from './NoteComposer';
import { PageClaimsList } from './PageClaimsList';
import type { PageClaim } from '../../lib/messages/protocol';

/**
 * The side panel (Chrome's side panel, Firefox's sidebar): Counterpoint's surface for the page in
 * the current tab. An extension page, so nothing shown or typed here is reachable by the page.
 *
 * Sections, each its own component, stacked in reading order: the note being written, this page's
 * notes, then this page's claims (issue #16). A claim or highlight the reader picks on the page is
 * shown here; choosing one here scrolls the page to it.
 */

type Composer =
  | { kind: 'idle'; message: string | null }
  | { kind: 'capturing' }
  | { kind: 'writing'; draft: NoteDraft; saving: boolean; error: string | null };

const IDLE: Composer = { kind: 'idle', message: null };
/** Picks this close together come from one click (a claim and a highlight on the same words). */
const SAME_CLICK_MS = 600;
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function PanelSection({ title, testId, children }: { title: string; testId: string; children: ComponentChildren }) {
  return (
    <section class="cp-section" data-testid={testId} aria-label={title}>
      <h2 class="cp-section__title">{title}</h2>
      {children}
    </section>
  );
}

/** What became of the last "Copy link" of a note. */
type Copied = { id: string; ok: true } | { id: string; ok: false; error: string };

interface PageNotesListProps {
  notes: PageNotes;
  info: PanelPage;
  /** The note to show first (opened by its link, or asked for at its highlight), if it is one of these. */
  focus: NoteFocus | null;
  onCopyLink: (note: NoteView) => void;
  copied: Copied | null;
  /** The note the reader last picked on the page (its highlight) or here. */
  current: string | null;
  /** Shows a note's highlight on the page (scrolls the page to it). */
  onChoose: (noteId: string) => void;
}

/** This page's notes, with what became of each highlight on the page. */
function PageNotesList({ notes, info, focus, onCopyLink, copied, current, onChoose }: PageNotesListProps) {
  const t = useT();
  const focused = useRef<HTMLLIElement>(null);
  const focusId = focus?.noteId ?? null;
  // Bring the focused note into view when it changes (the list may be long).
  useEffect(() => focused.current?.scrollIntoView({ block: 'nearest' }), [focusId, notes]);
  const orphaned = new Set(info.highlights.orphaned);
  const adopted = new Map(info.highlights.adopted.map((a) => [a.id, a.url]));
  const shown: { note: NoteView; state: 'placed' | 'orphan' | 'adopted' | 'unknown' }[] = [
    ...notes.notes.map((note) => ({
      note,
      state: orphaned.has(note.id) || (note.anchorState === 'orphan' && !info.highlights.placed.includes(note.id)) ? ('orphan' as const) : info.highlights.placed.includes(note.id) ? ('placed' as const) : ('unknown' as const),
    })),
    ...notes.candidates.filter((n) => adopted.has(n.id)).map((note) => ({ note, state: 'adopted' as const })),
  ];
  useEffect(() => {
    if (!current) return;
    Array.from(document.querySelectorAll<HTMLElement>('[data-testid="panel-note"]'))
      .find((x) => x.dataset.noteId === current)
      ?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);
  if (shown.length === 0) return <p class="cp-empty" data-testid="panel-empty">{t('panelNoNotes')}</p>;
  const orphans = shown.filter((s) => s.state === 'orphan').length;
  return (
    <>
      {orphans > 0 && (
        <p class="cp-notice" role="status" data-testid="panel-orphans" data-count={String(orphans)}>
          {plural(t, 'noteOrphans', orphans)}
        </p>
      )}
      <ul class="cp-page__notes" data-testid="panel-notes">
        {shown.map(({ note, state }) => (
          <li
            class={`cp-note${note.id === focusId ? ' cp-note--focused' : ''}${note.id === current ? ' cp-note--current' : ''}`}
            key={note.id}
            ref={note.id === focusId ? focused : undefined}
            data-testid="panel-note"
            data-note-id={note.id}
            data-state={state}
            data-focused={note.id === focusId ? focus!.via : undefined}
            aria-current={note.id === focusId || note.id === current ? 'true' : undefined}
          >
            {note.id === focusId && (
              <span class="cp-tag cp-note__focus" data-testid="panel-note-focus">{t(focus!.via === 'link' ? 'panelFromLink' : 'panelFromPage')}</span>
            )}
            {note.target && state === 'placed' ? (
              <button type="button" class="cp-note__quote cp-note__quote--link" data-testid="panel-note-show" title={t('panelShowOnPage')} onClick={() => onChoose(note.id)}>
                {note.target.quote.exact}
              </button>
            ) : (
              note.target && <blockquote class="cp-note__quote">{note.target.quote.exact}</blockquote>
            )}
            {note.body ? <div class="cp-note__body" data-testid="panel-note-body">{note.body}</div> : <div class="cp-muted">{t('popupHighlightOnly')}</div>}
            {state === 'orphan' && <span class="cp-tag cp-tag--warn" title={t('popupOrphanHelp')}>{t('popupOrphan')}</span>}
            {state === 'adopted' && <span class="cp-muted cp-note__from">{t('noteFromUrl', adopted.get(note.id) ?? note.url)}</span>}
            <div class="cp-note__actions">
              <button
                type="button"
                class="cp-button cp-button--small"
                data-testid="panel-note-copy-link"
                title={note.target ? t('popupCopyLinkHelp') : t('popupCopyPageLinkHelp')}
                onClick={() => onCopyLink(note)}
              >
                {t('popupCopyLink')}
              </button>
              {copied?.id === note.id && (
                <span class={copied.ok ? 'cp-muted' : 'cp-notice--error'} role="status" data-testid="panel-note-copied" data-ok={String(copied.ok)}>
                  {copied.ok ? t('popupLinkCopied') : t('popupCopyFailed', copied.error)}
                </span>
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

export function SidePanelApp({ api }: { api: PanelApi }) {
  const t = useT();
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  const [info, setInfo] = useState<PanelPage | null | undefined>(undefined);
  const [notes, setNotes] = useState<PageNotes | null>(null);
  const [composer, setComposer] = useState<Composer>(IDLE);
  const [claims, setClaims] = useState<{ hidden: boolean; claims: PageClaim[] } | null>(null);
  const [picked, setPicked] = useState<{ claim: string | null; note: string | null }>({ claim: null, note: null });
  const pickedAt = useRef(0);
  const [generation, setGeneration] = useState(0);
  const [focus, setFocus] = useState<NoteFocus | null>(null);
  const [copied, setCopied] = useState<Copied | null>(null);
  const tabRef = useRef<number | null | undefined>(undefined);
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(
    () =>
      api.watchTab((id) => {
        if (id !== tabRef.current) {
        setComposer(IDLE); // a draft belongs to its tab
        setPicked({ claim: null, note: null });
      }
        tabRef.current = id;
        setTabId(id);
        refresh();
      }),
    [api],
  );

  // Back in the panel (the reader was on the page): what the page found may have changed.
  useEffect(() => {
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [refresh]);

  // The tab's page and its notes, again whenever something changed.
  useEffect(() => {
    if (tabId === undefined) return;
    if (tabId === null) {
      setInfo(null);
      setNotes(null);
      setClaims(null);
      return;
    }
    let current = true;
    void (async () => {
      const page = await api.pageInfo(tabId).catch(() => null);
      const [found, shown] = page ? await Promise.all([api.pageNotes(page.page).catch(() => null), api.pageClaims(tabId).catch(() => null)]) : [null, null];
      const wanted = page ? await api.focus(tabId).catch(() => null) : null;
      if (!current) return;
      setInfo(page);
      setNotes(found);
      setClaims(shown);
      // Kept for the page it was asked on: another page in the tab has no focus.
      setFocus(wanted && page && wanted.sourceUrl === page.page.sourceUrl ? wanted : null);
    })();
    return () => {
      current = false;
    };
  }, [api, tabId, generation]);

  // A draft the context menu or shortcut captured for this tab.
  const takeDraft = useCallback(
    async (id: number) => {
      const r = await api.takeDraft(id).catch(() => null);
      if (!r || tabRef.current !== id) return;
      if (r.draft) setComposer({ kind: 'writing', draft: r.draft, saving: false, error: null });
      else if (r.error) setComposer({ kind: 'idle', message: r.error });
    },
    [api],
  );
  useEffect(() => {
    if (typeof tabId === 'number') void takeDraft(tabId);
  }, [tabId, takeDraft]);
  useEffect(() => api.onDraftReady((id) => id === tabRef.current && void takeDraft(id)), [api, takeDraft]);
  // A note to show first for this tab (its link was opened, or "Show note" was clicked at its highlight).
  useEffect(() => api.onFocusReady((id) => id === tabRef.current && refresh()), [api, refresh]);

  const copyLink = (note: NoteView) => {
    if (typeof tabId !== 'number') return;
    const id = tabId;
    void (async () => {
      try {
        const link = await api.noteLink(id, note);
        if (!link) throw new Error(t('linkUnavailable'));
        await api.copyText(link);
        setCopied({ id: note.id, ok: true });
      } catch (err) {
        setCopied({ id: note.id, ok: false, error: message(err) });
      }
    })();
  };

  // The reader picked a claim or a highlight on this tab's page (or the page changed what it shows).
  useEffect(
    () =>
      api.onPageEvent((e) => {
        if (e.tabId !== tabRef.current) return;
        if (e.kind === 'updated') {
          refresh();
          return;
        }
        // One click can land on a claim and on one of the reader's highlights at once: both are shown
        // (their messages arrive in either order). A later pick replaces both.
        const now = Date.now();
        const together = now - pickedAt.current < SAME_CLICK_MS;
        pickedAt.current = now;
        const item = e.item;
        setPicked((p) =>
          item.kind === 'claim' ? { claim: item.claimId, note: together ? p.note : null } : { claim: together ? p.claim : null, note: item.id },
        );
      }),
    [api, refresh],
  );

  const chooseClaim = (claimId: string): void => {
    setPicked({ claim: claimId, note: null });
    if (typeof tabId === 'number') void api.revealClaim(tabId, claimId);
  };
  const chooseNote = (noteId: string): void => {
    setPicked({ claim: null, note: noteId });
    if (typeof tabId === 'number') void api.revealNote(tabId, noteId);
  };

  const capture = async () => {
    if (typeof tabId !== 'number') return;
    setComposer({ kind: 'capturing' });
    try {
      const draft = await api.capture(tabId);
      if (tabRef.current === tabId) setComposer({ kind: 'writing', draft, saving: false, error: null });
    } catch (err) {
      if (tabRef.current === tabId) setComposer({ kind: 'idle', message: message(err) });
    }
  };

  const save = async (body: string) => {
    if (composer.kind !== 'writing' || typeof tabId !== 'number') return;
    const { draft } = composer;
    setComposer({ ...composer, saving: true, error: null });
    try {
      await api.save(tabId, draft, body);
      setComposer({ kind: 'idle', message: null });
      refresh();
    } catch (err) {
      // Keep the composer (and the typed text) open with the reason: nothing is lost silently.
      setComposer({ kind: 'writing', draft, saving: false, error: message(err) });
    }
  };

  const noteMessage = (m: string): string => (m === NO_SELECTION ? t('panelNoSelection') : m);

  return (
    <main class="cp-panel" data-testid="panel" data-tab={tabId === undefined || tabId === null ? '' : String(tabId)}>
      <header class="cp-panel__header">
        <div class="cp-panel__top">
          <h1>{t('extName')}</h1>
          <button type="button" class="cp-button cp-button--small" data-testid="panel-story" onClick={() => void api.openStory(picked.claim ?? undefined)}>
            {t('panelOpenStory')}
          </button>
        </div>
        {info && (
          <p class="cp-panel__page" data-testid="panel-page" data-url={info.page.url}>
            <span class="cp-panel__title">{info.page.title || info.page.url}</span>
            <span class="cp-muted cp-ellipsis">{info.page.url}</span>
          </p>
        )}
        {info === null && <p class="cp-muted" data-testid="panel-no-page">{t('panelNoPage')}</p>}
      </header>

      {info && (
        <PanelSection title={t('panelNewNote')} testId="panel-new-note">
          {composer.kind === 'writing' ? (
            <NoteComposer
              quote={composer.draft.target.quote.exact}
              saving={composer.saving}
              error={composer.error}
              onSave={(body) => void save(body)}
              onCancel={() => setComposer(IDLE)}
            />
          ) : (
            <>
              <button type="button" class="cp-primary" data-testid="panel-capture" disabled={composer.kind === 'capturing'} onClick={() => void capture()}>
                {t('panelNoteSelection')}
              </button>
              {composer.kind === 'idle' && composer.message && (
                <p class="cp-notice" role="alert" data-testid="panel-message">{noteMessage(composer.message)}</p>
              )}
              <p class="cp-muted cp-panel__help">{t('panelHowTo')}</p>
            </>
          )}
        </PanelSection>
      )}

      {info && notes && (
        <PanelSection title={t('panelThisPage', String(notes.notes.length))} testId="panel-this-page">
          <PageNotesList notes={notes} info={info} focus={focus} onCopyLink={copyLink} copied={copied} current={picked.note} onChoose={chooseNote} />
        </PanelSection>
      )}

      {info && claims && (
        <PanelSection title={t('panelClaims')} testId="panel-claims-section">
          {claims.hidden ? (
            <p class="cp-notice" data-testid="panel-hidden">
              {t('panelHidden')}{' '}
              <button type="button" class="cp-button cp-button--small" data-testid="panel-show" onClick={() => typeof tabId === 'number' && void api.showPage(tabId).then(refresh)}>
                {t('panelShowAgain')}
              </button>
            </p>
          ) : (
            <PageClaimsList claims={claims.claims} current={picked.claim} onChoose={chooseClaim} />
          )}
        </PanelSection>
      )}
    </main>
  );
}
