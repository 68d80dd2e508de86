import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Badge } from '../Badge';
import { plural, useT } from '../i18n';
import { Card, STATUS_KEY } from './Card';
import { BadgeDock, type BadgeCornerStore } from './BadgeDock';
import { FocusRing } from './FocusRing';
import type { Lang } from '../../lib/dataset/types';
import type { CardModel } from '../../lib/overlay/card-model';
import type { CopyOutcome } from '../links/copy-link';
import { summarize } from '../../lib/overlay/card-model';
import { placeCard } from '../../lib/overlay/card-placement';
import { DEFAULT_DENSITY, type HighlightDensity, type MarkStrength } from '../../lib/overlay/density';
import type { BadgeCorner } from '../../lib/overlay/badge-placement';
import { BADGE_CORNERS } from '../../lib/overlay/badge-placement';
import type { RestatedView, StoryView } from '../../lib/overlay/restated-model';
import { CLAIM_STATUSES, type ClaimStatus, type OpenHow, type OverlayApi, type OverlayHost } from '../../lib/overlay/types';

/** One claim on the page: highlighted (in reading order), or listed as "possibly related". */
export interface OverlayEntry {
  status: ClaimStatus;
  speaker: string;
  /** The page's text under the highlight (shown as text only). */
  quote: string;
  card: CardModel;
  /** How loudly it is marked (density); default strong. */
  strength?: MarkStrength;
  /** A passage that restates the claim in other words or another language (the second tier's). */
  restated?: RestatedView;
  /** Not highlighted: listed as "possibly related" only (these come after the highlighted ones). */
  possible?: boolean;
}

/** What the reader points at: one passage, with the claims on it (indices into `entries`). */
export interface OverlayPassage {
  members: readonly number[];
}

export interface OverlayAppProps {
  entries: OverlayEntry[];
  /** Default: one passage per entry. */
  passages?: readonly OverlayPassage[];
  /** Stories the page reports (the badge's list shows them first). */
  stories?: StoryView[];
  /** The reader said a restated passage is not the claim. */
  onDismissMatch?: (key: string) => void;
  ui: Lang;
  host: OverlayHost;
  density?: HighlightDensity;
  bind?: (api: OverlayApi) => void;
  /** "Hide for this page": the session takes everything away (badge, key, highlights). */
  onHide?: () => void;
  /** The reader opened a passage's card on purpose (click, keyboard, list): the side panel may show it. */
  onPick?: (passage: number, claimId: string) => void;
  /** Opens the story view (a trusted click; the background opens the tab). */
  onOpenStory?: (claimId: string | null) => void;
  /** Where the badge's corner is remembered. */
  cornerStore?: BadgeCornerStore;
  /** Counterpoint's own elements (the dock skips them when looking for page controls). */
  isOurs?: (el: Element) => boolean;
  /** Copies the link to the passage of claim `index` (the card's "Copy link"). */
  copyLink?: (index: number) => Promise<CopyOutcome>;
}

interface OpenState {
  passage: number;
  /** Which claim of the passage is shown. */
  member: number;
  pinned: boolean;
  focus: boolean;
}

const HOVER_CLOSE_MS = 350;
const CARD_MAX_WIDTH = 440;

function truncate(s: string, n: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
}

const onePerEntry = (n: number): OverlayPassage[] => Array.from({ length: n }, (_, i) => ({ members: [i] }));

