import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { useT } from './i18n';
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
  /** Opens the side panel, where notes are written (absent where the browser has none). */
  onOpenPanel?: () => void;
}

export function PopupApp({ loadCount, notes, lang = 'en', siteControls, onOpenPanel }: PopupAppProps) {
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
      <h1>{t('extName')}</h1>
      {siteControls}
      {onOpenPanel && (
        <p>
          <button type="button" class="cp-link" data-testid="open-panel" onClick={onOpenPanel}>
            {t('popupOpenPanel')}
          </button>
        </p>
      )}
      {state.status === 'loading' && <p aria-busy="true">{t('popupLoading')}</p>}
      {state.status === 'ready' && (
        <p data-testid="note-count" data-count={String(state.noteCount)}>
          {t('popupNoteCount', String(state.noteCount))}
        </p>
      )}
      {state.status === 'ready' && pageCount !== null && (
        <p class="cp-page-count" data-testid="page-note-count" data-count={String(pageCount)}>
          {t('popupThisPage', String(pageCount))}
        </p>
      )}
      {state.status === 'error' && (
        <p role="alert" data-testid="popup-error">
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
