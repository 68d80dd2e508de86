// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nContext } from '../../components/i18n';
import { copyLink, pageClipboard, type CopyOutcome } from '../../components/links/copy-link';
import { NOTE_MENU_HOST_NAME, NoteMenu, type NoteMenuDeps } from '../../components/notes/note-menu';
import { Card } from '../../components/overlay/Card';
import type { MountShadowUi } from '../../components/shadow-ui';
import { buildCardModel } from '../../lib/overlay/card-model';
import { emptyCatalog } from '../../lib/overlay/catalog';
import type { OverlayAnnotation } from '../../lib/overlay/types';
import en from '../../public/_locales/en/messages.json';
import { translator, type Messages } from '../helpers/locale';

const translate = translator(en as Messages);
const flush = async () => {
  for (let i = 0; i < 5; i++) await act(() => new Promise<void>((r) => setTimeout(r, 1)));
};

describe('copyLink: the clipboard from a click in the page', () => {
  it('copies, or hands the link back to copy by hand when the browser has no clipboard or refuses, or says there is none', async () => {
    const written: string[] = [];
    expect(await copyLink('https://x.example/#:~:text=a', async (t) => void written.push(t))).toEqual({ kind: 'copied' });
    expect(written).toEqual(['https://x.example/#:~:text=a']);
    expect(await copyLink('https://x.example/#:~:text=a', null)).toEqual({ kind: 'manual', link: 'https://x.example/#:~:text=a' });
    expect(await copyLink('https://x.example/#:~:text=a', () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')))).toEqual({
      kind: 'manual',
      link: 'https://x.example/#:~:text=a',
    });
    expect(await copyLink(null, async () => undefined)).toEqual({ kind: 'none' });
  });

  it('writes synchronously within the click (the user activation), before anything is awaited', () => {
    const write = vi.fn(() => new Promise<void>(() => undefined));
    void copyLink('https://x.example/', write);
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('finds no clipboard on an insecure page (the API is missing there)', () => {
    expect(pageClipboard({} as Navigator)).toBeNull();
    const writeText = vi.fn(async () => undefined);
    void pageClipboard({ clipboard: { writeText } } as unknown as Navigator)!('x');
    expect(writeText).toHaveBeenCalledWith('x');
  });
});

describe("the card's Copy link", () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });
  const model = (id: string) =>
    buildCardModel(
      { claimId: id, range: {} as Range, quote: 'q', sourceId: 's', speaker: { id: 'p', name: { ja: '話者', en: 'Speaker' } }, saidOn: { date: null, precision: 'unknown' }, relations: [] } as unknown as OverlayAnnotation,
      emptyCatalog,
      { ui: 'en' },
    );
  const mount = (id: string, onCopyLink?: () => Promise<CopyOutcome>) =>
    act(() => {
      render(
        <I18nContext.Provider value={translate}>
          <Card models={[model(id)]} selected={0} onSelect={() => undefined} ui="en" textLang="en" onToggleLang={() => undefined} onClose={() => undefined} onCopyLink={onCopyLink} />
        </I18nContext.Provider>,
        root,
      );
    });
  const $ = (sel: string) => root.querySelector(sel) as HTMLElement | null;

  it('copies and says so; a refused copy shows the link selected, to copy by hand; another claim starts afresh', async () => {
    let outcome: CopyOutcome = { kind: 'copied' };
    const onCopyLink = vi.fn(async () => outcome);
    mount('c1', onCopyLink);
    expect($('[data-testid="cp-link-status"]')).toBeNull();
    act(() => $('[data-testid="cp-copy-link"]')!.click());
    await flush();
    expect(onCopyLink).toHaveBeenCalledTimes(1);
    expect($('[data-testid="cp-link-status"]')!.getAttribute('data-state')).toBe('copied');
    expect($('[data-testid="cp-link-status"]')!.textContent).toBe('Link copied.');
    outcome = { kind: 'manual', link: 'https://x.example/#:~:text=b' };
    act(() => $('[data-testid="cp-copy-link"]')!.click());
    await flush();
    const field = $('[data-testid="cp-link-manual"]') as HTMLInputElement;
    expect(field.value).toBe('https://x.example/#:~:text=b');
    expect(field.readOnly).toBe(true);
    expect(document.activeElement).toBe(field);
    mount('c2', onCopyLink);
    await flush();
    expect($('[data-testid="cp-link-status"]')).toBeNull();
  });

  it('says when no link can be made, and shows no button when the overlay offers none', async () => {
    mount('c1', async () => ({ kind: 'none' }));
    act(() => $('[data-testid="cp-copy-link"]')!.click());
    await flush();
    expect($('[data-testid="cp-link-status"]')!.getAttribute('data-state')).toBe('none');
    mount('c1');
    expect($('[data-testid="cp-copy-link"]')).toBeNull();
  });
});

