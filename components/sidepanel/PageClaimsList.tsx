import { useEffect, useRef } from 'preact/hooks';
import type { PageClaim } from '../../lib/messages/protocol';
import { plural, useT } from '../i18n';
import { STATUS_KEY } from '../status';

/**
 * This page's claims in reading order, with their status (the side panel's "Claims on this page").
 * Choosing one scrolls the page to it and opens its card; a claim picked on the page is shown here
 * (`current`: scrolled into the panel's view and marked).
 */
export function PageClaimsList({
  claims,
  current,
  onChoose,
}: {
  claims: readonly PageClaim[];
  current: string | null;
  onChoose: (claimId: string) => void;
}) {
  const t = useT();
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!current) return;
    const el = Array.from(list.current?.querySelectorAll<HTMLElement>('[data-claim]') ?? []).find((x) => x.dataset.claim === current);
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);
  if (claims.length === 0) return <p class="cp-empty" data-testid="panel-no-claims">{t('panelNoClaims')}</p>;
  return (
    <>
      <p class="cp-muted cp-claims-count" data-testid="panel-claims-count" data-count={String(claims.length)}>
        {plural(t, 'panelClaimsCount', claims.length)}
      </p>
      <ol class="cp-claims-list" ref={list} data-testid="panel-claims">
        {claims.map((c, i) => (
          <li key={`${c.claimId}-${i}`}>
            <button
              type="button"
              class={`cp-claim-item cp-claim-item--${c.status}${c.claimId === current ? ' cp-claim-item--current' : ''}`}
              data-testid="panel-claim"
              data-claim={c.claimId}
              data-status={c.status}
              data-passage={String(c.passage)}
              aria-current={c.claimId === current ? 'true' : undefined}
              onClick={() => onChoose(c.claimId)}
            >
              <span class={`cp-status-dot cp-status-dot--${c.status}`} aria-hidden="true" />
              <span class="cp-claim-item__who">{c.speaker}</span>
              <span class="cp-claim-item__status">{t(STATUS_KEY[c.status])}</span>
              <span class="cp-claim-item__text">{c.text}</span>
            </button>
          </li>
        ))}
      </ol>
    </>
  );
}
