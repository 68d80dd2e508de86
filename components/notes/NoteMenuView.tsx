import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../i18n';
import { CopyStatus, type CopyOutcome } from '../links/copy-link';

export interface NoteMenuViewProps {
  /** Viewport rectangles of the note's highlight, read again as the page scrolls. */
  rects: () => DOMRect[];
  /** Copies the link to the note's passage; called synchronously in the reader's click. */
  onCopyLink: () => Promise<CopyOutcome>;
  /** Asks for the side panel at the note; resolves whether it opened. */
  onShowNote: () => Promise<boolean>;
  onClose: () => void;
}

const MARGIN = 8;
const GAP = 4;

/**
 * The small menu at one of the reader's highlights: "Copy link" and "Show note". It holds no note
 * text (the note is shown in the side panel, an extension page), only its own labels.
 */
export function NoteMenuView({ rects, onCopyLink, onShowNote, onClose }: NoteMenuViewProps) {
  const t = useT();
  const [copied, setCopied] = useState<CopyOutcome | null>(null);
  const [shown, setShown] = useState<'opened' | 'elsewhere' | null>(null);
  const [tick, setTick] = useState(0);
  const box = useRef<HTMLDivElement>(null);

  // Follow the highlight while the page scrolls or resizes.
  useEffect(() => {
    let frame = 0;
    const onMove = (): void => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), setTick((n) => n + 1)));
    };
    window.addEventListener('scroll', onMove, { passive: true, capture: true });
    window.addEventListener('resize', onMove, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onMove, { capture: true });
      window.removeEventListener('resize', onMove);
    };
  }, []);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const list = rects();
    const last = list[list.length - 1];
    const vw = document.documentElement.clientWidth || window.innerWidth;
    const vh = window.innerHeight;
    if (!last) {
      el.style.visibility = 'hidden';
      return;
    }
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    const below = last.bottom + GAP;
    const top = below + h + MARGIN <= vh ? below : Math.max(MARGIN, (list[0] ?? last).top - GAP - h);
    el.style.left = `${Math.round(Math.max(MARGIN, Math.min(last.left, vw - MARGIN - w)))}px`;
    el.style.top = `${Math.round(top)}px`;
    el.style.visibility = 'visible';
  }, [tick, copied, shown]);

  return (
    <div class="cp-root">
      <div
        class="cp-note-menu"
        role="dialog"
        aria-label={t('noteMenuLabel')}
        data-testid="cp-note-menu"
        ref={box}
        style={{ left: '-10000px', top: '0px', visibility: 'hidden' }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <div class="cp-note-menu__bar">
          <span class="cp-note-menu__label">{t('noteMenuLabel')}</span>
          <button type="button" class="cp-text-button" data-testid="cp-note-copy-link" title={t('popupCopyLinkHelp')} onClick={() => void onCopyLink().then(setCopied)}>
            {t('popupCopyLink')}
          </button>
          <button type="button" class="cp-text-button" data-testid="cp-note-show" onClick={() => void onShowNote().then((opened) => setShown(opened ? 'opened' : 'elsewhere'))}>
            {t('noteMenuShow')}
          </button>
          <button type="button" class="cp-icon-button" aria-label={t('ovCardClose')} title={t('ovCardClose')} data-testid="cp-note-menu-close" onClick={onClose}>
            ×
          </button>
        </div>
        <CopyStatus outcome={copied} />
        {shown && (
          <p class="cp-note-menu__status" role="status" data-testid="cp-note-shown" data-state={shown}>
            {t(shown === 'opened' ? 'noteMenuShown' : 'noteMenuOpenPanel')}
          </p>
        )}
      </div>
    </div>
  );
}
