import { useEffect, useState } from 'preact/hooks';
import { useT } from '../i18n';
import type { NotesApi, StorageProtection } from './api';

type Persistence = 'checking' | 'persistent' | 'best-effort' | 'unknown';

/** Persistent when the browser says so, or when `unlimitedStorage` exempts us from eviction. */
export function persistenceOf(p: StorageProtection): Exclude<Persistence, 'checking'> {
  if (p.persisted === true || p.unlimited) return 'persistent';
  return p.persisted === false ? 'best-effort' : 'unknown';
}

/** Whether the browser may evict the notes when the disk runs low, and a way to ask it not to. */
export function StorageStatus({ api }: { api: Pick<NotesApi, 'storageStatus' | 'requestPersistence'> }) {
  const t = useT();
  const [state, setState] = useState<Persistence>('checking');

  useEffect(() => {
    api.storageStatus().then(
      (p) => setState(persistenceOf(p)),
      () => setState('unknown'),
    );
  }, [api]);

  const ask = () => {
    api.requestPersistence().then(
      (p) => setState(persistenceOf(p)),
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
          <button type="button" class="cp-button cp-button--small" data-testid="storage-persist" onClick={ask}>{t('popupStorageAsk')}</button>
        </>
      )}
      {state === 'unknown' && t('popupStorageUnknown')}
    </p>
  );
}
