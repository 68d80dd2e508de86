import { useT } from './i18n';

export interface BadgeSummary {
  claims: number;
  /** Claims another article contradicts; shown only when there are some. */
  contested: number;
  /** Claims with another view to weigh; shown only when there are some. */
  otherViews: number;
  /** Restated passages listed as "possibly related" (not highlighted); shown only when there are some. */
  possible?: number;
  /** Stories the page reports; said when nothing is highlighted. */
  stories?: number;
}

export interface BadgeProps {
  /** Claims found on the page; without it the badge only says Counterpoint is active. */
  summary?: BadgeSummary;
  expanded?: boolean;
  onToggle?: () => void;
  onDismiss?: () => void;
  /** id of the list the toggle controls (aria-controls). */
  listId?: string;
}

/** The small corner badge shown on article pages (inside a shadow root). */
export function Badge({ summary, expanded = false, onToggle, onDismiss, listId }: BadgeProps) {
  const t = useT();
  if (!summary) {
    return (
      <div class="cp-badge" role="status" aria-label={t('badgeAria')} data-testid="cp-badge">
        <span class="cp-badge__mark" aria-hidden="true">◐</span>
        <span class="cp-badge__text">{t('badgeArticle')}</span>
      </div>
    );
  }
  const parts: string[] = [];
  if (summary.claims > 0 || !summary.stories) parts.push(summary.claims === 1 ? t('ovBadgeClaimsOne') : t('ovBadgeClaims', String(summary.claims)));
  if (summary.contested > 0) parts.push(t('ovBadgeContested', String(summary.contested)));
  if (summary.otherViews > 0) parts.push(t('ovBadgeOtherViews', String(summary.otherViews)));
  if (summary.possible) parts.push(t('ovBadgePossible', String(summary.possible)));
  if (summary.stories && summary.claims === 0) parts.push(t('ovBadgeStory'));
  const text = parts.join(' · ');
  return (
    <div
      class="cp-badge cp-badge--summary"
      data-testid="cp-badge"
      data-claims={String(summary.claims)}
      data-contested={String(summary.contested)}
      data-other-views={String(summary.otherViews)}
      data-possible={String(summary.possible ?? 0)}
      data-stories={String(summary.stories ?? 0)}
    >
      <button
        type="button"
        class="cp-badge__toggle"
        data-testid="cp-badge-toggle"
        aria-expanded={expanded ? 'true' : 'false'}
        aria-controls={listId}
        title={t('ovBadgeListShow')}
        onClick={onToggle}
      >
        <span class="cp-badge__mark" aria-hidden="true">◐</span>
        <span class="cp-badge__text">{t('badgeArticle')}</span>
        <span class="cp-badge__sep" aria-hidden="true">·</span>
        <span class="cp-badge__count" data-testid="cp-badge-count">{text}</span>
      </button>
      {onDismiss && (
        <button
          type="button"
          class="cp-badge__dismiss"
          data-testid="cp-badge-dismiss"
          aria-label={t('ovBadgeDismiss')}
          title={t('ovBadgeDismiss')}
          onClick={onDismiss}
        >
          ×
        </button>
      )}
    </div>
  );
}
