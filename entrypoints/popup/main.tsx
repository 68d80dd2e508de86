import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/PopupApp';
import { SiteToggle } from '../../components/overlay/SiteToggle';
import { siteSettings } from '../../utils/site-settings';
import { I18nContext } from '../../components/i18n';
import { createNotesApi } from '../../utils/notes-api';
import { sendRequest } from '../../utils/messaging';
import { currentTranslator, loadUiLanguage, onUiLanguageChanged, uiLanguage } from '../../utils/i18n';
import '../../components/theme.css';
import '../../components/overlay/site-toggle.css';
import { openSidePanel } from '../../utils/side-panel';
import './style.css';

async function loadCount(): Promise<number> {
  const reply = await sendRequest({ type: 'ping' });
  if (!reply.ok) throw new Error(reply.error);
  return reply.noteCount;
}

function openSettings(): void {
  void browser.runtime.openOptionsPage().then(
    () => window.close(),
    (e: unknown) => console.warn('[Counterpoint] could not open the settings', e),
  );
}

const notes = createNotesApi();
const siteControls = <SiteToggle settings={siteSettings} />;
const root = document.getElementById('app')!;

function paint(): void {
  const lang = uiLanguage();
  document.documentElement.lang = lang;
  render(
    <I18nContext.Provider value={currentTranslator()}>
      <PopupApp
        loadCount={loadCount}
        notes={notes}
        lang={lang}
        siteControls={siteControls}
        onOpenSettings={openSettings}
        onOpenStory={() => void sendRequest({ type: 'story:open' }).then(() => window.close(), (e: unknown) => console.warn('[Counterpoint]', e))}
        // Called in the click's own handler: the browser opens the panel only in answer to the reader.
        onOpenPanel={() => void openSidePanel(undefined).then(() => window.close(), (e: unknown) => console.warn('[Counterpoint]', e))}
      />
    </I18nContext.Provider>,
    root,
  );
}

// The reader's UI language (settings page), then the popup in it; it follows a change at once.
void loadUiLanguage().then(() => {
  paint();
  onUiLanguageChanged(paint);
});
