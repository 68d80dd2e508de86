import { useT } from './i18n';

/** The small corner badge shown on article pages (inside a shadow root). */
export function Badge() {
  const t = useT();
  return (
    <div class="cp-badge" role="status" aria-label={t('badgeAria')} data-testid="cp-badge">
      <span class="cp-badge__mark" aria-hidden="true">◐</span>
      <span class="cp-badge__text">{t('badgeArticle')}</span>
    </div>
  );
}
