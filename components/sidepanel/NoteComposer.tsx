import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../i18n';
import { isComposing } from '../popup/NoteItem';

export interface NoteComposerProps {
  /** The highlighted text the note is about (shown as text only). */
  quote: string;
  saving: boolean;
  /** Why the last save failed; the typed text stays. */
  error: string | null;
  onSave: (body: string) => void;
  onCancel: () => void;
}

/**
 * Writing a note on a highlight: plain text, multi-line (Enter is a new line), Ctrl/⌘+Enter saves,
 * Esc cancels, IME-safe (Enter while composing never saves). Lives in the side panel, an extension
 * page: nothing typed here passes through the page being annotated.
 */
export function NoteComposer({ quote, saving, error, onSave, onCancel }: NoteComposerProps) {
  const t = useT();
  const [body, setBody] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => area.current?.focus(), [quote]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (isComposing(e)) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (!saving) onSave(body);
    }
  };
  return (
    <form class="cp-composer" data-testid="panel-composer" onSubmit={(e) => e.preventDefault()}>
      <blockquote class="cp-note__quote" data-testid="panel-quote">{quote}</blockquote>
      <label class="cp-composer__label">
        {t('noteEditorLabel')}
        <textarea
          ref={area}
          rows={5}
          value={body}
          disabled={saving}
          data-testid="panel-textarea"
          onInput={(e) => setBody((e.currentTarget as HTMLTextAreaElement).value)}
          onKeyDown={onKeyDown}
        />
      </label>
      {error && <p class="cp-notice cp-notice--error" role="alert" data-testid="panel-error">{t('noteSaveFailed', error)}</p>}
      <div class="cp-composer__actions">
        <span class="cp-muted cp-composer__hint">{t('noteEditorHint')}</span>
        <button type="button" onClick={onCancel} disabled={saving} data-testid="panel-cancel">{t('noteCancel')}</button>
        <button type="button" class="cp-primary" data-testid="panel-save" disabled={saving} onClick={() => onSave(body)}>
          {t('noteSave')}
        </button>
      </div>
    </form>
  );
}