export function OverlayApp({
  entries,
  passages: given,
  stories = [],
  onDismissMatch,
  ui,
  host,
  density = DEFAULT_DENSITY,
  bind,
  onHide,
  onPick,
  onOpenStory,
  cornerStore,
  isOurs,
  copyLink,
}: OverlayAppProps) {
  const t = useT();
  const passages = given ?? onePerEntry(entries.length);
  const [open, setOpenState] = useState<OpenState | null>(null);
  const openRef = useRef<OpenState | null>(null);
  const [textLang, setTextLang] = useState<Lang>(ui);
  const [listOpen, setListOpen] = useState(false);
  const [ring, setRing] = useState<number | null>(null);
  const [roving, setRoving] = useState(0);
  const [tick, setTick] = useState(0);
  const [corner, setCorner] = useState<BadgeCorner>('bottom-right');
  const [everywhere, setEverywhere] = useState<BadgeCorner | null>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const cardRef = useRef<HTMLDivElement>(null);
  const focusedFor = useRef<OpenState | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const closeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const columnCache = useRef<{ width: number; column: { left: number; right: number } | null } | null>(null);

  const setOpen = (s: OpenState | null): void => {
    openRef.current = s;
    setOpenState(s);
  };

  const passageOf = (claimIndex: number): number => passages.findIndex((p) => p.members.includes(claimIndex));

  const proxy = (i: number): HTMLElement | null =>
    rootRef.current?.querySelector<HTMLElement>(`[data-testid="cp-proxy"][data-index="${i}"]`) ?? null;

  const openCard = (index: number, how: OpenHow, from: HTMLElement | null = null, member = 0): void => {
    if (index < 0 || index >= passages.length) return;
    clearTimeout(closeTimer.current);
    const cur = openRef.current;
    if (how === 'hover' && cur && (cur.pinned || cur.passage === index)) return;
    if (cur?.passage !== index) setTextLang(ui);
    returnTo.current = from;
    const m = Math.max(0, Math.min(member, passages[index]!.members.length - 1));
    setOpen({ passage: index, member: m, pinned: how !== 'hover', focus: how === 'keyboard' });
    setRoving(index);
    host.setActive(index);
    if (how !== 'hover') {
      const claim = entries[passages[index]!.members[m]!]?.card.claimId;
      if (claim) onPick?.(index, claim);
    }
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

  /** Moves the keyboard to a passage: focus its proxy (ring, scroll); with a card open, open its card. */
  const focusPassage = (i: number, openIt = false): void => {
    if (passages.length === 0) return;
    const k = ((i % passages.length) + passages.length) % passages.length;
    setRoving(k);
    const el = proxy(k);
    if (openIt || openRef.current?.pinned) {
      host.reveal(k, 'upper');
      openCard(k, 'keyboard', el);
      return;
    }
    el?.focus();
  };

  const currentPassage = (): number => {
    const active = (rootRef.current?.getRootNode() as ShadowRoot | null)?.activeElement as HTMLElement | null;
    const fromFocus = active?.getAttribute('data-testid') === 'cp-proxy' ? Number(active.getAttribute('data-index')) : null;
    return openRef.current?.passage ?? fromFocus ?? -1;
  };

  // The content script's handle; re-bound every render so it never sees stale state.
  bind?.({
    open: (i, how, claimId) => {
      const member = claimId ? Math.max(0, passages[i]?.members.findIndex((m) => entries[m]?.card.claimId === claimId) ?? 0) : 0;
      openCard(i, how, how === 'keyboard' ? ((rootRef.current?.getRootNode() as ShadowRoot | null)?.activeElement as HTMLElement | null) : null, member);
    },
    hoverEnd: scheduleHoverClose,
    close: () => closeCard(true),
    openIndex: () => openRef.current?.passage ?? null,
    openPinned: () => !!openRef.current?.pinned,
    step: (direction) => {
      const at = currentPassage();
      focusPassage(at < 0 ? (direction > 0 ? 0 : passages.length - 1) : at + direction);
    },
  });

  // Keep the card and focus ring on their passage while the page scrolls or resizes.
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

  // Place the card next to its passage, inside the viewport, never over the passage
  // (lib/overlay/card-placement.ts). A card the reader asked for whose passage leaves no room
  // anywhere scrolls the passage up first.
  useLayoutEffect(() => {
    const card = cardRef.current;
    if (!open || !card) return;
    const vw = document.documentElement.clientWidth || window.innerWidth;
    const vh = window.innerHeight;
    card.style.maxWidth = `${Math.min(CARD_MAX_WIDTH, vw - 16)}px`;
    card.style.maxHeight = '';
    const place = () =>
      placeCard({
        viewport: { width: vw, height: vh },
        passage: host.rects(open.passage),
        card: { width: card.offsetWidth, height: card.scrollHeight },
        maxWidth: CARD_MAX_WIDTH,
      });
    let p = place();
    if (!p.clear && open.pinned) {
      host.reveal(open.passage, 'upper');
      p = place();
    }
    card.style.maxWidth = `${Math.round(p.maxWidth)}px`;
    card.style.maxHeight = `${Math.round(p.maxHeight)}px`;
    card.style.left = `${Math.round(p.left)}px`;
    card.style.top = `${Math.round(p.top)}px`;
    card.dataset.side = p.side;
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
  const openPassage = open ? passages[open.passage] : undefined;
  const models = openPassage ? openPassage.members.map((m) => entries[m]!.card) : [];
  const current = openPassage ? entries[openPassage.members[open!.member] ?? openPassage.members[0]!] : undefined;
  const ringRects = ring !== null ? host.rects(ring) : [];
  // The key lists the copies' marks by status (restated passages have a mark of their own).
  const statuses = CLAIM_STATUSES.filter((s) => entries.some((e) => !e.possible && !e.restated && e.status === s));
  const listStatuses = CLAIM_STATUSES.filter((s) => shown.some((e) => e.status === s));

  const badgeToggle = (): HTMLElement | null => rootRef.current?.querySelector<HTMLElement>('.cp-badge__toggle') ?? null;

  // Where the marked text runs horizontally: scrolling does not move it, so it is measured again
  // only when the viewport's width changes.
  const textColumn = (): { left: number; right: number } | null => {
    const width = document.documentElement.clientWidth;
    if (columnCache.current && columnCache.current.width === width) return columnCache.current.column;
    let left = Infinity;
    let right = -Infinity;
    for (let i = 0; i < passages.length; i++) {
      for (const r of host.rects(i)) {
        left = Math.min(left, r.left);
        right = Math.max(right, r.right);
      }
    }
    const column = left < right ? { left, right } : null;
    columnCache.current = { width, column };
    return column;
  };

  const proxyLabel = (p: OverlayPassage): string => {
    const first = entries[p.members[0]!]!;
    if (p.members.length === 1) return t(first.restated ? 'ovHighlightRestatedLabel' : 'ovHighlightLabel', [first.speaker, t(STATUS_KEY[first.status]), truncate(first.quote, 80)]);
    return t('ovHighlightLabelMany', [String(p.members.length), t(STATUS_KEY[first.status]), truncate(first.quote, 80)]);
  };

  const onProxyKey = (e: KeyboardEvent, i: number): void => {
    if (!e.isTrusted) return;
    const to =
      e.key === 'ArrowDown' || e.key === 'ArrowRight'
        ? i + 1
        : e.key === 'ArrowUp' || e.key === 'ArrowLeft'
          ? i - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? passages.length - 1
              : null;
    if (to === null || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    e.stopPropagation();
    focusPassage(Math.max(0, Math.min(passages.length - 1, to)));
  };

  return (
    <div class="cp-root" ref={rootRef} lang={ui}>
      <div class="cp-proxies" role="group" aria-label={t('ovHighlightsLabel')} aria-description={t('ovHighlightsKeys')}>
        {passages.map((p, i) => {
          const first = entries[p.members[0]!]!;
          // "Possibly related" passages are listed, not highlighted: no keyboard stop of their own.
          if (first.possible) return null;
          return (
            <button
              type="button"
              class="cp-proxy"
              key={i}
              tabIndex={i === roving ? 0 : -1}
              data-testid="cp-proxy"
              data-index={String(i)}
              data-claim={first.card.claimId}
              data-claims={p.members.map((m) => entries[m]!.card.claimId).join(' ')}
              data-status={first.status}
              data-kind={first.restated ? 'restated' : 'quote'}
              aria-haspopup="dialog"
              aria-expanded={open?.passage === i ? 'true' : 'false'}
              aria-label={proxyLabel(p)}
              onFocus={() => {
                setRing(i);
                setRoving(i);
                host.reveal(i);
                if (!openRef.current) host.setActive(i);
              }}
              onBlur={() => {
                setRing(null);
                if (!openRef.current) host.setActive(null);
              }}
              onKeyDown={(e) => onProxyKey(e, i)}
              onClick={(ev) => {
                host.reveal(i, 'upper');
                openCard(i, 'keyboard', ev.currentTarget as HTMLElement);
              }}
            />
          );
        })}
      </div>

      {ringRects.length > 0 && <FocusRing rects={ringRects} />}

      {open && models.length > 0 && (
        <Card
          models={models}
          selected={open.member}
          onSelect={(m) => {
            setOpen({ ...open, member: m, focus: false });
            const claim = models[m]?.claimId;
            if (claim) onPick?.(open.passage, claim);
          }}
          restated={current?.restated}
          onDismissMatch={
            current?.restated && onDismissMatch
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
          onOpenStory={onOpenStory ? () => onOpenStory(models[open.member]?.claimId ?? null) : undefined}
          onCopyLink={copyLink && openPassage ? () => copyLink(openPassage.members[open.member] ?? openPassage.members[0]!) : undefined}
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

      <BadgeDock
        summary={summary}
        density={density}
        statuses={statuses}
        restated={shown.some((e) => e.restated)}
        expanded={listOpen}
        listId="cp-list"
        onToggle={() => setListOpen((v) => !v)}
        onHide={() => {
          setListOpen(false);
          closeCard(false);
          onHide?.();
        }}
        textColumn={textColumn}
        isOurs={isOurs ?? ((el) => el.localName.startsWith('counterpoint-'))}
        store={cornerStore}
        onCorner={setCorner}
        chosen={everywhere}
      />

      {/* After the badge in DOM order: Tab goes from the badge's toggle into the list. */}
      {listOpen && (
        <nav
          class={`cp-list cp-list--${corner}`}
          id="cp-list"
          aria-label={t('ovListTitle')}
          data-testid="cp-list"
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
                {listStatuses.map((st) => (
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
                      data-claim={e.card.claimId}
                      data-kind={e.restated ? 'restated' : 'quote'}
                      onClick={() => {
                        setListOpen(false);
                        const p = passageOf(entries.indexOf(e));
                        host.reveal(p, 'upper');
                        openCard(p, 'keyboard', badgeToggle(), passages[p]!.members.indexOf(entries.indexOf(e)));
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
                {possible.map((e) => {
                  const i = entries.indexOf(e);
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
                          const p = passageOf(i);
                          host.reveal(p, 'upper');
                          openCard(p, 'keyboard', badgeToggle());
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
          <div class="cp-list__foot">
            {onOpenStory && (
              <button type="button" class="cp-text-button" data-testid="cp-open-story" onClick={() => onOpenStory(null)}>
                {t('ovOpenStory')}
              </button>
            )}
            <span class="cp-list__keys">{t('ovKeysHint')}</span>
            <span class="cp-list__move" role="group" aria-label={t('ovDockCorners')}>
              {BADGE_CORNERS.map((c) => (
                <button
                  type="button"
                  key={c}
                  class={`cp-corner cp-corner--${c}${c === corner ? ' cp-corner--on' : ''}`}
                  data-testid="cp-corner"
                  data-corner={c}
                  aria-pressed={c === corner ? 'true' : 'false'}
                  aria-label={t(`ovCorner_${c.replace('-', '_')}`)}
                  title={t(`ovCorner_${c.replace('-', '_')}`)}
                  onClick={() => {
                    setEverywhere(c);
                    void cornerStore?.save(c, true).catch(() => undefined);
                  }}
                />
              ))}
            </span>
          </div>
        </nav>
      )}
      <span class="cp-visually-hidden" aria-live="polite">
        {open && openPassage && openPassage.members.length > 1 ? plural(t, 'ovPassageClaims', openPassage.members.length) : ''}
      </span>
    </div>
  );
}
