import { useEffect, useRef, useState } from 'preact/hooks';
import { plural, useT } from '../i18n';

/** Viewport position (CSS px) for a fixed-position element. */
export interface Point {
  x: number;
  y: number;
}

export interface EditorState {
  at: Point;
  quote: string;
  saving: boolean;
  error: string | null;
}

export interface LayerState {
  /** Where to show the "Highlight & note" button, or null. */
  button: Point | null;
  editor: EditorState | null;
  /** This page's saved highlights that were not found. */
  orphans: number;
  /** Notes adopted from another URL: shown "from <url>". */
  fromOther: { id: string; url: string; quote: string }[];
}

export interface LayerActions {
  openEditor: () => void;
  save: (body: string) => void;
  cancel: () => void;
}

/** True while an IME is composing: Enter then confirms the conversion and must not save. */
export function isComposing(e: KeyboardEvent): boolean {
  return e.isComposing || e.keyCode === 229;
}

function Editor({ state, actions }: { state: EditorState; actions: LayerActions }) {
  const t = useT();
  const [body, setBody] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => area.current?.focus(), []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (isComposing(e)) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      actions.cancel();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (!state.saving) actions.save(body);
    }
  };
  return (
    <div class="cpn-editor" role="dialog" aria-label={t('noteButton')} data-testid="cpn-editor" style={{ left: `${state.at.x}px`, top: `${state.at.y}px` }}>
      <blockquote class="cpn-quote">{state.quote}</blockquote>
      <label class="cpn-label">
        {t('noteEditorLabel')}
        <textarea
          ref={area}
          rows={4}
          value={body}
          disabled={state.saving}
          data-testid="cpn-textarea"
          onInput={(e) => setBody((e.currentTarget as HTMLTextAreaElement).value)}
          onKeyDown={onKeyDown}
        />
      </label>
      {state.error && <p class="cpn-error" role="alert" data-testid="cpn-error">{t('noteSaveFailed', state.error)}</p>}
      <div class="cpn-actions">
        <span class="cpn-hint">{t('noteEditorHint')}</span>
        <button type="button" onClick={actions.cancel} disabled={state.saving}>{t('noteCancel')}</button>
        <button type="button" class="cpn-primary" data-testid="cpn-save" disabled={state.saving} onClick={() => actions.save(body)}>
          {t('noteSave')}
        </button>
      </div>
    </div>
  );
}

/** Everything the notes feature shows on a page, inside its own shadow root. */
export function NotesLayer({ state, actions }: { state: LayerState; actions: LayerActions }) {
  const t = useT();
  return (
    <>
      {state.button && !state.editor && (
        <button
          type="button"
          class="cpn-button"
          data-testid="cpn-button"
          style={{ left: `${state.button.x}px`, top: `${state.button.y}px` }}
          // Keep the page selection: a click would otherwise collapse it before we read it.
          onMouseDown={(e) => e.preventDefault()}
          onClick={actions.openEditor}
        >
          {t('noteButton')}
        </button>
      )}
      {state.editor && <Editor state={state.editor} actions={actions} />}
      {(state.orphans > 0 || state.fromOther.length > 0) && (
        <div class="cpn-status" role="status" data-testid="cpn-status" data-orphans={String(state.orphans)}>
          {state.orphans > 0 && <p>{plural(t, 'noteOrphans', state.orphans)}</p>}
          {state.fromOther.map((f) => (
            <p key={f.id} class="cpn-from" title={f.quote}>{t('noteFromUrl', f.url)}</p>
          ))}
        </div>
      )}
    </>
  );
}
