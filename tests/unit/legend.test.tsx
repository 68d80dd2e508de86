// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nContext } from '../../components/i18n';
import { Legend, legendEntries } from '../../components/Legend';
import { NOTE_DECLARATIONS, markDeclarations } from '../../lib/overlay/highlight';
import en from '../../public/_locales/en/messages.json';
import ja from '../../public/_locales/ja/messages.json';
import { translator, type Messages } from '../helpers/locale';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const shown = (density: 'all' | 'key' | 'contested', statuses?: ('contested' | 'other-view' | 'supported' | 'neutral')[]) =>
  legendEntries(density, statuses).map((e) => `${e.kind}:${e.status ?? ''}`);

describe('legend', () => {
  it('lists the marks each density draws, and the notes mark', () => {
    expect(shown('all')).toEqual(['claim:contested', 'claim:other-view', 'claim:supported', 'claim:neutral', 'note:']);
    expect(shown('key')).toEqual(['claim:contested', 'claim:other-view', 'claim:supported', 'claim:neutral', 'subtle:neutral', 'note:']);
    expect(shown('contested')).toEqual(['claim:contested', 'note:']);
  });

  it('lists only the statuses present on the page when told', () => {
    expect(shown('key', ['other-view', 'neutral'])).toEqual(['claim:other-view', 'claim:neutral', 'subtle:neutral', 'note:']);
    expect(shown('contested', ['other-view'])).toEqual(['note:']);
    expect(shown('key', [])).toEqual(['note:']);
  });

  it('draws each sample with the page’s own CSS and names it in the UI language', () => {
    render(
      <I18nContext.Provider value={translator(ja as Messages, 'ja')}>
        <Legend density="key" variant="full" />
      </I18nContext.Provider>,
      root,
    );
    const items = [...root.querySelectorAll<HTMLElement>('.cp-marks__item')];
    expect(items.map((i) => i.querySelector('.cp-marks__label')!.textContent)).toEqual([
      '他の報道と矛盾', '他の報道に別の見方', '他の報道が裏付け', '関連する報道なし', '薄い下線: 媒体自身の記述', 'あなたのメモ',
    ]);
    const sample = (i: number) => items[i]!.querySelector<HTMLElement>('.cp-marks__sample')!;
    expect(sample(0).getAttribute('aria-hidden')).toBe('true');
    // jsdom's CSSOM keeps what it understands: the background of strong marks, none on subtle ones.
    expect(sample(0).style.backgroundColor).toBe(markDeclarations('contested').match(/background-color: ([^;]+)/)![1]);
    expect(sample(4).style.backgroundColor).toBe('');
    expect(sample(5).style.backgroundColor).toBe(NOTE_DECLARATIONS.match(/background-color: ([^;]+)/)![1]);
    expect(root.querySelector('ul')!.getAttribute('aria-label')).toBe('Counterpoint のマークの意味');
  });

  it('says what "contested only" leaves unmarked', () => {
    render(
      <I18nContext.Provider value={translator(en as Messages)}>
        <Legend density="contested" variant="full" />
      </I18nContext.Provider>,
      root,
    );
    expect(root.textContent).toContain('Other claims are not highlighted');
    expect(root.querySelector('[data-testid="cp-legend"]')!.getAttribute('data-density')).toBe('contested');
  });

  it("shows the restated passages' own mark when the page has some (lines over and under, no fill)", () => {
    const withRestated = legendEntries('key', ['neutral'], true, true);
    const r = withRestated.find((e) => e.kind === 'restated')!;
    expect(r.css).toContain('underline overline');
    expect(r.css).not.toContain('background');
    expect(legendEntries('key', ['neutral'], true, false).some((e) => e.kind === 'restated')).toBe(false);
    expect(legendEntries('contested', ['neutral'], true, true).some((e) => e.kind === 'restated')).toBe(false);
  });
});
