import { useEffect, useState } from 'preact/hooks';
import { useT } from './i18n';

/** What the popup knows about the background: loading, an answer, or a failure to show. */
export type PopupState =
  | { status: 'loading' }
  | { status: 'ready'; noteCount: number }
  | { status: 'error'; message: string };

export interface PopupAppProps {
  /** Asks the background for the note count; injected so the view stays free of extension APIs. */
  loadCount: () => Promise<number>;
}

export function PopupApp({ loadCount }: PopupAppProps) {
  const t = useT();
  const [state, setState] = useState<PopupState>({ status: 'loading' });
  useEffect(() => {
    loadCount().then(
      (noteCount) => setState({ status: 'ready', noteCount }),
      (err: unknown) => setState({ status: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
  }, [loadCount]);

  return (
    <main class="cp-popup">
      <h1>{t('extName')}</h1>
      {state.status === 'loading' && <p aria-busy="true">{t('popupLoading')}</p>}
      {state.status === 'ready' && (
        <p data-testid="note-count" data-count={String(state.noteCount)}>
          {t('popupNoteCount', String(state.noteCount))}
        </p>
      )}
      {state.status === 'error' && (
        <p role="alert" data-testid="popup-error">
          {t('popupError', state.message)}
        </p>
      )}
    </main>
  );
}
