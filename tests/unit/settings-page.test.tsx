// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nContext, type Translate } from '../../components/i18n';
import { SettingsApp, type SettingsApi } from '../../components/settings/SettingsApp';
import type { ReaderSettings } from '../../lib/settings/reader-settings';
import en from '../../public/_locales/en/messages.json';
import ja from '../../public/_locales/ja/messages.json';
import { translator, type Messages } from '../helpers/locale';

let root: HTMLElement;
let stored: ReaderSettings;
let sites: string[];
let writes: string[];
let failWrites: boolean;
let siteListeners: (() => void)[];

function fakeApi(over: Partial<SettingsApi> = {}): SettingsApi {
  return {
    read: async () => ({ ...stored }),
    write: async (key, value) => {
      if (failWrites) throw new Error('QuotaExceededError');
      writes.push(`${key}=${value}`);
      stored = { ...stored, [key]: value };
    },
    offSites: async () => [...sites],
    turnSiteOn: async (site) => {
      sites = sites.filter((s) => s !== site);
    },
    onSitesChanged: (cb) => {
      siteListeners.push(cb);
      return () => undefined;
    },
    shortcut: async () => 'Alt+Shift+H',
    browser: 'firefox',
    autoLanguage: 'en',
    ...over,
  };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await act(() => new Promise<void>((r) => setTimeout(r, 0)));
};
const $ = (sel: string) => root.querySelector(sel) as HTMLElement | null;

async function mount(api: SettingsApi, t: Translate = translator(en as Messages)) {
  await act(() => {
    render(
      <I18nContext.Provider value={t}>
        <SettingsApp api={api} />
      </I18nContext.Provider>,
      root,
    );
  });
  await flush();
}

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  stored = { uiLanguage: 'auto', density: 'key', readingHistory: true };
  sites = ['https://news.example', 'https://www.blog.example'];
  writes = [];
  failWrites = false;
  siteListeners = [];
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('settings page', () => {
  it('shows the stored choices, and what "same as the browser" means', async () => {
    await mount(fakeApi({ autoLanguage: 'ja' }));
    expect(($('[data-testid="lang-auto"]') as HTMLInputElement).checked).toBe(true);
    expect(($('[data-testid="density-key"]') as HTMLInputElement).checked).toBe(true);
    expect($('[data-testid="lang-auto"]')!.closest('label')!.textContent).toBe('Same as the browser (Japanese)');
    // Each language named in itself.
    expect($('[data-testid="lang-ja"]')!.closest('label')!.textContent).toBe('日本語');
    expect($('[data-testid="cp-legend"]')!.getAttribute('data-density')).toBe('key');
  });

  it('saves the language and the density, and the legend follows the density', async () => {
    await mount(fakeApi());
    await act(() => $('[data-testid="lang-ja"]')!.click());
    await flush();
    await act(() => $('[data-testid="density-contested"]')!.click());
    await flush();
    expect(writes).toEqual(['uiLanguage=ja', 'density=contested']);
    expect($('[data-testid="settings-status"]')!.textContent).toBe('Saved.');
    expect($('[data-testid="cp-legend"]')!.getAttribute('data-density')).toBe('contested');
  });

  it('keeps the previous choice and says why when storage refuses', async () => {
    failWrites = true;
    await mount(fakeApi());
    await act(() => $('[data-testid="density-all"]')!.click());
    await flush();
    expect(($('[data-testid="density-key"]') as HTMLInputElement).checked).toBe(true);
    expect($('[data-testid="settings-error"]')!.textContent).toBe('Could not save the setting: QuotaExceededError');
  });

  it('lists the sites where claims are hidden and shows them again', async () => {
    await mount(fakeApi());
    const items = () => [...root.querySelectorAll<HTMLElement>('[data-testid="sites-list"] li')];
    expect(items().map((li) => li.querySelector('.cp-sites__host')!.textContent)).toEqual(['news.example', 'www.blog.example']);
    expect(items()[0]!.querySelector('button')!.getAttribute('aria-label')).toBe('Show claims on news.example again');
    await act(() => items()[0]!.querySelector('button')!.click());
    await flush();
    expect(items().map((li) => li.dataset.site)).toEqual(['https://www.blog.example']);
    // Turned off from the popup meanwhile: the list follows.
    sites = [];
    await act(() => siteListeners.forEach((l) => l()));
    await flush();
    expect($('[data-testid="sites-empty"]')!.textContent).toBe('None: claims are shown on every site.');
  });

  it('shows the shortcut and how to change it in this browser', async () => {
    await mount(fakeApi());
    expect($('[data-testid="shortcut"]')!.textContent).toBe('Highlight the selected text and write a note: Alt+Shift+H');
    expect($('[data-testid="shortcut"] kbd')!.textContent).toBe('Alt+Shift+H');
    expect(root.textContent).toContain('about:addons');
    expect($('[data-testid="shortcut-open"]')).toBeNull(); // no way to open it offered: only the steps
    render(null, root);
    const opened: string[] = [];
    await mount(fakeApi({ browser: 'chrome', shortcut: async () => '', openShortcutSettings: async () => void opened.push('open') }));
    expect($('[data-testid="shortcut"]')!.textContent).toBe('No shortcut is set for highlighting the selected text.');
    expect(root.textContent).toContain('chrome://extensions/shortcuts');
    await act(() => $('[data-testid="shortcut-open"]')!.click());
    expect(opened).toEqual(['open']);
  });

  it('speaks Japanese', async () => {
    await mount(fakeApi(), translator(ja as Messages, 'ja'));
    expect(root.querySelector('h1')!.textContent).toBe('Counterpoint の設定');
    expect($('[data-testid="shortcut"]')!.textContent).toBe('選択した文章をハイライトしてメモを書く: Alt+Shift+H');
    expect($('[data-testid="density-key"]')!.closest('label')!.textContent).toContain('発言・矛盾する主張・別の見方（おすすめ）');
    expect($('[data-testid="lang-auto"]')!.closest('label')!.textContent).toBe('ブラウザと同じ（英語）');
  });
});
