import { markDeclarations, NOTE_DECLARATIONS } from '../lib/overlay/highlight';
import type { HighlightDensity } from '../lib/overlay/density';
import { CLAIM_STATUSES, type ClaimStatus } from '../lib/overlay/types';
import { useT } from './i18n';

/**
 * The key to Counterpoint's marks, for a reader who has opened nothing: each mark drawn exactly as
 * the page draws it (the samples take their CSS from lib/overlay/highlight.ts's style table) with
 * what it means, for the density the reader chose, and the reader's own notes' mark.
 *
 * Plugging it in (phase 2 of issue #16: in the overlay's shadow root, beside the badge):
 *
 *     import '../../components/legend.css';   // into the same shadow root
 *     <Legend density={density} statuses={statusesOnThisPage} variant="compact" />
 *
 * - `density`: the reader's setting (utils/reader-settings.ts `readReaderSettings().density`).
 * - `statuses`: the claim statuses present on the page, so the key lists only marks the reader can
 *   meet there (omit it to list all, as the settings page does). A contested mark is always listed
 *   when present, whatever the density.
 * - `notes`: whether to list the notes' mark (default true).
 * - `variant`: 'compact' is one wrapping row (the in-page strip); 'full' a list, with what the
 *   density leaves out (the settings page).
 * Strings come from `I18nContext` (keys `legend*`); it needs no extension API.
 */
export interface LegendProps {
  density: HighlightDensity;
  statuses?: readonly ClaimStatus[];
  notes?: boolean;
  variant?: 'compact' | 'full';
  /** Whether the page has passages restating a claim in other words (their own mark: lines over and under). */
  restated?: boolean;
}

const LABEL: Record<ClaimStatus, string> = {
  contested: 'legendContested',
  'other-view': 'legendOtherView',
  supported: 'legendSupported',
  neutral: 'legendNeutral',
};

export interface LegendEntry {
  kind: 'claim' | 'subtle' | 'restated' | 'note';
  /** The status whose mark is drawn (for 'subtle', the one the sample uses). */
  status?: ClaimStatus;
  label: string;
  css: string;
}

/** What the legend lists at a density (pure, for the component and its tests). */
export function legendEntries(density: HighlightDensity, statuses: readonly ClaimStatus[] = CLAIM_STATUSES, notes = true, restated = false): LegendEntry[] {
  const present = new Set(statuses);
  const shown = CLAIM_STATUSES.filter((s) => present.has(s) && (s === 'contested' || density !== 'contested'));
  const entries: LegendEntry[] = shown.map((status) => ({ kind: 'claim', status, label: LABEL[status], css: markDeclarations(status, 'strong') }));
  if (density === 'key' && statuses.length > 0) {
    // The faint mark keeps its status's shape; its sample uses "nothing related", the commonest.
    const status: ClaimStatus = present.has('neutral') ? 'neutral' : statuses[statuses.length - 1]!;
    entries.push({ kind: 'subtle', status, label: 'legendSubtle', css: markDeclarations(status, 'subtle') });
  }
  if (restated && density !== 'contested') {
    // A passage in the page's own words restating a claim: no fill, a line over and under.
    const status: ClaimStatus = present.has('neutral') || statuses.length === 0 ? 'neutral' : statuses[statuses.length - 1]!;
    entries.push({ kind: 'restated', status, label: 'legendRestated', css: markDeclarations(status, 'strong', true) });
  }
  if (notes) entries.push({ kind: 'note', label: 'legendNote', css: NOTE_DECLARATIONS });
  return entries;
}

/** The compact key's shorter label (`<key>Short`), where the locale has one. */
function short(t: (key: string) => string, key: string): string {
  const s = t(`${key}Short`);
  return s === `${key}Short` ? t(key) : s;
}

export function Legend({ density, statuses, notes = true, variant = 'compact', restated = false }: LegendProps) {
  const t = useT();
  const entries = legendEntries(density, statuses, notes, restated);
  return (
    <div class={`cp-marks cp-marks--${variant}`} data-testid="cp-legend" data-density={density}>
      <ul class="cp-marks__list" aria-label={t('legendLabel')}>
        {entries.map((e) => (
          <li class="cp-marks__item" key={`${e.kind}-${e.status ?? ''}`} data-kind={e.kind} data-status={e.status}>
            <span class="cp-marks__sample" aria-hidden="true" style={e.css}>
              {t('legendSample')}
            </span>
            <span class="cp-marks__label">{variant === 'compact' ? short(t, e.label) : t(e.label)}</span>
          </li>
        ))}
      </ul>
      {variant === 'full' && density === 'contested' && <p class="cp-marks__hidden">{t('legendHidden')}</p>}
    </div>
  );
}
