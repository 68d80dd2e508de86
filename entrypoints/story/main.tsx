import { render } from 'preact';
import { browser } from 'wxt/browser';
import { I18nContext } from '../../components/i18n';
import { StoryApp } from '../../components/story/StoryApp';
import { bundledDataset } from '../../lib/overlay/bundled-dataset';
import { catalogFromDataset } from '../../lib/overlay/catalog';
import { buildStoryViews, storyOfClaim } from '../../lib/story/story-view';
import type { Visit } from '../../lib/storage/reading-history';
import { currentTranslator, loadUiLanguage, onUiLanguageChanged, uiLanguage } from '../../utils/i18n';
import { sendRequest } from '../../utils/messaging';
import '../../components/theme.css';
import './style.css';

const dataset = bundledDataset();
const catalog = dataset ? catalogFromDataset(dataset) : null;
const params = new URLSearchParams(location.search);
const focusClaim = params.get('claim');
const initialStory = dataset && focusClaim ? storyOfClaim(dataset, focusClaim) : null;
const root = document.getElementById('app')!;

let visits: Visit[] = [];
let historyOn = true;

/** The reading history, from the background (it lives in the extension's database). */
async function loadHistory(): Promise<void> {
  const r = await sendRequest({ type: 'history:list' }).catch(() => null);
  if (r?.ok) {
    visits = r.visits;
    historyOn = r.enabled;
  }
}

function paint(): void {
  const ui = uiLanguage();
  const t = currentTranslator();
  document.documentElement.lang = ui;
  document.title = t('storyTitle');
  const stories = dataset && catalog ? buildStoryViews({ dataset, catalog, ui, visits }) : [];
  render(
    <I18nContext.Provider value={t}>
      <StoryApp
        stories={stories}
        ui={ui}
        initialStory={initialStory}
        focusClaim={focusClaim}
        historyOn={historyOn}
        onOpenSettings={() => void browser.runtime.openOptionsPage()}
      />
    </I18nContext.Provider>,
    root,
  );
}

// The reader's UI language (settings page); the view follows a change at once.
void Promise.all([loadUiLanguage(), loadHistory()]).then(() => {
  paint();
  onUiLanguageChanged(paint);
  // Back on this tab after reading: the history may have grown.
  window.addEventListener('focus', () => void loadHistory().then(paint));
});
