import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ExportFormat } from '../../lib/messages/protocol';
import { groupBySource, shortAddress } from '../../lib/notes/group-by-source';
import type { NoteFilter, NoteView } from '../../lib/storage/notes-repo';
import { plural, useT } from '../i18n';
import type { NotesApi } from './api';
import { PureNoteItem } from './NoteItem';

/** Rendered per batch: opening the popup with 10,000 notes must not block (no task > 50 ms). */
export const PAGE_SIZE = 100;
/** Notes mounted per task: a page of results is rendered over a few short tasks, the first screenful first. */
export const RENDER_CHUNK = 25;
const SEARCH_DEBOUNCE_MS = 150;
export const UNDO_MS = 10_000;

export interface NotesPanelProps {
  api: NotesApi;
  lang: string;
  /** Called after anything that changes the stored notes, so counts refresh. */
  onChanged: () => void;
}

type Notice = { kind: 'info' | 'error'; text: string } | null;

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function NotesPanel({ api, lang, onChanged }: NotesPanelProps) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<NoteFilter>('all');
  const [notes, setNotes] = useState<NoteView[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [notice, setNotice] = useState<Notice>(null);
  const [undo, setUndo] = useState<NoteView | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  /** The search the shown list answers (a test hook: the debounced query has been applied). */
  const [answered, setAnswered] = useState<string | null>(null);
  /** How many of `notes` are mounted so far (grows by RENDER_CHUNK per task). */
  const [mounted, setMounted] = useState(RENDER_CHUNK);
  const requestSeq = useRef(0);
  const fileInput = useRef<HTMLInputElement>(null);

  // Debounce typing; the store's index does the searching.
  useEffect(() => {
    const id = setTimeout(() => setQuery(search), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(id);
  }, [search]);

  useEffect(() => {
    const seq = ++requestSeq.current;
    setLoading(true);
    api.list({ search: query, filter, offset: 0, limit: PAGE_SIZE }).then(
      (r) => {
        if (seq !== requestSeq.current) return; // a newer query won
        setNotes(r.notes);
        setMounted(RENDER_CHUNK);
        setTotal(r.total);
        setLoading(false);
        setAnswered(query);
      },
      (err: unknown) => {
        if (seq !== requestSeq.current) return;
        setLoading(false);
        setNotice({ kind: 'error', text: message(err) });
      },
    );
  }, [api, query, filter, reloadKey]);

  useEffect(() => {
    if (!undo) return;
    const id = setTimeout(() => setUndo(null), UNDO_MS);
    return () => clearTimeout(id);
  }, [undo]);


  const showMore = async () => {
    const seq = ++requestSeq.current;
    try {
      const r = await api.list({ search: query, filter, offset: notes.length, limit: PAGE_SIZE });
      if (seq !== requestSeq.current) return;
      setNotes((prev) => [...prev, ...r.notes.filter((n) => !prev.some((p) => p.id === n.id))]);
      setTotal(r.total);
    } catch (err) {
      setNotice({ kind: 'error', text: message(err) });
    }
  };

  // Stable callbacks (and the memoised list below): typing in the search box re-renders the panel
  // on every key, and must not re-render hundreds of notes each time.
  const save = useCallback(
    async (id: string, body: string) => {
      try {
        const updated = await api.update(id, body);
        setNotes((prev) => prev.map((n) => (n.id === id ? updated : n)));
        setNotice(null);
      } catch (err) {
        setNotice({ kind: 'error', text: message(err) });
        throw err;
      }
    },
    [api],
  );

  const remove = useCallback(
    async (note: NoteView) => {
      try {
        await api.remove(note.id);
        setNotes((prev) => prev.filter((n) => n.id !== note.id));
        setTotal((n) => Math.max(0, n - 1));
        setUndo(note);
        setNotice(null);
        onChanged();
      } catch (err) {
        setNotice({ kind: 'error', text: message(err) });
      }
    },
    [api, onChanged],
  );

  const restore = async () => {
    if (!undo) return;
    try {
      await api.restore(undo.id);
      setUndo(null);
      setReloadKey((k) => k + 1);
      onChanged();
    } catch (err) {
      setNotice({ kind: 'error', text: message(err) });
    }
  };

  const doExport = async (format: ExportFormat) => {
    try {
      const file = await api.exportNotes(format);
      api.saveFile(file.content, file.filename, file.mimeType);
      setNotice({ kind: 'info', text: plural(t, 'popupExported', file.count) });
    } catch (err) {
      setNotice({ kind: 'error', text: t('popupExportFailed', message(err)) });
    }
  };

  const doImport = async (file: File) => {
    try {
      const report = await api.importNotes(await file.text());
      const summary = t('popupImportReport', [String(report.added), String(report.skipped), String(report.rejected)]);
      // Rejections first (what was not imported, and why), then what was kept in another shape.
      const details = [...report.problems.slice(0, 3), ...report.notices.slice(0, 3)];
      setNotice({ kind: report.rejected > 0 ? 'error' : 'info', text: [summary, ...details].join('\n') });
      setReloadKey((k) => k + 1);
      onChanged();
    } catch (err) {
      setNotice({ kind: 'error', text: t('popupImportFailed', message(err)) });
    }
  };

  // Mount the rest of the notes a chunk per task, so no single task renders a whole page of them.
  useEffect(() => {
    if (mounted >= notes.length) return;
    const id = setTimeout(() => setMounted((m) => m + RENDER_CHUNK), 0);
    return () => clearTimeout(id);
  }, [mounted, notes.length]);

  const groups = useMemo(() => groupBySource(notes.slice(0, mounted)), [notes, mounted]);
  const onDelete = useCallback((x: NoteView) => void remove(x), [remove]);
  const onCopyLink = useCallback(
    (link: string) => {
      api.copyText(link).then(
        () => setNotice({ kind: 'info', text: t('popupLinkCopied') }),
        (err: unknown) => setNotice({ kind: 'error', text: t('popupCopyFailed', message(err)) }),
      );
    },
    [api, t],
  );
  const list = useMemo(
    () =>
      groups.map((g) => (
        <article class="cp-page" key={g.sourceUrl} data-testid="page-group" data-url={g.sourceUrl} data-canonical={g.canonical[0]}>
          <header class="cp-page__head">
            <div class="cp-page__titles">
              <h2 class="cp-page__title" title={g.title || g.sourceUrl}>{g.title || g.site}</h2>
              <p class="cp-page__address" title={g.sourceUrl}>{shortAddress(g.sourceUrl)}</p>
              {g.canonical.length > 0 && (
                <p class="cp-page__canonical" data-testid="page-canonical" title={`${g.canonical.join('\n')}\n${t('popupMainAddressHelp')}`}>
                  {t('popupMainAddress', g.canonical.map(shortAddress).join(', '))}
                </p>
              )}
            </div>
            <button
              type="button"
              class="cp-button cp-button--small"
              data-testid="open-page"
              title={t('popupOpenPageHelp')}
              onClick={() => api.openPage(g.sourceUrl)}
            >
              {t('popupOpenPage')}
            </button>
          </header>
          <ul class="cp-page__notes">
            {g.notes.map((n) => (
              <PureNoteItem key={n.id} note={n} lang={lang} onSave={save} onDelete={onDelete} onCopyLink={onCopyLink} />
            ))}
          </ul>
        </article>
      )),
    [groups, lang, save, onDelete, onCopyLink, api, t],
  );

  const filtering = query.trim() !== '' || filter !== 'all';

  return (
    <section class="cp-notes" aria-label={t('popupNotesHeading')}>
      <div class="cp-toolbar">
        <input
          type="search"
          data-testid="notes-search"
          placeholder={t('popupSearchPlaceholder')}
          aria-label={t('popupSearchPlaceholder')}
          value={search}
          onInput={(e) => setSearch((e.currentTarget as HTMLInputElement).value)}
        />
        <select
          data-testid="notes-filter"
          aria-label={t('popupFilterLabel')}
          value={filter}
          onChange={(e) => setFilter((e.currentTarget as HTMLSelectElement).value as NoteFilter)}
        >
          <option value="all">{t('popupFilterAll')}</option>
          <option value="claim">{t('popupFilterClaim')}</option>
          <option value="mine">{t('popupFilterMine')}</option>
          <option value="orphan">{t('popupFilterOrphan')}</option>
        </select>
      </div>

      {notice && (
        <p class={`cp-notice cp-notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notes-notice">
          {notice.text}
        </p>
      )}
      {undo && (
        <div class="cp-undo" role="status" data-testid="undo-bar">
          <span>{t('popupDeleted')}</span>
          <button type="button" class="cp-button cp-button--small" data-testid="note-undo" onClick={() => void restore()}>{t('popupUndo')}</button>
        </div>
      )}

      {!loading && notes.length === 0 && (
        <p class="cp-empty" data-testid={filtering ? 'notes-no-results' : 'notes-empty'}>
          {filtering ? t('popupNoResults') : t('popupEmpty')}
        </p>
      )}

      <div class="cp-groups" aria-busy={loading ? 'true' : 'false'} data-testid="notes-list" data-total={String(total)} data-answered-query={answered ?? undefined}>
        {list}
      </div>

      {notes.length < total && (
        <button type="button" class="cp-button cp-more" data-testid="notes-more" onClick={() => void showMore()}>
          {t('popupShowMore', String(total - notes.length))}
        </button>
      )}

      <footer class="cp-io">
        <button type="button" class="cp-button cp-button--small" data-testid="export-jsonld" onClick={() => void doExport('jsonld')}>{t('popupExportJson')}</button>
        <button type="button" class="cp-button cp-button--small" data-testid="export-markdown" onClick={() => void doExport('markdown')}>{t('popupExportMarkdown')}</button>
        <button type="button" class="cp-button cp-button--small" data-testid="import-button" onClick={() => fileInput.current?.click()}>{t('popupImport')}</button>
        <input
          ref={fileInput}
          type="file"
          accept=".jsonld,.json,application/ld+json,application/json"
          hidden
          data-testid="import-file"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            input.value = '';
            if (file) void doImport(file);
          }}
        />
      </footer>
    </section>
  );
}
