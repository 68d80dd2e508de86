import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/PopupApp';
import { SiteToggle } from '../../components/overlay/SiteToggle';
import '../../components/overlay/site-toggle.css';
import { siteSettings } from '../../utils/site-settings';
import { I18nContext } from '../../components/i18n';
import { createNotesApi } from '../../utils/notes-api';
import { sendRequest } from '../../utils/messaging';
import { translate } from '../../utils/i18n';
import { openSidePanel } from '../../utils/side-panel';
import './style.css';

const lang = browser.i18n.getUILanguage().startsWith('ja') ? 'ja' : 'en';
document.documentElement.lang = lang;

async function loadCount(): Promise<number> {
  const reply = await sendRequest({ type: 'ping' });
  if (!reply.ok) throw new Error(reply.error);
  return reply.noteCount;
}

render(
  <I18nContext.Provider value={translate}>
    <PopupApp
      loadCount={loadCount}
      notes={createNotesApi()}
      lang={lang}
      siteControls={<SiteToggle settings={siteSettings} />}
      // Called in the click's own handler: the browser opens the panel only in answer to the reader.
      onOpenPanel={() => void openSidePanel(undefined).then(() => window.close(), (e: unknown) => console.warn('[Counterpoint]', e))}
    />
  </I18nContext.Provider>,
  document.getElementById('app')!,
);
