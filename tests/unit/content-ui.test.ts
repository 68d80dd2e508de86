// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closedShadowUi } from '../../components/shadow-ui';
import { LOCATION_POLL_MS, LocationWatcher } from '../../lib/page/location-watcher';
import { WorkStats } from '../../lib/overlay/work-stats';

const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('closedShadowUi', () => {
  it('mounts a closed shadow root with its styles inlined, unreachable from the host', async () => {
    const ui = await closedShadowUi(document, '.x { color: red; }')('counterpoint-test');
    expect(document.querySelector('counterpoint-test')).toBe(ui.host);
    expect((ui.host as HTMLElement).shadowRoot).toBeNull();
    expect(ui.shadow.querySelector('style')!.textContent).toContain('.x { color: red; }');
    expect(document.querySelectorAll('link, style').length).toBe(0); // nothing in the page's own DOM
    ui.remove();
    expect(document.querySelector('counterpoint-test')).toBeNull();
  });

  it('lets no untrusted event reach the UI', async () => {
    const ui = await closedShadowUi(document, '')('counterpoint-test');
    const button = document.createElement('button');
    let clicks = 0;
    button.addEventListener('click', () => clicks++);
    ui.container.append(button);
    button.click(); // a script's click: isTrusted is false
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    expect(clicks).toBe(0);
    ui.remove();
  });

  it('puts the host back when the page takes it out, once a frame at most', async () => {
    const ui = await closedShadowUi(document, '')('counterpoint-test');
    ui.host.remove();
    await frame();
    expect(ui.host.isConnected).toBe(true);
    document.body.innerHTML = '<p>re-rendered</p>';
    await frame();
    expect(ui.host.isConnected).toBe(true);
    ui.remove();
    await frame();
    expect(ui.host.isConnected).toBe(false);
  });
});

describe('LocationWatcher', () => {
  it('ignores navigate events page script dispatches, and follows the address', async () => {
    const seen: string[] = [];
    const target = new EventTarget();
    const win = { location: { href: 'https://a.example/1' }, navigation: target } as unknown as Window;
    const w = new LocationWatcher(win, (o, n) => seen.push(`${o} -> ${n}`));
    (win.location as { href: string }).href = 'https://a.example/2';
    vi.useFakeTimers();
    try {
      target.dispatchEvent(new Event('navigate')); // untrusted: ignored
      vi.advanceTimersByTime(3000);
      expect(seen).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
    w.disconnect();
  });

  it('polls the address where the Navigation API is missing', async () => {
    const seen: string[] = [];
    const win = { location: { href: 'https://a.example/1' } } as unknown as Window;
    vi.useFakeTimers();
    try {
      const w = new LocationWatcher(win, (o, n) => seen.push(`${o} -> ${n}`));
      (win.location as { href: string }).href = 'https://a.example/2';
      vi.advanceTimersByTime(LOCATION_POLL_MS);
      expect(seen).toEqual(['https://a.example/1 -> https://a.example/2']);
      w.disconnect();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('WorkStats', () => {
  it('keeps the longest slice per phase', () => {
    const s = new WorkStats();
    s.record('annotate', 0, 4.24);
    s.record('annotate', 10, 12);
    s.record('render', 0, 7.5);
    expect(s.snapshot()).toEqual({ slices: 3, longestMs: 7.5, longestByPhase: { annotate: 4.2, render: 7.5 } });
  });
});
