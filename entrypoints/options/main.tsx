import { render } from 'preact';
import { I18nContext } from '../../components/i18n';
import { SettingsApp, type SettingsApi } from '../../components/settings/SettingsApp';
import { currentTranslator, loadUiLanguage, onUiLanguageChanged, uiLanguage } from '../../utils/i18n';
import { languageFor } from '../../utils/ui-language';
import { readReaderSettings, writeReaderSetting } from '../../utils/reader-settings';
import { commandShortcut, highlightShortcut, openShortcutSettings } from '../../utils/shortcuts';
import { NEXT_CLAIM_COMMAND, PREVIOUS_CLAIM_COMMAND } from '../../utils/claim-commands';
import { sendRequest } from '../../utils/messaging';
import { onOverlaySettingChanged, overlayOffSites, setOverlayEnabled } from '../../utils/site-settings';
import '../../components/theme.css';
import '../../components/legend.css';
import './style.css';

const api: SettingsApi = {
  read: readReaderSettings,
  write: writeReaderSetting,
  offSites: overlayOffSites,
  turnSiteOn: (site) => setOverlayEnabled(site, true),
  onSitesChanged: onOverlaySettingChanged,
  shortcut: highlightShortcut,
  claimKeys: async () => ({ next: await commandShortcut(NEXT_CLAIM_COMMAND), previous: await commandShortcut(PREVIOUS_CLAIM_COMMAND) }),
  openShortcutSettings,
  historyCount: async () => {
    const r = await sendRequest({ type: 'history:list' });
    if (!r.ok) throw new Error(r.error);
    return r.visits.length;
  },
  clearHistory: async () => {
    const r = await sendRequest({ type: 'history:clear' });
    if (!r.ok) throw new Error(r.error);
    return r.removed;
  },
  openStory: async () => {
    const r = await sendRequest({ type: 'story:open' });
    if (!r.ok) throw new Error(r.error);
  },
  browser: import.meta.env.FIREFOX ? 'firefox' : 'chrome',
  autoLanguage: languageFor('auto'),
};

const root = document.getElementById('app')!;
function paint(): void {
  const t = currentTranslator();
  document.documentElement.lang = uiLanguage();
  document.title = t('settingsTitle');
  render(
    <I18nContext.Provider value={t}>
      <SettingsApp api={api} />
    </I18nContext.Provider>,
    root,
  );
}

void loadUiLanguage().then(() => {
  paint();
  // Choosing a language here re-renders this page in it at once (and every other open surface).
  onUiLanguageChanged(paint);
});
