// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nContext, type Translate } from '../../components/i18n';
import { SiteToggle, type SiteSettingsAdapter } from '../../components/overlay/SiteToggle';

const t: Translate = (key, subs) => `${key}:${Array.isArray(subs) ? subs.join(',') : (subs ?? '')}`;
let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function fake(site: string | null, off: Set<string> = new Set(), fail = false): SiteSettingsAdapter & { off: Set<string> } {
  return {
    off,
    currentSite: async () => site,
    isEnabled: async (s) => !off.has(s),
    setEnabled: async (s, enabled) => {
      if (fail) throw new Error('storage is not available');
      if (enabled) off.delete(s);
      else off.add(s);
    },
  };
}

async function mount(settings: SiteSettingsAdapter): Promise<void> {
  await act(async () => {
    render(
      <I18nContext.Provider value={t}>
        <SiteToggle settings={settings} />
      </I18nContext.Provider>,
      root,
    );
  });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('SiteToggle', () => {
  it('shows the site and turns the overlay off and on again', async () => {
    const s = fake('https://news.example');
    await mount(s);
    const input = root.querySelector<HTMLInputElement>('[data-testid="site-toggle-input"]')!;
    expect(root.textContent).toContain('ovSiteToggle:news.example');
    expect(input.checked).toBe(true);
    await act(async () => input.click());
    expect(s.off.has('https://news.example')).toBe(true);
    expect(root.querySelector<HTMLInputElement>('[data-testid="site-toggle-input"]')!.checked).toBe(false);
    await act(async () => root.querySelector<HTMLInputElement>('[data-testid="site-toggle-input"]')!.click());
    expect(s.off.size).toBe(0);
  });

  it('reflects a site that is already off', async () => {
    await mount(fake('https://a.example', new Set(['https://a.example'])));
    expect(root.querySelector<HTMLInputElement>('[data-testid="site-toggle-input"]')!.checked).toBe(false);
  });

  it('says when the tab is not a web page', async () => {
    await mount(fake(null));
    expect(root.querySelector('[data-testid="site-toggle-none"]')).not.toBeNull();
  });

  it('shows a storage error and keeps the previous state', async () => {
    await mount(fake('https://a.example', new Set(), true));
    await act(async () => root.querySelector<HTMLInputElement>('[data-testid="site-toggle-input"]')!.click());
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('storage is not available');
    expect(root.querySelector<HTMLInputElement>('[data-testid="site-toggle-input"]')!.checked).toBe(true);
  });
});
