import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../lib/dataset/types';
import { HIGHLIGHT_DENSITIES, type HighlightDensity } from '../../lib/overlay/density';
import { UI_LANGUAGE_SETTINGS, type ReaderSettings, type UiLanguageSetting } from '../../lib/settings/reader-settings';
import { plural, useT } from '../i18n';
import { Legend } from '../Legend';

/**
 * Everything the settings page needs from the outside world; the entrypoint implements it with
 * extension APIs (utils/), tests with a fake. Methods reject with a message fit to show.
 */
export interface SettingsApi {
  read(): Promise<ReaderSettings>;
  write<K extends keyof ReaderSettings>(key: K, value: ReaderSettings[K]): Promise<void>;
  /** Sites (origins) where claims are not shown. */
  offSites(): Promise<string[]>;
  /** Shows claims on a site again (removes it from the list). */
  turnSiteOn(site: string): Promise<void>;
  /** Subscribes to changes of the site list made elsewhere (the popup); returns an unsubscribe function. */
  onSitesChanged?(cb: () => void): () => void;
  /** The highlight shortcut's keys: '' when none is set, null when the browser cannot tell. */
  shortcut(): Promise<string | null>;
  /** Opens the browser's shortcut settings, where it can (else the page shows the steps only). */
  openShortcutSettings?(): Promise<void>;
  /** The keys of the "next / previous claim" commands ('' none, null unknown). */
  claimKeys?(): Promise<{ next: string | null; previous: string | null }>;
  /** How many pages the reading history holds. */
  historyCount?(): Promise<number>;
  /** Erases the reading history; resolves with how many pages were removed. */
  clearHistory?(): Promise<number>;
  /** Opens the story view. */
  openStory?(): Promise<void>;
  /** Which browser's steps to show for changing the shortcut. */
  browser: 'chrome' | 'firefox';
  /** What "same as the browser" means here. */
  autoLanguage: Lang;
}

type Status = { kind: 'saved' } | { kind: 'cleared' } | { kind: 'error'; text: string } | null;

const LANGUAGE_LABEL: Record<Exclude<UiLanguageSetting, 'auto'>, string> = {
  // Each language is named in itself, so a reader can find theirs whatever the page's language.
  en: 'English',
  ja: '日本語',
};
const DENSITY_LABEL: Record<HighlightDensity, [string, string]> = {
  all: ['densityAll', 'densityAllHint'],
  key: ['densityKey', 'densityKeyHint'],
  contested: ['densityContested', 'densityContestedHint'],
};

/** A stand-in substitution, to put an element (the keys) where the sentence has its placeholder. */
const MARK = '\u0000';
const around = (text: string): [string, string] => {
  const at = text.indexOf(MARK);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + MARK.length)];
};
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
const hostOf = (site: string) => {
  try {
    return new URL(site).host;
  } catch {
    return site;
  }
};

