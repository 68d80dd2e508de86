import { Component } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { noteLink } from '../../lib/links/note-link';
import type { NoteView } from '../../lib/storage/notes-repo';
import { useT } from '../i18n';

export interface NoteItemProps {
  note: NoteView;
  lang: string;
  onSave: (id: string, body: string) => Promise<void>;
  onDelete: (note: NoteView) => void;
  /** Copies a link to the note's passage (or page); the panel reports the outcome. */
  onCopyLink: (link: string) => void;
}

/** True while an IME is composing: Enter then confirms the conversion, it must not save. */
export function isComposing(e: KeyboardEvent): boolean {
  return e.isComposing || e.keyCode === 229;
}

/**
 * One formatter per language: `toLocaleString` builds a new one per call (about 1 ms each), which
 * made every re-render of a long list a long task.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat | null>();

function formatDate(ms: number, lang: string): string {
  let format = dateFormats.get(lang);
  if (format === undefined) {
    try {
      // As people write a date: "Dec 3, 2026, 10:42 AM", 「2026年12月3日 10:42」 (not 2026/12/03).
      format = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
    } catch {
      format = null;
    }
    dateFormats.set(lang, format);
  }
  return format ? format.format(ms) : new Date(ms).toISOString();
}

/** One highlight + note, with inline editing (Ctrl/⌘+Enter saves, Esc cancels). */
export function NoteItem({ note, lang, onSave, onDelete, onCopyLink }: NoteItemProps) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const editor = useRef<HTMLTextAreaElement>(null);
  const editing = draft !== null;
  const link = noteLink(note);
  // Focus the editor when it opens, not on every render: a re-render (new search results) must
  // not pull the focus, and the keys being typed, out of the search box into this note.
  useEffect(() => {
    if (editing) editor.current?.focus();
  }, [editing]);

  const save = async () => {
    if (draft === null) return;
    setSaving(true);
    try {
      await onSave(note.id, draft);
      setDraft(null);
    } catch {
      // The panel has shown the error; the draft stays so nothing typed is lost.
    } finally {
      setSaving(false);
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (isComposing(e)) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setDraft(null);
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    }
  };

  return (
    <li class="cp-note" data-testid="note-item" data-note-id={note.id} data-orphan={String(note.anchorState === 'orphan')}>
      {note.target && <blockquote class="cp-note__quote">{note.target.quote.exact}</blockquote>}
      {draft === null ? (
        note.body ? (
          <p class="cp-note__body" data-testid="note-body">{note.body}</p>
        ) : (
          <p class="cp-note__body cp-muted">{t('popupHighlightOnly')}</p>
        )
      ) : (
        <textarea
          class="cp-note__editor"
          data-testid="note-editor"
          aria-label={t('popupNoteLabel')}
          value={draft}
          rows={3}
          disabled={saving}
          onInput={(e) => setDraft((e.currentTarget as HTMLTextAreaElement).value)}
          onKeyDown={onKeyDown}
          ref={editor}
        />
      )}
      {note.links.length > 0 && (
        <ul class="cp-note__links" data-testid="note-links">
          {note.links.map((href) => (
            <li key={href}>
              {/* Stored links are http(s) only (validated on import); the page opens in a new tab. */}
              <a href={href} target="_blank" rel="noopener noreferrer">{href}</a>
            </li>
          ))}
        </ul>
      )}
      <div class="cp-note__meta">
        <time dateTime={new Date(note.createdAt).toISOString()}>{formatDate(note.createdAt, lang)}</time>
        {note.claimId !== null && <span class="cp-tag">{t('popupClaimLinked')}</span>}
        {note.tags.map((tag) => (
          <span class="cp-tag" data-testid="note-tag" key={tag}>{tag}</span>
        ))}
        {note.anchorState === 'orphan' && (
          <span class="cp-tag cp-tag--warn" title={t('popupOrphanHelp')}>{t('popupOrphan')}</span>
        )}
      </div>
      <div class="cp-note__actions">
        {draft === null ? (
          <>
            <button type="button" class="cp-button cp-button--small" data-testid="note-edit" onClick={() => setDraft(note.body)}>{t('popupEdit')}</button>
            {link !== null && (
              <button
                type="button"
                class="cp-button cp-button--small"
                data-testid="note-copy-link"
                title={note.target ? t('popupCopyLinkHelp') : t('popupCopyPageLinkHelp')}
                onClick={() => onCopyLink(link)}
              >
                {t('popupCopyLink')}
              </button>
            )}
            <button type="button" class="cp-button cp-button--small cp-button--danger" data-testid="note-delete" onClick={() => onDelete(note)}>{t('popupDelete')}</button>
          </>
        ) : (
          <>
            <button type="button" class="cp-button cp-button--small cp-button--primary" data-testid="note-save" disabled={saving} onClick={() => void save()}>{t('popupSave')}</button>
            <button type="button" class="cp-button cp-button--small" data-testid="note-cancel" disabled={saving} onClick={() => setDraft(null)}>{t('popupCancel')}</button>
          </>
        )}
      </div>
    </li>
  );
}

/**
 * `NoteItem` that re-renders only when its own props change: "show more" and other list updates
 * then render the new notes, not every note already shown (a long list stays under 50 ms a task).
 */
export class PureNoteItem extends Component<NoteItemProps> {
  override shouldComponentUpdate(next: NoteItemProps): boolean {
    const p = this.props;
    return (
      next.note !== p.note ||
      next.lang !== p.lang ||
      next.onSave !== p.onSave ||
      next.onDelete !== p.onDelete ||
      next.onCopyLink !== p.onCopyLink
    );
  }

  override render() {
    return <NoteItem {...this.props} />;
  }
}
