import { render } from 'preact';
import { browser } from 'wxt/browser';
import { I18nContext } from '../../components/i18n';
import { SourceView } from '../../components/overlay/SourceView';
import { bundledDataset } from '../../lib/overlay/bundled-dataset';
import { resolveSourceView } from '../../lib/overlay/source-view';
import { translate } from '../../utils/i18n';
import './style.css';

const ui = browser.i18n.getUILanguage().toLowerCase().startsWith('ja') ? 'ja' : 'en';
document.documentElement.lang = ui;
document.title = translate('ovSourceTitle');

// Seed texts, bundled as strings (only this extension page loads them).
const seedModules = import.meta.glob<string>('../../data/sources/*.txt', { eager: true, query: '?raw', import: 'default' });
const seeds: Record<string, string> = {};
for (const [path, text] of Object.entries(seedModules)) seeds[path.split('/').pop()!] = text;

const dataset = bundledDataset();
const result = resolveSourceView(dataset, seeds, new URLSearchParams(location.search));
const nameOf = (id: string): string => dataset?.entities.find((e) => e.id === id)?.name[ui] ?? id;

render(
  <I18nContext.Provider value={translate}>
    <SourceView result={result} ui={ui} nameOf={nameOf} />
  </I18nContext.Provider>,
  document.getElementById('app')!,
);
