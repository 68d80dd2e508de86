import { render } from 'preact';
import { I18nContext } from '../../components/i18n';
import { SidePanelApp } from '../../components/sidepanel/SidePanelApp';
import { currentTranslator, loadUiLanguage, onUiLanguageChanged, uiLanguage } from '../../utils/i18n';
import { createPanelApi } from '../../utils/panel-api';
import '../../components/theme.css';
import '../popup/style.css';
import './style.css';

const api = createPanelApi();
const root = document.getElementById('app')!;

function paint(): void {
  const t = currentTranslator();
  document.documentElement.lang = uiLanguage();
  document.title = t('panelTitle');
  render(
    <I18nContext.Provider value={t}>
      <SidePanelApp api={api} />
    </I18nContext.Provider>,
    root,
  );
}

// The reader's UI language (settings page); the panel follows a change at once.
void loadUiLanguage().then(() => {
  paint();
  onUiLanguageChanged(paint);
});
