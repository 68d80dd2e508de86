import { useEffect, useState } from 'preact/hooks';
import { useT } from '../i18n';
import type { NotesApi } from './api';

type Persistence = 'checking' | 'persistent' | 'best-effort' | 'unknown';

/** Whether the browser may evict the notes when the disk runs low, and a way to ask it not to. */
export function StorageStatus({ api }: { api: Pick<NotesApi, 'storagePersisted' | 'requestPersistence'> }) {
  const t = useT();
  const [state, setState] = useState<Persistence>('checking');
  const toState = (v: boolean | null): Persistence => (v === null ? 'unknown' : v ? 'persistent' : 'best-effort');

  useEffect(() => {
    api.storagePersisted().then(
      (v) => setState(toState(v)),
      () => setState('unknown'),
    );
  }, [api]);

  const ask = () => {
    api.requestPersistence().then(
      (v) => setState(toState(v)),
      () => setState('unknown'),
    );
  };

  if (state === 'checking') return null;
  return (
    <p class={`cp-storage cp-storage--${state}`} data-testid="storage-status" data-persistent={String(state === 'persistent')}>
      {state === 'persistent' && t('popupStoragePersistent')}
      {state === 'best-effort' && (
        <>
          {t('popupStorageNotPersistent')}{' '}
          <button type="button" class="cp-link" data-testid="storage-persist" onClick={ask}>{t('popupStorageAsk')}</button>
        </>
      )}
      {state === 'unknown' && t('popupStorageUnknown')}
    </p>
  );
}
