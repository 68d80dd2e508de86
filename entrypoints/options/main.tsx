import { render } from 'preact';
import { I18nContext } from '../../components/i18n';
import { SettingsApp, type SettingsApi } from '../../components/settings/SettingsApp';
import { currentTranslator, languageFor, loadUiLanguage, onUiLanguageChanged, uiLanguage } from '../../utils/i18n';
import { readReaderSettings, writeReaderSetting } from '../../utils/reader-settings';
import { highlightShortcut, openShortcutSettings } from '../../utils/shortcuts';
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
  openShortcutSettings,
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
