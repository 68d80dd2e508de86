import { useEffect, useState } from 'preact/hooks';
import { useT } from '../i18n';

/** What the toggle needs; `utils/site-settings.ts` exports `siteSettings` with this shape. */
export interface SiteSettingsAdapter {
  /** The active tab's site (origin), or null when it is not a web page. */
  currentSite(): Promise<string | null>;
  isEnabled(site: string): Promise<boolean>;
  setEnabled(site: string, enabled: boolean): Promise<void>;
}

type State =
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'ready'; site: string; enabled: boolean; saving: boolean; error?: string };

/**
 * Popup switch: "Show claims on <site>". Turning it off stops the automatic overlay on
 * every page of that site (open pages drop their highlights at once).
 */
export function SiteToggle({ settings }: { settings: SiteSettingsAdapter }) {
  const t = useT();
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    let alive = true;
    (async () => {
      const site = await settings.currentSite().catch(() => null);
      if (!site) {
        if (alive) setState({ status: 'none' });
        return;
      }
      const enabled = await settings.isEnabled(site).catch(() => true);
      if (alive) setState({ status: 'ready', site, enabled, saving: false });
    })();
    return () => {
      alive = false;
    };
  }, [settings]);

  if (state.status === 'loading') return null;
  if (state.status === 'none') {
    return (
      <p class="cp-site-toggle cp-site-toggle--none" data-testid="site-toggle-none">
        {t('ovSiteToggleUnavailable')}
      </p>
    );
  }
  const host = (() => {
    try {
      return new URL(state.site).host;
    } catch {
      return state.site;
    }
  })();
  const flip = async (): Promise<void> => {
    const next = !state.enabled;
    setState({ ...state, enabled: next, saving: true, error: undefined });
    try {
      await settings.setEnabled(state.site, next);
      setState({ ...state, enabled: next, saving: false });
    } catch (e) {
      setState({ ...state, enabled: !next, saving: false, error: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <div class="cp-site-toggle" data-testid="site-toggle">
      <label class="cp-site-toggle__label">
        <input
          type="checkbox"
          role="switch"
          class="cp-switch"
          checked={state.enabled}
          disabled={state.saving}
          aria-checked={state.enabled ? 'true' : 'false'}
          data-testid="site-toggle-input"
          onChange={() => void flip()}
        />{' '}
        {t('ovSiteToggle', host)}
      </label>
      {state.error && (
        <p role="alert" class="cp-site-toggle__error">
          {state.error}
        </p>
      )}
    </div>
  );
}
