import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Badge } from '../Badge';
import { useT } from '../i18n';
import { Card, STATUS_KEY } from './Card';
import type { Lang } from '../../lib/dataset/types';
import type { CardModel } from '../../lib/overlay/card-model';
import type { CopyOutcome } from '../links/copy-link';
import { summarize } from '../../lib/overlay/card-model';
import type { RestatedView, StoryView } from '../../lib/overlay/restated-model';
import { CLAIM_STATUSES, type ClaimStatus, type OpenHow, type OverlayApi, type OverlayHost } from '../../lib/overlay/types';

/** One claim on the page: highlighted (in reading order), or listed as "possibly related". */
export interface OverlayEntry {
  status: ClaimStatus;
  speaker: string;
  /** The page's text under the highlight (shown as text only). */
  quote: string;
  card: CardModel;
  /** A passage that restates the claim in other words or another language (the second tier's). */
  restated?: RestatedView;
  /** Not highlighted: listed as "possibly related" only (these come after the highlighted ones). */
  possible?: boolean;
}


export interface OverlayAppProps {
  entries: OverlayEntry[];
  /** Stories the page reports (the badge's list shows them first). */
  stories?: StoryView[];
  /** The reader said a restated passage is not the claim. */
  onDismissMatch?: (key: string) => void;
  ui: Lang;
  host: OverlayHost;
  bind?: (api: OverlayApi) => void;
  /** Copies the link to the passage of highlight `index` (the card's "Copy link"). */
  copyLink?: (index: number) => Promise<CopyOutcome>;
}

interface OpenState {
  index: number;
  pinned: boolean;
  focus: boolean;
}

const MARGIN = 8;
const GAP = 6;
const HOVER_CLOSE_MS = 350;
/** Below this much room above and below a highlight, the card may cover it. */
const MIN_ROOM = 160;

function truncate(s: string, n: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
}

