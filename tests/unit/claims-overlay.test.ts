// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClaimsOverlay, type ClaimsOverlayDeps } from '../../components/overlay/claims-overlay';
import type { OverlayAnnotation, OverlayHooks, ShownOverlay } from '../../lib/overlay/types';

const ARTICLE = `<article><h1>Title</h1><p>${'Words of an article. '.repeat(30)}</p></article>`;
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 30));

function annotation(): OverlayAnnotation {
  const range = document.createRange();
  range.selectNodeContents(document.querySelector('p')!);
  return { claimId: 'c1', range, quote: 'Words', speaker: { id: 's', name: { en: 'S', ja: 'S' } }, saidOn: { date: null, precision: 'unknown' }, sourceId: 'src', relations: [] };
}

/** Fake dependencies: every call recorded in `log`, in order. */
function deps(over: Partial<ClaimsOverlayDeps> = {}): { deps: ClaimsOverlayDeps; log: string[]; settingChanged: () => void } {
  const log: string[] = [];
  let changed: () => void = () => undefined;
  const shown = (): ShownOverlay => {
    const host = document.createElement('counterpoint-badge');
    document.body.append(host);
    return { signature: 'c1', host, owns: (n) => n === host, intact: () => host.isConnected, openLinked: () => false, claimAt: () => false, claims: () => [], passageOf: () => -1, reveal: () => false, step: () => undefined, disconnect: () => (log.push('session.disconnect'), host.remove()) };
  };
  const d: ClaimsOverlayDeps = {
    measure: () => undefined,
    gatedArticle: async () => (log.push('gatedArticle'), { isArticle: true, root: document.body, rootText: '', signals: [] }),
    loadAnnotator: async () => (log.push('loadAnnotator'), { annotateDocument: () => ({ isArticle: true, annotations: [annotation()] }) }),
    openOverlay: async () => (log.push('openOverlay'), shown()),
    isEnabled: async () => (log.push('isEnabled'), true),
    onSettingChanged: (cb) => {
      log.push('subscribe');
      changed = cb;
      return () => log.push('unsubscribe');
    },
    ...over,
  };
  return { deps: d, log, settingChanged: () => changed() };
}

let overlay: ClaimsOverlay | null = null;
afterEach(() => {
  overlay?.disconnect();
  overlay = null;
  document.body.innerHTML = '';
});

describe('ClaimsOverlay (the first stage’s claims concern)', () => {
  it('on a page that is not an article: no check, no setting, nothing loaded', async () => {
    document.body.innerHTML = '<h1>Weather</h1><p>Sunny.</p>';
    const { deps: d, log } = deps();
    overlay = new ClaimsOverlay(document, d);
    await settle();
    expect(log).toEqual([]);
  });

  it('on an article that names nothing of the dataset: the check alone; the setting is neither read nor watched', async () => {
    document.body.innerHTML = ARTICLE;
    const { deps: d, log } = deps({ gatedArticle: async () => (log.push('gatedArticle'), null) });
    overlay = new ClaimsOverlay(document, d);
    await settle();
    expect(log).toEqual(['gatedArticle']);
  });

  it('on an article that may carry claims: watches the setting before reading it, then loads and draws', async () => {
    document.body.innerHTML = ARTICLE;
    const { deps: d, log } = deps();
    overlay = new ClaimsOverlay(document, d);
    await settle();
    expect(log).toEqual(['gatedArticle', 'subscribe', 'isEnabled', 'loadAnnotator', 'openOverlay']);
  });

  it('reads the setting once; a change reads it again and re-runs; off takes the overlay away', async () => {
    document.body.innerHTML = ARTICLE;
    let enabled = true;
    const { deps: d, log, settingChanged } = deps({ isEnabled: async () => (log.push('isEnabled'), enabled) });
    overlay = new ClaimsOverlay(document, d);
    await settle();
    overlay.refresh(); // e.g. the UI language changed: a rebuild, not a new read
    await settle();
    expect(log.filter((l) => l === 'isEnabled')).toHaveLength(1);
    enabled = false;
    settingChanged();
    await settle();
    expect(log.filter((l) => l === 'isEnabled')).toHaveLength(2);
    expect(log).toContain('session.disconnect');
    expect(document.querySelector('counterpoint-badge')).toBeNull();
    overlay.disconnect();
    expect(log).toContain('unsubscribe');
    overlay = null;
  });

  it('a second stage that cannot draw leaves the page as it was, without throwing', async () => {
    document.body.innerHTML = ARTICLE;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { deps: d } = deps({
      openOverlay: async () => {
        throw new Error('the second stage is not loaded');
      },
    });
    overlay = new ClaimsOverlay(document, d);
    await settle();
    expect(document.querySelector('counterpoint-badge')).toBeNull();
    expect(warn).toHaveBeenCalled();
    expect(overlay.claimAt(1, 1)).toBe(false);
    warn.mockRestore();
  });

  it('a missing annotator (the second stage refused) shows nothing', async () => {
    document.body.innerHTML = ARTICLE;
    const { deps: d, log } = deps({ loadAnnotator: async () => (log.push('loadAnnotator'), null) });
    overlay = new ClaimsOverlay(document, d);
    await settle();
    expect(log).not.toContain('openOverlay');
  });

  it('"Hide for this page" from the card: everything goes, the rest is told, nothing is drawn again until show() or another page', async () => {
    document.body.innerHTML = ARTICLE;
    let hooks: OverlayHooks | null = null;
    const { deps: d, log } = deps({
      hidePage: () => log.push('hidePage'),
      shown: (ids) => log.push(`shown ${ids.join(' ')}`),
    });
    const open = d.openOverlay;
    d.openOverlay = async (doc, content, signature, h) => {
      hooks = h;
      return open(doc, content, signature, h);
    };
    overlay = new ClaimsOverlay(document, d);
    await settle();
    expect(log).toContain('shown c1');
    hooks!.hidePage();
    expect(overlay.isHidden()).toBe(true);
    expect(log.slice(-2)).toEqual(['session.disconnect', 'hidePage']);
    expect(document.querySelector('counterpoint-badge')).toBeNull();
    expect(overlay.claims()).toEqual([]);
    expect(overlay.step(1)).toBe(false);
    overlay.refresh(); // a re-run (late body, setting) draws nothing while hidden
    await settle();
    expect(document.querySelector('counterpoint-badge')).toBeNull();
    overlay.show();
    await settle();
    expect(overlay.isHidden()).toBe(false);
    expect(document.querySelector('counterpoint-badge')).not.toBeNull();
    hooks!.hidePage();
    overlay.navigated('https://example.com/a', 'https://example.com/b');
    expect(overlay.isHidden()).toBe(false);
  });
});