/** The options page: UI language, highlight density (with its legend), hidden sites, shortcut. */
export function SettingsApp({ api }: { api: SettingsApi }) {
  const t = useT();
  const [settings, setSettings] = useState<ReaderSettings | null>(null);
  const [sites, setSites] = useState<string[] | null>(null);
  const [shortcut, setShortcut] = useState<string | null | undefined>(undefined);
  const [status, setStatus] = useState<Status>(null);
  const [claimKeys, setClaimKeys] = useState<{ next: string | null; previous: string | null } | null>(null);
  const [historyCount, setHistoryCount] = useState<number | null>(null);

  const loadHistoryCount = (): void => void api.historyCount?.().then(setHistoryCount, () => setHistoryCount(null));

  useEffect(() => {
    api.read().then(setSettings, (e: unknown) => setStatus({ kind: 'error', text: message(e) }));
    api.shortcut().then(setShortcut, () => setShortcut(null));
    api.claimKeys?.().then(setClaimKeys, () => setClaimKeys(null));
    loadHistoryCount();
    const loadSites = () => void api.offSites().then(setSites, () => setSites([]));
    loadSites();
    return api.onSitesChanged?.(loadSites);
  }, [api]);

  const save = async <K extends keyof ReaderSettings>(key: K, value: ReaderSettings[K]) => {
    if (!settings) return;
    const before = settings;
    setSettings({ ...settings, [key]: value });
    try {
      await api.write(key, value);
      setStatus({ kind: 'saved' });
    } catch (e) {
      setSettings(before);
      setStatus({ kind: 'error', text: t('settingsSaveFailed', message(e)) });
    }
  };

  const clearHistory = async (): Promise<void> => {
    try {
      await api.clearHistory?.();
      setHistoryCount(0);
      setStatus({ kind: 'cleared' });
    } catch (e) {
      setStatus({ kind: 'error', text: message(e) });
    }
  };

  const setHistory = async (on: boolean): Promise<void> => {
    await save('readingHistory', on);
    // Off means nothing is kept: what was kept is erased too.
    if (!on) await clearHistory();
  };

  const turnOn = async (site: string) => {
    try {
      await api.turnSiteOn(site);
      setSites((list) => (list ?? []).filter((s) => s !== site));
      setStatus({ kind: 'saved' });
    } catch (e) {
      setStatus({ kind: 'error', text: t('settingsSaveFailed', message(e)) });
    }
  };

  const autoName = t(api.autoLanguage === 'ja' ? 'langNameJa' : 'langNameEn');

  return (
    <main class="cp-settings" data-testid="settings">
      <header class="cp-settings__head">
        <span class="cp-settings__mark" aria-hidden="true">◐</span>
        <h1>{t('settingsTitle')}</h1>
      </header>

      <section class="cp-panel" aria-labelledby="cp-lang-h">
        <h2 id="cp-lang-h">{t('settingsLanguageHeading')}</h2>
        <fieldset class="cp-choices" disabled={!settings}>
          <legend class="cp-choices__legend">{t('settingsLanguageLabel')}</legend>
          {UI_LANGUAGE_SETTINGS.map((value) => (
            <label class="cp-choice" key={value}>
              <input
                type="radio"
                name="uiLanguage"
                value={value}
                data-testid={`lang-${value}`}
                checked={settings?.uiLanguage === value}
                onChange={() => void save('uiLanguage', value)}
              />
              <span class="cp-choice__text">
                {value === 'auto' ? t('settingsLanguageAuto', autoName) : <span lang={value}>{LANGUAGE_LABEL[value]}</span>}
              </span>
            </label>
          ))}
        </fieldset>
        <p class="cp-hint">{t('settingsLanguageHint')}</p>
      </section>

      <section class="cp-panel" aria-labelledby="cp-density-h">
        <h2 id="cp-density-h">{t('settingsDensityHeading')}</h2>
        <fieldset class="cp-choices" disabled={!settings}>
          <legend class="cp-choices__legend">{t('settingsDensityLabel')}</legend>
          {HIGHLIGHT_DENSITIES.map((value) => (
            <label class="cp-choice cp-choice--described" key={value}>
              <input
                type="radio"
                name="density"
                value={value}
                data-testid={`density-${value}`}
                checked={settings?.density === value}
                onChange={() => void save('density', value)}
              />
              <span class="cp-choice__text">
                <span class="cp-choice__title">{t(DENSITY_LABEL[value][0])}</span>
                <span class="cp-choice__hint">{t(DENSITY_LABEL[value][1])}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {settings && (
          <div class="cp-legend-box">
            <h3>{t('legendLabel')}</h3>
            <Legend density={settings.density} variant="full" />
          </div>
        )}
      </section>

      <section class="cp-panel" aria-labelledby="cp-sites-h">
        <h2 id="cp-sites-h">{t('settingsSitesHeading')}</h2>
        {sites !== null && sites.length === 0 && (
          <p class="cp-muted" data-testid="sites-empty">{t('settingsSitesEmpty')}</p>
        )}
        {sites !== null && sites.length > 0 && (
          <ul class="cp-sites" data-testid="sites-list">
            {sites.map((site) => (
              <li class="cp-sites__item" key={site} data-site={site}>
                <span class="cp-sites__host">{hostOf(site)}</span>
                <button
                  type="button"
                  class="cp-button cp-button--small"
                  data-testid="site-on"
                  aria-label={t('settingsSiteOnLabel', hostOf(site))}
                  onClick={() => void turnOn(site)}
                >
                  {t('settingsSiteOn')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <p class="cp-hint">{t('settingsSitesHint')}</p>
      </section>

      <section class="cp-panel" aria-labelledby="cp-history-h" data-testid="history">
        <h2 id="cp-history-h">{t('settingsHistoryHeading')}</h2>
        <label class="cp-choice cp-choice--described">
          <input
            type="checkbox"
            role="switch"
            class="cp-switch"
            data-testid="history-on"
            checked={settings?.readingHistory ?? false}
            disabled={!settings}
            onChange={(e) => void setHistory((e.currentTarget as HTMLInputElement).checked)}
          />
          <span class="cp-choice__text">
            <span class="cp-choice__title">{t('settingsHistoryLabel')}</span>
            <span class="cp-choice__hint">{t('settingsHistoryHint')}</span>
          </span>
        </label>
        {historyCount !== null && (
          <p class="cp-muted" data-testid="history-count" data-count={String(historyCount)}>
            {plural(t, 'settingsHistoryCount', historyCount)}
          </p>
        )}
        <p class="cp-row">
          {api.clearHistory && (
            <button type="button" class="cp-button" data-testid="history-clear" disabled={historyCount === 0} onClick={() => void clearHistory()}>
              {t('settingsHistoryClear')}
            </button>
          )}
          {api.openStory && (
            <button type="button" class="cp-button" data-testid="open-story" onClick={() => void api.openStory!().catch((e: unknown) => setStatus({ kind: 'error', text: message(e) }))}>
              {t('settingsStoryOpen')}
            </button>
          )}
        </p>
      </section>

      <section class="cp-panel" aria-labelledby="cp-keys-h">
        <h2 id="cp-keys-h">{t('settingsShortcutHeading')}</h2>
        {shortcut !== undefined && (
          <p data-testid="shortcut" data-keys={shortcut ?? ''}>
            {shortcut ? (
              <>
                {around(t('settingsShortcutCurrent', MARK))[0]}
                <kbd class="cp-kbd">{shortcut}</kbd>
                {around(t('settingsShortcutCurrent', MARK))[1]}
              </>
            ) : (
              t('settingsShortcutNone')
            )}
          </p>
        )}
        {claimKeys && (claimKeys.next || claimKeys.previous) && (
          <p data-testid="claim-keys" data-next={claimKeys.next ?? ''} data-previous={claimKeys.previous ?? ''}>
            {t('settingsKeysClaims', [claimKeys.next || '—', claimKeys.previous || '—'])}
          </p>
        )}
        <p class="cp-hint">{t(api.browser === 'firefox' ? 'settingsShortcutFirefox' : 'settingsShortcutChrome')}</p>
        {api.openShortcutSettings && (
          <p>
            <button
              type="button"
              class="cp-button"
              data-testid="shortcut-open"
              onClick={() => void api.openShortcutSettings!().catch((e: unknown) => setStatus({ kind: 'error', text: message(e) }))}
            >
              {t('settingsShortcutOpen')}
            </button>
          </p>
        )}
      </section>

      <p class="cp-settings__status" role="status" aria-live="polite" data-testid="settings-status">
        {status?.kind === 'saved' && t('settingsSaved')}
        {status?.kind === 'cleared' && t('settingsHistoryCleared')}
      </p>
      {status?.kind === 'error' && (
        <p class="cp-notice cp-notice--error" role="alert" data-testid="settings-error">
          {status.text}
        </p>
      )}
    </main>
  );
}