export function OverlayApp({ entries, stories = [], onDismissMatch, ui, host, bind, copyLink }: OverlayAppProps) {
  const t = useT();
  const [open, setOpenState] = useState<OpenState | null>(null);
  const openRef = useRef<OpenState | null>(null);
  const [textLang, setTextLang] = useState<Lang>(ui);
  const [listOpen, setListOpen] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [ring, setRing] = useState<number | null>(null);
  const [tick, setTick] = useState(0);
  const returnTo = useRef<HTMLElement | null>(null);
  const cardRef = useRef<HTMLDivElement>(null);
  const focusedFor = useRef<OpenState | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const closeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const setOpen = (s: OpenState | null): void => {
    openRef.current = s;
    setOpenState(s);
  };

  const openCard = (index: number, how: OpenHow, from: HTMLElement | null = null): void => {
    if (index < 0 || index >= entries.length) return;
    clearTimeout(closeTimer.current);
    const cur = openRef.current;
    if (how === 'hover' && cur && (cur.pinned || cur.index === index)) return;
    if (cur?.index !== index) setTextLang(ui);
    returnTo.current = from;
    setOpen({ index, pinned: how !== 'hover', focus: how === 'keyboard' });
    host.setActive(index);
  };

  const closeCard = (restoreFocus: boolean): void => {
    clearTimeout(closeTimer.current);
    if (!openRef.current) return;
    setOpen(null);
    host.setActive(null);
    const back = returnTo.current;
    returnTo.current = null;
    if (restoreFocus && back && back.isConnected) back.focus({ preventScroll: true });
  };

  const scheduleHoverClose = (): void => {
    const cur = openRef.current;
    if (!cur || cur.pinned) return;
    clearTimeout(closeTimer.current);
    closeTimer.current = setTimeout(() => {
      if (openRef.current && !openRef.current.pinned) closeCard(false);
    }, HOVER_CLOSE_MS);
  };

  // The content script's handle; re-bound every render so it never sees stale state.
  bind?.({
    open: (i, how) => openCard(i, how, how === 'keyboard' ? (rootRef.current?.getRootNode() as ShadowRoot | null)?.activeElement as HTMLElement | null : null),
    hoverEnd: scheduleHoverClose,
    close: () => closeCard(true),
    openIndex: () => openRef.current?.index ?? null,
  });

  // Keep the card and focus ring on their highlight while the page scrolls or resizes.
  useEffect(() => {
    if (!open && ring === null) return;
    let frame = 0;
    const onMove = (): void => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setTick((n) => n + 1);
      });
    };
    window.addEventListener('scroll', onMove, { passive: true, capture: true });
    window.addEventListener('resize', onMove, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onMove, { capture: true });
      window.removeEventListener('resize', onMove);
    };
  }, [open !== null, ring !== null]);

  // Place the card next to its highlight, inside the viewport (never clipped at the page edges).
  useLayoutEffect(() => {
    const card = cardRef.current;
    if (!open || !card) return;
    const vw = document.documentElement.clientWidth || window.innerWidth;
    const vh = window.innerHeight;
    const rects = host.rects(open.index);
    const first = rects[0];
    const last = rects[rects.length - 1];
    card.style.maxWidth = `${Math.min(440, vw - 2 * MARGIN)}px`;
    // Below the highlight, or above it when there is more room there; the card scrolls inside
    // rather than covering the highlight or leaving the viewport.
    const spaceBelow = last ? vh - last.bottom - GAP - MARGIN : vh - 2 * MARGIN;
    const spaceAbove = first ? first.top - GAP - MARGIN : 0;
    const placeAbove = spaceAbove > spaceBelow;
    const room = Math.max(spaceBelow, spaceAbove);
    card.style.maxHeight = `${Math.round(room >= MIN_ROOM ? room : vh - 2 * MARGIN)}px`;
    const w = card.offsetWidth;
    const h = card.offsetHeight;
    let left: number;
    let top: number;
    if (!first || !last) {
      left = (vw - w) / 2;
      top = (vh - h) / 2;
    } else {
      left = (placeAbove ? first : last).left;
      if (room < MIN_ROOM) top = vh - MARGIN - h;
      else top = placeAbove ? first.top - GAP - h : last.bottom + GAP;
    }
    left = Math.max(MARGIN, Math.min(left, vw - MARGIN - w));
    top = Math.max(MARGIN, Math.min(top, vh - MARGIN - h));
    card.style.left = `${Math.round(left)}px`;
    card.style.top = `${Math.round(top)}px`;
    card.style.visibility = 'visible';
    // Keyboard opens move focus into the card once (not again on every scroll/resize).
    if (open.focus && focusedFor.current !== open) {
      focusedFor.current = open;
      card.focus({ preventScroll: true });
    }
  }, [open, tick, textLang]);

  if (entries.length === 0 && stories.length === 0) return <Badge />;

  const shown = entries.filter((e) => !e.possible);
  const possible = entries.filter((e) => e.possible);
  const summary = { ...summarize(shown.map((e) => e.status)), possible: possible.length, stories: stories.length };
  const current = open ? entries[open.index] : undefined;
  const ringRects = ring !== null ? host.rects(ring) : [];

  const badgeToggle = (): HTMLElement | null => rootRef.current?.querySelector<HTMLElement>('.cp-badge__toggle') ?? null;

  return (
    <div class="cp-root" ref={rootRef} lang={ui}>
      <div class="cp-proxies" role="group" aria-label={t('ovHighlightsLabel')}>
        {shown.map((e, i) => (
          <button
            type="button"
            class="cp-proxy"
            key={i}
            data-testid="cp-proxy"
            data-index={String(i)}
            data-claim={e.card.claimId}
            data-status={e.status}
            data-kind={e.restated ? 'restated' : 'quote'}
            aria-haspopup="dialog"
            aria-expanded={open?.index === i ? 'true' : 'false'}
            aria-label={t(e.restated ? 'ovHighlightRestatedLabel' : 'ovHighlightLabel', [e.speaker, t(STATUS_KEY[e.status]), truncate(e.quote, 80)])}
            onFocus={() => {
              setRing(i);
              host.reveal(i);
              if (!openRef.current) host.setActive(i);
            }}
            onBlur={() => {
              setRing(null);
              if (!openRef.current) host.setActive(null);
            }}
            onClick={(ev) => {
              host.reveal(i, 'upper');
              openCard(i, 'keyboard', ev.currentTarget as HTMLElement);
            }}
          />
        ))}
      </div>

      {ringRects.map((r, k) => (
        <div
          class="cp-ring"
          key={k}
          aria-hidden="true"
          style={{ left: `${r.left - 3}px`, top: `${r.top - 2}px`, width: `${r.width + 6}px`, height: `${r.height + 4}px` }}
        />
      ))}

      {current && (
        <Card
          model={current.card}
          restated={current.restated}
          onDismissMatch={
            current.restated && onDismissMatch
              ? () => {
                  const key = current.restated!.key;
                  closeCard(false);
                  onDismissMatch(key);
                }
              : undefined
          }
          ui={ui}
          textLang={textLang}
          onToggleLang={() => setTextLang((l) => (l === 'ja' ? 'en' : 'ja'))}
          onClose={() => closeCard(true)}
          onCopyLink={copyLink && open ? () => copyLink(open.index) : undefined}
          cardRef={cardRef}
          style={{ left: '-10000px', top: '0px', visibility: 'hidden' }}
          onMouseEnter={() => clearTimeout(closeTimer.current)}
          onMouseLeave={scheduleHoverClose}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              e.preventDefault();
              closeCard(true);
            }
          }}
        />
      )}

      {!dismissed && (
        <Badge
          summary={summary}
          expanded={listOpen}
          listId="cp-list"
          onToggle={() => setListOpen((v) => !v)}
          onDismiss={() => {
            setListOpen(false);
            setDismissed(true);
          }}
        />
      )}

      {/* After the badge in DOM order: Tab goes from the badge's toggle into the list. */}
      {!dismissed && listOpen && (
        <nav class="cp-list" id="cp-list" aria-label={t('ovListTitle')} data-testid="cp-list"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setListOpen(false);
              badgeToggle()?.focus();
            }
          }}
        >
          {stories.map((st) => (
            <section class="cp-story" data-testid="cp-story" data-story={st.storyId} key={st.storyId}>
              <h2 class="cp-list__title">{t('ovStoryTitle')}</h2>
              <p class="cp-story__title" data-testid="cp-story-title">
                <strong>{st.title}</strong> <span class="cp-muted">({st.where})</span>
              </p>
              <p class="cp-muted cp-small">{t('ovStoryClaimsOnPage', String(st.claimsOnPage))}</p>
              {st.counter.length > 0 && (
                <div class="cp-story__counter">
                  <h3 class="cp-group__title">{t('ovStoryCounter')}</h3>
                  <ul class="cp-group__list">
                    {st.counter.map((c) => (
                      <li class="cp-related" key={`${c.claimId}-${c.about}`} data-testid="cp-story-counter" data-claim={c.claimId}>
                        <div class="cp-related__who">
                          <strong>{c.speaker}</strong>
                        </div>
                        <blockquote class="cp-related__text" lang={ui}>
                          {c.text}
                        </blockquote>
                        <p class="cp-muted cp-small">{t('ovStoryAbout', truncate(c.about, 120))}</p>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </section>
          ))}
          {shown.length > 0 && (
            <>
              <h2 class="cp-list__title">{t('ovListTitle')}</h2>
              <p class="cp-legend" aria-hidden="true">
                {CLAIM_STATUSES.map((st) => (
                  <span class="cp-legend__item" key={st}>
                    <span class={`cp-dot cp-dot--${st}`} /> {t(STATUS_KEY[st])}
                  </span>
                ))}
              </p>
              <ol class="cp-list__items">
                {shown.map((e, i) => (
                  <li key={i}>
                    <button
                      type="button"
                      class={`cp-list__item cp-list__item--${e.status}${e.restated ? ' cp-list__item--restated' : ''}`}
                      data-testid="cp-list-item"
                      data-index={String(i)}
                      data-kind={e.restated ? 'restated' : 'quote'}
                      onClick={() => {
                        setListOpen(false);
                        host.reveal(i, 'upper');
                        openCard(i, 'keyboard', badgeToggle());
                      }}
                    >
                      <span class={`cp-dot cp-dot--${e.status}`} aria-hidden="true" />
                      <span class="cp-list__who">{e.speaker}</span>
                      <span class="cp-list__quote">{truncate(e.quote, 160)}</span>
                      <span class="cp-visually-hidden"> ({t(STATUS_KEY[e.status])}{e.restated ? `, ${t('ovRestatedChip')}` : ''})</span>
                    </button>
                  </li>
                ))}
              </ol>
            </>
          )}
          {possible.length > 0 && (
            <section class="cp-possible" data-testid="cp-possible">
              <h2 class="cp-list__title">{t('ovPossibleTitle')}</h2>
              <ol class="cp-list__items">
                {possible.map((e, k) => {
                  const i = shown.length + k;
                  return (
                    <li key={i}>
                      <button
                        type="button"
                        class="cp-list__item cp-list__item--possible"
                        data-testid="cp-possible-item"
                        data-index={String(i)}
                        data-claim={e.card.claimId}
                        onClick={() => {
                          setListOpen(false);
                          openCard(i, 'keyboard', badgeToggle());
                        }}
                      >
                        <span class="cp-list__who">{e.speaker}</span>
                        <span class="cp-list__quote">{truncate(e.quote, 160)}</span>
                      </button>
                    </li>
                  );
                })}
              </ol>
            </section>
          )}
        </nav>
      )}
    </div>
  );
}
