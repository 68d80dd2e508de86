import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { plural, useT } from './i18n';
import type { NotesApi } from './popup/api';
import { NotesPanel } from './popup/NotesPanel';
import { StorageStatus } from './popup/StorageStatus';

/** What the popup knows about the background: loading, an answer, or a failure to show. */
export type PopupState =
  | { status: 'loading' }
  | { status: 'ready'; noteCount: number }
  | { status: 'error'; message: string };

export interface PopupAppProps {
  /** Asks the background for the note count; injected so the view stays free of extension APIs. */
  loadCount: () => Promise<number>;
  /** The notes features; absent in the foundation-only view (and its tests). */
  notes?: NotesApi;
  /** UI language for dates ("ja" / "en"). */
  lang?: string;
  /** Controls for the current site (the overlay's on/off switch), shown under the title. */
  siteControls?: ComponentChildren;
  /** Opens the settings page (absent in tests that do not need it). */
  onOpenSettings?: () => void;
  /** Opens the side panel, where notes are written (absent where the browser has none). */
  onOpenPanel?: () => void;
  /** Opens the story view (what each source says, by topic). */
  onOpenStory?: () => void;
}

export function PopupApp({ loadCount, notes, lang = 'en', siteControls, onOpenSettings, onOpenPanel, onOpenStory }: PopupAppProps) {
  const t = useT();
  const [state, setState] = useState<PopupState>({ status: 'loading' });
  const [pageCount, setPageCount] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    loadCount().then(
      (noteCount) => setState({ status: 'ready', noteCount }),
      (err: unknown) => setState({ status: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
  }, [loadCount, generation]);

  useEffect(() => {
    notes?.currentPageCount().then(setPageCount, () => setPageCount(null));
  }, [notes, generation]);

  return (
    <main class="cp-popup">
      <header class="cp-popup__head">
        <span class="cp-popup__mark" aria-hidden="true">◐</span>
        <h1>{t('extName')}</h1>
        {onOpenSettings && (
          <button type="button" class="cp-button cp-button--small cp-popup__settings" data-testid="open-settings" onClick={onOpenSettings}>
            {t('popupSettings')}
          </button>
        )}
      </header>
      {siteControls}
      {(onOpenPanel || onOpenStory) && (
        <p class="cp-popup__actions">
          {onOpenPanel && (
            <button type="button" class="cp-button cp-button--primary" data-testid="open-panel" onClick={onOpenPanel}>
              {t('popupOpenPanel')}
            </button>
          )}
          {onOpenStory && (
            <button type="button" class="cp-button" data-testid="open-story" onClick={onOpenStory}>
              {t('popupOpenStory')}
            </button>
          )}
        </p>
      )}
      {state.status === 'loading' && <p class="cp-muted" aria-busy="true">{t('popupLoading')}</p>}
      {state.status === 'ready' && (
        <p class="cp-counts">
          <span data-testid="note-count" data-count={String(state.noteCount)}>
            {plural(t, 'popupNoteCount', state.noteCount)}
          </span>
          {pageCount !== null && (
            <span class="cp-page-count" data-testid="page-note-count" data-count={String(pageCount)}>
              {t('popupThisPage', String(pageCount))}
            </span>
          )}
        </p>
      )}
      {state.status === 'error' && (
        <p class="cp-notice cp-notice--error" role="alert" data-testid="popup-error">
          {t('popupError', state.message)}
        </p>
      )}
      {notes && state.status !== 'error' && (
        <>
          <StorageStatus api={notes} />
          <NotesPanel api={notes} lang={lang} onChanged={refresh} />
        </>
      )}
    </main>
  );
}
