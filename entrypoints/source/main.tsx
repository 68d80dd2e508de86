import { render } from 'preact';
import { I18nContext } from '../../components/i18n';
import { SourceView } from '../../components/overlay/SourceView';
import { bundledDataset } from '../../lib/overlay/bundled-dataset';
import { resolveSourceView } from '../../lib/overlay/source-view';
import { currentTranslator, loadUiLanguage, onUiLanguageChanged, uiLanguage } from '../../utils/i18n';
import './style.css';

// Seed texts, bundled as strings (only this extension page loads them).
const seedModules = import.meta.glob<string>('../../data/sources/*.txt', { eager: true, query: '?raw', import: 'default' });
const seeds: Record<string, string> = {};
for (const [path, text] of Object.entries(seedModules)) seeds[path.split('/').pop()!] = text;

const dataset = bundledDataset();
const result = resolveSourceView(dataset, seeds, new URLSearchParams(location.search));
const root = document.getElementById('app')!;

function paint(): void {
  const ui = uiLanguage();
  const t = currentTranslator();
  const nameOf = (id: string): string => dataset?.entities.find((e) => e.id === id)?.name[ui] ?? id;
  document.documentElement.lang = ui;
  document.title = t('ovSourceTitle');
  render(
    <I18nContext.Provider value={t}>
      <SourceView result={result} ui={ui} nameOf={nameOf} />
    </I18nContext.Provider>,
    root,
  );
}

// The reader's UI language (settings page); the view follows a change at once.
void loadUiLanguage().then(() => {
  paint();
  onUiLanguageChanged(paint);
});