describe('the menu at a note highlight', () => {
  /** A shadow UI that lets the test click inside (the real one stops untrusted events: content-ui.test.ts). */
  const openUi: MountShadowUi = async (name, options) => {
    const host = document.createElement(name);
    const container = document.createElement('div');
    host.append(container);
    document.body.append(host);
    return { host, shadow: host.attachShadow({ mode: 'open' }), container, remove: () => (options?.onRemove?.(container), host.remove()) };
  };
  const deps = (over: Partial<NoteMenuDeps> = {}): NoteMenuDeps & { written: string[] } => {
    const written: string[] = [];
    return {
      translator: async () => translate,
      mountUi: openUi,
      noteAt: () => 'n1',
      claimAt: () => false,
      rectsOf: () => [{ left: 10, top: 10, right: 60, bottom: 30, width: 50, height: 20, x: 10, y: 10 } as DOMRect],
      linkFor: (id) => `https://x.example/a#:~:text=${id}`,
      writeText: async (t) => void written.push(t),
      showNote: async () => true,
      written,
      ...over,
    };
  };
  const host = () => document.querySelector(NOTE_MENU_HOST_NAME);
  const $ = (sel: string) => host()?.querySelector(sel) as HTMLElement | null;
  afterEach(() => (document.body.innerHTML = ''));

  it('puts nothing in the page until the reader clicks a highlight; page script clicks open nothing', async () => {
    const menu = new NoteMenu(document, deps());
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 20, clientY: 20 }));
    await flush();
    expect(host()).toBeNull();
    menu.disconnect();
  });

  it("copies the note's link, asks for the side panel, and holds no note text; Escape and close take the host away", async () => {
    const d = deps({ showNote: vi.fn(async () => false) });
    const menu = new NoteMenu(document, d);
    await act(() => menu.open('n1'));
    expect(host()).not.toBeNull();
    expect(menu.current()).toBe('n1');
    act(() => $('[data-testid="cp-note-copy-link"]')!.click());
    await flush();
    expect(d.written).toEqual(['https://x.example/a#:~:text=n1']);
    expect($('[data-testid="cp-link-status"]')!.getAttribute('data-state')).toBe('copied');
    act(() => $('[data-testid="cp-note-show"]')!.click());
    await flush();
    expect(d.showNote).toHaveBeenCalledWith('n1');
    expect($('[data-testid="cp-note-shown"]')!.getAttribute('data-state')).toBe('elsewhere');
    expect($('[data-testid="cp-note-shown"]')!.textContent).toContain('sidebar');
    act(() => {
      $('[data-testid="cp-note-menu"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await flush();
    expect(host()).toBeNull();
    expect(menu.current()).toBeNull();
    await act(() => menu.open('n1'));
    menu.disconnect();
    await flush();
    expect(host()).toBeNull();
  });

  it('a note the page no longer shows has no link: the menu says so', async () => {
    const menu = new NoteMenu(document, deps({ linkFor: () => null }));
    await act(() => menu.open('gone'));
    act(() => $('[data-testid="cp-note-copy-link"]')!.click());
    await flush();
    expect($('[data-testid="cp-link-status"]')!.getAttribute('data-state')).toBe('none');
    menu.disconnect();
  });
});
