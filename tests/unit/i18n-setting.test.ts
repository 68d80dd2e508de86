import { beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for the parts of the extension API the translator reads: the browser's language,
// storage.local and its change event.
const state = {
  browserLang: 'en-US',
  stored: {} as Record<string, unknown>,
  failReads: false,
  listeners: new Set<(changes: Record<string, unknown>, area: string) => void>(),
};
// (utils/ reads the browser's own API through utils/extension-api.ts: no polyfill in the content script.)
const api = {
  i18n: { getUILanguage: () => state.browserLang, getMessage: (k: string) => `browser:${k}` },
  storage: {
    local: {
      get: async (keys: string[]) => {
        if (state.failReads) throw new Error('storage is broken');
        return Object.fromEntries(keys.filter((k) => k in state.stored).map((k) => [k, state.stored[k]]));
      },
      set: async (items: Record<string, unknown>) => {
        Object.assign(state.stored, items);
        for (const l of [...state.listeners]) l(Object.fromEntries(Object.keys(items).map((k) => [k, { newValue: items[k] }])), 'local');
      },
    },
    onChanged: {
      addListener: (l: (c: Record<string, unknown>, a: string) => void) => state.listeners.add(l),
      removeListener: (l: (c: Record<string, unknown>, a: string) => void) => state.listeners.delete(l),
    },
  },
};
vi.mock('../../utils/extension-api', () => ({ extensionApi: () => api }));

async function fresh() {
  vi.resetModules();
  return {
    i18n: await import('../../utils/i18n'),
    ui: await import('../../utils/ui-language'),
    settings: await import('../../utils/reader-settings'),
  };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  state.browserLang = 'en-US';
  state.stored = {};
  state.failReads = false;
  state.listeners.clear();
});

describe('the UI language setting (utils/i18n.ts)', () => {
  it('speaks the browser’s language until the setting is read, then the chosen one, from the bundled tables', async () => {
    state.stored = { uiLanguage: 'ja' };
    const { i18n } = await fresh();
    expect(i18n.uiLanguage()).toBe('en');
    expect(i18n.currentTranslator()('popupSettings')).toBe('Settings');
    expect(await i18n.loadUiLanguage()).toBe('ja');
    expect(i18n.uiLanguage()).toBe('ja');
    expect(i18n.currentTranslator().lang).toBe('ja');
    expect(i18n.currentTranslator()('popupSettings')).toBe('設定');
    expect(i18n.currentTranslator()('popupThisPage', '2')).toBe('このページ: 2 件');
  });

  it('auto follows the browser: Japanese for ja-JP even with nothing stored', async () => {
    state.browserLang = 'ja-JP';
    const { i18n, ui } = await fresh();
    expect(await i18n.loadUiLanguage()).toBe('ja');
    expect(ui.languageFor('auto')).toBe('ja');
    expect(ui.languageFor('en')).toBe('en');
  });

  it('reads storage once per page', async () => {
    const { i18n } = await fresh();
    const first = i18n.loadUiLanguage();
    expect(i18n.loadUiLanguage()).toBe(first);
  });

  it('tells every subscriber when the reader changes it (in any tab), and stops when they unsubscribe', async () => {
    const { i18n, settings } = await fresh();
    await i18n.loadUiLanguage();
    const heard: string[] = [];
    const offA = i18n.onUiLanguageChanged((l) => heard.push(`a:${l}`));
    const offB = i18n.onUiLanguageChanged((l) => heard.push(`b:${l}`));
    await settings.writeReaderSetting('uiLanguage', 'ja');
    await settle();
    expect(heard).toEqual(['a:ja', 'b:ja']);
    expect(i18n.currentTranslator()('popupSettings')).toBe('設定');
    // Another setting changing does not re-render anything.
    await settings.writeReaderSetting('density', 'all');
    await settle();
    expect(heard).toHaveLength(2);
    offA();
    await settings.writeReaderSetting('uiLanguage', 'auto');
    await settle();
    expect(heard).toEqual(['a:ja', 'b:ja', 'b:en']);
    offB();
    expect(state.listeners.size).toBe(0);
  });

  it('falls back to English, then to the key, for a string a table lacks', async () => {
    const { i18n } = await fresh();
    state.stored = { uiLanguage: 'ja' };
    await i18n.loadUiLanguage();
    const ja = i18n.currentTranslator();
    expect(ja.lang).toBe('ja');
    expect(ja('popupNoteCountOne')).toBe('1 saved note'); // English-only singular form
    expect(ja('noSuchKey')).toBe('noSuchKey');
  });

  it('keeps the browser’s language when storage cannot be read', async () => {
    state.browserLang = 'ja';
    state.failReads = true;
    const { i18n, settings } = await fresh();
    expect(await i18n.loadUiLanguage()).toBe('ja');
    expect(await settings.readReaderSettings()).toEqual({ uiLanguage: 'auto', density: 'key', readingHistory: true });
  });

  describe('a surface whose tables arrive later (the content script: utils/content-ui-language.ts)', () => {
    const tables = { en: { hello: { message: 'Hello' }, onlyEn: { message: 'English only' } }, ja: { hello: { message: 'こんにちは' } } };
    const slowSource = () => {
      const asked: string[] = [];
      let fail = false;
      const source = async (lang: 'en' | 'ja') => {
        asked.push(lang);
        await settle();
        if (fail) throw new Error('the background is gone');
        return tables[lang];
      };
      return { asked, source, failNext: () => (fail = true), recover: () => (fail = false) };
    };

    it('asks only the chosen language’s table, and speaks it once load() resolves', async () => {
      state.stored = { uiLanguage: 'ja' };
      const { ui } = await fresh();
      const s = slowSource();
      const lang = new ui.UiLanguage(s.source);
      expect(await lang.load()).toBe('ja');
      expect(s.asked).toEqual(['ja']);
      expect(lang.translator()('hello')).toBe('こんにちは');
      expect(lang.translator().lang).toBe('ja');
    });

    it('switches only after the new table is in, and tells its subscribers then', async () => {
      const { ui, settings } = await fresh();
      const s = slowSource();
      const lang = new ui.UiLanguage(s.source);
      await lang.load();
      const heard: string[] = [];
      lang.onChanged((l) => heard.push(`${l}:${lang.translator()('hello')}`));
      await settings.writeReaderSetting('uiLanguage', 'ja');
      expect(lang.lang()).toBe('en'); // the table is not in yet
      await lang.load();
      expect(heard).toEqual(['ja:こんにちは']);
      expect(lang.lang()).toBe('ja');
    });

    it('shows keys, never a crash, when the table cannot be had, and asks again next time', async () => {
      const { ui, settings } = await fresh();
      const s = slowSource();
      s.failNext();
      const lang = new ui.UiLanguage(s.source);
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      expect(await lang.load()).toBe('en');
      expect(lang.translator()('hello')).toBe('hello');
      s.recover();
      await settings.writeReaderSetting('uiLanguage', 'en');
      await lang.load();
      await settle();
      expect(lang.translator()('hello')).toBe('Hello');
      expect(s.asked).toEqual(['en', 'en']);
    });
  });
});
