import { render } from 'preact';
import { I18nContext } from '../../components/i18n';
import { SidePanelApp } from '../../components/sidepanel/SidePanelApp';
import { translate, uiLanguage } from '../../utils/i18n';
import { createPanelApi } from '../../utils/panel-api';
import '../popup/style.css';
import './style.css';

document.documentElement.lang = uiLanguage();
document.title = translate('panelTitle');

render(
  <I18nContext.Provider value={translate}>
    <SidePanelApp api={createPanelApi()} />
  </I18nContext.Provider>,
  document.getElementById('app')!,
);
